// A fast reader for the YAML plan files are written in: block mappings and sequences, one-line plain or quoted
// scalars and keys, one-line flow lists and mappings, comments. It returns exactly the data the full YAML library
// (plan-source.ts) would, or nothing at all when the text uses anything else — anchors, tags, block or
// multi-line scalars, escapes, unusual indentation, duplicate keys, any syntax error — and the caller then
// falls back to the full library, which also locates every error. Large valid plans so parse in milliseconds.

/** Thrown (and caught in parseYamlSubset) when the text leaves the subset. */
const OUTSIDE = Symbol("outside the YAML subset");

/** Tabs, control characters, non-ASCII line breaks, a BOM inside the text, a CR that is not part of CRLF. */
// eslint-disable-next-line no-control-regex
const UNSUPPORTED_CHARS = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]|\r(?!\n)/;
/** A plain scalar inside a flow collection: ids, paths, words, numbers (no indicators at all). */
const FLOW_PLAIN = /[A-Za-z0-9_./~$][A-Za-z0-9_./~$ +()-]*/y;
/** Characters a block plain scalar may not start with here (YAML indicators; "-", "?" and ":" to be safe). */
const PLAIN_BAD_START = new Uint8Array(128);
for (const c of "-?:,[]{}#&*!|>'\"%@`") PLAIN_BAD_START[c.charCodeAt(0)] = 1;
const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
/** Keys longer than this are left to the full library (YAML limits implicit keys to 1024 characters). */
const MAX_KEY = 128;

