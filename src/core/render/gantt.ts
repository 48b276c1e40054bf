// Renders the recorded execution as Mermaid gantt charts and as the one-line-per-wave text form (SPEC §5).
// Pure: state in, text out. Every piece of user text is neutralised so that no title can break or steer
// Mermaid, and charts are split below Mermaid's text limit without ever dropping a story.
import { statusOf, type PhaseName, type PhaseRecord, type WorkflowState } from "../state/state.js";
import { own } from "../own.js";
import { attemptHistory, attemptOf } from "../retries/attempts.js";

/** Mermaid refuses diagrams longer than this (its `maxTextSize`). */
export const MERMAID_MAX_CHARS = 50_000;
/** Below this a chart could not hold its header and one bar. */
const MIN_CHARS = 1_000;
/** Titles longer than this are cut (in code points) so that a bar stays readable. */
const MAX_TITLE = 80;

type BarKind = "T" | "I";
type BarMark = "crit" | "active" | "done" | "";

interface Bar {
  kind: BarKind;
  line: string;
}

interface WaveBars {
  name: string;
  lines: string[];
}

/** Mermaid syntax characters mapped to look-alikes that Mermaid (and Markdown fences) read as plain text. */
const LOOK_ALIKES: Record<string, string> = {
  ":": "∶",
  ";": "；",
  "#": "＃",
  "%": "％",
  '"': "”",
  "'": "’",
  "`": "’",
  "<": "‹",
  ">": "›",
  "&": "＆",
  "{": "｛",
  "}": "｝",
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Control characters, zero-width spaces and the bidirectional controls that could disguise what a label
// says; the joiners (U+200C, U+200D) stay, emoji sequences and some scripts need them.
const INVISIBLE = /[\p{Cc}\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/gu;

/**
 * Makes arbitrary text safe inside a Mermaid gantt label: one line, none of the characters Mermaid reads as
 * syntax (`:` ends a label, `%%` starts comments and directives, `#…;` entities, HTML, quotes, braces),
 * replaced with look-alikes so that it stays readable. Cut to `max` code points.
 */
export function neutraliseLabel(text: string, max = MAX_TITLE): string {
  const oneLine = text.replace(LONE_SURROGATE, "\uFFFD").replace(INVISIBLE, " ");
  const safe = Array.from(oneLine, (ch) => LOOK_ALIKES[ch] ?? ch).join("");
  const squeezed = safe.replace(/\s+/gu, " ").trim();
  const points = Array.from(squeezed);
  return points.length <= max ? squeezed : `${points.slice(0, max - 1).join("").trimEnd()}…`;
}

/**
 * The short key of each story in bar names (`T-<key>`): the id's trailing number (`msm-auth-002` → `002`),
 * or the whole id when it has no trailing number or shares its number with another story.
 */
export function barKeys(state: WorkflowState): Record<string, string> {
  const ids = allStoryIds(state);
  const numberOf = (id: string): string | undefined => /(\d+)$/.exec(id)?.[1];
  const uses = new Map<string, number>();
  for (const id of ids) {
    const n = numberOf(id);
    if (n !== undefined) uses.set(n, (uses.get(n) ?? 0) + 1);
  }
  const keys: Record<string, string> = {};
  for (const id of ids) {
    const n = numberOf(id);
    keys[id] = n !== undefined && uses.get(n) === 1 && !ids.includes(n) ? n : id;
  }
  return keys;
}

/** Every story the state knows, waves first (in wave order), then any with a run but no wave. */
function allStoryIds(state: WorkflowState): string[] {
  const seen = new Set<string>(state.waves.flat());
  const extra = Object.keys(state.runs).filter((id) => !seen.has(id));
  return [...seen, ...extra];
}

const TESTER_PHASES: readonly PhaseName[] = ["tester", "red"];
const IMPL_PHASES: readonly PhaseName[] = ["implementation", "verify"];

/** Mermaid dates: UTC, whole seconds, in the chart's `dateFormat`. */
function mermaidDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

function timeOf(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) || ms < 0 || ms > 253_402_300_799_000 ? undefined : ms;
}

/**
 * A bar's mark. A failed phase is `crit`; a phase still running is `active` while its story is in progress.
 * A phase left running by an execution that stopped (its story failed or went back to pending) is not
 * active: it is `crit` when the story failed, unmarked when it waits to be run again.
 */
function markOf(phases: PhaseRecord[], story: ReturnType<typeof statusOf>): BarMark {
  if (phases.some((p) => p.outcome === "failed" && !p.interrupted)) return "crit";
  if (phases.some((p) => p.interrupted)) return story === "failed" ? "crit" : "";
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

/** Start and end of a bar from its phases; a bar still running ends at `now`. */
function spanOf(phases: PhaseRecord[], now: number): { start: number; end: number } {
  const starts = phases.map((p) => timeOf(p.start) ?? timeOf(p.end) ?? now);
  const ends = phases.map((p) => timeOf(p.end) ?? now);
  const start = Math.floor(Math.min(...starts) / 1000) * 1000;
  const end = Math.max(Math.ceil(Math.max(...ends) / 1000) * 1000, start + 1000);
  return { start, end };
}

function taskId(kind: BarKind, key: string, used: Set<string>): string {
  const base = `${kind.toLowerCase()}_${key.replace(/[^A-Za-z0-9_]/g, "_")}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
  used.add(id);
  return id;
}

function barsOf(state: WorkflowState, id: string, key: string, title: string, used: Set<string>, now: number): Bar[] {
  const run = own(state.runs, id);
  if (!run) return [];
  const story = statusOf(state, id);
  const safeId = neutraliseLabel(id, 200);
  const name = key === id ? "" : ` ${safeId}`;
  const safeTitle = neutraliseLabel(title);
  const bars: Bar[] = [];
  // Every attempt has its bars (a retried implementation is a second I- bar); the first keeps the plain name.
  const history = attemptHistory(run);
  for (const { attempt, rebuild } of history) {
    const mine = run.phases.filter((p) => attemptOf(run, p) === attempt);
    const which = history.length > 1 && attempt !== history[0]!.attempt ? ` (${rebuild ? "rebuild" : `attempt ${attempt}`})` : "";
    for (const [kind, names] of [["T", TESTER_PHASES], ["I", IMPL_PHASES]] as const) {
      const phases = mine.filter((p) => names.includes(p.phase));
      if (phases.length === 0) continue;
      const { start, end } = spanOf(phases, now);
      let mark = markOf(phases, story);
      // The implementation was rejected at integration (merge conflict, tests failing on the merge).
      if (kind === "I" && mine.some((p) => p.phase === "integrate" && p.outcome === "failed")) mark = "crit";
      const label = `${kind}-${neutraliseLabel(key, 200)}${name}${which}${safeTitle ? ` — ${safeTitle}` : ""}`;
      const tags = mark ? `${mark}, ` : "";
      bars.push({ kind, line: `    ${label} :${tags}${taskId(kind, key, used)}, ${mermaidDate(start)}, ${mermaidDate(end)}` });
    }
  }
  return bars;
}

function waveBars(state: WorkflowState, titles: Record<string, string>): WaveBars[] {
  const keys = barKeys(state);
  const used = new Set<string>();
  const now = latestOf(state);
  const inWaves = new Set(state.waves.flat());
  const groups = state.waves.map((ids, i) => ({ name: `Wave ${i + 1}`, ids }));
  const stray = Object.keys(state.runs).filter((id) => !inWaves.has(id));
  if (stray.length > 0) groups.push({ name: "Outside the waves", ids: stray });
  return groups
    .map(({ name, ids }) => ({
      name,
      lines: ids.flatMap((id) => barsOf(state, id, own(keys, id) ?? id, own(titles, id) ?? "", used, now)).map((b) => b.line),
    }))
    .filter((w) => w.lines.length > 0);
}

function header(planName: string, part: string): string {
  const title = neutraliseLabel(`tdd-waves · ${planName}${part}`, 120);
  return `gantt\n    title ${title}\n    dateFormat YYYY-MM-DDTHH:mm:ss\n    axisFormat %H:%M\n    todayMarker off\n`;
}

const sectionLine = (name: string): string => `    section ${name}\n`;
const size = (lines: string[]): number => lines.reduce((n, l) => n + l.length + 1, 0);

/** Cuts one wave's bars into parts that each fit a chart of `room` characters, section line included. */
function cutWave(wave: WaveBars, room: number): string[][] {
  const sectionRoom = room - sectionLine(`${wave.name} (part 99999/99999)`).length;
  const parts: string[][] = [[]];
  for (const line of wave.lines) {
    const current = parts[parts.length - 1]!;
    if (current.length > 0 && size(current) + line.length + 1 > sectionRoom) parts.push([line]);
    else current.push(line);
  }
  return parts;
}

/** Packs whole waves into charts of `room` characters; a wave too big for one chart gets charts of its own. */
function pack(waves: WaveBars[], room: number): string[] {
  const bodies: string[] = [];
  let body = "";
  const flush = (): void => {
    if (body) bodies.push(body);
    body = "";
  };
  for (const wave of waves) {
    const whole = sectionLine(wave.name) + wave.lines.map((l) => `${l}\n`).join("");
    if (body.length + whole.length <= room) body += whole;
    else if (whole.length <= room) {
      flush();
      body = whole;
    } else {
      flush();
      const parts = cutWave(wave, room);
      parts.forEach((lines, k) => {
        body = sectionLine(`${wave.name} (part ${k + 1}/${parts.length})`) + lines.map((l) => `${l}\n`).join("");
        if (k < parts.length - 1) flush();
      });
    }
  }
  flush();
  return bodies;
}

/**
 * Mermaid gantt sources (without fences) of the recorded execution: one section per wave, one bar per
 * phase that has started (`T-<key>` tester and red check, `I-<key>` implementation and verify), failed
 * bars `crit`, running ones `active`, finished ones `done`. Stories not yet run have no bar. Charts over
 * `maxChars` are split (whole waves per chart where possible). Always at least one chart; a chart with no
 * section means nothing has run yet.
 */
export function renderGantt(state: WorkflowState, titles: Record<string, string>, opts: { maxChars?: number } = {}): string[] {
  const maxChars = opts.maxChars ?? MERMAID_MAX_CHARS;
  if (!(maxChars >= MIN_CHARS)) throw new RangeError(`renderGantt: maxChars must be at least ${MIN_CHARS}, got ${maxChars}`);
  const room = maxChars - header(state.plan.name, " (99999/99999)").length;
  const bodies = pack(waveBars(state, titles), room);
  if (bodies.length === 0) return [header(state.plan.name, "")];
  return bodies.map((body, i) => header(state.plan.name, bodies.length > 1 ? ` (${i + 1}/${bodies.length})` : "") + body);
}

const TEXT_STATUS: Record<ReturnType<typeof statusOf>, string> = {
  pending: " (pending)",
  testing: " (testing)",
  implementing: " (implementing)",
  complete: "",
  failed: " (failed)",
  blocked: " (blocked)",
};

/**
 * The PM text form, one line per wave: `Wave 2: [T-002]→[I-002] | [T-003]→[I-003]`. A story that is not
 * complete carries its status after its pair, e.g. `[T-003]→[I-003] (pending)`.
 */
export function renderGanttText(state: WorkflowState): string {
  const keys = barKeys(state);
  return state.waves
    .map((ids, i) => {
      const pairs = ids.map((id) => {
        const key = own(keys, id) ?? id;
        return `[T-${key}]→[I-${key}]${TEXT_STATUS[statusOf(state, id)]}`;
      });
      return `Wave ${i + 1}: ${pairs.join(" | ")}`;
    })
    .join("\n");
}
