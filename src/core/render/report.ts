// Builds the execution report (SPEC §5: tdd-waves-report.json, `tdd-waves report`, the action's `report`
// output) from the state and the plan. Pure; key order is part of the contract, so objects are built
// key by key in that order.
import type { Plan, Story } from "../plan/model.js";
import type { UsageTotals } from "../agents/usage.js";
import { reportUsage, resultUsage, type ReportBudget, type ResultUsage } from "./usage.js";
import { attemptHistory, retryReasons } from "../retries/attempts.js";
import { runDuration, statusOf, type PhaseName, type StoryRun, type StoryStatus, type TestEvidence, type WorkflowState } from "../state/state.js";
import { own } from "../own.js";

export type ImplStatus = "success" | "failed" | "skipped";

export interface ReportResult {
  storyId: string;
  wave: number;
  testerAgent: string;
  testFile: string;
  /** The green run (verify) passed: exit code 0, not timed out, no failing test counted. */
  testsPassed: boolean;
  implAgent: string;
  /** `skipped`: the implementation did not run to an outcome (blocked, never reached, or still running). */
  implStatus: ImplStatus;
  filesModified: string[];
  acChecklistComplete: boolean;
  verifiedProduction: boolean;
  // Extra keys, after the contract's.
  status: StoryStatus;
  attempt: number;
  /** Attempts the story has had (a retry, a rebuild on the integrated target and a `retry` command add one each). */
  attempts: number;
  /** It needed more than one attempt. */
  retried: boolean;
  /** One of its attempts was a rebuild on the integrated target. */
  rebuilt: boolean;
  /** Why each attempt that led to another one failed. */
  retryReasons: string[];
  /** Tests passed and counted in the green run; null when it did not run or did not count. */
  testsPassedCount: number | null;
  testsTotal: number | null;
  red: TestEvidence | null;
  green: TestEvidence | null;
  /** From the first phase's start to the last phase's end; null when no phase has ended. */
  durationMs: number | null;
  reason?: string;
  commit?: string;
  runUrl?: string;
  /** Log file of each phase of the last attempt (agents' and test runs' output). */
  logs?: Partial<Record<PhaseName, string>>;
  /** What the agents reported they used and cost (render/usage.ts); absent when nothing was counted. */
  usage?: ResultUsage;
}

export interface Report {
  totalWaves: number;
  totalStories: number;
  storiesCompleted: string[];
  storiesFailed: string[];
  /** Neither complete nor failed: pending, in progress and blocked stories (blocked ones are also in `storiesBlocked`). */
  storiesRemaining: string[];
  results: ReportResult[];
  totalTestsCovered: number;
  totalTestsPassed: number;
  // Extra keys, after the contract's.
  storiesBlocked: string[];
  /** Stories that needed more than one attempt, and the attempts of all stories together. */
  storiesRetried: string[];
  totalAttempts: number;
  plan: string;
  target: string;
  status: WorkflowState["status"];
  lastUpdate: string;
  /** Agent usage of the whole execution, and the plan's budget (render/usage.ts), when there are any. */
  usage?: UsageTotals;
  budget?: ReportBudget;
  [extra: string]: unknown;
}

/** The keys SPEC §5 requires first, in this order. */
export const REPORT_KEYS = [
  "totalWaves",
  "totalStories",
  "storiesCompleted",
  "storiesFailed",
  "storiesRemaining",
  "results",
  "totalTestsCovered",
  "totalTestsPassed",
] as const;

/** The keys SPEC §5 requires first in each `results[]` entry, in this order. */
export const RESULT_KEYS = [
  "storyId",
  "wave",
  "testerAgent",
  "testFile",
  "testsPassed",
  "implAgent",
  "implStatus",
  "filesModified",
  "acChecklistComplete",
  "verifiedProduction",
] as const;

const OWN_KEYS = new Set<string>([...REPORT_KEYS, "storiesBlocked", "storiesRetried", "totalAttempts", "plan", "target", "status", "lastUpdate", "usage", "budget"]);

/** A test run that passed: exit code 0, not timed out, and no test counted as failing. */
export function evidencePassed(e: TestEvidence | undefined): boolean {
  if (!e || e.exitCode !== 0 || e.timedOut) return false;
  return e.passed === null || e.total === null || e.passed === e.total;
}

/** `ids` in plan order; ids the plan does not know follow, in their own order. */
function inPlanOrder(ids: string[], plan: Plan): string[] {
  const index = new Map(plan.stories.map((s) => [s.id, s.index]));
  const known = ids.filter((id) => index.has(id)).sort((a, b) => index.get(a)! - index.get(b)!);
  return [...known, ...ids.filter((id) => !index.has(id))];
}

function agentOf(run: StoryRun | undefined, phase: PhaseName, fallback: string): string {
  return run?.phases.find((p) => p.phase === phase && p.agent)?.agent ?? fallback;
}

