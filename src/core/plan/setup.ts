// The plan's `setup` (issue 10): how a fresh working copy is prepared before its tester runs (install the
// dependencies, make the virtual environment), which of its folders a reused working copy keeps, and which
// untracked files of the main checkout it gets. The schema is in schema.ts; this holds its defaults and rules.
import type { KeyPath, PlanIssue } from "./issue.js";
import { normalizeRepoPath, repoPathProblem } from "./paths.js";
import { parseDuration } from "./patterns.js";

export interface SetupSpec {
  /** Shell command, run in each fresh working copy (and before the post-integration tests). */
  run: string;
  timeoutMs: number;
  /** Repository-relative paths a reused working copy keeps (not cleaned); setup is skipped while still valid. */
  reuse: string[];
  /** Untracked files copied from the main checkout into every working copy (local runs). */
  copy: string[];
  /**
   * The `reuse` paths still work when copied elsewhere: a local run prepares one working copy per set of
   * inputs and gives the others a copy (engine/setup-seeds.ts). Not for paths that record where they live.
   */
  relocatable: boolean;
}

export const SETUP_TIMEOUT_MS = 10 * 60_000;

/** The setup key of a plan file that passed every check, with its defaults. */
export function buildSetup(file: { run: string; timeout?: string; reuse?: string[]; copy?: string[]; relocatable?: boolean }): SetupSpec {
  return {
    run: file.run,
    timeoutMs: (file.timeout === undefined ? undefined : parseDuration(file.timeout)) ?? SETUP_TIMEOUT_MS,
    reuse: (file.reuse ?? []).map(normalizeRepoPath),
    copy: (file.copy ?? []).map(normalizeRepoPath),
    relocatable: file.relocatable ?? false,
  };
}

interface RuleSource {
  issue(path: KeyPath, message: string, target?: "value" | "key"): PlanIssue;
}

/**
 * `reuse` and `copy` name paths inside the repository, never the root, never a story's own file: a kept or
 * copied story or test file would hide the agents' work from the checks.
 */
export function checkSetup(source: RuleSource, root: Record<string, unknown>, storyPaths: () => Map<string, string>): PlanIssue[] {
  const setup = root.setup;
  if (typeof setup !== "object" || setup === null || Array.isArray(setup)) return [];
  const issues: PlanIssue[] = [];
  const { relocatable, reuse } = setup as Record<string, unknown>;
  if (relocatable === true && !(Array.isArray(reuse) && reuse.length > 0)) {
    issues.push(source.issue(["setup", "relocatable"], "needs setup.reuse: it says that the kept paths may be copied to another working copy, and none are kept", "key"));
  }
  for (const key of ["reuse", "copy"] as const) {
    const list = (setup as Record<string, unknown>)[key];
    if (!Array.isArray(list)) continue;
    list.forEach((value: unknown, i) => {
      if (typeof value !== "string" || value === "") return;
      const at: KeyPath = ["setup", key, i];
      const problem = repoPathProblem(value, "file");
      if (problem) return issues.push(source.issue(at, problem === "must name a file, not the repository root" ? "must name a path inside the repository, not its root" : problem));
      const path = normalizeRepoPath(value);
      for (const [own, what] of storyPaths()) {
        if (own === path || own.startsWith(`${path}/`)) return issues.push(source.issue(at, `"${path}" holds ${what}: setup must not ${key === "reuse" ? "keep" : "overwrite"} it`));
      }
    });
  }
  return issues;
}
