// The execution state (SPEC §4) kept as `<plan>/workflow-state.json` on a git branch, written as commits
// made with plumbing (never the working tree or the index) and published by compare-and-swap: a lost
// race is re-read, re-applied and retried, so concurrent writers never lose an update.
import { DEFAULTS } from "../core/plan/model.js";
import type { Transition, WorkflowState } from "../core/state/state.js";
import { repositoryWriters, type RepositoryWriters } from "./git-direct.js";
import type { ObjectWriter } from "./git-objects.js";
import type { RefStore } from "./git-refs.js";
import { GitError, type Git, type TreeEntry } from "./git.js";

export interface StateStore {
  /** Branch holding the state, e.g. `tdd-waves/state`. */
  readonly branch: string;
  /** Path of the state file on that branch, e.g. `jwt-auth/workflow-state.json`. */
  readonly file: string;
  /** The current state, or null when there is none yet. */
  read(): Promise<WorkflowState | null>;
  /** Writes `state` only if there is no state yet; otherwise returns the existing one untouched. */
  init(state: WorkflowState, message: string): Promise<{ created: boolean; state: WorkflowState }>;
  /** Applies `transition` to the current state atomically; fails when there is no state. */
  update(transition: Transition, message: string): Promise<WorkflowState>;
}

export interface RetryOptions {
  /** Attempts before giving up (default 50). */
  attempts?: number;
  /** Least backoff window in ms (default 10); the window is one attempt's duration, doubled per lost race. */
  baseDelayMs?: number;
  /** Most backoff window in ms (default 1000, or two attempts' duration when that is longer). */
  maxDelayMs?: number;
}

export interface StateStoreOptions {
  git: Git;
  planName: string;
  /** Default `tdd-waves/state`. */
  branch?: string;
  /** Set: the branch lives on this remote (e.g. `origin`); unset: in the repository itself. */
  remote?: string;
  retry?: RetryOptions;
}

export class StateStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StateStoreError";
  }
}

const PLAN_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const STATE_FILE = "workflow-state.json";

/** Rejections of a push that mean "someone else wrote first": re-read and try again. */
export function isPushRace(stderr: string): boolean {
  return /\[rejected\]|fetch first|non-fast-forward|failed to update ref|cannot lock ref|stale info|incorrect old value|but expected/i.test(stderr);
}

/** Where the branch tip is read from and how a new tip is published (compare-and-swap). */
interface Backend {
  tip(): Promise<string | null>;
  /** False when the branch moved away from `old` (lost race). */
  publish(sha: string, old: string | null, message: string): Promise<boolean>;
}

/** An attempt whose compare-and-swap found the branch moved. */
const LOST = Symbol("lost race");

/** Thrown inside an attempt when it lost a race that is not a failed publish (a locked ref on fetch). */
class LostRace extends Error {}

function localBackend(refs: RefStore, branch: string): Backend {
  const ref = `refs/heads/${branch}`;
  return {
    tip: () => refs.read(ref),
    publish: (sha, old, message) => refs.compareAndSwap(ref, sha, old, message),
  };
}

function remoteBackend(git: Git, remote: string, branch: string): Backend {
  // A private ref keeps the fetched tip's objects alive without touching the user's remote-tracking refs.
  const mirror = `refs/tdd-waves/remote-state/${branch}`;
  return {
    async tip() {
      try {
        await git.fetch(remote, [`+refs/heads/${branch}:${mirror}`]);
      } catch (e) {
        if (!(e instanceof GitError)) throw e;
        if (/couldn't find remote ref/i.test(e.stderr)) {
          await git.run(["update-ref", "-d", mirror], { allowFail: true });
          return null;
        }
        if (/cannot lock ref/i.test(e.stderr)) throw new LostRace();
        throw e;
      }
      return git.revParse(`${mirror}^{commit}`);
    },
    async publish(sha) {
      try {
        await git.push(remote, [`${sha}:refs/heads/${branch}`]);
      } catch (e) {
        if (e instanceof GitError && isPushRace(e.stderr)) return false;
        throw e;
      }
      await git.run(["update-ref", mirror, sha], { allowFail: true });
      return true;
    },
  };
}

/**
 * Trees listed or built by this store. Git objects never change, so a listing cached by object id stays
 * true forever; it spares an `ls-tree` per level on every write.
 */
class TreeCache {
  private readonly entries = new Map<string, TreeEntry[]>();
  constructor(
    private readonly git: Git,
    private readonly objects: ObjectWriter,
  ) {}

  async list(treeish: string): Promise<TreeEntry[]> {
    const known = this.entries.get(treeish);
    if (known) return known;
    const listed = await this.git.lsTree(treeish);
    this.entries.set(treeish, listed);
    return listed;
  }

  async make(entries: TreeEntry[]): Promise<string> {
    const sha = await this.objects.writeTree(entries);
    this.entries.set(sha, entries);
    return sha;
  }

