// Which stories of a wave may be merged while it still runs: plan order is kept, so a story waits for
// every story before it to be done (complete, failed or blocked); merged ones are not offered again.
import { describe, expect, it } from "vitest";
import { mergeableNow, unmergedCompleted } from "../../src/core/state/progression.js";
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
