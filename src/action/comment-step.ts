// The `comment` command's wiring: the /build handler (comment.ts) given the real GitHub port, and status
// and retry read from the plan on the pull request's head and the state on `origin`. The pull request's
// code is never checked out or run here: the plan file is read as text with `git show`.
import { readFile } from "node:fs/promises";
import * as core from "@actions/core";
import { parsePlan, formatIssue } from "../core/plan/parse.js";
import type { Plan } from "../core/plan/model.js";
import { dependentsOf } from "../core/state/progression.js";
import { retryStories, statusOf } from "../core/state/state.js";
import { renderGantt } from "../core/render/gantt.js";
import { renderStatusText } from "../core/render/status-text.js";
import { Git } from "../adapters/git.js";
import { createStateStore } from "../adapters/state-store.js";
import { handleComment } from "./comment.js";
import type { RunnerContext } from "./runner-context.js";
import type { Settings } from "./settings.js";
import { github, StepFailure } from "./steps.js";

async function planOfPull(git: Git, pr: number, planPath: string): Promise<Plan> {
  const ref = `refs/tdd-waves/pull/${pr}`;
  await git.fetch("origin", [`+refs/pull/${pr}/head:${ref}`]);
  const text = await git.showFile(ref, planPath);
  if (text === null) throw new Error(`there is no plan file \`${planPath}\` on the pull request's branch`);
  const { plan, errors } = parsePlan(text, planPath);
  if (!plan) throw new Error(`the plan \`${planPath}\` is invalid:\n${errors.map(formatIssue).join("\n")}`);
  return plan;
}

export async function commentStep(settings: Settings, ctx: RunnerContext): Promise<void> {
  if (!ctx.eventPath) throw new StepFailure("the comment command runs on issue_comment events (GITHUB_EVENT_PATH is not set)");
  const event = JSON.parse(await readFile(ctx.eventPath, "utf8")) as { issue?: { number?: number } };
  const pr = event.issue?.number ?? 0;
  const git = new Git({ cwd: ctx.workspace });
  const storeFor = (plan: Plan) => createStateStore({ git, planName: plan.name, branch: settings.stateBranch, remote: "origin" });
  const outcome = await handleComment(event, {
    github: github(settings, ctx),
    defaultPlan: settings.plan,
    workflow: settings.workflow,
    runsPageUrl: `${ctx.serverUrl}/${ctx.repository}/actions/workflows/${settings.workflow}`,
    log: core.info,
    status: async (planPath) => {
      const plan = await planOfPull(git, pr, planPath);
      const state = await storeFor(plan).read();
      if (!state) return `Plan \`${plan.name}\` has not been executed yet. Comment \`/build ${planPath}\` to start it.`;
      const titles = Object.fromEntries(plan.stories.map((s) => [s.id, s.title]));
      const charts = renderGantt(state, titles).map((c) => `\`\`\`mermaid\n${c}\n\`\`\``);
      return [`**tdd-waves · ${plan.name}** — ${state.status}`, "", "```text", renderStatusText(state, plan), "```", "", ...charts].join("\n");
    },
    retry: async (planPath, ids) => {
      const plan = await planOfPull(git, pr, planPath);
      const store = storeFor(plan);
      const state = await store.read();
      if (!state) return { ok: false, message: `plan \`${plan.name}\` has no execution to retry` };
      const known = new Set(plan.stories.map((s) => s.id));
      const bad = ids.filter((id) => !known.has(id) || (statusOf(state, id) !== "failed" && statusOf(state, id) !== "blocked"));
      if (bad.length > 0) {
        const why = bad.map((id) => (known.has(id) ? `\`${id}\` is ${statusOf(state, id)}` : `\`${id}\` is not in the plan`));
        return { ok: false, message: `only failed or blocked stories can be retried: ${why.join(", ")}` };
      }
      await store.update(retryStories(ids, dependentsOf(plan), new Date().toISOString()), `retry ${ids.join(" ")}`);
      return { ok: true, message: `${ids.map((id) => `\`${id}\``).join(", ")} (and the stories they blocked) are pending again, for a whole new set of attempts` };
    },
  });
  core.info(`/build: ${outcome.kind}${"reason" in outcome ? `: ${outcome.reason}` : ""}`);
  if (outcome.kind === "failed") throw new StepFailure(`/build could not be handled: ${outcome.reason}`);
}
