#!/usr/bin/env node
// The `tdd-waves` executable: wires the process (argv, stdout, stderr, env) to the command line in main.ts.
import { realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { setFlagsFromString } from "node:v8";
import pkg from "../../package.json" with { type: "json" };
import { installCodeCache } from "../adapters/code-cache.js";
import { userCacheDir } from "../adapters/user-cache.js";
import type { CliIO } from "./io.js";
import { main } from "./main.js";

// The short commands (plan, status, gantt, report, …) end within a few hundred milliseconds: V8's optimising
// compiler never pays back there, and on a 2-core runner it takes about a third of their CPU (npm run bench,
// `plan` of 200 stories). `run` and `dispatch` live long enough to gain from it. Set before any command's code loads.
const flags = ["run", "dispatch"].includes(process.argv[2] ?? "") ? "" : "--no-opt";
if (flags) setFlagsFromString(flags);

// Each command's code is compiled from V8's cache after its first run (adapters/code-cache.ts); Node's own
// switch for its compile cache turns it off.
if (!process.env.NODE_DISABLE_COMPILE_CACHE) {
  try {
    const bundleDir = dirname(realpathSync(process.argv[1] ?? ""));
    installCodeCache({ bundleDir, cacheDir: join(userCacheDir(process.env), "code-cache"), version: pkg.version, flags });
  } catch {
    // Not started as a file (no path to the bundle): nothing to cache.
  }
}

/**
 * An output whose reader went away (`tdd-waves run … | head -2`) is not a crash: what would have been
 * written there is dropped and the command goes on to its end (saving the state, removing its worktrees).
 */
function writer(stream: NodeJS.WriteStream): (s: string) => void {
  let closed = false;
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    closed = true;
  });
  return (s) => {
    if (!closed && !stream.destroyed) stream.write(s);
  };
}

const io: CliIO = {
  cwd: process.cwd(),
  stdout: writer(process.stdout),
  stderr: writer(process.stderr),
  isTTY: Boolean(process.stdout.isTTY) && !process.env.CI,
  env: process.env,
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // Every expected failure is handled by its command; this is a bug, still reported without a stack unless asked.
    io.stderr(`tdd-waves: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.TDD_WAVES_DEBUG && e instanceof Error) io.stderr(`${e.stack}\n`);
    process.exitCode = 1;
  },
);
