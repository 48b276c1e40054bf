// The recorded execution as a timeline: one row per story grouped by wave, a tester bar (the plan's setup,
// tester + red check) and an implementation bar (implementation + verify) per attempt (a retried
// implementation is a second `I-` bar), in whole seconds. Every chart (Mermaid, terminal,
// SVG) draws this one model, so they agree on labels, times and marks. Pure.
import { own } from "../own.js";
import { attemptHistory, attemptOf } from "../retries/attempts.js";
import { statusOf, type PhaseName, type PhaseRecord, type StoryStatus, type WorkflowState } from "../state/state.js";

export type BarKind = "T" | "I";
/** failed (crit), running (active), done, or "" (left running by an execution that stopped; waits to rerun). */
export type BarMark = "crit" | "active" | "done" | "";

export interface TimelineBar {
  kind: BarKind;
  /** `T-<story id>` or `I-<story id>`: one rule for every story, every attempt. */
  label: string;
  /** Which attempt, when the story had more than one: "attempt 2", "rebuild" (absent on the first). */
  note?: string;
  /** Milliseconds since the epoch, whole seconds; end > start, and a story's bars never overlap. */
  start: number;
  end: number;
  mark: BarMark;
}

export interface TimelineRow {
  id: string;
  title: string;
  status: StoryStatus;
  bars: TimelineBar[];
}

export interface TimelineGroup {
  name: string;
  rows: TimelineRow[];
}

export interface Timeline {
  /** Earliest bar start and latest bar end (both 0 when nothing has run). */
  start: number;
  end: number;
  /** Waves with at least one bar, in order; stories with a run outside every wave last. */
  groups: TimelineGroup[];
}

// Setup prepares the working copy for the tester: its time (and its failure) belongs to the tester's bar.
const TESTER_PHASES: readonly PhaseName[] = ["setup", "tester", "red"];
const IMPL_PHASES: readonly PhaseName[] = ["implementation", "verify"];
const SECOND = 1000;

/** The bar label of a story's phase group: the story id itself, whatever the other ids look like. */
export function barLabel(kind: BarKind, storyId: string): string {
  return `${kind}-${storyId}`;
}

export function timeOf(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) || ms < 0 || ms > 253_402_300_799_000 ? undefined : ms;
}

/**
 * A bar's mark. A failed phase is `crit`; a phase still running is `active` while its story is in progress.
 * A phase left running by an execution that stopped (its story failed or went back to pending) is not
 * active: it is `crit` when the story failed, unmarked when it waits to be run again.
 */
function markOf(all: PhaseRecord[], story: StoryStatus): BarMark {
  // Phases an execution cut short (kill -9) were run again: they mark the bar only when nothing else does.
  const phases = all.filter((p) => !p.interrupted);
  if (phases.length === 0) return story === "failed" ? "crit" : "";
  if (phases.some((p) => p.outcome === "failed")) return "crit";
  if (phases.some((p) => p.outcome === "running" || p.end === undefined)) {
    if (story === "testing" || story === "implementing") return "active";
    return story === "failed" ? "crit" : "";
  }
  return "done";
}

/** The latest instant the state records: where bars still running end, for now. */
function latestOf(state: WorkflowState): number {
  let latest = timeOf(state.lastUpdate) ?? 0;
  for (const run of Object.values(state.runs)) {
    for (const p of run.phases) latest = Math.max(latest, timeOf(p.start) ?? 0, timeOf(p.end) ?? 0);
  }
  return latest;
}

/**
 * Start and end of a bar in whole seconds (start rounded down, end up, at least one second), starting no
 * earlier than `notBefore`: the previous bar of the same story ends there after its own rounding up.
 */
function spanOf(phases: PhaseRecord[], now: number, notBefore: number): { start: number; end: number } {
  const starts = phases.map((p) => timeOf(p.start) ?? timeOf(p.end) ?? now);
  const ends = phases.map((p) => timeOf(p.end) ?? now);
  const start = Math.max(Math.floor(Math.min(...starts) / SECOND) * SECOND, notBefore);
  const end = Math.max(Math.ceil(Math.max(...ends) / SECOND) * SECOND, start + SECOND);
  return { start, end };
}

function rowOf(state: WorkflowState, id: string, title: string, now: number): TimelineRow | undefined {
  const run = own(state.runs, id);
  if (!run) return undefined;
  const status = statusOf(state, id);
  const bars: TimelineBar[] = [];
  let notBefore = 0;
  // Every attempt has its bars, in order; the first keeps the plain label, later ones say which they are.
  const history = attemptHistory(run);
  for (const { attempt, rebuild } of history) {
    const mine = run.phases.filter((p) => attemptOf(run, p) === attempt);
    const note = attempt === history[0]!.attempt ? undefined : rebuild ? "rebuild" : `attempt ${attempt}`;
    for (const [kind, names] of [["T", TESTER_PHASES], ["I", IMPL_PHASES]] as const) {
      const phases = mine.filter((p) => names.includes(p.phase));
      if (phases.length === 0) continue;
      const { start, end } = spanOf(phases, now, notBefore);
      notBefore = end;
      let mark = markOf(phases, status);
      // The implementation was rejected at integration (merge conflict, tests failing on the merge).
      if (kind === "I" && mine.some((p) => p.phase === "integrate" && p.outcome === "failed")) mark = "crit";
      bars.push({ kind, label: barLabel(kind, id), ...(note ? { note } : {}), start, end, mark });
    }
  }
  return bars.length > 0 ? { id, title, status, bars } : undefined;
}

/** The timeline of the recorded execution; stories not yet run have no row. */
export function timelineOf(state: WorkflowState, titles: Record<string, string>): Timeline {
  const now = latestOf(state);
  const inWaves = new Set(state.waves.flat());
  const named = state.waves.map((ids, i) => ({ name: `Wave ${i + 1}`, ids }));
  const stray = Object.keys(state.runs).filter((id) => !inWaves.has(id));
  if (stray.length > 0) named.push({ name: "Outside the waves", ids: stray });
  const groups = named
    .map(({ name, ids }) => ({ name, rows: ids.flatMap((id) => rowOf(state, id, own(titles, id) ?? "", now) ?? []) }))
    .filter((g) => g.rows.length > 0);
  const bars = groups.flatMap((g) => g.rows.flatMap((r) => r.bars));
  if (bars.length === 0) return { start: 0, end: 0, groups };
  // reduce, not Math.min(...): plans with thousands of stories would pass too many arguments.
  return { start: bars.reduce((m, b) => Math.min(m, b.start), Infinity), end: bars.reduce((m, b) => Math.max(m, b.end), 0), groups };
}

/**
 * The time axis format (d3 / Mermaid `axisFormat`) that tells ticks apart for an execution of this length:
 * seconds for an hour or less, minutes within two days, the date beyond.
 */
export function axisFormatFor(durationMs: number): string {
  if (durationMs <= 60 * 60 * SECOND) return "%H:%M:%S";
  if (durationMs <= 48 * 60 * 60 * SECOND) return "%H:%M";
  return "%b %d %H:%M";
}
