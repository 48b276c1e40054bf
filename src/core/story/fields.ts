// Field lines of a story file's header: `**Status:** x`, `**Status**: x`, `Status: x` (also `__`), the label
// in any case. Split into the part kept as written and the value, which alone an update rewrites.
import { codeSpan, unCodeSpan } from "./code-span.js";
import { oneLine } from "./lines.js";
import { STATUS_DISPLAY } from "./status.js";
import type { StoryStatus } from "./status.js";

export type FieldKey = "status" | "assignee" | "testFile" | "verified";
export const FIELD_ORDER: readonly FieldKey[] = ["status", "assignee", "testFile", "verified"];
export const FIELD_LABEL: Readonly<Record<FieldKey, string>> = {
  status: "Status",
  assignee: "Assignee",
  testFile: "Test file",
  verified: "Verified",
};

export interface FieldLine {
  key: FieldKey;
  /** Everything before the value (indent, label, markers, colon, spaces). */
  head: string;
  value: string;
  /** Trailing spaces or a hard-break backslash: kept as they are. */
  trail: string;
}

/** The values an update may write, one per field. */
export interface FieldValues {
  status?: StoryStatus;
  /** Empty writes the `—` placeholder. */
  assignee?: string;
  testFile?: string;
  verified?: boolean;
}

const FIELD_RE =
  /^([ \t]{0,3})(\*\*|__)?(status|assignee|test[ _-]?file|verified)(\*\*|__)?:(\*\*|__)?([ \t]*)(.*?)([ \t]*\\?[ \t]*)$/is;

export function parseField(text: string): FieldLine | undefined {
  const m = FIELD_RE.exec(text);
  if (!m) return undefined;
  const [, , open, label, closeBefore, closeAfter] = m;
  // Bold markers pair up around the label, with the colon inside or outside: `**Status:**`, `**Status**:`.
  const balanced = open
    ? (closeBefore === open && !closeAfter) || (!closeBefore && closeAfter === open)
    : !closeBefore && !closeAfter;
  if (!balanced) return undefined;
  const value = m[7]!;
  const trail = m[8]!;
  const normalized = label!.toLowerCase().replace(/[ _-]/g, "");
  const key: FieldKey = normalized === "testfile" ? "testFile" : (normalized as FieldKey);
  return { key, head: text.slice(0, text.length - value.length - trail.length), value, trail };
}

export function withFieldValue(f: FieldLine, value: string): string {
  const gap = value !== "" && !/[ \t]$/.test(f.head) ? " " : "";
  return f.head + gap + value + f.trail;
}

const PLACEHOLDERS = new Set(["", "—", "–", "-"]);

/** A plain value (a code span's content), undefined for a placeholder. */
export function readPlain(value: string): string | undefined {
  const v = unCodeSpan(value);
  return PLACEHOLDERS.has(v) ? undefined : v;
}

export function parseVerified(value: string): boolean | undefined {
  const word = /\p{L}+/u.exec(value)?.[0]?.toLowerCase();
  if (word === "yes" || word === "true" || word === "y") return true;
  if (word === "no" || word === "false" || word === "n") return false;
  if (word === undefined && value.includes("✅")) return true;
  if (word === undefined && value.includes("❌")) return false;
  return undefined;
}

/** The value written for `key`, or undefined when the update leaves it alone. */
export function formatField(key: FieldKey, update: FieldValues): string | undefined {
  switch (key) {
    case "status":
      return update.status === undefined ? undefined : STATUS_DISPLAY[update.status];
    case "assignee":
      return update.assignee === undefined ? undefined : oneLine(update.assignee) || "—";
    case "testFile": {
      if (update.testFile === undefined) return undefined;
      const path = oneLine(update.testFile);
      return path === "" ? "—" : codeSpan(path);
    }
    case "verified":
      return update.verified === undefined ? undefined : update.verified ? "yes" : "no";
  }
}
