// The SVG Gantt renderer (pure): its document for a small execution, kept as a snapshot; drawn and measured
// in a real browser by test/integration/gantt-svg.test.ts.
import { describe, expect, it } from "vitest";
import { renderGanttSvg } from "../../src/core/render/gantt-svg.js";
import { makePlan, playStory, stateFor, titlesOf } from "../support/plans.js";

describe("renderGanttSvg", () => {
  it("looks like this", () => {
    const plan = makePlan([{ id: "auth-001", title: "Hashing & <salt>" }, { id: "auth-002", title: "Tokens", dependsOn: ["auth-001"] }], { name: "jwt-auth" });
    let s = playStory(stateFor(plan), "auth-001", { startAt: 0, outcome: "complete" });
    s = playStory(s, "auth-002", { startAt: 20, outcome: { failsIn: "verify", reason: "2 tests fail" } });
    expect(renderGanttSvg(s, titlesOf(plan))).toMatchSnapshot();
  });

  it("says so when nothing has run", () => {
    const plan = makePlan([{ id: "auth-001" }]);
    expect(renderGanttSvg(stateFor(plan), {})).toContain("No phase has run yet.");
  });
});
