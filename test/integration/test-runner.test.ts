// runTests against real `node --test` runs in a temporary directory.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { runTests } from "../../src/adapters/test-runner.js";
import type { TestSpec } from "../../src/core/plan/model.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tdd-waves-tests-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const PASSING = `import test from "node:test";
import assert from "node:assert/strict";
test("adds", () => assert.equal(1 + 1, 2));
test("concatenates", () => assert.equal("a" + "b", "ab"));
`;

const FAILING = `import test from "node:test";
import assert from "node:assert/strict";
test("works", () => assert.equal(1, 1));
test("is not implemented yet", () => assert.equal(1, 2));
test("later", { skip: true }, () => {});
`;

function write(rel: string, text: string): string {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), text);
  return rel;
}

const spec = (command: string, over: Partial<TestSpec> = {}): TestSpec => ({ command, timeoutMs: 30_000, ...over });
const logFile = (): string => join(dir, "logs", "tests.log");

describe("runTests", () => {
  it("runs a passing node --test file and reads the counts from its summary", async () => {
    const testFile = write("test/ok.test.mjs", PASSING);
    const r = await runTests({ test: spec("node --test {testFile}"), testFile, storyId: "s-1", cwd: dir, logFile: logFile() });
    expect(r).toMatchObject({ exitCode: 0, passed: 2, total: 2, timedOut: false, junitFound: false });
    expect(r.durationMs).toBeGreaterThan(0);
  });

  it("runs a failing node --test file: non-zero exit, failures counted", async () => {
    const testFile = write("test/red.test.mjs", FAILING);
    const r = await runTests({ test: spec("node --test {testFile}"), testFile, storyId: "s-1", cwd: dir, logFile: logFile() });
    expect(r.exitCode).not.toBe(0);
    expect(r).toMatchObject({ passed: 1, total: 3, timedOut: false });
  });

  it("reads the counts from the JUnit report the command writes, creating its directory", async () => {
    const testFile = write("test/red.test.mjs", FAILING);
    const test = spec("node --test --test-reporter=junit --test-reporter-destination=reports/{storyId}.xml {testFile}", {
      junit: "reports/{storyId}.xml",
    });
    const r = await runTests({ test, testFile, storyId: "s-2", cwd: dir, logFile: logFile() });
    expect(existsSync(join(dir, "reports", "s-2.xml"))).toBe(true);
    expect(r).toMatchObject({ junitFound: true, passed: 1, total: 3 });
    expect(r.exitCode).not.toBe(0);
  });

  it("deletes a stale report before running, so that an old report never counts", async () => {
    const testFile = write("test/ok.test.mjs", PASSING);
    write("reports/s-3.xml", `<testsuites tests="99" failures="0" errors="0"></testsuites>`);
    const test = spec("node --test {testFile}", { junit: "reports/{storyId}.xml" });
    const r = await runTests({ test, testFile, storyId: "s-3", cwd: dir, logFile: logFile() });
    expect(existsSync(join(dir, "reports", "s-3.xml"))).toBe(false);
    expect(r).toMatchObject({ junitFound: false, exitCode: 0, passed: 2, total: 2 });
    expect(readFileSync(logFile(), "utf8")).toContain("no readable JUnit report");
  });

  it("quotes a test file path with spaces, quotes and a $ in it", async () => {
    const testFile = write("test dir/$HOME it's.test.mjs", FAILING);
    const r = await runTests({ test: spec("node --test {testFile}"), testFile, storyId: "s-4", cwd: dir, logFile: logFile() });
    expect(r).toMatchObject({ passed: 1, total: 3 });
    expect(r.exitCode).not.toBe(0);
  });

  it("gives the command the story id and the report path in its environment", async () => {
    const testFile = write("test/ok.test.mjs", PASSING);
    const test = spec(`node --test --test-reporter=junit --test-reporter-destination="$TDD_WAVES_JUNIT" {testFile}; echo "id=$TDD_WAVES_STORY_ID"`, {
      junit: "out/junit-{storyId}.xml",
    });
    const r = await runTests({ test, testFile, storyId: "s-5", cwd: dir, logFile: logFile() });
    expect(r).toMatchObject({ junitFound: true, passed: 2, total: 2, exitCode: 0 });
    expect(existsSync(join(dir, "out", "junit-s-5.xml"))).toBe(true);
    expect(readFileSync(logFile(), "utf8")).toContain("id=s-5");
  });

  it("reads counts only from this run's part of a shared log", async () => {
    const testFile = write("test/red.test.mjs", FAILING);
    const first = await runTests({ test: spec("node --test {testFile}"), testFile, storyId: "s-6", cwd: dir, logFile: logFile() });
    expect(first.total).toBe(3);
    const second = await runTests({ test: spec("exit 0"), testFile, storyId: "s-6", cwd: dir, logFile: logFile() });
    expect(second).toMatchObject({ exitCode: 0, passed: null, total: null });
  });

  it("stops a test command that runs past its timeout", async () => {
    const testFile = write("test/ok.test.mjs", PASSING);
    const r = await runTests({ test: spec("sleep 30", { timeoutMs: 300 }), testFile, storyId: "s-7", cwd: dir, logFile: logFile() });
    expect(r).toMatchObject({ timedOut: true, exitCode: null, passed: null, total: null });
    expect(r.durationMs).toBeLessThan(10_000);
  });
});
