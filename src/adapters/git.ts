// The one place that runs git: every git command of tdd-waves goes through `Git.run` (no shell, fixed
// options, identity fallback) and the small typed helpers built on it. (The state store's objects and
// ref are written in-process, in git's own formats: git-objects.ts, git-refs.ts.)
import { execFile } from "node:child_process";

export interface GitResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface GitRunOptions {
  /** Written to git's stdin (a commit message, a blob, a tree listing). */
  input?: string;
  /** Return a non-zero exit code instead of throwing. */
  allowFail?: boolean;
  env?: Record<string, string>;
}

/** One entry of a tree object, as `ls-tree` prints it and `mktree` reads it. */
export interface TreeEntry {
  mode: string;
  type: "blob" | "tree" | "commit";
  sha: string;
  name: string;
}

export type MergeResult = { ok: true; sha: string } | { ok: false; conflicts: string[] };

/** Authored as this only when neither the repository, the user nor the environment names anyone. */
export const BOT_IDENTITY = {
  name: "github-actions[bot]",
  email: "41898282+github-actions[bot]@users.noreply.github.com",
} as const;

/** Subcommands that write commits and therefore need an identity. */
const IDENTITY_COMMANDS = new Set(["var", "commit", "merge", "commit-tree", "tag", "cherry-pick", "revert", "rebase", "am", "stash", "notes", "pull"]);

const MAX_BUFFER = 256 * 1024 * 1024;

/**
 * Variables that point git at another repository or index. Inherited ones are dropped (tdd-waves may be
 * started from a git hook, which sets them): a Git works on the repository at its cwd.
 */
const REPOSITORY_VARIABLES = ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_PREFIX", "GIT_NAMESPACE", "GIT_QUARANTINE_PATH"];

function inheritedEnv(): Record<string, string> {
  const env = { ...process.env } as Record<string, string>;
  for (const name of REPOSITORY_VARIABLES) delete env[name];
  return env;
}

/** Tokens in remote URLs must never reach a log or an error message. */
function redact(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, "$1***@");
}

export class GitError extends Error {
  readonly command: string;
  readonly code: number;
  readonly stderr: string;

  constructor(args: readonly string[], code: number, stderr: string) {
    const command = redact(`git ${args.join(" ")}`);
    const detail = redact(stderr.trim());
    super(`${command} failed (exit ${code})${detail ? `: ${detail}` : ""}`);
    this.name = "GitError";
    this.command = command;
    this.code = code;
    this.stderr = redact(stderr);
  }
}

/** Refuses values git would read as an option (a branch named "--upload-pack=…" and the like). */
function operand(value: string, what: string): string {
  if (value === "" || value.startsWith("-")) throw new Error(`invalid ${what} for git: "${value}"`);
  return value;
}

/** The subcommand of an argument list, skipping leading `-c key=value` / `-C dir` pairs. */
function subcommandOf(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-c" || a === "-C") i++;
    else if (!a.startsWith("-")) return a;
  }
  return undefined;
}

/** A tree entry's name is one path component. */
export function checkEntryName(name: string): void {
  if (name === "" || name.includes("/") || name.includes("\0")) throw new Error(`invalid tree entry name: "${name}"`);
}

function splitZ(text: string): string[] {
  return text.split("\0").filter((s) => s !== "");
}

export class Git {
  readonly cwd: string;
  private readonly env: Record<string, string>;
  private identity: Promise<Record<string, string>> | undefined;

  constructor(opts: { cwd: string; env?: Record<string, string> }) {
    this.cwd = opts.cwd;
    this.env = opts.env ?? {};
  }

  async run(args: string[], opts: GitRunOptions = {}): Promise<GitResult> {
    const sub = subcommandOf(args);
    if (sub === "config") this.identity = undefined;
    const identity = sub && IDENTITY_COMMANDS.has(sub) ? await this.identityEnv() : {};
    const env = { ...this.baseEnv(), ...identity, ...opts.env };
    const result = await execGit(["-c", "core.quotepath=off", ...args], this.cwd, env, opts.input);
    if (result.code !== 0 && !opts.allowFail) throw new GitError(args, result.code, result.stderr);
    return result;
  }

  private baseEnv(): Record<string, string> {
    return { ...inheritedEnv(), ...this.env, GIT_TERMINAL_PROMPT: "0" };
  }

  /** GIT_AUTHOR_* / GIT_COMMITTER_* for the parts of the identity nobody configured; computed once. */
  private identityEnv(): Promise<Record<string, string>> {
    this.identity ??= this.computeIdentityEnv().catch((e: unknown) => {
      this.identity = undefined;
      throw e;
    });
    return this.identity;
  }

