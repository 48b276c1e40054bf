// `tdd-waves agents [<plan-file>] [--json]`: the agent presets and the command line each runs (issue 13); with a
// plan, its agents and the command line each of them runs. Says which CLIs are not on PATH.
import { PRESET_NAMES, PRESETS, presetCommand } from "../core/agents/presets.js";
import { findExecutable } from "../adapters/executables.js";
import type { CliIO } from "./io.js";
import { openPlan, parseFlags, UsageError } from "./args.js";

const USAGE = "Usage: tdd-waves agents [<plan-file>] [--json]";

interface Row {
  name: string;
  preset?: string;
  executable?: string;
  onPath?: boolean;
  command: string;
  reports?: string;
  limits?: string;
  docs?: string[];
}

export async function agentsCommand(args: string[], io: CliIO): Promise<number> {
  let flags;
  try {
    flags = parseFlags(args, { json: "boolean" });
    if (flags.positional.length > 1) throw new UsageError("agents takes at most one plan file");
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`tdd-waves agents: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  const onPath = (exe: string): boolean => findExecutable(exe, io.env.PATH) !== undefined;
  let rows: Row[];
  if (flags.positional[0] === undefined) {
    rows = PRESET_NAMES.map((name) => {
      const p = PRESETS[name];
      return { name, executable: p.executable, onPath: onPath(p.executable), command: presetCommand(name), reports: p.reports, limits: p.limits, docs: p.docs };
    });
  } else {
    const opened = await openPlan(flags.positional[0], io);
    if (typeof opened === "number") return opened;
    rows = Object.values(opened.loaded.plan.agents).map((a) => {
      if (!a.preset) return { name: a.name, command: a.run };
      const p = PRESETS[a.preset];
      return { name: a.name, preset: a.preset, executable: p.executable, onPath: onPath(p.executable), command: a.run, reports: p.reports, limits: p.limits };
    });
  }
  if (flags.booleans.has("json")) {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const blocks = rows.map((r) => {
    const cli = r.executable === undefined ? "" : ` (${r.executable}: ${r.onPath ? "on PATH" : "not on PATH"})`;
    const lines = [`${r.name}${r.preset ? ` — preset ${r.preset}` : ""}${cli}`, `  $ ${r.command}`];
    if (r.reports) lines.push(`  reports: ${r.reports}`);
    if (r.limits) lines.push(`  cannot: ${r.limits}`);
    if (r.docs) lines.push(`  docs: ${r.docs.join(" ")}`);
    return lines.join("\n");
  });
  io.stdout(`${blocks.join("\n\n")}\n`);
  return 0;
}
