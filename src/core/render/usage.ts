// Agent usage and cost in the outputs (issue 13): the report's extra keys, the story table's Cost column and
// the one-line totals of `status`, the run summary and the pull request comment. Keys and columns appear only
// once some usage is recorded, so reports and summaries of executions without any stay as they were.
import { executionUsage, storyUsage } from "../agents/budget.js";
import { formatCost, formatTokens, type AgentUsage, type UsageTotals } from "../agents/usage.js";
import type { Plan } from "../plan/model.js";
import type { StoryRun, WorkflowState } from "../state/state.js";
import { own } from "../own.js";

export interface ResultUsage {
  /** What each agent phase of the last attempt reported. */
  tester?: AgentUsage;
  implementation?: AgentUsage;
  /** Every agent phase of every attempt of the story. */
  total: UsageTotals;
}

export interface ReportBudget {
  costUsd?: number;
  perStoryCostUsd?: number;
  /** Why the execution stopped with stories left, when it did. */
  stopped?: string;
}

/** True once any agent phase has been counted. */
export const hasUsage = (state: WorkflowState): boolean => Object.values(state.usage ?? {}).some((t) => t.phases > 0);

function lastUsage(run: StoryRun | undefined, phase: "tester" | "implementation"): AgentUsage | undefined {
  return run?.phases.filter((p) => p.phase === phase).at(-1)?.usage;
}

/** The `usage` key of a report result, or nothing when the story has no counted agent phase. */
export function resultUsage(state: WorkflowState, id: string): { usage?: ResultUsage } {
  const total = storyUsage(state, id);
  if (!total || total.phases === 0) return {};
  const run = own(state.runs, id);
  const tester = lastUsage(run, "tester");
  const implementation = lastUsage(run, "implementation");
  return { usage: { ...(tester ? { tester } : {}), ...(implementation ? { implementation } : {}), total } };
}

/** The report's `usage` (totals) and `budget` keys, each when there is something to say. */
export function reportUsage(state: WorkflowState, plan: Plan): { usage?: UsageTotals; budget?: ReportBudget } {
  return {
    ...(hasUsage(state) ? { usage: executionUsage(state) } : {}),
    ...(plan.budget ? { budget: { ...plan.budget, ...(state.stopped ? { stopped: state.stopped.message } : {}) } } : {}),
  };
}

/** The Cost cell of a story: its recorded cost over every attempt (`≥` when some phase reported none), or `—`. */
export const costCell = (state: WorkflowState, id: string): string => formatCost(storyUsage(state, id));

/** `Agents: $1.23 of $20.00 budget · 12.3k in (10.0k cached) / 1.2k out · 4 agent phases (1 without a cost)`, or nothing. */
export function usageLine(state: WorkflowState, plan: Plan): string | undefined {
  if (!hasUsage(state) && !plan.budget) return undefined;
  const t = executionUsage(state);
  const budget = plan.budget?.costUsd === undefined ? "" : ` of ${formatCost({ costUsd: plan.budget.costUsd, unknownCost: 0 })} budget`;
  const phases = `${t.phases} agent phase${t.phases === 1 ? "" : "s"}${t.unknownCost > 0 ? ` (${t.unknownCost} without a reported cost)` : ""}`;
  return `Agents: ${formatCost(t)}${budget} · ${formatTokens(t)} · ${phases}`;
}
