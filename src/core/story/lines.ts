// A story file as lines that keep their own line endings, so that an edit rewrites only the lines it means
// to and every other byte survives. Line endings are CommonMark's: `\r\n`, `\n`, or a lone `\r`.

export interface Line {
  text: string;
  /** "" for a last line without a line ending. */
  eol: string;
}

export type Eol = "\n" | "\r\n" | "\r";

export function splitLines(s: string): Line[] {
  const out: Line[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push({ text: s.slice(start, m.index), eol: m[0] });
    start = m.index + m[0].length;
  }
  if (start < s.length) out.push({ text: s.slice(start), eol: "" });
  return out;
}

export function joinLines(lines: readonly Line[]): string {
  return lines.map((l) => l.text + l.eol).join("");
}

/** The line ending most lines have (a tie goes to `\n`, then `\r\n`): new lines are written with it. */
export function dominantEol(lines: readonly Line[]): Eol {
  const count = { "\n": 0, "\r\n": 0, "\r": 0 };
  for (const l of lines) if (l.eol !== "") count[l.eol as Eol]++;
  if (count["\r"] > count["\n"] && count["\r"] > count["\r\n"]) return "\r";
  return count["\r\n"] > count["\n"] ? "\r\n" : "\n";
}

export const isBlank = (text: string): boolean => /^[ \t]*$/.test(text);
export const trimTabs = (s: string): string => s.replace(/^[ \t]+|[ \t]+$/g, "");
/** A value must stay on its own line, whatever the caller passes. */
export const oneLine = (s: string): string => trimTabs(s.replace(/[\r\n\u2028\u2029]+/g, " "));
