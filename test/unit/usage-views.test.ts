// Agent usage in the outputs (issue 13): the report's extra keys after the contract's, the Cost column of the
// run summary and the pull request comment, the totals line and the stop reason; nothing of it without usage.
import { describe, expect, it } from "vitest";
import { recordStop, recordUsage } from "../../src/core/agents/budget.js";
import { buildReport, REPORT_KEYS, RESULT_KEYS } from "../../src/core/render/report.js";
import { renderPrComment } from "../../src/core/render/pr-comment.js";
import { renderRunSummary } from "../../src/core/render/run-summary.js";
import { renderStatusJson } from "../../src/core/render/status-json.js";
import { renderStatusText } from "../../src/core/render/status-text.js";
import { makePlan, playStory, stateFor } from "../support/plans.js";

function scenario(withUsage: boolean) {
  const plan = makePlan([{ id: "a-001" }, { id: "a-002" }], { name: "cost", budget: { costUsd: 5 } });
  let s = stateFor(plan);
  s = playStory(s, "a-001", { startAt: 0, outcome: "complete", green: { passed: 2, total: 2 } });
  if (withUsage) {
    s = recordUsage("a-001", "tester", { model: "sonnet", inputTokens: 1200, outputTokens: 300, cachedTokens: 1000, costUsd: 0.4, turns: 3, sessionId: "s-1" })(s);
    s = recordUsage("a-001", "implementation", undefined)(s);
    s = recordStop("budget: the execution's recorded cost $5.00 reached its budget of $5.00", "2025-01-06T10:00:00.000Z")(s);
  }
  return { plan, state: s };
}

describe("usage in the outputs", () => {
  it("adds report keys after the contract's, per result and in total; unknown cost stays unknown", () => {
    const { plan, state } = scenario(true);
    const report = buildReport(state, plan);
    expect(Object.keys(report).slice(0, REPORT_KEYS.length)).toEqual([...REPORT_KEYS]);
    expect(Object.keys(report.results[0]!).slice(0, RESULT_KEYS.length)).toEqual([...RESULT_KEYS]);
    expect(report.results[0]!.usage).toEqual({
      tester: { model: "sonnet", inputTokens: 1200, outputTokens: 300, cachedTokens: 1000, costUsd: 0.4, turns: 3, sessionId: "s-1" },
      total: { phases: 2, unknownCost: 1, costUsd: 0.4, inputTokens: 1200, outputTokens: 300, cachedTokens: 1000, turns: 3 },
    });
    expect(report.usage).toEqual({ phases: 2, unknownCost: 1, costUsd: 0.4, inputTokens: 1200, outputTokens: 300, cachedTokens: 1000, turns: 3 });
    expect(report.budget).toEqual({ costUsd: 5, stopped: "budget: the execution's recorded cost $5.00 reached its budget of $5.00" });
  });

  it("shows a Cost column, the totals and the stop in the run summary, the comment and status", () => {
    const { plan, state } = scenario(true);
    for (const md of [renderRunSummary(state, plan), renderPrComment(state, plan)]) {
      expect(md).toContain("| Story | Title | Wave | Status | Tester | Implementer | Tests | Red → green | Duration | Cost |\n|---|---|--:|---|---|---|--:|---|--:|--:|");
      expect(md).toMatch(/^\| a-001 \|.*\| ≥ \$0\.40 \|$/m);
      expect(md).toMatch(/^\| a-002 \|.*\| — \|$/m);
      expect(md).toContain("Agents: ≥ $0.40 of $5.00 budget · 1.2k in (1.0k cached) / 300 out · 2 agent phases (1 without a reported cost)");
      expect(md).toContain("**Stopped:** budget: the execution's recorded cost $5.00 reached its budget of $5.00");
    }
    expect(renderStatusText(state, plan)).toContain("\nAgents: ≥ $0.40 of $5.00 budget");
    expect(renderStatusText(state, plan)).toContain("\nStopped: budget: ");
    expect(renderStatusJson(state, plan).waves[0]!.stories[0]!.usage!.costUsd).toBe(0.4);
  });

  it("leaves the outputs as they were when no agent reported anything", () => {
    const { plan, state } = scenario(false);
    const report = buildReport(state, plan);
    expect(report.usage).toBeUndefined();
    expect(report.results[0]!.usage).toBeUndefined();
    expect(renderRunSummary(state, plan)).not.toContain("| Cost |");
  });
});
