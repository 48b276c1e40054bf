// How many stories needed a retry (or a rebuild on the integrated target) and why, for the run summary, the
// pull request comment, `status` and the end of `run`; and the `tdd-waves retry` command that runs failed
// stories again. Pure: state and plan in, text out.
import { own } from "../own.js";
import type { Plan } from "../plan/model.js";
import { attemptHistory, retryReasons } from "../retries/attempts.js";
import { statusOf, type WorkflowState } from "../state/state.js";
import { shellQuote } from "../testing/shell-quote.js";
import { markdownCell } from "./safe-text.js";
import { fitTable, type Measure } from "./size-budget.js";

export interface RetriedStory {
  id: string;
  attempts: number;
  rebuilt: boolean;
  /** Why each attempt that led to another one failed, in order. */
  reasons: string[];
}

/** Stories that had more than one attempt, in plan order. */
export function retriedStories(state: WorkflowState, plan: Plan): RetriedStory[] {
  return [...plan.stories]
    .sort((a, b) => a.index - b.index)
    .flatMap((s) => {
      const run = own(state.runs, s.id);
      const history = attemptHistory(run);
      if (history.length < 2) return [];
      return [{ id: s.id, attempts: history.length, rebuilt: history.some((a) => a.rebuild), reasons: retryReasons(run) }];
    });
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "2 stories needed a retry" plus, per story, its attempts and why; empty when none did. */
export function retryLines(state: WorkflowState, plan: Plan, clean: (text: string) => string): string[] {
  const retried = retriedStories(state, plan);
  if (retried.length === 0) return [];
  return [
    `${plural(retried.length, "story", "stories")} needed a retry:`,
    ...retried.map((r) => `- ${clean(r.id)}: ${r.attempts} attempts${r.rebuilt ? ", rebuilt on the integrated target" : ""} — ${r.reasons.map(clean).join("; ") || "interrupted"}`),
  ];
}

/** How many stories needed a retry and why, as a Markdown list under `heading`; as many stories as fit, with a note. */
export function retrySection(state: WorkflowState, plan: Plan, budget: number, measure: Measure, heading: string): string {
  const [head, ...rows] = retryLines(state, plan, (t) => markdownCell(t, 160));
  if (!head) return "";
  return fitTable(`${heading}${head}`, rows, budget, measure, (n) => `_${n} more retried stories left out for size: \`tdd-waves report\` lists them all._`);
}

/** The command that runs the failed stories again, when there are any: `tdd-waves retry` locally, `/build retry` on GitHub. */
export function retryHint(state: WorkflowState, plan: Plan, planArg: string, where: "local" | "github" = "local"): string | undefined {
  const failed = plan.stories.filter((s) => statusOf(state, s.id) === "failed").map((s) => s.id);
  if (failed.length === 0) return undefined;
  const what = `Run the failed ${failed.length === 1 ? "story" : "stories"} again (and the stories blocked behind them)`;
  if (where === "github") return `${what}: comment \`/build retry ${failed.join(" ")}\` on the pull request`;
  return `${what}: tdd-waves retry ${shellQuote(planArg)} ${failed.join(" ")}`;
}
