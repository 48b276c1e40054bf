// Git adapter against real repositories in temp dirs: every helper, the error type and the identity fallback.
import { mkdtemp, mkdir, readFile, realpath, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BOT_IDENTITY, Git, GitError } from "../../src/adapters/git.js";

let root: string;
/** No global or system git config: HOME and XDG point at an empty dir. */
let isolated: Record<string, string>;

beforeEach(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), "tdd-waves-git-")));
  const home = join(root, "home");
  await mkdir(home);
  isolated = { HOME: home, XDG_CONFIG_HOME: home, GIT_CONFIG_NOSYSTEM: "1" };
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function newRepo(name = "repo", identity = true): Promise<{ dir: string; git: Git }> {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  const git = new Git({ cwd: dir, env: isolated });
  await git.run(["init", "-q", "-b", "main"]);
  if (identity) {
    await git.run(["config", "user.name", "Test Author"]);
    await git.run(["config", "user.email", "test@example.com"]);
  }
  return { dir, git };
}

async function commitFile(git: Git, dir: string, file: string, content: string, message = `write ${file}`): Promise<string> {
  await mkdir(join(dir, file, ".."), { recursive: true });
  await writeFile(join(dir, file), content);
  await git.run(["add", "--", file]);
  const sha = await git.commit(message);
  if (!sha) throw new Error("nothing committed");
  return sha;
}

const log = async (git: Git, format: string, rev = "HEAD") => (await git.run(["log", "-1", `--format=${format}`, rev])).stdout.trim();

describe("Git.run", () => {
  it("passes arguments to git without a shell", async () => {
    const { dir, git } = await newRepo();
    const message = "subject $(touch pwned) `touch pwned2`; rm -rf / && echo 'x' \"y\"";
    await git.commit(message, { allowEmpty: true });
    expect(await log(git, "%B")).toBe(message);
    expect(existsSync(join(dir, "pwned"))).toBe(false);
    expect(existsSync(join(dir, "pwned2"))).toBe(false);
  });

  it("throws a GitError with command, exit code and stderr, unless allowFail", async () => {
    const { git } = await newRepo();
    const err = await git.run(["rev-parse", "--verify", "no-such-ref"]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitError);
    const ge = err as GitError;
    expect(ge.command).toBe("git rev-parse --verify no-such-ref");
    expect(ge.code).toBe(128);
    expect(ge.stderr).toMatch(/needed a single revision/i);
    expect(ge.message).toContain("git rev-parse --verify no-such-ref failed (exit 128)");

    const r = await git.run(["rev-parse", "--verify", "no-such-ref"], { allowFail: true });
    expect(r.code).toBe(128);
  });

  it("feeds input on stdin", async () => {
    const { git } = await newRepo();
    const sha = await git.hashObject("hello\n");
    expect((await git.run(["cat-file", "-p", sha])).stdout).toBe("hello\n");
  });

  it("never prompts for credentials and keeps them out of error messages", async () => {
    const { git } = await newRepo();
    const printed = await git.run(["-c", "alias.promptvar=!printenv GIT_TERMINAL_PROMPT", "promptvar"]);
    expect(printed.stdout.trim()).toBe("0");
    const err = (await git.push("https://user:s3cret-token@127.0.0.1:1/x.git", ["main"]).catch((e: unknown) => e)) as GitError;
    expect(err).toBeInstanceOf(GitError);
    expect(err.message).not.toContain("s3cret-token");
    expect(err.command).toContain("https://***@127.0.0.1:1/x.git");
  });

  it("prints non-ASCII paths unquoted (core.quotepath=off)", async () => {
    const { dir, git } = await newRepo();
    await writeFile(join(dir, "café.txt"), "x");
    expect((await git.run(["status", "--porcelain"])).stdout).toBe("?? café.txt\n");
  });

  it("works on the repository at its cwd even when started from a git hook's environment", async () => {
    const { dir, git } = await newRepo();
    const { dir: other } = await newRepo("other");
    const saved = { ...process.env };
    process.env.GIT_DIR = join(other, ".git");
    process.env.GIT_INDEX_FILE = join(other, ".git", "index");
    try {
      await writeFile(join(dir, "mine.txt"), "x");
      await git.addAll();
      await git.commit("mine");
    } finally {
      process.env = saved;
    }
    expect(await git.showFile("HEAD", "mine.txt")).toBe("x");
    expect(await new Git({ cwd: other, env: isolated }).revParse("HEAD")).toBeNull();
  });

  it("refuses operands that git would read as options", async () => {
    const { git } = await newRepo();
    await expect(git.deleteBranch("--help")).rejects.toThrow(/invalid branch/);
    await expect(git.merge("-s", "m")).rejects.toThrow(/invalid branch/);
  });
});

