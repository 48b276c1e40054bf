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
import { buildReport } from "../core/report.js";
import { commentMarker, renderPrComment, renderRunSummary } from "../core/summary.js";

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
    return { story: s.id, title: s.title, tester: s.tester, implementer: s.implementer };
  });
  core.setOutput("matrix", JSON.stringify({ include }));
  core.setOutput("wave", String(choice.wave));
  core.setOutput("total-waves", String(choice.totalWaves));
  core.setOutput("has-more", String(choice.hasMore));
  core.setOutput("max-parallel", String(choice.maxParallel));
  core.info(choice.wave === 0 ? "Nothing left to run." : `Wave ${choice.wave} of ${choice.totalWaves}: ${choice.stories.join(", ")}`);
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
  const { state, hasMore } = await advance(ports, { source: loaded, dir: ctx.workspace, target: targetBranch, logDir: ctx.logDir, runUrl: ctx.runUrl });
  const report = buildReport(state, loaded.plan);
  core.setOutput("status", state.status);
  core.setOutput("report", JSON.stringify(report));
  core.setOutput("has-more", String(hasMore));
  await core.summary.addRaw(renderRunSummary(state, loaded.plan, { runUrl: ctx.runUrl }), true).write();
  const gh = github(settings, ctx);
  const pr = settings.pr ? Number(settings.pr) : undefined;
  if (pr) await gh.upsertComment(pr, commentMarker(loaded.plan.name), renderPrComment(state, loaded.plan, { runUrl: ctx.runUrl }));
  if (hasMore) {
    const run = await gh.dispatch(settings.workflow, targetBranch, { plan: settings.plan, ...(settings.pr ? { pr: String(settings.pr) } : {}) });
    core.info(`Next wave dispatched: ${run.runUrl}`);
  } else {
    core.info(`Execution ${state.status}: ${report.storiesCompleted.length} completed, ${report.storiesFailed.length} failed.`);
  }
}
