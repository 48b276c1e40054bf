// A fast reader for the YAML plan files are written in: block mappings and sequences, one-line plain or quoted
// scalars, one-line flow lists and mappings, comments. It returns exactly the data the full YAML library
// (plan-source.ts) would, or nothing at all when the text uses anything else — anchors, tags, block or
// multi-line scalars, escapes, unusual indentation, duplicate keys, any syntax error — and the caller then
// falls back to the full library, which also locates every error. Large valid plans so parse in milliseconds.

/** Thrown (and caught in parseYamlSubset) when the text leaves the subset. */
const OUTSIDE = Symbol("outside the YAML subset");

/** Tabs, control characters, non-ASCII line breaks, a BOM inside the text, a CR that is not part of CRLF. */
// eslint-disable-next-line no-control-regex
const UNSUPPORTED_CHARS = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]|\r(?!\n)/;
/** A plain word as a key, then ":" (which must be followed by a space or the end of the line). */
const KEY = /([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}):/y;
/** A plain scalar inside a flow collection: ids, paths, words, numbers (no indicators at all). */
const FLOW_PLAIN = /[A-Za-z0-9_./~$][A-Za-z0-9_./~$ +()-]*/y;
/** Characters a block plain scalar may not start with here (YAML indicators; "-", "?" and ":" to be safe). */
const PLAIN_BAD_START = new Set([..."-?:,[]{}#&*!|>'\"%@`"]);
const SPACE = 32;
const HASH = 35;
const DASH = 45;

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
    return { data: new SubsetParser(text).document() };
  } catch (e) {
    // RangeError: nesting deep enough to exhaust the stack is for the full library to report.
    if (e === OUTSIDE || e instanceof RangeError) return undefined;
    throw e;
  }
}

function outside(): never {
  throw OUTSIDE;
}

/**
 * Recursive descent over the lines that carry data (blank and comment lines carry none). A line is its
 * indentation and the offsets of its content in the text, so nothing is copied but the values themselves.
 */
