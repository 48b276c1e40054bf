// Human-facing views of an execution (SPEC §5, §6): the GitHub run summary, the pull request comment and
// the terminal `status` (text and JSON). Pure: state and plan in, text out; the size limits of the places
// they are posted to are kept here, by truncating with a note, never silently.
import { MERMAID_MAX_CHARS, renderGantt, renderGanttText } from "./gantt.js";
import type { Plan } from "../plan/model.js";
import { buildReport, type Report, type ReportResult } from "./report.js";
import { costCell, hasUsage, reportUsage, usageLine, type ReportBudget } from "./usage.js";
import { formatCost, type UsageTotals } from "../agents/usage.js";
import { STATUS_DISPLAY } from "../story/status.js";
import { statusOf, type ExecutionLock, type StateError, type StoryStatus, type TestEvidence, type WorkflowState } from "../state/state.js";
import { own } from "../own.js";

/** The story-file status values (SPEC §2), used wherever a status is shown to a person. */
export const STATUS_LABEL = STATUS_DISPLAY;

/** GitHub refuses comments over 65,536 characters; a margin keeps edits by hand possible. */
export const COMMENT_MAX_CHARS = 65_000;
/** GITHUB_STEP_SUMMARY takes at most 1 MiB per step. */
export const SUMMARY_MAX_BYTES = 1_000_000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const INVISIBLE = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu;

/** One line of plain text: no control characters (terminal escapes included), no bidi overrides. */
export function plainText(text: string, max = 200): string {
  const line = text.replace(LONE_SURROGATE, "\uFFFD").replace(INVISIBLE, " ").replace(/\s+/gu, " ").trim();
  const points = Array.from(line);
  return points.length <= max ? line : `${points.slice(0, max - 1).join("")}…`;
}

/**
 * Text for a Markdown table cell (or any inline Markdown): one line, HTML and Markdown syntax escaped,
 * `|` escaped, and `@mention` / `#123` references broken so that a title never pings anyone.
 */
