// `tdd-waves run` and `tdd-waves retry`: flags -> a local execution, with live progress, the report file and
// SPEC §6 exit codes. `retry` is `run` after putting the named failed stories (and those they blocked) back.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { buildReport } from "../core/render/report.js";
import { renderGanttTerminal } from "../core/render/gantt-terminal.js";
import { retryHint } from "../core/render/retries.js";
import { statusOf } from "../core/state/state.js";
import type { WorkflowState } from "../core/state/state.js";
import { realPorts } from "../adapters/default-ports.js";
import { Git } from "../adapters/git.js";
import { InvalidStateError } from "../adapters/state-store.js";
import { RefusedError } from "../engine/execution.js";
import { runLocal } from "../engine/local-run.js";
import { Interrupted } from "../engine/story-context.js";
import { SetupBroken } from "../engine/setup-phase.js";
import type { CliIO } from "./io.js";
import { openPlan, openStore, parseFlags, UsageError } from "./args.js";
import { createProgress } from "./progress.js";
import { missingPresetCLIs } from "./preset-check.js";
import { usageLine } from "../core/render/usage.js";
import { terminalOptions } from "./terminal.js";

const USAGE = {
  run: "Usage: tdd-waves run <plan-file> [--max-parallel N] [--schedule waves|dag] [--restart] [--report PATH] [--state-branch B] [--no-color]",
  retry: "Usage: tdd-waves retry <plan-file> <story-id>... [--max-parallel N] [--schedule waves|dag] [--report PATH] [--state-branch B] [--no-color]",
};
const INTRO = {
  run: "Executes the plan locally, each story test-first in its own worktree; run it again to resume.",
  retry:
    "Puts the named failed (or blocked) stories and the stories they blocked back to pending, for a whole new set of attempts,\n" +
    "then executes the plan as `run` does; interrupted, `run` (or the same retry) resumes it. Earlier results stay on record.",
};
const HELP = `  --max-parallel N   stories at once, 1 to 10 (default: the plan's maxParallel)
  --schedule dag     start a story as soon as its own dependencies are merged (default: waves)
  --restart          (run) go on under a plan that changed since the recorded execution: completed stories keep their record
  --report PATH      where to write the report JSON (default: tdd-waves-report.json at the repository root, git-excluded)
  --state-branch B   the state branch (default: tdd-waves/state)
  --no-color         plain ASCII, no colours (also NO_COLOR)`;

