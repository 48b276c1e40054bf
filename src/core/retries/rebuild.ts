// What integration does with a story it cannot take (a merge conflict, tests failing on the merged result):
// once per set of attempts, and only when the story has retries, the story goes back for a rebuild on the
// integrated target; otherwise, or when the rebuild is rejected too, it is ❌ Failed with the reason.
import { own } from "../own.js";
import { chain, endPhase, failStory, scheduleRebuild, type Transition } from "../state/state.js";
import { renderRebuildFeedback } from "./feedback.js";

export const integrationRejected =
  (id: string, reason: string, retries: number, now: string, output?: { log: string; text: string }, origin?: { from?: string; testFileBlob?: string }): Transition =>
  (state) => {
    const run = own(state.runs, id);
    if (retries > 0 && run && !run.rebuilt) {
      const feedback = renderRebuildFeedback({ reason, filesModified: run.result?.filesModified, ...(output ? { output } : {}) });
      return scheduleRebuild(id, reason, feedback, now, origin)(state);
    }
    const final = run?.rebuilt ? `${reason} (after a rebuild on the integrated target)` : reason;
    return chain(endPhase(id, "integrate", "failed", now, final), failStory(id, final, now, "integrate"))(state);
  };