describe("identity", () => {
  it("authors commits as github-actions[bot] when no identity is configured", async () => {
    const { git } = await newRepo("repo", false);
    await git.commit("first", { allowEmpty: true });
    const bot = `${BOT_IDENTITY.name} <${BOT_IDENTITY.email}>`;
    expect(await log(git, "%an <%ae>")).toBe(bot);
    expect(await log(git, "%cn <%ce>")).toBe(bot);
    expect(bot).toBe("github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>");

    const tree = await git.mkTree([]);
    const plumbed = await git.commitTree(tree, [], "plumbing");
    expect(await log(git, "%an <%ae>", plumbed)).toBe(bot);
  });

  it("keeps an identity the repository configures", async () => {
    const { git } = await newRepo();
    await git.commit("first", { allowEmpty: true });
    expect(await log(git, "%an <%ae>|%cn <%ce>")).toBe("Test Author <test@example.com>|Test Author <test@example.com>");
  });

  it("keeps an identity the user's global config gives", async () => {
    const { git } = await newRepo("repo", false);
    await writeFile(join(isolated.HOME!, ".gitconfig"), "[user]\n\tname = Global User\n\temail = global@example.com\n");
    await git.commit("first", { allowEmpty: true });
    expect(await log(git, "%an <%ae>")).toBe("Global User <global@example.com>");
  });

  it("notices an identity configured through it after a first commit", async () => {
    const { git } = await newRepo("repo", false);
    await git.commit("bot", { allowEmpty: true });
    await git.run(["config", "user.name", "Later"]);
    await git.run(["config", "user.email", "later@example.com"]);
    await git.commit("later", { allowEmpty: true });
    expect(await log(git, "%an <%ae>")).toBe("Later <later@example.com>");
  });

  it("keeps an identity given in the environment", async () => {
    const { dir } = await newRepo("repo", false);
    const git = new Git({ cwd: dir, env: { ...isolated, GIT_AUTHOR_NAME: "Env A", GIT_AUTHOR_EMAIL: "a@env", GIT_COMMITTER_NAME: "Env C", GIT_COMMITTER_EMAIL: "c@env" } });
    await git.commit("first", { allowEmpty: true });
    expect(await log(git, "%an <%ae>|%cn <%ce>")).toBe("Env A <a@env>|Env C <c@env>");
  });
});

describe("revisions and status", () => {
  it("revParse resolves a revision or returns null", async () => {
    const { dir, git } = await newRepo();
    expect(await git.revParse("HEAD")).toBeNull();
    const sha = await commitFile(git, dir, "a.txt", "a");
    expect(await git.revParse("HEAD")).toBe(sha);
    expect(await git.revParse("main")).toBe(sha);
    expect(await git.revParse("nope")).toBeNull();
    expect(await git.revParse("--all")).toBeNull();
  });

  it("currentBranch names the branch, or null when detached", async () => {
    const { dir, git } = await newRepo();
    const sha = await commitFile(git, dir, "a.txt", "a");
    expect(await git.currentBranch()).toBe("main");
    await git.run(["checkout", "-q", "--detach", sha]);
    expect(await git.currentBranch()).toBeNull();
  });

  it("topLevel is the repository root, even from a subdirectory", async () => {
    const { dir } = await newRepo();
    await mkdir(join(dir, "sub", "deeper"), { recursive: true });
    expect(await new Git({ cwd: join(dir, "sub", "deeper"), env: isolated }).topLevel()).toBe(dir);
  });

  it("hasTrackedChanges sees staged and unstaged changes but not untracked files", async () => {
    const { dir, git } = await newRepo();
    await commitFile(git, dir, "a.txt", "a");
    expect(await git.hasTrackedChanges()).toBe(false);
    await writeFile(join(dir, "new.txt"), "untracked");
    expect(await git.hasTrackedChanges()).toBe(false);
    await writeFile(join(dir, "a.txt"), "changed");
    expect(await git.hasTrackedChanges()).toBe(true);
    await git.run(["add", "a.txt"]);
    expect(await git.hasTrackedChanges()).toBe(true);
  });
});

