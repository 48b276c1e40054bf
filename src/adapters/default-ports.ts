// The real edges, wired together: what the CLI and the action hand to the engine.
import type { LogTarget, Ports, ProgressEvent, StateStorePort } from "../engine/ports.js";
import { runShell } from "./agent-process.js";
import { Git } from "./git.js";
import { runTests } from "./test-runner.js";
import { textFiles } from "./text-files.js";
import { confined } from "./confined-paths.js";
import { preparation } from "./working-copies.js";

/** A log is written only inside its root, links resolved now (an agent may have made one since the last run). */
function confinedLog<T extends LogTarget & { stdoutFile?: string }>(o: T): T {
  if (o.logRoot !== undefined) {
    confined(o.logRoot, o.logFile);
    if (o.stdoutFile !== undefined) confined(o.logRoot, o.stdoutFile);
  }
  return o;
}

export function realPorts(opts: { store: StateStorePort; progress: (e: ProgressEvent) => void; now?: () => string }): Ports {
  // One Git per working copy: it learns the identity to commit with once, not once per call site.
  const gits = new Map<string, Git>();
  const git = (cwd: string): Git => gits.get(cwd) ?? gits.set(cwd, new Git({ cwd })).get(cwd)!;
  return {
    workingCopy: git,
    integration: git,
    repository: git,
    plumbing: git,
    store: opts.store,
    agents: async (command, o) => runShell(command, confinedLog(o)),
    tests: async (o) => runTests({ ...confinedLog(o), removeReport: true }),
    files: textFiles,
    preparation: preparation(git),
    now: opts.now ?? (() => new Date().toISOString()),
    progress: opts.progress,
  };
}
