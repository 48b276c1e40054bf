// The action's commands, one function each: inputs and runner context in, engine call, outputs out.
import * as core from "@actions/core";
import type { Settings } from "./settings.js";
import type { RunnerContext } from "./runner-context.js";
import { createStateStore } from "../adapters/state-store.js";
import { realPorts } from "../adapters/default-ports.js";
import { Git } from "../adapters/git.js";
import type { LoadedPlan } from "../adapters/plan-loader.js";
import { createGitHub, type GitHubPort } from "../adapters/github.js";
import { describeProgress } from "../engine/progress-text.js";
import { advance, chooseNextWave, storyStep, type StoryStep } from "../engine/distributed.js";
import type { Ports } from "../engine/ports.js";
import { buildReport } from "../core/render/report.js";
import { recordError, type WorkflowState } from "../core/state/state.js";
import { commentMarker, renderPrComment } from "../core/render/pr-comment.js";
import { renderRunSummary } from "../core/render/run-summary.js";

export class StepFailure extends Error {}

function portsFor(settings: Settings, ctx: RunnerContext, planName: string): Ports {
  const store = createStateStore({ git: new Git({ cwd: ctx.workspace }), planName, branch: settings.stateBranch, remote: "origin" });
  return realPorts({
    store,
    progress: (e) => {
      const line = describeProgress(e);
      if (line) core.info(line);
    },
  });
}

function target(ctx: RunnerContext): string {
  if (!ctx.refIsBranch || !ctx.refName) throw new StepFailure(`tdd-waves runs on a branch (it merges stories into it); this run is on "${ctx.refName || "no ref"}"`);
  return ctx.refName;
}

export function github(settings: Settings, ctx: RunnerContext): GitHubPort {
  return createGitHub({ token: settings.token ?? "", baseUrl: ctx.apiUrl, serverUrl: ctx.serverUrl, owner: ctx.owner, repo: ctx.repo, log: core.info });
}

export async function planStep(settings: Settings, ctx: RunnerContext, loaded: LoadedPlan): Promise<void> {
  const ports = portsFor(settings, ctx, loaded.plan.name);
  const choice = await chooseNextWave(ports, { source: loaded, target: target(ctx), dir: ctx.workspace, runId: ctx.runId, runUrl: ctx.runUrl });
  const byId = new Map(loaded.plan.stories.map((s) => [s.id, s]));
  const include = choice.stories.map((id) => {
    const s = byId.get(id)!;
    // A rebuild on the integrated target (its first integration failed) shows as such in the matrix.
    return { story: s.id, title: s.title, tester: s.tester, implementer: s.implementer, ...(choice.rebuilds.includes(id) ? { rebuild: true } : {}) };
  });
  core.setOutput("matrix", JSON.stringify({ include }));
  core.setOutput("wave", String(choice.wave));
  core.setOutput("total-waves", String(choice.totalWaves));
  core.setOutput("has-more", String(choice.hasMore));
  core.setOutput("max-parallel", String(choice.maxParallel));
  core.info(
    choice.wave > 0
      ? `Wave ${choice.wave} of ${choice.totalWaves}: ${choice.stories.join(", ")}${choice.rebuilds.length ? ` (rebuilt on the integrated target: ${choice.rebuilds.join(", ")})` : ""}`
      : choice.integrate.length > 0
        ? `No story runs in this run: it integrates ${choice.integrate.join(", ")} first.`
        : "Nothing left to run.",
  );
}

export async function storyStepCommand(step: StoryStep, settings: Settings, ctx: RunnerContext, loaded: LoadedPlan): Promise<void> {
  const ports = portsFor(settings, ctx, loaded.plan.name);
  const result = await storyStep(ports, step, { source: loaded, storyId: settings.story!, dir: ctx.workspace, logDir: ctx.logDir, runUrl: ctx.runUrl });
  if ("skipped" in result) {
    core.info(`Nothing to do: ${result.skipped}`);
    return;
  }
  if (!result.ok) throw new StepFailure(`${settings.story}: ${result.reason}`);
}

export async function advanceStep(settings: Settings, ctx: RunnerContext, loaded: LoadedPlan): Promise<void> {
  const ports = portsFor(settings, ctx, loaded.plan.name);
  const targetBranch = target(ctx);
  let outcome: Awaited<ReturnType<typeof advance>>;
  try {
    outcome = await advance(ports, { source: loaded, dir: ctx.workspace, target: targetBranch, logDir: ctx.logDir, runUrl: ctx.runUrl });
  } catch (e) {
    // The execution cannot go on: say so in the state, the summary and the pull request, then fail the step.
    const message = e instanceof Error ? e.message : String(e);
    const state = await ports.store.update(recordError(`advance: ${message}`, ports.now(), true), "execution error").catch(() => null);
    if (state) await publish(settings, ctx, loaded, state).catch((err) => core.warning(`could not publish the summary: ${String(err)}`));
    throw e;
  }
  const { state, hasMore } = outcome;
  const report = buildReport(state, loaded.plan);
  core.setOutput("status", state.status);
  core.setOutput("report", JSON.stringify(report));
  core.setOutput("has-more", String(hasMore));
  const gh = await publish(settings, ctx, loaded, state);
  if (hasMore) {
    const run = await gh.dispatch(settings.workflow, targetBranch, { plan: settings.plan, ...(settings.pr ? { pr: String(settings.pr) } : {}) });
    core.info(`Next wave dispatched: ${run.runUrl}`);
  } else {
    core.info(`Execution ${state.status}: ${report.storiesCompleted.length} completed, ${report.storiesFailed.length} failed.`);
  }
}

/** The run summary and the pull request's progress comment. */
async function publish(settings: Settings, ctx: RunnerContext, loaded: LoadedPlan, state: WorkflowState): Promise<GitHubPort> {
  await core.summary.addRaw(renderRunSummary(state, loaded.plan, { runUrl: ctx.runUrl }), true).write();
  const gh = github(settings, ctx);
  if (settings.pr) await gh.upsertComment(settings.pr, commentMarker(loaded.plan.name), renderPrComment(state, loaded.plan, { runUrl: ctx.runUrl }));
  return gh;
}
