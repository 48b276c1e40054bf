// Where a story's attempts stand, read from its recorded phases: what runs next (which phase, in which
// attempt, whether a new attempt begins), or that the story is verified, or out of attempts. One rule for
// the local runner, the GitHub steps and a resumed execution, so that a completed attempt is never run
// again and the attempts never exceed `retries + 1` (plus one rebuild on the integrated target).
import type { PhaseName, PhaseRecord, StoryRun } from "../state/state.js";

export type AgentPhase = "tester" | "implementation" | "verify";

export type NextStep =
  /** Run `phase` in `attempt`; `newAttempt`: the attempt begins now, after the previous one failed in `after`. */
  | { kind: "run"; phase: AgentPhase; attempt: number; newAttempt: boolean; after?: PhaseRecord; feedback?: string }
  /** Put the story's test file and story file on the integrated target before the rebuild's implementation. */
  | { kind: "prepare-rebuild"; attempt: number }
  | { kind: "verified"; attempt: number }
  | { kind: "exhausted"; phase: PhaseName; reason: string; attempts: number };

/** The attempt a phase belongs to (states written before retries have one attempt per run). */
export const attemptOf = (run: StoryRun, p: PhaseRecord): number => p.attempt ?? run.attempt;

const firstOf = (run: StoryRun): number => run.firstAttempt ?? run.attempt;

/**
 * The phases of one attempt that count (not cut short by an execution that stopped): the agent phases and
 * their checks. Integration, and the plan's setup (it prepares a working copy, it is no step of an attempt),
 * are left out.
 */
function phasesOf(run: StoryRun, attempt: number): PhaseRecord[] {
  return run.phases.filter((p) => attemptOf(run, p) === attempt && !p.interrupted && p.phase !== "integrate" && p.phase !== "setup");
}

/** The tester's tests passed the red check and were committed in the current set (a rebuild brings them along). */
export function testsCommitted(run: StoryRun): boolean {
  if (run.rebuild?.attempt === run.attempt) return run.rebuild.commit !== undefined;
  const first = firstOf(run);
  return run.phases.some((p) => p.phase === "red" && p.outcome === "ok" && !p.interrupted && attemptOf(run, p) >= first && attemptOf(run, p) <= run.attempt);
}

/**
 * The next step of a story's current attempt. `fresh`: the working copy is a new checkout (of the committed
 * tests, or of the target), so work an earlier process left uncommitted is gone and must be done again.
 */
export function nextStep(run: StoryRun, retries: number, fresh: boolean): NextStep {
  const k = run.attempt;
  const rebuild = run.rebuild?.attempt === k ? run.rebuild : undefined;
  if (rebuild && rebuild.commit === undefined) return { kind: "prepare-rebuild", attempt: k };
  const phases = phasesOf(run, k);
  const last = phases.at(-1);
  const again = (phase: AgentPhase): NextStep => ({ kind: "run", phase, attempt: k, newAttempt: false, ...(run.feedback ? { feedback: run.feedback } : {}) });
  if (!last) return again(testsCommitted(run) ? "implementation" : "tester");
  if (last.outcome === "running") return again(last.phase === "tester" || last.phase === "red" ? "tester" : "implementation");
  if (last.outcome === "ok") {
    if (last.phase === "tester") return again("tester");
    if (last.phase === "red") return again("implementation");
    if (fresh) return again("implementation");
    return last.phase === "implementation" ? again("verify") : { kind: "verified", attempt: k };
  }
  const reason = last.message ?? `${last.phase} failed`;
  if (isFinalFailure(reason)) return { kind: "exhausted", phase: last.phase, reason, attempts: k - firstOf(run) + 1 };
  if (rebuild) return { kind: "exhausted", phase: "integrate", reason: `${rebuild.reason} (rebuilt on the integrated target: ${reason})`, attempts: k - firstOf(run) + 1 };
  const used = k - firstOf(run) + 1;
  if (used >= retries + 1) return { kind: "exhausted", phase: last.phase, reason: used > 1 ? `${reason} (after ${used} attempts)` : reason, attempts: used };
  return { kind: "run", phase: last.phase === "tester" || last.phase === "red" ? "tester" : "implementation", attempt: k + 1, newAttempt: true, after: last };
}

/**
 * The attempts a story may be in from its current one on: a rebuild has just its own, a set of attempts
 * ends at its first plus `retries`.
 */
export function attemptsAllowed(run: StoryRun, retries: number): { first: number; last: number } {
  if (run.rebuild?.attempt === run.attempt) return { first: run.attempt, last: run.attempt };
  return { first: run.attempt, last: Math.max(run.attempt, firstOf(run) + retries) };
}

/** The first attempt a story job of this run makes (its record holds the phases from there on). */
export const jobStartAttempt = (run: StoryRun): number => run.rebuild?.attempt ?? firstOf(run);

/** Failures another attempt cannot mend: a story over its own budget (core/agents/budget.ts). */
export const isFinalFailure = (reason: string): boolean => reason.startsWith("budget:");

export interface AttemptSummary {
  attempt: number;
  outcome: "ok" | "failed" | "running";
  /** The phase it failed in, and why. */
  phase?: PhaseName;
  reason?: string;
  rebuild: boolean;
}

/** Every attempt on record, in order: how it ended and why (interrupted phases left out: they were run again). */
export function attemptHistory(run: StoryRun | undefined): AttemptSummary[] {
  if (!run || run.phases.length === 0) return [];
  const numbers = [...new Set(run.phases.map((p) => attemptOf(run, p)))].sort((a, b) => a - b);
  return numbers.map((attempt) => {
    const phases = run.phases.filter((p) => attemptOf(run, p) === attempt && !p.interrupted);
    const failed = phases.find((p) => p.outcome === "failed");
    const rebuild = run.rebuild?.attempt === attempt || phases.some((p) => p.feedback?.startsWith(REBUILD_HEADING));
    if (failed) return { attempt, outcome: "failed", phase: failed.phase, reason: failed.message ?? `${failed.phase} failed`, rebuild };
    const open = phases.length === 0 || phases.some((p) => p.outcome === "running");
    return { attempt, outcome: open ? "running" : "ok", rebuild };
  });
}

/** The first line every rebuild's feedback starts with (see renderRebuildFeedback). */
export const REBUILD_HEADING = "Rebuild on the integrated target";

/** The failed attempts that led to another one: why the story needed a retry (or a rebuild). */
export function retryReasons(run: StoryRun | undefined): string[] {
  const history = attemptHistory(run);
  return history.slice(0, -1).flatMap((a) => (a.outcome === "failed" && a.reason ? [a.reason] : []));
}
