// `tdd-waves run`: the whole execution on one machine — each running story in its own git worktree, a
// worker pool of at most maxParallel, integration into the checked-out branch, by waves (barrier) or as a DAG.
import { hostname } from "node:os";
import { join } from "node:path";
import { storyBranch, type Plan, type Story } from "../core/plan/model.js";
import { dependenciesIntegrated, mergeableNow, mergeUnlocks, unmergedCompleted, verifying } from "../core/state/progression.js";
import { blockStuck } from "./blocking.js";
import { recordError, startStory, startWave, statusOf, type WorkflowState } from "../core/state/state.js";
import { integrateStories, mergeStories, recordOutcomesOnTarget, retestMerged, type IntegrationTarget, type TestCopy } from "./integrate.js";
import { runPool } from "./pool.js";
import type { Ports } from "./ports.js";
import { Interrupted, type StoryJob } from "./story-context.js";
import { completeInWorkingCopy, failInWorkingCopy, guarded, type PhaseResult } from "./story-phases.js";
import { runAttempts, type AttemptsOutcome } from "./attempts.js";
import { testsCommitted } from "../core/retries/attempts.js";
import { RefusedError, releaseLock, startExecution, type PlanSource } from "./execution.js";
import { refuseForeignStoryBranches } from "./story-branches.js";
import { SetupSeeds } from "./setup-seeds.js";
import { WorktreeSlots } from "./worktree-slots.js";
import { BudgetReached } from "./agent-usage.js";
import { clearStop, executionBudgetReached, recordStop } from "../core/agents/budget.js";
import { own } from "../core/own.js";
import { prepareWorkingCopy, setupBrokenIn, setupFingerprint, setupPhase, type Prepared } from "./setup-phase.js";

export interface LocalRunOptions {
  source: PlanSource;
  repoDir: string;
  maxParallel?: number;
  schedule: "waves" | "dag";
  restart: boolean;
  /** `tdd-waves retry`: these failed or blocked stories, and those they blocked, run again (a new set of attempts). */
  retry?: string[];
  signal?: AbortSignal;
  /** Where logs (and, when given, worktrees) go; default: logs in `<git common dir>/tdd-waves`, worktrees outside the repository (Preparation.workingCopiesRoot). */
  workDir?: string;
}

interface Run {
  ports: Ports;
  plan: Plan;
  opts: LocalRunOptions;
  target: string;
  work: string;
  limit: number;
  integration: IntegrationTarget;
  /** Serialises everything that touches the target branch's working tree. */
  targetLock: Mutex;
  worktrees: WorktreeSlots;
  /** Setup shared between working copies, when the plan's kept paths are relocatable. */
  seeds?: SetupSeeds;
  /** dag: whether these stories are ahead of the wave front now (their commands then run in the background). */
  ahead?: (storyIds: string[]) => Promise<boolean>;
}

