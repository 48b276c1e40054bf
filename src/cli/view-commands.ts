// `status`, `gantt` and `report`: read-only views of the recorded execution on the state branch.
import { renderGantt } from "../core/render/gantt.js";
import { renderGanttSvg } from "../core/render/gantt-svg.js";
import { renderGanttTerminal } from "../core/render/gantt-terminal.js";
import { buildReport } from "../core/render/report.js";
import { renderStatusJson } from "../core/render/status-json.js";
import { renderStatusText } from "../core/render/status-text.js";
import { retryHint } from "../core/render/retries.js";
import type { CliIO } from "./io.js";
import { InvalidStateError } from "../adapters/state-store.js";
import { openPlan, openStore, parseFlags, UsageError } from "./args.js";
import { openRemoteStore, REMOTE } from "./remote.js";
import { terminalOptions } from "./terminal.js";

const FLAGS = {
  status: { json: "boolean", "state-branch": "value", "no-color": "boolean", remote: "boolean", help: "boolean" },
  gantt: { format: "value", "state-branch": "value", "no-color": "boolean", help: "boolean" },
  report: { "state-branch": "value", help: "boolean" },
} as const;

const USAGE = {
  status: "tdd-waves status <plan-file> [--json] [--no-color] [--state-branch B] [--remote]",
  gantt: "tdd-waves gantt <plan-file> [--format mermaid|text|svg] [--no-color] [--state-branch B]",
  report: "tdd-waves report <plan-file> [--state-branch B]",
};

const HELP = {
  status: "Progress per wave and epic, then the terminal Gantt. --remote reads the state branch as the origin remote has it (an execution on GitHub), with git.",
  gantt: "The Gantt of the recorded execution: mermaid (default, Markdown fences), text (for a terminal) or svg (a self-contained picture).",
  report: "The report JSON of the recorded execution.",
};

export async function viewCommand(command: "status" | "gantt" | "report", args: string[], io: CliIO): Promise<number> {
  let flags;
  try {
    flags = parseFlags(args, FLAGS[command]);
    if (flags.booleans.has("help")) {
      io.stdout(`Usage: ${USAGE[command]}\n\n${HELP[command]}\n`);
      return 0;
    }
    if (flags.positional.length !== 1) throw new UsageError(`${command} takes exactly one plan file`);
    const format = flags.values.format ?? "mermaid";
    if (!["mermaid", "text", "svg"].includes(format)) throw new UsageError(`--format must be mermaid, text or svg, got "${format}"`);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`tdd-waves ${command}: ${e.message}\nUsage: ${USAGE[command]}\n`);
    return 2;
  }
  const opened = await openPlan(flags.positional[0]!, io);
  if (typeof opened === "number") return opened;
  const { loaded, repoRoot } = opened;
  const remote = flags.booleans.has("remote");
  const store = (remote ? openRemoteStore : openStore)(loaded.plan.name, repoRoot, flags.values["state-branch"], io);
  if (typeof store === "number") return store;
  let state;
  try {
    state = await store.read();
  } catch (e) {
    if (e instanceof InvalidStateError) {
      io.stderr(`tdd-waves: ${e.message}\n`);
      return 2;
    }
    if (!remote) throw e;
    io.stderr(`tdd-waves: cannot read the state branch ${store.branch} from ${REMOTE}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  if (!state) {
    const where = remote ? `${REMOTE}/${store.branch}` : `branch ${store.branch}`;
    const start = remote ? `tdd-waves dispatch ${flags.positional[0]}` : `tdd-waves run ${flags.positional[0]}`;
    io.stderr(`tdd-waves: plan "${loaded.plan.name}" has no recorded execution on ${where}: start one with \`${start}\`\n`);
    return 2;
  }
  const titles = Object.fromEntries(loaded.plan.stories.map((s) => [s.id, s.title]));
  if (command === "gantt") {
    const format = flags.values.format ?? "mermaid";
    if (format === "svg") io.stdout(renderGanttSvg(state, titles));
    else if (format === "text") io.stdout(`${renderGanttTerminal(state, titles, terminalOptions(io, flags.booleans.has("no-color"))) || "No phase has run yet."}\n`);
    else for (const chart of renderGantt(state, titles)) io.stdout(`\`\`\`mermaid\n${chart}\n\`\`\`\n`);
  } else if (command === "report") {
    io.stdout(`${JSON.stringify(buildReport(state, loaded.plan), null, 2)}\n`);
  } else if (flags.booleans.has("json")) {
    io.stdout(`${JSON.stringify(renderStatusJson(state, loaded.plan), null, 2)}\n`);
  } else {
    const gantt = renderGanttTerminal(state, titles, terminalOptions(io, flags.booleans.has("no-color")));
    const hint = retryHint(state, loaded.plan, flags.positional[0]!, remote ? "github" : "local");
    io.stdout(`${renderStatusText(state, loaded.plan)}\n${hint ? `\n${hint}\n` : ""}${gantt ? `\n${gantt}\n` : ""}`);
  }
  return 0;
}
