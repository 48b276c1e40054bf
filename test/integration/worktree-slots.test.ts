// The local runner's working copies against a real repository: a slot handed on is as good as a new
// worktree (right branch, right commit, nothing of the previous story left), one that cannot be reset
// is replaced, and nothing is left behind.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Git } from "../../src/adapters/git.js";
import { WorktreeSlots } from "../../src/engine/worktree-slots.js";
import { git, gitEnv, makeRepo, type TempRepo } from "../support/repo.js";

let repo: TempRepo;
let slots: WorktreeSlots;
const gitAt = (dir: string) => new Git({ cwd: dir, env: gitEnv });
const worktrees = () => git(repo.dir, "worktree", "list", "--porcelain").split("\n").filter((l) => l.startsWith("worktree ")).length;

beforeEach(() => {
  repo = makeRepo({ "a.txt": "a\n", ".gitignore": "*.log\n" }, { agents: false });
  slots = new WorktreeSlots(gitAt(repo.dir), gitAt, join(repo.dir, ".git", "tdd-waves", "worktrees", "plan"));
});

afterEach(() => repo.cleanup());

describe("worktree slots", () => {
  it("hand a released slot to the next story on its own branch and commit, with nothing of the last story left", async () => {
    const first = git(repo.dir, "rev-parse", "HEAD");
    const one = await slots.checkout("tdd-waves/plan/s-1", first);
    expect(git(one, "symbolic-ref", "--short", "HEAD")).toBe("tdd-waves/plan/s-1");
    // A new slot is a full checkout: every file there, index and working tree matching the commit.
    expect(readFileSync(join(one, "a.txt"), "utf8")).toBe("a\n");
    expect(git(one, "status", "--porcelain", "--ignored")).toBe("");
    // The story leaves a commit, a change, an untracked file, an ignored file and an untracked directory.
    writeFileSync(join(one, "b.txt"), "b\n");
    git(one, "add", "b.txt");
    git(one, "commit", "-q", "-m", "s-1 work");
    writeFileSync(join(one, "a.txt"), "changed\n");
    writeFileSync(join(one, "untracked.txt"), "u\n");
    writeFileSync(join(one, "debug.log"), "ignored\n");
    mkdirSync(join(one, "cache", "deep"), { recursive: true });
    writeFileSync(join(one, "cache", "deep", "x"), "x\n");
    slots.release(one);

    writeFileSync(join(repo.dir, "c.txt"), "c\n");
    git(repo.dir, "add", "c.txt");
    git(repo.dir, "commit", "-q", "-m", "target moved");
    const second = git(repo.dir, "rev-parse", "HEAD");
    const two = await slots.checkout("tdd-waves/plan/s-2", second);
    expect(two).toBe(one);
    expect(git(two, "symbolic-ref", "--short", "HEAD")).toBe("tdd-waves/plan/s-2");
    expect(git(two, "rev-parse", "HEAD")).toBe(second);
    expect(git(two, "status", "--porcelain", "--ignored")).toBe("");
    expect(["b.txt", "untracked.txt", "debug.log", "cache"].filter((f) => existsSync(join(two, f)))).toEqual([]);
    // The first story's branch keeps its work.
    expect(git(repo.dir, "show", "tdd-waves/plan/s-1:b.txt")).toBe("b");
  });

  it("make a new slot for each story running at the same time, and remove them all at the end", async () => {
    const tip = git(repo.dir, "rev-parse", "HEAD");
    const dirs = await Promise.all(Array.from({ length: 6 }, (_, i) => slots.checkout(`tdd-waves/plan/p-${i}`, tip)));
    expect(new Set(dirs).size).toBe(6);
    expect(worktrees()).toBe(7);
    await slots.removeAll();
    expect(worktrees()).toBe(1);
    expect(dirs.filter((d) => existsSync(d))).toEqual([]);
    // The branches stay, and can be checked out anywhere again.
    git(repo.dir, "checkout", "-q", "tdd-waves/plan/p-3");
  });

  it("replace a slot that cannot be reset (its index is locked) with a new one", async () => {
    const tip = git(repo.dir, "rev-parse", "HEAD");
    const one = await slots.checkout("tdd-waves/plan/s-1", tip);
    writeFileSync(join(git(one, "rev-parse", "--absolute-git-dir"), "index.lock"), "");
    slots.release(one);
    const two = await slots.checkout("tdd-waves/plan/s-2", tip);
    expect(two).not.toBe(one);
    expect(existsSync(one)).toBe(false);
    expect(git(two, "symbolic-ref", "--short", "HEAD")).toBe("tdd-waves/plan/s-2");
    expect(worktrees()).toBe(2);
  });

  it("clear what a killed run left, so that its branches can be checked out again", async () => {
    const tip = git(repo.dir, "rev-parse", "HEAD");
    await slots.checkout("tdd-waves/plan/s-1", tip);
    await slots.checkout("tdd-waves/plan/s-2", tip);
    const next = new WorktreeSlots(gitAt(repo.dir), gitAt, join(repo.dir, ".git", "tdd-waves", "worktrees", "plan"));
    await next.clear();
    expect(worktrees()).toBe(1);
    const again = await next.checkout("tdd-waves/plan/s-1", tip);
    expect(git(again, "symbolic-ref", "--short", "HEAD")).toBe("tdd-waves/plan/s-1");
  });

  it("clear a worktree whose add was killed half-way (locked, its directory gone) so that its branch is free", async () => {
    const tip = git(repo.dir, "rev-parse", "HEAD");
    const dir = await slots.checkout("tdd-waves/plan/s-1", tip);
    git(repo.dir, "worktree", "lock", "--reason", "initializing", dir);
    rmSync(dir, { recursive: true, force: true });
    const next = new WorktreeSlots(gitAt(repo.dir), gitAt, join(repo.dir, ".git", "tdd-waves", "worktrees", "plan"));
    await next.clear();
    expect(worktrees()).toBe(1);
    git(repo.dir, "checkout", "-q", "tdd-waves/plan/s-1");
  });

  it("keep setup's reuse paths (untracked, at the root) in a slot handed on, and check out detached when asked (issue 10)", async () => {
    const tip = git(repo.dir, "rev-parse", "HEAD");
    const one = await slots.checkout("tdd-waves/plan/s-1", tip, ["deps"]);
    for (const d of ["deps", "sub/deps"]) {
      mkdirSync(join(one, d), { recursive: true });
      writeFileSync(join(one, d, "installed"), "x\n");
    }
    slots.setPrepared(one, "fingerprint-1");
    slots.release(one);
    const two = await slots.checkout(null, tip, ["deps"]);
    expect(two).toBe(one);
    expect(git(two, "rev-parse", "--abbrev-ref", "HEAD")).toBe("HEAD");
    expect(["deps/installed", "sub/deps/installed"].filter((f) => existsSync(join(two, f)))).toEqual(["deps/installed"]);
    expect(slots.preparedFor(two)).toBe("fingerprint-1");
    await slots.removeAll();
    expect(slots.preparedFor(two)).toBeUndefined();
  });

  it("clear the worktrees a killed run of an earlier version left in the git directory too", async () => {
    const tip = git(repo.dir, "rev-parse", "HEAD");
    await slots.checkout("tdd-waves/plan/s-1", tip);
    const copies = `${repo.dir}-copies`;
    const outside = new WorktreeSlots(gitAt(repo.dir), gitAt, join(copies, "plan"));
    await outside.clear([join(repo.dir, ".git", "tdd-waves", "worktrees", "plan")]);
    expect(worktrees()).toBe(1);
    const again = await outside.checkout("tdd-waves/plan/s-1", tip);
    expect(again).toBe(join(copies, "plan", "slot-1"));
    await outside.removeAll();
    // The run's folders went with their worktrees.
    expect(existsSync(copies)).toBe(false);
  });
});
