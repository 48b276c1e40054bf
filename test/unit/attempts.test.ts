// The attempts of a story read from its record (core/retries): what runs next, when a story is out of
// attempts, what a resumed execution continues with, and the transitions that start, resume, retry and rebuild.
import { describe, expect, it } from "vitest";
import { attemptHistory, attemptsAllowed, jobStartAttempt, nextStep, retryReasons, testsCommitted } from "../../src/core/retries/attempts.js";
import { renderRebuildFeedback, renderRetryFeedback, tailOf, TAIL_LINES } from "../../src/core/retries/feedback.js";
import { integrationRejected } from "../../src/core/retries/rebuild.js";
import { restartedState } from "../../src/core/retries/restart.js";
import {
  adoptCompleted,
  annotateRun,
  beginAttempt,
  beginPhase,
  chain,
  endPhase,
  failStory,
  rebuildPrepared,
  recordResult,
  requeueInProgress,
  retryStories,
  runDuration,
  startStory,
  statusOf,
  type PhaseName,
  type Transition,
  type WorkflowState,
} from "../../src/core/state/state.js";
import { at, makePlan, stateFor } from "../support/plans.js";

const plan = makePlan([{ id: "r-001" }, { id: "r-002", dependsOn: ["r-001"] }]);
const ID = "r-001";
let minute = 0;
const phase = (name: PhaseName, outcome: "ok" | "failed", message?: string): Transition =>
  chain(beginPhase(ID, name, at(minute++)), endPhase(ID, name, outcome, at(minute++), message));
const run = (s: WorkflowState) => s.runs[ID]!;
const started = (): WorkflowState => startStory(ID, at(0))(stateFor(plan));
const testsOk = chain(phase("tester", "ok"), phase("red", "ok"), annotateRun(ID, { testerCommit: "c1", testFileBlob: "b1" }, at(2)));

describe("nextStep", () => {
  it("walks a first attempt: tester, implementation, verify, verified", () => {
    let s = started();
    expect(nextStep(run(s), 1, true)).toMatchObject({ kind: "run", phase: "tester", attempt: 1, newAttempt: false });
    s = testsOk(s);
    expect(nextStep(run(s), 1, false)).toMatchObject({ kind: "run", phase: "implementation", attempt: 1 });
    s = phase("implementation", "ok")(s);
    expect(nextStep(run(s), 1, false)).toMatchObject({ kind: "run", phase: "verify" });
    s = phase("verify", "ok")(s);
    expect(nextStep(run(s), 1, false)).toEqual({ kind: "verified", attempt: 1 });
  });

  it("in a new checkout, does again the work an earlier process left uncommitted", () => {
    let s = testsOk(started());
    s = phase("implementation", "ok")(s);
    expect(nextStep(run(s), 1, true)).toMatchObject({ kind: "run", phase: "implementation", attempt: 1, newAttempt: false });
    s = phase("verify", "ok")(s);
    expect(nextStep(run(s), 1, true)).toMatchObject({ kind: "run", phase: "implementation", attempt: 1 });
  });

  it("after a failed verify, the implementation again in a new attempt; after a failed red check, the tester", () => {
    let s = chain(testsOk, phase("implementation", "ok"), phase("verify", "failed", "verify: tests fail (exit code 1)"))(started());
    const next = nextStep(run(s), 1, false);
    expect(next).toMatchObject({ kind: "run", phase: "implementation", attempt: 2, newAttempt: true, after: { phase: "verify", message: "verify: tests fail (exit code 1)" } });
    s = chain(phase("tester", "ok"), phase("red", "failed", "red check: the tests pass before implementation (they must fail first)"))(started());
    expect(nextStep(run(s), 1, false)).toMatchObject({ kind: "run", phase: "tester", attempt: 2, newAttempt: true });
  });

  it("is out of attempts after retries + 1, the reason naming them; with retries 0 the reason is the failure's own", () => {
    let s = chain(testsOk, phase("implementation", "failed", "implementation agent x exited with code 1"))(started());
    expect(nextStep(run(s), 0, false)).toEqual({ kind: "exhausted", phase: "implementation", reason: "implementation agent x exited with code 1", attempts: 1 });
    for (let k = 2; k <= 3; k++) s = chain(beginAttempt(ID, k, "fb", at(minute)), phase("implementation", "failed", "implementation agent x exited with code 1"))(s);
    expect(nextStep(run(s), 2, false)).toEqual({ kind: "exhausted", phase: "implementation", reason: "implementation agent x exited with code 1 (after 3 attempts)", attempts: 3 });
    expect(nextStep(run(s), 3, false)).toMatchObject({ kind: "run", attempt: 4 });
  });

  it("a new attempt begun but not yet run goes on from the committed tests, with its feedback", () => {
    const s = chain(testsOk, phase("implementation", "ok"), phase("verify", "failed", "verify: x"), beginAttempt(ID, 2, "what failed", at(9)))(started());
    expect(testsCommitted(run(s))).toBe(true);
    expect(nextStep(run(s), 1, true)).toEqual({ kind: "run", phase: "implementation", attempt: 2, newAttempt: false, feedback: "what failed" });
  });
});

