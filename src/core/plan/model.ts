// The resolved execution plan: what the rest of tdd-waves works with once a plan file has been
// parsed, validated and had its defaults applied (see plan.ts for parsing, SPEC §1 for the format).
import type { Budget } from "../agents/budget.js";
import type { PresetName } from "../agents/presets.js";
import type { SetupSpec } from "./setup.js";

export interface AgentSpec {
  name: string;
  /** Shell command, run in the story's working copy (a preset's is rendered from it, core/agents/presets.ts). */
  run: string;
  timeoutMs: number;
  env: Record<string, string>;
  /** The preset the command comes from, its model and extra arguments. */
  preset?: PresetName;
  model?: string;
  args?: string[];
}

export interface Story {
  id: string;
  title: string;
  /** Given, or the id without its last "-segment". */
  epic: string;
  /** Story file, relative to the repository root (default `<storiesDir>/<id>.md`). */
  file: string;
  /** Relative to the repository root, never absolute, never leaves it. */
  testFile: string;
  tester: string;
  implementer: string;
  dependsOn: string[];
  /** The story's own `retries`, overriding the plan's (see retriesOf). */
  retries?: number;
  /** Position in the plan's `stories` list (plan order). */
  index: number;
}

export interface TestSpec {
  /** Contains `{testFile}`, replaced by the shell-quoted path. */
  command: string;
  /** JUnit XML report path template (`{storyId}` replaced), relative to the working copy. */
  junit?: string;
  timeoutMs: number;
}

export interface Plan {
  name: string;
  maxParallel: number;
  storiesDir: string;
  test: TestSpec;
  prompts: { tester?: string; implementation?: string };
  tdd: { requireRed: boolean; lockTests: boolean };
  /** How often a failed story is tried again with feedback; absent: DEFAULTS.retries. */
  retries?: number;
  agents: Record<string, AgentSpec>;
  stories: Story[];
  /** Explicit batching, when the plan gives it (already checked against dependencies). */
  waves?: string[][];
  /** Cost limits (issue 13): absent, nothing limits what agents spend. */
  budget?: Budget;
  /** How a working copy is prepared (issue 10): absent, nothing runs before the tester. */
  setup?: SetupSpec;
}

export const DEFAULTS = {
  maxParallel: 10,
  storiesDir: "stories",
  testTimeoutMs: 10 * 60_000,
  agentTimeoutMs: 30 * 60_000,
  requireRed: true,
  lockTests: true,
  /** A GitHub job matrix holds at most this many jobs. */
  matrixLimit: 256,
  stateBranch: "tdd-waves/state",
  retries: 1,
} as const;

/** Retries a story gets (its own, else the plan's, else 1): it has at most retries + 1 attempts. */
export const retriesOf = (plan: Pick<Plan, "retries">, story: Pick<Story, "retries">): number => story.retries ?? plan.retries ?? DEFAULTS.retries;

/** Branch a story's work is committed on. */
export const storyBranch = (planName: string, storyId: string): string => `tdd-waves/${planName}/${storyId}`;
