// The `comment` command (SPEC §8): decides what a `/build` pull request comment may do and does it
// through the GitHub port. Every refusal is a reply saying why plus a 😕; nothing is dispatched unless
// the commenter has write access and the pull request's code lives in this repository.
import { z } from "zod";
import { codeSpan, parseBuildComment } from "../core/build-command.js";
import type { GitHubPort, Permission } from "../adapters/github.js";

export interface CommentDeps {
  github: GitHubPort;
  /** The plan `/build` alone runs (the workflow's `plan` input). */
  defaultPlan: string;
  /** File name of the execution workflow to dispatch. */
  workflow: string;
  /** The execution workflow's runs page: linked when GitHub does not say which run a dispatch started. */
  runsPageUrl: string;
  /** Progress and Gantt of the plan, as Markdown written by tdd-waves. */
  status: (planPath: string) => Promise<string>;
  /** Failed stories (and those they blocked) back to pending; `message` is Markdown written by tdd-waves. */
  retry: (planPath: string, ids: string[]) => Promise<{ ok: boolean; message: string }>;
  log: (line: string) => void;
}

export type CommentOutcome =
  | { kind: "ignored"; reason: string }
  | { kind: "refused"; reason: string }
  | { kind: "status"; plan: string }
  | { kind: "dispatched"; command: "build" | "retry"; plan: string; ref: string; stories?: string[]; runId?: number; runUrl: string }
  | { kind: "failed"; reason: string };

/** What the action reads from the issue_comment payload; everything else in it is ignored. */
const eventSchema = z.object({
  action: z.string(),
  comment: z.object({ id: z.number(), body: z.string().nullish(), user: z.object({ login: z.string() }) }),
  issue: z.object({ number: z.number(), pull_request: z.unknown().optional() }),
});

const ALLOWED: readonly Permission[] = ["write", "maintain", "admin"];
/** Leaves room under GitHub's 65,536-character comment limit for the reply's own lines. */
const MAX_REPLY_MARKDOWN = 60_000;

interface Context {
  deps: CommentDeps;
  commentId: number;
  issue: number;
  login: string;
}

export async function handleComment(event: unknown, deps: CommentDeps): Promise<CommentOutcome> {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) return ignored(deps, "the event is not an issue_comment payload");
  const { action, comment, issue } = parsed.data;
  if (action !== "created") return ignored(deps, `the comment was ${action}, not created`);
  const command = parseBuildComment(comment.body ?? "");
  if (command.kind === "ignore") return ignored(deps, "the comment is not a /build command");

  const ctx: Context = { deps, commentId: comment.id, issue: issue.number, login: comment.user.login };
  try {
    if (command.kind === "refuse") return await refuse(ctx, command.reason);
    if (issue.pull_request == null) return await refuse(ctx, `\`/build\` works on pull requests; #${issue.number} is an issue.`);
    const permission = await deps.github.permission(ctx.login);
    if (!ALLOWED.includes(permission)) {
      return await refuse(ctx, `${codeSpan(ctx.login)} has ${permission} permission on this repository; ` +
        "`/build` needs write, maintain or admin.");
    }
    const pull = await deps.github.pullRequest(issue.number);
    if (pull.fork) {
      return await refuse(ctx, pull.headRepo === null
        ? "the pull request's head repository was deleted."
        : `pull requests from forks (${codeSpan(pull.headRepo)}) are not built: the run would execute their code with this repository's write token.`);
    }
    if (pull.state !== "open") return await refuse(ctx, `pull request #${issue.number} is ${pull.state}.`);

    await deps.github.react(ctx.commentId, "eyes");
    const plan = command.kind === "build" ? command.plan ?? deps.defaultPlan : deps.defaultPlan;
    if (command.kind === "status") return await replyStatus(ctx, plan);
    if (command.kind === "retry") {
      const reset = await deps.retry(plan, command.stories);
      if (!reset.ok) return await refuse(ctx, reset.message);
      return await start(ctx, { command: "retry", plan, ref: pull.headRef, stories: command.stories, note: reset.message });
    }
    return await start(ctx, { command: "build", plan, ref: pull.headRef });
  } catch (error) {
    return await fail(ctx, error);
  }
}