describe("resuming and retrying", () => {
  it("continues the attempt a stopped execution was in: the phase cut short is recorded and run again", () => {
    let s = chain(testsOk, phase("implementation", "ok"), phase("verify", "failed", "verify: x"), beginAttempt(ID, 2, "fb", at(9)), beginPhase(ID, "implementation", at(10)))(started());
    s = requeueInProgress(at(11))(s);
    expect(statusOf(s, ID)).toBe("pending");
    expect(run(s).phases.at(-1)).toMatchObject({ phase: "implementation", attempt: 2, outcome: "failed", interrupted: true, message: "interrupted" });
    s = startStory(ID, at(12))(s);
    expect(run(s)).toMatchObject({ attempt: 2, firstAttempt: 1, status: "testing" });
    expect(run(s).resume).toBeUndefined();
    expect(nextStep(run(s), 1, true)).toEqual({ kind: "run", phase: "implementation", attempt: 2, newAttempt: false, feedback: "fb" });
  });

  it("a retry (tdd-waves retry, /build retry) starts a whole new set of attempts and keeps the earlier phases", () => {
    let s = chain(testsOk, phase("implementation", "failed", "agent failed"))(started());
    s = chain(beginAttempt(ID, 2, "fb", at(9)), phase("implementation", "failed", "agent failed"))(s);
    expect(nextStep(run(s), 1, false)).toMatchObject({ kind: "exhausted", attempts: 2 });
    s = failStory(ID, "agent failed (after 2 attempts)", at(19), "implementation")(s);
    s = retryStories([ID], { [ID]: ["r-002"] }, at(20))(s);
    expect(statusOf(s, ID)).toBe("pending");
    s = startStory(ID, at(21))(s);
    expect(run(s)).toMatchObject({ attempt: 3, firstAttempt: 3 });
    expect(run(s).feedback).toBeUndefined();
    expect(testsCommitted(run(s))).toBe(false);
    expect(nextStep(run(s), 1, true)).toMatchObject({ kind: "run", phase: "tester", attempt: 3 });
    expect(run(s).phases).toHaveLength(4);
    expect(attemptHistory(run(s)).map((a) => [a.attempt, a.outcome])).toEqual([
      [1, "failed"],
      [2, "failed"],
    ]);
  });

  it("--restart keeps every story's record, settles what was running, and holds the lock", () => {
    let old = chain(testsOk, beginPhase(ID, "implementation", at(5)))(started());
    old = { ...old, lock: { kind: "local", id: "l", since: at(0) } };
    const fresh = stateFor(plan, at(30));
    const s = restartedState(fresh, old, at(30));
    expect(s.stories.pending).toEqual(["r-001", "r-002"]);
    expect(s.lock?.id).toBe("l");
    expect(run(s).phases.at(-1)).toMatchObject({ outcome: "failed", interrupted: true, end: at(30) });
    expect(startStory(ID, at(31))(s).runs[ID]).toMatchObject({ attempt: 2, firstAttempt: 2 });
  });
});

