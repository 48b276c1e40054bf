// The pull request comment (SPEC §6): a hidden marker to find it again, progress, the Gantt, the story and
// epic tables, kept under GitHub's 65,536-character limit.
import { renderGantt } from "./gantt.js";
import type { Plan } from "../plan/model.js";
import type { WorkflowState } from "../state/state.js";
import { headline, usageParagraphs } from "./progress.js";
import { buildReport } from "./report.js";
import { hasRun, titleOf } from "./run-summary.js";
import { link, markdownCell } from "./safe-text.js";
import { assemble, chars, fitGantt, fitTable } from "./size-budget.js";
import { EPIC_HEAD, epicRows, storyHead, storyRows } from "./story-tables.js";
import { retrySection } from "./retries.js";

/** GitHub refuses comments over 65,536 characters; a margin keeps edits by hand possible. */
export const COMMENT_MAX_CHARS = 65_000;

/** The hidden first line by which the plan's comment is found again and edited in place. */
export function commentMarker(planName: string): string {
  // Anything but the plan-name characters is percent-encoded, and so is a "--" that could end the comment.
  const safe = planName.replace(/[^A-Za-z0-9._-]/gu, (c) => `%${c.codePointAt(0)!.toString(16).toUpperCase()}`);
  return `<!-- tdd-waves:plan=${safe.replace(/--/g, "-%2D")} -->`;
}

/**
 * The pull request comment: the marker, progress, the Gantt, the story table and epic progress. Kept under
 * GitHub's 65,536-character limit (default `maxChars` 65,000): the table is cut first, with a note; the
 * marker and the progress line never are.
 */
export function renderPrComment(state: WorkflowState, plan: Plan, opts: { runUrl?: string; maxChars?: number } = {}): string {
  const report = buildReport(state, plan);
  const measure = chars;
  const marker = commentMarker(plan.name);
  const footer = `_Updated ${markdownCell(state.lastUpdate)}${opts.runUrl ? ` · ${link("workflow run", opts.runUrl)}` : ""}_`;
  const head = `### tdd-waves · ${markdownCell(plan.name)}\n\n${headline(state)}${usageParagraphs(state, plan)}`;
  const charts = hasRun(state) ? renderGantt(state, titleOf(plan)) : [];
  const where = "see the run summary, or `tdd-waves gantt`";
  const body = assemble(
    [
      { order: 0, render: () => head },
      { order: 9, render: () => footer },
      { order: 3, render: (b) => fitTable(EPIC_HEAD, epicRows(state, plan), b, measure, (n) => `_${n} more epics left out for size._`) },
      { order: 4, render: (b) => retrySection(state, plan, b, measure, "") },
      { order: 1, render: (b) => (charts.length === 0 ? "" : fitGantt(charts, b - 2_000, measure, where)) },
      { order: 2, render: (b) => fitTable(storyHead(state), storyRows(state, plan, report), b, measure, (n) => `_${n} more stories left out for size: see the run summary._`) },
    ],
    (opts.maxChars ?? COMMENT_MAX_CHARS) - marker.length - 1,
    measure,
  );
  return `${marker}\n${body}`;
}
