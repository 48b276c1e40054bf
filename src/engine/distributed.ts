// The distributed engine: the same phases as the local runner, cut into the steps of a GitHub workflow
// run (one wave per run). Story jobs share nothing but `origin`: the state branch, story branches, target.
import { DEFAULTS, storyBranch } from "../core/plan/model.js";
import { blockStuck } from "./blocking.js";
import { chunkWave } from "../core/plan/waves.js";
import { chain, failStory, nextOpenWave, recordError, startStory, startWave, statusOf, type StoryRun, type WorkflowState } from "../core/state/state.js";
import { testsCommitted } from "../core/retries/attempts.js";
import { integrateStories, recordOutcomesOnTarget } from "./integrate.js";
import type { Ports } from "./ports.js";
import { startExecution, type PlanSource } from "./execution.js";
import type { StoryJob } from "./story-context.js";
import { completeInWorkingCopy, failInWorkingCopy, type PhaseResult } from "./story-phases.js";
import { runAttempts, type AttemptsOutcome } from "./attempts.js";
import { join } from "node:path";
import { BudgetReached } from "./agent-usage.js";
import { clearStop, executionBudgetReached, recordStop } from "../core/agents/budget.js";
import type { Plan } from "../core/plan/model.js";
import type { Git } from "../adapters/git.js";
import { own } from "../core/own.js";

export interface WaveChoice {
  /** 0 when nothing is left to run. */
  wave: number;
  totalWaves: number;
  stories: string[];
  /**
   * Whether stories are left for later runs after this chunk (pending ones: a later wave, or the rest of a
   * wave larger than a matrix). Some may still end up blocked by this chunk; `advance` has the last word.
   */
  hasMore: boolean;
  maxParallel: number;
  /**
   * Completed stories whose merge is not on the target (the `advance` that merged them could not push):
   * this run builds nothing (wave 0) and its `advance` integrates them before any later wave starts.
   */
  integrate: string[];
  /** Stories of `stories` that are rebuilt on the integrated target (their integration failed in an earlier run of the wave). */
  rebuilds: string[];
}

/** `plan` step: start or resume, block what cannot run, mark the next chunk of the next wave in progress. */
export async function chooseNextWave(
  ports: Ports,
  opts: { source: PlanSource; target: string; dir: string; runId: string; runUrl?: string; restart?: boolean },
): Promise<WaveChoice> {
  const { plan } = opts.source;
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
  const integrate = await notOnTarget(ports.git(opts.dir), state, plan);
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
  remote?: string;
}

/** The last phase each step of a story job runs; failed attempts are retried inside the step. */
const STEP_UNTIL = { tester: "tester", implement: "implementation", verify: "verify" } as const;

/**
 * One step of a story job: its part of the story's attempts (a failed one is tried again in the same step, up
 * to the story's retries; a rebuild on the integrated target starts in the tester step). Returns false when
 * the story failed (or had already ended).
 */
export async function storyStep(ports: Ports, step: StoryStep, opts: StoryStepOptions): Promise<PhaseResult | { ok: false; skipped: string }> {
  const { plan } = opts.source;
  const story = plan.stories.find((s) => s.id === opts.storyId);
  if (!story) throw new Error(`story "${opts.storyId}" is not in plan ${opts.source.path}`);
  const state = (await ports.store.read())!;
  if (!state.stories.inProgress.includes(story.id)) return { ok: false, skipped: `${story.id} is ${statusOf(state, story.id)}, not in progress` };
  const run = own(state.runs, story.id)!;
  const remote = opts.remote ?? "origin";
  const base = { plan, planPath: opts.source.path, story, wave: run.wave, dir: opts.dir, ...(opts.runUrl ? { runUrl: opts.runUrl } : {}) };
  const logDirFor = (attempt: number) => join(opts.logDir, story.id, `attempt-${attempt}`);
  const git = ports.git(opts.dir);
  const branch = storyBranch(plan.name, story.id);
  if (step === "tester") await checkoutStoryBranch(git, remote, branch, run);
  let outcome: AttemptsOutcome;
  try {
    outcome = await runAttempts(ports, base, {
      fresh: step === "tester",
      until: STEP_UNTIL[step],
      logDirFor,
      // A rebuild starts from the story's verified commit, on its branch on origin.
      fetchCommit: () => git.fetch(remote, [`+refs/heads/${branch}:refs/remotes/${remote}/${branch}`]),
    });
  } catch (e) {
    // The budget refused this story's next agent phase: it is pending again, not failed.
    if (e instanceof BudgetReached) return { ok: false, skipped: e.message };
    throw e;
  }
  const attempt = own((await ports.store.read())!.runs, story.id)!.attempt;
  const job: StoryJob = { ...base, attempt, logDir: logDirFor(attempt) };
  let result: PhaseResult = { ok: true };
  if (outcome.kind === "failed") {
    result = outcome.result;
    await failInWorkingCopy(ports, job, result);
  } else if (outcome.kind === "verified") {
    await completeInWorkingCopy(ports, job);
  }
  if (outcome.kind !== "paused") await git.push(remote, [`HEAD:refs/heads/${branch}`], { force: true });
  return result;
}

