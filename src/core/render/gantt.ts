// Renders the recorded execution as Mermaid gantt charts and as the one-line-per-wave text form (SPEC §5).
// Pure: state in, text out. Every piece of user text is neutralised so that no title can break or steer
// Mermaid, and charts are split below Mermaid's text limit without ever dropping a story.
import { statusOf, type WorkflowState } from "../state/state.js";
import { axisFormatFor, barLabel, timelineOf, type BarKind, type Timeline } from "./timeline.js";

/** Mermaid refuses diagrams longer than this (its `maxTextSize`). */
export const MERMAID_MAX_CHARS = 50_000;
/** Below this a chart could not hold its header and one bar. */
const MIN_CHARS = 1_000;
/** Titles longer than this are cut (in code points) so that a bar stays readable. */
const MAX_TITLE = 80;

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

function taskId(kind: BarKind, id: string, used: Set<string>): string {
  const base = `${kind.toLowerCase()}_${id.replace(/[^A-Za-z0-9_]/g, "_")}`;
  let task = base;
  for (let n = 2; used.has(task); n++) task = `${base}_${n}`;
  used.add(task);
  return task;
}

/** Mermaid dates: UTC, whole seconds, in the chart's `dateFormat`. */
function mermaidDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

function waveBars(timeline: Timeline): WaveBars[] {
  const used = new Set<string>();
  return timeline.groups.map(({ name, rows }) => ({
    name,
    lines: rows.flatMap((row) => {
      const title = neutraliseLabel(row.title);
      return row.bars.map((bar) => {
        const label = `${neutraliseLabel(bar.label, 200)}${bar.note ? ` (${bar.note})` : ""}${title ? ` — ${title}` : ""}`;
        const tags = bar.mark ? `${bar.mark}, ` : "";
        return `    ${label} :${tags}${taskId(bar.kind, row.id, used)}, ${mermaidDate(bar.start)}, ${mermaidDate(bar.end)}`;
      });
    }),
  }));
}

function header(planName: string, part: string, axisFormat: string): string {
  const title = neutraliseLabel(`tdd-waves · ${planName}${part}`, 120);
  return `gantt\n    title ${title}\n    dateFormat YYYY-MM-DDTHH:mm:ss\n    axisFormat ${axisFormat}\n    todayMarker off\n`;
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
 * phase that has started (`T-<key>` tester and red check, `I-<key>` implementation and verify), for every
 * attempt (later ones labelled `I-<key> (attempt 2)`, `I-<key> (rebuild)`), failed bars `crit`, running ones `active`, finished ones `done`. Stories not yet run have no bar. Charts over
 * `maxChars` are split (whole waves per chart where possible). Always at least one chart; a chart with no
 * section means nothing has run yet.
 */
export function renderGantt(state: WorkflowState, titles: Record<string, string>, opts: { maxChars?: number } = {}): string[] {
  const maxChars = opts.maxChars ?? MERMAID_MAX_CHARS;
  if (!(maxChars >= MIN_CHARS)) throw new RangeError(`renderGantt: maxChars must be at least ${MIN_CHARS}, got ${maxChars}`);
  const timeline = timelineOf(state, titles);
  const axis = axisFormatFor(timeline.end - timeline.start);
  const room = maxChars - header(state.plan.name, " (99999/99999)", "%b %d %H:%M:%S").length;
  const bodies = pack(waveBars(timeline), room);
  if (bodies.length === 0) return [header(state.plan.name, "", axis)];
  return bodies.map((body, i) => header(state.plan.name, bodies.length > 1 ? ` (${i + 1}/${bodies.length})` : "", axis) + body);
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
 * The PM text form, one line per wave: `Wave 2: [T-auth-002]→[I-auth-002] | [T-auth-003]→[I-auth-003]`. A story that is not
 * complete carries its status after its pair, e.g. `[T-auth-003]→[I-auth-003] (pending)`.
 */
export function renderGanttText(state: WorkflowState): string {
  return state.waves
    .map((ids, i) => {
      const pairs = ids.map((id) => {
        return `[${barLabel("T", id)}]→[${barLabel("I", id)}]${TEXT_STATUS[statusOf(state, id)]}`;
      });
      return `Wave ${i + 1}: ${pairs.join(" | ")}`;
    })
    .join("\n");
}
