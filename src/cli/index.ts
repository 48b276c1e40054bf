#!/usr/bin/env node
// The `tdd-waves` executable: wires the process (argv, stdout, stderr, env) to the command line in main.ts.
import type { CliIO } from "./io.js";
import { main } from "./main.js";

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
