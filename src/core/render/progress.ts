// Progress figures shared by every view of an execution: story counts by status, percentages, the headline
// line, and durations as people read them.
import type { Plan } from "../plan/model.js";
import { statusOf, type WorkflowState } from "../state/state.js";
import { markdownCell } from "./safe-text.js";
import { usageLine } from "./usage.js";

export const percent = (part: number, total: number): number => (total === 0 ? 0 : Math.floor((part / total) * 100));

export interface Counts {
  total: number;
  completed: number;
  failed: number;
  blocked: number;
  inProgress: number;
  pending: number;
}

export function countOf(state: WorkflowState, ids: string[]): Counts {
  const c: Counts = { total: ids.length, completed: 0, failed: 0, blocked: 0, inProgress: 0, pending: 0 };
  for (const id of ids) {
    const s = statusOf(state, id);
    if (s === "complete") c.completed++;
    else if (s === "failed") c.failed++;
    else if (s === "blocked") c.blocked++;
    else if (s === "pending") c.pending++;
    else c.inProgress++;
  }
  return c;
}

export const allIds = (state: WorkflowState): string[] => state.waves.flat();

export function countsLine(c: Counts): string {
  return `${c.completed}/${c.total} complete (${percent(c.completed, c.total)}%) · ${c.failed} failed · ${c.blocked} blocked · ${c.inProgress} in progress · ${c.pending} pending`;
}

export function headline(state: WorkflowState): string {
  const wave = state.currentWave > 0 ? ` — wave ${state.currentWave} of ${state.waves.length}` : "";
  return `**${state.status}**${wave} · ${countsLine(countOf(state, allIds(state)))}`;
}

/** What the agents cost, and why the execution stopped, under the headline (nothing when there is neither). */
export function usageParagraphs(state: WorkflowState, plan: Plan): string {
  const usage = usageLine(state, plan);
  const stopped = state.stopped ? `\n\n**Stopped:** ${markdownCell(state.stopped.message, 300)}` : "";
  return `${usage ? `\n\n${markdownCell(usage, 300)}` : ""}${stopped}`;
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, "0")}m`;
}
