// Temporary git repositories for the benchmarks, with a repository-local identity (no global config needed).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const made = [];

export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `tdd-waves-bench-${prefix}-`));
  made.push(dir);
  return dir;
}

export function git(dir, ...args) {
  return execFileSync("git", args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

/** Makes `dir` a repository on main; with `commit`, everything in it is committed. */
export function initRepo(dir, { commit = false } = {}) {
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.name", "tdd-waves bench");
  git(dir, "config", "user.email", "bench@tdd-waves.invalid");
  git(dir, "config", "commit.gpgsign", "false");
  if (commit) {
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", "bench fixture");
  }
  return dir;
}

export function removeTempDirs() {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
