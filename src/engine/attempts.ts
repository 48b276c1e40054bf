// A story's attempts in its working copy: the phases run in order, and a failed one is tried again (up to the
// story's `retries`) with feedback — the tester after a failed red check, the implementation agent after a
// failed verify, the locked test file restored first. Where to go next is read from the recorded phases
// (core/retries/attempts.ts), so a resumed execution or the next GitHub step continues where the last left off.
import { relative } from "node:path";
import { own } from "../core/own.js";
import { retriesOf, storyBranch } from "../core/plan/model.js";
import { isFinalFailure, nextStep, type AgentPhase, type NextStep } from "../core/retries/attempts.js";
import { renderRetryFeedback } from "../core/retries/feedback.js";
import { beginAttempt, endPhase, rebuildPrepared, type PhaseRecord, type StoryRun } from "../core/state/state.js";
import { PathEscapeError, type Ports } from "./ports.js";
import { acceptanceCriteria, editStoryFile, logRoot, type StoryJob } from "./story-context.js";
import { guarded, implementationPhase, testerPhase, verifyPhase, type PhaseResult } from "./story-phases.js";

export type AttemptsOutcome = { kind: "verified" } | { kind: "failed"; result: Extract<PhaseResult, { ok: false }> } | { kind: "paused" };

export interface AttemptOptions {
  /** The working copy is a new checkout: work an earlier process left uncommitted is not in it. */
  fresh: boolean;
  /** The last phase this call runs (a GitHub step runs its part of the attempts); default verify. */
  until?: AgentPhase;
  /** Where an attempt's logs and prompts go. */
  logDirFor: (attempt: number) => string;
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
      const problem = await prepareRebuild(ports, job, run).catch((e: unknown) => {
        // A story file that now leads out of the working copy: the rebuild cannot use it.
        if (e instanceof PathEscapeError) return e.message;
        throw e;
      });
      if (problem) return { kind: "failed", result: { ok: false, phase: "integrate", reason: problem } };
      fresh = false;
      continue;
    }
    if (ORDER[step.phase] > ORDER[opts.until ?? "verify"]) return { kind: "paused" };
    let feedback = step.feedback;
    if (step.newAttempt) {
      // The failed attempt's agent may have left the story branch: the next one works on it again.
      const wc = ports.workingCopy(job.dir);
      const branch = storyBranch(plan.name, story.id);
      if ((await wc.currentBranch()) !== branch) await wc.returnToBranch(branch);
      feedback = await feedbackFor(ports, job, run, step, retries + 1, fresh);
      await ports.store.update(beginAttempt(story.id, step.attempt, feedback, ports.now()), `${story.id}: attempt ${step.attempt}`);
      ports.progress({ type: "log", message: `Retrying ${story.id}: attempt ${step.attempt} of ${retries + 1}, after ${step.after?.message ?? "a failure"}` });
    }
    // Never before a verify: that would hide a change to the locked test file instead of catching it.
    if (step.newAttempt && step.phase === "implementation" && plan.tdd.lockTests && run.testerCommit) {
      await ports.workingCopy(job.dir).restoreFile(run.testerCommit, story.testFile);
    }
    // The red check asks for a test file the tester created or changed: against the one the attempt started
    // with, not the one the failed attempt left.
    if (step.newAttempt && step.phase === "tester" && run.base) await resetTestFile(ports, job, run.base);
    const withFeedback: StoryJob = { ...job, ...(feedback ? { feedback } : {}) };
    let r: PhaseResult;
    if (step.phase === "tester") r = await guarded("tester", () => testerPhase(ports, withFeedback));
    else if (step.phase === "implementation") r = await guarded("implementation", () => implementationPhase(ports, withFeedback));
    else r = await guarded("verify", () => verifyPhase(ports, withFeedback, run.testFileBlob));
    // A failure no attempt can mend (a story over its budget fails before its agent starts: no phase records it).
    if (!r.ok && isFinalFailure(r.reason)) return { kind: "failed", result: r };
    if (!r.ok) await recordFailure(ports, story.id, step.attempt, r);
    fresh = false;
  }
}

/**
 * A phase that failed without saying so in the state (a path leading out of the working copy stopped it
 * midway) is recorded as failed, so that the next step reads a failed attempt, not one still running.
 */
async function recordFailure(ports: Ports, id: string, attempt: number, r: Extract<PhaseResult, { ok: false }>): Promise<void> {
  const run = await currentRun(ports, id);
  const last = run.phases.filter((p) => (p.attempt ?? run.attempt) === attempt && !p.interrupted && p.phase !== "integrate").at(-1);
  if (last?.outcome === "failed") return;
  await ports.store.update(endPhase(id, r.phase, "failed", ports.now(), r.reason), `${id}: ${r.phase} failed`);
}

/** The test file as the commit the story's attempts start from has it (none when that commit has none). */
async function resetTestFile(ports: Ports, job: StoryJob, base: string): Promise<void> {
  if (await ports.workingCopy(job.dir).restoreFile(base, job.story.testFile)) return;
  await ports.files.remove(job.dir, job.story.testFile).catch((e: unknown) => {
    // A link out of the working copy on the way: the red check reports it.
    if (!(e instanceof PathEscapeError)) throw e;
  });
}

/** A log of the story's, or null when there is none (or it leads out of where logs are kept). */
async function readLog(ports: Ports, job: StoryJob, path: string): Promise<string | null> {
  const root = logRoot(job);
  return ports.files.read(root, relative(root, path)).catch((e: unknown) => {
    if (e instanceof PathEscapeError) return null;
    throw e;
  });
}

async function feedbackFor(ports: Ports, job: StoryJob, run: StoryRun, step: Extract<NextStep, { kind: "run" }>, attempts: number, fresh: boolean): Promise<string> {
  const failed: PhaseRecord | undefined = step.after;
  const output = failed?.log ? await readLog(ports, job, failed.log) : null;
  // A new checkout's story file says nothing about what the failed attempt ticked.
  const criteria = step.phase === "implementation" && !fresh ? await acceptanceCriteria(ports, job).catch(() => []) : [];
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
 * The rebuild's start: the working copy is the integrated target; the story's test file and story file come
 * from its verified commit and are committed there as the rebuild's locked tests. Returns why it cannot start.
 */
async function prepareRebuild(ports: Ports, job: StoryJob, run: StoryRun): Promise<string | undefined> {
  const { story } = job;
  const wc = ports.workingCopy(job.dir);
  const from = run.rebuild?.from;
  const base = (await wc.head())!;
  if (!from || !(await wc.restoreFile(from, story.testFile))) {
    return `${run.rebuild?.reason ?? "integration failed"}, and its rebuild cannot start: the verified commit ${from ? from.slice(0, 12) : "(not recorded)"} with its tests is not in this working copy`;
  }
  await wc.restoreFile(from, story.file);
  await editStoryFile(ports, job, { verified: false });
  const commit = (await wc.commitAll(`tdd-waves: ${story.id} rebuilt on the integrated target: its tests and story file`)) ?? base;
  const blob = await wc.hashFile(story.testFile);
  await ports.store.update(rebuildPrepared(story.id, commit, blob, base, ports.now()), `${story.id}: rebuild prepared`);
  ports.progress({ type: "log", message: `Rebuilding ${story.id} on the integrated target (${run.rebuild?.reason ?? "integration failed"})` });
}
