// A plan file that passed every check, with the defaults of SPEC §1 applied: the Plan the rest of tdd-waves
// works with. Records keyed by names from the plan (agents, environments) have no prototype: a lookup by any
// name ("constructor", "toString") finds what the plan defines or nothing.
import { presetCommand } from "../agents/presets.js";
import { DEFAULTS } from "./model.js";
import type { AgentSpec, Plan, Story } from "./model.js";
import { inDirectory, normalizeRepoPath } from "./paths.js";
import { parseDuration } from "./patterns.js";
import type { PlanFile } from "./schema.js";
import { buildSetup } from "./setup.js";

type StoryFile = PlanFile["stories"][number];

/** The stories directory a plan file names, in normal form. */
export function storiesDirOf(file: Pick<PlanFile, "storiesDir">): string {
  return file.storiesDir === undefined ? DEFAULTS.storiesDir : normalizeRepoPath(file.storiesDir);
}

/** One story of a plan file that passed every check, with its defaults applied. */
export function buildStory(s: StoryFile, index: number, storiesDir: string): Story {
  return {
    id: s.id,
    title: s.title.trim(),
    epic: s.epic ?? defaultEpic(s.id),
    file: s.file === undefined ? inDirectory(storiesDir, `${s.id}.md`) : normalizeRepoPath(s.file),
    testFile: normalizeRepoPath(s.testFile),
    tester: s.tester,
    implementer: s.implementer,
    // The parsed file is not used after this: its list can be the story's own.
    dependsOn: s.dependsOn ?? [],
    ...(s.retries === undefined ? {} : { retries: s.retries }),
    index,
  };
}

/** Applies the defaults of SPEC §1 to a plan file that passed every check. */
export function buildPlan(file: PlanFile): Plan {
  const storiesDir = storiesDirOf(file);
  const stories = file.stories.map((s, index) => buildStory(s, index, storiesDir));
  const agents = withoutPrototype(
    Object.entries(file.agents).map(([name, a]): [string, AgentSpec] => [name, buildAgent(name, a)]),
  );
  const plan: Plan = {
    name: file.name,
    maxParallel: file.maxParallel ?? DEFAULTS.maxParallel,
    storiesDir,
    test: {
      command: file.test.command,
      ...(file.test.junit === undefined ? {} : { junit: normalizeRepoPath(file.test.junit) }),
      timeoutMs: durationOr(file.test.timeout, DEFAULTS.testTimeoutMs),
    },
    prompts: {
      ...(file.prompts?.tester === undefined ? {} : { tester: normalizeRepoPath(file.prompts.tester) }),
      ...(file.prompts?.implementation === undefined ? {} : { implementation: normalizeRepoPath(file.prompts.implementation) }),
    },
    tdd: { requireRed: file.tdd?.requireRed ?? DEFAULTS.requireRed, lockTests: file.tdd?.lockTests ?? DEFAULTS.lockTests },
    retries: file.retries ?? DEFAULTS.retries,
    agents,
    stories,
  };
  if (file.waves) plan.waves = file.waves.map((w) => [...w]);
  if (file.budget) plan.budget = { ...file.budget };
  if (file.setup) plan.setup = buildSetup(file.setup);
  return plan;
}

/** An agent with its command: its own `run`, or its preset's command line with `model` and `args`. */
function buildAgent(name: string, a: PlanFile["agents"][string]): AgentSpec {
  const agent: AgentSpec = { name, run: a.run ?? "", timeoutMs: durationOr(a.timeout, DEFAULTS.agentTimeoutMs), env: withoutPrototype(Object.entries(a.env ?? {})) };
  if (a.preset === undefined) return agent;
  const args = a.args ?? [];
  return { ...agent, run: presetCommand(a.preset, { model: a.model, args }), preset: a.preset, ...(a.model === undefined ? {} : { model: a.model }), args: [...args] };
}

/** `msm-auth-001` -> `msm-auth`; an id without "-" is its own epic. */
export function defaultEpic(id: string): string {
  const cut = id.lastIndexOf("-");
  return cut > 0 ? id.slice(0, cut) : id;
}

/** A record of `entries` that answers only for its own keys. */
function withoutPrototype<T>(entries: [string, T][]): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) record[key] = value;
  return record;
}

function durationOr(text: string | undefined, fallback: number): number {
  return text === undefined ? fallback : (parseDuration(text) ?? fallback);
}