  remember(commit: string, tree: string): void {
    const entries = this.entries.get(tree);
    if (entries) this.entries.set(commit, entries);
  }
}

/** `tree` with the blob at `path` replaced (or added), every other entry kept; returns the new tree. */
async function replaceInTree(trees: TreeCache, tree: string | null, path: string[], blob: string): Promise<string> {
  const [name, ...rest] = path;
  if (name === undefined) throw new Error("empty path");
  const entries = tree ? await trees.list(tree) : [];
  const existing = entries.find((e) => e.name === name);
  const entry: TreeEntry =
    rest.length === 0
      ? { mode: "100644", type: "blob", sha: blob, name }
      : { mode: "040000", type: "tree", sha: await replaceInTree(trees, existing?.type === "tree" ? existing.sha : null, rest, blob), name };
  return trees.make([...entries.filter((e) => e.name !== name), entry]);
}

function serialize(state: WorkflowState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}

function parseState(text: string, where: string): WorkflowState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new StateStoreError(`${where}: not valid JSON (${(e as Error).message})`);
  }
  const v = value as Partial<WorkflowState> | null;
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new StateStoreError(`${where}: not a JSON object`);
  if (v.version !== 1) throw new StateStoreError(`${where}: version: expected 1, found ${JSON.stringify(v.version)}`);
  if (typeof v.plan?.name !== "string") throw new StateStoreError(`${where}: plan.name: missing`);
  return v as WorkflowState;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What one write decides from the current state: a state to write, or a result without writing. */
type Decision = { write: WorkflowState } | { keep: WorkflowState };

/** A write waiting for its turn; writes that wait together are published as one commit. */
interface PendingWrite {
  decide: (current: WorkflowState | null) => Decision;
  message: string;
  resolve: (state: WorkflowState) => void;
  reject: (error: unknown) => void;
}

/** The commit message of a batch: the first write's message, every message in the body. */
function batchMessage(batch: PendingWrite[]): string {
  if (batch.length === 1) return batch[0]!.message;
  return `${batch[0]!.message} (+${batch.length - 1} more)\n\n${batch.map((w) => w.message).join("\n")}`;
}

interface Io {
  objects: ObjectWriter;
  backend: Backend;
  trees: TreeCache;
}

class GitStateStore implements StateStore {
  readonly file: string;
  private readonly where: string;
  private io: Promise<Io> | undefined;
  /** Writes not yet started; one writer at a time takes them all (racing ourselves would only lose compare-and-swaps). */
  private pending: PendingWrite[] = [];
  private writing = false;
  /** The tip this store last read or wrote, and the state there: the base of the next optimistic write. */
  private last: { tip: string | null; state: WorkflowState | null } | undefined;

  constructor(
    private readonly git: Git,
    readonly branch: string,
    private readonly backend: (writers: RepositoryWriters) => Backend,
    private readonly retry: Required<RetryOptions>,
    planName: string,
    remote: string | undefined,
  ) {
    this.file = `${planName}/${STATE_FILE}`;
    this.where = `${remote ? `${remote}/` : ""}${branch}:${this.file}`;
  }

  private setup(): Promise<Io> {
    this.io ??= repositoryWriters(this.git).then(
      (writers) => ({ objects: writers.objects, backend: this.backend(writers), trees: new TreeCache(this.git, writers.objects) }),
      (e: unknown) => {
        this.io = undefined;
        throw e;
      },
    );
    return this.io;
  }

  async read(): Promise<WorkflowState | null> {
    const io = await this.setup();
    return this.withRetry(async () => (await this.current(io)).state);
  }

  async init(state: WorkflowState, message: string): Promise<{ created: boolean; state: WorkflowState }> {
    let created = false;
    const result = await this.cas(message, (current) => {
      created = current === null;
      return current === null ? { write: state } : { keep: current };
    });
    return { created, state: result };
  }

  async update(transition: Transition, message: string): Promise<WorkflowState> {
    return this.cas(message, (current) => {
      if (current === null) throw new StateStoreError(`${this.where}: no state to update (the execution was never started)`);
      return { write: transition(current) };
    });
  }

  private async current(io: Io): Promise<{ tip: string | null; state: WorkflowState | null }> {
    const tip = await io.backend.tip();
    // The tip names the state exactly: when it is the one this store last saw, so is the state.
    if (this.last && this.last.tip === tip) return this.last;
    const text = tip ? await this.git.showFile(tip, this.file) : null;
    const current = { tip, state: text === null ? null : parseState(text, this.where) };
    this.last = current;
    return current;
  }

