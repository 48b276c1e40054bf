// `tdd-waves plan <plan-file> [--json]` (SPEC §6): validates a plan and prints its waves, as a table or JSON.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { loadPlan, PlanError } from "../adapters/plan-loader.js";
import type { LoadedPlan } from "../adapters/plan-loader.js";
import { DEFAULTS } from "../core/plan-model.js";
import type { CliIO } from "./io.js";

const USAGE = `Usage: tdd-waves plan <plan-file> [--json]

Validates the plan and prints its waves.
  --json    print {"name", "totalWaves", "waves": [{"wave", "stories"}]} instead of a table`;

const TITLE_WIDTH = 60;
const DEPENDS_SHOWN = 3;

/** Runs the `plan` command; returns the exit code (0 valid, 2 invalid plan or usage). */
export async function planCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed === "help") {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (typeof parsed === "string") {
    io.stderr(`tdd-waves plan: ${parsed}\n\n${USAGE}\n`);
    return 2;
  }
  let loaded: LoadedPlan;
  try {
    const repoRoot = await repositoryRoot(path.resolve(io.cwd, parsed.planFile), io);
    loaded = await loadPlan(parsed.planFile, repoRoot, { cwd: io.cwd });
  } catch (e) {
    if (!(e instanceof PlanError)) throw e;
    io.stderr(`${e.message}\n`);
    return 2;
  }
  io.stdout(parsed.json ? `${JSON.stringify(wavesJson(loaded), null, 2)}\n` : wavesTable(loaded));
  return 0;
}

/** The plan file and flags, "help", or a usage error message. */
function parseArgs(args: string[]): { planFile: string; json: boolean } | "help" | string {
  const positional: string[] = [];
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--") {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (arg === "--help" || arg === "-h") return "help";
    if (arg === "--json") json = true;
    else if (arg.startsWith("-") && arg !== "-") return `unknown option "${arg}"`;
    else positional.push(arg);
  }
  if (positional.length === 0) return "a plan file is required";
  if (positional.length > 1) return `expected one plan file, got ${positional.length}: ${positional.join(" ")}`;
  return { planFile: positional[0] as string, json };
}

/** The git repository holding the plan file; the working directory when it is in none. */
async function repositoryRoot(planFile: string, io: CliIO): Promise<string> {
  const dir = path.dirname(planFile);
  if (!existsSync(dir)) return io.cwd;
  try {
    const { stdout } = await promisify(execFile)("git", ["rev-parse", "--show-toplevel"], { cwd: dir, env: definedEnv(io.env) });
    const root = stdout.trim();
    return root === "" ? io.cwd : root;
  } catch {
    return io.cwd;
  }
}

function definedEnv(env: CliIO["env"]): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

export function wavesJson(loaded: LoadedPlan): { name: string; totalWaves: number; waves: { wave: number; stories: string[] }[] } {
  return {
    name: loaded.plan.name,
    totalWaves: loaded.waves.length,
    waves: loaded.waves.map((stories, i) => ({ wave: i + 1, stories })),
  };
}

/** A plain-text table, one row per story in wave order, and a note for waves larger than a job matrix. */
export function wavesTable({ plan, waves }: LoadedPlan): string {
  const byId = new Map(plan.stories.map((s) => [s.id, s]));
  const rows = waves.flatMap((ids, w) =>
    ids.map((id) => {
      const s = byId.get(id);
      return [String(w + 1), id, clip(oneLine(s?.title ?? ""), TITLE_WIDTH), dependsOn(s?.dependsOn ?? []), s ? `${s.tester} → ${s.implementer}` : ""];
    }),
  );
  const header = ["Wave", "Story", "Title", "Depends on", "Tester → Implementer"];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (cells: string[]): string => cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join("  ").trimEnd();
  const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  const big = waves.flatMap((ids, w) =>
    ids.length > DEFAULTS.matrixLimit
      ? [`Wave ${w + 1} has ${ids.length} stories: on GitHub it runs as ${Math.ceil(ids.length / DEFAULTS.matrixLimit)} consecutive matrices of at most ${DEFAULTS.matrixLimit} jobs.`]
      : [],
  );
  return [
    `Plan ${plan.name}: ${count(plan.stories.length, "story", "stories")} in ${count(waves.length, "wave", "waves")}, up to ${plan.maxParallel} at once`,
    "",
    line(header),
    ...rows.map(line),
    ...(big.length > 0 ? ["", ...big] : []),
    "",
  ].join("\n");
}

function dependsOn(ids: string[]): string {
  if (ids.length === 0) return "—";
  const shown = ids.slice(0, DEPENDS_SHOWN).join(", ");
  return ids.length > DEPENDS_SHOWN ? `${shown} (+${ids.length - DEPENDS_SHOWN})` : shown;
}

/** Titles come from the plan file: control characters (escape sequences) must not reach the terminal. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ");
}

function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}
