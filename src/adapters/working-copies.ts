// Where the local runner's working copies live and how they are prepared for the plan's `setup` (issue 10):
// a per-repository folder in the user's cache, outside the repository's tree (Node's module lookup climbs
// up from a working copy, and a project's test runner collects whatever lies under the repository); a
// fingerprint of what setup depends on, so that a reused working copy skips it while nothing changed; and
// the untracked files (`copy`) a working copy gets from the main checkout.
import { createHash } from "node:crypto";
import { execFile } from "node:child_process";
import { cp, lstat, mkdir, realpath, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, isAbsolute, join, relative, sep } from "node:path";
import { promisify } from "node:util";
import { PathEscapeError, type Preparation } from "../engine/ports.js";
import { confined } from "./confined-paths.js";
import type { Git } from "./git.js";
import { userCacheDir } from "./user-cache.js";

const execFileAsync = promisify(execFile);

/**
 * `$XDG_CACHE_HOME/tdd-waves/<repo>-<hash of its git directory>` (default cache: ~/.cache), or the same under
 * the temporary directory when the cache would be inside the repository (a repository of one's home folder).
 */
export async function workingCopiesRoot(repoDir: string, commonDir: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const realCommon = await realpath(commonDir);
  const realRepo = await realpath(repoDir);
  const name = basename(realCommon === join(realRepo, ".git") ? realRepo : dirname(realCommon)).replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 40);
  const folder = `${name || "repo"}-${createHash("sha256").update(realCommon).digest("hex").slice(0, 12)}`;
  const root = join(userCacheDir(env), folder);
  return inside(realRepo, root) || inside(realCommon, root) ? join(tmpdir(), "tdd-waves", folder) : root;
}

const inside = (dir: string, path: string): boolean => {
  const rel = relative(dir, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
};

/**
 * Dependency manifests and lock files, at any depth. With every tracked file at the repository's root, they are
 * what a setup that installs dependencies reads; the project's sources (what stories change) are not.
 */
const MANIFEST =
  /^(package\.json|package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|pnpm-workspace\.yaml|bun\.lockb?|\.npmrc|\.yarnrc(\.yml)?|\.nvmrc|\.node-version|\.python-version|\.tool-versions|pyproject\.toml|setup\.py|setup\.cfg|requirements[^/]*\.txt|constraints[^/]*\.txt|Pipfile(\.lock)?|poetry\.lock|uv\.lock|Cargo\.toml|Cargo\.lock|rust-toolchain(\.toml)?|go\.mod|go\.sum|Gemfile(\.lock)?|composer\.(json|lock)|pom\.xml|(build|settings)\.gradle(\.kts)?|gradle\.properties|gradle-wrapper\.properties)$/;

/** The tracked files setup is taken to depend on: every file at the root, and every manifest or lock file. */
export function setupInputs(paths: Iterable<string>, ownPaths: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const path of paths) {
    if (ownPaths.has(path)) continue;
    const slash = path.lastIndexOf("/");
    if (slash < 0 || MANIFEST.test(path.slice(slash + 1))) out.push(path);
  }
  return out;
}

async function fingerprint(git: Git, commit: string, run: string, ownPaths: string[]): Promise<string> {
  const byPath = await git.treeFiles(commit);
  const hash = createHash("sha256").update(`setup ${run}\0`);
  for (const path of setupInputs(byPath.keys(), new Set(ownPaths))) hash.update(`${byPath.get(path)} ${path}\0`);
  return hash.digest("hex");
}

/** Copies each path from the main checkout into the working copy; the first problem, or undefined. */
async function copyFiles(git: (dir: string) => Git, from: string, to: string, paths: string[]): Promise<string | undefined> {
  const realFrom = await realpath(from);
  const realTo = await realpath(to);
  for (const path of paths) {
    const source = join(realFrom, path);
    const real = await realpath(source).catch(() => null);
    if (real === null) return `copy: ${path} is not in the main checkout (${from})`;
    if (!inside(realFrom, real)) return `copy: ${path} leads out of the main checkout (to ${real}) through a symbolic link: refused`;
    const wc = git(to);
    if (await wc.isTracked(path)) return `copy: ${path} is tracked in the repository: copy is for untracked files`;
    // A folder is asked about as one ("secrets/" patterns match folders only).
    if (!(await wc.isIgnored((await lstat(real)).isDirectory() ? `${path}/` : path))) {
      return `copy: ${path} is not ignored by git (.gitignore): it would be committed with the story's work`;
    }
    // The destination must be the working copy's own, not reached through a committed link to elsewhere.
    let dest: string;
    try {
      dest = confined(realTo, path);
    } catch (e) {
      if (e instanceof PathEscapeError) return `copy: ${path} would be written out of the working copy (to ${e.realPath}): refused`;
      throw e;
    }
    if ((await lstat(dest).catch(() => null))?.isSymbolicLink()) return `copy: ${path} is a symbolic link in the working copy: refused`;
    await mkdir(dirname(dest), { recursive: true });
    await cp(real, dest, { recursive: true, force: true });
  }
  return undefined;
}

/**
 * setup's relocatable `reuse` paths, from a prepared folder to another: each replaced whole, never written
 * through a link that leads out of `to`. `cp -a` where there is one: several times faster than Node's cp on
 * the thousands of files of a node_modules.
 */
async function copyKept(from: string, to: string, paths: readonly string[]): Promise<string | undefined> {
  try {
    return await copyKeptPaths(from, to, paths);
  } catch (e) {
    return `could not copy ${paths.join(", ")} from ${from}: ${e instanceof Error ? e.message : String(e)}`;
  }
}

async function copyKeptPaths(from: string, to: string, paths: readonly string[]): Promise<string | undefined> {
  await mkdir(to, { recursive: true });
  const realFrom = await realpath(from);
  const realTo = await realpath(to);
  for (const path of paths) {
    let dest: string;
    try {
      dest = confined(realTo, path);
    } catch (e) {
      if (e instanceof PathEscapeError) return `${path} would be written out of ${to} (to ${e.realPath}): refused`;
      throw e;
    }
    await rm(dest, { recursive: true, force: true });
    const source = join(realFrom, path);
    if (!(await lstat(source).catch(() => null))) continue;
    await mkdir(dirname(dest), { recursive: true });
    try {
      await execFileAsync("cp", ["-a", source, dest]);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") {
        await rm(dest, { recursive: true, force: true });
        return `could not copy ${path}: ${(e as { stderr?: string }).stderr?.trim() || (e as Error).message}`;
      }
      await cp(source, dest, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
    }
  }
  return undefined;
}

export function preparation(git: (dir: string) => Git): Preparation {
  return {
    workingCopiesRoot: async (repoDir) => workingCopiesRoot(repoDir, await git(repoDir).commonDir()),
    fingerprint: (dir, commit, run, ownPaths) => fingerprint(git(dir), commit, run, ownPaths),
    copyFiles: (from, to, paths) => copyFiles(git, from, to, paths),
    copyKept,
    removeFolder: (dir) => rm(dir, { recursive: true, force: true }),
  };
}
