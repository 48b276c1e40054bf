// A fast reader for the YAML plan files are written in: block mappings and sequences, one-line plain or quoted
// scalars, one-line flow lists and mappings, comments. It returns exactly the data the full YAML library
// (plan-source.ts) would, or nothing at all when the text uses anything else — anchors, tags, block or
// multi-line scalars, escapes, unusual indentation, duplicate keys, any syntax error — and the caller then
// falls back to the full library, which also locates every error. Large valid plans so parse in milliseconds.

interface Line {
  indent: number;
  /** The line without its indentation (never empty, never a comment). */
  text: string;
}

/** Thrown (and caught in parseYamlSubset) when the text leaves the subset. */
const OUTSIDE = Symbol("outside the YAML subset");

/** Tabs, control characters, non-ASCII line breaks, a BOM inside the text, a CR that is not part of CRLF. */
// eslint-disable-next-line no-control-regex
const UNSUPPORTED_CHARS = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]|\r(?!\n)/;
/** `key:` followed by spaces or the end of the line; keys are plain words. */
const BLOCK_KEY = /^([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}):(?: +|$)/;
const FLOW_KEY = /([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}): +/y;
/** A plain scalar inside a flow collection: ids, paths, words, numbers (no indicators at all). */
const FLOW_PLAIN = /[A-Za-z0-9_./~$][A-Za-z0-9_./~$ +()-]*/y;
/** Characters a block plain scalar may not start with here (YAML indicators; "-", "?" and ":" to be safe). */
const PLAIN_BAD_START = new Set([..."-?:,[]{}#&*!|>'\"%@`"]);
const TRAILING = /^(?: +(?:#.*)?)?$/;

// YAML 1.2 core schema, as the yaml library resolves plain scalars (first match wins).
const NULL_RE = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_RE = /^[-+]?[0-9]+$/;
/** Octal, hexadecimal, infinities, NaN and floats: rare in plans, left to the full library. */
const OTHER_NUMBER_RE = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;

/** The data of a YAML text in the subset (BOM already removed), or undefined when it is not in it. */
export function parseYamlSubset(text: string): { data: unknown } | undefined {
  if (UNSUPPORTED_CHARS.test(text)) return undefined;
  try {
    return { data: new SubsetParser(significantLines(text)).document() };
  } catch (e) {
    // RangeError: nesting deep enough to exhaust the stack is for the full library to report.
    if (e === OUTSIDE || e instanceof RangeError) return undefined;
    throw e;
  }
}

function outside(): never {
  throw OUTSIDE;
}

/** Lines with content: blank lines and comment lines carry no data. */
function significantLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    let indent = start;
    while (indent < stop && text.charCodeAt(indent) === 32) indent++;
    if (indent < stop && text.charCodeAt(indent) !== 35) {
      if (indent === start && isMarkerLine(text, start)) outside();
      lines.push({ indent: indent - start, text: text.slice(indent, stop) });
    }
    start = end + 1;
  }
  return lines;
}

/** `---`, `...` and `%` directives at the start of a line: documents and directives are not in the subset. */
function isMarkerLine(text: string, at: number): boolean {
  return text.startsWith("---", at) || text.startsWith("...", at) || text.charCodeAt(at) === 37;
}

const isSeqItem = (text: string): boolean => text === "-" || text.startsWith("- ");

class SubsetParser {
  private at = 0;

  constructor(private readonly lines: Line[]) {}

  document(): unknown {
    const first = this.lines[0];
    if (!first || first.indent !== 0) outside();
    const value = this.blockMap(0);
    if (this.at < this.lines.length) outside();
    return value;
  }

  private blockMap(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    while (this.at < this.lines.length) {
      const line = this.lines[this.at] as Line;
      if (line.indent < indent) break;
      if (line.indent > indent) outside();
      const m = BLOCK_KEY.exec(line.text);
      if (!m) outside();
      const key = checkedKey(m[1] as string, map);
      const rest = line.text.slice(m[0].length);
      this.at++;
      map[key] = rest === "" || rest.charCodeAt(0) === 35 ? this.nestedValue(indent) : inlineValue(rest);
    }
    return map;
  }

  /** The value of `key:` with nothing after it: a more indented block, a sequence at the key's own indentation, or null. */
  private nestedValue(indent: number): unknown {
    const next = this.lines[this.at];
    if (!next || next.indent < indent) return null;
    if (next.indent > indent) return isSeqItem(next.text) ? this.blockSeq(next.indent) : this.blockMap(next.indent);
    return isSeqItem(next.text) ? this.blockSeq(indent) : null;
  }

