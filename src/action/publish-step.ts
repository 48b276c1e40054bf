// The `publish` command: the one job of a wave's run with write permissions. It runs no command of the
// plan and no code of the repository (its action comes from the default branch, its checkout is data):
// it checks and applies what the read-only jobs sent (engine/wave-publish.ts), pushes with the `token`
// input, and writes the run summary, the pull request's progress (opening the pull request at the end
// of an execution that has none) and the dispatch of the next wave: at most 3 REST calls.
import { readFile } from "node:fs/promises";
import * as core from "@actions/core";
import { Git } from "../adapters/git.js";
import type { GitHubPort } from "../adapters/github.js";
import type { LoadedPlan } from "../adapters/plan-loader.js";
import { buildReport } from "../core/render/report.js";
import { commentMarker, renderPrComment } from "../core/render/pr-comment.js";
import { renderRunSummary } from "../core/render/run-summary.js";
import { recordError, type WorkflowState } from "../core/state/state.js";
import { publishWave } from "../engine/wave-publish.js";
import type { RunnerContext } from "./runner-context.js";
import type { Settings } from "./settings.js";
import { github, portsFor, StepFailure, target } from "./steps.js";

/** Pushes and fetches of this process's git children authenticate with `token`, as actions/checkout would, but only in memory. */
export async function authenticateGit(ctx: RunnerContext, token: string): Promise<void> {
  const url = (await new Git({ cwd: ctx.workspace }).run(["remote", "get-url", "origin"])).stdout.trim();
  const n = Number(process.env.GIT_CONFIG_COUNT ?? 0);
  process.env[`GIT_CONFIG_KEY_${n}`] = `http.${url}.extraheader`;
  process.env[`GIT_CONFIG_VALUE_${n}`] = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}`;
  process.env.GIT_CONFIG_COUNT = String(n + 1);
}

/** Why the pull request's checks will not run on what was pushed, when they will not. */
export function checksNote(token: string, workflowToken: string | undefined): string | undefined {
  if (workflowToken === undefined || token !== workflowToken) return undefined;
  return "⚠️ The commits were pushed with the workflow's `GITHUB_TOKEN`: GitHub starts no workflow for such pushes, " +
    "so the pull request's checks will not run on them. Give the publish job a GitHub App token as `token` " +
    "(actions/create-github-app-token) to have them run.";
}

export async function publishStep(settings: Settings, ctx: RunnerContext, loaded: LoadedPlan): Promise<void> {
  const token = settings.token!;
  await authenticateGit(ctx, token);
  const ports = portsFor(settings, ctx, loaded.plan.name);
  const targetBranch = target(ctx);
  let outcome: Awaited<ReturnType<typeof publishWave>>;
  try {
    outcome = await publishWave(ports, { source: loaded, dir: ctx.workspace, target: targetBranch, start: settings.waveStart!, inDir: ctx.artifacts.downloaded });
  } catch (e) {
    // The execution cannot go on: say so in the state and the summary, then fail the step.
    const message = e instanceof Error ? e.message : String(e);
    const state = await ports.store.update(recordError(`publish: ${message}`, ports.now(), true), "execution error").catch(() => null);
    if (state) await writeSummary(loaded, ctx, state, [message]).catch((err) => core.warning(`could not write the summary: ${String(err)}`));
    throw e;
  }
  const { state, hasMore, problems } = outcome;
  for (const p of problems) core.warning(p);
  const report = buildReport(state, loaded.plan);
  core.setOutput("status", state.status);
  core.setOutput("report", JSON.stringify(report));
  core.setOutput("has-more", String(hasMore));
  const notes = [...problems];
  const checks = checksNote(token, process.env.GITHUB_TOKEN);
  if (checks) notes.push(checks);
  const gh = github(settings, ctx);
  let pr = settings.pr;
  if (pr === undefined && !hasMore && ctx.eventName === "workflow_dispatch") {
    pr = await openPullRequest(gh, ctx, loaded, state, targetBranch, notes);
  } else if (pr !== undefined) {
    await gh.upsertComment(pr, commentMarker(loaded.plan.name), renderPrComment(state, loaded.plan, { runUrl: ctx.runUrl }));
  }
  await writeSummary(loaded, ctx, state, notes);
  // Stopped (a refused merged result, a target that could not be pushed): the state says why; so does the step.
  if (state.status === "error") throw new StepFailure(problems.join("; ") || state.errors.at(-1)?.message || "the execution stopped");
  if (hasMore) {
    const run = await gh.dispatch(settings.workflow, targetBranch, { plan: settings.plan, ...(pr ? { pr: String(pr) } : {}) });
    core.info(`Next wave dispatched: ${run.runUrl}`);
  } else {
    core.info(`Execution ${state.status}: ${report.storiesCompleted.length} completed, ${report.storiesFailed.length} failed.`);
  }
}

/**
 * The end of an execution that reports to no pull request: the open one of the target branch gets the
 * progress comment; without one, a pull request into the default branch is opened with the report.
 */
async function openPullRequest(gh: GitHubPort, ctx: RunnerContext, loaded: LoadedPlan, state: WorkflowState, branch: string, notes: string[]): Promise<number | undefined> {
  const body = renderPrComment(state, loaded.plan, { runUrl: ctx.runUrl });
  const base = await defaultBranch(ctx);
  if (base === undefined || base === branch) {
    notes.push(`No pull request was opened: ${base === undefined ? "the event does not name the default branch" : `${branch} is the default branch`}.`);
    return undefined;
  }
  const open = await gh.openPullFor(branch);
  if (open !== undefined) {
    await gh.upsertComment(open, commentMarker(loaded.plan.name), body);
    return open;
  }
  const created = await gh.createPull({ head: branch, base, title: `tdd-waves: ${loaded.plan.name}`, body });
  notes.push(`Pull request opened: ${created.url}`);
  core.info(`Pull request #${created.number} opened: ${created.url}`);
  return created.number;
}

async function defaultBranch(ctx: RunnerContext): Promise<string | undefined> {
  if (!ctx.eventPath) return undefined;
  const event = JSON.parse(await readFile(ctx.eventPath, "utf8")) as { repository?: { default_branch?: unknown } };
  return typeof event.repository?.default_branch === "string" ? event.repository.default_branch : undefined;
}

async function writeSummary(loaded: LoadedPlan, ctx: RunnerContext, state: WorkflowState, notes: string[]): Promise<void> {
  const extra = notes.length > 0 ? `\n\n${notes.map((n) => `- ${n}`).join("\n")}\n` : "";
  await core.summary.addRaw(renderRunSummary(state, loaded.plan, { runUrl: ctx.runUrl }) + extra, true).write();
}
