// Usage in the execution state and the plan's budget (`budget: { costUsd, perStoryCostUsd }`): pure transitions
// that record a phase's usage, and the rules that say when no new agent phase may start. Only recorded costs
// count: an agent that reports none spends nothing as far as a budget can tell (the README says so).
import { derive, type PhaseName, type Transition, type WorkflowState } from "../state/state.js";
import { addUsage, formatCost, roundUsd, sumTotals, type AgentUsage, type UsageTotals } from "./usage.js";
import { own } from "../own.js";

export interface Budget {
  /** The whole execution: once its recorded cost reaches this, no new agent phase starts. */
  costUsd?: number;
  /** One story, over all its attempts: reaching it fails the story ("budget"). */
  perStoryCostUsd?: number;
}

/** Why an execution stopped before its stories were done (the budget, today). */
export interface ExecutionStop {
  reason: "budget";
  message: string;
  at: string;
}

/** Float sums are rounded in the state; a comparison keeps the same margin. */
const EPSILON = 1e-9;
const reached = (spent: number | undefined, limit: number | undefined): boolean => limit !== undefined && (spent ?? 0) >= limit - EPSILON;
const usd = (n: number): string => formatCost({ costUsd: n, unknownCost: 0 });

/** Totals of one story over every attempt (phases of earlier attempts are gone from `runs`, not from here). */
export const storyUsage = (state: WorkflowState, id: string): UsageTotals | undefined => state.usage?.[id];

/** Totals of the whole execution. */
export const executionUsage = (state: WorkflowState): UsageTotals => sumTotals(Object.values(state.usage ?? {}));

/** Records an agent phase's usage: on its phase record (the last one of that name) and in the story's totals. */
export const recordUsage =
  (id: string, phase: PhaseName, usage: AgentUsage | undefined): Transition =>
  (state) => {
    const run = own(state.runs, id);
    let runs = state.runs;
    if (run && usage) {
      const phases = [...run.phases];
      for (let i = phases.length - 1; i >= 0; i--) {
        if (phases[i]!.phase !== phase) continue;
        phases[i] = { ...phases[i]!, usage };
        break;
      }
      runs = { ...state.runs, [id]: { ...run, phases } };
    }
    return { ...state, runs, usage: { ...state.usage, [id]: addUsage(state.usage?.[id], usage) } };
  };

export type BudgetVerdict = { kind: "execution"; message: string } | { kind: "story"; message: string } | undefined;

/** Whether `id` may start another agent phase: the execution's budget first, then the story's own. */
export function budgetBeforePhase(state: WorkflowState, budget: Budget | undefined, id: string): BudgetVerdict {
  if (!budget) return undefined;
  const spent = executionUsage(state).costUsd;
  if (reached(spent, budget.costUsd)) return { kind: "execution", message: executionMessage(spent ?? 0, budget.costUsd!) };
  const own = storyUsage(state, id)?.costUsd;
  if (reached(own, budget.perStoryCostUsd)) return { kind: "story", message: storyMessage(own ?? 0, budget.perStoryCostUsd!) };
  return undefined;
}

/** After an agent phase: a story whose recorded cost went over its own budget fails. */
export function storyOverBudget(state: WorkflowState, budget: Budget | undefined, id: string): string | undefined {
  const own = storyUsage(state, id)?.costUsd;
  const limit = budget?.perStoryCostUsd;
  return limit !== undefined && own !== undefined && own > limit + EPSILON ? storyMessage(own, limit) : undefined;
}

/** Whether the execution's budget is used up (no new story starts). */
export function executionBudgetReached(state: WorkflowState, budget: Budget | undefined): string | undefined {
  const spent = executionUsage(state).costUsd;
  return reached(spent, budget?.costUsd) ? executionMessage(spent ?? 0, budget!.costUsd!) : undefined;
}

const executionMessage = (spent: number, limit: number): string =>
  `budget: the execution's recorded cost ${usd(roundUsd(spent))} reached its budget of ${usd(limit)}; no new agent phase starts (raise budget.costUsd and run again to continue)`;

const storyMessage = (spent: number, limit: number): string => `budget: the story's recorded cost ${usd(roundUsd(spent))} reached its budget of ${usd(limit)}`;

/** The execution stops for its budget: said in the state; resuming clears it. */
export const recordStop =
  (message: string, now: string): Transition =>
  (state) =>
    derive({ ...state, stopped: { reason: "budget", message, at: now }, lastUpdate: now });

export const clearStop =
  (now: string): Transition =>
  (state) => {
    if (!state.stopped) return state;
    const { stopped: _s, ...rest } = state;
    return derive({ ...rest, lastUpdate: now });
  };

/** A story refused its next agent phase by the execution's budget goes back to ⏳ Pending, not started. */
export const returnToPending =
  (id: string, now: string): Transition =>
  (state) => {
    const b = state.stories;
    if (!b.inProgress.includes(id)) return state;
    const run = own(state.runs, id);
    return derive({
      ...state,
      stories: { ...b, inProgress: b.inProgress.filter((x) => x !== id), pending: [...b.pending, id] },
      runs: run ? { ...state.runs, [id]: { ...run, status: "pending" } } : state.runs,
      lastUpdate: now,
    });
  };
