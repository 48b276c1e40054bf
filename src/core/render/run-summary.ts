// The GitHub run summary (SPEC §5): headline, the Gantt and its text form, the story and epic tables, and the
// report in a collapsed block, kept under the 1 MiB GITHUB_STEP_SUMMARY takes.
import { MERMAID_MAX_CHARS, renderGantt, renderGanttText } from "./gantt.js";
import type { Plan } from "../plan/model.js";
import type { WorkflowState } from "../state/state.js";
import { headline, usageParagraphs } from "./progress.js";
import { buildReport, type Report } from "./report.js";
import { fenced, link, markdownCell } from "./safe-text.js";
import { assemble, fitGantt, fitTable, utf8, type Measure } from "./size-budget.js";
import { EPIC_HEAD, epicRows, storyHead, storyRows } from "./story-tables.js";
import { retrySection } from "./retries.js";

/** GITHUB_STEP_SUMMARY takes at most 1 MiB per step. */
export const SUMMARY_MAX_BYTES = 1_000_000;

const REPORT_NOTE = "_The report is too large for this summary: see the action's `report` output or `tdd-waves report`._";

function reportBlock(report: Report, budget: number, measure: Measure): string {
  const wrap = (json: string): string => `<details><summary>Report</summary>\n\n${fenced(json, "json")}\n\n</details>`;
  for (const json of [JSON.stringify(report, null, 2), JSON.stringify(report)]) {
    const block = wrap(json);
    if (measure(block) <= budget) return block;
  }
  return measure(REPORT_NOTE) <= budget ? REPORT_NOTE : "";
}

export function titleOf(plan: Plan): Record<string, string> {
  return Object.fromEntries(plan.stories.map((s) => [s.id, s.title]));
}

/** True once some phase has been recorded: before that there is no Gantt worth drawing. */
export const hasRun = (state: WorkflowState): boolean => Object.values(state.runs).some((r) => r.phases.length > 0);

function ganttSection(charts: string[], budget: number, measure: Measure): string {
  if (charts.length === 0) return "### Gantt\n\n_No phase has run yet._";
  const heading = "### Gantt\n\n";
  const body = fitGantt(charts, budget - measure(heading), measure, "`tdd-waves gantt` prints them all");
  return body ? heading + body : "";
}

/**
 * Markdown for GITHUB_STEP_SUMMARY: headline, the Gantt (```mermaid blocks) and its text form, the story
 * table, epic progress, and the report in a collapsed block. Kept under `maxBytes` (default 1,000,000):
 * what does not fit is cut with a note saying where to find it.
 */
export function renderRunSummary(state: WorkflowState, plan: Plan, opts: { runUrl?: string; maxBytes?: number } = {}): string {
  const report = buildReport(state, plan);
  const measure = utf8;
  const head = [`## tdd-waves · ${markdownCell(plan.name)}`, "", `${headline(state)} · target ${markdownCell(state.target)}${opts.runUrl ? ` · ${link("workflow run", opts.runUrl)}` : ""}${usageParagraphs(state, plan)}`].join("\n");
  const charts = hasRun(state) ? renderGantt(state, titleOf(plan), { maxChars: MERMAID_MAX_CHARS }) : [];
  const textForm = renderGanttText(state);
  return assemble(
    [
      { order: 0, render: () => head },
      { order: 5, render: (b) => fitTable(`### Epics\n\n${EPIC_HEAD}`, epicRows(state, plan), b, measure, (n) => `_${n} more epics left out for size._`) },
      { order: 1, render: (b) => ganttSection(charts, b, measure) },
      // The story table leaves room for at least the note saying where the report is.
      { order: 4, render: (b) => fitTable(`### Stories\n\n${storyHead(state)}`, storyRows(state, plan, report), b - measure(REPORT_NOTE) - 2, measure, (n) => `_${n} more stories left out for size: \`tdd-waves status\` lists them all._`) },
      { order: 2, render: (b) => (measure(fenced(textForm, "text")) <= b ? fenced(textForm, "text") : "") },
      { order: 3, render: (b) => retrySection(state, plan, b, measure, "### Retries\n\n") },
      { order: 6, render: (b) => reportBlock(report, b, measure) },
    ],
    opts.maxBytes ?? SUMMARY_MAX_BYTES,
    measure,
  );
}