describe("worktrees", () => {
  it("adds a worktree on a new branch and resets that branch when added again", async () => {
    const { dir, git } = await newRepo();
    const base = await commitFile(git, dir, "a.txt", "a");
    const wt = join(root, "wt");
    await git.worktreeAdd(wt, "story/one", "main");
    expect(await readFile(join(wt, "a.txt"), "utf8")).toBe("a");
    const wtGit = new Git({ cwd: wt, env: isolated });
    expect(await wtGit.currentBranch()).toBe("story/one");
    await commitFile(wtGit, wt, "b.txt", "b");
    expect(await git.revParse("story/one")).not.toBe(base);

    await writeFile(join(wt, "dirty.txt"), "dirty");
    await git.worktreeRemove(wt);
    expect(existsSync(wt)).toBe(false);

    await git.worktreeAdd(wt, "story/one", "main");
    expect(await git.revParse("story/one")).toBe(base);
    expect(existsSync(join(wt, "b.txt"))).toBe(false);
  });

  it("removes a worktree whose directory is already gone, so it can be added again", async () => {
    const { dir, git } = await newRepo();
    await commitFile(git, dir, "a.txt", "a");
    const wt = join(root, "wt");
    await git.worktreeAdd(wt, "story/two", "main");
    await rm(wt, { recursive: true, force: true });
    await git.worktreeRemove(wt);
    expect((await git.run(["worktree", "list", "--porcelain"])).stdout).not.toContain(wt);
    await git.worktreeAdd(wt, "story/two", "main");
    expect(existsSync(join(wt, "a.txt"))).toBe(true);
  });
});

describe("commits", () => {
  it("commit reports a commit git refuses (here a signing program that fails), staged changes or not", async () => {
    const { dir, git } = await newRepo();
    await commitFile(git, dir, "a.txt", "a");
    await git.run(["config", "commit.gpgsign", "true"]);
    await git.run(["config", "gpg.program", "false"]);
    await writeFile(join(dir, "a.txt"), "changed");
    await git.addAll();
    await expect(git.commit("signed")).rejects.toThrow(GitError);
    await expect(git.commit("empty and signed", { allowEmpty: true })).rejects.toThrow(/git commit .*failed/);
  });

  it("addAll stages everything and commit returns the new sha, or null when nothing is staged", async () => {
    const { dir, git } = await newRepo();
    await commitFile(git, dir, "a.txt", "a");
    expect(await git.commit("nothing")).toBeNull();
    await writeFile(join(dir, "a.txt"), "a2");
    await mkdir(join(dir, "d"));
    await writeFile(join(dir, "d", "b.txt"), "b");
    await git.addAll();
    const sha = await git.commit("both");
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    expect(sha).toBe(await git.revParse("HEAD"));
    expect((await git.run(["show", "--name-only", "--format=", "HEAD"])).stdout.trim().split("\n").sort()).toEqual(["a.txt", "d/b.txt"]);
    expect(await git.hasTrackedChanges()).toBe(false);

    const empty = await git.commit("empty", { allowEmpty: true });
    expect(empty).not.toBeNull();
    expect(empty).not.toBe(sha);
  });

  it("changedFiles between two commits", async () => {
    const { dir, git } = await newRepo();
    const first = await commitFile(git, dir, "a.txt", "a");
    await commitFile(git, dir, "x/b.txt", "b");
    await git.run(["mv", "a.txt", "renamed.txt"]);
    const last = (await git.commit("rename"))!;
    expect(await git.changedFiles(first, last)).toEqual(["a.txt", "renamed.txt", "x/b.txt"]);
    expect(await git.changedFiles(last, last)).toEqual([]);
  });

  it("changedFiles against the working tree counts staged, unstaged and untracked files, not ignored ones", async () => {
    const { dir, git } = await newRepo();
    await commitFile(git, dir, ".gitignore", "*.log\n");
    const base = await commitFile(git, dir, "keep.txt", "k");
    await commitFile(git, dir, "gone.txt", "g");
    await writeFile(join(dir, "keep.txt"), "changed");
    await mkdir(join(dir, "sub"));
    await writeFile(join(dir, "sub", "staged.txt"), "s");
    await git.run(["add", "sub/staged.txt"]);
    await writeFile(join(dir, "sub", "untracked.txt"), "u");
    await writeFile(join(dir, "noise.log"), "ignored");
    await rm(join(dir, "gone.txt"));
    const fromSub = new Git({ cwd: join(dir, "sub"), env: isolated });
    const expected = ["keep.txt", "sub/staged.txt", "sub/untracked.txt"];
    expect(await fromSub.changedFiles(base)).toEqual(expected);
    expect(await git.changedFiles("HEAD")).toEqual(["gone.txt", ...expected].sort());
  });
});

