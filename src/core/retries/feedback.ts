// The feedback an agent gets on a retry or a rebuild (TDD_WAVES_FEEDBACK, the `{feedback}` placeholder):
// what failed and why, the criteria still unticked, and the tail of the output that shows it. Pure text.
import { REBUILD_HEADING } from "./attempts.js";

/** How much of a log the feedback quotes: its last lines, within a size an agent's prompt can carry. */
export const TAIL_LINES = 60;
export const TAIL_CHARS = 6_000;
/** Feedback longer than this is cut (a story record carries it, and its schema bounds it). */
export const FEEDBACK_MAX_CHARS = 16_000;
/** Lists (criteria, files) quote this many items, each cut to ITEM_CHARS. */
const LIST_ITEMS = 30;
const ITEM_CHARS = 200;

const bounded = (text: string): string => (text.length <= FEEDBACK_MAX_CHARS ? text : `${text.slice(0, FEEDBACK_MAX_CHARS - 1)}…`);

function listOf(items: string[]): string[] {
  const lines = items.slice(0, LIST_ITEMS).map((item) => {
    const one = item.replace(/\s+/g, " ").trim();
    return `- ${one.length <= ITEM_CHARS ? one : `${one.slice(0, ITEM_CHARS - 1)}…`}`;
  });
  return items.length > LIST_ITEMS ? [...lines, `- … and ${items.length - LIST_ITEMS} more`] : lines;
}

/** The last lines of `text` (at most TAIL_LINES lines and TAIL_CHARS characters), trailing blank lines dropped. */
export function tailOf(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").replace(/\s+$/, "").split("\n").slice(-TAIL_LINES);
  let out = lines.join("\n");
  if (out.length > TAIL_CHARS) out = `…${out.slice(out.length - TAIL_CHARS + 1)}`;
  return out;
}

export interface RetryFeedback {
  /** The attempt that failed, and how many the story has in all (retries + 1). */
  failedAttempt: number;
  attempts: number;
  /** The failure as recorded ("verify: tests fail (exit code 1); 1 acceptance criteria not checked"). */
  reason: string;
  /** Acceptance criteria still unticked in the story file, when known. */
  unchecked?: string[];
  /** The failing run's output, and the log it comes from. */
  output?: { log: string; text: string };
  /** The locked test file restored to the tester's bytes for this attempt. */
  restoredTestFile?: string;
}

const fence = (text: string): string => {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const f = "`".repeat(Math.max(3, longest + 1));
  return `${f}\n${text}\n${f}`;
};

/** Feedback for the next attempt after a failed one. */
export function renderRetryFeedback(f: RetryFeedback): string {
  const lines = [`Attempt ${f.failedAttempt} of ${f.attempts} failed: ${f.reason}`, `This is attempt ${f.failedAttempt + 1} of ${f.attempts}: fix what failed.`];
  if (f.unchecked && f.unchecked.length > 0) lines.push("", "Acceptance criteria still unchecked:", ...listOf(f.unchecked));
  if (f.restoredTestFile) lines.push("", `The test file ${f.restoredTestFile} was restored to what the tester wrote: it is locked, change the production code instead.`);
  if (f.output && f.output.text.trim()) lines.push("", `Tail of the failing output (${f.output.log}):`, fence(tailOf(f.output.text)));
  return bounded(lines.join("\n"));
}

export interface RebuildFeedback {
  /** "merge conflict in shared.txt" or "fails after integration". */
  reason: string;
  /** Files the earlier implementation changed (it is on the story branch's history). */
  filesModified?: string[];
  output?: { log: string; text: string };
}

/** Feedback for a rebuild on the integrated target after the story's integration failed. */
export function renderRebuildFeedback(f: RebuildFeedback): string {
  const lines = [
    `${REBUILD_HEADING}: ${f.reason}.`,
    "The story was implemented and verified, but stories merged into the target since then clash with it.",
    "This working copy is the integrated target with the story's tests and story file: implement the story again",
    "here, keeping what the target now holds, until its tests pass.",
  ];
  if (f.filesModified && f.filesModified.length > 0) lines.push("", "Files the earlier implementation changed:", ...listOf(f.filesModified));
  if (f.output && f.output.text.trim()) lines.push("", `Tail of the failing output (${f.output.log}):`, fence(tailOf(f.output.text)));
  return bounded(lines.join("\n"));
}
