// Interrupted executions: Ctrl-C, kill -9 at random moments, a second concurrent run, a changed plan.
import { afterEach, describe, expect, it } from "vitest";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { git, makeRepo, planFiles, type StorySpec, type TempRepo } from "../support/repo.js";
import { runCli, startCli } from "../support/cli.js";
import type { WorkflowState } from "../../src/core/state/state.js";

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function setup(name: string, stories: StorySpec[], extra: Parameters<typeof planFiles>[2] = {}) {
  const repo = makeRepo(planFiles(name, stories, extra));
  repos.push(repo);
  const trace = join(repo.dir, ".git", "agent-trace.log");
  return { dir: repo.dir, trace, env: { AGENT_TRACE: trace } };
}

function stateOf(dir: string, plan: string): WorkflowState | null {
  try {
    return JSON.parse(git(dir, "show", `tdd-waves/state:${plan}/workflow-state.json`)) as WorkflowState;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const STORIES: StorySpec[] = [
  { id: "a-001" },
  { id: "b-001" },
  { id: "a-002", dependsOn: ["a-001"] },
  { id: "b-002", dependsOn: ["b-001"] },
  { id: "c-001", dependsOn: ["a-002", "b-002"] },
];

describe("interrupted executions", () => {
  it("Ctrl-C saves the state and exits 130; a second run meanwhile is refused; running again resumes", async () => {
    const { dir, env } = setup("sigint", STORIES, { agents: { implementer: { SLEEP_MS: "1500" } } });
    const first = startCli(["run", "plan.yml"], dir, env);
    await waitFor(() => (stateOf(dir, "sigint")?.stories.inProgress.length ?? 0) > 0, "a story in progress");

    const second = await runCli(["run", "plan.yml"], dir, env);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/plan "sigint" is already being executed \(process \d+ on .*\); a second execution is refused/);

    first.child.kill("SIGINT");
    const r = await first.done;
    expect(r.code).toBe(130);
    expect(r.stderr).toContain("interrupted; the state is saved");
    const saved = stateOf(dir, "sigint")!;
    expect(saved.lock).toBeUndefined();
    expect(saved.stories.completed).not.toContain("c-001");

    const resumed = await runCli(["run", "plan.yml"], dir, env);
    expect(resumed.stderr).toBe("");
    expect(resumed.code).toBe(0);
    expect(stateOf(dir, "sigint")!.stories.completed.sort()).toEqual(["a-001", "a-002", "b-001", "b-002", "c-001"]);
  });

  it.each([
    { schedule: "waves", kills: 20 },
    { schedule: "dag", kills: 12 },
  ])("kill -9 at $kills random moments of a $schedule run, then resume: every story completes exactly once", async ({ schedule, kills }) => {
    const { dir, trace, env: agentEnv } = setup("killed", STORIES, { agents: { implementer: { SLEEP_MS: "200" } } });
    // A temporary directory of their own: what the CLI processes leave there is theirs alone.
    const tmp = join(dir, ".git", "tmp");
    mkdirSync(tmp);
    const env = { ...agentEnv, TMPDIR: tmp };
    const handOvers = () => readdirSync(tmp).filter((name) => name.startsWith("tdd-waves-objects-"));
    // A fixed seed keeps the moments random but the test repeatable.
    let seed = 20261125;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < kills; i++) {
      const run = startCli(["run", "plan.yml", "--schedule", schedule], dir, env);
      await sleep(150 + Math.floor(random() * 900));
      run.child.kill("SIGKILL");
      const r = await run.done;
      if (r.code === 0) break; // finished before the kill
    }
    // The killed processes left the folders they handed their state writes to git through…
    expect(handOvers().length).toBeGreaterThan(0);
    let last = await runCli(["run", "plan.yml", "--schedule", schedule], dir, env);
    expect(last.stderr).toBe("");
    expect(last.code).toBe(0);
    // …and the next one removed them (its own went when it exited).
    expect(handOvers()).toEqual([]);

    const state = stateOf(dir, "killed")!;
    expect(state.status).toBe("complete");
    expect(state.stories.completed.sort()).toEqual(["a-001", "a-002", "b-001", "b-002", "c-001"]);
    expect(new Set(state.stories.completed).size).toBe(5);
    const merges = git(dir, "log", "--merges", "--format=%s", "main").split("\n");
    const attempts = readFileSync(trace, "utf8").trim().split("\n");
    for (const id of state.stories.completed) {
      // Merged exactly once…
      expect(merges.filter((m) => m.startsWith(`tdd-waves: merge ${id}:`))).toHaveLength(1);
      // …and never started again once completed: no agent ran with a later attempt than the completing one.
      const completing = state.runs[id]!.attempt;
      const started = attempts.filter((l) => l.split(" ")[2] === id).map((l) => Number(l.match(/attempt=(\d+)/)![1]));
      expect(Math.max(...started)).toBe(completing);
    }
    // The merged result passes every story's tests.
    last = await runCli(["run", "plan.yml"], dir, env);
    expect(last.code).toBe(0);
    expect(git(dir, "log", "--merges", "--format=%s", "main").split("\n")).toHaveLength(5);
  }, 240_000);

  it("refuses to resume after the plan changed, unless --restart", async () => {
    const { dir, trace, env } = setup("changed", [{ id: "a-001", implementer: "broken" }, { id: "b-001" }], { agents: { broken: { IMPL_MODE: "fail" } } });
    expect((await runCli(["run", "plan.yml"], dir, env)).code).toBe(1);
    const plan = readFileSync(join(dir, "plan.yml"), "utf8").replace("implementer: broken", "implementer: implementer");
    writeFileSync(join(dir, "plan.yml"), plan);
    git(dir, "commit", "-qam", "fix the plan");
    const before = git(dir, "rev-parse", "tdd-waves/state");

    const refused = await runCli(["run", "plan.yml"], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/plan\.yml: the plan changed since its execution started .* run with --restart to go on under the changed plan/);
    expect(git(dir, "rev-parse", "tdd-waves/state")).toBe(before);

    const ranBefore = readFileSync(trace, "utf8").split("\n").filter((l) => l.includes(" b-001 ")).length;
    const restarted = await runCli(["run", "plan.yml", "--restart"], dir, env);
    expect(restarted.code).toBe(0);
    const state = stateOf(dir, "changed")!;
    expect(state.stories.completed.sort()).toEqual(["a-001", "b-001"]);
    // a-001 had its two attempts (retries: 1) before the restart: the restart is a new set, attempt 3, and the
    // record of the first two stays.
    expect(state.runs["a-001"]!.attempt).toBe(3);
    expect(state.runs["a-001"]!.firstAttempt).toBe(3);
    expect(new Set(state.runs["a-001"]!.phases.map((p) => p.attempt))).toEqual(new Set([1, 2, 3]));
    // b-001 is ✅ Complete on the target already: skipped, not built again, and its results kept.
    expect(readFileSync(trace, "utf8").split("\n").filter((l) => l.includes(" b-001 ")).length).toBe(ranBefore);
    const report = JSON.parse(readFileSync(join(dir, "tdd-waves-report.json"), "utf8"));
    expect(report.results.map((r: { storyId: string; testsTotal: number; attempts: number }) => [r.storyId, r.testsTotal, r.attempts])).toEqual([
      ["a-001", 1, 3],
      ["b-001", 1, 1],
    ]);
    expect(report).toMatchObject({ totalTestsCovered: 2, totalTestsPassed: 2, storiesRetried: ["a-001"], totalAttempts: 4 });
  });

  it("resumes a finished execution with failures without running completed stories again", async () => {
    const { dir, trace, env } = setup("again", [{ id: "a-001" }, { id: "b-001", implementer: "broken" }], { agents: { broken: { IMPL_MODE: "fail" } } });
    expect((await runCli(["run", "plan.yml"], dir, env)).code).toBe(1);
    const runs = readFileSync(trace, "utf8");
    const again = await runCli(["run", "plan.yml"], dir, env);
    expect(again.code).toBe(1);
    expect(readFileSync(trace, "utf8")).toBe(runs);
  });
});
