// The oldest git tdd-waves works with, checked once per process before anything is changed. The newest
// option relied on is `git worktree list --porcelain -z` (2.36); `rev-parse --path-format` needs 2.31. The
// action's publish step checks merges with `git merge-tree --write-tree`, which needs 2.38.
import { execFile } from "node:child_process";

type Version = readonly [number, number];

export const MIN_GIT: Version = [2, 36];
/** What the GitHub publish step needs (`merge-tree --write-tree`); GitHub's runners have far newer. */
export const MIN_GIT_PUBLISH: Version = [2, 38];

let reported: Promise<{ line: string } | { error: string }> | undefined;

/** Why the installed git cannot serve (too old, missing), or null when it can. Asks git once per process. */
export async function gitVersionProblem(min: Version = MIN_GIT): Promise<string | null> {
  reported ??= new Promise((resolve) => {
    execFile("git", ["--version"], { encoding: "utf8" }, (error, stdout) => resolve(error ? { error: error.message } : { line: stdout.trim() }));
  });
  const r = await reported;
  if ("error" in r) return `tdd-waves needs git ${min.join(".")} or later, and running "git --version" failed: ${r.error}`;
  return versionProblem(r.line, min);
}

/** `git version 2.39.5` (or `git version 2.39.5.windows.1`, `… (Apple Git-154)`) against `min`. */
export function versionProblem(line: string, min: Version = MIN_GIT): string | null {
  const m = /^git version (\d+)\.(\d+)/.exec(line);
  if (!m) return `tdd-waves needs git ${min.join(".")} or later, and cannot read the version git reports: "${line}"`;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (major > min[0] || (major === min[0] && minor >= min[1])) return null;
  return `tdd-waves needs git ${min.join(".")} or later; this is ${line.replace(/^git version /, "git ")}. Install a newer git.`;
}
