// `status`, `gantt` and `report`: read-only views of the recorded execution on the state branch.
import { renderGantt } from "../core/render/gantt.js";
import { buildReport } from "../core/render/report.js";
import { renderStatusJson } from "../core/render/status-json.js";
import { renderStatusText } from "../core/render/status-text.js";
import { retryHint } from "../core/render/retries.js";
import type { CliIO } from "./io.js";
import { openPlan, openStore, parseFlags, UsageError } from "./args.js";

export async function viewCommand(command: "status" | "gantt" | "report", args: string[], io: CliIO): Promise<number> {
  let flags;
  try {
    flags = parseFlags(args, command === "status" ? { json: "boolean", "state-branch": "value" } : { "state-branch": "value" });
    if (flags.positional.length !== 1) throw new UsageError(`${command} takes exactly one plan file`);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`tdd-waves ${command}: ${e.message}\nUsage: tdd-waves ${command} <plan-file>${command === "status" ? " [--json]" : ""}\n`);
    return 2;
  }
  const opened = await openPlan(flags.positional[0]!, io);
  if (typeof opened === "number") return opened;
  const { loaded, repoRoot } = opened;
  const store = openStore(loaded.plan.name, repoRoot, flags.values["state-branch"], io);
  if (typeof store === "number") return store;
  const state = await store.read();
  if (!state) {
    io.stderr(`tdd-waves: plan "${loaded.plan.name}" has no recorded execution on branch ${store.branch}: start one with \`tdd-waves run ${flags.positional[0]}\`\n`);
    return 2;
  }
  const titles = Object.fromEntries(loaded.plan.stories.map((s) => [s.id, s.title]));
  if (command === "gantt") {
    for (const chart of renderGantt(state, titles)) io.stdout(`\`\`\`mermaid\n${chart}\n\`\`\`\n`);
  } else if (command === "report") {
    io.stdout(`${JSON.stringify(buildReport(state, loaded.plan), null, 2)}\n`);
  } else if (flags.booleans.has("json")) {
    io.stdout(`${JSON.stringify(renderStatusJson(state, loaded.plan), null, 2)}\n`);
  } else {
    const hint = retryHint(state, loaded.plan, flags.positional[0]!);
    io.stdout(`${renderStatusText(state, loaded.plan)}\n${hint ? `\n${hint}\n` : ""}`);
  }
  return 0;
}
