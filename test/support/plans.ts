// Test helpers: resolved Plan objects built directly (no plan file), and executions of them replayed
// through the real pure transitions of src/core/state/state.ts, so tests get states the engine could write.
import { DEFAULTS, type AgentSpec, type Plan, type Story } from "../../src/core/plan/model.js";
import {
  beginPhase,
  blockStory,
  completeStory,
  createState,
  endPhase,
  failStory,
  recordResult,
  startStory,
  startWave,
  type PhaseName,
  type StoryResult,
  type WorkflowState,
} from "../../src/core/state/state.js";

/**
 * A resolved plan from partial stories. Defaults: id `demo-001`, `demo-002`, … by position, title
 * `Story <n>`, epic = id without its last `-segment`, file `stories/<id>.md`, testFile
 * `test/<id>.test.ts`, tester `unit-test`, implementer `backend-dev`, no dependencies. Every agent
 * named by a story is defined. `overrides` replaces plan-level fields.
 */
export function makePlan(stories: Partial<Story>[], overrides: Partial<Omit<Plan, "stories">> = {}): Plan {
  const full: Story[] = stories.map((s, index) => {
    const id = s.id ?? `demo-${String(index + 1).padStart(3, "0")}`;
    return {
      id,
      title: s.title ?? `Story ${index + 1}`,
      epic: s.epic ?? (id.includes("-") ? id.slice(0, id.lastIndexOf("-")) : id),
      file: s.file ?? `${DEFAULTS.storiesDir}/${id}.md`,
      testFile: s.testFile ?? `test/${id}.test.ts`,
      tester: s.tester ?? "unit-test",
      implementer: s.implementer ?? "backend-dev",
      dependsOn: s.dependsOn ?? [],
      index,
    };
  });
  const agentNames = new Set(full.flatMap((s) => [s.tester, s.implementer]));
  const agents: Record<string, AgentSpec> = {};
  for (const name of agentNames) agents[name] = { name, run: `./agents/${name}.sh`, timeoutMs: DEFAULTS.agentTimeoutMs, env: {} };
  return {
    name: "demo",
    maxParallel: DEFAULTS.maxParallel,
    storiesDir: DEFAULTS.storiesDir,
    test: { command: "npx vitest run {testFile}", timeoutMs: DEFAULTS.testTimeoutMs },
    prompts: {},
    tdd: { requireRed: DEFAULTS.requireRed, lockTests: DEFAULTS.lockTests },
    agents,
    stories: full,
    ...overrides,
  };
}

/** Waves by the SPEC §1 rule (1 + highest wave of the dependencies, plan order inside a wave), or the plan's own. */
export function wavesOf(plan: Plan): string[][] {
  if (plan.waves) return plan.waves;
  const wave = new Map<string, number>();
  const byId = new Map(plan.stories.map((s) => [s.id, s]));
  const waveOfStory = (id: string): number => {
    const known = wave.get(id);
    if (known !== undefined) return known;
    const deps = byId.get(id)?.dependsOn ?? [];
    const w = 1 + Math.max(0, ...deps.map(waveOfStory));
    wave.set(id, w);
    return w;
  };
  const out: string[][] = [];
  for (const s of plan.stories) (out[waveOfStory(s.id) - 1] ??= []).push(s.id);
  return out.map((w) => w ?? []);
}

/** A fresh state for `plan`, created at `now`. */
export function stateFor(plan: Plan, now = "2025-01-06T09:00:00.000Z"): WorkflowState {
  return createState({ plan, planPath: `plans/${plan.name}.yml`, digest: "sha256:test", target: "main", waves: wavesOf(plan), now });
}

/** A clock for replaying executions: ISO timestamps `minutes` after `base`. */
export const at = (minutes: number, base = "2025-01-06T09:00:00.000Z"): string =>
  new Date(Date.parse(base) + Math.round(minutes * 60_000)).toISOString();

export interface StoryScript {
  /** Minutes (from the clock's base) at which the story starts; each phase below takes `phaseMinutes`. */
  startAt: number;
  phaseMinutes?: number;
  /** How far it goes: the phase it fails in, the phase it is still running in, or `complete`. */
  outcome: "complete" | { failsIn: PhaseName; reason?: string } | { runningIn: PhaseName };
  tester?: string;
  implementer?: string;
  green?: { passed: number; total: number };
  filesModified?: string[];
}

const ORDER: PhaseName[] = ["tester", "red", "implementation", "verify"];