/**
 * The tester step's working copy: the story branch at the target, or, for an attempt an interrupted execution
 * continues from its committed tests, at those tests (fetched from the story branch on origin).
 */
async function checkoutStoryBranch(git: Git, remote: string, branch: string, run: StoryRun): Promise<void> {
  if (!(testsCommitted(run) && run.testerCommit)) {
    await git.run(["checkout", "-B", branch]);
    return;
  }
  await git.run(["fetch", "--no-tags", remote, `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`], { allowFail: true });
  if ((await git.revParse(`${run.testerCommit}^{commit}`)) === null) {
    throw new Error(`${run.testerCommit.slice(0, 12)}, the committed tests attempt ${run.attempt} continues from, is not on ${remote}: retry the story (/build retry)`);
  }
  await git.run(["checkout", "-B", branch, run.testerCommit]);
}

export interface AdvanceResult {
  state: WorkflowState;
  hasMore: boolean;
}

/** How often `advance` merges a target that moved under it and pushes again before it gives up. */
const TARGET_PUSH_ATTEMPTS = 5;

/**
 * `advance` step (after every story job, whatever happened to it): stories whose job never finished
 * fail, completed ones are merged into the target (plan order), failed/blocked story files are
 * committed, the target is pushed, and the caller learns whether another run is needed.
 */
export async function advance(ports: Ports, opts: { source: PlanSource; dir: string; target: string; logDir: string; runUrl?: string; remote?: string }): Promise<AdvanceResult> {
  const { plan } = opts.source;
  const remote = opts.remote ?? "origin";
  const git = ports.git(opts.dir);
  let state = (await ports.store.read())!;
  for (const id of [...state.stories.inProgress]) {
    state = await ports.store.update(failStory(id, "the story job did not finish (cancelled or crashed)", ports.now(), "job"), `${id}: job lost`);
  }
  const toMerge = await notOnTarget(git, state, plan);
  if (toMerge.length > 0) {
    await git.fetch(remote, toMerge.map((id) => `+refs/heads/${storyBranch(plan.name, id)}:refs/remotes/${remote}/${storyBranch(plan.name, id)}`));
  }
  const target = { dir: opts.dir, branchRef: (id: string) => `refs/remotes/${remote}/${storyBranch(plan.name, id)}`, logDir: opts.logDir, runUrl: opts.runUrl };
  await integrateStories(ports, plan, target, toMerge);
  state = (await ports.store.read())!;
  state = await blockStuck(ports, plan, state, plan.stories.map((s) => s.id));
  await recordOutcomesOnTarget(ports, plan, target, plan.stories.map((s) => s.id));
  try {
    await pushTarget(git, remote, opts.target);
  } catch (e) {
    const message = `the target branch ${opts.target} could not be updated: ${e instanceof Error ? e.message : String(e)}`;
    await ports.store.update(recordError(message, ports.now(), true), "target branch not updated");
    throw new Error(message, { cause: e });
  }
  state = (await ports.store.read())!;
  // A used-up budget leaves stories pending; the next run would start none of them.
  return { state, hasMore: nextOpenWave(state) > 0 && !executionBudgetReached(state, plan.budget) };
}

/**
 * Completed stories whose merge is not on the target: never merged, or merged by an earlier `advance`
 * whose push of the target was lost (its merge commit is not in this checkout's history).
 */
async function notOnTarget(git: Git, state: WorkflowState, plan: Plan): Promise<string[]> {
  const out: string[] = [];
  for (const story of plan.stories) {
    if (statusOf(state, story.id) !== "complete") continue;
    const merged = own(state.runs, story.id)?.merged;
    if (merged && (await git.revParse(`${merged}^{commit}`)) !== null && (await git.isAncestor(merged, "HEAD"))) continue;
    out.push(story.id);
  }
  return out;
}

/** A push refused because the remote branch moved on (someone pushed to it during the wave). */
const TARGET_MOVED = /\[rejected\]|\(fetch first\)|non-fast-forward/;

/**
 * Pushes the integrated target. When someone pushed to it meanwhile (a commit on the pull request
 * during the wave), their commits are fetched and merged, and the push is tried again.
 */
async function pushTarget(git: Git, remote: string, target: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const r = await git.run(["push", remote, `HEAD:refs/heads/${target}`], { allowFail: true, env: { LC_ALL: "C" } });
    if (r.code === 0) return;
    if (!TARGET_MOVED.test(r.stderr)) throw new Error(`git push ${remote} ${target} failed: ${r.stderr.trim()}`);
    if (attempt === TARGET_PUSH_ATTEMPTS) throw new Error(`${target} kept moving: the push was rejected ${attempt} times`);
    const tracking = `refs/remotes/${remote}/${target}`;
    await git.fetch(remote, [`+refs/heads/${target}:${tracking}`]);
    const merged = await git.merge(tracking, `tdd-waves: merge ${target} (updated during the wave)`);
    if (!merged.ok) throw new Error(`${target} changed during the wave and merging it conflicts in ${merged.conflicts.join(", ") || "some files"}`);
  }
}
