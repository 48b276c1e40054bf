// `tdd-waves dispatch <plan> [--repo owner/name] [--ref branch] [--pr N] [--watch]`: starts the execution
// workflow on GitHub; with --watch follows it wave by wave (the live view of `run`, read from the workflow's
// runs and from the state branch on origin) until it ends, with `run`'s exit codes.
import { Git } from "../adapters/git.js";
import { createRemoteGitHub, RemoteError, type RemoteGitHub, type WorkflowRun } from "../adapters/github-remote.js";
import type { StateStore } from "../adapters/state-store.js";
import type { Plan } from "../core/plan/model.js";
import { renderGanttTerminal } from "../core/render/gantt-terminal.js";
import { own } from "../core/own.js";
import { statusOf, type WorkflowState } from "../core/state/state.js";
import type { CliIO } from "./io.js";
import { openPlan, parseFlags, UsageError } from "./args.js";
import { createProgress, type Progress } from "./progress.js";
import { apiUrl, openRemoteStore, requireToken, resolveRepo } from "./remote.js";
import { terminalOptions } from "./terminal.js";

const USAGE = "Usage: tdd-waves dispatch <plan-file> [--repo owner/name] [--ref branch] [--pr N] [--watch] [--workflow FILE] [--interval SECONDS] [--no-color]";
const HELP = `Starts the execution workflow (.github/workflows/tdd-waves.yml) on GitHub for the plan.
  --repo owner/name   the repository (default: the origin remote's)
  --ref branch        the branch to build (default: the current branch; it must be pushed)
  --pr N              report progress on pull request N
  --watch             follow the execution wave by wave until it ends; exit code as \`run\`'s
  --workflow FILE     the execution workflow's file name (default: tdd-waves.yml)
  --interval SECONDS  how often --watch looks (default: 10)
Token: GITHUB_TOKEN or GH_TOKEN, with "actions: write" on the repository. API root: GITHUB_API_URL.`;

