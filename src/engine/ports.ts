// The edges the engine is given: everything that touches the world goes through these, so the same
// engine serves the local runner (worktrees, one process) and the action steps (one runner per story),
// and the phase and integration logic runs in unit tests against one in-memory fake (test/support/fake-ports.ts).
// Each port holds only what the engine uses; src/adapters implements them (git.ts, text-files.ts, …).
import type { TestSpec } from "../core/plan/model.js";
import type { TestEvidence, Transition, WorkflowState } from "../core/state/state.js";

export interface ProcessResult {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  aborted: boolean;
  durationMs: number;
}

/** Where a run's log goes: `logFile`, which must stay inside `logRoot` when given (else PathEscapeError, nothing run). */
export interface LogTarget {
  logFile: string;
  logRoot?: string;
}

/**
 * `background`: run at a lower CPU priority. Work a dag run starts ahead of the wave front (stories of a later
 * wave than the earliest one still open) only takes what the front leaves: `dag` must never be slower than `waves`.
 */
export interface Priority {
  background?: boolean;
}

export interface AgentRunner {
  (
    command: string,
    opts: { cwd: string; env: Record<string, string>; timeoutMs: number; signal?: AbortSignal; /** Standard output apart, for usage (inside logRoot too). */ stdoutFile?: string } & LogTarget & Priority,
  ): Promise<ProcessResult>;
}

/**
 * Runs the plan's test command in `cwd`. The JUnit report (if the plan names one) is tdd-waves' own
 * by-product: the runner deletes it before the run, reads it, and deletes it after, so that it never lands
 * in a commit; it never follows a link out of `cwd` (PathEscapeError).
 */
export interface TestRunner {
  (opts: { test: TestSpec; testFile: string; storyId: string; cwd: string; signal?: AbortSignal } & LogTarget & Priority): Promise<TestEvidence & { durationMs: number }>;
}

/** The state on its branch: read, and apply a pure transition with compare-and-swap. */
export interface StateStorePort {
  read(): Promise<WorkflowState | null>;
  /** Writes `state` only when there is none yet. */
  init(state: WorkflowState, message: string): Promise<{ created: boolean; state: WorkflowState }>;
  update(t: Transition, message: string): Promise<WorkflowState>;
}

/**
 * Story files and other small text files, always named by a root (a working copy, a log directory) and a
 * path inside it. Writes are atomic. A path whose real location leaves its root (a symbolic link an agent
 * made, a committed `stories -> /elsewhere`) is neither read nor written: PathEscapeError.
 */
export interface TextFiles {
  read(root: string, path: string): Promise<string | null>;
  write(root: string, path: string, text: string): Promise<void>;
  /** Deletes the file if it is there (the link itself, never what a link leads to outside). */
  remove(root: string, path: string): Promise<void>;
}

/** A path that leads out of the directory it must stay in; refused, nothing read or written there. */
export class PathEscapeError extends Error {
  constructor(
    readonly path: string,
    readonly realPath: string,
    readonly root: string,
  ) {
    super(`${path} leads out of ${root} (to ${realPath}) through a symbolic link: refused`);
    this.name = "PathEscapeError";
  }
}

/** A story's working copy: where its agents work and where tdd-waves checks and commits their work. */
export interface WorkingCopy {
  /** The commit checked out; null before the first commit. */
  head(): Promise<string | null>;
  /** The checked-out branch (short name); null on a detached HEAD. */
  currentBranch(): Promise<string | null>;
  /** Creates (or resets) `branch` at the current commit and checks it out, keeping the files. */
  startBranch(branch: string): Promise<void>;
  /** Points HEAD at `branch` again, index and files untouched (after an agent switched branch). */
  returnToBranch(branch: string): Promise<void>;
  /**
   * This working copy on `branch` (null: detached), (re)set to `startPoint`, as a fresh checkout: nothing else
   * left but the untracked `keep` paths (repository-relative: the plan's `setup.reuse`).
   */
  resetTo(branch: string | null, startPoint: string, keep?: readonly string[]): Promise<void>;
  /** Stages everything and commits it on the checked-out branch; null when there was nothing to commit. */
  commitAll(message: string): Promise<string | null>;
  /** The blob id the file at `path` would have. */
  hashFile(path: string): Promise<string>;
  /**
   * Puts the file at `path` back to its bytes in `commit` (a retry's locked test file, a rebuild's tests and
   * story file); false, nothing changed, when the commit is not here or does not hold the file.
   */
  restoreFile(commit: string, path: string): Promise<boolean>;
  /** Paths differing between commit `from` and the working tree (untracked files too), sorted. */
  changedFiles(from: string): Promise<string[]>;
  /** Directories (relative, sorted) holding a git repository of their own, new since commit `since`: their files would not be committed. */
  nestedRepositories(since: string): Promise<string[]>;
}

/** A merge git did not make: conflicting paths, or a refusal before merging (untracked files, a hook). */
export type MergeOutcome = { ok: true; sha: string } | { ok: false; kind: "conflict"; conflicts: string[] } | { ok: false; kind: "refused"; message: string };

export type PushOutcome = { ok: true } | { ok: false; rejected: boolean; message: string };

