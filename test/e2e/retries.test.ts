// Retries with feedback, rebuilds on the integrated target and `tdd-waves retry`, through the real CLI bundle:
// real repositories, script agents that succeed only on a later attempt and check the feedback they get.
import { afterEach, describe, expect, it } from "vitest";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { git, planRepo, type TempRepo } from "../support/repo.js";
import { runCli, startCli } from "../support/cli.js";
import { readStoryFile } from "../../src/core/story/story-file.js";
import type { WorkflowState } from "../../src/core/state/state.js";

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function setup(...args: Parameters<typeof planRepo>) {
  const repo = planRepo(...args);
  repos.push(repo);
  return repo;
}

const stateOf = (dir: string, plan: string): WorkflowState => JSON.parse(git(dir, "show", `tdd-waves/state:${plan}/workflow-state.json`)) as WorkflowState;
const reportOf = (dir: string) => JSON.parse(readFileSync(join(dir, "tdd-waves-report.json"), "utf8"));

/** "role id attempt" of every agent start, in order. */
function starts(trace: string): string[] {
  if (!existsSync(trace)) return [];
  return readFileSync(trace, "utf8")
    .split("\n")
    .filter((l) => / start attempt=/.test(l))
    .map((l) => {
      const [, role, id, , attempt] = l.split(" ");
      return `${role} ${id} ${attempt!.split("=")[1]}`;
    });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("retries with feedback", () => {
  it("runs the implementation agent again with what failed: failing tests, a changed test file, unticked criteria", async () => {
    const { dir, trace, env } = setup(
      "retry",
      [
        { id: "a-001", implementer: "second-try" },
        { id: "b-001", implementer: "cheat-once" },
      ],
      {
        agents: {
          // Attempt 1 returns "wrong": the feedback must carry the test output that says so.
          "second-try": { IMPL_MODE: "second-try", EXPECT_FEEDBACK: "Attempt 1 of 2 failed: verify: tests fail|This is attempt 2 of 2|wrong" },
          // Attempt 1 weakens the test file and ticks nothing: both must be named, and the test file restored.
          "cheat-once": {
            IMPL_MODE: "cheat-once",
            EXPECT_FEEDBACK: "was changed after the tester wrote it|1 acceptance criteria not checked|- b-001 returns its id|test/b-001.test.mjs was restored",
          },
        },
      },
    );
    const r = await runCli(["run", "plan.yml"], dir, env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Retrying a-001: attempt 2 of 2");
    expect(starts(trace)).toEqual(
      expect.arrayContaining(["tester a-001 1", "implementation a-001 1", "implementation a-001 2", "tester b-001 1", "implementation b-001 1", "implementation b-001 2"]),
    );
    expect(starts(trace)).toHaveLength(6);

    const state = stateOf(dir, "retry");
    expect(state.stories.completed.sort()).toEqual(["a-001", "b-001"]);
    const a = state.runs["a-001"]!;
    expect(a.attempt).toBe(2);
    // Every attempt's phases are on record, the feedback given with the retried implementation.
    expect(a.phases.map((p) => `${p.attempt} ${p.phase} ${p.outcome}`)).toEqual([
      "1 tester ok",
      "1 red ok",
      "1 implementation ok",
      "1 verify failed",
      "2 implementation ok",
      "2 verify ok",
    ]);
    expect(a.phases[3]!.message).toMatch(/^verify: tests fail/);
    expect(a.phases[4]!.feedback).toContain("Attempt 1 of 2 failed");
    // The target has the second attempt's code; the test file is the tester's.
    expect(git(dir, "show", "main:src/a-001.mjs")).toContain('"a-001"');
    expect(git(dir, "show", "main:test/b-001.test.mjs")).not.toContain("weakened");

    const report = reportOf(dir);
    expect(report.storiesRetried).toEqual(["a-001", "b-001"]);
    expect(report.totalAttempts).toBe(4);
    expect(report.results[0]).toMatchObject({ storyId: "a-001", attempts: 2, retried: true, rebuilt: false, testsPassed: true });
    expect(report.results[0].retryReasons[0]).toMatch(/^verify: tests fail/);

    // The Gantt has a second I- bar for each, the failed first one crit.
    const gantt = (await runCli(["gantt", "plan.yml"], dir)).stdout;
    expect(gantt).toMatch(/I-a-001 — Story a-001 :crit, /);
    expect(gantt).toMatch(/I-a-001 \(attempt 2\) — Story a-001 :done, /);
    const status = (await runCli(["status", "plan.yml"], dir)).stdout;
    expect(status).toContain("Retries: 2 stories needed a retry:");
    expect(status).toMatch(/a-001: 2 attempts — verify: tests fail/);
  });

  it("fails a story that never succeeds after exactly retries + 1 attempts (a story's own retries too)", async () => {
    const { dir, trace, env } = setup("never", [{ id: "a-001", implementer: "broken", retries: 2 }, { id: "b-001", implementer: "broken" }], {
      agents: { broken: { IMPL_MODE: "fail" } },
      yaml: "retries: 0\n",
    });
    const r = await runCli(["run", "plan.yml"], dir, env);
    expect(r.code).toBe(1);
    expect(starts(trace).filter((s) => s.startsWith("implementation a-001"))).toEqual(["implementation a-001 1", "implementation a-001 2", "implementation a-001 3"]);
    expect(starts(trace).filter((s) => s.startsWith("implementation b-001"))).toEqual(["implementation b-001 1"]);
    const state = stateOf(dir, "never");
    expect(state.runs["a-001"]!.reason).toBe("implementation agent broken exited with code 1 (after 3 attempts)");
    expect(state.runs["b-001"]!.reason).toBe("implementation agent broken exited with code 1");
    expect(readStoryFile(git(dir, "show", "main:stories/a-001.md")).status).toBe("failed");
    // The message names the command that runs them again.
    expect(r.stdout).toContain("tdd-waves retry plan.yml a-001 b-001");
  });

  it("runs the tester again when its first tests pass before implementation", async () => {
    const { dir, trace, env } = setup("red", [{ id: "a-001", tester: "tester-lazy" }], {
      agents: { "tester-lazy": { TESTER_MODE: "passing-once", EXPECT_FEEDBACK: "red check: the tests pass before implementation" } },
    });
    const r = await runCli(["run", "plan.yml"], dir, env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(starts(trace)).toEqual(["tester a-001 1", "tester a-001 2", "implementation a-001 2"]);
    const run = stateOf(dir, "red").runs["a-001"]!;
    expect(run.phases.map((p) => `${p.attempt} ${p.phase} ${p.outcome}`)).toEqual(["1 tester ok", "1 red failed", "2 tester ok", "2 red ok", "2 implementation ok", "2 verify ok"]);
  });

  it("rebuilds the second of two stories that edit the same lines on the merged target, and completes it", async () => {
    const { dir, trace, env } = setup("clash", [{ id: "a-001", implementer: "clash" }, { id: "b-001", implementer: "clash" }], {
      agents: { clash: { IMPL_MODE: "conflict", EXPECT_FEEDBACK: "Rebuild on the integrated target: merge conflict in shared.txt|src/b-001.mjs" } },
    });
    const r = await runCli(["run", "plan.yml"], dir, env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Rebuilding b-001 on the integrated target (merge conflict in shared.txt)");
    // No second tester: the rebuild takes the story's locked tests onto the target.
    expect(starts(trace).filter((s) => s.includes("b-001"))).toEqual(["tester b-001 1", "implementation b-001 1", "implementation b-001 2"]);
    const state = stateOf(dir, "clash");
    expect(state.stories.completed.sort()).toEqual(["a-001", "b-001"]);
    const b = state.runs["b-001"]!;
    expect(b.rebuild).toMatchObject({ reason: "merge conflict in shared.txt", attempt: 2 });
    expect(b.phases.filter((p) => p.phase === "integrate")).toMatchObject([{ attempt: 1, outcome: "failed", message: "merge conflict in shared.txt" }]);
    // Built on the target that holds a-001: its merge is clean, and it is the one that wrote shared.txt last.
    expect(git(dir, "log", "--merges", "--reverse", "--format=%s", "main").split("\n")).toEqual(["tdd-waves: merge a-001: Story a-001", "tdd-waves: merge b-001: Story b-001"]);
    expect(git(dir, "show", "main:shared.txt")).toBe("written by b-001");
    expect(git(dir, "show", "main:test/b-001.test.mjs")).toContain("b-001 returns its id");
    expect(readStoryFile(git(dir, "show", "main:stories/b-001.md")).status).toBe("complete");
    expect(reportOf(dir).results[1]).toMatchObject({ storyId: "b-001", attempts: 2, retried: true, rebuilt: true, retryReasons: ["merge conflict in shared.txt"] });
    const gantt = (await runCli(["gantt", "plan.yml"], dir)).stdout;
    expect(gantt).toMatch(/I-b-001 — Story b-001 :crit, /);
    expect(gantt).toMatch(/I-b-001 \(rebuild\) — Story b-001 :done, /);

    // The same in dag mode, in a fresh repository.
    const dag = setup("clashdag", [{ id: "a-001", implementer: "clash" }, { id: "b-001", implementer: "clash" }], { agents: { clash: { IMPL_MODE: "conflict" } } });
    const d = await runCli(["run", "plan.yml", "--schedule", "dag"], dag.dir, dag.env);
    expect(d.stderr).toBe("");
    expect(d.code).toBe(0);
    expect(stateOf(dag.dir, "clashdag").stories.completed.sort()).toEqual(["a-001", "b-001"]);
    const rebuilt = Object.values(stateOf(dag.dir, "clashdag").runs).filter((run) => run.rebuild);
    expect(rebuilt).toHaveLength(1);
  });

  it("rebuilds a story whose tests fail on the merged result (no conflict) on the integrated target, their output as feedback", async () => {
    const { dir, trace, env } = setup(
      "broken",
      [{ id: "a-001", implementer: "setter" }, { id: "b-001", implementer: "user" }],
      {
        agents: {
          // a-001 changes what b-001's code relies on, in a file b-001 does not touch: the merges are clean.
          setter: { IMPL_MODE: "set-suffix" },
          user: { IMPL_MODE: "suffix", EXPECT_FEEDBACK: "Rebuild on the integrated target: fails after integration.|Tail of the failing output (b-001/integrate.log)|b-001!" },
        },
      },
      { "src/common.mjs": 'export const suffix = "";\n' },
    );
    const r = await runCli(["run", "plan.yml"], dir, env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("b-001: fails after integration; it is rebuilt on the integrated target");
    expect(r.stdout).toContain("Rebuilding b-001 on the integrated target (fails after integration)");
    expect(starts(trace).filter((s) => s.includes("b-001"))).toEqual(["tester b-001 1", "implementation b-001 1", "implementation b-001 2"]);
    const state = stateOf(dir, "broken");
    expect(state.stories.completed.sort()).toEqual(["a-001", "b-001"]);
    const b = state.runs["b-001"]!;
    expect(b.rebuild).toMatchObject({ reason: "fails after integration", attempt: 2 });
    expect(b.phases.map((p) => `${p.attempt} ${p.phase} ${p.outcome}`)).toEqual([
      "1 tester ok",
      "1 red ok",
      "1 implementation ok",
      "1 verify ok",
      "1 integrate failed",
      "2 implementation ok",
      "2 verify ok",
    ]);
    // The target holds a-001's change and the rebuilt b-001, and b-001's tests pass on it.
    expect(git(dir, "log", "--merges", "--reverse", "--format=%s", "main").split("\n")).toEqual([
      "tdd-waves: merge a-001: Story a-001",
      "tdd-waves: merge b-001: Story b-001",
      "tdd-waves: merge b-001: Story b-001",
    ]);
    expect(git(dir, "show", "main:src/common.mjs")).toContain('"!"');
    expect(git(dir, "show", "main:src/b-001.mjs")).not.toContain("suffix");
    expect(readStoryFile(git(dir, "show", "main:stories/b-001.md")).status).toBe("complete");
    expect(reportOf(dir).results[1]).toMatchObject({ storyId: "b-001", attempts: 2, retried: true, rebuilt: true, retryReasons: ["fails after integration"], testsPassed: true });
    const gantt = (await runCli(["gantt", "plan.yml"], dir)).stdout;
    expect(gantt).toMatch(/I-b-001 — Story b-001 :crit, /);
    expect(gantt).toMatch(/I-b-001 \(rebuild\) — Story b-001 :done, /);
  });

  it("dag with setup: batches tested in working copies of their own at their tips; a dependent waits for its dependency's rebuild", async () => {
    // d-001 needs a-001, c-001 needs b-001. a-001 is merged and tested first (it unlocks d-001); b-001 follows
    // in its own batch on a target that a-001 changed, fails there, is rebuilt, and only then does c-001 start.
    const { dir, trace, env } = setup(
      "brokendag",
      [
        { id: "a-001", implementer: "setter" },
        { id: "b-001", implementer: "user" },
        { id: "c-001", dependsOn: ["b-001"] },
        { id: "d-001", dependsOn: ["a-001"] },
      ],
      {
        agents: {
          setter: { IMPL_MODE: "set-suffix" },
          user: { IMPL_MODE: "suffix", SLEEP_MS: "1500", SLEEP_ON_ATTEMPT: "1" },
        },
        yaml: 'setup:\n  run: node -e ""\n',
      },
      { "src/common.mjs": 'export const suffix = "";\n' },
    );
    const r = await runCli(["run", "plan.yml", "--schedule", "dag"], dir, env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const order = starts(trace);
    expect(order.filter((s) => s.includes("b-001"))).toEqual(["tester b-001 1", "implementation b-001 1", "implementation b-001 2"]);
    expect(order.indexOf("tester c-001 1")).toBeGreaterThan(order.indexOf("implementation b-001 2"));
    const state = stateOf(dir, "brokendag");
    expect(state.stories.completed.sort()).toEqual(["a-001", "b-001", "c-001", "d-001"]);
    expect(state.runs["b-001"]!.rebuild).toMatchObject({ reason: "fails after integration" });
    expect(git(dir, "show", "main:src/b-001.mjs")).not.toContain("suffix");
    for (const id of ["a-001", "b-001", "c-001", "d-001"]) expect(readStoryFile(git(dir, "show", `main:stories/${id}.md`)).status).toBe("complete");
  });

  it("kill -9 between attempts, then resume: the attempt it was on goes on, no completed one runs again", async () => {
    const { dir, trace, env } = setup("killed", [{ id: "a-001", implementer: "second-try" }], {
      agents: { "second-try": { IMPL_MODE: "second-try", SLEEP_ON_ATTEMPT: "2", SLEEP_MS: "1500" } },
    });
    const run = startCli(["run", "plan.yml"], dir, env);
    const end = Date.now() + 30_000;
    while (!starts(trace).includes("implementation a-001 2")) {
      if (Date.now() > end) throw new Error("attempt 2 never started");
      await sleep(50);
    }
    run.child.kill("SIGKILL");
    await run.done;
    const killed = stateOf(dir, "killed");
    expect(killed.runs["a-001"]!.attempt).toBe(2);

    const resumed = await runCli(["run", "plan.yml"], dir, env);
    expect(resumed.stderr).toBe("");
    expect(resumed.code).toBe(0);
    // The tester's attempt and the failed first implementation are not run again; attempt 2 runs to its end.
    expect(starts(trace)).toEqual(["tester a-001 1", "implementation a-001 1", "implementation a-001 2", "implementation a-001 2"]);
    const state = stateOf(dir, "killed");
    expect(state.stories.completed).toEqual(["a-001"]);
    const a = state.runs["a-001"]!;
    expect(a.attempt).toBe(2);
    expect(a.phases.map((p) => `${p.attempt} ${p.phase} ${p.outcome}${p.interrupted ? " interrupted" : ""}`)).toEqual([
      "1 tester ok",
      "1 red ok",
      "1 implementation ok",
      "1 verify failed",
      "2 implementation failed interrupted",
      "2 implementation ok",
      "2 verify ok",
    ]);
    expect(reportOf(dir).results[0]).toMatchObject({ attempts: 2, retried: true });
  }, 60_000);
});

describe("tdd-waves retry", () => {
  it("runs failed stories and those they blocked again, keeping every other story's record", async () => {
    const { dir, trace, env } = setup("again", [{ id: "a-001" }, { id: "a-002", dependsOn: ["a-001"] }, { id: "b-001" }]);
    // a-001's implementation fails while this file exists (the agents run in worktrees: an absolute path).
    const broken = join(dir, ".git", "a-001");
    writeFileSync(broken, "");
    Object.assign(env, { FAIL_WHILE: join(dir, ".git") });
    const first = await runCli(["run", "plan.yml"], dir, env);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain("Run the failed story again (and the stories blocked behind them): tdd-waves retry plan.yml a-001");
    expect(stateOf(dir, "again").stories.blocked).toEqual(["a-002"]);

    // Refused, nothing changed: a complete story, an unknown one.
    const before = git(dir, "rev-parse", "tdd-waves/state");
    for (const args of [["retry", "plan.yml", "b-001"], ["retry", "plan.yml", "zz-001"], ["retry", "plan.yml"]]) {
      const refused = await runCli(args, dir, env);
      expect(refused.code, args.join(" ")).toBe(2);
      expect(refused.stderr).not.toMatch(/\n\s+at /);
    }
    expect(git(dir, "rev-parse", "tdd-waves/state")).toBe(before);

    rmSync(broken);
    const retried = await runCli(["retry", "plan.yml", "a-001"], dir, env);
    expect(retried.stderr).toBe("");
    expect(retried.code).toBe(0);
    const state = stateOf(dir, "again");
    expect(state.stories.completed.sort()).toEqual(["a-001", "a-002", "b-001"]);
    // A whole new set of attempts for a-001; b-001 never ran again.
    expect(state.runs["a-001"]).toMatchObject({ attempt: 3, firstAttempt: 3 });
    expect(starts(trace).filter((s) => s.includes("b-001"))).toEqual(["tester b-001 1", "implementation b-001 1"]);
    // The report counts every story's tests, not only the re-run ones; the Gantt keeps every bar.
    const report = reportOf(dir);
    expect(report).toMatchObject({ totalTestsCovered: 3, totalTestsPassed: 3, storiesRetried: ["a-001"] });
    expect(report.results.map((x: { storyId: string; attempts: number; testsTotal: number }) => [x.storyId, x.attempts, x.testsTotal])).toEqual([
      ["a-001", 3, 1],
      ["a-002", 1, 1],
      ["b-001", 1, 1],
    ]);
    const gantt = (await runCli(["gantt", "plan.yml"], dir)).stdout;
    for (const bar of ["T-a-001 —", "I-a-001 —", "I-a-001 (attempt 2)", "T-a-001 (attempt 3)", "I-a-001 (attempt 3)", "T-a-002 —", "I-a-002 —", "T-b-001 —"]) {
      expect(gantt).toContain(bar);
    }
  }, 60_000);
});
