// Usage read back from each CLI's documented output shape (test/fixtures/agent-output) and from the usage file;
// totals and budgets over the state. Unknown stays unknown: nothing reported is never a zero.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { addUsage, formatCost, formatTokens, mergeUsage, parseAgentOutput, parseUsageFile, sumTotals } from "../../src/core/agents/usage.js";
import { budgetBeforePhase, clearStop, executionUsage, recordStop, recordUsage, returnToPending, storyOverBudget } from "../../src/core/agents/budget.js";
import { beginPhase, createState, endPhase, startStory, type WorkflowState } from "../../src/core/state/state.js";
import type { Plan } from "../../src/core/plan/model.js";

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/agent-output/${name}`, import.meta.url), "utf8");

describe("parseAgentOutput", () => {
  it("reads Claude Code's JSON result", () => {
    expect(parseAgentOutput("claude-json", fixture("claude.json"))).toEqual({
      model: "claude-sonnet-4-6",
      inputTokens: 5 + 1200 + 15635,
      outputTokens: 603,
      cachedTokens: 15635,
      costUsd: 0.0787,
      turns: 6,
      sessionId: "0e639165-79b1-4bd4-bb0f-4cb4c15115d4",
    });
  });

  it("reads Codex's JSONL events: tokens per turn, the thread id; no cost", () => {
    expect(parseAgentOutput("codex-jsonl", fixture("codex.jsonl"))).toEqual({
      inputTokens: 24763,
      outputTokens: 122,
      cachedTokens: 24448,
      turns: 1,
      sessionId: "0199a213-81c0-7800-8aa1-bbab2a035a53",
    });
  });

  it("reads Gemini CLI's JSON stats per model; no cost, no turns", () => {
    expect(parseAgentOutput("gemini-json", fixture("gemini.json"))).toEqual({
      model: "gemini-2.5-pro",
      inputTokens: 24939,
      outputTokens: 20 + 154,
      cachedTokens: 21263,
      sessionId: "c1d2e3f4-0000-4a5b-8c9d-0123456789ab",
    });
  });

  it("reads opencode's step_finish events", () => {
    const u = parseAgentOutput("opencode-jsonl", fixture("opencode.jsonl"));
    expect(u).toEqual({
      inputTokens: 671 + 21415 + 3 + 22097,
      outputTokens: 8 + 13 + 2,
      cachedTokens: 21415 + 22097,
      costUsd: 0.02,
      turns: 2,
      sessionId: "ses_494719016ffe85dkDMj0FPRbHK",
    });
  });

  it("knows nothing from output that is not the documented shape (a crash, plain text)", () => {
    for (const format of ["claude-json", "codex-jsonl", "gemini-json", "opencode-jsonl"] as const) {
      expect(parseAgentOutput(format, "Error: not logged in\n")).toEqual({});
      expect(parseAgentOutput(format, "")).toEqual({});
    }
    expect(parseAgentOutput("claude-json", '{"type":"result","result":"x"}')).toEqual({});
  });
});

describe("the usage file", () => {
  it("reads what an agent wrote and names values of the wrong type", () => {
    expect(parseUsageFile('{"model":"m","inputTokens":10,"outputTokens":2,"costUsd":0.5,"extra":true}')).toEqual({
      usage: { model: "m", inputTokens: 10, outputTokens: 2, costUsd: 0.5 },
      problems: [],
    });
    expect(parseUsageFile('{"costUsd":"1","turns":-1,"model":3}').problems).toEqual([
      "model must be a non-empty string",
      "costUsd must be a number of 0 or more",
      "turns must be a number of 0 or more",
    ]);
    expect(parseUsageFile("nope").problems[0]).toMatch(/^not JSON/);
  });

  it("wins over the CLI's output, which wins over the configured model", () => {
    expect(mergeUsage({ model: "configured" }, { model: "cli", costUsd: 1, turns: 2 }, { costUsd: 3 })).toEqual({ model: "cli", costUsd: 3, turns: 2 });
    expect(mergeUsage(undefined, {}, {})).toBeUndefined();
  });
});

describe("totals", () => {
  it("add known values and count phases whose cost is unknown", () => {
    let t = addUsage(undefined, { costUsd: 0.1, inputTokens: 100 });
    t = addUsage(t, undefined);
    t = addUsage(t, { costUsd: 0.2, outputTokens: 5 });
    expect(t).toEqual({ phases: 3, unknownCost: 1, costUsd: 0.3, inputTokens: 100, outputTokens: 5 });
    expect(formatCost(t)).toBe("≥ $0.30");
    expect(formatCost(addUsage(undefined, undefined))).toBe("—");
    expect(formatTokens(t)).toBe("100 in / 5 out");
    expect(sumTotals([t, { phases: 1, unknownCost: 0, costUsd: 1 }])).toEqual({ ...t, phases: 4, costUsd: 1.3 });
  });
});

describe("budget", () => {
  const plan = { stories: [{ id: "a", epic: "e" }, { id: "b", epic: "e" }] } as unknown as Plan;
  const now = "2026-01-01T00:00:00.000Z";
  const spend = (state: WorkflowState, id: string, costUsd?: number): WorkflowState =>
    recordUsage(id, "tester", costUsd === undefined ? undefined : { costUsd })(endPhase(id, "tester", "ok", now)(beginPhase(id, "tester", now, { agent: "x" })(state)));
  const fresh = (): WorkflowState => startStory("b", now)(startStory("a", now)(createState({ plan, planPath: "p.yml", digest: "d", target: "main", waves: [["a", "b"]], now })));

  it("records usage on the phase and per story, across attempts", () => {
    let s = spend(fresh(), "a", 1.5);
    expect(s.runs.a!.phases[0]!.usage).toEqual({ costUsd: 1.5 });
    s = spend(startStory("a", now)(s), "a", 1);
    // Every attempt's phases stay on record (issue 12), each with its own usage.
    expect(s.runs.a!.phases.map((p) => [p.attempt, p.usage])).toEqual([
      [1, { costUsd: 1.5 }],
      [2, { costUsd: 1 }],
    ]);
    expect(s.usage!.a).toEqual({ phases: 2, unknownCost: 0, costUsd: 2.5 });
    expect(executionUsage(spend(s, "b")).costUsd).toBe(2.5);
  });

  it("stops new phases once the execution's recorded cost reaches its budget; fails a story over its own", () => {
    const s = spend(spend(fresh(), "a", 2), "b", 1);
    expect(budgetBeforePhase(s, { costUsd: 3.5 }, "a")).toBeUndefined();
    expect(budgetBeforePhase(s, { costUsd: 3 }, "a")).toEqual({
      kind: "execution",
      message: "budget: the execution's recorded cost $3.00 reached its budget of $3.00; no new agent phase starts (raise budget.costUsd and run again to continue)",
    });
    expect(budgetBeforePhase(s, { perStoryCostUsd: 2 }, "a")?.kind).toBe("story");
    expect(budgetBeforePhase(s, { perStoryCostUsd: 2 }, "b")).toBeUndefined();
    expect(storyOverBudget(s, { perStoryCostUsd: 1.5 }, "a")).toBe("budget: the story's recorded cost $2.00 reached its budget of $1.50");
    expect(storyOverBudget(s, { perStoryCostUsd: 2 }, "a")).toBeUndefined();
    expect(budgetBeforePhase(s, undefined, "a")).toBeUndefined();
  });

  it("puts a refused story back to pending and records why the execution stopped", () => {
    const s = recordStop("budget: spent", now)(returnToPending("a", now)(fresh()));
    expect(s.stories.pending).toEqual(["a"]);
    expect(s.stories.inProgress).toEqual(["b"]);
    expect(s.runs.a!.status).toBe("pending");
    expect(s.stopped).toEqual({ reason: "budget", message: "budget: spent", at: now });
    expect(clearStop(now)(s).stopped).toBeUndefined();
  });
});
