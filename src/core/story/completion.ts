// Renders the body of a story file's `## Completion` section (SPEC §2) from what the run recorded.
import { runDuration, type StoryRun, type TestEvidence } from "../state/state.js";
import { codeSpan } from "./code-span.js";

export type CompletionOutcome = "complete" | "failed" | "blocked";

export interface CompletionInfo {
  outcome: CompletionOutcome;
  /** Why the story failed or is blocked. */
  reason?: string;
  testerAgent?: string;
  implAgent?: string;
  /** Omitted: no line; empty: "none". */
  filesModified?: string[];
  red?: TestEvidence;
  green?: TestEvidence;
  durationMs?: number;
  runUrl?: string;
  attempt?: number;
  commit?: string;
}

const OUTCOME: Readonly<Record<CompletionOutcome, string>> = {
  complete: "✅ Complete",
  failed: "❌ Failed",
  blocked: "⛔ Blocked",
};

/** Longer lists would drown the story file; the commit holds the full list. */
const MAX_FILES = 100;
const MAX_REASON = 500;

/** Builds the completion record from a story's run; duration spans its phases, first start to last end. */
export function completionInfoFromRun(run: StoryRun, agents: { testerAgent: string; implAgent: string }): CompletionInfo {
  const outcome: CompletionOutcome = run.status === "complete" ? "complete" : run.status === "blocked" ? "blocked" : "failed";
  const info: CompletionInfo = { outcome, testerAgent: agents.testerAgent, implAgent: agents.implAgent, attempt: run.attempt };
  if (outcome !== "complete" && run.reason) info.reason = run.reason;
  if (run.result) {
    info.filesModified = run.result.filesModified;
    if (run.result.red) info.red = run.result.red;
    if (run.result.green) info.green = run.result.green;
    if (run.result.commit) info.commit = run.result.commit;
  }
  const durationMs = runDuration(run);
  if (durationMs !== null) info.durationMs = durationMs;
  if (run.runUrl) info.runUrl = run.runUrl;
  return info;
}

/** `450ms`, `12s`, `1m 12s`, `2h 5s` — zero parts are left out. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "unknown";
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const total = Math.round(ms / 1000);
  const parts: [number, string][] = [
    [Math.floor(total / 3600), "h"],
    [Math.floor((total % 3600) / 60), "m"],
    [total % 60, "s"],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n}${unit}`)
    .join(" ");
}

/** `exit 1, 0/3 passed`; `timed out`; `killed` when there was no exit code. */
export function formatEvidence(e: TestEvidence): string {
  const parts = [e.timedOut ? "timed out" : e.exitCode === null ? "killed" : `exit ${e.exitCode}`];
  if (e.passed !== null && e.total !== null) parts.push(`${e.passed}/${e.total} passed`);
  return parts.join(", ");
}

function redGreen(red: TestEvidence | undefined, green: TestEvidence | undefined): string {
  return `red: ${red ? formatEvidence(red) : "not checked"} → green: ${green ? formatEvidence(green) : "not reached"}`;
}

function testsLine(green: TestEvidence): string {
  if (green.passed !== null && green.total !== null) return `${green.passed}/${green.total} passed`;
  return green.exitCode === 0 && !green.timedOut ? "passed" : "failed";
}

/** Free text on one line, with the characters that could start Markdown markup escaped. */
export function escapeInline(s: string): string {
  let one = s.replace(/\s+/g, " ").trim();
  if (one.length > MAX_REASON) one = one.slice(0, MAX_REASON - 1) + "…";
  return one.replace(/[\\`*_[\]<>|~#&!]/g, "\\$&");
}

/** A code span on one line, whatever the text holds. */
export function inlineCode(s: string): string {
  return codeSpan(s.replace(/[\r\n\u2028\u2029]+/g, " "));
}

function runLink(url: string): string {
  if (!/^https?:\/\//i.test(url)) return inlineCode(url);
  // An autolink may hold no space, `<` or `>`: percent-encode them.
  return `<${url.replace(/[\s<>]/g, (c) => encodeURIComponent(c))}>`;
}

function agentsLine(c: CompletionInfo): string | undefined {
  const parts: string[] = [];
  if (c.testerAgent) parts.push(`${inlineCode(c.testerAgent)} (tester)`);
  if (c.implAgent) parts.push(`${inlineCode(c.implAgent)} (implementation)`);
  return parts.length ? parts.join(" → ") : undefined;
}

function filesLines(files: string[]): string[] {
  if (!files.length) return ["- **Files modified:** none"];
  const shown = files.slice(0, MAX_FILES).map((f) => `  - ${inlineCode(f)}`);
  if (files.length > MAX_FILES) shown.push(`  - … and ${files.length - MAX_FILES} more`);
  return [`- **Files modified:** ${files.length}`, ...shown];
}

/** The `## Completion` body: a Markdown list, lines joined with `eol`, no trailing line break. */
export function renderCompletion(c: CompletionInfo, eol: string): string {
  const outcome = OUTCOME[c.outcome] + (c.outcome !== "complete" && c.reason ? `: ${escapeInline(c.reason)}` : "");
  const lines = [`- **Outcome:** ${outcome}`];
  const item = (label: string, value: string | undefined): void => {
    if (value !== undefined) lines.push(`- **${label}:** ${value}`);
  };
  item("Attempt", c.attempt !== undefined ? String(c.attempt) : undefined);
  item("Agents", agentsLine(c));
  item("Tests", c.green ? testsLine(c.green) : undefined);
  item("Red → green", c.red || c.green ? redGreen(c.red, c.green) : undefined);
  item("Duration", c.durationMs !== undefined ? formatDuration(c.durationMs) : undefined);
  item("Commit", c.commit ? inlineCode(c.commit.slice(0, 12)) : undefined);
  item("Run", c.runUrl ? runLink(c.runUrl) : undefined);
  if (c.filesModified) lines.push(...filesLines(c.filesModified));
  return lines.join(eol);
}