// YAML 1.2 core schema, as the yaml library resolves plain scalars (first match wins).
const WORDS = new Map<string, null | boolean>([
  ["~", null],
  ["null", null],
  ["Null", null],
  ["NULL", null],
  ["true", true],
  ["True", true],
  ["TRUE", true],
  ["false", false],
  ["False", false],
  ["FALSE", false],
]);
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
  // Per line with content: its indentation and the offsets where its content starts and ends. Typed arrays,
  // sized once: they hold no objects, so the garbage collector has nothing to copy in them.
  private readonly indents: Int32Array;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly count: number;
  private at = 0;
  /** Keys met so far, by length: the same few keys repeat on every story, and reusing them spares a string each time. */
  private readonly keys: string[][] = [];
  private knownKeys = 0;
  /** Next offset of " #" and of ": " at or after some earlier offset (-1: none, -2: not searched yet). */
  private nextComment = -2;
  private nextColon = -2;
  /** End of the value just read by quoted(), flowCollection() or flowScalar(). */
  private after = 0;
  /** keyEnd(start) memoized for the last start asked about. */
  private keyEndFor = -1;
  private keyEndWas = -1;

  constructor(private readonly text: string) {
    let lines = 1;
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
    this.indents = new Int32Array(lines);
    this.starts = new Int32Array(lines);
    this.ends = new Int32Array(lines);
    let count = 0;
    for (let start = 0; start <= text.length; ) {
      let end = text.indexOf("\n", start);
      if (end === -1) end = text.length;
      const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      let content = start;
      while (content < stop && text.charCodeAt(content) === SPACE) content++;
      if (content < stop && text.charCodeAt(content) !== HASH) {
        // "---", "..." and "%" directives: several documents and directives are not in the subset.
        if (content === start && (text.startsWith("---", start) || text.startsWith("...", start) || text.charCodeAt(start) === 37)) outside();
        this.indents[count] = content - start;
        this.starts[count] = content;
        this.ends[count] = stop;
        count++;
      }
      start = end + 1;
    }
    this.count = count;
  }

  document(): unknown {
    if (this.count === 0 || this.indents[0] !== 0) outside();
    const value = this.blockMap(0);
    if (this.at < this.count) outside();
    return value;
  }

  private blockMap(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    const { text } = this;
    while (this.at < this.count) {
      const lineIndent = this.indents[this.at] as number;
      if (lineIndent < indent) break;
      if (lineIndent > indent) outside();
      const start = this.starts[this.at] as number;
      const end = this.ends[this.at] as number;
      const afterKey = this.keyEnd(start, end);
      if (afterKey < 0) outside();
      const key = this.key(start, afterKey - 1, map);
      const rest = skipSpaces(text, afterKey);
      this.at++;
      map[key] = rest === end || text.charCodeAt(rest) === HASH ? this.nestedValue(indent) : this.inlineValue(rest, end);
    }
    return map;
  }

  /**
   * The value of `key:` with nothing after it: a more indented block or one-line value, a sequence at the
   * key's own indentation, or null.
   */
  private nestedValue(indent: number): unknown {
    if (this.at >= this.count) return null;
    const next = this.indents[this.at] as number;
    if (next < indent) return null;
    const seq = this.isSeqItem(this.at);
    if (next === indent) return seq ? this.blockSeq(indent) : null;
    if (seq) return this.blockSeq(next);
    const start = this.starts[this.at] as number;
    const end = this.ends[this.at] as number;
    if (this.keyEnd(start, end) >= 0) return this.blockMap(next);
    // A value on a line of its own ("dependsOn:\n  []"); a following line indented further would continue it.
    this.at++;
    const value = this.inlineValue(start, end);
    if (this.at < this.count && (this.indents[this.at] as number) > indent) outside();
    return value;
  }

  private isSeqItem(line: number): boolean {
    const start = this.starts[line] as number;
    return this.text.charCodeAt(start) === DASH && (start + 1 === this.ends[line] || this.text.charCodeAt(start + 1) === SPACE);
  }

  private blockSeq(indent: number): unknown[] {
    const seq: unknown[] = [];
    const { text } = this;
    while (this.at < this.count) {
      const lineIndent = this.indents[this.at] as number;
      if (lineIndent < indent) break;
      if (lineIndent > indent) outside();
      if (!this.isSeqItem(this.at)) break;
      const start = this.starts[this.at] as number;
      const end = this.ends[this.at] as number;
      const rest = skipSpaces(text, start + 1);
      if (rest === end || text.charCodeAt(rest) === HASH) outside();
      this.starts[this.at] = rest;
      const nested = this.isSeqItem(this.at);
      if (nested || this.keyEnd(rest, end) >= 0) {
        // A sequence ("- - a") or mapping ("- id: a") that starts on the item's line: its further items or
        // keys line up with the first one.
        const column = indent + rest - start;
        this.indents[this.at] = column;
        seq.push(nested ? this.blockSeq(column) : this.blockMap(column));
      } else {
        this.at++;
        seq.push(this.inlineValue(rest, end));
      }
    }
    return seq;
  }

  /** After a key at `start` — a plain word or a one-line quoted string — and its ":" (followed by a space or the line's end): the offset after the ":", else -1. */
  private keyEnd(start: number, end: number): number {
    // The same line is often asked twice (is this item a mapping? then its first key).
    if (start === this.keyEndFor) return this.keyEndWas;
    this.keyEndFor = start;
    return (this.keyEndWas = this.findKeyEnd(start, end));
  }

  private findKeyEnd(start: number, end: number): number {
    const { text } = this;
    const c = text.charCodeAt(start);
    if (c !== 34 && c !== 39) return plainKeyEnd(text, start, end);
    let close = text.indexOf(c === 34 ? '"' : "'", start + 1);
    // '' inside a single-quoted key is an escaped quote.
    while (c === 39 && close !== -1 && close < end && text.charCodeAt(close + 1) === 39) close = text.indexOf("'", close + 2);
    if (close === -1 || close >= end || text.charCodeAt(close + 1) !== COLON) return -1;
    const after = close + 2;
    return after === end || text.charCodeAt(after) === SPACE ? after : -1;
  }

  /** The key written at text[start, colon) of `map`, checked: a string, not already in the mapping. */
  private key(start: number, colon: number, map: Record<string, unknown>): string {
    const { text, keys } = this;
    const c = text.charCodeAt(start);
    let key: string | undefined;
    if (c === 34 || c === 39) key = this.quoted(start, colon);
    else {
      const sameLength = keys[colon - start];
      if (sameLength) {
        for (const known of sameLength) {
          if (text.startsWith(known, start)) {
            key = known;
            break;
          }
        }
      }
      if (key === undefined) {
        key = text.slice(start, colon);
        if (typeof resolvePlain(key) !== "string") outside();
        if (this.knownKeys++ < 64) (keys[key.length] ??= []).push(key);
      }
    }
    if (key === "__proto__" || Object.hasOwn(map, key)) outside();
    return key;
  }

  /**
   * Offset of the next " #" (or ": ") at or after `from`, or -1. The parser only moves forward, so a search
   * resumes where the last one ended: an occurrence before `from` is stale, and none means none after it.
   */
  private nextCommentAt(from: number): number {
    if (this.nextComment === -2 || (this.nextComment !== -1 && this.nextComment < from)) this.nextComment = this.text.indexOf(" #", from);
    return this.nextComment;
  }

  private nextColonAt(from: number): number {
    if (this.nextColon === -2 || (this.nextColon !== -1 && this.nextColon < from)) this.nextColon = this.text.indexOf(": ", from);
    return this.nextColon;
  }

  /** A value written after `key: ` or `- `, from `start` to the line's `end`. */
  private inlineValue(start: number, end: number): unknown {
    const { text } = this;
    const c = text.charCodeAt(start);
    if (c === 34 || c === 39 || c === 91 || c === 123) {
      const value = c === 91 || c === 123 ? this.flowCollection(start, end) : this.quoted(start, end);
      const rest = skipSpaces(text, this.after);
      if (rest !== end && !(rest > this.after && text.charCodeAt(rest) === HASH)) outside();
      return value;
    }
    if (PLAIN_BAD_START[c] === 1) outside();
    // The scalar ends at a comment (" #"); ": " inside it would start a nested mapping.
    const comment = this.nextCommentAt(start);
    let stop = comment === -1 || comment > end ? end : comment;
    while (text.charCodeAt(stop - 1) === SPACE) stop--;
    const colon = this.nextColonAt(start);
    if ((colon !== -1 && colon < stop) || text.charCodeAt(stop - 1) === COLON) outside();
    return resolvePlain(text.slice(start, stop));
  }

  /** A one-line quoted scalar starting at `at`. */
  private quoted(at: number, end: number): string {
    const { text } = this;
    if (text.charCodeAt(at) === 34) {
      const close = text.indexOf('"', at + 1);
      if (close === -1 || close >= end) outside();
      const body = text.slice(at + 1, close);
      if (body.includes("\\")) outside();
      this.after = close + 1;
      return body;
    }
    let out = "";
    for (let from = at + 1; ; ) {
      const close = text.indexOf("'", from);
      if (close === -1 || close >= end) outside();
      if (text.charCodeAt(close + 1) !== 39) {
        this.after = close + 1;
        return out + text.slice(from, close);
      }
      out += text.slice(from, close + 1);
      from = close + 2;
    }
  }

  /** A one-line flow list or mapping (of scalars and flow collections) starting at `at`. */
  private flowCollection(at: number, end: number): unknown {
    const { text } = this;
    const isMap = text.charCodeAt(at) === 123;
    const close = isMap ? 125 : 93;
    const seq: unknown[] = [];
    const map: Record<string, unknown> = {};
    let i = skipSpaces(text, at + 1);
    for (let first = true; ; first = false) {
      if (text.charCodeAt(i) === close) {
        // "[a, ]" (a trailing comma) is left to the full library.
        if (!first) outside();
        break;
      }
      let key = "";
      if (isMap) {
        const afterKey = this.keyEnd(i, end);
        if (afterKey < 0 || afterKey === end) outside();
        key = this.key(i, afterKey - 1, map);
        i = skipSpaces(text, afterKey);
      }
      const item = text.charCodeAt(i);
      const value = item === 91 || item === 123 ? this.flowCollection(i, end) : this.flowScalar(i, end);
      if (isMap) map[key] = value;
      else seq.push(value);
      i = skipSpaces(text, this.after);
      if (text.charCodeAt(i) === close) break;
      if (text.charCodeAt(i) !== 44) outside();
      i = skipSpaces(text, i + 1);
    }
    this.after = i + 1;
    return isMap ? map : seq;
  }

  private flowScalar(at: number, end: number): unknown {
    const { text } = this;
    const c = text.charCodeAt(at);
    if (c === 34 || c === 39) return this.quoted(at, end);
    FLOW_PLAIN.lastIndex = at;
    if (!FLOW_PLAIN.test(text)) outside();
    let stop = FLOW_PLAIN.lastIndex;
    while (text.charCodeAt(stop - 1) === SPACE) stop--;
    this.after = stop;
    return resolvePlain(text.slice(at, stop));
  }
}

/** A plain key and its ":" (keys are plain words: letters, digits, "_", and after the first character "." and "-"). */
const PLAIN_KEY = /[A-Za-z0-9_][A-Za-z0-9_.-]*:/y;

/** After a plain `key:` at `start` (followed by a space or the line's end): the offset after the ":", else -1. */
function plainKeyEnd(text: string, start: number, end: number): number {
  PLAIN_KEY.lastIndex = start;
  if (!PLAIN_KEY.test(text)) return -1;
  const after = PLAIN_KEY.lastIndex;
  if (after - start > MAX_KEY + 1) return -1;
  return after === end || text.charCodeAt(after) === SPACE ? after : -1;
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
    const word = WORDS.get(raw);
    if (word !== undefined) return word;
  }
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    if (INT_RE.test(raw)) return parseInt(raw, 10);
    if (OTHER_NUMBER_RE.test(raw)) outside();
  }
  return raw;
}