async function start(ctx: Context, run: { command: "build" | "retry"; plan: string; ref: string; stories?: string[]; note?: string }): Promise<CommentOutcome> {
  const { github, workflow, runsPageUrl } = ctx.deps;
  const dispatched = await github.dispatch(workflow, run.ref, { plan: run.plan, pr: String(ctx.issue) });
  await github.react(ctx.commentId, "rocket");
  const link = dispatched.runId === undefined
    ? `it will appear on [the workflow's runs page](${runsPageUrl})`
    : `[run ${dispatched.runId}](${dispatched.runUrl})`;
  const what = run.command === "retry"
    ? `Retrying ${run.stories?.map((id) => codeSpan(id)).join(", ")} of ${codeSpan(run.plan)}`
    : `Building ${codeSpan(run.plan)}`;
  const note = run.note ? `\n\n${truncate(run.note)}` : "";
  await github.reply(ctx.issue, `🚀 ${what} on ${codeSpan(run.ref)}: ${link}${note}`);
  ctx.deps.log(`/build from ${ctx.login} on #${ctx.issue}: ${run.command} ${run.plan} dispatched on ${run.ref} (${dispatched.runUrl})`);
  const outcome: CommentOutcome = { kind: "dispatched", command: run.command, plan: run.plan, ref: run.ref, runUrl: dispatched.runUrl };
  if (run.stories) outcome.stories = run.stories;
  if (dispatched.runId !== undefined) outcome.runId = dispatched.runId;
  return outcome;
}

async function replyStatus(ctx: Context, plan: string): Promise<CommentOutcome> {
  const markdown = await ctx.deps.status(plan);
  await ctx.deps.github.reply(ctx.issue, `📊 tdd-waves status of ${codeSpan(plan)}\n\n${truncate(markdown)}\n\n[Runs](${ctx.deps.runsPageUrl})`);
  ctx.deps.log(`/build status from ${ctx.login} on #${ctx.issue}: replied`);
  return { kind: "status", plan };
}

async function refuse(ctx: Context, reason: string): Promise<CommentOutcome> {
  ctx.deps.log(`/build from ${ctx.login} on #${ctx.issue} refused: ${reason}`);
  await ctx.deps.github.reply(ctx.issue, `😕 tdd-waves did not start: ${truncate(reason)}`);
  await ctx.deps.github.react(ctx.commentId, "confused");
  return { kind: "refused", reason };
}

/** An API or engine error: say so on the pull request (best effort), and hand the error to the caller's outcome. */
async function fail(ctx: Context, error: unknown): Promise<CommentOutcome> {
  const reason = error instanceof Error ? error.message : String(error);
  ctx.deps.log(`/build from ${ctx.login} on #${ctx.issue} failed: ${reason}`);
  try {
    await ctx.deps.github.reply(ctx.issue, `😕 tdd-waves could not handle this command: ${codeSpan(reason, 500)}`);
    await ctx.deps.github.react(ctx.commentId, "confused");
  } catch (replyError) {
    ctx.deps.log(`could not report the failure on #${ctx.issue}: ${replyError instanceof Error ? replyError.message : String(replyError)}`);
  }
  return { kind: "failed", reason };
}

function ignored(deps: CommentDeps, reason: string): CommentOutcome {
  deps.log(`ignored: ${reason}`);
  return { kind: "ignored", reason };
}

function truncate(markdown: string): string {
  return markdown.length <= MAX_REPLY_MARKDOWN ? markdown : `${markdown.slice(0, MAX_REPLY_MARKDOWN)}\n\n… (truncated)`;
}