export function markdownCell(text: string, max = 200): string {
  return plainText(text, max)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]~|!]/g, (c) => `\\${c}`)
    .replace(/([@#])(?=[\w-])/g, "$1\u200B");
}

/** A fenced code block whose fence no run of backticks in `content` can close. */
function fenced(content: string, lang: string): string {
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${content.replace(/\n$/, "")}\n${fence}`;
}

/** `[text](url)` with the characters that would end the link destination encoded. */
function link(text: string, url: string): string {
  const safe = url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
  return `[${text}](${safe})`;
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, "0")}m`;
}

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

const percent = (part: number, total: number): number => (total === 0 ? 0 : Math.floor((part / total) * 100));

interface Counts {
  total: number;
  completed: number;
  failed: number;
  blocked: number;
  inProgress: number;
  pending: number;
}

function countOf(state: WorkflowState, ids: string[]): Counts {
  const c: Counts = { total: ids.length, completed: 0, failed: 0, blocked: 0, inProgress: 0, pending: 0 };
  for (const id of ids) {
    const s = statusOf(state, id);
    if (s === "complete") c.completed++;
    else if (s === "failed") c.failed++;
    else if (s === "blocked") c.blocked++;
    else if (s === "pending") c.pending++;
    else c.inProgress++;
  }
  return c;
}

const allIds = (state: WorkflowState): string[] => state.waves.flat();

function countsLine(c: Counts): string {
  return `${c.completed}/${c.total} complete (${percent(c.completed, c.total)}%) · ${c.failed} failed · ${c.blocked} blocked · ${c.inProgress} in progress · ${c.pending} pending`;
}

function headline(state: WorkflowState): string {
  const wave = state.currentWave > 0 ? ` — wave ${state.currentWave} of ${state.waves.length}` : "";
  return `**${state.status}**${wave} · ${countsLine(countOf(state, allIds(state)))}`;
}

/** What the agents cost, and why the execution stopped, under the headline (nothing when there is neither). */
function usageParagraphs(state: WorkflowState, plan: Plan): string {
  const usage = usageLine(state, plan);
  const stopped = state.stopped ? `\n\n**Stopped:** ${markdownCell(state.stopped.message, 300)}` : "";
  return `${usage ? `\n\n${markdownCell(usage, 300)}` : ""}${stopped}`;
}

// ---------------------------------------------------------------------------------------------------
// Fitting sections into a size budget.

type Measure = (text: string) => number;

const chars: Measure = (t) => t.length;
/** UTF-8 length, without TextEncoder so that core stays free of runtime globals. */
const utf8: Measure = (t) => {
  let n = 0;
  for (const ch of t) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
};

/** A table with as many rows as fit `budget`, and a note naming how many were left out and where they are. */
function fitTable(head: string, rows: string[], budget: number, measure: Measure, note: (n: number) => string): string {
  const full = [head, ...rows].join("\n");
  if (measure(full) <= budget) return full;
  const kept: string[] = [];
  let used = measure(head) + measure(note(rows.length)) + 4;
  for (const row of rows) {
    if (used + measure(row) + 1 > budget) break;
    kept.push(row);
    used += measure(row) + 1;
  }
  if (kept.length === 0 && used > budget) return measure(note(rows.length)) <= budget ? note(rows.length) : "";
  return `${[head, ...kept].join("\n")}\n\n${note(rows.length - kept.length)}`;
}

/** Whole Gantt charts, in order, as many as fit; a note for the rest. */
function fitGantt(charts: string[], budget: number, measure: Measure, where: string): string {
  const blocks = charts.map((c) => fenced(c, "mermaid"));
  const kept: string[] = [];
  const note = (n: number): string => `_${n} more Gantt chart${n === 1 ? "" : "s"} left out for size: ${where}._`;
  let used = measure(note(charts.length)) + 2;
  for (const b of blocks) {
    if (used + measure(b) + 2 > budget) break;
    kept.push(b);
    used += measure(b) + 2;
  }
  const parts = kept.length === blocks.length ? kept : [...kept, note(blocks.length - kept.length)];
  return measure(parts.join("\n\n")) <= budget ? parts.join("\n\n") : "";
}

/** Sections rendered in priority order against what is left of the budget, then put in display order. */
function assemble(sections: Array<{ order: number; render: (budget: number) => string }>, budget: number, measure: Measure): string {
  let left = budget;
  const out: Array<{ order: number; text: string }> = [];
  for (const s of sections) {
    const text = s.render(left - 2);
    if (!text) continue;
    left -= measure(text) + 2;
    out.push({ order: s.order, text });
  }
  return `${out.sort((a, b) => a.order - b.order).map((s) => s.text).join("\n\n")}\n`;
}

// ---------------------------------------------------------------------------------------------------
// Tables.

function storyRows(state: WorkflowState, plan: Plan, report: Report): string[] {
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
        `${STATUS_LABEL[status]}${reason}`,
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

const STORY_HEAD = "| Story | Title | Wave | Status | Tester | Implementer | Tests | Red → green | Duration |\n|---|---|--:|---|---|---|--:|---|--:|";
/** The story table's head: with a Cost column once agents have reported usage. */
const storyHead = (state: WorkflowState): string => (hasUsage(state) ? STORY_HEAD.replace(" |\n", " | Cost |\n").concat("--:|") : STORY_HEAD);

function progressBar(p: number): string {
  const filled = Math.floor(p / 10);
  return `${"█".repeat(filled)}${"░".repeat(10 - filled)} ${p}%`;
}

function epicRows(state: WorkflowState, plan: Plan): string[] {
  const order = [...new Set([...plan.stories.map((s) => s.epic), ...Object.keys(state.epics)])];
  return order.flatMap((epic) => {
    const e = own(state.epics, epic);
    if (!e) return [];
    return [`| ${markdownCell(epic)} | ${e.completed} | ${e.failed} | ${e.total} | ${progressBar(percent(e.completed, e.total))} |`];
  });
}

const EPIC_HEAD = "| Epic | Complete | Failed | Total | Progress |\n|---|--:|--:|--:|---|";

function reportBlock(report: Report, budget: number, measure: Measure): string {
  const wrap = (json: string): string => `<details><summary>Report</summary>\n\n${fenced(json, "json")}\n\n</details>`;
  for (const json of [JSON.stringify(report, null, 2), JSON.stringify(report)]) {
    const block = wrap(json);
    if (measure(block) <= budget) return block;
  }
  const note = "_The report is too large for this summary: see `tdd-waves-report.json` or `tdd-waves report`._";
  return measure(note) <= budget ? note : "";
}

// ---------------------------------------------------------------------------------------------------
// The run summary and the pull request comment.

function titleOf(plan: Plan): Record<string, string> {
  return Object.fromEntries(plan.stories.map((s) => [s.id, s.title]));
}

/** True once some phase has been recorded: before that there is no Gantt worth drawing. */
const hasRun = (state: WorkflowState): boolean => Object.values(state.runs).some((r) => r.phases.length > 0);

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
      { order: 4, render: (b) => fitTable(`### Stories\n\n${storyHead(state)}`, storyRows(state, plan, report), b, measure, (n) => `_${n} more stories left out for size: \`tdd-waves status\` lists them all._`) },
      { order: 2, render: (b) => (measure(fenced(textForm, "text")) <= b ? fenced(textForm, "text") : "") },
      { order: 6, render: (b) => reportBlock(report, b, measure) },
    ],
    opts.maxBytes ?? SUMMARY_MAX_BYTES,
    measure,
  );
}

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
      { order: 1, render: (b) => (charts.length === 0 ? "" : fitGantt(charts, b - 2_000, measure, where)) },
      { order: 2, render: (b) => fitTable(storyHead(state), storyRows(state, plan, report), b, measure, (n) => `_${n} more stories left out for size: see the run summary._`) },
    ],
    (opts.maxChars ?? COMMENT_MAX_CHARS) - marker.length - 1,
    measure,
  );
  return `${marker}\n${body}`;
}

