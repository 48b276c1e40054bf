// The distributed engine: the same phases as the local runner, cut into the jobs of a GitHub workflow
// run (one wave per run): `plan` picks the wave, read-only story jobs build one story each and hand on
// a bundle and a record (here), `integrate` merges them (wave-integrate.ts), and `publish`, the one job
// that writes, checks and applies it all (wave-publish.ts).
import { DEFAULTS, storyBranch } from "../core/plan/model.js";
import { blockStuck } from "./blocking.js";
import { chunkWave } from "../core/plan/waves.js";
import { chain, nextOpenWave, startStory, startWave, statusOf, type StoryRun, type WorkflowState } from "../core/state/state.js";
import { jobStartAttempt, testsCommitted } from "../core/retries/attempts.js";
import { recordOfRun } from "../core/state/story-record.js";
import type { Integration, Ports } from "./ports.js";
import { startExecution, type PlanSource } from "./execution.js";
import { refuseForeignStoryBranches } from "./story-branches.js";
import type { StoryJob } from "./story-context.js";
import { completeInWorkingCopy, failInWorkingCopy, guarded, type PhaseResult } from "./story-phases.js";
import { runAttempts, type AttemptsOutcome } from "./attempts.js";
import { join } from "node:path";
import { BudgetReached } from "./agent-usage.js";
import { clearStop, executionBudgetReached, recordStop } from "../core/agents/budget.js";
import type { Plan } from "../core/plan/model.js";
import { own } from "../core/own.js";
import { ARTIFACTS, logTails, writeBundle } from "./wave-artifacts.js";
import { setupPhase } from "./setup-phase.js";

export interface WaveChoice {
  /** 0 when nothing is left to run. */
  wave: number;
  totalWaves: number;
  stories: string[];
  /**
   * Whether stories are left for later runs after this chunk (pending ones: a later wave, or the rest of a
   * wave larger than a matrix). Some may still end up blocked by this chunk; `publish` has the last word.
   */
  hasMore: boolean;
  maxParallel: number;
  /**
   * Completed stories whose merge is not on the target (the `publish` that took their merges could not push):
   * this run builds nothing (wave 0) and its `integrate` merges them before any later wave starts.
   */
  integrate: string[];
  /** Stories of `stories` rebuilt on the integrated target (their integration failed in an earlier run of the wave). */
  rebuilds: string[];
}

/** `plan` step: start or resume, block what cannot run, mark the next chunk of the next wave in progress. */
export async function chooseNextWave(
  ports: Ports,
  opts: { source: PlanSource; target: string; dir: string; runId: string; runUrl?: string; restart?: boolean },
): Promise<WaveChoice> {
  const { plan } = opts.source;
  await refuseForeignStoryBranches(ports.repository(opts.dir), plan, opts.target, await ports.store.read(), "origin");
  let state = await startExecution(ports, {
    source: opts.source,
    target: opts.target,
    restart: opts.restart ?? false,
    lock: { kind: "github", id: `github:${opts.runId}`, since: ports.now() },
    // Runs of one plan on one branch are serialised by the workflow's concurrency group: a lock left
    // by another run belongs to a run that has ended.
    lockAlive: () => false,
    targetDir: opts.dir,
  });
  const integrate = await notOnTarget(ports.integration(opts.dir), state, plan);
  if (integrate.length > 0) {
    ports.progress({ type: "log", message: `${integrate.join(", ")}: complete but not merged into ${opts.target} yet; this run integrates them first` });
    return { wave: 0, totalWaves: state.waves.length, stories: [], hasMore: true, maxParallel: plan.maxParallel, integrate, rebuilds: [] };
  }
  const spent = executionBudgetReached(state, plan.budget);
  if (spent) {
    // The budget is used up: nothing starts until it is raised (state.stopped says why).
    await ports.store.update(recordStop(spent, ports.now()), "budget reached");
    ports.progress({ type: "log", message: spent });
    return { wave: 0, totalWaves: state.waves.length, stories: [], hasMore: false, maxParallel: plan.maxParallel, integrate, rebuilds: [] };
  }
  if (state.stopped) state = await ports.store.update(clearStop(ports.now()), "resume after a stop");
  for (;;) {
    const wave = nextOpenWave(state);
    if (wave === 0) return { wave: 0, totalWaves: state.waves.length, stories: [], hasMore: false, maxParallel: plan.maxParallel, integrate, rebuilds: [] };
    state = await blockStuck(ports, plan, state, state.waves[wave - 1]!);
    const open = plan.stories.filter((s) => state.waves[wave - 1]!.includes(s.id) && statusOf(state, s.id) === "pending").map((s) => s.id);
    if (open.length === 0) continue;
    const chunk = chunkWave(open, DEFAULTS.matrixLimit)[0]!;
    // One write (one push) for the whole chunk: the story jobs start from it.
    const now = ports.now();
    state = await ports.store.update(chain(startWave(wave, now), ...chunk.map((id) => startStory(id, now, opts.runUrl))), `wave ${wave}: ${chunk.length} stories`);
    ports.progress({ type: "wave", wave, stories: chunk });
    const rebuilds = chunk.filter((id) => own(state.runs, id)?.rebuild);
    return { wave, totalWaves: state.waves.length, stories: chunk, hasMore: state.stories.pending.length > 0, maxParallel: plan.maxParallel, integrate, rebuilds };
  }
}