function implStatusOf(run: StoryRun | undefined, status: StoryStatus): ImplStatus {
  const impl = run?.phases.filter((p) => p.phase === "implementation") ?? [];
  if (status === "blocked" || impl.length === 0) return "skipped";
  if (status === "complete") return "success";
  if (status === "failed") return "failed";
  const last = impl[impl.length - 1]!;
  return last.outcome === "ok" ? "success" : last.outcome === "failed" ? "failed" : "skipped";
}

/** Wall time of the attempt: first phase start to last phase end. */
/** From the first phase's start to the last phase's end; null when no phase has ended. */
export function durationOf(run: StoryRun | undefined): number | null {
  return run ? runDuration(run) : null;
}

function resultOf(state: WorkflowState, story: Story): ReportResult {
  const run = own(state.runs, story.id);
  const status = statusOf(state, story.id);
  const result = run?.result;
  const green = result?.green;
  return {
    storyId: story.id,
    wave: run?.wave || state.waves.findIndex((w) => w.includes(story.id)) + 1,
    testerAgent: agentOf(run, "tester", story.tester),
    testFile: story.testFile,
    testsPassed: evidencePassed(green),
    implAgent: agentOf(run, "implementation", story.implementer),
    implStatus: implStatusOf(run, status),
    filesModified: result?.filesModified ?? [],
    acChecklistComplete: result?.acChecklistComplete ?? false,
    verifiedProduction: result?.verifiedProduction ?? false,
    status,
    attempt: run?.attempt ?? 0,
    ...attemptsOf(run),
    testsPassedCount: green?.passed ?? null,
    testsTotal: green?.total ?? null,
    red: result?.red ?? null,
    green: green ?? null,
    durationMs: durationOf(run),
    ...(run?.reason ? { reason: run.reason } : {}),
    ...(result?.commit ? { commit: result.commit } : {}),
    ...(run?.runUrl ? { runUrl: run.runUrl } : {}),
    ...logsOf(run),
    ...resultUsage(state, story.id),
  };
}

function attemptsOf(run: StoryRun | undefined): Pick<ReportResult, "attempts" | "retried" | "rebuilt" | "retryReasons"> {
  const history = attemptHistory(run);
  const attempts = history.length;
  return { attempts, retried: attempts > 1, rebuilt: history.some((a) => a.rebuild), retryReasons: retryReasons(run) };
}

function logsOf(run: StoryRun | undefined): { logs?: Partial<Record<PhaseName, string>> } {
  const logs: Partial<Record<PhaseName, string>> = {};
  for (const p of run?.phases ?? []) if (p.log) logs[p.phase] = p.log;
  return Object.keys(logs).length > 0 ? { logs } : {};
}

function checkExtra(extra: Record<string, unknown>): void {
  for (const key of Object.keys(extra)) {
    // Integer-like keys would be moved before the contract's keys by every JSON serialiser.
    if (/^(0|[1-9]\d*)$/.test(key)) throw new RangeError(`buildReport: extra key "${key}" is integer-like and would be ordered first`);
    if (OWN_KEYS.has(key)) throw new RangeError(`buildReport: extra key "${key}" is one of the report's own keys`);
  }
}

/**
 * The report: SPEC §5 keys first, in order, then `storiesBlocked`, `plan`, `target`, `status`,
 * `lastUpdate`, then `extra`. `results` has one entry per story (in plan order) that has run or was
 * failed or blocked; stories never started have none. Test totals sum the green runs' counts.
 */
export function buildReport(state: WorkflowState, plan: Plan, extra: Record<string, unknown> = {}): Report {
  checkExtra(extra);
  const b = state.stories;
  const stories = [...plan.stories].sort((x, y) => x.index - y.index);
  const results = stories
    .filter((s) => own(state.runs, s.id) !== undefined || b.failed.includes(s.id) || b.blocked.includes(s.id))
    .map((s) => resultOf(state, s));
  const sum = (f: (r: ReportResult) => number | null): number => results.reduce((n, r) => n + (f(r) ?? 0), 0);
  return {
    totalWaves: state.waves.length,
    totalStories: plan.stories.length,
    storiesCompleted: inPlanOrder(b.completed, plan),
    storiesFailed: inPlanOrder(b.failed, plan),
    storiesRemaining: inPlanOrder([...b.pending, ...b.inProgress, ...b.blocked], plan),
    results,
    totalTestsCovered: sum((r) => r.testsTotal),
    totalTestsPassed: sum((r) => r.testsPassedCount),
    storiesBlocked: inPlanOrder(b.blocked, plan),
    storiesRetried: results.filter((r) => r.retried).map((r) => r.storyId),
    totalAttempts: sum((r) => r.attempts),
    plan: state.plan.name,
    target: state.target,
    status: state.status,
    lastUpdate: state.lastUpdate,
    ...reportUsage(state, plan),
    ...extra,
  };
}
