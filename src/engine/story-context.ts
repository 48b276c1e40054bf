// What one story's phases need to know and where they write: the working copy, logs, prompts, the
// agents' environment, and the story-file edits every phase makes.
import { join, relative } from "node:path";
import type { Plan, Story } from "../core/plan/model.js";
import { renderTestCommand } from "../core/testing/shell-quote.js";
import { renderPrompt } from "../core/prompts.js";
import { readStoryFile, updateStoryFile, type StoryFileUpdate } from "../core/story/story-file.js";
import type { Ports } from "./ports.js";
import { usageFile } from "./agent-usage.js";

export interface StoryJob {
  plan: Plan;
  /** Plan file, relative to the repository root. */
  planPath: string;
  story: Story;
  wave: number;
  attempt: number;
  /** The story's working copy (a worktree locally, the checkout on a runner). */
  dir: string;
  /** Where this attempt's logs and rendered prompts go (outside the working copy). */
  logDir: string;
  /** What logDir must stay inside, links resolved (the repository's git directory locally). */
  logRoot?: string;
  runUrl?: string;
  signal?: AbortSignal;
  /** What the previous attempt got wrong (a retry or a rebuild): the agent's TDD_WAVES_FEEDBACK. */
  feedback?: string;
  /** Whether the story's commands run in the background now (ports.ts, Priority): asked before each one. */
  background?: () => Promise<boolean>;
}

/** The priority of a story's next command, as the ports take it. */
export async function priorityOf(job: Pick<StoryJob, "background">): Promise<{ background?: true }> {
  return (await job.background?.()) ? { background: true } : {};
}

export type Role = "tester" | "implementation";

export class Interrupted extends Error {
  constructor() {
    super("interrupted");
  }
}

export function throwIfAborted(job: StoryJob): void {
  if (job.signal?.aborted) throw new Interrupted();
}

export const logFile = (job: StoryJob, name: string): string => join(job.logDir, `${name}.log`);
export const logRoot = (job: StoryJob): string => job.logRoot ?? job.logDir;

/** Applies a surgical update to the story file in the working copy (atomic write). */
export async function editStoryFile(ports: Ports, job: StoryJob, update: StoryFileUpdate): Promise<void> {
  const text = (await ports.files.read(job.dir, job.story.file)) ?? "";
  const next = updateStoryFile(text, update, { storyId: job.story.id, title: job.story.title });
  if (next !== text) await ports.files.write(job.dir, job.story.file, next);
}

export async function acceptanceCriteria(ports: Ports, job: StoryJob): Promise<{ text: string; checked: boolean }[]> {
  const text = await ports.files.read(job.dir, job.story.file);
  return text === null ? [] : readStoryFile(text).criteria;
}

async function promptFor(ports: Ports, job: StoryJob, role: Role): Promise<string> {
  const { plan, story } = job;
  const templatePath = role === "tester" ? plan.prompts.tester : plan.prompts.implementation;
  const template = templatePath ? ((await ports.files.read(job.dir, templatePath)) ?? undefined) : undefined;
  const criteria = await acceptanceCriteria(ports, job);
  return renderPrompt(
    role,
    {
      storyId: story.id,
      title: story.title,
      storyFile: story.file,
      testFile: story.testFile,
      testCommand: renderTestCommand(plan.test.command, story.testFile),
      planName: plan.name,
      wave: job.wave,
      epic: story.epic,
      acceptanceCriteria: criteria.map((c) => c.text),
      lockTests: plan.tdd.lockTests,
      requireRed: plan.tdd.requireRed,
      ...(job.feedback ? { feedback: job.feedback } : {}),
    },
    template,
  );
}

/** The environment an agent runs with (SPEC §3), plus the agent's own `env`. */
export async function agentEnvironment(ports: Ports, job: StoryJob, role: Role): Promise<Record<string, string>> {
  const prompt = await promptFor(ports, job, role);
  const promptFile = join(job.logDir, `${role}-prompt.md`);
  await ports.files.write(logRoot(job), relative(logRoot(job), promptFile), prompt);
  const agent = job.plan.agents[role === "tester" ? job.story.tester : job.story.implementer]!;
  const feedback: Record<string, string> = {};
  if (job.feedback) {
    const feedbackFile = join(job.logDir, `${role}-feedback.md`);
    await ports.files.write(logRoot(job), relative(logRoot(job), feedbackFile), `${job.feedback}\n`);
    Object.assign(feedback, { TDD_WAVES_FEEDBACK: job.feedback, TDD_WAVES_FEEDBACK_FILE: feedbackFile });
  }
  return {
    ...agent.env,
    TDD_WAVES_ROLE: role,
    TDD_WAVES_STORY_ID: job.story.id,
    TDD_WAVES_STORY_FILE: job.story.file,
    TDD_WAVES_TEST_FILE: job.story.testFile,
    TDD_WAVES_TEST_COMMAND: renderTestCommand(job.plan.test.command, job.story.testFile),
    TDD_WAVES_PLAN: job.planPath,
    TDD_WAVES_WAVE: String(job.wave),
    TDD_WAVES_ATTEMPT: String(job.attempt),
    TDD_WAVES_PROMPT: prompt,
    TDD_WAVES_PROMPT_FILE: promptFile,
    TDD_WAVES_USAGE_FILE: usageFile(job, role),
    ...feedback,
  };
}

export function describeExit(who: string, r: { exitCode: number | null; signal: string | null; timedOut: boolean }, timeoutMs: number): string {
  if (r.timedOut) return `${who} timed out after ${formatMs(timeoutMs)}`;
  if (r.signal) return `${who} was killed by ${r.signal}`;
  return `${who} exited with code ${r.exitCode}`;
}

export function formatMs(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
