#!/usr/bin/env node
// The `tdd-waves` executable: wires the process (argv, stdout, stderr, env) to the command line in main.ts.
import { setFlagsFromString } from "node:v8";
import type { CliIO } from "./io.js";
import { main } from "./main.js";

// The short commands (plan, status, gantt, report, …) end within a few hundred milliseconds: V8's optimising
// compiler never pays back there, and on a 2-core runner it takes about a third of their CPU (npm run bench,
// `plan` of 200 stories). `run` and `dispatch` live long enough to gain from it. Set before any command's code loads.
if (!["run", "dispatch"].includes(process.argv[2] ?? "")) setFlagsFromString("--no-opt");

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
