// countsFromOutput on the closing lines that common test runners print.
import { describe, expect, it } from "vitest";
import { countsFromOutput } from "../../src/core/testing/test-output.js";

const ESC = "\u001b";

const NODE_TAP = `TAP version 13
# Subtest: ok
ok 1 - ok
  ---
  duration_ms: 1.2
  ...
# Subtest: bad
not ok 2 - bad
  ---
  error: '1 == 2'
  ...
1..4
# tests 4
# suites 1
# pass 2
# fail 1
# cancelled 0
# skipped 1
# todo 0
# duration_ms 117.178522
`;

// Node's spec reporter prints the failures again after the summary.
const NODE_SPEC = `✔ ok (9.49552ms)
✖ bad (1.111737ms)
ℹ tests 5
ℹ suites 1
ℹ pass 2
ℹ fail 1
ℹ cancelled 1
ℹ skipped 0
ℹ todo 1
ℹ duration_ms 325.664074

✖ failing tests:

✖ bad (1.111737ms)
  AssertionError [ERR_ASSERTION]: 1 == 2
    expected: 2,
`;

const VITEST_COLOURED = ` ${ESC}[31m❯${ESC}[39m src/a.test.ts ${ESC}[2m(${ESC}[22m${ESC}[2m5 tests${ESC}[22m${ESC}[2m | ${ESC}[22m${ESC}[31m1 failed${ESC}[39m${ESC}[2m)${ESC}[22m

${ESC}[2m Test Files ${ESC}[22m ${ESC}[1m${ESC}[31m1 failed${ESC}[39m${ESC}[22m${ESC}[90m (1)${ESC}[39m
${ESC}[2m      Tests ${ESC}[22m ${ESC}[1m${ESC}[31m1 failed${ESC}[39m${ESC}[22m${ESC}[2m | ${ESC}[22m${ESC}[1m${ESC}[32m2 passed${ESC}[39m${ESC}[22m${ESC}[2m | ${ESC}[22m${ESC}[33m1 skipped${ESC}[39m${ESC}[2m | ${ESC}[22m${ESC}[90m1 todo${ESC}[39m${ESC}[90m (5)${ESC}[39m
${ESC}[2m   Start at ${ESC}[22m 01:54:12
${ESC}[2m   Duration ${ESC}[22m 3.32s
`;

const JEST = `PASS src/token.test.js
FAIL src/auth.test.js
  ● auth › rejects

Test Suites: 1 failed, 1 passed, 2 total
Tests:       1 failed, 1 skipped, 3 passed, 5 total
Snapshots:   0 total
Time:        1.234 s
Ran all test suites.
`;

const MOCHA = `
  auth
    ✓ logs in
    1) rejects

  2 passing (12ms)
  1 pending
  1 failing

  1) auth
       rejects:
     AssertionError: expected false to be true
      at Context.<anonymous> (test/auth.js:9:12)
`;

describe("countsFromOutput", () => {
  it("reads node --test's TAP summary", () => {
    expect(countsFromOutput(NODE_TAP)).toEqual({ tests: 4, passed: 2, failures: 1, errors: 0, skipped: 1 });
  });

  it("reads node --test's spec summary, even with the failures listed after it", () => {
    expect(countsFromOutput(NODE_SPEC)).toEqual({ tests: 5, passed: 2, failures: 2, errors: 0, skipped: 1 });
  });

  it("reads vitest's coloured summary, not the file counts", () => {
    expect(countsFromOutput(VITEST_COLOURED)).toEqual({ tests: 5, passed: 2, failures: 1, errors: 0, skipped: 2 });
  });

  it("reads vitest's plain summary and its 'no tests'", () => {
    expect(countsFromOutput(" Test Files  1 passed (1)\n      Tests  3 passed (3)\n")).toEqual({ tests: 3, passed: 3, failures: 0, errors: 0, skipped: 0 });
    expect(countsFromOutput(" Test Files  1 failed (1)\n      Tests  no tests\n")).toEqual({ tests: 0, passed: 0, failures: 0, errors: 0, skipped: 0 });
  });

  it("reads jest's summary", () => {
    expect(countsFromOutput(JEST)).toEqual({ tests: 5, passed: 3, failures: 1, errors: 0, skipped: 1 });
  });

  it("reads mocha's summary, with the failures listed after it", () => {
    expect(countsFromOutput(MOCHA)).toEqual({ tests: 4, passed: 2, failures: 1, errors: 0, skipped: 1 });
  });

  it("reads a plain 'N passed, M failed' line, as pytest prints it", () => {
    expect(countsFromOutput("...\n==== 1 failed, 4 passed, 2 skipped, 1 error in 0.12s ====\n")).toEqual({
      tests: 8, passed: 4, failures: 1, errors: 1, skipped: 2,
    });
    expect(countsFromOutput("done: 7 passed\r\n")).toEqual({ tests: 7, passed: 7, failures: 0, errors: 0, skipped: 0 });
  });

  it("takes the summary nearest the end when the output holds several", () => {
    const text = `${NODE_TAP}\nsomething else ran\n      Tests  9 passed (9)\n`;
    expect(countsFromOutput(text)?.tests).toBe(9);
    expect(countsFromOutput(`      Tests  9 passed (9)\n${NODE_TAP}`)?.tests).toBe(4);
  });

  it("returns null when no summary is there", () => {
    expect(countsFromOutput("")).toBeNull();
    expect(countsFromOutput("compiling...\nsh: 1: vitest: not found\n")).toBeNull();
    expect(countsFromOutput("# tests 3\n")).toBeNull();
    expect(countsFromOutput(" Test Files  2 failed (2)\nTest Suites: 1 failed, 1 total\n")).toBeNull();
  });
});
