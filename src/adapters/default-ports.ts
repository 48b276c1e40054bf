// The real edges, wired together: what the CLI and the action hand to the engine.
import type { Ports, ProgressEvent, StateStorePort } from "../engine/ports.js";
import { runShell } from "./agent-process.js";
import { Git } from "./git.js";
import { runTests } from "./test-runner.js";
import { textFiles } from "./text-files.js";
import { preparation } from "./working-copies.js";

export function realPorts(opts: { store: StateStorePort; progress: (e: ProgressEvent) => void; now?: () => string }): Ports {
  // One Git per working copy: it learns the identity to commit with once, not once per call site.
  const gits = new Map<string, Git>();
  const git = (cwd: string): Git => gits.get(cwd) ?? gits.set(cwd, new Git({ cwd })).get(cwd)!;
  return {
    git,
    store: opts.store,
    agents: (command, o) => runShell(command, o),
    tests: (o) => runTests(o),
    files: textFiles,
    preparation: preparation(git),
    now: opts.now ?? (() => new Date().toISOString()),
    progress: opts.progress,
  };
}
