// Pure rules of how an execution progresses: who is blocked, who may start, what a wave still owes.
import type { Plan, Story } from "../plan/model.js";
import { statusOf, type WorkflowState } from "./state.js";
import { own } from "../own.js";

/** story id -> ids of the stories that depend on it directly. */
export function dependentsOf(plan: Plan): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const s of plan.stories) for (const d of s.dependsOn) (own(out, d) ?? (out[d] = [])).push(s.id);
  return out;
}

/** The first dependency that failed or is blocked, which blocks `story`; null when none does. */
export function blockingDependency(state: WorkflowState, story: Story): string | null {
  for (const d of story.dependsOn) {
    const s = statusOf(state, d);
    if (s === "failed" || s === "blocked") return d;
  }
  return null;
}

export function blockReason(state: WorkflowState, dep: string): string {
  return `dependency ${dep} is ${statusOf(state, dep) === "failed" ? "failed" : "blocked"}`;
}

/** Every dependency is complete and merged into the target branch. */
export function dependenciesIntegrated(state: WorkflowState, story: Story): boolean {
  return story.dependsOn.every((d) => statusOf(state, d) === "complete" && own(state.runs, d)?.merged !== undefined);
}

/**
 * dag: whether merging `waiting` (complete, not merged yet) now lets a pending story start. Until it does,
 * they wait and join a larger batch: each batch costs a test run on the merged result (and its setup), so
 * dag merges only when someone needs it, or at the end, and never pays more of them than it gains from.
 */
export function mergeUnlocks(state: WorkflowState, plan: Plan, waiting: ReadonlySet<string>): boolean {
  return plan.stories.some(
    (s) =>
      statusOf(state, s.id) === "pending" &&
      s.dependsOn.some((d) => waiting.has(d)) &&
      s.dependsOn.every((d) => statusOf(state, d) === "complete" && (waiting.has(d) || own(state.runs, d)?.merged !== undefined)),
  );
}

/**
 * dag: whether the story is in its verify check (or just passed it): it ends within a test run's time, about
 * what a batch merged before it would spend on its own tests, so a batch waits for it and they go in together.
 */
export function verifying(state: WorkflowState, id: string): boolean {
  const run = own(state.runs, id);
  const last = run?.phases.at(-1);
  return last?.phase === "verify" && last.attempt === run!.attempt && last.outcome !== "failed";
}

/** Completed stories whose branch has not been merged yet (an interrupted integration), in plan order. */
export function unmergedCompleted(state: WorkflowState, plan: Plan): string[] {
  return plan.stories
    .filter((s) => statusOf(state, s.id) === "complete" && own(state.runs, s.id)?.merged === undefined)
    .map((s) => s.id);
}

/**
 * Of a wave's stories, the completed, unmerged ones that may be merged now, in plan order: those before
 * the first story still pending or in progress (merges keep plan order while the wave still runs).
 */
export function mergeableNow(state: WorkflowState, plan: Plan, wave: readonly string[]): string[] {
  const unmerged = new Set(unmergedCompleted(state, plan));
  const out: string[] = [];
  for (const s of plan.stories.filter((s) => wave.includes(s.id))) {
    const status = statusOf(state, s.id);
    // A story waiting for (or in) its rebuild on the integrated target holds up no one: it merges when it is done.
    if (status !== "complete" && status !== "failed" && status !== "blocked" && own(state.runs, s.id)?.rebuild) continue;
    if (status !== "complete" && status !== "failed" && status !== "blocked") break;
    if (unmerged.has(s.id)) out.push(s.id);
  }
  return out;
}

export function storyById(plan: Plan): Map<string, Story> {
  return new Map(plan.stories.map((s) => [s.id, s]));
}