class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(f: () => Promise<T>): Promise<T> {
    const next = this.tail.then(f, f);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

function pidAlive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function runLocal(ports: Ports, opts: LocalRunOptions): Promise<WorkflowState> {
  const git = ports.repository(opts.repoDir);
  const target = await git.currentBranch();
  if (!target) throw new RefusedError("HEAD is detached: check out the branch the stories should be merged into");
  // A merge a killed tdd-waves left half done is cleared once the lock is held (below); anyone else's is theirs to finish.
  const merging = await ports.integration(opts.repoDir).unfinishedMerge();
  if (merging === "foreign") {
    throw new RefusedError(`a merge is in progress in ${opts.repoDir} (MERGE_HEAD exists): conclude it (git commit) or abort it (git merge --abort) first`);
  }
  const dirty = "the working tree has uncommitted changes to tracked files: commit or stash them first (untracked files are fine)";
  if (merging === "none" && (await git.hasTrackedChanges())) throw new RefusedError(dirty);
  await refuseForeignStoryBranches(git, opts.source.plan, target, await ports.store.read());
  const lock = { kind: "local" as const, id: `local:${hostname()}:${process.pid}`, host: hostname(), pid: process.pid, since: ports.now() };
  await startExecution(ports, {
    source: opts.source,
    target,
    restart: opts.restart,
    ...(opts.retry ? { retry: opts.retry } : {}),
    lock,
    lockAlive: (l) => l.kind === "local" && (l.host !== hostname() || pidAlive(l.pid)),
    targetDir: opts.repoDir,
  });
  const commonDir = await git.commonDir();
  const work = opts.workDir ?? join(commonDir, "tdd-waves");
  // Logs stay in the repository's git directory: a link an agent puts on their way is refused.
  const logRoot = opts.workDir ?? commonDir;
  // Working copies live outside the repository's tree: Node's module lookup climbs up from a working copy,
  // and the project's own test runner collects whatever lies under the repository.
  const copies = opts.workDir ? join(work, "worktrees") : await ports.preparation.workingCopiesRoot(opts.repoDir);
  const run: Run = {
    ports,
    plan: opts.source.plan,
    opts,
    target,
    work,
    limit: Math.max(1, Math.min(opts.maxParallel ?? opts.source.plan.maxParallel, opts.source.plan.maxParallel)),
    integration: { dir: opts.repoDir, branchRef: (id) => `refs/heads/${storyBranch(opts.source.plan.name, id)}`, logDir: join(work, "logs", opts.source.plan.name), logRoot },
    targetLock: new Mutex(),
    worktrees: new WorktreeSlots(git, ports.workingCopy, join(copies, opts.source.plan.name)),
  };
  const setup = opts.source.plan.setup;
  if (setup?.relocatable) run.seeds = new SetupSeeds(ports.preparation, join(copies, opts.source.plan.name, "seeds"), setup.reuse);
  run.integration.testCopy = opts.source.plan.setup ? () => preparedTestCopy(run) : undefined;
  try {
    if ((await ports.store.read())?.stopped) await ports.store.update(clearStop(ports.now()), "resume after a stop");
    if (merging === "ours") {
      await ports.integration(opts.repoDir).abortMerge();
      if (await git.hasTrackedChanges()) throw new RefusedError(dirty);
    }
    // Versions before working copies moved out of the repository kept them in the git directory.
    await run.worktrees.clear(opts.workDir ? [] : [join(work, "worktrees", run.plan.name)]);
    await run.seeds?.clear();
    // An execution killed between verify and merge left completed stories unmerged: merge them first.
    const stranded = unmergedCompleted((await ports.store.read())!, run.plan);
    if (stranded.length > 0) await integrateStories(ports, run.plan, run.integration, stranded);
    if (opts.schedule === "dag") await runDag(run);
    else await runWaves(run);
  } catch (e) {
    // The budget is used up: the execution stops as planned, the stories left stay pending (state.stopped says why).
    if (e instanceof BudgetReached) await ports.store.update(recordStop(e.message, ports.now()), "budget reached");
    else if (!(e instanceof Interrupted) && !(e instanceof RefusedError)) await ports.store.update(recordError(e instanceof Error ? e.message : String(e), ports.now(), true), "execution error");
    if (!(e instanceof BudgetReached)) throw e;
  } finally {
    // Interrupted, agents may still be winding down in them: the next run clears them.
    if (!opts.signal?.aborted) {
      await run.seeds?.clear().catch(() => undefined);
      await run.worktrees.removeAll().catch(() => undefined);
    }
    await ports.store.update(releaseLock(lock.id, ports.now()), "release lock");
  }
  return (await ports.store.read())!;
}

async function runWaves(run: Run): Promise<void> {
  const { ports, plan } = run;
  const waves = (await ports.store.read())!.waves;
  for (let w = 1; w <= waves.length; w++) {
    const ids = waves[w - 1]!;
    let state = await ports.store.update(startWave(w, ports.now()), `wave ${w}`);
    // The wave's header first: the ⛔ lines of stories it blocks belong under it.
    ports.progress({ type: "wave", wave: w, stories: ids });
    state = await blockStuck(ports, plan, state, ids);
    const open = plan.stories.filter((s) => ids.includes(s.id) && statusOf(state, s.id) === "pending");
    // Stories are merged while the wave still runs, as soon as every story before them (plan order) is
    // done: only the merges behind the wave's last story stay on its critical path.
    const merged: Story[] = [];
    const mergeDone = () =>
      run.targetLock.run(async () => {
        merged.push(...(await mergeStories(ports, plan, run.integration, mergeableNow((await ports.store.read())!, plan, ids))));
      });
    // A used-up budget stops new stories; the ones that finished are still merged before the execution stops.
    let budget: BudgetReached | undefined;
    // The wave is finished when its rebuilds are: stories that conflicted or fail on the merged result are
    // built again on the integrated target (once each), then merged and checked like the others.
    let stories = open;
    do {
      await runPool(
        stories,
        run.limit,
        async (s) => {
          await runStory(run, s, w);
          await mergeDone();
        },
        run.opts.signal,
      ).catch((e: unknown) => {
        if (!(e instanceof BudgetReached)) throw e;
        budget = e;
      });
      await mergeDone();
      await run.targetLock.run(async () => {
        const checked = merged.splice(0);
        if (checked.length > 0) ports.progress({ type: "stage", wave: w, what: `post-merge tests of ${checked.length} ${checked.length === 1 ? "story" : "stories"} on the target` });
        await retestMerged(ports, plan, run.integration, checked);
        ports.progress({ type: "stage", wave: w, what: null });
      });
      const now = (await ports.store.read())!;
      stories = budget ? [] : plan.stories.filter((s) => ids.includes(s.id) && statusOf(now, s.id) === "pending" && own(now.runs, s.id)?.rebuild);
    } while (stories.length > 0);
    await run.targetLock.run(() => recordOutcomesOnTarget(ports, plan, run.integration, ids));
    if (budget) throw budget;
    const broken = setupBrokenIn((await ports.store.read())!, w);
    if (broken) throw broken;
  }
}

async function runDag(run: Run): Promise<void> {
  const { ports, plan } = run;
  const waves = (await ports.store.read())!.waves;
  const waveOf = (id: string) => waves.findIndex((w) => w.includes(id)) + 1;
  const running = new Map<string, Promise<void>>();
  // Finished stories not merged yet: they wait until a pending story needs them, or nothing else runs.
  const waiting = new Set<string>();
  // Batches merged whose tests on the merged result still run: the stories that depend on them wait.
  const underTest = new Set<string>();
  const checking = new Set<Promise<void>>();
  runAheadInBackground(run, waveOf, (id) => waiting.has(id) || underTest.has(id));
  let failure: unknown;
  const fail = (e: unknown) => {
    failure ??= e;
  };
  // A batch that could be merged waits for the stories verifying when it could first: they end within a test
  // run's time, and one batch costs one round of tests on the merged result (with its working copy), not two.
  // Only those: stories that start verifying meanwhile do not hold it up again.
  let holdFor: string[] | undefined;
  // Wakes the loop when a story's phase changes: a story held for whose verify failed goes on with its next attempt.
  const phases = watchPhases(run);
  for (;;) {
    // Taken before the state is read: a phase that changes while it is read still wakes the loop.
    const changed = phases.next();
    const state = await blockStuck(ports, plan, (await ports.store.read())!, plan.stories.map((s) => s.id));
    const unstarted = plan.stories.filter((s) => statusOf(state, s.id) === "pending" && !running.has(s.id));
    // Earlier waves first, as `waves` would start them.
    const ready = unstarted
      .filter((s) => dependenciesIntegrated(state, s) && !s.dependsOn.some((d) => underTest.has(d)))
      .sort((a, b) => waveOf(a.id) - waveOf(b.id));
    for (const story of ready) {
      if (failure !== undefined || run.opts.signal?.aborted || running.size >= run.limit) break;
      // A slot stays free for every story of an earlier wave not started yet: a story started ahead may run
      // long, and one `waves` would have started first must never wait for it.
      const before = unstarted.filter((s) => !running.has(s.id) && s.id !== story.id && waveOf(s.id) < waveOf(story.id)).length;
      if (running.size + before >= run.limit) continue;
      const task = runStory(run, story, waveOf(story.id))
        // Only a completed story is merged: a failed one's work stays on its branch (its story file reaches the
        // target with the next batch's record of outcomes, or at the end). Setup that failed every story of a
        // wave the same way stops the execution.
        .then(async (completed) => {
          if (completed) waiting.add(story.id);
          else stopIfSetupBroken((await ports.store.read())!, [story.id], waveOf);
        })
        .catch(fail)
        .finally(() => running.delete(story.id));
      running.set(story.id, task);
    }
    // Interrupted: what completed stays unmerged, and the next run merges it before anything else.
    const stopping = run.opts.signal?.aborted === true;
    // With a working copy of their own for the tests (setup), a batch is merged while the one before it is
    // still being tested; without one the tests run in the checkout itself, one batch at a time.
    const free = run.integration.testCopy !== undefined || checking.size === 0;
    const unlocks = waiting.size > 0 && mergeUnlocks(state, plan, waiting);
    if (unlocks) holdFor ??= [...running.keys()].filter((id) => !waiting.has(id) && verifying(state, id));
    const held = unlocks && holdFor!.some((id) => running.has(id) && verifying(state, id));
    if (free && !stopping && waiting.size > 0 && (running.size === 0 || failure !== undefined || (unlocks && !held))) {
      const batch = [...waiting];
      waiting.clear();
      holdFor = undefined;
      for (const id of batch) underTest.add(id);
      const check: Promise<void> = checkBatch(run, batch, waveOf)
        .catch(fail)
        .finally(() => {
          for (const id of batch) underTest.delete(id);
          checking.delete(check);
        });
      checking.add(check);
    }
    if (running.size === 0 && checking.size === 0 && (waiting.size === 0 || stopping)) break;
    await Promise.race([...running.values(), ...checking, ...(held ? [changed] : [])]);
  }
  if (failure !== undefined) throw failure;
  if (run.opts.signal?.aborted) throw new Interrupted();
  // Stories blocked after the last integration still need their story file on the target.
  await run.targetLock.run(() => recordOutcomesOnTarget(ports, plan, run.integration, plan.stories.map((s) => s.id)));
}

/**
 * dag: what runs ahead of the wave front runs at a lower CPU priority, so starting it early never slows down
 * what `waves` would have done first. `finished(id)`: done, but not merged and tested yet.
 */
function runAheadInBackground(run: Run, waveOf: (id: string) => number, finished: (id: string) => boolean): void {
  const { ports, plan } = run;
  const done = (state: WorkflowState, id: string) => ["complete", "failed", "blocked"].includes(statusOf(state, id));
  // A story of a later wave than the earliest one still open is ahead of the front.
  run.ahead = async (ids) => {
    const state = (await ports.store.read())!;
    const front = Math.min(...plan.stories.filter((s) => finished(s.id) || !done(state, s.id)).map((s) => waveOf(s.id)));
    return Math.min(...ids.map(waveOf)) > front;
  };
  // A batch's tests on the merged result are ahead while a story of the batch's earliest wave (or before) is
  // still pending or running: `waves` would test the batch with that wave's last stories.
  run.integration.background = async (ids) => {
    const state = (await ports.store.read())!;
    const earliest = Math.min(...ids.map(waveOf));
    return plan.stories.some((s) => !ids.includes(s.id) && !finished(s.id) && !done(state, s.id) && waveOf(s.id) <= earliest);
  };
}

/** The run's progress port, watched: `next()` resolves when a story next starts a phase. */
function watchPhases(run: Run): { next: () => Promise<void> } {
  let changed!: () => void;
  let next = new Promise<void>((r) => (changed = r));
  const progress = run.ports.progress;
  run.ports = {
    ...run.ports,
    progress: (e) => {
      progress(e);
      if (e.type !== "phase") return;
      changed();
      next = new Promise<void>((r) => (changed = r));
    },
  };
  return { next: () => next };
}

/**
 * dag: one batch, merged under the target lock, then tested on that merged result. With setup the tests run
 * in a working copy made at the batch's own tip, outside the lock, so the next batch can be merged meanwhile
 * (a failure after integration never takes a merge back, so the target is the same either way).
 */
async function checkBatch(run: Run, batch: string[], waveOf: (id: string) => number): Promise<void> {
  const { ports, plan } = run;
  const all = plan.stories.map((s) => s.id);
  const testCopy = run.integration.testCopy;
  if (!testCopy) {
    await run.targetLock.run(async () => {
      await integrateStories(ports, plan, run.integration, batch);
      await recordOutcomesOnTarget(ports, plan, run.integration, all);
    });
  } else {
    const { merged, copy } = await run.targetLock.run(async () => {
      const merged = await mergeStories(ports, plan, run.integration, batch);
      return { merged, copy: merged.length > 0 ? await testCopy() : undefined };
    });
    if (copy) await retestMerged(ports, plan, { ...run.integration, testCopy: () => Promise.resolve(copy) }, merged);
    await run.targetLock.run(() => recordOutcomesOnTarget(ports, plan, run.integration, all));
  }
  stopIfSetupBroken((await ports.store.read())!, batch, waveOf);
}

/** Throws SetupBroken when setup failed every story of one of these stories' waves the same way. */
function stopIfSetupBroken(state: WorkflowState, ids: string[], waveOf: (id: string) => number): void {
  for (const w of new Set(ids.map(waveOf))) {
    const broken = setupBrokenIn(state, w);
    if (broken) throw broken;
  }
}

/** One story in its working copy, from setup to its story branch's last commit: whether it completed. */
async function runStory(run: Run, story: Story, wave: number): Promise<boolean> {
  const { ports, plan } = run;
  const spent = plan.budget && executionBudgetReached((await ports.store.read())!, plan.budget);
  if (spent) throw new BudgetReached(spent);
  const state = await ports.store.update(startStory(story.id, ports.now()), `${story.id}: start`);
  const record = own(state.runs, story.id)!;
  // No lock: the branch moves atomically, and any tip from now on holds every merge this story waits for.
  const tip = (await ports.repository(run.opts.repoDir).revParse(`refs/heads/${run.target}`))!;
  // An attempt continued after a stop goes on from the tests it committed; anything else starts from the target.
  const start = testsCommitted(record) && record.testerCommit ? record.testerCommit : tip;
  const dir = await run.worktrees.checkout(storyBranch(plan.name, story.id), start, plan.setup?.reuse);
  const logDirFor = (attempt: number) => join(run.work, "logs", plan.name, story.id, `attempt-${attempt}`);
  const ahead = run.ahead;
  const base = {
    plan,
    planPath: run.opts.source.path,
    story,
    wave,
    dir,
    logRoot: run.integration.logRoot,
    signal: run.opts.signal,
    ...(ahead ? { background: () => ahead([story.id]) } : {}),
  };
  let verified = false;
  try {
    // The working copy is prepared once, before the attempts (its retries work in the same one).
    const prepared = plan.setup ? await prepareStory(run, { ...base, attempt: record.attempt, logDir: logDirFor(record.attempt) }, start) : { ok: true as const };
    const outcome: AttemptsOutcome = prepared.ok ? await runAttempts(ports, base, { fresh: true, logDirFor }) : { kind: "failed", result: prepared };
    const attempt = own((await ports.store.read())!.runs, story.id)!.attempt;
    const job: StoryJob = { ...base, attempt, logDir: logDirFor(attempt) };
    verified = outcome.kind === "verified";
    if (verified) await completeInWorkingCopy(ports, job);
    else if (outcome.kind === "failed") await failInWorkingCopy(ports, job, outcome.result);
  } finally {
    // What setup made is trusted again only where the story's tests passed: an agent whose story failed may
    // have broken it (deleted a package), and the next story there would fail for it. Setup runs there again.
    if (!verified) run.worktrees.setPrepared(dir, undefined);
    if (!run.opts.signal?.aborted) await releasePrepared(run, dir);
  }
  return verified;
}

/** The story's setup phase in its working copy, skipped while the copy is prepared for what setup depends on. */
async function prepareStory(run: Run, job: StoryJob, commit: string): Promise<PhaseResult> {
  const preparedFor = run.worktrees.preparedFor(job.dir);
  const r = await guarded("setup", async () => {
    const s = await setupPhase(run.ports, job, { commit, mainDir: run.opts.repoDir, ...(preparedFor ? { preparedFor } : {}), ...(run.seeds ? { seeds: run.seeds } : {}) });
    run.worktrees.setPrepared(job.dir, s.fingerprint);
    return s.result;
  });
  if (!r.ok) run.worktrees.setPrepared(job.dir, undefined);
  return r;
}

/** Hands a working copy back, still counted as prepared only if its last commit left what setup depends on alone. */
async function releasePrepared(run: Run, dir: string): Promise<void> {
  const prepared = run.worktrees.preparedFor(dir);
  if (prepared !== undefined && (await setupFingerprint(run.ports, run.plan, dir, "HEAD").catch(() => undefined)) !== prepared) {
    run.worktrees.setPrepared(dir, undefined);
  }
  run.worktrees.release(dir);
}

/** A working copy at the target's tip, prepared by setup, for the tests on the merged result. */
async function preparedTestCopy(run: Run): Promise<TestCopy> {
  const { ports, plan } = run;
  const head = (await ports.repository(run.opts.repoDir).revParse("HEAD"))!;
  const dir = await run.worktrees.checkout(null, head, plan.setup?.reuse);
  const logFile = join(run.integration.logDir, "integration-setup.log");
  let r: Prepared;
  try {
    r = await prepareWorkingCopy(ports, plan, {
      dir,
      commit: head,
      mainDir: run.opts.repoDir,
      preparedFor: run.worktrees.preparedFor(dir),
      logFile,
      logRoot: run.integration.logRoot ?? run.integration.logDir,
      ...(run.opts.signal ? { signal: run.opts.signal } : {}),
      ...(run.seeds ? { seeds: run.seeds } : {}),
    });
  } catch (e) {
    run.worktrees.setPrepared(dir, undefined);
    run.worktrees.release(dir);
    throw e;
  }
  run.worktrees.setPrepared(dir, r.ok ? r.fingerprint : undefined);
  if (!r.ok) {
    run.worktrees.release(dir);
    return { ok: false, reason: `${r.reason} (log: ${logFile})` };
  }
  const how = r.skipped ? "setup skipped: nothing it depends on changed" : r.copied ? `${plan.setup!.reuse.join(", ")} copied from a prepared working copy` : "setup done";
  ports.progress({ type: "log", message: `Testing the merged result (${how})` });
  return { ok: true, dir, done: () => releasePrepared(run, dir) };
}