export type StoryStep = "tester" | "implement" | "verify";

export interface StoryStepOptions {
  source: PlanSource;
  storyId: string;
  /** The job's checkout of the target branch. */
  dir: string;
  logDir: string;
  runUrl?: string;
  /** Where the job's artifacts are written: the tester's bundle, and the story's bundle with its record. */
  out: { tester: string; story: string };
}

/** The last phase each step of a story job runs; a failed attempt is tried again inside the step. */
const STEP_UNTIL = { tester: "tester", implement: "implementation", verify: "verify" } as const;

/**
 * One step of a story job: its part of the story's attempts (a failed one is tried again in the same step,
 * up to the story's retries; a rebuild on the integrated target starts in the tester step). The job is
 * read-only: it pushes nothing and writes the state only in its own checkout; what it did leaves as files
 * (bundle + a record of every attempt) for the workflow to upload. Returns false when the story failed
 * (or had already ended).
 */
export async function storyStep(ports: Ports, step: StoryStep, opts: StoryStepOptions): Promise<PhaseResult | { ok: false; skipped: string }> {
  const { plan } = opts.source;
  const story = plan.stories.find((s) => s.id === opts.storyId);
  if (!story) throw new Error(`story "${opts.storyId}" is not in plan ${opts.source.path}`);
  const state = (await ports.store.read())!;
  if (!state.stories.inProgress.includes(story.id)) return { ok: false, skipped: `${story.id} is ${statusOf(state, story.id)}, not in progress` };
  const run = own(state.runs, story.id)!;
  const base = { plan, planPath: opts.source.path, story, wave: run.wave, dir: opts.dir, logRoot: opts.logDir, ...(opts.runUrl ? { runUrl: opts.runUrl } : {}) };
  const logDirFor = (attempt: number) => join(opts.logDir, story.id, `attempt-${attempt}`);
  const jobNow = async (): Promise<StoryJob> => {
    const attempt = own((await ports.store.read())!.runs, story.id)!.attempt;
    return { ...base, attempt, logDir: logDirFor(attempt) };
  };
  const git = ports.plumbing(opts.dir);
  const branch = `refs/heads/${storyBranch(plan.name, story.id)}`;
  let outcome: AttemptsOutcome;
  try {
    if (step === "tester") {
      await startStoryBranch(ports, opts.dir, storyBranch(plan.name, story.id), run);
      // A fresh checkout in which nothing is installed: the plan's setup prepares it (after the workflow's
      // toolchain step), once, before the attempts (every step of the job works in this checkout).
      const prepared = plan.setup ? await prepareCheckout(ports, await jobNow(), opts.dir) : { ok: true as const };
      outcome = prepared.ok ? await runAttempts(ports, base, { fresh: true, until: STEP_UNTIL[step], logDirFor }) : { kind: "failed", result: prepared };
    } else {
      outcome = await runAttempts(ports, base, { fresh: false, until: STEP_UNTIL[step], logDirFor });
    }
    // Uploaded before the implementation agent runs, so that nothing it does can change what the tester wrote.
    if (step === "tester" && outcome.kind === "paused") {
      await writeBundle(git, join(opts.out.tester, ARTIFACTS.testerBundle), branch, own((await ports.store.read())?.runs ?? {}, story.id)?.base);
    }
  } catch (e) {
    // The budget refused this story's next agent phase: it is pending again, not failed (the record says so).
    if (e instanceof BudgetReached) {
      await exportStory(ports, await jobNow(), branch, opts.out.story, e.message);
      return { ok: false, skipped: e.message };
    }
    throw e;
  }
  if (outcome.kind === "paused") return { ok: true };
  const job = await jobNow();
  if (outcome.kind === "failed") await failInWorkingCopy(ports, job, outcome.result);
  else await completeInWorkingCopy(ports, job);
  await exportStory(ports, job, branch, opts.out.story);
  return outcome.kind === "failed" ? outcome.result : { ok: true };
}