/** Replays one story's attempt through the state transitions (tester, red, implementation, verify). */
export function playStory(state: WorkflowState, id: string, script: StoryScript): WorkflowState {
  const step = script.phaseMinutes ?? 5;
  let t = script.startAt;
  let s = startStory(id, at(t))(startWave(wavesOf0(state, id), at(t))(state));
  for (const phase of ORDER) {
    const agent = phase === "tester" ? (script.tester ?? "unit-test") : phase === "implementation" ? (script.implementer ?? "backend-dev") : undefined;
    s = beginPhase(id, phase, at(t), agent ? { agent } : {})(s);
    const o = script.outcome;
    if (typeof o === "object" && "runningIn" in o && o.runningIn === phase) return s;
    t += step;
    if (typeof o === "object" && "failsIn" in o && o.failsIn === phase) {
      const reason = o.reason ?? `${phase} failed`;
      if (phase === "verify") {
        const green = script.green ?? { passed: 2, total: 3 };
        s = recordResult(id, { ...baseResult(script), green: { exitCode: 1, ...green } }, at(t))(s);
      }
      return failStory(id, reason, at(t), phase)(endPhase(id, phase, "failed", at(t), reason)(s));
    }
    s = endPhase(id, phase, "ok", at(t))(s);
    if (phase === "red") s = recordResult(id, { ...baseResult(script), red: { exitCode: 1, passed: 0, total: script.green?.total ?? 3 } }, at(t))(s);
  }
  const green = script.green ?? { passed: 3, total: 3 };
  s = recordResult(id, { ...baseResult(script), acChecklistComplete: true, verifiedProduction: true, green: { exitCode: 0, ...green } }, at(t))(s);
  return completeStory(id, at(t))(s);
}

function baseResult(script: StoryScript): StoryResult {
  return { filesModified: script.filesModified ?? ["src/feature.ts"], acChecklistComplete: false, verifiedProduction: false };
}

function wavesOf0(state: WorkflowState, id: string): number {
  return state.waves.findIndex((w) => w.includes(id)) + 1;
}

/** Blocks `id` behind `dep` the way the engine does. */
export const block = (state: WorkflowState, id: string, dep: string, minutes: number): WorkflowState =>
  blockStory(id, `dependency ${dep} is failed`, at(minutes))(state);

/** Story id -> title, as renderers take it. */
export const titlesOf = (plan: Plan): Record<string, string> => Object.fromEntries(plan.stories.map((s) => [s.id, s.title]));

/**
 * A big, finished execution written out directly (every story complete, 4 phases each, wave w starting
 * 30 minutes after wave w-1): replaying thousands of stories through the transitions, which copy and
 * re-derive the whole state at each step, would take minutes.
 */
export function bigExecution(waveSizes: number[]): { plan: Plan; state: WorkflowState; titles: Record<string, string> } {
  const waves: string[][] = [];
  const runs: WorkflowState["runs"] = {};
  let n = 0;
  waveSizes.forEach((count, w) => {
    const ids: string[] = [];
    const t0 = Date.UTC(2025, 0, 6, 9, w * 30);
    const phase = (name: PhaseName, from: number, to: number) => ({
      phase: name,
      start: new Date(t0 + from * 60_000).toISOString(),
      end: new Date(t0 + to * 60_000).toISOString(),
      outcome: "ok" as const,
    });
    for (let i = 0; i < count; i++) {
      const id = `big-epic-${String(++n).padStart(4, "0")}`;
      ids.push(id);
      runs[id] = {
        attempt: 1,
        wave: w + 1,
        status: "complete",
        phases: [phase("tester", 0, 5), phase("red", 5, 6), phase("implementation", 6, 20), phase("verify", 20, 22)],
        result: { filesModified: [`src/${id}.ts`, `test/${id}.test.ts`], acChecklistComplete: true, verifiedProduction: true, red: { exitCode: 1, passed: 0, total: 4 }, green: { exitCode: 0, passed: 4, total: 4 } },
      };
    }
    waves.push(ids);
  });
  const all = waves.flat();
  const plan = makePlan(
    all.map((id, i) => ({ id, title: `Story number ${i + 1}: does a thing; with "quotes" & <tags>` })),
    { name: "big", waves },
  );
  const state: WorkflowState = {
    version: 1,
    plan: { name: "big", path: "plans/big.yml", digest: "sha256:x" },
    target: "main",
    status: "complete",
    currentWave: waves.length,
    waves,
    stories: { pending: [], inProgress: [], completed: all, failed: [], blocked: [] },
    epics: { "big-epic": { total: all.length, completed: all.length, failed: 0 } },
    runs,
    errors: [],
    lastUpdate: "2025-01-06T13:00:00.000Z",
    storyEpics: Object.fromEntries(all.map((id) => [id, "big-epic"])),
  };
  return { plan, state, titles: titlesOf(plan) };
}