  private async computeIdentityEnv(): Promise<Record<string, string>> {
    const r = await execGit(["config", "--get-regexp", "^(user|author|committer)\\.(name|email)$"], this.cwd, this.baseEnv());
    const keys = new Set(
      r.stdout
        .split("\n")
        .map((line) => line.split(" ", 2))
        .filter(([, value]) => value !== undefined && value.trim() !== "")
        .map(([key]) => key!.toLowerCase()),
    );
    const present = this.baseEnv();
    const env: Record<string, string> = {};
    for (const role of ["author", "committer"] as const) {
      for (const part of ["name", "email"] as const) {
        const variable = `GIT_${role.toUpperCase()}_${part.toUpperCase()}`;
        if (present[variable] || keys.has(`user.${part}`) || keys.has(`${role}.${part}`)) continue;
        env[variable] = BOT_IDENTITY[part];
      }
    }
    return env;
  }

  private async stdout(args: string[], opts: GitRunOptions = {}): Promise<string> {
    return (await this.run(args, opts)).stdout;
  }

  /** The object a revision names, or null when it names nothing. */
  async revParse(ref: string): Promise<string | null> {
    const r = await this.run(["rev-parse", "--verify", "--quiet", "--end-of-options", ref], { allowFail: true });
    return r.code === 0 ? r.stdout.trim() : null;
  }

  /** The checked-out branch (short name), or null on a detached HEAD. */
  async currentBranch(): Promise<string | null> {
    const r = await this.run(["symbolic-ref", "--quiet", "--short", "HEAD"], { allowFail: true });
    return r.code === 0 ? r.stdout.trim() : null;
  }

  async topLevel(): Promise<string> {
    return (await this.stdout(["rev-parse", "--show-toplevel"])).trim();
  }

  /** Staged or unstaged changes to tracked files; untracked files do not count. */
  async hasTrackedChanges(): Promise<boolean> {
    return (await this.stdout(["status", "--porcelain", "-z", "--untracked-files=no"])) !== "";
  }

  /**
   * A worktree at `dir` on `branch`, (re)created at `startPoint`; with `checkout: false` its files are not
   * checked out (`resetTo` does that). Stale worktree records are pruned first unless `prune: false`.
   */
  async worktreeAdd(dir: string, branch: string | null, startPoint: string, opts: { prune?: boolean; checkout?: boolean } = {}): Promise<void> {
    if (opts.prune !== false) await this.worktreePrune();
    const noCheckout = opts.checkout === false ? ["--no-checkout"] : [];
    const on = branch === null ? ["--detach"] : ["-B", operand(branch, "branch")];
    await this.run(["worktree", "add", ...noCheckout, ...on, operand(dir, "directory"), operand(startPoint, "start point")]);
  }

  /**
   * This worktree on `branch` (null: detached), (re)set to `startPoint`, as a fresh checkout would be: changes,
   * untracked and ignored files all gone, except the untracked `keep` paths (repository-relative).
   */
  async resetTo(branch: string | null, startPoint: string, keep: readonly string[] = []): Promise<void> {
    const to = branch === null ? ["--detach", operand(startPoint, "start point")] : ["-B", operand(branch, "branch"), operand(startPoint, "start point")];
    await this.run(["checkout", "-q", "-f", ...to, "--"]);
    // A leading "/" anchors each kept path at the root, as in .gitignore.
    await this.run(["clean", "-q", "-ffdx", ...keep.flatMap((p) => ["-e", `/${p}`])]);
  }

  /**
   * Removes a worktree even when dirty, locked (a `worktree add` killed half-way leaves its lock) or
   * already deleted from disk.
   */
  async worktreeRemove(dir: string, opts: { prune?: boolean } = {}): Promise<void> {
    const r = await this.run(["worktree", "remove", "--force", "--force", operand(dir, "directory")], { allowFail: true });
    if (r.code !== 0) await this.run(["worktree", "unlock", operand(dir, "directory")], { allowFail: true });
    if (opts.prune !== false) await this.worktreePrune();
  }

  /** Paths of the repository's worktrees, the main one first. */
  async worktreePaths(): Promise<string[]> {
    return splitZ(await this.stdout(["worktree", "list", "--porcelain", "-z"]))
      .filter((line) => line.startsWith("worktree "))
      .map((line) => line.slice("worktree ".length));
  }

  /** Forgets worktrees whose directory is gone. */
  async worktreePrune(): Promise<void> {
    await this.run(["worktree", "prune"]);
  }

  async addAll(): Promise<void> {
    await this.run(["add", "-A"]);
  }