export async function dispatchCommand(args: string[], io: CliIO): Promise<number> {
  let flags;
  try {
    flags = parseFlags(args, { repo: "value", ref: "value", pr: "value", watch: "boolean", workflow: "value", interval: "value", "state-branch": "value", "no-color": "boolean", help: "boolean" });
    if (flags.booleans.has("help")) {
      io.stdout(`${USAGE}\n\n${HELP}\n`);
      return 0;
    }
    if (flags.positional.length !== 1) throw new UsageError("dispatch takes exactly one plan file");
    if (flags.values.pr !== undefined && !/^[1-9]\d{0,9}$/.test(flags.values.pr)) throw new UsageError(`--pr must be a pull request number, got "${flags.values.pr}"`);
    if (flags.values.workflow !== undefined && !/^[A-Za-z0-9_.-]+\.ya?ml$/.test(flags.values.workflow)) throw new UsageError(`--workflow must be a workflow file name such as tdd-waves.yml, got "${flags.values.workflow}"`);
    if (flags.values.interval !== undefined && !(Number(flags.values.interval) > 0)) throw new UsageError(`--interval must be a number of seconds, got "${flags.values.interval}"`);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`tdd-waves dispatch: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  // The plan is checked here first: a plan GitHub would refuse is refused before anything starts.
  const opened = await openPlan(flags.positional[0]!, io);
  if (typeof opened === "number") return opened;
  const { loaded, repoRoot } = opened;
  const fail = (message: string): number => {
    io.stderr(`tdd-waves dispatch: ${message}\n`);
    return 2;
  };
  const repo = await resolveRepo(flags.values.repo, repoRoot);
  if (typeof repo === "string") return fail(repo);
  const full = `${repo.owner}/${repo.repo}`;
  const token = requireToken(io, full);
  if (typeof token !== "string") return fail(token.error);
  const ref = flags.values.ref ?? (await new Git({ cwd: repoRoot }).currentBranch());
  if (!ref) return fail("HEAD is detached: pass --ref <branch>");
  const workflow = flags.values.workflow ?? "tdd-waves.yml";
  const github = createRemoteGitHub({ token, ...repo, baseUrl: apiUrl(io) });
  const inputs: Record<string, string> = { plan: loaded.path, ...(flags.values.pr ? { pr: flags.values.pr } : {}) };
  const startedAt = Date.now();
  let dispatched;
  try {
    dispatched = await github.dispatch(workflow, ref, inputs);
  } catch (e) {
    if (e instanceof RemoteError) return fail(e.message);
    throw e;
  }
  io.stdout(`Dispatched ${workflow} on ${full}@${ref} for ${loaded.path}: ${dispatched.runUrl}\n`);
  if (!flags.booleans.has("watch")) return 0;

  const store = openRemoteStore(loaded.plan.name, repoRoot, flags.values["state-branch"], io);
  if (typeof store === "number") return store;
  const intervalMs = Number(flags.values.interval ?? 10) * 1000;
  try {
    const state = await watch({ github, store, plan: loaded.plan, workflow, ref, startedAt, intervalMs, progress: createProgress(io, loaded.plan) });
    const titles = Object.fromEntries(loaded.plan.stories.map((s) => [s.id, s.title]));
    const gantt = state ? renderGanttTerminal(state, titles, terminalOptions(io, flags.booleans.has("no-color"))) : "";
    io.stdout(gantt ? `\n${gantt}\n\n` : "\n");
    if (!state) return 1;
    const done = state.stories.completed.length;
    io.stdout(`${done} completed, ${state.stories.failed.length} failed, ${state.stories.blocked.length} blocked of ${loaded.plan.stories.length}.\n`);
    return done === loaded.plan.stories.length ? 0 : 1;
  } catch (e) {
    if (e instanceof RemoteError) {
      io.stderr(`tdd-waves dispatch: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

interface Watch {
  github: RemoteGitHub;
  store: StateStore;
  plan: Plan;
  workflow: string;
  ref: string;
  startedAt: number;
  intervalMs: number;
  progress: Progress;
}

/** Runs started since the dispatch (a minute of clock skew allowed), oldest first. */
async function runsSince(w: Watch): Promise<WorkflowRun[]> {
  const runs = await w.github.runs(w.workflow, w.ref);
  return runs.filter((r) => Date.parse(r.createdAt) >= w.startedAt - 60_000).sort((a, b) => a.id - b.id);
}

/**
 * Polls the state branch and the workflow's runs, turning what changed into the progress events `run`
 * prints, until the execution ends: the state is complete or in error with no run still going, or the last
 * run ended (failed, cancelled) and no next one followed. Returns the last state read.
 */
async function watch(w: Watch): Promise<WorkflowState | null> {
  const seen = new Map<string, string>();
  const announced = new Set<string>();
  let wave = 0;
  let state: WorkflowState | null = null;
  let quietPolls = 0;
  for (;;) {
    state = (await w.store.read()) ?? state;
    if (state) {
      for (; wave < state.currentWave; wave++) w.progress.event({ type: "wave", wave: wave + 1, stories: state.waves[wave] ?? [] });
      for (const id of Object.keys(state.runs)) {
        const status = statusOf(state, id);
        if (seen.get(id) === status) continue;
        seen.set(id, status);
        if (status === "testing" || status === "implementing") w.progress.event({ type: "phase", storyId: id, phase: status === "testing" ? "tester" : "implementation" });
        else if (status === "complete" || status === "failed" || status === "blocked") w.progress.event({ type: "story", storyId: id, status, ...(own(state.runs, id)?.reason ? { reason: own(state.runs, id)!.reason } : {}) });
      }
    }
    const runs = await runsSince(w);
    for (const run of runs) {
      const key = `${run.id}:${run.status === "completed" ? run.conclusion : "going"}`;
      if (announced.has(key)) continue;
      announced.add(key);
      w.progress.event({ type: "log", message: run.status === "completed" ? `Workflow run ${run.id} ${run.conclusion}: ${run.url}` : `Workflow run ${run.id} ${run.status}: ${run.url}` });
    }
    const going = runs.some((r) => r.status !== "completed");
    const finished = state !== null && (state.status === "complete" || state.status === "error");
    if (!going && finished) break;
    const last = runs[runs.length - 1];
    // Between two waves the finished run has dispatched the next one, which may take a poll or two to appear;
    // after a failed run the next one never comes.
    quietPolls = !going && last !== undefined ? quietPolls + 1 : 0;
    if (quietPolls >= (last?.conclusion === "success" ? 6 : 2)) {
      w.progress.note(`The execution stopped: workflow run ${last!.id} ended ${last!.conclusion} and no next run started (${last!.url})`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, w.intervalMs));
  }
  w.progress.stop();
  return state;
}