/** A repository on main with a branch "feature" one commit ahead (b.txt). */
async function repoWithFeature(): Promise<{ dir: string; git: Git }> {
  const { dir, git } = await newRepo();
  await commitFile(git, dir, "a.txt", "a\n");
  await git.run(["branch", "feature"]);
  await git.run(["checkout", "-q", "feature"]);
  await commitFile(git, dir, "b.txt", "b\n");
  await git.run(["checkout", "-q", "main"]);
  return { dir, git };
}

describe("merge", () => {
  it("merges with a merge commit whose subject is the message", async () => {
    const { dir, git } = await newRepo();
    await commitFile(git, dir, "a.txt", "a\n");
    await git.run(["branch", "feature"]);
    await git.run(["checkout", "-q", "feature"]);
    const feature = await commitFile(git, dir, "b.txt", "b\n");
    await git.run(["checkout", "-q", "main"]);
    const result = await git.merge("feature", "Merge story s-001");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.sha).toBe(await git.revParse("HEAD"));
    expect(await log(git, "%s|%P")).toMatch(new RegExp(`^Merge story s-001\\|[0-9a-f]{40} ${feature}$`));
  });

  it("aborts a conflicting merge, leaving a clean tree, and names the conflicts", async () => {
    const { dir, git } = await newRepo();
    await commitFile(git, dir, "a.txt", "base\n");
    await commitFile(git, dir, "c.txt", "base\n");
    await git.run(["branch", "feature"]);
    const mainTip = await commitFile(git, dir, "a.txt", "main\n");
    await commitFile(git, dir, "c.txt", "main\n");
    const before = await git.revParse("HEAD");
    await git.run(["checkout", "-q", "feature"]);
    await commitFile(git, dir, "a.txt", "feature\n");
    await commitFile(git, dir, "c.txt", "feature\n");
    await commitFile(git, dir, "clean.txt", "merges fine\n");
    await git.run(["checkout", "-q", "main"]);

    expect(mainTip).not.toBe(before);
    const result = await git.merge("feature", "Merge feature");
    expect(result).toEqual({ ok: false, kind: "conflict", conflicts: ["a.txt", "c.txt"] });
    expect((await git.run(["status", "--porcelain", "--untracked-files=all"])).stdout).toBe("");
    expect(await git.revParse("MERGE_HEAD")).toBeNull();
    expect(await git.revParse("HEAD")).toBe(before);
    expect(await readFile(join(dir, "a.txt"), "utf8")).toBe("main\n");
    expect(existsSync(join(dir, "clean.txt"))).toBe(false);
  });

  it("reports a merge a hook refused as a refusal, not a conflict, and leaves nothing half-merged", async () => {
    const { dir, git } = await repoWithFeature();
    const before = await git.revParse("HEAD");
    // prepare-commit-msg runs even with --no-verify; this one refuses merges only.
    await writeFile(join(dir, ".git", "hooks", "prepare-commit-msg"), '#!/bin/sh\n[ "$2" = merge ] && { echo "no merges here" >&2; exit 1; }\nexit 0\n', { mode: 0o755 });
    const result = await git.merge("feature", "tdd-waves: merge s-001: x");
    expect(result).toMatchObject({ ok: false, kind: "refused" });
    expect(await git.unfinishedMerge()).toBe("none");
    expect(await git.revParse("HEAD")).toBe(before);
    expect((await git.run(["status", "--porcelain"])).stdout).toBe("");
  });

  it("tells an unfinished merge tdd-waves left from someone else's, and aborts it", async () => {
    const { dir, git } = await repoWithFeature();
    expect(await git.unfinishedMerge()).toBe("none");
    await git.run(["merge", "--no-ff", "--no-commit", "feature"]);
    expect(await git.unfinishedMerge()).toBe("foreign");
    await git.abortMerge();
    await git.run(["merge", "--no-ff", "--no-commit", "-m", "tdd-waves: merge s-001: x", "feature"]);
    expect(await git.unfinishedMerge()).toBe("ours");
    await git.abortMerge();
    expect(await git.unfinishedMerge()).toBe("none");
    expect(existsSync(join(dir, "b.txt"))).toBe(false);
  });

  it("throws when the merge cannot even start", async () => {
    const { dir, git } = await newRepo();
    await commitFile(git, dir, "a.txt", "a");
    await expect(git.merge("no-such-branch", "m")).rejects.toBeInstanceOf(GitError);
  });
});