// ---------------------------------------------------------------------------------------------------
// `tdd-waves status`.

export interface StatusStory {
  id: string;
  title: string;
  epic: string;
  status: StoryStatus;
  reason?: string;
  /** What its agents reported, over every attempt. */
  usage?: UsageTotals;
}

export interface StatusWave extends Counts {
  wave: number;
  stories: StatusStory[];
}

export interface StatusJson {
  plan: string;
  path: string;
  target: string;
  status: WorkflowState["status"];
  currentWave: number;
  totalWaves: number;
  lastUpdate: string;
  totals: Counts & { percentComplete: number };
  waves: StatusWave[];
  epics: Array<{ epic: string; total: number; completed: number; failed: number; percentComplete: number }>;
  errors: StateError[];
  lock?: ExecutionLock;
  /** Agent usage of the execution, the plan's budget and why the execution stopped (issue 13), when there are any. */
  usage?: UsageTotals;
  budget?: ReportBudget;
}

/** Progress per wave and epic, for `tdd-waves status --json`. */
export function renderStatusJson(state: WorkflowState, plan: Plan): StatusJson {
  const byId = new Map(plan.stories.map((s) => [s.id, s]));
  const totals = countOf(state, allIds(state));
  return {
    plan: state.plan.name,
    path: state.plan.path,
    target: state.target,
    status: state.status,
    currentWave: state.currentWave,
    totalWaves: state.waves.length,
    lastUpdate: state.lastUpdate,
    totals: { ...totals, percentComplete: percent(totals.completed, totals.total) },
    waves: state.waves.map((ids, i) => ({
      wave: i + 1,
      ...countOf(state, ids),
      stories: ids.map((id) => {
        const reason = own(state.runs, id)?.reason;
        const status = statusOf(state, id);
        return {
          id,
          title: byId.get(id)?.title ?? "",
          epic: byId.get(id)?.epic ?? own(state.storyEpics, id) ?? id,
          status,
          ...(reason && (status === "failed" || status === "blocked") ? { reason } : {}),
          ...(state.usage?.[id] ? { usage: state.usage[id] } : {}),
        };
      }),
    })),
    epics: epicOrder(state, plan).map((epic) => {
      const e = own(state.epics, epic)!;
      return { epic, ...e, percentComplete: percent(e.completed, e.total) };
    }),
    errors: state.errors,
    ...(state.lock ? { lock: state.lock } : {}),
    ...reportUsage(state, plan),
  };
}

