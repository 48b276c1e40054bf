// The report (SPEC §5): contract keys first and in order, one result per story that ran, sums from the
// green runs, built from states replayed through the real transitions.
import { describe, expect, it } from "vitest";
import { buildReport, evidencePassed, REPORT_KEYS, RESULT_KEYS } from "../../src/core/render/report.js";
import { recordResult, requeueInProgress } from "../../src/core/state/state.js";
import { at, block, makePlan, playStory, stateFor } from "../support/plans.js";

function plan() {
  return makePlan([
    { id: "msm-auth-001", title: "Schema + AuthService", testFile: "src/__tests__/auth.test.ts" },
    { id: "msm-auth-002", title: "TokenService", dependsOn: ["msm-auth-001"], implementer: "coder" },
    { id: "msm-auth-003", title: "API", dependsOn: ["msm-auth-001"], tester: "integration-test" },
    { id: "msm-auth-004", title: "Refresh", dependsOn: ["msm-auth-002"] },
    { id: "msm-auth-005", title: "Logout", dependsOn: ["msm-auth-003"] },
  ], { name: "jwt-auth" });
}

/** 001 complete; 002 fails verify; 003 complete (after 002 in the log); 004 blocked; 005 not started. */
function finishedState() {
  const p = plan();
  let s = stateFor(p);
  s = playStory(s, "msm-auth-001", { startAt: 0, outcome: "complete", green: { passed: 12, total: 12 }, filesModified: ["src/auth.ts", "src/__tests__/auth.test.ts"] });
  s = playStory(s, "msm-auth-002", { startAt: 20, outcome: { failsIn: "verify", reason: "tests fail" }, implementer: "coder", green: { passed: 4, total: 5 } });
  s = playStory(s, "msm-auth-003", { startAt: 20, outcome: "complete", tester: "integration-test", green: { passed: 7, total: 7 } });
  s = block(s, "msm-auth-004", "msm-auth-002", 45);
  return { p, s };
}

