// The real edges, wired together: what the CLI and the action hand to the engine.
import type { Ports, ProgressEvent, StateStorePort } from "../engine/ports.js";
import { runShell } from "./agent-process.js";
import { Git } from "./git.js";
import { runTests } from "./test-runner.js";
import { textFiles } from "./text-files.js";

export function realPorts(opts: { store: StateStorePort; progress: (e: ProgressEvent) => void; now?: () => string }): Ports {
  return {
    git: (cwd) => new Git({ cwd }),
    store: opts.store,
    agents: (command, o) => runShell(command, o),
    tests: (o) => runTests(o),
    files: textFiles,
    now: opts.now ?? (() => new Date().toISOString()),
    progress: opts.progress,
  };
}
