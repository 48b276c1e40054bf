// The Markdown tables of the run summary and the pull request comment: one row per story (status, agents,
// tests, red → green evidence, duration) and one per epic with its progress bar.
import type { Plan } from "../plan/model.js";
import { statusOf, type TestEvidence, type WorkflowState } from "../state/state.js";
import { STATUS_DISPLAY } from "../story/status.js";
import { formatDuration, percent } from "./progress.js";
import type { Report, ReportResult } from "./report.js";
import { own } from "../own.js";
import { markdownCell } from "./safe-text.js";
import { costCell, hasUsage } from "./usage.js";

function evidence(e: TestEvidence | null): string | null {
  if (!e) return null;
  const icon = e.timedOut ? "⏱" : e.exitCode === 0 ? "✓" : "✗";
  return e.passed !== null && e.total !== null ? `${icon} ${e.passed}/${e.total}` : icon;
}

function redGreen(r: ReportResult | undefined): string {
  const red = evidence(r?.red ?? null);
  const green = evidence(r?.green ?? null);
  return red === null && green === null ? "—" : `${red ?? "—"} → ${green ?? "—"}`;
}

export function storyRows(state: WorkflowState, plan: Plan, report: Report): string[] {
  const results = new Map(report.results.map((r) => [r.storyId, r]));
  const withCost = hasUsage(state);
  return [...plan.stories]
    .sort((a, b) => a.index - b.index)
    .map((story) => {
      const r = results.get(story.id);
      const status = statusOf(state, story.id);
      const reason = r?.reason && (status === "failed" || status === "blocked") ? `: ${markdownCell(r.reason, 100)}` : "";
      const tests = r?.testsTotal != null ? `${r.testsPassedCount ?? 0}/${r.testsTotal}` : "—";
      const wave = r?.wave || state.waves.findIndex((w) => w.includes(story.id)) + 1;
      const cells = [
        markdownCell(story.id),
        markdownCell(story.title, 80),
        String(wave),
        `${STATUS_DISPLAY[status]}${reason}`,
        markdownCell(r?.testerAgent ?? story.tester),
        markdownCell(r?.implAgent ?? story.implementer),
        tests,
        redGreen(r),
        formatDuration(r?.durationMs ?? null),
        ...(withCost ? [costCell(state, story.id)] : []),
      ];
      return `| ${cells.join(" | ")} |`;
    });
}

export const STORY_HEAD = "| Story | Title | Wave | Status | Tester | Implementer | Tests | Red → green | Duration |\n|---|---|--:|---|---|---|--:|---|--:|";
/** The story table's head: with a Cost column once agents have reported usage. */
export const storyHead = (state: WorkflowState): string => (hasUsage(state) ? STORY_HEAD.replace(" |\n", " | Cost |\n").concat("--:|") : STORY_HEAD);

function progressBar(p: number): string {
  const filled = Math.floor(p / 10);
  return `${"█".repeat(filled)}${"░".repeat(10 - filled)} ${p}%`;
}

export function epicRows(state: WorkflowState, plan: Plan): string[] {
  const order = [...new Set([...plan.stories.map((s) => s.epic), ...Object.keys(state.epics)])];
  return order.flatMap((epic) => {
    const e = own(state.epics, epic);
    if (!e) return [];
    return [`| ${markdownCell(epic)} | ${e.completed} | ${e.failed} | ${e.total} | ${progressBar(percent(e.completed, e.total))} |`];
  });
}

export const EPIC_HEAD = "| Epic | Complete | Failed | Total | Progress |\n|---|--:|--:|--:|---|";
