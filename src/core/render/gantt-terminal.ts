// The recorded execution as a Gantt a terminal can draw: one row per story grouped by wave, the tester and
// implementation bars to scale in block characters, sized to the terminal's width, failed bars marked.
// Plain ASCII when the terminal is not UTF-8 or colour is off. Pure: timeline and options in, text out.
import { timelineOf, type Timeline, type TimelineBar } from "./timeline.js";
import type { WorkflowState } from "../state/state.js";

export interface TerminalGanttOptions {
  /** Columns available (the terminal's width); at least 40 is used. */
  width: number;
  /** Block characters (UTF-8 terminal) or ASCII. */
  unicode: boolean;
  /** ANSI colours. */
  color: boolean;
}

interface Glyphs {
  tester: string;
  implementation: string;
  failed: string;
  running: string;
  failMark: string;
  rule: string;
}

const UNICODE: Glyphs = { tester: "▒", implementation: "█", failed: "░", running: "▶", failMark: "✗", rule: "─" };
const ASCII: Glyphs = { tester: "-", implementation: "=", failed: "x", running: ">", failMark: "X", rule: "-" };

const ANSI = { tester: "\x1b[36m", implementation: "\x1b[32m", failed: "\x1b[31m", running: "\x1b[33m", dim: "\x1b[2m", reset: "\x1b[0m" };

const MIN_WIDTH = 40;
const MAX_ID = 28;
const SECOND = 1000;

/** "9m 42s", "1h 03m", "12s": the length of a bar or of the execution. */
export function shortDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / SECOND));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

function clock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

/** Terminal text must not carry the control characters a story id or title could hold. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, " ");
}

function fit(text: string, width: number): string {
  const points = Array.from(text);
  return points.length > width ? `${points.slice(0, width - 1).join("")}…` : text.padEnd(width);
}

function glyphOf(bar: TimelineBar, g: Glyphs): { char: string; colour: string } {
  if (bar.mark === "crit") return { char: g.failed, colour: ANSI.failed };
  if (bar.mark === "active") return { char: bar.kind === "T" ? g.tester : g.implementation, colour: ANSI.running };
  return bar.kind === "T" ? { char: g.tester, colour: ANSI.tester } : { char: g.implementation, colour: ANSI.implementation };
}

/**
 * One row's cells: each bar from its start column to its end column (at least one cell), a bar never
 * starting before the previous one of its story ends, so they never overlap, whatever the rounding.
 */
function rowCells(bars: TimelineBar[], timeline: Timeline, columns: number, g: Glyphs, color: boolean): { text: string; failed: boolean; running: boolean } {
  const span = Math.max(timeline.end - timeline.start, SECOND);
  // One column is kept spare so that a bar pushed right by its neighbour still fits.
  const scale = (t: number): number => Math.floor(((t - timeline.start) / span) * (columns - 1));
  const cells: string[] = [];
  let failed = false;
  let running = false;
  for (const bar of bars) {
    const from = Math.max(scale(bar.start), cells.length);
    const to = Math.min(Math.max(scale(bar.end), from + 1), columns);
    if (from >= to) continue;
    while (cells.length < from) cells.push(" ");
    const { char, colour } = glyphOf(bar, g);
    const run = char.repeat(to - from);
    cells.push(color ? `${colour}${run}${ANSI.reset}` : run);
    for (let i = 1; i < to - from; i++) cells.push("");
    // The story's last bar tells how it stands: an attempt that failed and was retried is not a failure.
    failed = bar.mark === "crit";
    running = bar.mark === "active";
  }
  return { text: cells.join(""), failed, running };
}

function visibleLength(cells: string): number {
  // eslint-disable-next-line no-control-regex
  return Array.from(cells.replace(/\x1b\[[0-9;]*m/g, "")).length;
}

/** The terminal Gantt of a timeline (see the module comment); "" when nothing has run. */
export function renderTimelineTerminal(timeline: Timeline, options: TerminalGanttOptions): string {
  if (timeline.groups.length === 0) return "";
  const g = options.unicode ? UNICODE : ASCII;
  const width = Math.max(options.width, MIN_WIDTH);
  const idWidth = timeline.groups.reduce((w, gr) => gr.rows.reduce((v, r) => Math.max(v, Array.from(printable(r.id)).length), w), 1);
  const idColumn = Math.min(MAX_ID, idWidth);
  const tailWidth = 10;
  const columns = Math.max(10, width - idColumn - tailWidth - 4);
  const dim = (s: string): string => (options.color ? `${ANSI.dim}${s}${ANSI.reset}` : s);
  const lines: string[] = [];
  for (const group of timeline.groups) {
    lines.push(group.name);
    for (const row of group.rows) {
      const cells = rowCells(row.bars, timeline, columns, g, options.color);
      const pad = " ".repeat(Math.max(0, columns - visibleLength(cells.text)));
      const first = row.bars[0]!;
      const last = row.bars[row.bars.length - 1]!;
      const tail = `${cells.failed ? g.failMark : cells.running ? g.running : " "} ${shortDuration(last.end - first.start)}`;
      lines.push(`  ${fit(printable(row.id), idColumn)} ${cells.text}${pad} ${tail}`.trimEnd());
    }
  }
  const left = clock(timeline.start);
  const right = clock(timeline.end);
  const gap = Math.max(1, columns - left.length - right.length);
  lines.push(`  ${" ".repeat(idColumn)} ${dim(`${left}${" ".repeat(gap)}${right}`)}   ${shortDuration(timeline.end - timeline.start)}`);
  // The legend, on as many lines as the width needs.
  const keys: Array<[string, string, string]> = [
    [g.tester, ANSI.tester, "tester"],
    [g.implementation, ANSI.implementation, "implementation"],
    [g.failed, ANSI.failed, `failed (${g.failMark})`],
    [g.running, ANSI.running, "running"],
  ];
  let legend = " ";
  for (const [char, colour, word] of keys) {
    if (legend.length + word.length + 5 > width) {
      lines.push(legend.trimEnd());
      legend = " ";
    }
    legend += `  ${options.color ? `${colour}${char}${ANSI.reset}` : char} ${word}`;
    legend = options.color ? legend : legend;
  }
  lines.push(legend.trimEnd());
  return lines.join("\n");
}

/** The terminal Gantt of the recorded execution; "" when nothing has run. */
export function renderGanttTerminal(state: WorkflowState, titles: Record<string, string>, options: TerminalGanttOptions): string {
  return renderTimelineTerminal(timelineOf(state, titles), options);
}
