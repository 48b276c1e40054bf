// Runs the plan's test command on one story's test file and gathers the evidence: exit code and,
// where the run tells them, the counts (from the JUnit report, else from the runner's summary lines).
import { appendFileSync, closeSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync } from "node:fs";
import { dirname } from "node:path";
import type { TestSpec } from "../core/plan/model.js";
import type { TestEvidence } from "../core/state/state.js";
import { parseJunit, type TestCounts } from "../core/testing/junit.js";
import { countsFromOutput } from "../core/testing/test-output.js";
import { renderTestCommand } from "../core/testing/shell-quote.js";
import { runShell } from "./agent-process.js";
import { confined } from "./confined-paths.js";

export interface RunTestsOptions {
  test: TestSpec;
  /** Relative to `cwd`, as in the plan. */
  testFile: string;
  storyId: string;
  /** The working copy the command runs in. */
  cwd: string;
  logFile: string;
  /** The log stays inside it, links resolved at each use (PathEscapeError). */
  logRoot?: string;
  env?: Record<string, string>;
  signal?: AbortSignal;
  /** At a lower CPU priority (a dag run's work ahead of the wave front). */
  background?: boolean;
  /** Delete the JUnit report once read: it is tdd-waves' by-product and must not land in a commit. */
  removeReport?: boolean;
}

export type TestRun = TestEvidence & { junitFound: boolean; durationMs: number };

// The summary of a run is at its end; a runaway log is not read whole.
const MAX_OUTPUT_READ = 4 * 1024 * 1024;

export async function runTests(opts: RunTestsOptions): Promise<TestRun> {
  const junitRel = opts.test.junit?.replaceAll("{storyId}", opts.storyId);
  // The report's real location is checked at each use: the test command itself may put a link there.
  const junitPath = junitRel ? confined(opts.cwd, junitRel) : undefined;
  if (junitPath) {
    // A report left by an earlier run must not pass for this run's.
    rmSync(junitPath, { force: true });
    // Some reporters (node --test's) fail when the report's directory is missing.
    mkdirSync(dirname(junitPath), { recursive: true });
  }
  const logStart = sizeOf(opts.logFile);
  const outcome = await runShell(renderTestCommand(opts.test.command, opts.testFile, { storyId: opts.storyId }), {
    cwd: opts.cwd,
    env: {
      ...opts.env,
      // For commands that name the report themselves: `--outputFile=reports/$TDD_WAVES_STORY_ID.xml`.
      TDD_WAVES_STORY_ID: opts.storyId,
      TDD_WAVES_TEST_FILE: opts.testFile,
      ...(junitPath ? { TDD_WAVES_JUNIT: junitPath } : {}),
    },
    timeoutMs: opts.test.timeoutMs,
    logFile: opts.logFile,
    header: `tests of ${opts.storyId}`,
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.background ? { background: true } : {}),
  });
  // The command has run: anything it made on the way to the log or the report is looked at again.
  if (opts.logRoot !== undefined) confined(opts.logRoot, opts.logFile);
  const junit = junitPath ? readJunit(confined(opts.cwd, junitRel!)) : null;
  if (junitPath && !junit) appendFileSync(opts.logFile, `--- tdd-waves: no readable JUnit report at ${junitPath}\n`);
  if (junitPath && opts.removeReport) rmSync(confined(opts.cwd, junitRel!), { force: true });
  const counts = junit ?? countsFromOutput(readFrom(opts.logFile, logStart));
  return {
    exitCode: outcome.exitCode,
    passed: counts ? counts.passed : null,
    total: counts ? counts.tests : null,
    timedOut: outcome.timedOut,
    junitFound: junit !== null,
    durationMs: outcome.durationMs,
  };
}

function readJunit(path: string): TestCounts | null {
  try {
    return parseJunit(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** What the log got from `offset` on (at most the last MAX_OUTPUT_READ bytes of it). */
function readFrom(path: string, offset: number): string {
  const end = sizeOf(path);
  const start = Math.max(offset, end - MAX_OUTPUT_READ);
  if (end <= start) return "";
  const buf = Buffer.alloc(end - start);
  const fd = openSync(path, "r");
  try {
    readSync(fd, buf, 0, buf.length, start);
  } finally {
    closeSync(fd);
  }
  return buf.toString("utf8");
}