  /**
   * Commits the index; returns the new commit, or null when nothing is staged (unless allowEmpty).
   * Hooks are skipped: these are tdd-waves' own bookkeeping commits, in working copies where the
   * tools a hook needs may not be installed.
   */
  async commit(message: string, opts: { allowEmpty?: boolean } = {}): Promise<string | null> {
    const args = ["commit", "--no-verify", ...(opts.allowEmpty ? ["--allow-empty"] : []), "-F", "-"];
    const r = await this.run(args, { input: message, allowFail: true });
    if (r.code !== 0) {
      // Nothing staged: git says so and exits 1 (asking first would cost a process on every commit).
      if (r.code === 1 && (await this.run(["diff", "--cached", "--quiet"], { allowFail: true })).code === 0) return null;
      throw new GitError(args, r.code, r.stderr || r.stdout);
    }
    return (await this.stdout(["rev-parse", "HEAD"])).trim();
  }

  /** Stages everything (add -A) and commits it; null when there was nothing to commit. */
  async commitAll(message: string): Promise<string | null> {
    await this.addAll();
    return this.commit(message);
  }

  /** Commits only `paths` as they are in the working tree, whatever else is staged. */
  async commitPaths(message: string, paths: string[]): Promise<string | null> {
    const files = paths.map((p) => operand(p, "path"));
    await this.run(["add", "--", ...files]);
    const staged = await this.run(["diff", "--cached", "--quiet", "--", ...files], { allowFail: true });
    if (staged.code === 0) return null;
    await this.run(["commit", "--no-verify", "-F", "-", "--only", "--", ...files], { input: message });
    return (await this.stdout(["rev-parse", "HEAD"])).trim();
  }

  /** The blob id the working tree's file at `path` would have (not written to the object store). */
  async hashFile(path: string): Promise<string> {
    return (await this.stdout(["hash-object", "--", operand(path, "path")])).trim();
  }

  /** Whether commit `a` is an ancestor of (or equal to) `b`. */
  async isAncestor(a: string, b: string): Promise<boolean> {
    const r = await this.run(["merge-base", "--is-ancestor", operand(a, "revision"), operand(b, "revision")], { allowFail: true });
    if (r.code > 1) throw new GitError(["merge-base", "--is-ancestor", a, b], r.code, r.stderr);
    return r.code === 0;
  }

  /** The repository's common git directory (shared by all its worktrees), absolute. */
  async commonDir(): Promise<string> {
    return (await this.stdout(["rev-parse", "--path-format=absolute", "--git-common-dir"])).trim();
  }

  /** Where the repository keeps its refs and objects, and how it names objects. */
  async layout(): Promise<{ commonDir: string; objectsDir: string; bare: boolean; format: string; refStorage: string }> {
    const [commonDir, objectsDir, bare, format] = (
      await this.stdout(["rev-parse", "--path-format=absolute", "--git-common-dir", "--git-path", "objects", "--is-bare-repository", "--show-object-format"])
    )
      .trim()
      .split("\n");
    const storage = await this.run(["config", "--get", "extensions.refStorage"], { allowFail: true });
    return { commonDir: commonDir!, objectsDir: objectsDir!, bare: bare === "true", format: format!, refStorage: storage.stdout.trim() || "files" };
  }

  /** `Name <email> <seconds> <offset>` that git would write as the author or committer of a commit now. */
  async ident(role: "author" | "committer"): Promise<string> {
    return (await this.stdout(["var", role === "author" ? "GIT_AUTHOR_IDENT" : "GIT_COMMITTER_IDENT"])).trim();
  }

  /** Whether the environment fixes commit dates (GIT_AUTHOR_DATE / GIT_COMMITTER_DATE), as tests do. */
  get fixedDates(): boolean {
    const env = this.baseEnv();
    return Boolean(env.GIT_AUTHOR_DATE || env.GIT_COMMITTER_DATE);
  }

  /**
   * Paths (relative to the repository root, sorted, renames as delete + add) that differ:
   * with `to`, between the commits `from` and `to`; without it, between `from` and the working tree,
   * counting staged, unstaged and untracked (not ignored) files.
   */
  async changedFiles(from: string, to?: string): Promise<string[]> {
    const range = to === undefined ? [operand(from, "revision")] : [operand(from, "revision"), operand(to, "revision")];
    const changed = splitZ(await this.stdout(["diff", "--name-only", "--no-renames", "-z", ...range, "--"]));
    const untracked = to === undefined ? splitZ(await this.stdout(["ls-files", "--others", "--exclude-standard", "--full-name", "-z"])) : [];
    return [...new Set([...changed, ...untracked])].sort();
  }

  /**
   * A `--no-ff` merge of `branch` into the current branch. On conflict the merge is aborted, so the
   * working tree is left as it was, and the conflicting paths are returned.
   */
  async merge(branch: string, message: string): Promise<MergeResult> {
    const r = await this.run(["merge", "--no-ff", "--no-edit", "--no-verify", "-m", message, operand(branch, "branch")], { allowFail: true });
    if (r.code === 0) return { ok: true, sha: (await this.stdout(["rev-parse", "HEAD"])).trim() };
    if ((await this.revParse("MERGE_HEAD")) === null) throw new GitError(["merge", branch], r.code, r.stderr || r.stdout);
    const conflicts = splitZ(await this.stdout(["diff", "--name-only", "--diff-filter=U", "-z"]));
    await this.run(["merge", "--abort"]);
    return { ok: false, conflicts: [...new Set(conflicts)].sort() };
  }

