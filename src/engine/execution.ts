// Starting or resuming an execution (shared by `tdd-waves run` and the action's `plan` step): create the
// state or check it still belongs to this plan, take the one-execution-at-a-time lock, and requeue the
// stories an interrupted execution left in progress.
import type { Plan } from "../core/plan/model.js";
import { createHash } from "node:crypto";
import { readStoryFile } from "../core/story/story-file.js";
import { adoptCompleted, createState, derive, requeueInProgress, retryStories, type ExecutionLock, type Transition, type WorkflowState } from "../core/state/state.js";
import { dependentsOf } from "../core/state/progression.js";
import { restartedState } from "../core/retries/restart.js";
import { PathEscapeError, type Ports } from "./ports.js";

export interface PlanSource {
  plan: Plan;
  waves: string[][];
  /** Relative to the repository root. */
  path: string;
  digest: string;
}

/** The user asked for something that cannot be done as asked; nothing was changed. Exit code 2. */
export class RefusedError extends Error {}

export interface StartOptions {
  source: PlanSource;
  target: string;
  restart: boolean;
  /** Failed or blocked stories to run again, with those they blocked (`tdd-waves retry`, under the lock). */
  retry?: string[];
  lock: ExecutionLock;
  /** Whether the holder of an existing lock is still alive (a local pid, a running workflow). */
  lockAlive: (lock: ExecutionLock) => boolean;
  /** A checkout of the target branch: its story files tell which stories are complete already. */
  targetDir: string;
}

function describeLock(l: ExecutionLock): string {
  return l.kind === "local" ? `process ${l.pid} on ${l.host}, since ${l.since}` : `workflow run ${l.id}, since ${l.since}`;
}

/** Refusals that do not depend on the lock: a changed plan, another target branch. */
export function checkResumable(state: WorkflowState, source: PlanSource, target: string): void {
  // A plan whose only change is its budget resumes: raising the budget is how a stopped execution continues.
  if (state.plan.digest !== source.digest && state.plan.digestWithoutBudget !== digestWithoutBudget(source.plan)) {
    throw new RefusedError(
      `${source.path}: the plan changed since its execution started (recorded ${state.plan.digest.slice(0, 19)}…, now ${source.digest.slice(0, 19)}…). ` +
        `Restore the plan to resume it, or run with --restart to go on under the changed plan (stories ✅ Complete on the target are kept with their record; the others run again).`,
    );
  }
  if (state.target !== target) {
    throw new RefusedError(
      `${source.path}: the execution of plan "${state.plan.name}" targets branch "${state.target}", not "${target}". ` +
        `Check out "${state.target}" to resume it, or run with --restart to execute the plan on this branch instead.`,
    );
  }
}

const acquire =
  (lock: ExecutionLock, judgedDead: string | undefined, now: string): Transition =>
  (state) => {
    if (state.lock && state.lock.id !== lock.id && state.lock.id !== judgedDead) {
      throw new RefusedError(`plan "${state.plan.name}" is already being executed (${describeLock(state.lock)}); a second execution is refused`);
    }
    return derive({ ...state, lock, lastUpdate: now, status: state.status === "error" ? "executing" : state.status });
  };

/** Creates or resumes the execution's state, holding the lock. Returns the state to run from. */
export async function startExecution(ports: Ports, opts: StartOptions): Promise<WorkflowState> {
  const { source, target } = opts;
  const now = ports.now();
  const created = createState({ plan: source.plan, planPath: source.path, digest: source.digest, target, waves: source.waves, now });
  const planRecord = { ...created.plan, digest: source.digest, digestWithoutBudget: digestWithoutBudget(source.plan) };
  const fresh = { ...created, plan: planRecord };
  const current = await ports.store.read();
  if (current && !opts.restart) checkResumable(current, source, target);
  const held = current?.lock;
  const judgedDead = held && held.id !== opts.lock.id && !opts.lockAlive(held) ? held.id : undefined;
  if (current && held && held.id !== opts.lock.id && !judgedDead) {
    throw new RefusedError(`plan "${current.plan.name}" is already being executed (${describeLock(held)}); a second execution is refused`);
  }
  if (!current) await ports.store.init(fresh, "start execution");
  const done = await completeOnTarget(ports, source.plan, opts.targetDir);
  const head = (await ports.repository(opts.targetDir).revParse("HEAD")) ?? "";
  const retry: Transition = opts.retry ? retryStories(opts.retry, dependentsOf(source.plan), now) : (state) => state;
  const begin: Transition = (state) =>
    adoptCompleted(done, head, now)(
      requeueInProgress(now)(
        retry(acquire(opts.lock, judgedDead, now)(opts.restart ? restartedState(fresh, state, now) : { ...state, plan: { ...state.plan, ...planRecord } })),
      ),
    );
  return ports.store.update(begin, opts.restart ? "restart execution" : current ? "resume execution" : "take the execution lock");
}

async function completeOnTarget(ports: Ports, plan: Plan, dir: string): Promise<string[]> {
  const done: string[] = [];
  for (const story of plan.stories) {
    // A story file leading out of the checkout (refused at plan time, or made since) says nothing here.
    const text = await ports.files.read(dir, story.file).catch((e: unknown) => {
      if (e instanceof PathEscapeError) return null;
      throw e;
    });
    if (text !== null && readStoryFile(text).status === "complete") done.push(story.id);
  }
  return done;
}

/** The plan's meaning without its budget (the resolved plan, not the file's bytes: comments and layout do not count). */
export function digestWithoutBudget(plan: Plan): string {
  const { budget: _budget, ...rest } = plan;
  return `sha256:${createHash("sha256").update(JSON.stringify(rest)).digest("hex")}`;
}

export const releaseLock =
  (lockId: string, now: string): Transition =>
  (state) => {
    if (state.lock?.id !== lockId) return state;
    const { lock: _l, ...rest } = state;
    return { ...rest, lastUpdate: now };
  };