export async function runCommand(args: string[], io: CliIO, command: "run" | "retry" = "run"): Promise<number> {
  const usage = (message: string) => usageOf(io, command, message);
  let flags;
  try {
    flags = parseFlags(args, {
      "max-parallel": "value",
      schedule: "value",
      ...(command === "run" ? { restart: "boolean" as const } : {}),
      report: "value",
      "state-branch": "value",
      "no-color": "boolean",
      help: "boolean",
    });
  } catch (e) {
    if (e instanceof UsageError) return usage(e.message);
    throw e;
  }
  if (flags.booleans.has("help")) {
    io.stdout(`${USAGE[command]}\n\n${INTRO[command]}\n${HELP}\n`);
    return 0;
  }
  const maxParallel = flags.values["max-parallel"] === undefined ? undefined : Number(flags.values["max-parallel"]);
  if (maxParallel !== undefined && !(Number.isInteger(maxParallel) && maxParallel >= 1 && maxParallel <= 10)) {
    return usage(`--max-parallel must be a whole number from 1 to 10, got "${flags.values["max-parallel"]}"`);
  }
  const schedule = flags.values.schedule ?? "waves";
  if (schedule !== "waves" && schedule !== "dag") return usage(`--schedule must be "waves" or "dag", got "${schedule}"`);
  if (command === "run" && flags.positional.length !== 1) return usage("run takes exactly one plan file");
  if (command === "retry" && flags.positional.length < 2) return usage("retry takes the plan file and at least one story id");
  const retry = command === "retry" ? [...new Set(flags.positional.slice(1))] : undefined;

  const opened = await openPlan(flags.positional[0]!, io);
  if (typeof opened === "number") return opened;
  const { loaded, repoRoot } = opened;
  const missing = missingPresetCLIs(loaded.plan, io.env.PATH);
  if (missing.length > 0) {
    io.stderr(`${missing.map((m) => `tdd-waves: ${m}\n`).join("")}tdd-waves: install it (or change the agent) and run again; nothing was started\n`);
    return 2;
  }
  const store = openStore(loaded.plan.name, repoRoot, flags.values["state-branch"], io);
  if (typeof store === "number") return store;
  if (retry) {
    let recorded: WorkflowState | null;
    try {
      recorded = await store.read();
    } catch (e) {
      if (!(e instanceof InvalidStateError)) throw e;
      io.stderr(`tdd-waves: ${e.message}\n`);
      return 2;
    }
    const refused = checkRetry(retry, loaded.plan.stories.map((s) => s.id), recorded, flags.positional[0]!);
    if (refused) {
      io.stderr(`tdd-waves retry: ${refused}\n`);
      return 2;
    }
  }
  const progress = createProgress(io, loaded.plan);
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    interrupts += 1;
    if (interrupts === 1) {
      progress.note("Interrupted: stopping agents and saving the state (Ctrl-C again to quit at once)");
      controller.abort();
    } else process.exit(130);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  let state: WorkflowState;
  try {
    state = await runLocal(realPorts({ store, progress: progress.event }), {
      source: loaded,
      repoDir: repoRoot,
      maxParallel,
      schedule,
      restart: flags.booleans.has("restart"),
      ...(retry ? { retry } : {}),
      signal: controller.signal,
    });
  } catch (e) {
    progress.stop();
    if (e instanceof SetupBroken) {
      // Not the stories' fault: the plan's setup fails wherever it runs (state: error, what failed in each story).
      io.stderr(`tdd-waves: the execution stopped: ${e.message}\n`);
      return 2;
    }
    if (e instanceof RefusedError || e instanceof InvalidStateError) {
      io.stderr(`tdd-waves: ${e.message}\n`);
      return 2;
    }
    if (e instanceof Interrupted || controller.signal.aborted) {
      io.stderr("tdd-waves: interrupted; the state is saved — run the same command again to resume\n");
      return 130;
    }
    io.stderr(`tdd-waves: the execution stopped: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  progress.stop();
  const report = buildReport(state, loaded.plan);
  // By default the report is tdd-waves-report.json at the repository root (SPEC §6), listed in the repository's
  // own exclude file so that it never shows as an untracked change.
  const reportPath = flags.values.report
    ? isAbsolute(flags.values.report)
      ? flags.values.report
      : resolve(io.cwd, flags.values.report)
    : join(repoRoot, REPORT_FILE);
  if (!flags.values.report) await new Git({ cwd: repoRoot }).excludeFromStatus(REPORT_FILE);
  await mkdir(dirname(reportPath), { recursive: true });
  await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  const titles = Object.fromEntries(loaded.plan.stories.map((s) => [s.id, s.title]));
  const gantt = renderGanttTerminal(state, titles, terminalOptions(io, flags.booleans.has("no-color")));
  io.stdout(gantt ? `\n${gantt}\n\n` : "\n");
  io.stdout(
    `${report.storiesCompleted.length} completed, ${report.storiesFailed.length} failed, ${report.storiesRemaining.length} not completed; ` +
      `${report.totalTestsPassed}/${report.totalTestsCovered} tests passed. Report: ${reportPath}\n`,
  );
  const agentsLine = usageLine(state, loaded.plan);
  if (agentsLine) io.stdout(`${agentsLine}\n`);
  if (state.stopped) io.stdout(`Stopped: ${state.stopped.message}\n`);
  const hint = retryHint(state, loaded.plan, flags.positional[0]!);
  if (hint) io.stdout(`${hint}\n`);
  return state.stories.completed.length === loaded.plan.stories.length ? 0 : 1;
}

function usageOf(io: CliIO, command: "run" | "retry", message: string): number {
  io.stderr(`tdd-waves ${command}: ${message}\n${USAGE[command]}\n`);
  return 2;
}

const REPORT_FILE = "tdd-waves-report.json";

/** Why the stories cannot be retried, or undefined: each is in the plan and not complete (pending ones are a retry already under way). */
function checkRetry(ids: string[], known: string[], state: WorkflowState | null, planArg: string): string | undefined {
  if (!state) return `the plan has no recorded execution to retry: start it with \`tdd-waves run ${planArg}\``;
  const problems = ids.flatMap((id) => {
    if (!known.includes(id)) return [`"${id}" is not a story of the plan`];
    return statusOf(state, id) === "complete" ? [`"${id}" is already complete`] : [];
  });
  return problems.length > 0 ? `${problems.join("; ")} (only failed or blocked stories can be retried)` : undefined;
}
