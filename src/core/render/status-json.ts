// `tdd-waves status --json`: progress per wave and epic, the errors and the lock, as data.
import type { Plan } from "../plan/model.js";
import { statusOf, type ExecutionLock, type StateError, type StoryStatus, type WorkflowState } from "../state/state.js";
import type { UsageTotals } from "../agents/usage.js";
import { own } from "../own.js";
import { allIds, countOf, percent, type Counts } from "./progress.js";
import { reportUsage, type ReportBudget } from "./usage.js";
import { retriedStories, type RetriedStory } from "./retries.js";

export interface StatusStory {
  id: string;
  title: string;
  epic: string;
  status: StoryStatus;
  reason?: string;
  /** What its agents reported, over every attempt. */
  usage?: UsageTotals;
}

export interface StatusWave extends Counts {
  wave: number;
  stories: StatusStory[];
}

export interface StatusJson {
  plan: string;
  path: string;
  target: string;
  status: WorkflowState["status"];
  currentWave: number;
  totalWaves: number;
  lastUpdate: string;
  totals: Counts & { percentComplete: number };
  waves: StatusWave[];
  epics: Array<{ epic: string; total: number; completed: number; failed: number; percentComplete: number }>;
  errors: StateError[];
  lock?: ExecutionLock;
  /** Agent usage of the execution, the plan's budget and why the execution stopped (issue 13), when there are any. */
  usage?: UsageTotals;
  budget?: ReportBudget;
  /** Stories that needed more than one attempt, and why. */
  retried: RetriedStory[];
}

/** Progress per wave and epic, for `tdd-waves status --json`. */
export function renderStatusJson(state: WorkflowState, plan: Plan): StatusJson {
  const byId = new Map(plan.stories.map((s) => [s.id, s]));
  const totals = countOf(state, allIds(state));
  return {
    plan: state.plan.name,
    path: state.plan.path,
    target: state.target,
    status: state.status,
    currentWave: state.currentWave,
    totalWaves: state.waves.length,
    lastUpdate: state.lastUpdate,
    totals: { ...totals, percentComplete: percent(totals.completed, totals.total) },
    waves: state.waves.map((ids, i) => ({
      wave: i + 1,
      ...countOf(state, ids),
      stories: ids.map((id) => {
        const reason = own(state.runs, id)?.reason;
        const status = statusOf(state, id);
        return {
          id,
          title: byId.get(id)?.title ?? "",
          epic: byId.get(id)?.epic ?? own(state.storyEpics, id) ?? id,
          status,
          ...(reason && (status === "failed" || status === "blocked") ? { reason } : {}),
          ...(state.usage?.[id] ? { usage: state.usage[id] } : {}),
        };
      }),
    })),
    epics: epicOrder(state, plan).map((epic) => {
      const e = own(state.epics, epic)!;
      return { epic, ...e, percentComplete: percent(e.completed, e.total) };
    }),
    errors: state.errors,
    ...(state.lock ? { lock: state.lock } : {}),
    ...reportUsage(state, plan),
    retried: retriedStories(state, plan),
  };
}

function epicOrder(state: WorkflowState, plan: Plan): string[] {
  return [...new Set([...plan.stories.map((s) => s.epic), ...Object.keys(state.epics)])].filter((e) => own(state.epics, e));
}
