// The `tdd-waves` command (index.ts runs it; importing this module does nothing): picks the command and loads only the code it needs (start-up stays close to bare node).
// Every command is its own chunk: the plan reader (yaml, zod) costs a start-up that `--help` need not pay.
import type { CliIO } from "./io.js";
// The bundler inlines the version: never npm_package_version, which inside another project's npm script is that project's.
import pkg from "../../package.json" with { type: "json" };

const USAGE = `Usage: tdd-waves <command> [options]

Commands:
  init [--force]                       set up a repository: starting plan, story template, the two workflows
  plan <plan-file> [--json]            validate a plan and print its waves
  plan --from <dir> [--base PLAN] [--write FILE]
                                       build a plan from story files' YAML front matter
  run <plan-file> [--max-parallel N] [--schedule waves|dag] [--restart] [--report PATH] [--state-branch B]
                                       execute the plan locally (resumes an interrupted execution;
                                       --restart: go on under a changed plan, keeping completed stories)
  retry <plan-file> <story-id>... [--max-parallel N] [--schedule waves|dag] [--report PATH]
                                       run failed stories again (and the stories they blocked), resumable
  status <plan-file> [--json] [--remote]
                                       progress per wave and epic, and the Gantt (--remote: the execution on GitHub)
  gantt <plan-file> [--format mermaid|text|svg]
                                       the Gantt of the recorded execution
  report <plan-file>                   the report JSON
  agents [<plan-file>] [--json]        the agent presets (or the plan's agents) and the command line each runs
  dispatch <plan-file> [--repo owner/name] [--ref branch] [--pr N] [--watch]
                                       start the execution on GitHub Actions (and follow it)

Every command takes --help. Colours and block characters: off with --no-color or NO_COLOR.

Exit codes: 0 all complete (plan: valid), 1 failed or blocked stories, 2 invalid input, 130 interrupted.`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case "plan":
      return args.some((a) => a === "--from" || a.startsWith("--from="))
        ? (await import("./plan-from-command.js")).planFromCommand(args, io)
        : (await import("./plan-command.js")).planCommand(args, io);
    case "init":
      return (await import("./init-command.js")).initCommand(args, io);
    case "dispatch":
      return (await import("./dispatch-command.js")).dispatchCommand(args, io);
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
      io.stdout(`tdd-waves ${pkg.version}\n`);
      return 0;
    default:
      io.stderr(`${command ? `tdd-waves: unknown command "${command}"` : "tdd-waves: a command is required"}\n\n${USAGE}\n`);
      return 2;
  }
}