  private blockSeq(indent: number): unknown[] {
    const seq: unknown[] = [];
    while (this.at < this.lines.length) {
      const line = this.lines[this.at] as Line;
      if (line.indent < indent) break;
      if (line.indent > indent) outside();
      if (!isSeqItem(line.text)) break;
      let spaces = 1;
      while (line.text.charCodeAt(spaces) === 32) spaces++;
      const rest = line.text.slice(spaces);
      if (rest === "" || rest.charCodeAt(0) === 35 || isSeqItem(rest)) outside();
      if (BLOCK_KEY.test(rest)) {
        // A mapping that starts on the item's line: its keys line up with the first one.
        const column = indent + spaces;
        this.lines[this.at] = { indent: column, text: rest };
        seq.push(this.blockMap(column));
      } else {
        this.at++;
        seq.push(inlineValue(rest));
      }
    }
    return seq;
  }
}

function checkedKey(key: string, map: Record<string, unknown>): string {
  if (key === "__proto__" || Object.hasOwn(map, key) || typeof resolvePlain(key) !== "string") outside();
  return key;
}

/** A value written after `key: ` or `- `. */
function inlineValue(rest: string): unknown {
  const c = rest[0] as string;
  if (c === '"' || c === "'" || c === "[" || c === "{") {
    const [value, end] = c === "[" || c === "{" ? flowCollection(rest, 0) : quoted(rest, 0);
    if (!TRAILING.test(rest.slice(end))) outside();
    return value;
  }
  if (PLAIN_BAD_START.has(c)) outside();
  const comment = rest.indexOf(" #");
  let end = comment === -1 ? rest.length : comment;
  while (end > 0 && rest.charCodeAt(end - 1) === 32) end--;
  const raw = rest.slice(0, end);
  if (raw.includes(": ") || raw.endsWith(":")) outside();
  return resolvePlain(raw);
}

/** A one-line quoted scalar starting at `at`: its value and the offset after the closing quote. */
function quoted(text: string, at: number): [string, number] {
  if (text[at] === '"') {
    const close = text.indexOf('"', at + 1);
    if (close === -1) outside();
    const body = text.slice(at + 1, close);
    if (body.includes("\\")) outside();
    return [body, close + 1];
  }
  let out = "";
  for (let from = at + 1; ; ) {
    const close = text.indexOf("'", from);
    if (close === -1) outside();
    if (text[close + 1] !== "'") return [out + text.slice(from, close), close + 1];
    out += text.slice(from, close + 1);
    from = close + 2;
  }
}

/** A one-line flow list or mapping of scalars starting at `at`: its value and the offset after it. */
function flowCollection(text: string, at: number): [unknown, number] {
  const isMap = text[at] === "{";
  const close = isMap ? "}" : "]";
  const seq: unknown[] = [];
  const map: Record<string, unknown> = {};
  let i = skipSpaces(text, at + 1);
  if (text[i] === close) return [isMap ? map : seq, i + 1];
  for (;;) {
    let key = "";
    if (isMap) {
      FLOW_KEY.lastIndex = i;
      const m = FLOW_KEY.exec(text);
      if (!m) outside();
      key = checkedKey(m[1] as string, map);
      i = FLOW_KEY.lastIndex;
    }
    const [value, end] = flowScalar(text, i);
    if (isMap) map[key] = value;
    else seq.push(value);
    i = skipSpaces(text, end);
    if (text[i] === close) return [isMap ? map : seq, i + 1];
    if (text[i] !== ",") outside();
    i = skipSpaces(text, i + 1);
    if (text[i] === close) outside();
  }
}

function flowScalar(text: string, at: number): [unknown, number] {
  const c = text[at];
  if (c === '"' || c === "'") return quoted(text, at);
  FLOW_PLAIN.lastIndex = at;
  const m = FLOW_PLAIN.exec(text);
  if (!m) outside();
  let end = FLOW_PLAIN.lastIndex;
  while (text.charCodeAt(end - 1) === 32) end--;
  return [resolvePlain(text.slice(at, end)), end];
}

function skipSpaces(text: string, at: number): number {
  while (text.charCodeAt(at) === 32) at++;
  return at;
}

/** A plain scalar's value under the YAML 1.2 core schema. */
function resolvePlain(raw: string): unknown {
  if (NULL_RE.test(raw)) return null;
  if (BOOL_RE.test(raw)) return raw[0] === "t" || raw[0] === "T";
  if (INT_RE.test(raw)) return parseInt(raw, 10);
  if (OTHER_NUMBER_RE.test(raw)) outside();
  return raw;
}
