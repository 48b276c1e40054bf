// Test counts read from the closing lines of a test runner's console output, for test commands
// that write no JUnit report: node --test (TAP and spec), vitest, jest, mocha, and "N passed, M failed".
import type { TestCounts } from "./junit.js";

// Colour and cursor sequences that runners print when they think they talk to a terminal.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

type Recognizer = (lines: string[], i: number) => TestCounts | null;

/**
 * The counts of the last test summary in `text` (the summary nearest the end wins, so that output of
 * a nested run earlier in the log does not count), or null when no summary is recognised.
 */
export function countsFromOutput(text: string): TestCounts | null {
  const lines = text.replace(ANSI, "").split(/\r?\n|\r/);
  for (let i = lines.length - 1; i >= 0; i--) {
    for (const recognize of RECOGNIZERS) {
      const counts = recognize(lines, i);
      if (counts) return counts;
    }
  }
  return null;
}

/** node --test: a block of `# tests N`, `# pass N`, … (TAP) or `ℹ tests N`, … (spec reporter). */
const NODE_LINE = /^\s*(?:#|ℹ)\s+(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms)\s+(\d+(?:\.\d+)?)\s*$/;

const nodeSummary: Recognizer = (lines, i) => {
  if (!NODE_LINE.test(lines[i] ?? "")) return null;
  const values = blockAround(lines, i, NODE_LINE);
  const tests = values.get("tests");
  const pass = values.get("pass");
  if (tests === undefined || pass === undefined) return null;
  const get = (k: string): number => values.get(k) ?? 0;
  return {
    tests,
    passed: pass,
    failures: get("fail") + get("cancelled"),
    errors: 0,
    skipped: get("skipped") + get("todo"),
  };
};

/** The key/value lines next to line i that match `pattern` (first group key, second group number). */
function blockAround(lines: string[], i: number, pattern: RegExp): Map<string, number> {
  let start = i;
  while (start > 0 && pattern.test(lines[start - 1] ?? "")) start--;
  let end = i;
  while (end < lines.length - 1 && pattern.test(lines[end + 1] ?? "")) end++;
  const values = new Map<string, number>();
  for (let k = start; k <= end; k++) {
    const m = pattern.exec(lines[k] ?? "");
    if (m?.[1] && m[2]) values.set(m[1], Number(m[2]));
  }
  return values;
}

/** vitest: `Tests  1 failed | 2 passed | 1 skipped (4)`, or `Tests  no tests`. */
const VITEST_LINE = /^\s*Tests\s+((?:\d+ [a-z][a-z ]*?\s*\|\s*)*\d+ [a-z][a-z ]*?)\s*\((\d+)\)\s*$/;

const vitestSummary: Recognizer = (lines, i) => {
  const line = lines[i] ?? "";
  if (/^\s*Tests\s+no tests\s*$/.test(line)) return { tests: 0, passed: 0, failures: 0, errors: 0, skipped: 0 };
  const m = VITEST_LINE.exec(line);
  if (!m?.[1] || !m[2]) return null;
  const parts = wordCounts(m[1].split("|"));
  return {
    tests: Number(m[2]),
    passed: (parts.get("passed") ?? 0) + (parts.get("expected fail") ?? 0),
    failures: parts.get("failed") ?? 0,
    errors: 0,
    skipped: (parts.get("skipped") ?? 0) + (parts.get("todo") ?? 0),
  };
};

/** jest: `Tests:       1 failed, 1 skipped, 2 passed, 4 total`. */
const JEST_LINE = /^\s*Tests:\s+(.*\b\d+ total)\s*$/;

const jestSummary: Recognizer = (lines, i) => {
  const m = JEST_LINE.exec(lines[i] ?? "");
  if (!m?.[1]) return null;
  const parts = wordCounts(m[1].split(","));
  const tests = parts.get("total");
  if (tests === undefined) return null;
  return {
    tests,
    passed: parts.get("passed") ?? 0,
    failures: parts.get("failed") ?? 0,
    errors: 0,
    skipped: (parts.get("skipped") ?? 0) + (parts.get("todo") ?? 0),
  };
};

/** mocha: `2 passing (5ms)`, `1 pending`, `1 failing` on lines of their own. */
const MOCHA_LINE = /^\s*(\d+) (passing|failing|pending)\b(?:\s*\([^)]*\))?\s*$/;

const mochaSummary: Recognizer = (lines, i) => {
  if (!MOCHA_LINE.test(lines[i] ?? "")) return null;
  // The three lines may be separated by blank lines, and failures are listed after "failing".
  const values = new Map<string, number>();
  for (let k = Math.max(0, i - 4); k <= Math.min(lines.length - 1, i + 4); k++) {
    const m = MOCHA_LINE.exec(lines[k] ?? "");
    if (m?.[1] && m[2] && !values.has(m[2])) values.set(m[2], Number(m[1]));
  }
  const passed = values.get("passing") ?? 0;
  const failures = values.get("failing") ?? 0;
  const skipped = values.get("pending") ?? 0;
  return { tests: passed + failures + skipped, passed, failures, errors: 0, skipped };
};

/** Anything else that says `N passed` / `N failed` on one line, e.g. pytest's `1 failed, 2 passed in 0.1s`. */
const PLAIN_WORD = /\b(\d+) (passed|failed|skipped|errors?)\b/g;

const plainSummary: Recognizer = (lines, i) => {
  const line = lines[i] ?? "";
  // File and suite counts of vitest and jest are not test counts.
  if (/^\s*(Test Files|Test Suites:)/.test(line)) return null;
  const values = new Map<string, number>();
  for (const m of line.matchAll(PLAIN_WORD)) {
    const word = m[2] === "errors" ? "error" : (m[2] ?? "");
    if (!values.has(word)) values.set(word, Number(m[1]));
  }
  if (!values.has("passed") && !values.has("failed")) return null;
  const passed = values.get("passed") ?? 0;
  const failures = values.get("failed") ?? 0;
  const errors = values.get("error") ?? 0;
  const skipped = values.get("skipped") ?? 0;
  return { tests: passed + failures + errors + skipped, passed, failures, errors, skipped };
};

const RECOGNIZERS: Recognizer[] = [nodeSummary, vitestSummary, jestSummary, mochaSummary, plainSummary];

/** `["1 failed ", " 2 passed"]` -> failed: 1, passed: 2. */
function wordCounts(parts: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of parts) {
    const m = /^\s*(\d+)\s+([a-z][a-z ]*?)\s*$/.exec(part);
    if (m?.[1] && m[2]) out.set(m[2], Number(m[1]));
  }
  return out;
}