describe("remotes and branches", () => {
  it("pushes, fetches, checks and deletes branches", async () => {
    const bare = join(root, "origin.git");
    const setup = new Git({ cwd: root, env: isolated });
    await setup.run(["init", "-q", "--bare", "-b", "main", bare]);
    const { dir, git } = await newRepo();
    const sha = await commitFile(git, dir, "a.txt", "a");
    await git.run(["remote", "add", "origin", bare]);
    await git.push("origin", ["main:refs/heads/published"]);
    expect((await new Git({ cwd: bare, env: isolated }).revParse("refs/heads/published"))).toBe(sha);

    const { git: other } = await newRepo("other");
    await other.run(["remote", "add", "origin", bare]);
    await other.fetch("origin", ["+refs/heads/published:refs/heads/copy"]);
    expect(await other.branchExists("copy")).toBe(true);
    expect(await other.branchExists("absent")).toBe(false);
    expect(await other.revParse("copy")).toBe(sha);
    await other.deleteBranch("copy");
    expect(await other.branchExists("copy")).toBe(false);
    await expect(other.fetch("origin", ["refs/heads/absent:refs/heads/x"])).rejects.toThrow(/couldn't find remote ref/);
  });

  it("push is rejected without force when the remote moved, and accepted with force", async () => {
    const bare = join(root, "origin.git");
    await new Git({ cwd: root, env: isolated }).run(["init", "-q", "--bare", "-b", "main", bare]);
    const { dir, git } = await newRepo();
    await commitFile(git, dir, "a.txt", "a");
    await git.run(["remote", "add", "origin", bare]);
    await git.push("origin", ["main"]);
    await git.run(["commit", "-q", "--amend", "-m", "rewritten"]);
    const err = (await git.push("origin", ["main"]).catch((e: unknown) => e)) as GitError;
    expect(err).toBeInstanceOf(GitError);
    expect(err.stderr).toMatch(/\[rejected\].*non-fast-forward/);
    await git.push("origin", ["main"], { force: true });
    expect(await new Git({ cwd: bare, env: isolated }).revParse("main")).toBe(await git.revParse("main"));
  });
});

describe("plumbing", () => {
  it("showFile reads a file at a revision, or null", async () => {
    const { dir, git } = await newRepo();
    await commitFile(git, dir, "d/a.txt", "line 1\nline 2\n");
    expect(await git.showFile("HEAD", "d/a.txt")).toBe("line 1\nline 2\n");
    expect(await git.showFile("HEAD", "d/missing.txt")).toBeNull();
    expect(await git.showFile("no-such-ref", "d/a.txt")).toBeNull();
  });

  it("builds blobs, nested trees and commits, and moves refs by compare-and-swap", async () => {
    const { git } = await newRepo();
    const blob = await git.hashObject("content\n");
    const sub = await git.mkTree([{ mode: "100644", type: "blob", sha: blob, name: "inner.txt" }]);
    const tree = await git.mkTree([
      { mode: "040000", type: "tree", sha: sub, name: "dir" },
      { mode: "100644", type: "blob", sha: blob, name: "top.txt" },
    ]);
    expect(await git.lsTree(tree)).toEqual([
      { mode: "040000", type: "tree", sha: sub, name: "dir" },
      { mode: "100644", type: "blob", sha: blob, name: "top.txt" },
    ]);
    const first = await git.commitTree(tree, [], "first");
    expect(await git.showFile(first, "dir/inner.txt")).toBe("content\n");
    expect(await git.lsTree(first)).toHaveLength(2);
    const second = await git.commitTree(tree, [first], "second");
    expect(await log(git, "%P|%s", second)).toBe(`${first}|second`);
    expect(await git.hasTrackedChanges()).toBe(false);

    const ref = "refs/heads/state";
    expect(await git.updateRef(ref, first, null)).toBe(true);
    expect(await git.updateRef(ref, second, null)).toBe(false);
    expect(await git.updateRef(ref, second, second)).toBe(false);
    expect(await git.revParse(ref)).toBe(first);
    expect(await git.updateRef(ref, second, first)).toBe(true);
    expect(await git.revParse(ref)).toBe(second);
  });

  it("mkTree refuses names that are not a single path component", async () => {
    const { git } = await newRepo();
    const blob = await git.hashObject("x");
    await expect(git.mkTree([{ mode: "100644", type: "blob", sha: blob, name: "a/b" }])).rejects.toThrow(/invalid tree entry name/);
  });
});
