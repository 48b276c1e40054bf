// Blocking: a pending story any of whose dependencies failed or is blocked becomes ⛔ Blocked (and so
// do the stories behind it), saved in the state as it happens.
import type { Plan } from "../core/plan/model.js";
import { blockReason, blockingDependency } from "../core/state/progression.js";
import { blockStory, statusOf, type WorkflowState } from "../core/state/state.js";
import type { Ports } from "./ports.js";

export async function blockStuck(ports: Ports, plan: Plan, state: WorkflowState, ids: readonly string[]): Promise<WorkflowState> {
  const scope = new Set(ids);
  // Plan order need not be dependency order: repeat until nothing more gets blocked.
  for (let changed = true; changed; ) {
    changed = false;
    for (const story of plan.stories) {
      if (!scope.has(story.id) || statusOf(state, story.id) !== "pending") continue;
      const dep = blockingDependency(state, story);
      if (!dep) continue;
      const reason = blockReason(state, dep);
      state = await ports.store.update(blockStory(story.id, reason, ports.now()), `${story.id}: blocked`);
      ports.progress({ type: "story", storyId: story.id, status: "blocked", reason });
      changed = true;
    }
  }
  return state;
}