function epicOrder(state: WorkflowState, plan: Plan): string[] {
  return [...new Set([...plan.stories.map((s) => s.epic), ...Object.keys(state.epics)])].filter((e) => own(state.epics, e));
}

function waveLine(w: StatusWave): string {
  const rest = [
    w.failed ? `${w.failed} failed` : "",
    w.blocked ? `${w.blocked} blocked` : "",
    w.inProgress ? `${w.inProgress} in progress` : "",
    w.pending ? `${w.pending} pending` : "",
  ].filter(Boolean);
  return `Wave ${w.wave}: ${w.completed}/${w.total} complete${rest.length ? `, ${rest.join(", ")}` : ""}`;
}

function storyLine(s: StatusStory, idWidth: number): string {
  const [icon, word] = STATUS_LABEL[s.status].split(" ") as [string, string];
  const reason = s.reason ? ` — ${plainText(s.reason, 120)}` : "";
  const cost = s.usage?.costUsd === undefined ? "" : `  ${formatCost(s.usage)}`;
  return `  ${icon} ${plainText(s.id).padEnd(idWidth)}  ${word.padEnd(12)}  ${plainText(s.title, 80)}${cost}${reason}`;
}

/** Progress per wave and epic as plain text for the terminal (`tdd-waves status`); no control characters. */
export function renderStatusText(state: WorkflowState, plan: Plan): string {
  const j = renderStatusJson(state, plan);
  const idWidth = Math.max(0, ...j.waves.flatMap((w) => w.stories.map((s) => plainText(s.id).length)));
  const lines = [
    `tdd-waves · ${plainText(j.plan)} (${plainText(j.path)}) → ${plainText(j.target)}`,
    `Status: ${j.status}${j.currentWave ? ` · wave ${j.currentWave} of ${j.totalWaves}` : ""} · updated ${plainText(j.lastUpdate)}`,
    `Stories: ${countsLine(j.totals)}`,
  ];
  const usage = usageLine(state, plan);
  if (usage) lines.push(usage);
  if (state.stopped) lines.push(`Stopped: ${plainText(state.stopped.message, 300)}`);
  if (j.lock) lines.push(`Running: ${j.lock.kind} ${plainText(j.lock.id)}${j.lock.host ? ` on ${plainText(j.lock.host)}` : ""}${j.lock.pid ? ` (pid ${j.lock.pid})` : ""} since ${plainText(j.lock.since)}`);
  for (const w of j.waves) lines.push("", waveLine(w), ...w.stories.map((s) => storyLine(s, idWidth)));
  lines.push("", "Epics:", ...j.epics.map((e) => `  ${plainText(e.epic)}  ${e.completed}/${e.total} complete (${e.percentComplete}%), ${e.failed} failed`));
  if (j.errors.length > 0) {
    lines.push("", `Errors (${j.errors.length}${j.errors.length > 5 ? ", last 5" : ""}):`);
    for (const e of j.errors.slice(-5)) lines.push(`  ${plainText(e.at)}  ${[e.story, e.phase].filter(Boolean).map((x) => plainText(x!)).join(" ")}${e.story || e.phase ? ": " : ""}${plainText(e.message, 200)}`);
  }
  return lines.join("\n");
}