  private cas(message: string, decide: (current: WorkflowState | null) => Decision): Promise<WorkflowState> {
    return new Promise((resolve, reject) => {
      this.pending.push({ decide, message, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  /** Publishes the pending writes, all those waiting at each turn as one commit. */
  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0);
        try {
          await this.write(batch);
        } catch (e) {
          for (const w of batch) w.reject(e);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  /**
   * Decide, write on top of the base, publish with compare-and-swap. The first try builds on the tip this
   * store saw last, without reading (usually nobody else wrote meanwhile); when that base turns out stale
   * it re-reads at once, and a race lost on a fresh read backs off and retries.
   */
  private async write(batch: PendingWrite[]): Promise<void> {
    const io = await this.setup();
    const base = this.last;
    // A transition may refuse what it sees; on the optimistic base it gets to see the fresh state before that counts.
    if (base && (await this.attempt(io, base, batch, false)) !== LOST) return;
    await this.withRetry(async () => {
      if ((await this.attempt(io, await this.current(io), batch, true)) === LOST) throw new LostRace();
    });
  }

  /** Applies the batch to `base` and publishes the result; settles every write unless the race was lost. */
  private async attempt(
    io: Io,
    { tip, state }: { tip: string | null; state: WorkflowState | null },
    batch: PendingWrite[],
    fresh: boolean,
  ): Promise<void | typeof LOST> {
    let next = state;
    const refused = new Map<PendingWrite, unknown>();
    for (const w of batch) {
      try {
        const decision = w.decide(next);
        next = "keep" in decision ? decision.keep : decision.write;
      } catch (e) {
        if (!fresh) return LOST;
        refused.set(w, e);
      }
    }
    const settle = (written: WorkflowState) => {
      for (const w of batch) {
        const error = refused.get(w);
        if (refused.has(w)) w.reject(error);
        else w.resolve(written);
      }
    };
    const text = next === null ? null : serialize(next);
    if (next === null || (state !== null && text === serialize(state))) {
      // Nothing to write: every write kept (or refused) what is there.
      if (next !== null) settle(next);
      else for (const w of batch) w.reject(refused.get(w));
      return;
    }
    const tree = await replaceInTree(io.trees, tip, this.file.split("/"), await io.objects.writeBlob(text!));
    const message = batchMessage(batch.filter((w) => !refused.has(w)));
    const commit = await io.objects.writeCommit(tree, tip ? [tip] : [], message);
    io.trees.remember(commit, tree);
    if (!(await io.backend.publish(commit, tip, message))) {
      this.last = undefined;
      return LOST;
    }
    const written = JSON.parse(text!) as WorkflowState;
    this.last = { tip: commit, state: written };
    settle(written);
  }

  private async withRetry<T>(attempt: () => Promise<T>): Promise<T> {
    for (let i = 0; i < this.retry.attempts; i++) {
      const started = Date.now();
      try {
        return await attempt();
      } catch (e) {
        if (!(e instanceof LostRace)) throw e;
      }
      // Full jitter over a window that grows from one attempt's duration, so that writers that collided
      // spread out instead of colliding again in lockstep. The ceiling stays short (a slow remote gets
      // at least two attempts' worth): long sleeps cost more than the cheap attempts they would save.
      const unit = Math.max(this.retry.baseDelayMs, Date.now() - started);
      const ceiling = Math.min(Math.max(this.retry.maxDelayMs, 2 * unit), unit * 2 ** i);
      await sleep(Math.random() * ceiling);
    }
    throw new StateStoreError(`${this.where}: gave up after ${this.retry.attempts} attempts: other writers kept updating the state branch`);
  }
}

export function createStateStore(opts: StateStoreOptions): StateStore {
  if (!PLAN_NAME.test(opts.planName)) throw new StateStoreError(`invalid plan name for the state branch: "${opts.planName}"`);
  const branch = opts.branch ?? DEFAULTS.stateBranch;
  if (branch === "" || branch.startsWith("-") || /[\s~^:?*[\\]|\.\.|@\{/.test(branch)) {
    throw new StateStoreError(`invalid state branch name: "${branch}"`);
  }
  // Git cannot hold both a branch `a/b` and branches `a/b/…`: story branches live under tdd-waves/<plan>/.
  const storyPrefix = `tdd-waves/${opts.planName}`;
  if (branch === storyPrefix || branch.startsWith(`${storyPrefix}/`) || storyPrefix.startsWith(`${branch}/`)) {
    throw new StateStoreError(
      `plan "${opts.planName}": its story branches (${storyPrefix}/<story>) would clash with the state branch "${branch}"; rename the plan or choose another state branch`,
    );
  }
  const retry = {
    attempts: opts.retry?.attempts ?? 50,
    baseDelayMs: opts.retry?.baseDelayMs ?? 10,
    maxDelayMs: opts.retry?.maxDelayMs ?? 1000,
  };
  const remote = opts.remote;
  const backend = (writers: RepositoryWriters) => (remote ? remoteBackend(opts.git, remote, branch) : localBackend(writers.refs, branch));
  return new GitStateStore(opts.git, branch, backend, retry, opts.planName, remote);
}
