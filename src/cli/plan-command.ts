// `tdd-waves plan <plan-file> [--json]` (SPEC §6): validates a plan and prints its waves, as a table or JSON.
import { existsSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { loadPlan, PlanError } from "../adapters/plan-loader.js";
import type { LoadedPlan } from "../adapters/plan-loader.js";
import { DEFAULTS } from "../core/plan/model.js";
import type { Story } from "../core/plan/model.js";
import type { CliIO } from "./io.js";
import { missingPresetCLIs } from "./preset-check.js";

const USAGE = `Usage: tdd-waves plan <plan-file> [--json]
       tdd-waves plan --from <dir> [--base PLAN] [--write FILE]   (see tdd-waves plan --from . --help)

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
  // A preset whose CLI is missing here may be installed where the plan runs: a warning, not an error.
  if (Object.values(loaded.plan.agents).some((a) => a.preset)) {
    for (const message of missingPresetCLIs(loaded.plan, io.env.PATH)) io.stderr(`tdd-waves plan: warning: ${message}\n`);
  }
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
  // Looking for ".git" the way git does spares starting a process, most of a small plan's run time. Set-ups
  // that move the repository elsewhere (GIT_DIR, GIT_WORK_TREE) are left to git itself.
  if (io.env.GIT_DIR === undefined && io.env.GIT_WORK_TREE === undefined) return findWorkTree(dir, io.env.GIT_CEILING_DIRECTORIES) ?? io.cwd;
  try {
    const { execFile } = await import("node:child_process");
    const { promisify } = await import("node:util");
    const { stdout } = await promisify(execFile)("git", ["rev-parse", "--show-toplevel"], { cwd: dir, env: definedEnv(io.env) });
    const root = stdout.trim();
    return root === "" ? io.cwd : root;
  } catch {
    return io.cwd;
  }
}

/**
 * The nearest directory at or above `dir` (symbolic links resolved) with a ".git" repository or ".git" file
 * (worktrees, submodules) in it, not going up into any of the `ceilings` (GIT_CEILING_DIRECTORIES: a list
 * separated like PATH), as git does.
 */
function findWorkTree(dir: string, ceilings: string | undefined): string | undefined {
  const stops = new Set((ceilings ?? "").split(path.delimiter).filter((c) => path.isAbsolute(c)).flatMap((c) => [path.resolve(c), realpathOr(c)]));
  for (let at = realpathOr(dir); ; ) {
    const git = path.join(at, ".git");
    const kind = statSync(git, { throwIfNoEntry: false });
    if (kind?.isFile() || (kind?.isDirectory() && existsSync(path.join(git, "HEAD")))) return at;
    const parent = path.dirname(at);
    if (parent === at || stops.has(parent)) return undefined;
    at = parent;
  }
}

function definedEnv(env: CliIO["env"]): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

function realpathOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
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
  const byId = new Map<string, Story>();
  for (const s of plan.stories) byId.set(s.id, s);
  const header = ["Wave", "Story", "Title", "Depends on", "Tester → Implementer"] as const;
  // Column widths come from lengths alone, then each row is written once: plans can have thousands of stories,
  // and cells kept around until the end would only be copied again and again by the garbage collector.
  const widths = header.map((h) => h.length);
  const widen = (c: number, length: number): void => {
    if (length > (widths[c] as number)) widths[c] = length;
  };
  waves.forEach((ids, w) => {
    widen(0, String(w + 1).length);
    for (const id of ids) {
      const s = byId.get(id);
      widen(1, id.length);
      widen(2, Math.min((s?.title ?? "").length, TITLE_WIDTH));
      widen(3, dependsOnLength(s?.dependsOn ?? []));
    }
  });
  const [w0, w1, w2, w3] = widths as [number, number, number, number];
  const line = (wave: string, story: string, title: string, depends: string, agents: string): string => {
    const row = `${wave.padEnd(w0)}  ${story.padEnd(w1)}  ${title.padEnd(w2)}  ${depends.padEnd(w3)}  ${agents}`;
    return row.endsWith(" ") ? row.trimEnd() : row;
  };
  const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  const out = [`Plan ${plan.name}: ${count(plan.stories.length, "story", "stories")} in ${count(waves.length, "wave", "waves")}, up to ${plan.maxParallel} at once`, "", line(...header)];
  const big: string[] = [];
  let agents = "";
  let agentsOf: Story | undefined;
  waves.forEach((ids, w) => {
    const label = String(w + 1);
    for (const id of ids) {
      const s = byId.get(id);
      // Neighbouring stories mostly have the same agents: one string serves them all.
      const same = s && agentsOf && s.tester === agentsOf.tester && s.implementer === agentsOf.implementer;
      if (!same) agents = s ? `${s.tester} → ${s.implementer}` : "";
      agentsOf = s;
      out.push(line(label, id, clip(oneLine(s?.title ?? ""), TITLE_WIDTH), dependsOn(s?.dependsOn ?? []), agents));
    }
    if (ids.length > DEFAULTS.matrixLimit) {
      big.push(`Wave ${w + 1} has ${ids.length} stories: on GitHub it runs as ${Math.ceil(ids.length / DEFAULTS.matrixLimit)} consecutive matrices of at most ${DEFAULTS.matrixLimit} jobs.`);
    }
  });
  if (big.length > 0) out.push("", ...big);
  out.push("");
  return out.join("\n");
}

/** The "Depends on" cell: up to three ids, then how many more. */
function dependsOn(ids: string[]): string {
  if (ids.length === 0) return "—";
  if (ids.length <= DEPENDS_SHOWN) return ids.join(", ");
  return `${ids.slice(0, DEPENDS_SHOWN).join(", ")} (+${ids.length - DEPENDS_SHOWN})`;
}

/** dependsOn(ids).length, without building the string. */
function dependsOnLength(ids: string[]): number {
  if (ids.length === 0) return 1;
  const shown = Math.min(ids.length, DEPENDS_SHOWN);
  let length = 2 * (shown - 1);
  for (let i = 0; i < shown; i++) length += (ids[i] as string).length;
  return ids.length > DEPENDS_SHOWN ? length + ` (+${ids.length - DEPENDS_SHOWN})`.length : length;
}

/** Titles come from the plan file: control characters (escape sequences) must not reach the terminal. */
function oneLine(text: string): string {
  return CONTROL.test(text) ? text.replace(CONTROL_ALL, " ") : text;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f]/g;

function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}
