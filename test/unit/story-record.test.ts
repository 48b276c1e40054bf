// What a story job hands on with retries (core/state/story-record.ts) and what the state schema takes
// (core/state/schema.ts): a record holds the job's own attempts; adopting it keeps the earlier ones as the
// state has them; its attempts are bounded by the story's retries; old states and records still read.
import { describe, expect, it } from "vitest";
import { checkState } from "../../src/core/state/schema.js";
import { adoptStoryRecord, recordOfRun, recordProblem, storyRecordSchema } from "../../src/core/state/story-record.js";
import { integrationRejected } from "../../src/core/retries/rebuild.js";
import { beginAttempt, beginPhase, chain, endPhase, failStory, recordResult, retryStories, startStory, statusOf, type PhaseName, type Transition, type WorkflowState } from "../../src/core/state/state.js";
import { at, makePlan, stateFor } from "../support/plans.js";

const plan = makePlan([{ id: "r-001" }]);
const ID = "r-001";
const SHA = "a".repeat(40);
let minute = 0;
const phase = (name: PhaseName, outcome: "ok" | "failed", message?: string): Transition =>
  chain(beginPhase(ID, name, at(minute++)), endPhase(ID, name, outcome, at(minute++), message));

/** A first set of attempts that failed, then `/build retry`, then the wave that starts attempt 2. */
function secondSet(): WorkflowState {
  let s = chain(startStory(ID, at(0)), phase("tester", "ok"), phase("red", "ok"), phase("implementation", "failed", "agent failed"))(stateFor(plan));
  s = chain(failStory(ID, "agent failed", at(9), "implementation"), retryStories([ID], {}, at(10)), startStory(ID, at(11)))(s);
  return s;
}

describe("story records with attempts", () => {
  it("carry the phases of the attempts the job made, and adopting one keeps the earlier attempts as the state has them", () => {
    const wave = secondSet();
    // The job's own copy of the state: attempt 2 fails verify, attempt 3 succeeds.
    const job = chain(phase("tester", "ok"), phase("red", "ok"), phase("implementation", "ok"), phase("verify", "failed", "verify: x"), beginAttempt(ID, 3, "fb", at(40)), beginPhase(ID, "implementation", at(41), { feedback: "fb" }), endPhase(ID, "implementation", "ok", at(42)), phase("verify", "ok"), recordResult(ID, { commit: SHA }, at(50)))(wave);
    const record = storyRecordSchema.parse({ ...recordOfRun(ID, { ...job.runs[ID]!, status: "complete" }, SHA, {}, { from: 2 }) });
    expect(record.attempt).toBe(3);
    expect(record.phases.map((p) => `${p.attempt}:${p.phase}`)).toEqual(["2:tester", "2:red", "2:implementation", "2:verify", "3:implementation", "3:verify"]);
    expect(record.phases[4]!.feedback).toBe("fb");
    expect(recordProblem(record, wave.runs[ID], 1)).toBeUndefined();
    const adopted = adoptStoryRecord(record, at(60))(wave);
    expect(statusOf(adopted, ID)).toBe("complete");
    expect(adopted.runs[ID]!.attempt).toBe(3);
    expect(adopted.runs[ID]!.phases.map((p) => `${p.attempt}:${p.phase}:${p.outcome}`)).toEqual([
      "1:tester:ok", "1:red:ok", "1:implementation:failed",
      "2:tester:ok", "2:red:ok", "2:implementation:ok", "2:verify:failed", "3:implementation:ok", "3:verify:ok",
    ]);
  });

  it("refuses a record of an attempt the story does not have, or with phases of attempts the job did not make", () => {
    const wave = secondSet();
    const base = { version: 1, story: ID, outcome: "complete", tip: SHA, phases: [] };
    const of = (attempt: number, phases: object[] = []) => storyRecordSchema.parse({ ...base, attempt, phases });
    expect(recordProblem(of(4), wave.runs[ID], 1)).toBe("its record is of attempt 4, not one of attempts 2–3 this run may make");
    expect(recordProblem(of(1), wave.runs[ID], 1)).toBe("its record is of attempt 1, not one of attempts 2–3 this run may make");
    expect(recordProblem(of(2, [{ phase: "tester", start: at(0), outcome: "ok", attempt: 1 }]), wave.runs[ID], 1)).toBe("its record holds phases of attempts this run did not make");
    // A rebuild has one attempt, beyond the retries.
    const rebuilding = startStory(ID, at(30))(integrationRejected(ID, "merge conflict in a.txt", 1, at(29))(chain(phase("tester", "ok"), phase("red", "ok"), phase("implementation", "ok"), phase("verify", "ok"))(wave)));
    expect(recordProblem(of(3), rebuilding.runs[ID], 1)).toBeUndefined();
    expect(recordProblem(of(4), rebuilding.runs[ID], 5)).toMatch(/not one of attempts 3–3/);
  });

  it("reads records and states written before retries, and names the key of a retry field that is wrong", () => {
    expect(storyRecordSchema.safeParse({ version: 1, story: ID, attempt: 1, outcome: "failed", tip: SHA, phases: [{ phase: "tester", start: at(0), outcome: "failed" }] }).success).toBe(true);
    const old = chain(startStory(ID, at(0)), phase("tester", "ok"))(stateFor(plan));
    const { attempt: _a, ...oldPhase } = old.runs[ID]!.phases[0]!;
    const before = { ...old, runs: { [ID]: { attempt: 1, wave: 1, status: "testing", phases: [oldPhase] } } };
    expect(checkState(JSON.parse(JSON.stringify(before))).problems).toEqual([]);
    const now = integrationRejected(ID, "merge conflict in a.txt", 1, at(5))(old);
    expect(checkState(JSON.parse(JSON.stringify(now))).problems).toEqual([]);
    const broken = JSON.parse(JSON.stringify(now)) as { runs: Record<string, { rebuild: { reason: unknown }; phases: Array<{ attempt: unknown }> }> };
    broken.runs[ID]!.rebuild.reason = 5;
    broken.runs[ID]!.phases[0]!.attempt = "two";
    expect(checkState(broken).problems).toEqual([`runs.${ID}.phases[0].attempt: expected a number, found "two"`, `runs.${ID}.rebuild.reason: expected a string, found 5`]);
  });
});
