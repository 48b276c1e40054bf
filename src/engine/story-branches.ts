// Story branches (`tdd-waves/<plan>/<story>`) are tdd-waves' to reset: before an execution starts, a
// branch of that name holding someone's own work is refused, naming it, with nothing changed. Locally the
// branches are the repository's own; on GitHub they are origin's (the plan job's full checkout sees them as
// refs/remotes/origin/…), which publish would otherwise force-push over.
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
export async function refuseForeignStoryBranches(
  repo: Repository,
  plan: Plan,
  target: string,
  state: WorkflowState | null,
  where: "local" | "origin" = "local",
): Promise<void> {
  const ref = (branch: string) => (where === "local" ? `refs/heads/${branch}` : `refs/remotes/origin/${branch}`);
  const foreign: string[] = [];
  for (const story of plan.stories) {
    const branch = storyBranch(plan.name, story.id);
    if (state && own(state.runs, story.id)) continue;
    if ((await repo.revParse(ref(branch))) === null) continue;
    const [tip] = await repo.subjectsNotIn(ref(branch), ref(target), 1);
    if (tip === undefined || OUR_SUBJECT.test(tip)) continue;
    foreign.push(branch);
  }
  if (foreign.length === 0) return;
  const one = foreign.length === 1;
  const it = one ? "it" : "them";
  throw new RefusedError(
    `branch${one ? "" : "es"} ${foreign.join(", ")}${where === "origin" ? " on origin" : ""} already exist${one ? "s" : ""} with commits tdd-waves did not make; ` +
      `tdd-waves would reset ${it}. Rename or delete ${it} (${where === "origin" ? "on GitHub, or git push origin --delete" : "git branch -m"}), then run again.`,
  );
}
