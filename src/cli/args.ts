// Command-line flags and the plan every command starts from (located errors, exit 2, nothing changed).
import { dirname, resolve } from "node:path";
import { Git } from "../adapters/git.js";
import { gitVersionProblem } from "../adapters/git-version.js";
import { loadPlan, PlanError, type LoadedPlan } from "../adapters/plan-loader.js";
import { createStateStore, StateStoreError, type StateStore } from "../adapters/state-store.js";
import type { CliIO } from "./io.js";

export class UsageError extends Error {}

export interface Flags {
  positional: string[];
  values: Record<string, string | undefined>;
  booleans: Set<string>;
}

/** `--name value`, `--name=value` and `--flag`; anything unknown is a usage error. */
export function parseFlags(args: string[], spec: Record<string, "value" | "boolean">): Flags {
  const flags: Flags = { positional: [], values: {}, booleans: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") {
      flags.positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith("--")) {
      flags.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const kind = spec[name];
    if (!kind) throw new UsageError(`unknown option --${name}`);
    if (kind === "boolean") {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      flags.booleans.add(name);
    } else {
      const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || (eq < 0 && value.startsWith("--"))) throw new UsageError(`--${name} needs a value`);
      flags.values[name] = value;
    }
  }
  return flags;
}

/** Loads the plan of the repository it lives in; prints located errors and returns 2 when it cannot. */
export async function openPlan(planArg: string, io: CliIO): Promise<{ loaded: LoadedPlan; repoRoot: string } | number> {
  const planPath = resolve(io.cwd, planArg);
  const old = await gitVersionProblem();
  if (old) {
    io.stderr(`${old}\n`);
    return 2;
  }
  let repoRoot: string;
  try {
    repoRoot = await new Git({ cwd: dirname(planPath) }).topLevel();
  } catch {
    try {
      repoRoot = await new Git({ cwd: io.cwd }).topLevel();
    } catch {
      io.stderr(`tdd-waves: ${planArg}: not inside a git repository (tdd-waves executes plans in a git repository)\n`);
      return 2;
    }
  }
  try {
    return { loaded: await loadPlan(planArg, repoRoot, { cwd: io.cwd }), repoRoot };
  } catch (e) {
    if (e instanceof PlanError) {
      io.stderr(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

/** The plan's state store in the repository; prints why and returns 2 when the names cannot work. */
export function openStore(planName: string, repoRoot: string, branch: string | undefined, io: CliIO): StateStore | number {
  try {
    return createStateStore({ git: new Git({ cwd: repoRoot }), planName, branch });
  } catch (e) {
    if (!(e instanceof StateStoreError)) throw e;
    io.stderr(`tdd-waves: ${e.message}\n`);
    return 2;
  }
}
