// The action's work (index.ts runs it; importing this module does nothing): read the inputs, run the one command asked for, report failures as
// a failed step with a clear message (and file annotations for plan errors), never a stack trace.
import * as core from "@actions/core";
import { readSettings, RUNS_REPOSITORY_CODE, SettingsError, type Settings } from "./settings.js";
import { runnerContext, type RunnerContext } from "./runner-context.js";
import { loadPlan, PlanError } from "../adapters/plan-loader.js";
import { RefusedError } from "../engine/execution.js";
import { StateStoreError } from "../adapters/state-store.js";
import { integrateStep, planStep, StepFailure, storyStepCommand } from "./steps.js";
import { publishStep } from "./publish-step.js";
import { scrubEnvironment } from "./scrubbed-env.js";
import { commentStep } from "./comment-step.js";
import { gitVersionProblem, MIN_GIT, MIN_GIT_PUBLISH } from "../adapters/git-version.js";

async function run(settings: Settings, ctx: RunnerContext): Promise<void> {
  if (settings.command === "comment") return commentStep(settings, ctx);
  // Once, before anything is read or changed: a self-hosted runner's old git would otherwise fail half-way.
  const old = await gitVersionProblem(settings.command === "publish" ? MIN_GIT_PUBLISH : MIN_GIT);
  if (old) throw new StepFailure(old);
  // The plan path is relative to the repository root, wherever the step's process was started.
  const loaded = await loadPlan(settings.plan, ctx.workspace, { cwd: ctx.workspace });
  switch (settings.command) {
    case "plan":
      return planStep(settings, ctx, loaded);
    case "tester":
      return storyStepCommand("tester", settings, ctx, loaded);
    case "implement":
      return storyStepCommand("implement", settings, ctx, loaded);
    case "verify":
      return storyStepCommand("verify", settings, ctx, loaded);
    case "integrate":
      return integrateStep(settings, ctx, loaded);
    case "publish":
      return publishStep(settings, ctx, loaded);
  }
}

export async function main(): Promise<void> {
  try {
    const settings = readSettings((name) => core.getInput(name));
    if (settings.token) core.setSecret(settings.token);
    // Agents and the repository's tests run in these commands: nothing in the environment may grant access.
    if (RUNS_REPOSITORY_CODE.includes(settings.command)) scrubEnvironment();
    await run(settings, runnerContext());
  } catch (e) {
    if (e instanceof PlanError) {
      for (const i of e.issues) core.error(`${i.path}: ${i.message}`, { file: i.file, startLine: i.line, startColumn: i.col, title: "Invalid plan" });
      core.setFailed(`The plan is invalid:\n${e.message}`);
    } else if (e instanceof SettingsError || e instanceof RefusedError || e instanceof StepFailure || e instanceof StateStoreError) {
      core.setFailed(e.message);
    } else {
      core.debug(e instanceof Error ? (e.stack ?? e.message) : String(e));
      core.setFailed(`tdd-waves: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

