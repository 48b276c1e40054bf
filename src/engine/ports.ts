// The edges the engine is given: everything that touches the world goes through these, so the same
// engine serves the local runner (worktrees, one process) and the action steps (one runner per story).
import type { TestSpec } from "../core/plan/model.js";
import type { TestEvidence, Transition, WorkflowState } from "../core/state/state.js";
import type { Git } from "../adapters/git.js";

export interface ProcessResult {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  aborted: boolean;
  durationMs: number;
}

export interface AgentRunner {
  (
    command: string,
    opts: { cwd: string; env: Record<string, string>; timeoutMs: number; logFile: string; signal?: AbortSignal; /** Standard output apart, for usage. */ stdoutFile?: string },
  ): Promise<ProcessResult>;
}

export interface TestRunner {
  (opts: { test: TestSpec; testFile: string; storyId: string; cwd: string; logFile: string; signal?: AbortSignal }): Promise<TestEvidence & { durationMs: number }>;
}

/** The state on its branch: read, and apply a pure transition with compare-and-swap. */
export interface StateStorePort {
  read(): Promise<WorkflowState | null>;
  /** Writes `state` only when there is none yet. */
  init(state: WorkflowState, message: string): Promise<{ created: boolean; state: WorkflowState }>;
  update(t: Transition, message: string): Promise<WorkflowState>;
}

/** Story files and other small text files of a working copy; writes are atomic. */
export interface TextFiles {
  read(path: string): Promise<string | null>;
  write(path: string, text: string): Promise<void>;
}

/** Preparing working copies for the plan's `setup` (issue 10); src/adapters/working-copies.ts. */
export interface Preparation {
  /** This repository's folder for working copies, outside its tree (Node's module lookup and test runners never see it). */
  workingCopiesRoot(repoDir: string): Promise<string>;
  /** A digest of what `run` depends on at `commit` (the files at the root, manifests and lock files), `ownPaths` left out. */
  fingerprint(dir: string, commit: string, run: string, ownPaths: string[]): Promise<string>;
  /** Copies untracked, git-ignored files from the main checkout into a working copy: what went wrong, or undefined. */
  copyFiles(from: string, to: string, paths: string[]): Promise<string | undefined>;
}

export type ProgressEvent =
  | { type: "wave"; wave: number; stories: string[] }
  | { type: "phase"; storyId: string; phase: string; agent?: string }
  | { type: "story"; storyId: string; status: string; reason?: string }
  | { type: "log"; message: string };

export interface Ports {
  git: (cwd: string) => Git;
  store: StateStorePort;
  agents: AgentRunner;
  tests: TestRunner;
  files: TextFiles;
  preparation: Preparation;
  now: () => string;
  progress: (e: ProgressEvent) => void;
}
