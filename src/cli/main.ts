// The `tdd-waves` command (index.ts runs it; importing this module does nothing): picks the command and loads only the code it needs (start-up stays close to bare node).
// Every command is its own chunk: the plan reader (yaml, zod) costs a start-up that `--help` need not pay.
import type { CliIO } from "./io.js";

const USAGE = `Usage: tdd-waves <command> [options]

Commands:
  plan <plan-file> [--json]            validate a plan and print its waves
  run <plan-file> [--max-parallel N] [--schedule waves|dag] [--restart] [--report PATH] [--state-branch B]
                                       execute the plan locally (resumes an interrupted execution;
                                       --restart: go on under a changed plan, keeping completed stories)
  retry <plan-file> <story-id>... [--max-parallel N] [--schedule waves|dag] [--report PATH]
                                       run failed stories again (and the stories they blocked)
  status <plan-file> [--json]          progress per wave and epic
  gantt <plan-file>                    the Mermaid Gantt of the recorded execution
  report <plan-file>                   the report JSON
  agents [<plan-file>] [--json]        the agent presets (or the plan's agents) and the command line each runs

Exit codes: 0 all complete (plan: valid), 1 failed or blocked stories, 2 invalid input, 130 interrupted.`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case "plan":
      return (await import("./plan-command.js")).planCommand(args, io);
    case "run":
      return (await import("./run-command.js")).runCommand(args, io);
    case "retry":
      return (await import("./run-command.js")).runCommand(args, io, "retry");
    case "status":
    case "gantt":
    case "report":
      return (await import("./view-commands.js")).viewCommand(command, args, io);
    case "agents":
      return (await import("./agents-command.js")).agentsCommand(args, io);
    case "-h":
    case "--help":
    case "help":
      io.stdout(`${USAGE}\n`);
      return 0;
    case "-v":
    case "--version":
      io.stdout(`tdd-waves ${process.env.npm_package_version ?? "0.1.0"}\n`);
      return 0;
    default:
      io.stderr(`${command ? `tdd-waves: unknown command "${command}"` : "tdd-waves: a command is required"}\n\n${USAGE}\n`);
      return 2;
  }
}