describe("buildReport", () => {
  it("puts exactly the SPEC keys first, in SPEC order, then the extra keys", () => {
    const { p, s } = finishedState();
    const report = buildReport(s, p, { runUrl: "https://example.test/run/1" });
    const keys = Object.keys(JSON.parse(JSON.stringify(report)) as object);
    expect(keys.slice(0, 8)).toEqual([
      "totalWaves", "totalStories", "storiesCompleted", "storiesFailed", "storiesRemaining", "results", "totalTestsCovered", "totalTestsPassed",
    ]);
    expect(keys.slice(0, 8)).toEqual([...REPORT_KEYS]);
    expect(keys.slice(8)).toEqual(["storiesBlocked", "storiesRetried", "totalAttempts", "plan", "target", "status", "lastUpdate", "runUrl"]);
    for (const r of report.results) {
      expect(Object.keys(r).slice(0, 10)).toEqual([
        "storyId", "wave", "testerAgent", "testFile", "testsPassed", "implAgent", "implStatus", "filesModified", "acChecklistComplete", "verifiedProduction",
      ]);
      expect(Object.keys(r).slice(0, 10)).toEqual([...RESULT_KEYS]);
    }
  });

  it("partitions the stories: completed, failed, remaining (pending, in progress and blocked)", () => {
    const { p, s } = finishedState();
    const report = buildReport(s, p);
    expect(report).toMatchObject({
      totalWaves: 3,
      totalStories: 5,
      storiesCompleted: ["msm-auth-001", "msm-auth-003"],
      storiesFailed: ["msm-auth-002"],
      storiesRemaining: ["msm-auth-004", "msm-auth-005"],
      storiesBlocked: ["msm-auth-004"],
      plan: "jwt-auth",
      status: "executing",
    });
    const all = [...report.storiesCompleted, ...report.storiesFailed, ...report.storiesRemaining].sort();
    expect(all).toEqual(p.stories.map((x) => x.id).sort());
  });

  it("has one result per story that ran or was blocked, in plan order, with agents, evidence and outcome", () => {
    const { p, s } = finishedState();
    const { results, totalTestsCovered, totalTestsPassed } = buildReport(s, p);
    expect(results.map((r) => r.storyId)).toEqual(["msm-auth-001", "msm-auth-002", "msm-auth-003", "msm-auth-004"]);
    const [r1, r2, r3, r4] = results;
    expect(r1).toMatchObject({
      storyId: "msm-auth-001",
      wave: 1,
      testerAgent: "unit-test",
      testFile: "src/__tests__/auth.test.ts",
      testsPassed: true,
      implAgent: "backend-dev",
      implStatus: "success",
      filesModified: ["src/auth.ts", "src/__tests__/auth.test.ts"],
      acChecklistComplete: true,
      verifiedProduction: true,
      status: "complete",
      attempt: 1,
      testsPassedCount: 12,
      testsTotal: 12,
      durationMs: 20 * 60_000,
    });
    expect(r1?.red).toMatchObject({ exitCode: 1 });
    expect(r2).toMatchObject({ wave: 2, implAgent: "coder", implStatus: "failed", testsPassed: false, testsPassedCount: 4, testsTotal: 5, reason: "tests fail", verifiedProduction: false });
    expect(r3).toMatchObject({ testerAgent: "integration-test", implStatus: "success", testsPassed: true });
    expect(r4).toMatchObject({ storyId: "msm-auth-004", wave: 3, implStatus: "skipped", testsPassed: false, status: "blocked", durationMs: null, filesModified: [] });
    expect(totalTestsCovered).toBe(12 + 5 + 7);
    expect(totalTestsPassed).toBe(12 + 4 + 7);
  });

  it("reports an implementation still running or never reached as skipped, and a story requeued as pending", () => {
    const p = plan();
    let s = playStory(stateFor(p), "msm-auth-001", { startAt: 0, outcome: { runningIn: "implementation" } });
    expect(buildReport(s, p).results[0]).toMatchObject({ implStatus: "skipped", status: "implementing", durationMs: 10 * 60_000 });
    s = playStory(stateFor(p), "msm-auth-001", { startAt: 0, outcome: { failsIn: "tester" } });
    expect(buildReport(s, p).results[0]).toMatchObject({ implStatus: "skipped", status: "failed" });
    s = playStory(s, "msm-auth-002", { startAt: 25, outcome: { runningIn: "tester" } });
    expect(buildReport(s, p).results[1]).toMatchObject({ status: "testing" });
    s = requeueInProgress(at(30))(s);
    const report = buildReport(s, p);
    expect(report.results[1]).toMatchObject({ storyId: "msm-auth-002", status: "pending", implStatus: "skipped" });
    expect(report.storiesRemaining).toEqual(["msm-auth-002", "msm-auth-003", "msm-auth-004", "msm-auth-005"]);
  });

  it("counts a green run as passed only with exit code 0, no timeout and no failing test", () => {
    expect(evidencePassed({ exitCode: 0, passed: 3, total: 3 })).toBe(true);
    expect(evidencePassed({ exitCode: 0, passed: null, total: null })).toBe(true);
    expect(evidencePassed({ exitCode: 0, passed: 2, total: 3 })).toBe(false);
    expect(evidencePassed({ exitCode: 1, passed: 3, total: 3 })).toBe(false);
    expect(evidencePassed({ exitCode: 0, passed: 3, total: 3, timedOut: true })).toBe(false);
    expect(evidencePassed({ exitCode: null, passed: null, total: null })).toBe(false);
    expect(evidencePassed(undefined)).toBe(false);
  });

  it("sums only counted tests: a green run without counts adds nothing", () => {
    const p = plan();
    let s = playStory(stateFor(p), "msm-auth-001", { startAt: 0, outcome: "complete", green: { passed: 2, total: 2 } });
    s = recordResult("msm-auth-001", { green: { exitCode: 0, passed: null, total: null } }, at(30))(s);
    expect(buildReport(s, p)).toMatchObject({ totalTestsCovered: 0, totalTestsPassed: 0 });
  });

  it("refuses extra keys that would override or reorder the contract's keys", () => {
    const { p, s } = finishedState();
    expect(() => buildReport(s, p, { results: [] })).toThrow(/own keys/);
    expect(() => buildReport(s, p, { "7": true })).toThrow(/integer-like/);
  });

  it("matches the SPEC example's shape for a one-story execution", () => {
    const p = makePlan([{ id: "msm-auth-001", testFile: "src/__tests__/auth.test.ts" }], { name: "jwt-auth" });
    const s = playStory(stateFor(p), "msm-auth-001", { startAt: 0, outcome: "complete", green: { passed: 45, total: 45 }, filesModified: ["src/auth.ts"] });
    const report = buildReport(s, p);
    const { results, ...head } = report;
    expect(head).toEqual({
      totalWaves: 1,
      totalStories: 1,
      storiesCompleted: ["msm-auth-001"],
      storiesFailed: [],
      storiesRemaining: [],
      totalTestsCovered: 45,
      totalTestsPassed: 45,
      storiesBlocked: [],
      storiesRetried: [],
      totalAttempts: 1,
      plan: "jwt-auth",
      target: "main",
      status: "complete",
      lastUpdate: at(20),
    });
    expect(results).toHaveLength(1);
  });
});
