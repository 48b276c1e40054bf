// Which stories of a wave may be merged while it still runs: plan order is kept, so a story waits for
// every story before it to be done (complete, failed or blocked); merged ones are not offered again.
import { describe, expect, it } from "vitest";
import { mergeableNow, mergeUnlocks, unmergedCompleted, verifying } from "../../src/core/state/progression.js";
import { annotateRun } from "../../src/core/state/state.js";
import { at, block, makePlan, playStory, stateFor } from "../support/plans.js";

const plan = makePlan([{ id: "w-001" }, { id: "w-002" }, { id: "w-003" }, { id: "w-004" }]);
const wave = ["w-001", "w-002", "w-003", "w-004"];

describe("mergeableNow", () => {
  it("offers nothing while the wave's first story still runs, however many after it are done", () => {
    let s = stateFor(plan);
    s = playStory(s, "w-001", { startAt: 0, outcome: { runningIn: "implementation" } });
    s = playStory(s, "w-002", { startAt: 0, outcome: "complete" });
    s = playStory(s, "w-003", { startAt: 0, outcome: "complete" });
    expect(mergeableNow(s, plan, wave)).toEqual([]);
  });

  it("offers the completed stories of the done prefix, in plan order, passing failed and blocked ones", () => {
    let s = stateFor(plan);
    s = playStory(s, "w-001", { startAt: 0, outcome: "complete" });
    s = playStory(s, "w-002", { startAt: 0, outcome: { failsIn: "verify" } });
    s = playStory(s, "w-003", { startAt: 0, outcome: "complete" });
    s = playStory(s, "w-004", { startAt: 0, outcome: { runningIn: "tester" } });
    expect(mergeableNow(s, plan, wave)).toEqual(["w-001", "w-003"]);
    s = block(s, "w-004", "w-002", 30);
    expect(mergeableNow(s, plan, wave)).toEqual(["w-001", "w-003"]);
  });

  it("does not offer a story again once merged, and follows plan order whatever the wave's order", () => {
    let s = stateFor(plan);
    for (const id of wave) s = playStory(s, id, { startAt: 0, outcome: "complete" });
    s = annotateRun("w-001", { merged: "abc" }, at(20))(s);
    expect(mergeableNow(s, plan, ["w-004", "w-002", "w-001"])).toEqual(["w-002", "w-004"]);
    expect(unmergedCompleted(s, plan)).toEqual(["w-002", "w-003", "w-004"]);
  });

  it("waits for a story not started yet", () => {
    let s = stateFor(plan);
    s = playStory(s, "w-002", { startAt: 0, outcome: "complete" });
    expect(mergeableNow(s, plan, wave)).toEqual([]);
    expect(mergeableNow(s, plan, ["w-002", "w-003"])).toEqual(["w-002"]);
  });
});

describe("mergeUnlocks (dag: merge a batch only when a pending story needs it)", () => {
  // a-001 and b-001 first; c-001 needs a-001 and b-001; d-001 needs a-001 only.
  const dag = makePlan([{ id: "a-001" }, { id: "b-001" }, { id: "c-001", dependsOn: ["a-001", "b-001"] }, { id: "d-001", dependsOn: ["a-001"] }]);

  it("says no while every story that waits on the batch still waits on something else too", () => {
    let s = stateFor(dag);
    s = playStory(s, "b-001", { startAt: 0, outcome: "complete" });
    s = playStory(s, "a-001", { startAt: 0, outcome: { runningIn: "implementation" } });
    expect(mergeUnlocks(s, dag, new Set(["b-001"]))).toBe(false);
  });

  it("says yes once the batch completes a pending story's dependencies, merged ones counted", () => {
    let s = stateFor(dag);
    s = playStory(s, "a-001", { startAt: 0, outcome: "complete" });
    expect(mergeUnlocks(s, dag, new Set(["a-001"]))).toBe(true);
    s = annotateRun("a-001", { merged: "abc" }, at(20))(s);
    s = playStory(s, "d-001", { startAt: 30, outcome: { runningIn: "tester" } });
    s = playStory(s, "b-001", { startAt: 0, outcome: "complete" });
    expect(mergeUnlocks(s, dag, new Set(["b-001"]))).toBe(true);
  });

  it("says no for a batch nobody pending depends on, or when a dependency failed", () => {
    let s = stateFor(dag);
    s = playStory(s, "a-001", { startAt: 0, outcome: { failsIn: "verify" } });
    s = playStory(s, "b-001", { startAt: 0, outcome: "complete" });
    expect(mergeUnlocks(s, dag, new Set(["b-001"]))).toBe(false);
    expect(mergeUnlocks(s, dag, new Set())).toBe(false);
  });
});

describe("verifying (dag: a batch waits for a story whose verify is under way)", () => {
  it("says yes from verify's start until the story is done with it, no for any other phase or a failed verify", () => {
    let s = stateFor(plan);
    s = playStory(s, "w-001", { startAt: 0, outcome: { runningIn: "verify" } });
    s = playStory(s, "w-002", { startAt: 0, outcome: { runningIn: "implementation" } });
    s = playStory(s, "w-003", { startAt: 0, outcome: { failsIn: "verify" } });
    s = playStory(s, "w-004", { startAt: 0, outcome: "complete" });
    expect(wave.map((id) => verifying(s, id))).toEqual([true, false, false, true]);
    expect(verifying(stateFor(plan), "w-001")).toBe(false);
  });
});
