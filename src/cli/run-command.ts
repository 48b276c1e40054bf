// `tdd-waves run`: flags -> a local execution, with live progress, the report file and SPEC §6 exit codes.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { buildReport } from "../core/render/report.js";
import { renderGanttText } from "../core/render/gantt.js";
import type { WorkflowState } from "../core/state/state.js";
import { realPorts } from "../adapters/default-ports.js";
import { RefusedError } from "../engine/execution.js";
import { runLocal } from "../engine/local-run.js";
import { Interrupted } from "../engine/story-context.js";
import { SetupBroken } from "../engine/setup-phase.js";
import type { CliIO } from "./io.js";
import { openPlan, openStore, parseFlags, UsageError } from "./args.js";
import { createProgress } from "./progress.js";
import { missingPresetCLIs } from "./preset-check.js";
import { usageLine } from "../core/render/usage.js";

export async function runCommand(args: string[], io: CliIO): Promise<number> {
  let flags;
  try {
    flags = parseFlags(args, {
      "max-parallel": "value",
      schedule: "value",
      restart: "boolean",
      report: "value",
      "state-branch": "value",
    });
  } catch (e) {
    if (e instanceof UsageError) return usage(io, e.message);
    throw e;
  }
  const maxParallel = flags.values["max-parallel"] === undefined ? undefined : Number(flags.values["max-parallel"]);
  if (maxParallel !== undefined && !(Number.isInteger(maxParallel) && maxParallel >= 1 && maxParallel <= 10)) {
    return usage(io, `--max-parallel must be a whole number from 1 to 10, got "${flags.values["max-parallel"]}"`);
  }
  const schedule = flags.values.schedule ?? "waves";
  if (schedule !== "waves" && schedule !== "dag") return usage(io, `--schedule must be "waves" or "dag", got "${schedule}"`);
  if (flags.positional.length !== 1) return usage(io, "run takes exactly one plan file");

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
      signal: controller.signal,
    });
  } catch (e) {
    progress.stop();
    if (e instanceof SetupBroken) {
      // Not the stories' fault: the plan's setup fails wherever it runs (state: error, what failed in each story).
      io.stderr(`tdd-waves: the execution stopped: ${e.message}\n`);
      return 2;
    }
    if (e instanceof RefusedError) {
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
  const reportPath = flags.values.report ? (isAbsolute(flags.values.report) ? flags.values.report : resolve(io.cwd, flags.values.report)) : join(repoRoot, "tdd-waves-report.json");
  await mkdir(dirname(reportPath), { recursive: true });
  await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  io.stdout(`\n${renderGanttText(state)}\n\n`);
  io.stdout(
    `${report.storiesCompleted.length} completed, ${report.storiesFailed.length} failed, ${report.storiesRemaining.length} not completed; ` +
      `${report.totalTestsPassed}/${report.totalTestsCovered} tests passed. Report: ${reportPath}\n`,
  );
  const agentsLine = usageLine(state, loaded.plan);
  if (agentsLine) io.stdout(`${agentsLine}\n`);
  if (state.stopped) io.stdout(`Stopped: ${state.stopped.message}\n`);
  return state.stories.completed.length === loaded.plan.stories.length ? 0 : 1;
}

function usage(io: CliIO, message: string): number {
  io.stderr(`tdd-waves run: ${message}\nUsage: tdd-waves run <plan-file> [--max-parallel N] [--schedule waves|dag] [--restart] [--report PATH]\n`);
  return 2;
}
