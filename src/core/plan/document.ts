// What a plan reader (yaml-source.ts, json-source.ts) gives back: the data, or the syntax errors that stopped it,
// and where any key path is written.
import type { KeyPath, Position } from "./issue.js";

export interface PlanDocument {
  /** Plain JS values; undefined when there are syntax errors. */
  data: unknown;
  /** Syntax errors, located; the file as a whole is unusable when there is any. */
  syntax: (Position & { message: string })[];
  /** Where a key path is written: the value (default) or its key; as close as the document gets when it is missing. */
  locate(path: KeyPath, target?: "value" | "key"): Position;
}

/** Line and column (1-based, in UTF-16 code units like the yaml library's LineCounter) of `offset` in `text`. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(0, offset), text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: end - lineStart + 1 };
}
