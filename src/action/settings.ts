// The action's inputs (SPEC §7): their metadata (checked against action.yml by a test), their defaults,
// and the one schema that turns the raw strings the runner hands over into a typed Settings object.
import { z } from "zod";
import { DEFAULTS } from "../core/plan/model.js";
import { STORY_ID, codeSpan, planPathProblem } from "../core/build-command.js";

export const ACTION_COMMANDS = ["plan", "tester", "implement", "verify", "integrate", "publish", "comment"] as const;
export type ActionCommand = (typeof ACTION_COMMANDS)[number];

export interface ActionInput {
  name: string;
  description: string;
  required: boolean;
  /** Exactly as written in action.yml (the runner applies it before the action starts). */
  default?: string;
}

/** The single home of the inputs' defaults: action.yml must say the same (test/integration/workflows.test.ts). */
export const INPUT_DEFAULTS = {
  plan: ".tdd-waves/plan.yml",
  token: "",
  stateBranch: DEFAULTS.stateBranch,
  workflow: "tdd-waves.yml",
} as const;

export const ACTION_INPUTS: readonly ActionInput[] = [
  { name: "command", required: true, description: `The step to run: ${ACTION_COMMANDS.join(", ")}.` },
  { name: "plan", required: false, default: INPUT_DEFAULTS.plan, description: "Path of the plan file, relative to the repository root." },
  { name: "story", required: false, description: "Story id the tester, implement and verify commands work on." },
  {
    name: "token",
    required: false,
    default: INPUT_DEFAULTS.token,
    description: "Token of the publish and comment commands, for the GitHub API and publish's pushes: `${{ github.token }}` or a GitHub App token (pushes made with the workflow's own token start no workflows). Refused by the commands that run agents or tests.",
  },
  { name: "state-branch", required: false, default: INPUT_DEFAULTS.stateBranch, description: "Branch that holds the execution state." },
  { name: "workflow", required: false, default: INPUT_DEFAULTS.workflow, description: "File name of the execution workflow that is dispatched for each wave." },
  { name: "pr", required: false, description: "Pull request number to report progress on." },
  { name: "wave-start", required: false, description: "publish: the target commit the wave started from (the plan command's target-sha output)." },
];

const NEEDS_STORY: readonly ActionCommand[] = ["tester", "implement", "verify"];
const NEEDS_TOKEN: readonly ActionCommand[] = ["publish", "comment"];
/** Commands that run agents or the repository's tests: a token there is a token the agents can reach. */
export const RUNS_REPOSITORY_CODE: readonly ActionCommand[] = ["tester", "implement", "verify", "integrate"];
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const WORKFLOW_FILE = /^[A-Za-z0-9_][A-Za-z0-9._-]*\.ya?ml$/;
const BRANCH_CHARS = /^[A-Za-z0-9._/-]+$/;

const settingsSchema = z.object({
  command: z.enum(ACTION_COMMANDS, {
    error: (issue) => issue.input === undefined
      ? `is required: one of ${ACTION_COMMANDS.join(", ")}`
      : `must be one of ${ACTION_COMMANDS.join(", ")}; got ${codeSpan(String(issue.input))}`,
  }),
  plan: z.string().default(INPUT_DEFAULTS.plan).superRefine((plan, ctx) => {
    const problem = planPathProblem(plan);
    if (problem !== undefined) ctx.addIssue({ code: "custom", message: `the plan path ${codeSpan(plan)} ${problem}` });
  }),
  story: z.string().regex(STORY_ID, { error: "must be a story id (lowercase letters, digits and -, at most 64 characters)" }).optional(),
  token: z.string().optional(),
  "state-branch": z.string().default(INPUT_DEFAULTS.stateBranch).refine(isSafeBranch, {
    error: "must be a branch name (letters, digits, ., _, - and /; no .., no leading - or /)",
  }),
  workflow: z.string().regex(WORKFLOW_FILE, {
    error: "must be the file name of a workflow in .github/workflows, e.g. tdd-waves.yml",
  }).default(INPUT_DEFAULTS.workflow),
  pr: z.string().regex(/^[1-9][0-9]{0,9}$/, { error: "must be a pull request number" }).transform(Number).optional(),
  "wave-start": z.string().regex(SHA, { error: "must be a commit id (the plan command's target-sha output)" }).optional(),
}).superRefine((raw, ctx) => {
  if (NEEDS_STORY.includes(raw.command) && raw.story === undefined) {
    ctx.addIssue({ code: "custom", path: ["story"], message: `is required for command ${raw.command}` });
  }
  if (NEEDS_TOKEN.includes(raw.command) && raw.token === undefined) {
    ctx.addIssue({ code: "custom", path: ["token"], message: `is required for command ${raw.command}` });
  }
  if (RUNS_REPOSITORY_CODE.includes(raw.command) && raw.token !== undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["token"],
      message: `must be empty for command ${raw.command}: it runs agents and the repository's tests, which must not reach a token (only publish and comment take one)`,
    });
  }
  if (raw.command === "publish" && raw["wave-start"] === undefined) {
    ctx.addIssue({ code: "custom", path: ["wave-start"], message: "is required for command publish (the plan command's target-sha output)" });
  }
}).transform((raw) => ({
  command: raw.command,
  plan: raw.plan,
  story: raw.story,
  token: raw.token,
  stateBranch: raw["state-branch"],
  workflow: raw.workflow,
  pr: raw.pr,
  waveStart: raw["wave-start"],
}));

export type Settings = z.output<typeof settingsSchema>;

export class SettingsError extends Error {
  override name = "SettingsError";
}

/**
 * Reads every input through `getInput` (the runner's `core.getInput`: "" when unset), applies the
 * defaults and checks everything at once; throws a SettingsError naming each bad input.
 */
export function readSettings(getInput: (name: string) => string): Settings {
  const raw: Record<string, string | undefined> = {};
  for (const input of ACTION_INPUTS) {
    const value = getInput(input.name).trim();
    raw[input.name] = value === "" ? undefined : value;
  }
  const parsed = settingsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `input "${String(issue.path[0] ?? "?")}": ${issue.message}`);
  throw new SettingsError(`Invalid action inputs:\n${lines.map((l) => `- ${l}`).join("\n")}`);
}

function isSafeBranch(name: string): boolean {
  return BRANCH_CHARS.test(name) && !name.includes("..") && !name.includes("//") &&
    !/^[-/.]/.test(name) && !/[/.]$/.test(name) && !name.endsWith(".lock");
}
