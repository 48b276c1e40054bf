// The oldest git tdd-waves works with, checked once per process before anything is changed. The newest
// option relied on is `git worktree list --porcelain -z` (2.36); `rev-parse --path-format` needs 2.31.
import { execFile } from "node:child_process";

export const MIN_GIT = [2, 36] as const;

let checked: Promise<string | null> | undefined;

/** Why the installed git cannot serve (too old, missing), or null when it can. Asks git once. */
export function gitVersionProblem(): Promise<string | null> {
  checked ??= new Promise((resolve) => {
    execFile("git", ["--version"], { encoding: "utf8" }, (error, stdout) => {
      if (error) return resolve(`tdd-waves needs git ${MIN_GIT.join(".")} or later, and running "git --version" failed: ${error.message}`);
      resolve(versionProblem(stdout.trim()));
    });
  });
  return checked;
}

/** `git version 2.39.5` (or `git version 2.39.5.windows.1`, `… (Apple Git-154)`) against MIN_GIT. */
export function versionProblem(line: string): string | null {
  const m = /^git version (\d+)\.(\d+)/.exec(line);
  if (!m) return `tdd-waves needs git ${MIN_GIT.join(".")} or later, and cannot read the version git reports: "${line}"`;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (major > MIN_GIT[0] || (major === MIN_GIT[0] && minor >= MIN_GIT[1])) return null;
  return `tdd-waves needs git ${MIN_GIT.join(".")} or later; this is ${line.replace(/^git version /, "git ")}. Install a newer git.`;
}
