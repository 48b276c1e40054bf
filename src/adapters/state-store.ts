// The execution state (SPEC §4) kept as `<plan>/workflow-state.json` on a git branch, written as commits
// made with plumbing (never the working tree or the index) and published by compare-and-swap: a lost
// race is re-read, re-applied and retried, so concurrent writers never lose an update.
import { DEFAULTS } from "../core/plan-model.js";
import type { Transition, WorkflowState } from "../core/state.js";
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
  publish(sha: string, old: string | null): Promise<boolean>;
}

/** An attempt whose compare-and-swap found the branch moved. */
const LOST = Symbol("lost race");

/** Thrown inside an attempt when it lost a race that is not a failed publish (a locked ref on fetch). */
class LostRace extends Error {}

function localBackend(git: Git, branch: string): Backend {
  const ref = `refs/heads/${branch}`;
  return {
    tip: () => git.revParse(`${ref}^{commit}`),
    publish: (sha, old) => git.updateRef(ref, sha, old),
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
  constructor(private readonly git: Git) {}

  async list(treeish: string): Promise<TreeEntry[]> {
    const known = this.entries.get(treeish);
    if (known) return known;
    const listed = await this.git.lsTree(treeish);
    this.entries.set(treeish, listed);
    return listed;
  }

  async make(entries: TreeEntry[]): Promise<string> {
    const sha = await this.git.mkTree(entries);
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

/** What one attempt decides from the current state: a state to write, or a result without writing. */
type Decision = { write: WorkflowState } | { keep: WorkflowState };

class GitStateStore implements StateStore {
  readonly file: string;
  private readonly where: string;
  private readonly trees: TreeCache;
  /** Writes of this store, one at a time: racing ourselves would only lose compare-and-swaps. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The tip this store last read or wrote, and the state there: the base of the next optimistic write. */
  private last: { tip: string | null; state: WorkflowState | null } | undefined;

  constructor(
    private readonly git: Git,
    readonly branch: string,
    private readonly backend: Backend,
    private readonly retry: Required<RetryOptions>,
    planName: string,
    remote: string | undefined,
  ) {
    this.file = `${planName}/${STATE_FILE}`;
    this.where = `${remote ? `${remote}/` : ""}${branch}:${this.file}`;
    this.trees = new TreeCache(git);
  }

  async read(): Promise<WorkflowState | null> {
    return this.withRetry(async () => (await this.current()).state);
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

  private async current(): Promise<{ tip: string | null; state: WorkflowState | null }> {
    const tip = await this.backend.tip();
    // The tip names the state exactly: when it is the one this store last saw, so is the state.
    if (this.last && this.last.tip === tip) return this.last;
    const text = tip ? await this.git.showFile(tip, this.file) : null;
    const current = { tip, state: text === null ? null : parseState(text, this.where) };
    this.last = current;
    return current;
  }

  /**
   * Decide, write on top of the base, publish with compare-and-swap. The first try builds on the tip this
   * store saw last, without reading (usually nobody else wrote meanwhile); when that base turns out stale
   * it re-reads at once, and a race lost on a fresh read backs off and retries.
   */
  private cas(message: string, decide: (current: WorkflowState | null) => Decision): Promise<WorkflowState> {
    const write = async (): Promise<WorkflowState> => {
      const base = this.last;
      if (base) {
        try {
          const written = await this.attempt(base, message, decide);
          if (written !== LOST) return written;
        } catch {
          // A transition may refuse what it sees; it gets to see the fresh state before that counts.
        }
      }
      return this.withRetry(async () => {
        const written = await this.attempt(await this.current(), message, decide);
        if (written === LOST) throw new LostRace();
        return written;
      });
    };
    const next = this.queue.then(write, write);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async attempt(
    { tip, state }: { tip: string | null; state: WorkflowState | null },
    message: string,
    decide: (current: WorkflowState | null) => Decision,
  ): Promise<WorkflowState | typeof LOST> {
    const decision = decide(state);
    if ("keep" in decision) return decision.keep;
    const text = serialize(decision.write);
    if (state !== null && text === serialize(state)) return state;
    const tree = await replaceInTree(this.trees, tip, this.file.split("/"), await this.git.hashObject(text));
    const commit = await this.git.commitTree(tree, tip ? [tip] : [], message);
    this.trees.remember(commit, tree);
    if (!(await this.backend.publish(commit, tip))) {
      this.last = undefined;
      return LOST;
    }
    const written = JSON.parse(text) as WorkflowState;
    this.last = { tip: commit, state: written };
    return written;
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
  const backend = opts.remote ? remoteBackend(opts.git, opts.remote, branch) : localBackend(opts.git, branch);
  return new GitStateStore(opts.git, branch, backend, retry, opts.planName, opts.remote);
}