describe("rebuilds", () => {
  const verified = (s: WorkflowState) =>
    chain(testsOk, phase("implementation", "ok"), phase("verify", "ok"), recordResult(ID, { commit: "v1", filesModified: ["src/r.ts"] }, at(8)))(s);

  it("a rejected integration sends the story back once for a rebuild, then fails it", () => {
    let s = verified(started());
    s = integrationRejected(ID, "merge conflict in shared.txt", 1, at(20))(s);
    expect(statusOf(s, ID)).toBe("pending");
    expect(run(s).rebuild).toMatchObject({ reason: "merge conflict in shared.txt", from: "v1" });
    expect(run(s).rebuild!.feedback).toContain("Rebuild on the integrated target: merge conflict in shared.txt");
    expect(run(s).rebuild!.feedback).toContain("- src/r.ts");
    s = startStory(ID, at(21))(s);
    expect(run(s)).toMatchObject({ attempt: 2, status: "implementing", rebuild: { attempt: 2 } });
    expect(nextStep(run(s), 1, true)).toEqual({ kind: "prepare-rebuild", attempt: 2 });
    expect(testsCommitted(run(s))).toBe(false);
    s = rebuildPrepared(ID, "c2", "b2", "t2", at(22))(s);
    expect(testsCommitted(run(s))).toBe(true);
    expect(nextStep(run(s), 1, true)).toMatchObject({ kind: "run", phase: "implementation", attempt: 2, feedback: expect.stringContaining("Rebuild") });
    const failedRebuild = phase("verify", "failed", "verify: tests fail (exit code 1)")(phase("implementation", "ok")(s));
    expect(nextStep(run(failedRebuild), 5, false)).toMatchObject({
      kind: "exhausted",
      reason: "merge conflict in shared.txt (rebuilt on the integrated target: verify: tests fail (exit code 1))",
    });
    // Verified and merged again, but rejected again: failed, never rebuilt twice.
    s = chain(phase("implementation", "ok"), phase("verify", "ok"))(s);
    s = integrationRejected(ID, "fails after integration", 1, at(40))(s);
    expect(statusOf(s, ID)).toBe("failed");
    expect(run(s).reason).toBe("fails after integration (after a rebuild on the integrated target)");
    expect(attemptHistory(run(s)).map((a) => [a.attempt, a.outcome, a.rebuild])).toEqual([
      [1, "failed", false],
      [2, "failed", true],
    ]);
    expect(retryReasons(run(s))).toEqual(["merge conflict in shared.txt"]);
  });

  it("a story waiting for its rebuild is not adopted as complete from the story file its first merge brought", () => {
    let s = verified(started());
    s = integrationRejected(ID, "fails after integration", 1, at(20))(s);
    s = adoptCompleted([ID], "t9", at(21))(s);
    expect(statusOf(s, ID)).toBe("pending");
    expect(run(s).merged).toBeUndefined();
  });

  it("bounds the attempts a story job's record may hold: from the wave's attempt to the set's last, a rebuild's alone", () => {
    const s = startStory(ID, at(0))(stateFor(plan));
    expect(attemptsAllowed(run(s), 2)).toEqual({ first: 1, last: 3 });
    const rebuilding = startStory(ID, at(21))(integrationRejected(ID, "merge conflict in a.txt", 2, at(20))(verified(s)));
    expect(attemptsAllowed(run(rebuilding), 2)).toEqual({ first: 2, last: 2 });
    expect(jobStartAttempt(run(rebuilding))).toBe(2);
  });

  it("with retries 0 integration failures are final, as before retries existed", () => {
    const s = integrationRejected(ID, "merge conflict in a.txt", 0, at(20))(verified(started()));
    expect(statusOf(s, ID)).toBe("failed");
    expect(run(s).reason).toBe("merge conflict in a.txt");
    expect(run(s).phases.at(-1)).toMatchObject({ phase: "integrate", outcome: "failed", attempt: 1 });
  });
});

describe("feedback", () => {
  it("says what failed, which criteria are open, that the test file was restored, and quotes the output's tail", () => {
    const text = renderRetryFeedback({
      failedAttempt: 1,
      attempts: 3,
      reason: "verify: tests fail (exit code 1); 1 acceptance criteria not checked",
      unchecked: ["Passwords are\n hashed"],
      restoredTestFile: "test/a.test.mjs",
      output: { log: "attempt-1/verify.log", text: "ok 1\n```\nnot ok 2 - expected 'a'\n\n" },
    });
    expect(text).toBe(
      [
        "Attempt 1 of 3 failed: verify: tests fail (exit code 1); 1 acceptance criteria not checked",
        "This is attempt 2 of 3: fix what failed.",
        "",
        "Acceptance criteria still unchecked:",
        "- Passwords are hashed",
        "",
        "The test file test/a.test.mjs was restored to what the tester wrote: it is locked, change the production code instead.",
        "",
        "Tail of the failing output (attempt-1/verify.log):",
        "````\nok 1\n```\nnot ok 2 - expected 'a'\n````",
      ].join("\n"),
    );
    expect(renderRebuildFeedback({ reason: "fails after integration" })).toMatch(/^Rebuild on the integrated target: fails after integration\./);
  });

  it("keeps only the tail of a long output", () => {
    const long = Array.from({ length: 500 }, (_, i) => `line ${i}`).join("\n");
    const tail = tailOf(long);
    expect(tail.split("\n")).toHaveLength(TAIL_LINES);
    expect(tail.endsWith("line 499")).toBe(true);
    expect(tailOf("x".repeat(20_000)).length).toBeLessThanOrEqual(6_000);
  });
});

describe("runDuration", () => {
  it("spans the current set of attempts, not the sets before a retry command", () => {
    let s = chain(testsOk, phase("implementation", "failed", "x"))(started());
    s = failStory(ID, "x", at(minute), "implementation")(s);
    s = retryStories([ID], {}, at(600))(s);
    s = chain(startStory(ID, at(600)), beginPhase(ID, "tester", at(600)), endPhase(ID, "tester", "ok", at(602)))(s);
    expect(runDuration(run(s))).toBe(2 * 60_000);
  });
});
