#!/usr/bin/env node
// The `tdd-waves` executable: wires the process (argv, stdout, stderr, env) to the command line in main.ts.
import type { CliIO } from "./io.js";
import { main } from "./main.js";

const io: CliIO = {
  cwd: process.cwd(),
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY) && !process.env.CI,
  env: process.env,
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // Every expected failure is handled by its command; this is a bug, still reported without a stack unless asked.
    process.stderr.write(`tdd-waves: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.TDD_WAVES_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    process.exitCode = 1;
  },
);
