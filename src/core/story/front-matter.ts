// YAML front matter at the very start of a story file (`---` … `---` or `...`), as design tools write it:
// where it ends, and its top-level `status` line split so that only the value is rewritten. It is no
// Markdown: GitHub shows it as a table, so no heading or checkbox is read inside it.
import type { Line } from "./lines.js";

export interface FrontMatterStatusLine {
  index: number;
  /** Line text up to the value (and its opening quote). */
  head: string;
  value: string;
  /** Closing quote, spaces, comment. */
  tail: string;
}

/** Index of the closing `---` (or `...`) line, when the file opens with front matter. */
export function frontMatterEnd(lines: readonly Line[]): number | undefined {
  if (!lines[0] || !/^---[ \t]*$/.test(lines[0].text)) return undefined;
  for (let i = 1; i < lines.length; i++) if (/^(?:---|\.\.\.)[ \t]*$/.test(lines[i]!.text)) return i;
  return undefined;
}

/** Splits a YAML scalar after `key:`; undefined for anything but a one-line plain or quoted scalar. */
function splitScalar(rest: string): { lead: string; value: string; tail: string } | undefined {
  const ws = /^[ \t]*/.exec(rest)![0];
  const r = rest.slice(ws.length);
  const quote = r[0];
  if (quote === '"' || quote === "'") {
    let j = 1;
    for (; j < r.length; j++) {
      if (quote === '"' && r[j] === "\\") j++;
      else if (quote === "'" && r[j] === "'" && r[j + 1] === "'") j++;
      else if (r[j] === quote) break;
    }
    if (j >= r.length) return undefined;
    return { lead: ws + quote, value: r.slice(1, j), tail: r.slice(j) };
  }
  if (ws === "" || r === "" || /^[|>&*!{[#]/.test(r)) return undefined;
  const end = /[ \t]+#|[ \t]*$/.exec(r)!.index;
  return { lead: ws, value: r.slice(0, end), tail: r.slice(end) };
}

/** The top-level `status:` line of the front matter ending at `fmEnd`, when its value is one scalar. */
export function findFrontMatterStatus(lines: readonly Line[], fmEnd: number): FrontMatterStatusLine | undefined {
  for (let i = 1; i < fmEnd; i++) {
    const text = lines[i]!.text;
    const m = /^(["']?)status\1[ \t]*:/i.exec(text);
    if (!m) continue;
    const scalar = splitScalar(text.slice(m[0].length));
    if (!scalar) return undefined;
    return { index: i, head: m[0] + scalar.lead, value: scalar.value, tail: scalar.tail };
  }
  return undefined;
}
