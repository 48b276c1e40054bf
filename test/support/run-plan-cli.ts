// Test-only entry: runs `tdd-waves plan` as a real process (node --import tsx test/support/run-plan-cli.ts …)
// until the lead's bin is built; same io wiring as src/cli/index.ts.
import { planCommand } from "../../src/cli/plan-command.js";

planCommand(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`tdd-waves: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
