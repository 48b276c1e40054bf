// `--restart`: a new execution of the (changed) plan that keeps the record of the old one, so that the report,
// the Gantt and the story files still show every earlier story's results, tests and bars.
import { cutShort, type StoryRun, type WorkflowState } from "../state/state.js";

/** `fresh` (a new state for the plan) with the earlier runs of the stories it still has, settled, and the lock held. */
export function restartedState(fresh: WorkflowState, previous: WorkflowState, now: string): WorkflowState {
  const runs: Record<string, StoryRun> = {};
  for (const [id, run] of Object.entries(previous.runs)) {
    if (fresh.storyEpics[id] === undefined) continue;
    const { resume: _r, rebuild: _b, rebuilt: _d, feedback: _f, ...kept } = run;
    // Phases an execution left running were cut short: they stay on record as such.
    runs[id] = { ...kept, phases: cutShort(kept.phases, now) };
  }
  return { ...fresh, runs, ...(previous.lock ? { lock: previous.lock } : {}) };
}
