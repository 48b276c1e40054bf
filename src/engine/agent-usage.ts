// Usage and budget around one agent phase (issue 13): whether the phase may start at all, where the agent's
// machine-readable output and usage file go, and what the phase reported once it has ended.
import { join, relative } from "node:path";
import { budgetBeforePhase, recordStop, recordUsage, returnToPending, storyOverBudget } from "../core/agents/budget.js";
import { PRESETS } from "../core/agents/presets.js";
import { mergeUsage, parseAgentOutput, parseUsageFile, type AgentUsage } from "../core/agents/usage.js";
import type { AgentSpec } from "../core/plan/model.js";
import { chain, type PhaseName, type Transition, type WorkflowState } from "../core/state/state.js";
import type { Ports } from "./ports.js";
import type { Role, StoryJob } from "./story-context.js";

/** The execution's budget is used up: no new agent phase starts. The stories it refused are ⏳ Pending again. */
export class BudgetReached extends Error {}

/** Where an agent may write its usage (TDD_WAVES_USAGE_FILE): beside its prompt, outside the working copy. */
export const usageFile = (job: StoryJob, role: Role): string => join(job.logDir, `${role}-usage.json`);

/** Where a preset CLI's standard output goes, when it has a machine-readable one. */
export function stdoutFile(job: StoryJob, role: Role, agent: AgentSpec): string | undefined {
  return agent.preset && PRESETS[agent.preset].output ? join(job.logDir, `${role}-output.jsonl`) : undefined;
}

/**
 * Before an agent phase: under the execution's budget the phase may start (undefined); over it, the story goes
 * back to pending, the state says why, and BudgetReached is thrown; over the story's own budget, the reason the
 * story fails is returned.
 */
export async function checkBudget(ports: Ports, job: StoryJob, state?: WorkflowState | null): Promise<string | undefined> {
  const budget = job.plan.budget;
  if (!budget) return undefined;
  const current = state ?? (await ports.store.read());
  if (!current) return undefined;
  const verdict = budgetBeforePhase(current, budget, job.story.id);
  if (verdict?.kind === "execution") {
    await ports.store.update(chain(returnToPending(job.story.id, ports.now()), recordStop(verdict.message, ports.now())), `${job.story.id}: budget reached, not started`);
    ports.progress({ type: "log", message: `${job.story.id}: ${verdict.message}` });
    throw new BudgetReached(verdict.message);
  }
  return verdict?.message;
}

/** Clears what a previous attempt left in the usage file, so that only this run's report is read. */
export async function prepareUsage(ports: Ports, job: StoryJob, role: Role): Promise<void> {
  await ports.files.remove(job.logDir, relative(job.logDir, usageFile(job, role)));
}

/** What the phase reported (its CLI's output, then its usage file), recorded on the phase and in the story's totals. */
export async function phaseUsage(ports: Ports, job: StoryJob, role: Role, agent: AgentSpec, phase: PhaseName): Promise<Transition> {
  const output = stdoutFile(job, role, agent);
  const format = agent.preset ? PRESETS[agent.preset].output : undefined;
  const printed = output && format ? parseAgentOutput(format, (await ports.files.read(job.logDir, relative(job.logDir, output))) ?? "") : undefined;
  const written = await ports.files.read(job.logDir, relative(job.logDir, usageFile(job, role)));
  let fromFile: AgentUsage | undefined;
  if (written !== null) {
    const parsed = parseUsageFile(written);
    fromFile = parsed.usage;
    if (parsed.problems.length > 0) ports.progress({ type: "log", message: `${job.story.id}: ${usageFile(job, role)}: ${parsed.problems.join("; ")} (left out)` });
  }
  const configured: AgentUsage | undefined = agent.model === undefined ? undefined : { model: agent.model };
  return recordUsage(job.story.id, phase, mergeUsage(configured, printed, fromFile));
}

/** After the phase: a story whose recorded cost went over its own budget fails ("budget"). */
export function overStoryBudget(state: WorkflowState, job: StoryJob): string | undefined {
  return storyOverBudget(state, job.plan.budget, job.story.id);
}