  /** Messages are forced to English (LC_ALL=C) so that callers can tell a rejection from other failures. */
  async push(remote: string, refspecs: string[], opts: { force?: boolean } = {}): Promise<void> {
    const force = opts.force ? ["--force"] : [];
    await this.run(["push", ...force, operand(remote, "remote"), ...refspecs.map((r) => operand(r, "refspec"))], { env: { LC_ALL: "C" } });
  }

  /** Fetches without tags, without touching FETCH_HEAD (which concurrent fetches would fight over) and without starting maintenance. */
  async fetch(remote: string, refspecs: string[]): Promise<void> {
    await this.run(["fetch", "--no-tags", "--no-write-fetch-head", "--no-auto-gc", operand(remote, "remote"), ...refspecs.map((r) => operand(r, "refspec"))], {
      env: { LC_ALL: "C" },
    });
  }

  async branchExists(name: string): Promise<boolean> {
    const r = await this.run(["show-ref", "--verify", "--quiet", `refs/heads/${operand(name, "branch")}`], { allowFail: true });
    return r.code === 0;
  }

  async deleteBranch(name: string): Promise<void> {
    await this.run(["branch", "-D", operand(name, "branch")]);
  }

  /** A file's content at a revision, or null when the revision or the file does not exist. */
  async showFile(ref: string, path: string): Promise<string | null> {
    const r = await this.run(["cat-file", "blob", `${operand(ref, "revision")}:${path}`], { allowFail: true });
    return r.code === 0 ? r.stdout : null;
  }

  /** Writes `text` as a blob into the object database (no filters), returning its id. */
  async hashObject(text: string): Promise<string> {
    return (await this.stdout(["hash-object", "-w", "--stdin"], { input: text })).trim();
  }

  /** The top-level entries of a tree (or of a commit's tree). */
  async lsTree(treeish: string): Promise<TreeEntry[]> {
    return splitZ(await this.stdout(["ls-tree", "-z", "--full-tree", operand(treeish, "tree")])).map((line) => {
      const tab = line.indexOf("\t");
      const [mode, type, sha] = line.slice(0, tab).split(" ");
      return { mode: mode!, type: type as TreeEntry["type"], sha: sha!, name: line.slice(tab + 1) };
    });
  }

  /** Writes a tree object from entries (any order), returning its id. */
  async mkTree(entries: TreeEntry[]): Promise<string> {
    for (const e of entries) checkEntryName(e.name);
    const input = entries.map((e) => `${e.mode} ${e.type} ${e.sha}\t${e.name}\0`).join("");
    return (await this.stdout(["mktree", "-z"], { input })).trim();
  }

  /** Writes a commit object for `tree` with `parents`, without touching any ref, returning its id. */
  async commitTree(tree: string, parents: string[], message: string): Promise<string> {
    const p = parents.flatMap((sha) => ["-p", operand(sha, "parent")]);
    return (await this.stdout(["commit-tree", operand(tree, "tree"), ...p], { input: message })).trim();
  }

  /**
   * Compare-and-swap of a ref: moves `ref` to `newSha` only if it is still at `oldSha` (null: only if
   * it does not exist yet). Returns false, instead of throwing, when the ref moved or was locked.
   */
  async updateRef(ref: string, newSha: string, oldSha: string | null): Promise<boolean> {
    const old = oldSha ?? "0".repeat(newSha.length);
    const args = ["update-ref", operand(ref, "ref"), operand(newSha, "object"), operand(old, "object")];
    const r = await this.run(args, { allowFail: true, env: { LC_ALL: "C" } });
    if (r.code === 0) return true;
    if (/cannot lock ref|reference already exists|but expected/i.test(r.stderr)) return false;
    throw new GitError(args, r.code, r.stderr);
  }
}

function execGit(args: string[], cwd: string, env: Record<string, string>, input?: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = execFile("git", args, { cwd, env, maxBuffer: MAX_BUFFER, encoding: "utf8" }, (error, stdout, stderr) => {
      if (!error) return resolve({ stdout, stderr, code: 0 });
      const code = (error as { code?: unknown }).code;
      // A spawn failure, a signal or an overflowing buffer is no answer from git: always an error.
      if (typeof code !== "number") return reject(new GitError(args, -1, `${error.message}\n${stderr}`));
      resolve({ stdout, stderr, code });
    });
    // git may exit before reading all of its input (an error); that is reported by its exit code.
    child.stdin?.on("error", () => undefined);
    child.stdin?.end(input ?? "");
  });
}
