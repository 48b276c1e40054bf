// Story branches (`tdd-waves/<plan>/<story>`) are tdd-waves' to reset: before an execution starts, a
// branch of that name holding someone's own work is refused, naming it, with nothing changed.
import { storyBranch, type Plan } from "../core/plan/model.js";
import type { WorkflowState } from "../core/state/state.js";
import { own } from "../core/own.js";
import { RefusedError } from "./execution.js";
import type { Repository } from "./ports.js";

/** Subjects of tdd-waves' own commits on a story branch (tests, completion, failure). */
const OUR_SUBJECT = /^tdd-waves: /;

/**
 * A story branch is tdd-waves' when the state records a run of its story (the run made it), when it has
 * no commit the target lacks (nothing to lose), or when its tip is one of tdd-waves' own commits.
 */
export async function refuseForeignStoryBranches(repo: Repository, plan: Plan, target: string, state: WorkflowState | null): Promise<void> {
  const foreign: string[] = [];
  for (const story of plan.stories) {
    const branch = storyBranch(plan.name, story.id);
    if (state && own(state.runs, story.id)) continue;
    if ((await repo.revParse(`refs/heads/${branch}`)) === null) continue;
    const [tip] = await repo.subjectsNotIn(`refs/heads/${branch}`, `refs/heads/${target}`, 1);
    if (tip === undefined || OUR_SUBJECT.test(tip)) continue;
    foreign.push(branch);
  }
  if (foreign.length === 0) return;
  throw new RefusedError(
    `branch${foreign.length === 1 ? "" : "es"} ${foreign.join(", ")} already exist${foreign.length === 1 ? "s" : ""} with commits tdd-waves did not make; ` +
      `tdd-waves would reset ${foreign.length === 1 ? "it" : "them"}. Rename or delete ${foreign.length === 1 ? "it" : "them"} (git branch -m), then run again.`,
  );
}