/** The plan's setup in the story job's checkout, as the story's setup phase. */
async function prepareCheckout(ports: Ports, job: StoryJob, dir: string): Promise<PhaseResult> {
  const commit = (await ports.workingCopy(dir).head())!;
  return guarded("setup", async () => (await setupPhase(ports, job, { commit })).result);
}

/**
 * The tester step's working copy: the story branch at the wave's target commit, or, for an attempt an
 * interrupted execution continues from its committed tests, at those tests (when this checkout has them).
 */
async function startStoryBranch(ports: Ports, dir: string, branch: string, run: StoryRun): Promise<void> {
  const wc = ports.workingCopy(dir);
  if (!(testsCommitted(run) && run.testerCommit && !run.rebuild)) return wc.startBranch(branch);
  if ((await ports.integration(dir).revParse(`${run.testerCommit}^{commit}`)) === null) {
    throw new Error(`${run.testerCommit.slice(0, 12)}, the committed tests attempt ${run.attempt} continues from, is not in this checkout: retry the story (/build retry)`);
  }
  await wc.resetTo(branch, run.testerCommit);
}

/** The story's bundle and record, from the job's own state copy and logs. */
async function exportStory(ports: Ports, job: StoryJob, branch: string, outDir: string, stopped?: string): Promise<void> {
  const git = ports.plumbing(job.dir);
  const tip = (await git.revParse(branch))!;
  const state = (await ports.store.read())!;
  const run = own(state.runs, job.story.id)!;
  // A story the budget sent back to pending hands on no work, only its record.
  if (stopped === undefined) await writeBundle(git, join(outDir, ARTIFACTS.storyBundle), branch, run.base);
  const record = recordOfRun(job.story.id, run, tip, await logTails(ports, job.logDir), { usage: own(state.usage ?? {}, job.story.id), stopped, from: jobStartAttempt(run) });
  await ports.files.write(outDir, ARTIFACTS.record, `${JSON.stringify(record, null, 2)}\n`);
}

/**
 * Completed stories whose merge is not on the target: never merged, or merged by an earlier run
 * whose push of the target was lost (its merge commit is not in this checkout's history).
 */
export async function notOnTarget(git: Integration, state: WorkflowState, plan: Plan): Promise<string[]> {
  const out: string[] = [];
  for (const story of plan.stories) {
    if (statusOf(state, story.id) !== "complete") continue;
    const merged = own(state.runs, story.id)?.merged;
    if (merged && (await git.revParse(`${merged}^{commit}`)) !== null && (await git.isAncestor(merged, "HEAD"))) continue;
    out.push(story.id);
  }
  return out;
}