class SubsetParser {
  private readonly indents: number[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private at = 0;

  constructor(private readonly text: string) {
    for (let start = 0; start <= text.length; ) {
      let end = text.indexOf("\n", start);
      if (end === -1) end = text.length;
      const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      let content = start;
      while (content < stop && text.charCodeAt(content) === SPACE) content++;
      if (content < stop && text.charCodeAt(content) !== HASH) {
        // "---", "..." and "%" directives: several documents and directives are not in the subset.
        if (content === start && (text.startsWith("---", start) || text.startsWith("...", start) || text.charCodeAt(start) === 37)) outside();
        this.indents.push(content - start);
        this.starts.push(content);
        this.ends.push(stop);
      }
      start = end + 1;
    }
  }

  document(): unknown {
    if (this.indents.length === 0 || this.indents[0] !== 0) outside();
    const value = this.blockMap(0);
    if (this.at < this.indents.length) outside();
    return value;
  }

  private blockMap(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    const { text } = this;
    while (this.at < this.indents.length) {
      const lineIndent = this.indents[this.at] as number;
      if (lineIndent < indent) break;
      if (lineIndent > indent) outside();
      const start = this.starts[this.at] as number;
      const end = this.ends[this.at] as number;
      const afterKey = keyEnd(text, start, end);
      if (afterKey < 0) outside();
      const key = checkedKey(text.slice(start, afterKey - 1), map);
      const rest = skipSpaces(text, afterKey);
      this.at++;
      map[key] = rest === end || text.charCodeAt(rest) === HASH ? this.nestedValue(indent) : inlineValue(text, rest, end);
    }
    return map;
  }

  /** The value of `key:` with nothing after it: a more indented block, a sequence at the key's own indentation, or null. */
  private nestedValue(indent: number): unknown {
    if (this.at >= this.indents.length) return null;
    const next = this.indents[this.at] as number;
    if (next < indent) return null;
    const seq = this.isSeqItem(this.at);
    if (next > indent) return seq ? this.blockSeq(next) : this.blockMap(next);
    return seq ? this.blockSeq(indent) : null;
  }

  private isSeqItem(line: number): boolean {
    const start = this.starts[line] as number;
    return this.text.charCodeAt(start) === DASH && (start + 1 === this.ends[line] || this.text.charCodeAt(start + 1) === SPACE);
  }

  private blockSeq(indent: number): unknown[] {
    const seq: unknown[] = [];
    const { text } = this;
    while (this.at < this.indents.length) {
      const lineIndent = this.indents[this.at] as number;
      if (lineIndent < indent) break;
      if (lineIndent > indent) outside();
      if (!this.isSeqItem(this.at)) break;
      const start = this.starts[this.at] as number;
      const end = this.ends[this.at] as number;
      const rest = skipSpaces(text, start + 1);
      if (rest === end || text.charCodeAt(rest) === HASH) outside();
      this.starts[this.at] = rest;
      if (this.isSeqItem(this.at)) outside();
      if (keyEnd(text, rest, end) >= 0) {
        // A mapping that starts on the item's line: its keys line up with the first one.
        const column = indent + rest - start;
        this.indents[this.at] = column;
        seq.push(this.blockMap(column));
      } else {
        this.at++;
        seq.push(inlineValue(text, rest, end));
      }
    }
    return seq;
  }
}

/** After `key:` at `start` (followed by a space or the line's end): the offset after the ":", else -1. */
function keyEnd(text: string, start: number, end: number): number {
  KEY.lastIndex = start;
  if (!KEY.test(text)) return -1;
  const after = KEY.lastIndex;
  return after === end || text.charCodeAt(after) === SPACE ? after : -1;
}

function checkedKey(key: string, map: Record<string, unknown>): string {
  if (key === "__proto__" || Object.hasOwn(map, key) || typeof resolvePlain(key) !== "string") outside();
  return key;
}

/** A value written after `key: ` or `- `, from `start` to the line's `end`. */
function inlineValue(text: string, start: number, end: number): unknown {
  const c = text[start] as string;
  if (c === '"' || c === "'" || c === "[" || c === "{") {
    const [value, after] = c === "[" || c === "{" ? flowCollection(text, start, end) : quoted(text, start, end);
    const rest = skipSpaces(text, after);
    if (rest !== end && !(rest > after && text.charCodeAt(rest) === HASH)) outside();
    return value;
  }
  if (PLAIN_BAD_START.has(c)) outside();
  const comment = text.indexOf(" #", start);
  let stop = comment === -1 || comment > end ? end : comment;
  while (text.charCodeAt(stop - 1) === SPACE) stop--;
  const colon = text.indexOf(": ", start);
  if ((colon !== -1 && colon < stop) || text.charCodeAt(stop - 1) === 58) outside();
  return resolvePlain(text.slice(start, stop));
}

/** A one-line quoted scalar starting at `at`: its value and the offset after the closing quote. */
function quoted(text: string, at: number, end: number): [string, number] {
  if (text[at] === '"') {
    const close = text.indexOf('"', at + 1);
    if (close === -1 || close >= end) outside();
    const body = text.slice(at + 1, close);
    if (body.includes("\\")) outside();
    return [body, close + 1];
  }
  let out = "";
  for (let from = at + 1; ; ) {
    const close = text.indexOf("'", from);
    if (close === -1 || close >= end) outside();
    if (text[close + 1] !== "'") return [out + text.slice(from, close), close + 1];
    out += text.slice(from, close + 1);
    from = close + 2;
  }
}

/** A one-line flow list or mapping of scalars starting at `at`: its value and the offset after it. */
function flowCollection(text: string, at: number, end: number): [unknown, number] {
  const isMap = text[at] === "{";
  const close = isMap ? "}" : "]";
  const seq: unknown[] = [];
  const map: Record<string, unknown> = {};
  let i = skipSpaces(text, at + 1);
  if (text[i] === close) return [isMap ? map : seq, i + 1];
  for (;;) {
    let key = "";
    if (isMap) {
      const afterKey = keyEnd(text, i, end);
      if (afterKey < 0 || afterKey === end) outside();
      key = checkedKey(text.slice(i, afterKey - 1), map);
      i = skipSpaces(text, afterKey);
    }
    const [value, after] = flowScalar(text, i, end);
    if (isMap) map[key] = value;
    else seq.push(value);
    i = skipSpaces(text, after);
    if (text[i] === close) return [isMap ? map : seq, i + 1];
    if (text[i] !== ",") outside();
    i = skipSpaces(text, i + 1);
    if (text[i] === close) outside();
  }
}

function flowScalar(text: string, at: number, end: number): [unknown, number] {
  const c = text[at];
  if (c === '"' || c === "'") return quoted(text, at, end);
  FLOW_PLAIN.lastIndex = at;
  if (!FLOW_PLAIN.test(text)) outside();
  let stop = FLOW_PLAIN.lastIndex;
  while (text.charCodeAt(stop - 1) === SPACE) stop--;
  return [resolvePlain(text.slice(at, stop)), stop];
}

function skipSpaces(text: string, at: number): number {
  while (text.charCodeAt(at) === SPACE) at++;
  return at;
}

/** A plain scalar's value under the YAML 1.2 core schema. */
function resolvePlain(raw: string): unknown {
  const c = raw.charCodeAt(0);
  // Only short words can be null or booleans, and numbers start with a digit, a sign or a dot.
  if (raw.length <= 5) {
    if (NULL_RE.test(raw)) return null;
    if (BOOL_RE.test(raw)) return c === 116 || c === 84;
  }
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    if (INT_RE.test(raw)) return parseInt(raw, 10);
    if (OTHER_NUMBER_RE.test(raw)) outside();
  }
  return raw;
}
