// A small evaluator of GitHub Actions expressions (`${{ … }}` and `if:`), enough for the shipped workflows
// to be run as written by the test runner: contexts, string/number literals, ==, !=, !, &&, ||, parentheses,
// and the functions always, success, failure, cancelled, fromJSON, toJSON, contains, startsWith, and hashFiles
// of plain paths (no globs) in the job's workspace.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

export interface ExpressionContext {
  /** Named contexts: inputs, matrix, needs, steps, github, secrets, env … */
  contexts: Record<string, unknown>;
  /** What success() means here: every needed job (or every earlier step) succeeded. */
  success: boolean;
  /** The job's workspace, where hashFiles() looks. */
  workspace?: string;
}

type Token = { kind: "str"; value: string } | { kind: "num"; value: number } | { kind: "op"; value: string } | { kind: "id"; value: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:'((?:[^']|'')*)'|(==|!=|&&|\|\||[!(),])|([A-Za-z_][\w.-]*)|(-?\d+(?:\.\d+)?))/y;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) throw new Error(`cannot read the expression "${text}" at ${at}`);
    at = re.lastIndex;
    if (m[1] !== undefined) tokens.push({ kind: "str", value: m[1].replaceAll("''", "'") });
    else if (m[2] !== undefined) tokens.push({ kind: "op", value: m[2] });
    else if (m[3] !== undefined) tokens.push({ kind: "id", value: m[3] });
    else tokens.push({ kind: "num", value: Number(m[4]) });
  }
  return tokens;
}

const STATUS_FUNCTIONS = /\b(always|success|failure|cancelled)\s*\(/;

/** GitHub compares strings case-insensitively and coerces mixed types to numbers; both sides here are primitives or objects. */
function looseEqual(a: unknown, b: unknown): boolean {
  if (typeof a === "string" && typeof b === "string") return a.toLowerCase() === b.toLowerCase();
  if ((typeof a === "object" && a !== null) || (typeof b === "object" && b !== null)) return a === b;
  return Number(a ?? 0) === Number(b ?? 0);
}

function truthy(v: unknown): boolean {
  return !(v === undefined || v === null || v === false || v === "" || v === 0 || Number.isNaN(v));
}

function lookup(path: string, contexts: Record<string, unknown>): unknown {
  let value: unknown = contexts;
  for (const part of path.split(".")) {
    if (value === null || typeof value !== "object") return null;
    value = (value as Record<string, unknown>)[part];
  }
  return value ?? null;
}

function callFunction(name: string, args: unknown[], ctx: ExpressionContext): unknown {
  switch (name.toLowerCase()) {
    case "always":
      return true;
    case "success":
      return ctx.success;
    case "failure":
      return !ctx.success;
    case "cancelled":
      return false;
    case "fromjson":
      return JSON.parse(String(args[0]));
    case "tojson":
      return JSON.stringify(args[0], null, 2);
    case "contains":
      return Array.isArray(args[0])
        ? args[0].some((x) => looseEqual(x, args[1]))
        : String(args[0] ?? "").toLowerCase().includes(String(args[1] ?? "").toLowerCase());
    case "startswith":
      return String(args[0] ?? "").toLowerCase().startsWith(String(args[1] ?? "").toLowerCase());
    case "hashfiles":
      return hashFiles(args.map(String), ctx.workspace);
    default:
      throw new Error(`the test runner does not know the expression function ${name}()`);
  }
}

/** Evaluates one expression (the inside of `${{ }}`, or an `if:`). */
export function evaluate(text: string, ctx: ExpressionContext): unknown {
  const tokens = tokenize(text);
  let i = 0;
  const peek = (value: string) => tokens[i]?.kind === "op" && tokens[i]?.value === value;
  const expect = (value: string) => {
    if (!peek(value)) throw new Error(`expected "${value}" in "${text}"`);
    i++;
  };
  const or = (): unknown => {
    let left = and();
    while (peek("||")) {
      i++;
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  };
  const and = (): unknown => {
    let left = unary();
    while (peek("&&")) {
      i++;
      const right = unary();
      left = truthy(left) ? right : left;
    }
    return left;
  };
  const unary = (): unknown => {
    if (peek("!")) {
      i++;
      return !truthy(unary());
    }
    return comparison();
  };
  const comparison = (): unknown => {
    const left = primary();
    if (peek("==") || peek("!=")) {
      const negate = tokens[i++]!.value === "!=";
      const equal = looseEqual(left, primary());
      return negate ? !equal : equal;
    }
    return left;
  };
  const primary = (): unknown => {
    const t = tokens[i++];
    if (!t) throw new Error(`unexpected end of "${text}"`);
    if (t.kind === "str" || t.kind === "num") return t.value;
    if (t.kind === "op" && t.value === "(") {
      const v = or();
      expect(")");
      return v;
    }
    if (t.kind !== "id") throw new Error(`unexpected "${t.value}" in "${text}"`);
    if (t.value === "true" || t.value === "false") return t.value === "true";
    if (t.value === "null") return null;
    if (!peek("(")) return lookup(t.value, ctx.contexts);
    i++;
    const args: unknown[] = [];
    while (!peek(")")) {
      args.push(or());
      if (peek(",")) i++;
    }
    i++;
    return callFunction(t.value, args, ctx);
  };
  const value = or();
  if (i !== tokens.length) throw new Error(`unexpected trailing text in "${text}"`);
  return value;
}

/** An `if:`: as GitHub does, one without a status function means `success() && (…)`. */
export function evaluateIf(condition: string | undefined, ctx: ExpressionContext): boolean {
  if (condition === undefined) return ctx.success;
  const inner = condition.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, "$1");
  const value = truthy(evaluate(inner, ctx));
  return STATUS_FUNCTIONS.test(inner) ? value : ctx.success && value;
}

/** A workflow value with `${{ }}` in it: one whole expression keeps its type (an object from fromJSON); otherwise text. */
export function interpolate(value: unknown, ctx: ExpressionContext): unknown {
  if (typeof value !== "string") return value;
  const whole = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/.exec(value);
  if (whole && !whole[1]!.includes("}}")) return evaluate(whole[1]!, ctx);
  return value.replace(/\$\{\{([\s\S]*?)\}\}/g, (_m, expr: string) => {
    const v = evaluate(expr, ctx);
    return v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
  });
}

/** hashFiles() of plain paths: "" when none of them is a file, as on GitHub; a digest of their contents otherwise. */
function hashFiles(paths: string[], workspace: string | undefined): string {
  if (!workspace) throw new Error("hashFiles() needs the job's workspace");
  const hash = createHash("sha256");
  let found = false;
  for (const p of paths) {
    if (/[*?[\]!]/.test(p)) throw new Error(`the test runner's hashFiles() takes plain paths, not the pattern ${p}`);
    const file = join(workspace, p);
    if (!existsSync(file) || !statSync(file).isFile()) continue;
    hash.update(createHash("sha256").update(readFileSync(file)).digest());
    found = true;
  }
  return found ? hash.digest("hex") : "";
}
