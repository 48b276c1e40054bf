// A story's attempts in its working copy: the phases run in order, and a failed one is tried again (up to the
// story's `retries`) with feedback — the tester after a failed red check, the implementation agent after a
// failed verify, the locked test file restored first. Where to go next is read from the recorded phases
// (core/retries/attempts.ts), so a resumed execution or the next GitHub step continues where the last left off.
import { own } from "../core/own.js";
import { join } from "node:path";
import { retriesOf } from "../core/plan/model.js";
import { isFinalFailure, nextStep, type AgentPhase, type NextStep } from "../core/retries/attempts.js";
import { renderRetryFeedback } from "../core/retries/feedback.js";
import { beginAttempt, rebuildPrepared, type PhaseRecord, type StoryRun } from "../core/state/state.js";
import type { Ports } from "./ports.js";
import { acceptanceCriteria, testPath, type StoryJob } from "./story-context.js";
import { implementationPhase, testerPhase, verifyPhase, type PhaseResult } from "./story-phases.js";

export type AttemptsOutcome = { kind: "verified" } | { kind: "failed"; result: Extract<PhaseResult, { ok: false }> } | { kind: "paused" };

export interface AttemptOptions {
  /** The working copy is a new checkout: work an earlier process left uncommitted is not in it. */
  fresh: boolean;
  /** The last phase this call runs (a GitHub step runs its part of the attempts); default verify. */
  until?: AgentPhase;
  /** Where an attempt's logs and prompts go. */
  logDirFor: (attempt: number) => string;
  /** Makes a commit of the story's branch readable in the working copy (a runner fetches it from origin). */
  fetchCommit?: (sha: string) => Promise<void>;
}

const ORDER: Record<AgentPhase, number> = { tester: 0, implementation: 1, verify: 2 };

async function currentRun(ports: Ports, id: string): Promise<StoryRun> {
  const state = await ports.store.read();
  const run = state ? own(state.runs, id) : undefined;
  if (!run) throw new Error(`${id}: no run recorded in the state`);
  return run;
}

/**
 * Runs the story's phases from where its record stands until it is verified, out of attempts, or (with
 * `until`) the next phase belongs to a later step. Does not complete or fail the story: the caller does.
 */
export async function runAttempts(ports: Ports, base: Omit<StoryJob, "attempt" | "logDir">, opts: AttemptOptions): Promise<AttemptsOutcome> {
  const { story, plan } = base;
  const retries = retriesOf(plan, story);
  let fresh = opts.fresh;
  for (;;) {
    const run = await currentRun(ports, story.id);
    const step = nextStep(run, retries, fresh);
    if (step.kind === "verified") return { kind: "verified" };
    if (step.kind === "exhausted") return { kind: "failed", result: { ok: false, phase: step.phase, reason: step.reason } };
    const job: StoryJob = { ...base, attempt: step.attempt, logDir: opts.logDirFor(step.attempt) };
    if (step.kind === "prepare-rebuild") {
      await prepareRebuild(ports, job, run, opts.fetchCommit);
      fresh = false;
      continue;
    }
    if (ORDER[step.phase] > ORDER[opts.until ?? "verify"]) return { kind: "paused" };
    let feedback = step.feedback;
    if (step.newAttempt) {
      feedback = await feedbackFor(ports, job, run, step, retries + 1, fresh);
      await ports.store.update(beginAttempt(story.id, step.attempt, feedback, ports.now()), `${story.id}: attempt ${step.attempt}`);
      ports.progress({ type: "log", message: `Retrying ${story.id}: attempt ${step.attempt} of ${retries + 1}, after ${step.after?.message ?? "a failure"}` });
    }
    // Never before a verify: that would hide a change to the locked test file instead of catching it.
    if (step.newAttempt && step.phase === "implementation" && plan.tdd.lockTests && run.testerCommit) await restoreTestFile(ports, job, run.testerCommit);
    const withFeedback: StoryJob = { ...job, ...(feedback ? { feedback } : {}) };
    let r: PhaseResult;
    if (step.phase === "tester") r = await testerPhase(ports, withFeedback);
    else if (step.phase === "implementation") r = await implementationPhase(ports, withFeedback);
    else r = await verifyPhase(ports, withFeedback, run.testFileBlob);
    // A failure no attempt can mend (a story over its budget fails before its agent starts: no phase records it).
    if (!r.ok && isFinalFailure(r.reason)) return { kind: "failed", result: r };
    fresh = false;
  }
}

/** Puts the locked test file back to the tester's bytes (an implementation attempt may have changed it). */
async function restoreTestFile(ports: Ports, job: StoryJob, testerCommit: string): Promise<void> {
  const locked = await ports.git(job.dir).showFile(testerCommit, job.story.testFile);
  if (locked === null) return;
  if ((await ports.files.read(testPath(job))) !== locked) await ports.files.write(testPath(job), locked);
}

async function feedbackFor(ports: Ports, job: StoryJob, run: StoryRun, step: Extract<NextStep, { kind: "run" }>, attempts: number, fresh: boolean): Promise<string> {
  const failed: PhaseRecord | undefined = step.after;
  const output = failed?.log ? await ports.files.read(failed.log) : null;
  // A new checkout's story file says nothing about what the failed attempt ticked.
  const criteria = step.phase === "implementation" && !fresh ? await acceptanceCriteria(ports, job) : [];
  return renderRetryFeedback({
    failedAttempt: run.attempt,
    attempts,
    reason: failed?.message ?? "the attempt failed",
    unchecked: criteria.filter((c) => !c.checked).map((c) => c.text),
    ...(output ? { output: { log: failed!.log!.split(/[\\/]/).slice(-2).join("/"), text: output } } : {}),
    ...(step.phase === "implementation" && job.plan.tdd.lockTests ? { restoredTestFile: job.story.testFile } : {}),
  });
}

/**
 * The rebuild's start: the working copy is the integrated target; the story's test file and story file
 * come from its verified commit, and are committed there as the rebuild's locked tests.
 */
async function prepareRebuild(ports: Ports, job: StoryJob, run: StoryRun, fetchCommit?: (sha: string) => Promise<void>): Promise<void> {
  const { story } = job;
  const git = ports.git(job.dir);
  const from = run.rebuild?.from;
  if (from && fetchCommit) await fetchCommit(from);
  const base = (await git.revParse("HEAD"))!;
  for (const path of [story.testFile, story.file]) {
    const text = from ? await git.showFile(from, path) : null;
    if (text !== null) await ports.files.write(join(job.dir, path), text);
  }
  const commit = (await git.commitAll(`tdd-waves: ${story.id} rebuilt on the integrated target: its tests and story file`)) ?? base;
  const blob = (await ports.files.read(testPath(job))) === null ? undefined : await git.hashFile(story.testFile);
  await ports.store.update(rebuildPrepared(story.id, commit, blob, base, ports.now()), `${story.id}: rebuild prepared`);
  ports.progress({ type: "log", message: `Rebuilding ${story.id} on the integrated target (${run.rebuild?.reason ?? "integration failed"})` });
}
