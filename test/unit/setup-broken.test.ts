// When is setup broken rather than a story (issue 10): every story of a wave that ran failed in its setup
// phase for one same reason.
import { describe, expect, it } from "vitest";
import { beginPhase, blockStory, chain, endPhase, failStory, startStory, startWave, type WorkflowState } from "../../src/core/state/state.js";
import { setupBrokenIn } from "../../src/engine/setup-phase.js";
import { at, block, makePlan, stateFor } from "../support/plans.js";

const plan = makePlan([{ id: "a-001" }, { id: "a-002" }, { id: "a-003" }, { id: "b-001", dependsOn: ["a-001"] }]);

function setupFails(state: WorkflowState, id: string, reason: string): WorkflowState {
  return chain(
    startStory(id, at(1)),
    beginPhase(id, "setup", at(1), { log: `/logs/${id}/setup.log` }),
    endPhase(id, "setup", "failed", at(2), reason),
    failStory(id, reason, at(2), "setup"),
  )(state);
}

describe("setupBrokenIn", () => {
  const start = startWave(1, at(0))(stateFor(plan));
  const broken = ["a-001", "a-002", "a-003"].reduce((s, id) => setupFails(s, id, "setup failed: setup exited with code 1"), start);

  it("names the reason, the wave and one log when every story of the wave failed in setup the same way", () => {
    expect(setupBrokenIn(broken, 1)?.message).toBe(
      "setup failed: setup exited with code 1, for every story of wave 1: fix the plan's setup and run again (log: /logs/a-001/setup.log)",
    );
  });

  it("says nothing while a story of the wave still runs, passed setup, or failed differently", () => {
    const running = ["a-001", "a-002"].reduce((s, id) => setupFails(s, id, "setup failed: setup exited with code 1"), start);
    expect(setupBrokenIn(chain(startStory("a-003", at(1)))(running), 1)).toBeUndefined();
    expect(setupBrokenIn(setupFails(running, "a-003", "setup failed: setup timed out after 10m"), 1)).toBeUndefined();
    const pastSetup = chain(startStory("a-003", at(1)), beginPhase("a-003", "setup", at(1)), endPhase("a-003", "setup", "ok", at(2)), failStory("a-003", "verify: tests fail", at(3), "verify"))(running);
    expect(setupBrokenIn(pastSetup, 1)).toBeUndefined();
    expect(setupBrokenIn(broken, 2)).toBeUndefined();
  });

  it("leaves blocked stories out: they never ran", () => {
    const withBlocked = block(broken, "b-001", "a-001", 3);
    expect(withBlocked.stories.blocked).toEqual(["b-001"]);
    expect(setupBrokenIn(blockStory("b-001", "x", at(3))(withBlocked), 2)).toBeUndefined();
  });
});
