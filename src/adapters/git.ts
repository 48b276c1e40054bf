// The one place that runs git: every git command of tdd-waves goes through `Git.run` (no shell, fixed
// options, identity fallback) and the small typed helpers built on it, or through `Git.spawn` for the
// long-lived plumbing processes of the state store (git-plumbing-process.ts).
import { execFile, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { appendFile, mkdir, readdir, readFile, rm, rmdir } from "node:fs/promises";
import { join, sep } from "node:path";
import type { Integration, MergeOutcome, PushOutcome, Repository, WorkingCopy } from "../engine/ports.js";

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

/** The subject tdd-waves gives its merges: a MERGE_HEAD with it was left by a tdd-waves killed mid-merge. */
export const MERGE_SUBJECT_PREFIX = "tdd-waves: merge ";

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

export class Git implements WorkingCopy, Integration, Repository {
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

  /**
   * A long-lived git process (a plumbing command serving requests read on its stdin, e.g. `cat-file
   * --batch`) in the same environment, identity fallback included, as `run` gives its commands.
   */
  async spawn(args: string[]): Promise<ChildProcessWithoutNullStreams> {
    const env = { ...this.baseEnv(), ...(await this.identityEnv()) };
    return spawn("git", ["-c", "core.quotepath=off", ...args], { cwd: this.cwd, env, stdio: "pipe" });
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

  async head(): Promise<string | null> {
    return this.revParse("HEAD");
  }

  async startBranch(branch: string): Promise<void> {
    await this.run(["checkout", "-q", "-B", operand(branch, "branch")]);
  }

  async returnToBranch(branch: string): Promise<void> {
    await this.run(["symbolic-ref", "HEAD", `refs/heads/${operand(branch, "branch")}`]);
  }

  /**
   * Directories holding a repository of their own, new since commit `since`: untracked ones (git lists
   * them with a trailing slash and does not look inside) and gitlinks added to the index or committed.
   */
  async nestedRepositories(since: string): Promise<string[]> {
    const untracked = splitZ(await this.stdout(["ls-files", "--others", "--exclude-standard", "--full-name", "-z"]))
      .filter((p) => p.endsWith("/"))
      .map((p) => p.slice(0, -1));
    const raw = splitZ(await this.stdout(["diff", "--raw", "--no-renames", "-z", operand(since, "revision"), "--"]));
    const linked: string[] = [];
    // -z --raw: ":<old mode> <new mode> <old> <new> <status>" then the path, as separate fields.
    for (let i = 0; i + 1 < raw.length; i += 2) if (raw[i]!.split(" ")[1] === "160000") linked.push(raw[i + 1]!);
    return [...new Set([...untracked, ...linked])].sort();
  }

  async subjectsNotIn(ref: string, base: string, limit: number): Promise<string[]> {
    const out = await this.stdout(["log", `--max-count=${limit}`, "--format=%s", operand(ref, "revision"), "--not", operand(base, "revision"), "--"]);
    return out.split("\n").filter((l) => l !== "");
  }

  async worktreesUnder(root: string): Promise<string[]> {
    const onDisk = (await readdir(root).catch(() => [] as string[])).map((name) => join(root, name));
    // Git's records too: a worktree whose directory was half made or is gone still holds its branch.
    const recorded = (await this.worktreePaths()).filter((p) => p.startsWith(`${root}${sep}`));
    return [...new Set([...onDisk, ...recorded])];
  }

  async addWorktree(dir: string, branch: string | null, startPoint: string): Promise<void> {
    await mkdir(join(dir, ".."), { recursive: true });
    await this.worktreeAdd(dir, branch, startPoint, { prune: false, checkout: false });
  }

  async removeWorktree(dir: string): Promise<void> {
    await this.worktreeRemove(dir, { prune: false });
    await rm(dir, { recursive: true, force: true });
  }

  async pruneWorktrees(): Promise<void> {
    await this.worktreePrune();
  }

  async removeEmptyDirectory(dir: string): Promise<boolean> {
    return rmdir(dir).then(
      () => true,
      () => false,
    );
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
  async restoreFile(commit: string, path: string): Promise<boolean> {
    if ((await this.revParse(`${operand(commit, "revision")}^{commit}:${operand(path, "path")}`)) === null) return false;
    // `:(literal)`: the path is a name, not a pattern; git writes nothing through a symbolic link on the way
    // (it refuses: the file is then left as it is, for the checks that follow to report).
    return (await this.run(["checkout", "-q", commit, "--", `:(literal)${path}`], { allowFail: true })).code === 0;
  }

  async hashFile(path: string): Promise<string> {
    return (await this.stdout(["hash-object", "--", operand(path, "path")])).trim();
  }

  /** Whether commit `a` is an ancestor of (or equal to) `b`. */
  async isAncestor(a: string, b: string): Promise<boolean> {
    const r = await this.run(["merge-base", "--is-ancestor", operand(a, "revision"), operand(b, "revision")], { allowFail: true });
    if (r.code > 1) throw new GitError(["merge-base", "--is-ancestor", a, b], r.code, r.stderr);
    return r.code === 0;
  }

  /** Lists `/<name>` (a file at the repository root) in .git/info/exclude, once, so `git status` never shows it. */
  async excludeFromStatus(name: string): Promise<void> {
    const exclude = join(await this.commonDir(), "info", "exclude");
    const text = await readFile(exclude, "utf8").catch(() => "");
    if (text.split(/\r?\n/).includes(`/${name}`)) return;
    await mkdir(join(exclude, ".."), { recursive: true });
    await appendFile(exclude, `${text === "" || text.endsWith("\n") ? "" : "\n"}/${name}\n`);
  }

  /** The repository's common git directory (shared by all its worktrees), absolute. */
  async commonDir(): Promise<string> {
    return (await this.stdout(["rev-parse", "--path-format=absolute", "--git-common-dir"])).trim();
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
   * A `--no-ff` merge of `branch` into the current branch. Nothing is left half-merged: on a conflict the
   * merge is aborted and the conflicting paths returned; a merge git refused (untracked files it would
   * overwrite, a hook) is aborted too and git's message returned. A branch that does not exist throws.
   */
  async merge(branch: string, message: string): Promise<MergeOutcome> {
    const r = await this.run(["merge", "--no-ff", "--no-edit", "--no-verify", "-m", message, operand(branch, "branch")], { allowFail: true, env: { LC_ALL: "C" } });
    if (r.code === 0) return { ok: true, sha: (await this.stdout(["rev-parse", "HEAD"])).trim() };
    const said = (r.stderr || r.stdout).trim();
    if ((await this.revParse("MERGE_HEAD")) === null) {
      if ((await this.revParse(branch)) === null) throw new GitError(["merge", branch], r.code, said);
      return { ok: false, kind: "refused", message: said };
    }
    const conflicts = [...new Set(splitZ(await this.stdout(["diff", "--name-only", "--diff-filter=U", "-z"])))].sort();
    await this.run(["merge", "--abort"]);
    return conflicts.length > 0 ? { ok: false, kind: "conflict", conflicts } : { ok: false, kind: "refused", message: said };
  }

  /** Whether a merge is unfinished here (MERGE_HEAD), and whether tdd-waves started it (its merge message). */
  async unfinishedMerge(): Promise<"none" | "ours" | "foreign"> {
    if ((await this.revParse("MERGE_HEAD")) === null) return "none";
    const msgPath = (await this.stdout(["rev-parse", "--path-format=absolute", "--git-path", "MERGE_MSG"])).trim();
    const msg = await readFile(msgPath, "utf8").catch(() => "");
    return msg.startsWith(MERGE_SUBJECT_PREFIX) ? "ours" : "foreign";
  }

  /** Abandons the unfinished merge: index and files back to HEAD for what the merge touched. */
  async abortMerge(): Promise<void> {
    await this.run(["merge", "--abort"]);
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

  /** A push that reports a rejection (the remote branch moved on) instead of throwing. */
  async tryPush(remote: string, refspec: string): Promise<PushOutcome> {
    const r = await this.run(["push", operand(remote, "remote"), operand(refspec, "refspec")], { allowFail: true, env: { LC_ALL: "C" } });
    if (r.code === 0) return { ok: true };
    return { ok: false, rejected: PUSH_REJECTED.test(r.stderr), message: redact(r.stderr.trim()) };
  }

  async branchExists(name: string): Promise<boolean> {
    const r = await this.run(["show-ref", "--verify", "--quiet", `refs/heads/${operand(name, "branch")}`], { allowFail: true });
    return r.code === 0;
  }

  async deleteBranch(name: string): Promise<void> {
    await this.run(["branch", "-D", operand(name, "branch")]);
  }

  /** A file's content at a revision, or null when the revision or the file does not exist. */
  async makeDirectory(path: string): Promise<void> {
    await mkdir(path, { recursive: true });
  }

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

  /** Every file of a commit's tree at any depth, path -> its `ls-tree` entry ("mode type sha"). */
  async treeFiles(commit: string): Promise<Map<string, string>> {
    const lines = splitZ(await this.stdout(["ls-tree", "-r", "-z", "--full-tree", operand(commit, "revision")]));
    return new Map(lines.map((line) => [line.slice(line.indexOf("\t") + 1), line.slice(0, line.indexOf("\t"))]));
  }

  /** Whether `path` (a file, or a folder with files in it) is tracked. */
  async isTracked(path: string): Promise<boolean> {
    return (await this.stdout(["ls-files", "-z", "--", path])) !== "";
  }

  /** Whether git ignores `path` (end a folder's path with "/": some patterns match folders only). */
  async isIgnored(path: string): Promise<boolean> {
    return (await this.run(["check-ignore", "-q", "--no-index", "--", path], { allowFail: true })).code === 0;
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

/** A push refused because the remote branch moved on (someone pushed to it meanwhile). */
const PUSH_REJECTED = /\[rejected\]|\(fetch first\)|non-fast-forward/;

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