/** The checkout of the target branch that stories are merged into. */
export interface Integration {
  revParse(ref: string): Promise<string | null>;
  isAncestor(a: string, b: string): Promise<boolean>;
  /** A `--no-ff` merge of `ref`; on failure nothing is left half-merged. */
  merge(ref: string, message: string): Promise<MergeOutcome>;
  /** An unfinished merge here (MERGE_HEAD): none, one a killed tdd-waves left (its merge message), or someone else's. */
  unfinishedMerge(): Promise<"none" | "ours" | "foreign">;
  /** Abandons the unfinished merge: index and files back to HEAD for what it touched. */
  abortMerge(): Promise<void>;
  /** Commits only `paths` as they are in the working tree; null when they did not change. */
  commitPaths(message: string, paths: string[]): Promise<string | null>;
  fetch(remote: string, refspecs: string[]): Promise<void>;
  push(remote: string, refspecs: string[], opts?: { force?: boolean }): Promise<void>;
  /** A push that reports a rejection (the remote branch moved on) instead of throwing. */
  tryPush(remote: string, refspec: string): Promise<PushOutcome>;
}

/** The user's repository as a whole (local runner): its checkout, its branches, its worktrees. */
export interface Repository {
  currentBranch(): Promise<string | null>;
  revParse(ref: string): Promise<string | null>;
  /** Staged or unstaged changes to tracked files; untracked files do not count. */
  hasTrackedChanges(): Promise<boolean>;
  /** The repository's common git directory, absolute. */
  commonDir(): Promise<string>;
  /** Subjects of the commits on `ref` that `base` does not have, newest first (at most `limit`). */
  subjectsNotIn(ref: string, base: string, limit: number): Promise<string[]>;
  /** Worktree directories under `root`: on disk, or still recorded by git. */
  worktreesUnder(root: string): Promise<string[]>;
  /** A worktree at `dir` for `branch` (null: detached) at `startPoint`, files not checked out (WorkingCopy.resetTo does that). */
  addWorktree(dir: string, branch: string | null, startPoint: string): Promise<void>;
  /** Removes a worktree and its directory, even dirty, locked or half made. */
  removeWorktree(dir: string): Promise<void>;
  /** Removes the directory `dir` if it is empty (a folder of worktrees nothing else uses); false when it is not, or is gone. */
  removeEmptyDirectory(dir: string): Promise<boolean>;
  pruneWorktrees(): Promise<void>;
}

/**
 * Preparing working copies for the plan's `setup` (issue 10): where the local runner's working copies live,
 * what setup depends on, and the untracked files a working copy gets; src/adapters/working-copies.ts.
 */
export interface Preparation {
  /** This repository's folder for working copies, outside its tree (Node's module lookup and test runners never see it). */
  workingCopiesRoot(repoDir: string): Promise<string>;
  /** A digest of what `run` depends on at `commit` (the files at the root, manifests and lock files), `ownPaths` left out. */
  fingerprint(dir: string, commit: string, run: string, ownPaths: string[]): Promise<string>;
  /** Copies untracked, git-ignored files from the main checkout into a working copy: what went wrong, or undefined. */
  copyFiles(from: string, to: string, paths: string[]): Promise<string | undefined>;
  /**
   * Replaces each of `paths` under `to` with a copy of the same path under `from` (links copied as links; a
   * path `from` lacks is removed): what went wrong, or undefined. setup's relocatable `reuse` paths.
   */
  copyKept(from: string, to: string, paths: readonly string[]): Promise<string | undefined>;
  /** Removes a folder tdd-waves made outside any working copy (a copy of setup's kept paths), if it is there. */
  removeFolder(dir: string): Promise<void>;
}

export type ProgressEvent =
  | { type: "wave"; wave: number; stories: string[] }
  | { type: "phase"; storyId: string; phase: string; agent?: string }
  | { type: "story"; storyId: string; status: string; reason?: string; /** The log of the phase that failed. */ log?: string }
  /** What the run does between stories (the wave's post-merge tests); null when that is over. */
  | { type: "stage"; wave: number; what: string | null }
  | { type: "log"; message: string };

/**
 * Git as the GitHub wave steps use it on their own checkouts: bundles in and out, merge-tree, rev-list and
 * diff-tree, the commands that check what the read-only jobs handed over. Kept apart from the narrow ports
 * the phases use, so that only the wave steps (wave-artifacts, wave-integrate, wave-publish) reach it.
 */
export interface Plumbing extends Integration {
  run(args: string[], opts?: { input?: string; allowFail?: boolean; env?: Record<string, string> }): Promise<{ stdout: string; stderr: string; code: number }>;
  showFile(ref: string, path: string): Promise<string | null>;
  /** Creates a directory (and its parents) for files git writes itself, such as a bundle. */
  makeDirectory(path: string): Promise<void>;
}

export interface Ports {
  plumbing: (dir: string) => Plumbing;
  workingCopy: (dir: string) => WorkingCopy;
  integration: (dir: string) => Integration;
  repository: (dir: string) => Repository;
  store: StateStorePort;
  agents: AgentRunner;
  tests: TestRunner;
  files: TextFiles;
  preparation: Preparation;
  now: () => string;
  progress: (e: ProgressEvent) => void;
}
