// The execution state (SPEC §4) kept as `<plan>/workflow-state.json` on a git branch, written as commits
// made with plumbing (never the working tree or the index) and published by compare-and-swap: a lost
// race is re-read, re-applied and retried, so concurrent writers never lose an update. Every object and
// ref is written by git itself, through long-lived plumbing processes (git-objects.ts, git-refs.ts); every
// state read is checked against the state's schema.
import { DEFAULTS } from "../core/plan/model.js";
import { checkState } from "../core/state/schema.js";
import type { Transition, WorkflowState } from "../core/state/state.js";
import { GitObjects } from "./git-objects.js";
import { RefLockedError, RefTransactions, RefUpdateError } from "./git-refs.js";
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
  /** Ends the store's git processes now (they end with this process anyway, and start again if needed). */
  close?(): void;
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
  /** How long a ref lock held by another git process is waited for before the write fails (default 10 s). */
  lockTimeoutMs?: number;
}

export class StateStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StateStoreError";
  }
}

/** The state on the branch is not a state (not JSON, or not the shape): invalid input, exit 2. */
export class InvalidStateError extends StateStoreError {
  constructor(message: string) {
    super(message);
    this.name = "InvalidStateError";
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
  /** Whether published objects live in this repository (a remote has its own copy once pushed). */
  readonly local: boolean;
  tip(): Promise<string | null>;
  /** False when the branch moved away from `old` (lost race). */
  publish(sha: string, old: string | null, message: string): Promise<boolean>;
}

/** An attempt whose compare-and-swap found the branch moved. */
const LOST = Symbol("lost race");

/** Thrown inside an attempt when it lost a race that is not a failed publish (a locked ref on fetch). */
class LostRace extends Error {}

/** The commit a ref points at; null when the ref does not exist. */
async function commitAt(git: Git, objects: GitObjects, ref: string): Promise<string | null> {
  for (let waited = 0; ; waited += MISSING_POLL_MS) {
    const found = await objects.read(ref);
    if (found?.type === "commit") return found.id;
    // Missing for cat-file: no such ref, or a ref whose commit is gone (which must not read as "no state").
    const id = await git.revParse(ref);
    if (id === null) return null;
    if (found) throw new StateStoreError(`${ref} points at a ${found.type}, not a commit`);
    if (await objects.restore([id])) return id;
    // Deleted by a concurrent prune just after it was published: its writer writes it again shortly.
    if (waited >= MISSING_WAIT_MS) {
      throw new StateStoreError(`${ref} points at commit ${id}, which the repository does not have (deleted by a concurrent \`git gc --prune=now\`?)`);
    }
    await sleep(MISSING_POLL_MS);
  }
}

function localBackend(git: Git, objects: GitObjects, refs: RefTransactions, branch: string): Backend {
  const ref = `refs/heads/${branch}`;
  return {
    local: true,
    tip: () => commitAt(git, objects, ref),
    publish: (sha, old) => refs.compareAndSwap(ref, sha, old),
  };
}

function remoteBackend(git: Git, objects: GitObjects, refs: RefTransactions, remote: string, branch: string): Backend {
  // A private ref keeps the fetched tip's objects alive without touching the user's remote-tracking refs.
  const mirror = `refs/tdd-waves/remote-state/${branch}`;
  return {
    local: false,
    async tip() {
      try {
        await git.fetch(remote, [`+refs/heads/${branch}:${mirror}`]);
      } catch (e) {
        if (!(e instanceof GitError)) throw e;
        if (/couldn't find remote ref/i.test(e.stderr)) {
          await refs.delete(mirror).catch(() => undefined);
          return null;
        }
        if (/cannot lock ref/i.test(e.stderr)) throw new LostRace();
        throw e;
      }
      return commitAt(git, objects, mirror);
    },
    async publish(sha) {
      try {
        await git.push(remote, [`${sha}:refs/heads/${branch}`]);
      } catch (e) {
        if (e instanceof GitError && isPushRace(e.stderr)) return false;
        throw e;
      }
      // The mirror follows at the next fetch: moving it now would cost a process per store for nothing.
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
  /** Trees made since the last `take`, deepest first: what a publish must find in the repository. */
  private made: string[] = [];
  constructor(
    private readonly git: Git,
    private readonly objects: GitObjects,
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
    this.made.push(sha);
    return sha;
  }

  take(): string[] {
    return this.made.splice(0);
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

/** The state in `text`, checked against the schema; what is wrong, by key, when it is not a state. */
function parseState(text: string, where: string): WorkflowState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InvalidStateError(`${where}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new InvalidStateError(`${where}: not a JSON object`);
  const checked = checkState(value);
  if ("state" in checked) return checked.state;
  const shown = checked.problems.slice(0, 10).map((p) => `${where}: ${p}`);
  if (checked.problems.length > shown.length) shown.push(`${where}: … and ${checked.problems.length - shown.length} more`);
  throw new InvalidStateError(shown.join("\n"));
}

/** How long a ref's missing commit is waited for (its writer's re-check restores it), and how often it is looked for. */
const MISSING_WAIT_MS = 3_000;
const MISSING_POLL_MS = 100;

/** Git's words for an object it was given and no longer finds. */
const PRUNED = /nonexistent object|is unavailable|missing object|unable to read|unable to write file/i;

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
  objects: GitObjects;
  refs: RefTransactions;
  backend: Backend;
  trees: TreeCache;
}

class GitStateStore implements StateStore {
  readonly file: string;
  private readonly where: string;
  private io: Io | undefined;
  /** Writes not yet started; one writer at a time takes them all (racing ourselves would only lose compare-and-swaps). */
  private pending: PendingWrite[] = [];
  private writing = false;
  /** The tip this store last read or wrote, and the state there: the base of the next optimistic write. */
  private last: { tip: string | null; state: WorkflowState | null } | undefined;
  /** Objects of this store's latest publishes, newest first. */
  private published: string[][] = [];

  constructor(
    private readonly git: Git,
    readonly branch: string,
    private readonly backend: (objects: GitObjects, refs: RefTransactions) => Backend,
    private readonly retry: Required<RetryOptions>,
    private readonly lockTimeoutMs: number,
    planName: string,
    remote: string | undefined,
  ) {
    this.file = `${planName}/${STATE_FILE}`;
    this.where = `${remote ? `${remote}/` : ""}${branch}:${this.file}`;
  }

  /** The store's git processes, started when first used. */
  private setup(): Io {
    if (!this.io) {
      const objects = new GitObjects(this.git);
      const refs = new RefTransactions(this.git, { lockTimeoutMs: this.lockTimeoutMs, reflogMessage: "tdd-waves: update the execution state" });
      this.io = { objects, refs, backend: this.backend(objects, refs), trees: new TreeCache(this.git, objects) };
    }
    return this.io;
  }

  close(): void {
    this.io?.objects.close();
    this.io?.refs.close();
    this.io = undefined;
    this.last = undefined;
  }

  async read(): Promise<WorkflowState | null> {
    const io = this.setup();
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
    const text = tip ? await this.stateText(io, tip) : null;
    const current = { tip, state: text === null ? null : parseState(text, this.where) };
    this.last = current;
    return current;
  }

  /** The state file's text at `tip`; null when `tip` has no such file (never when only its blob is gone). */
  private async stateText(io: Io, tip: string): Promise<string | null> {
    for (let waited = 0; ; waited += MISSING_POLL_MS) {
      const blob = await io.objects.read(`${tip}:${this.file}`);
      if (blob) return blob.content.toString("utf8");
      const listed = (await this.git.run(["ls-tree", "-z", tip, "--", this.file])).stdout;
      if (listed === "") return null;
      // Listed but not there: deleted by a concurrent prune just after it was published; its writer writes it again.
      const id = listed.split(/[ \t]/)[2]!;
      if (await io.objects.restore([id])) continue;
      if (waited >= MISSING_WAIT_MS) throw new StateStoreError(`${this.where}: blob ${id} is missing from the repository (deleted by a concurrent \`git gc --prune=now\`?)`);
      await sleep(MISSING_POLL_MS);
    }
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
    const io = this.setup();
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
    const message = batchMessage(batch.filter((w) => !refused.has(w)));
    const commit = await this.publish(io, tip, text!, message);
    if (commit === LOST) {
      this.last = undefined;
      return LOST;
    }
    const written = JSON.parse(text!) as WorkflowState;
    this.last = { tip: commit, state: written };
    settle(written);
  }

  /**
   * Writes the objects of a commit holding `text` on top of `tip` and publishes it. A concurrent
   * `git gc --prune=now` may delete objects written but not yet reachable: git then refuses them
   * (a tree entry unavailable, a ref to a nonexistent object) and they are written again.
   */
  private async publish(io: Io, tip: string | null, text: string, message: string): Promise<string | typeof LOST> {
    let written: string[];
    for (let attempt = 1; ; attempt++) {
      try {
        const blob = await io.objects.writeBlob(text);
        io.trees.take();
        const tree = await replaceInTree(io.trees, tip, this.file.split("/"), blob);
        const commit = await io.objects.writeCommit(tree, tip ? [tip] : [], message);
        io.trees.remember(commit, tree);
        written = [blob, ...io.trees.take(), commit];
        if (!(await io.backend.publish(commit, tip, message))) return LOST;
        break;
      } catch (e) {
        if (attempt < 5 && PRUNED.test(e instanceof Error ? e.message : "")) continue;
        throw this.refusal(e);
      }
    }
    // Published: from here on nothing is retried (that would apply the batch twice). A prune that listed
    // what was reachable before this update may still delete its objects for a few moments: those of the
    // latest updates are checked and, if gone, written again (same content, same ids).
    if (!io.backend.local) return written.at(-1)!;
    this.published = [written, ...this.published.slice(0, 7)];
    for (let attempt = 1; ; attempt++) {
      try {
        if (await io.objects.restore(this.published.flat())) return written.at(-1)!;
      } catch (e) {
        if (attempt < 5 && PRUNED.test(e instanceof Error ? e.message : "")) continue;
        throw e;
      }
      throw new StateStoreError(`${this.where}: objects of commit ${written.at(-1)!} were deleted as it was published (a concurrent \`git gc --prune=now\`?)`);
    }
  }

  /** Why git would not move the branch, said with the branch and file. */
  private refusal(e: unknown): unknown {
    if (e instanceof RefLockedError || e instanceof RefUpdateError) return new StateStoreError(`${this.where}: ${e.message}`);
    return e;
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
  const backend = (objects: GitObjects, refs: RefTransactions) =>
    remote ? remoteBackend(opts.git, objects, refs, remote, branch) : localBackend(opts.git, objects, refs, branch);
  return new GitStateStore(opts.git, branch, backend, retry, opts.lockTimeoutMs ?? 10_000, opts.planName, remote);
}
