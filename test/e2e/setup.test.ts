// The plan's `setup` through the real CLI bundle (issue 10): run once per fresh working copy before the
// tester and before the tests on the merged result, skipped in a reused working copy while nothing it
// depends on changed, `copy` files from the main checkout, failures for one story and for a whole wave.
import { afterEach, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { git, gitEnv, makeRepo, planFiles, type StorySpec } from "../support/repo.js";
import { runCli } from "../support/cli.js";
import type { WorkflowState } from "../../src/core/state/state.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const STORIES: StorySpec[] = [{ id: "a-001" }, { id: "a-002" }, { id: "a-003" }, { id: "a-004" }, { id: "b-001", dependsOn: ["a-001"] }];

/** A repository whose tests only pass where setup ran: the test command needs what setup makes. */
function repoWith(setupYaml: string, stories = STORIES) {
  const scratch = mkdtempSync(join(tmpdir(), "tdd-waves-setup-"));
  cleanups.push(() => rmSync(scratch, { recursive: true, force: true }));
  const files = planFiles("prep", stories, {
    yaml: `maxParallel: 2\nsetup:\n${setupYaml}\n`,
  });
  files["plan.yml"] = files["plan.yml"]!.replace("command: node --test {testFile}", "command: test -f deps/ready && node --test {testFile}");
  files[".gitignore"] = "deps/\n.env.test\n";
  files["setup.sh"] = [
    "#!/bin/sh",
    "set -e",
    // What the main checkout holds untracked must be here already (copy comes first).
    'if [ -n "$NEED_ENV" ]; then grep -q secret .env.test; fi',
    'echo "$PWD" >> "$SETUP_TRACE"',
    "mkdir -p deps && touch deps/ready",
    "",
  ].join("\n");
  const repo = makeRepo(files);
  cleanups.push(repo.cleanup);
  const trace = join(scratch, "setup-trace");
  return { dir: repo.dir, trace, env: { SETUP_TRACE: trace, SCRATCH: scratch } };
}

const stateOf = (dir: string): WorkflowState => JSON.parse(git(dir, "show", "tdd-waves/state:prep/workflow-state.json")) as WorkflowState;
const setupRuns = (trace: string): string[] => (existsSync(trace) ? readFileSync(trace, "utf8").trim().split("\n").filter(Boolean) : []);

describe("plan setup", () => {
  it("runs again where a story failed: its agent may have broken what setup made, and the next story there must not pay for it", async () => {
    // One working copy: a-001's implementer deletes deps/ and fails; a-002 gets the same working copy next.
    const { dir, trace, env } = repoWith("  run: sh setup.sh\n  reuse: [deps]", [{ id: "a-001", implementer: "wrecker" }, { id: "a-002" }]);
    writeFileSync(join(dir, "plan.yml"), readFileSync(join(dir, "plan.yml"), "utf8").replace("maxParallel: 2", "maxParallel: 1\nretries: 0"));
    writeFileSync(join(dir, "plan.yml"), readFileSync(join(dir, "plan.yml"), "utf8").replace("agents:\n", 'agents:\n  wrecker:\n    run: node agents/implementer.mjs\n    env: {"IMPL_MODE":"fail","WRECK":"deps"}\n'));
    git(dir, "commit", "-qam", "a wrecking implementer");
    const r = await runCli(["run", "plan.yml"], dir, env);
    expect(r.code, r.stderr).toBe(1);
    const state = stateOf(dir);
    expect(state.stories.failed).toEqual(["a-001"]);
    expect(state.stories.completed).toEqual(["a-002"]);
    // Setup ran for a-002 in the working copy a-001 left, not skipped there.
    const runs = setupRuns(trace);
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs[1]).toBe(runs[0]);
    expect(state.runs["a-002"]!.phases[0]).toMatchObject({ phase: "setup", outcome: "ok" });
    expect(state.runs["a-002"]!.phases[0]!.message).toBeUndefined();
  });

  it("prepares every fresh working copy outside the repository, reuses a prepared one, and prepares the merged result's", async () => {
    const { dir, trace, env } = repoWith("  run: sh setup.sh\n  reuse: [deps]\n  copy: [.env.test]");
    writeFileSync(join(dir, ".env.test"), "secret\n");
    const r = await runCli(["run", "plan.yml"], dir, { ...env, NEED_ENV: "1" });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const state = stateOf(dir);
    expect(state.stories.completed.sort()).toEqual(["a-001", "a-002", "a-003", "a-004", "b-001"]);
    // Two working copies at a time: setup ran once in each, never in the repository, and every other
    // story (and the merged result's tests, which need deps/ too) reused a prepared one.
    const runs = setupRuns(trace);
    expect(new Set(runs).size).toBe(runs.length);
    expect(runs.length).toBe(2);
    for (const at of runs) expect(at.startsWith(join(gitEnv.HOME!, ".cache", "tdd-waves"))).toBe(true);
    for (const id of state.stories.completed) {
      const setup = state.runs[id]!.phases[0]!;
      expect(setup.phase).toBe("setup");
      expect(setup.outcome).toBe("ok");
      if (setup.message) expect(setup.message).toMatch(/^skipped: the working copy kept deps and nothing setup depends on changed$/);
      else expect(readFileSync(setup.log!, "utf8")).toContain("sh setup.sh");
      expect(state.runs[id]!.phases[1]!.phase).toBe("tester");
    }
    expect(state.stories.completed.filter((id) => !state.runs[id]!.phases[0]!.message)).toHaveLength(2);
    // Nothing setup made or copied was committed; the working copies and their folder are gone.
    expect(git(dir, "ls-tree", "-r", "--name-only", "main")).not.toMatch(/deps\/|\.env\.test/);
    const cache = join(gitEnv.HOME!, ".cache", "tdd-waves");
    expect(existsSync(cache) ? readdirSync(cache).filter((d) => d.startsWith(dir.split("/").at(-1)!)) : []).toEqual([]);
  });

  it("runs setup in every working copy without reuse; a story whose setup fails is ❌ Failed with its log, the others go on", async () => {
    const { dir, trace, env } = repoWith(`  run: if mkdir "$SCRATCH/failed-once" 2>/dev/null; then echo broken >&2; exit 4; fi; sh setup.sh`);
    const r = await runCli(["run", "plan.yml"], dir, env);
    expect(r.code).toBe(1);
    const state = stateOf(dir);
    const failed = state.stories.failed;
    expect(failed).toHaveLength(1);
    const run = state.runs[failed[0]!]!;
    expect(run.reason).toBe("setup failed: setup exited with code 4");
    expect(run.phases.map((p) => p.phase)).toEqual(["setup"]);
    expect(readFileSync(run.phases[0]!.log!, "utf8")).toContain("broken");
    expect(r.stdout).toContain(`${failed[0]} failed: setup failed: setup exited with code 4`);
    // Every other working copy was prepared afresh: one setup per story and per test run of a merged result.
    expect(state.stories.completed.length + state.stories.blocked.length).toBe(4);
    const mergedWaves = 1 + (state.stories.completed.includes("b-001") ? 1 : 0);
    expect(setupRuns(trace).length).toBe(state.stories.completed.length + mergedWaves);
  });

  it.each(["waves", "dag"])("stops the execution when setup fails for every story of a wave the same way (exit 2, state error): %s", async (schedule) => {
    const { dir, env } = repoWith("  run: exit 7\n  timeout: 30s");
    const r = await runCli(["run", "plan.yml", "--schedule", schedule], dir, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tdd-waves: the execution stopped: setup failed: setup exited with code 7, for every story of wave 1: fix the plan's setup and run again \(log: .*setup\.log\)\n$/);
    const state = stateOf(dir);
    expect(state.status).toBe("error");
    expect(state.stories.failed.sort()).toEqual(["a-001", "a-002", "a-003", "a-004"]);
    expect(state.runs["b-001"]?.phases ?? []).toEqual([]);
  });

  it("fails setup that leaves files git would commit", async () => {
    const { dir, env } = repoWith("  run: sh setup.sh && touch not-ignored.txt", [{ id: "a-001" }, { id: "a-002" }]);
    const r = await runCli(["run", "plan.yml"], dir, env);
    expect(r.code).toBe(2);
    expect(stateOf(dir).runs["a-001"]!.reason).toBe("setup failed: it left files git would commit (not-ignored.txt): ignore them in .gitignore");
  });
});
