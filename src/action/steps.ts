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
import { chooseNextWave, storyStep, type StoryStep } from "../engine/distributed.js";
import { integrateWave } from "../engine/wave-integrate.js";
import type { Ports } from "../engine/ports.js";

export class StepFailure extends Error {}

function portsFor(settings: Settings, ctx: RunnerContext, planName: string, where: "origin" | "checkout" = "origin"): Ports {
  const git = new Git({ cwd: ctx.workspace });
  const store = createStateStore({ git, planName, branch: settings.stateBranch, ...(where === "origin" ? { remote: "origin" } : {}) });
  return realPorts({
    store,
    progress: (e) => {
      const line = describeProgress(e);
      if (line) core.info(line);
    },
  });
}

/**
 * Read-only jobs keep the state in their checkout: a local state branch started from the one the
 * checkout fetched (the plan job's write), never pushed. Their results leave as artifacts.
 */
async function checkoutPorts(settings: Settings, ctx: RunnerContext, planName: string): Promise<Ports> {
  const git = new Git({ cwd: ctx.workspace });
  const local = `refs/heads/${settings.stateBranch}`;
  if ((await git.revParse(local)) === null) {
    const fetched = `refs/remotes/origin/${settings.stateBranch}`;
    if ((await git.revParse(fetched)) === null) throw new StepFailure(`the checkout has no ${fetched}: check out with fetch-depth: 0`);
    await git.run(["update-ref", local, fetched]);
  }
  return portsFor(settings, ctx, planName, "checkout");
}

export function target(ctx: RunnerContext): string {
  if (!ctx.refIsBranch || !ctx.refName) throw new StepFailure(`tdd-waves runs on a branch (it merges stories into it); this run is on "${ctx.refName || "no ref"}"`);
  return ctx.refName;
}

export function github(settings: Settings, ctx: RunnerContext): GitHubPort {
  return createGitHub({ token: settings.token ?? "", baseUrl: ctx.apiUrl, serverUrl: ctx.serverUrl, owner: ctx.owner, repo: ctx.repo, log: core.info });
}

export { portsFor };

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
  // Every later job of the run starts from this very commit, and publish checks against it.
  core.setOutput("target-sha", (await new Git({ cwd: ctx.workspace }).revParse("HEAD")) ?? "");
  core.info(
    choice.wave > 0
      ? `Wave ${choice.wave} of ${choice.totalWaves}: ${choice.stories.join(", ")}${choice.rebuilds.length ? ` (rebuilt on the integrated target: ${choice.rebuilds.join(", ")})` : ""}`
      : choice.integrate.length > 0
        ? `No story runs in this run: it integrates ${choice.integrate.join(", ")} first.`
        : "Nothing left to run.",
  );
}

export async function storyStepCommand(step: StoryStep, settings: Settings, ctx: RunnerContext, loaded: LoadedPlan): Promise<void> {
  const ports = await checkoutPorts(settings, ctx, loaded.plan.name);
  const out = { tester: ctx.artifacts.tester, story: ctx.artifacts.story };
  const result = await storyStep(ports, step, { source: loaded, storyId: settings.story!, dir: ctx.workspace, logDir: ctx.logDir, runUrl: ctx.runUrl, out });
  if ("skipped" in result) {
    core.info(`Nothing to do: ${result.skipped}`);
    return;
  }
  if (!result.ok) throw new StepFailure(`${settings.story}: ${result.reason}`);
}

export async function integrateStep(settings: Settings, ctx: RunnerContext, loaded: LoadedPlan): Promise<void> {
  const ports = await checkoutPorts(settings, ctx, loaded.plan.name);
  const { verdicts } = await integrateWave(ports, {
    source: loaded, dir: ctx.workspace, target: target(ctx), inDir: ctx.artifacts.downloaded, outDir: ctx.artifacts.integrated, logDir: ctx.logDir, runUrl: ctx.runUrl,
  });
  const merged = Object.entries(verdicts.stories).filter(([, v]) => v.merged).map(([id]) => id);
  const failed = Object.entries(verdicts.stories).filter(([, v]) => v.failed).map(([id, v]) => `${id} (${v.failed!.reason})`);
  core.info(`Integrated: ${merged.join(", ") || "nothing"}${failed.length ? `; failed: ${failed.join(", ")}` : ""}`);
}
