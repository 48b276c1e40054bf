// Strict JSON syntax check with the offset of the first error. The plan loader reads .json plans with the
// YAML parser (for node positions), and YAML accepts things JSON does not (trailing commas, comments,
// unquoted keys) and JSON.parse silently keeps the last of duplicate keys, so JSON's own grammar is checked
// first, duplicate keys included. Iterative, so deep nesting cannot overflow the stack. Valid plans only take
// findDuplicateJsonKey, a much cheaper pass over text JSON.parse has already accepted.

export interface JsonSyntaxError {
  /** Offset in the text (UTF-16 code units) where the error is. */
  offset: number;
  message: string;
}

type Expect = "value" | "afterValue" | "key" | "colon";

const WS = new Set([" ", "\t", "\n", "\r"]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

/** The first JSON syntax error in `text`, or undefined when it is valid JSON (RFC 8259). */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  return new JsonScanner(text).run();
}

/**
 * Offset of the first key that repeats an earlier key of the same object, or -1. Only for text JSON.parse
 * accepted: with the grammar known to be right, only strings, brackets and commas need looking at.
 */
export function findDuplicateJsonKey(text: string): number {
  /** Per open container: the keys seen so far in an object, null for an array. */
  const open: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const start = i;
      i = closingQuote(text, i);
      if (!expectKey) continue;
      expectKey = false;
      const raw = text.slice(start + 1, i);
      const key = raw.includes("\\") ? (JSON.parse(text.slice(start, i + 1)) as string) : raw;
      const keys = open[open.length - 1];
      if (keys?.has(key)) return start;
      keys?.add(key);
    } else if (c === 0x7b) {
      open.push(new Set());
      expectKey = true;
    } else if (c === 0x5b) {
      open.push(null);
    } else if (c === 0x7d || c === 0x5d) {
      open.pop();
    } else if (c === 0x2c) {
      expectKey = open[open.length - 1] !== null;
    }
  }
  return -1;
}

/** Offset of the quote that closes the string opening at `start`. */
function closingQuote(text: string, start: number): number {
  for (let i = text.indexOf('"', start + 1); ; i = text.indexOf('"', i + 1)) {
    if (i === -1) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(i - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return i;
  }
}

class JsonScanner {
  private pos = 0;
  /** Open containers: "{" or "[". */
  private readonly stack: string[] = [];
  /** Keys seen so far in each open object, innermost last. */
  private readonly keys: Set<string>[] = [];
  /** True right after "," or an opening bracket: a closing bracket here is misplaced. */
  private afterComma = false;

  constructor(private readonly text: string) {}

  run(): JsonSyntaxError | undefined {
    let expect: Expect = "value";
    for (;;) {
      this.skipWhitespace();
      const ch = this.text[this.pos];
      if (ch === undefined) return this.atEnd(expect);
      if (ch === "/" || ch === "#") return this.fail("comments are not allowed in JSON");
      const next = this.step(expect, ch);
      if (typeof next !== "string") return next;
      expect = next;
    }
  }

  private step(expect: Expect, ch: string): Expect | JsonSyntaxError {
    switch (expect) {
      case "value": return this.value(ch);
      case "afterValue": return this.afterValue(ch);
      case "key": return this.key(ch);
      case "colon":
        if (ch !== ":") return this.fail(`expected ":" after the key, found ${show(ch)}`);
        this.pos++;
        return "value";
    }
  }

  private atEnd(expect: Expect): JsonSyntaxError | undefined {
    if (expect === "afterValue" && this.stack.length === 0) return undefined;
    if (this.stack.length > 0) {
      const close = this.stack[this.stack.length - 1] === "{" ? "}" : "]";
      return this.fail(`unexpected end of file: missing "${close}"`);
    }
    return this.fail("unexpected end of file: expected a value");
  }

  private value(ch: string): Expect | JsonSyntaxError {
    if (ch === "{" || ch === "[") {
      this.stack.push(ch);
      if (ch === "{") this.keys.push(new Set());
      this.pos++;
      this.afterComma = false;
      return ch === "{" ? "key" : this.closesEmpty("]") ?? "value";
    }
    if (ch === "]" && this.stack[this.stack.length - 1] === "[" && this.afterComma) {
      return this.fail('trailing comma before "]"');
    }
    if (ch === '"') return this.string() ?? "afterValue";
    if (ch === "'") return this.fail("strings must use double quotes in JSON");
    for (const re of [NUMBER, LITERAL]) {
      re.lastIndex = this.pos;
      const m = re.exec(this.text);
      if (m && !/[\w.]/.test(this.text[this.pos + m[0].length] ?? "")) {
        this.pos += m[0].length;
        return "afterValue";
      }
    }
    return this.fail(`expected a value, found ${show(ch)}`);
  }

  /** After "[": an immediate "]" closes the empty array. */
  private closesEmpty(close: string): Expect | undefined {
    this.skipWhitespace();
    if (this.text[this.pos] !== close) return undefined;
    this.stack.pop();
    this.pos++;
    return "afterValue";
  }

  private key(ch: string): Expect | JsonSyntaxError {
    if (ch === "}") {
      if (this.afterComma) return this.fail('trailing comma before "}"');
      this.stack.pop();
      this.keys.pop();
      this.pos++;
      return "afterValue";
    }
    if (ch !== '"') return this.fail(`expected a key in double quotes, found ${show(ch)}`);
    const start = this.pos;
    const error = this.string();
    if (error) return error;
    const key = JSON.parse(this.text.slice(start, this.pos)) as string;
    const seen = this.keys[this.keys.length - 1];
    if (seen?.has(key)) return this.failAt(start, `duplicate key ${JSON.stringify(key)} (each key may appear once in an object)`);
    seen?.add(key);
    return "colon";
  }

  private afterValue(ch: string): Expect | JsonSyntaxError {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) return this.fail(`unexpected ${show(ch)} after the end of the document`);
    const close = top === "{" ? "}" : "]";
    if (ch === ",") {
      this.pos++;
      this.afterComma = true;
      return top === "{" ? "key" : "value";
    }
    if (ch === close) {
      this.stack.pop();
      if (close === "}") this.keys.pop();
      this.pos++;
      this.afterComma = false;
      return "afterValue";
    }
    return this.fail(`expected "," or "${close}", found ${show(ch)}`);
  }

  /** Consumes a string starting at the opening quote; an error, or undefined when it is well formed. */
  private string(): JsonSyntaxError | undefined {
    this.afterComma = false;
    let i = this.pos + 1;
    for (;;) {
      const c = this.text[i];
      if (c === undefined || c === "\n" || c === "\r") return this.failAt(this.pos, "unterminated string");
      if (c === '"') break;
      if (c < " ") return this.failAt(i, "control characters must be escaped in JSON strings");
      if (c === "\\") {
        const e = this.text[i + 1] ?? "";
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(i + 2, i + 6))) return this.failAt(i, 'invalid "\\u" escape');
          i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e) || e === "") return this.failAt(i, `invalid escape "\\${e}"`);
        i += 2;
        continue;
      }
      i++;
    }
    this.pos = i + 1;
    return undefined;
  }

  private skipWhitespace(): void {
    while (WS.has(this.text[this.pos] ?? "")) this.pos++;
  }

  private fail(message: string): JsonSyntaxError {
    return this.failAt(this.pos, message);
  }

  private failAt(offset: number, message: string): JsonSyntaxError {
    return { offset, message };
  }
}

function show(ch: string): string {
  return JSON.stringify(ch);
}
