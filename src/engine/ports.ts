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

export type ProgressEvent =
  | { type: "wave"; wave: number; stories: string[] }
  | { type: "phase"; storyId: string; phase: string; agent?: string }
  | { type: "story"; storyId: string; status: string; reason?: string; /** The log of the phase that failed. */ log?: string }
  /** What the run does between stories (the wave's post-merge tests); null when that is over. */
  | { type: "stage"; wave: number; what: string | null }
  | { type: "log"; message: string };

export interface Ports {
  git: (cwd: string) => Git;
  store: StateStorePort;
  agents: AgentRunner;
  tests: TestRunner;
  files: TextFiles;
  now: () => string;
  progress: (e: ProgressEvent) => void;
}
