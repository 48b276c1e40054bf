// In-process git writes against real repositories: objects byte-identical to what git writes (sha1 and
// sha256), refs moved by git's lock-file protocol and read back by git, every odd case left to git.
import { existsSync } from "node:fs";
import { mkdtemp, mkdir, readdir, readFile, realpath, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { gitProcessWriters, repositoryWriters } from "../../src/adapters/git-direct.js";
import { STALE_LOCK_MS } from "../../src/adapters/git-refs.js";
import { gitTimestamp, looseObjects } from "../../src/adapters/git-objects.js";
import { Git, type TreeEntry } from "../../src/adapters/git.js";
import { createStateStore } from "../../src/adapters/state-store.js";
import { createState, recordError } from "../../src/core/state/state.js";
import type { Plan } from "../../src/core/plan/model.js";

let root: string;
let env: Record<string, string>;

beforeEach(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), "tdd-waves-direct-")));
  env = {
    HOME: root,
    XDG_CONFIG_HOME: root,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_AUTHOR_NAME: "Ada Lovelace",
    GIT_AUTHOR_EMAIL: "ada@example.com",
    GIT_COMMITTER_NAME: "Grace Hopper",
    GIT_COMMITTER_EMAIL: "grace@example.com",
  };
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function repo(format: "sha1" | "sha256" = "sha1", extra: Record<string, string> = {}): Promise<Git> {
  const dir = join(root, `repo-${format}-${Math.random().toString(36).slice(2, 8)}`);
  await mkdir(dir);
  const g = new Git({ cwd: dir, env: { ...env, ...extra } });
  await g.run(["init", "-q", "-b", "main", `--object-format=${format}`]);
  return g;
}

const emptyState = () => {
  const plan = { name: "jwt-auth", maxParallel: 1, storiesDir: "s", test: { command: "x", timeoutMs: 1 }, prompts: {}, tdd: { requireRed: true, lockTests: true }, agents: {}, stories: [] } as Plan;
  return createState({ plan, planPath: "p.yml", digest: "sha256:x", target: "main", waves: [], now: "2025-01-01T00:00:00.000Z" });
};

const fsck = async (g: Git) => (await g.run(["fsck", "--strict", "--no-dangling"], { allowFail: true })).code;

describe.each(["sha1", "sha256"] as const)("objects written in-process (%s)", (format) => {
  it("are byte for byte the objects git writes, and pass fsck --strict", async () => {
    const dates = { GIT_AUTHOR_DATE: "1700000000 +0130", GIT_COMMITTER_DATE: "1700000500 -0700" };
    const g = await repo(format, dates);
    const mine = (await repositoryWriters(g)).objects;
    const gits = gitProcessWriters(g).objects;
    const text = "{\n  \"naïve\": \"✅ — ünïcödé\"\n}\n";
    const blob = await mine.writeBlob(text);
    expect(blob).toBe(await gits.writeBlob(text));
    // Git's tree order: a tree sorts as if its name ended in "/", after "x-y" and "x.y".
    const sub = await mine.writeTree([{ mode: "100644", type: "blob", sha: blob, name: "inner" }]);
    const entries: TreeEntry[] = [
      { mode: "040000", type: "tree", sha: sub, name: "x" },
      { mode: "100644", type: "blob", sha: blob, name: "x.y" },
      { mode: "100755", type: "blob", sha: blob, name: "x-y" },
      { mode: "100644", type: "blob", sha: blob, name: "Z" },
    ];
    const tree = await mine.writeTree(entries);
    expect(tree).toBe(await gits.writeTree([...entries].reverse()));
    // A message gets the final newline `git commit` would give it.
    const first = await mine.writeCommit(tree, [], "first\n\nwith a body");
    expect(first).toBe(await gits.writeCommit(tree, [], "first\n\nwith a body\n"));
    const second = await mine.writeCommit(tree, [first], "second\n");
    expect(second).toBe(await gits.writeCommit(tree, [first], "second\n"));
    expect((await g.run(["cat-file", "-p", `${second}:x/inner`])).stdout).toBe(text);
    await g.run(["update-ref", "refs/heads/check", second]);
    expect(await fsck(g)).toBe(0);
  });

  it("stamp commits with the configured identity and the moment of writing", async () => {
    const g = await repo(format);
    const before = Math.floor(Date.now() / 1000);
    const objects = (await repositoryWriters(g)).objects;
    const commit = await objects.writeCommit(await objects.writeTree([]), [], "now");
    const show = (await g.run(["show", "-s", "--format=%an <%ae>|%cn <%ce>|%ct", commit])).stdout.trim().split("|");
    expect(show.slice(0, 2)).toEqual(["Ada Lovelace <ada@example.com>", "Grace Hopper <grace@example.com>"]);
    expect(Number(show[2])).toBeGreaterThanOrEqual(before);
    expect(Number(show[2])).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });
});

describe("loose objects", () => {
  it("leave an object that exists as it is and leave no temporary file behind", async () => {
    const g = await repo();
    const { objectsDir } = await g.layout();
    const objects = looseObjects({ objectsDir, format: "sha1" }, { author: "A <a@x>", committer: "C <c@x>" });
    const id = await objects.writeBlob("same\n");
    const path = join(objectsDir, id.slice(0, 2), id.slice(2));
    const first = await stat(path);
    await Promise.all(Array.from({ length: 8 }, () => objects.writeBlob("same\n")));
    expect((await stat(path)).ino).toBe(first.ino);
    expect((await readdir(join(objectsDir, id.slice(0, 2)))).filter((f) => f.startsWith("tmp_"))).toEqual([]);
  });

  it("refuse tree entry names that are not one path component", async () => {
    const g = await repo();
    const objects = (await repositoryWriters(g)).objects;
    const blob = await objects.writeBlob("x");
    await expect(objects.writeTree([{ mode: "100644", type: "blob", sha: blob, name: "a/b" }])).rejects.toThrow(/invalid tree entry name/);
  });

  it("format timestamps as git does, offsets included", () => {
    const date = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
    const offset = -date.getTimezoneOffset() || 0;
    expect(gitTimestamp(date)).toMatch(/^1704164645 [+-]\d{4}$/);
    const tz = gitTimestamp(date).split(" ")[1]!;
    expect((tz.startsWith("-") ? -1 : 1) * (Number(tz.slice(1, 3)) * 60 + Number(tz.slice(3))) || 0).toBe(offset);
  });
});

describe("refs moved in-process", () => {
  const REF = "refs/heads/tdd-waves/state";

  async function commits(g: Git, n: number): Promise<string[]> {
    const objects = gitProcessWriters(g).objects;
    const tree = await objects.writeTree([]);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(await objects.writeCommit(tree, out.slice(-1), `c${i}`));
    return out;
  }

  it("compare-and-swap: created only when absent, moved only from the expected id, with a reflog entry git reads", async () => {
    const g = await repo();
    const [a, b, c] = await commits(g, 3);
    const { refs } = await repositoryWriters(g);
    expect(await refs.read(REF)).toBeNull();
    expect(await refs.compareAndSwap(REF, a!, null, "create")).toBe(true);
    expect(await refs.compareAndSwap(REF, b!, null, "create again")).toBe(false);
    expect(await refs.compareAndSwap(REF, c!, b!, "wrong base")).toBe(false);
    expect(await refs.compareAndSwap(REF, b!, a!, "move\nsecond line")).toBe(true);
    expect(await g.revParse(REF)).toBe(b);
    expect(await refs.read(REF)).toBe(b);
    const reflog = (await g.run(["reflog", "show", "--format=%H %gs", REF])).stdout.trim().split("\n");
    expect(reflog).toEqual([`${b} move`, `${a} create`]);
    expect(await fsck(g)).toBe(0);
  });

  it("lose the race, and leave the lock alone, while another writer holds the ref's lock", async () => {
    const g = await repo();
    const [a, b] = await commits(g, 2);
    const { refs } = await repositoryWriters(g);
    await refs.compareAndSwap(REF, a!, null, "create");
    const { commonDir } = await g.layout();
    const lock = join(commonDir, `${REF}.lock`);
    await writeFile(lock, "someone else's\n");
    expect(await refs.compareAndSwap(REF, b!, a!, "blocked")).toBe(false);
    expect(await readFile(lock, "utf8")).toBe("someone else's\n");
    await rm(lock);
    expect(await refs.compareAndSwap(REF, b!, a!, "free")).toBe(true);
  });

  it("clear a lock left by a writer killed while holding it, so that the next try wins", async () => {
    const g = await repo();
    const [a, b] = await commits(g, 2);
    const { refs } = await repositoryWriters(g);
    await refs.compareAndSwap(REF, a!, null, "create");
    const lock = join((await g.layout()).commonDir, `${REF}.lock`);
    await writeFile(lock, "");
    const old = new Date(Date.now() - STALE_LOCK_MS - 1000);
    await utimes(lock, old, old);
    expect(await refs.compareAndSwap(REF, b!, a!, "finds the stale lock")).toBe(false);
    expect(existsSync(lock)).toBe(false);
    expect(await refs.compareAndSwap(REF, b!, a!, "after")).toBe(true);
    expect(await g.revParse(REF)).toBe(b);
    // Nothing is left beside the ref.
    expect((await readdir(join((await g.layout()).commonDir, "refs/heads/tdd-waves"))).sort()).toEqual(["state"]);
  });

  it("let a state store resume writing after a kill -9 left the state branch locked", async () => {
    const g = await repo();
    const store = createStateStore({ git: g, planName: "jwt-auth", retry: { baseDelayMs: 1, maxDelayMs: 20 } });
    await store.init(emptyState(), "init");
    const lock = join((await g.layout()).commonDir, `${REF}.lock`);
    await writeFile(lock, "");
    const old = new Date(Date.now() - STALE_LOCK_MS - 1000);
    await utimes(lock, old, old);
    const fresh = createStateStore({ git: g, planName: "jwt-auth", retry: { baseDelayMs: 1, maxDelayMs: 20 } });
    const state = await fresh.update(recordError("after the kill", "2025-01-01T00:00:01.000Z"), "resume");
    expect(state.errors.map((e) => e.message)).toEqual(["after the kill"]);
  });

  it("read packed refs, and a loose ref over its packed one", async () => {
    const g = await repo();
    const [a, b] = await commits(g, 2);
    await g.run(["update-ref", REF, a!]);
    await g.run(["pack-refs", "--all"]);
    const { refs } = await repositoryWriters(g);
    expect(await refs.read(REF)).toBe(a);
    expect(await refs.compareAndSwap(REF, b!, a!, "over packed")).toBe(true);
    expect(await refs.read(REF)).toBe(b);
    expect(await g.revParse(REF)).toBe(b);
  });

  it("leave a symbolic ref to git, which follows it", async () => {
    const g = await repo();
    const [a] = await commits(g, 1);
    await g.run(["update-ref", "refs/heads/real", a!]);
    await g.run(["symbolic-ref", "refs/heads/alias", "refs/heads/real"]);
    const { refs } = await repositoryWriters(g);
    expect(await refs.read("refs/heads/alias")).toBe(a);
  });

  it("from a linked worktree, write the repository's shared refs and objects", async () => {
    const g = await repo();
    await writeFile(join(g.cwd, "f.txt"), "f\n");
    await g.addAll();
    await g.commit("base");
    const wt = join(root, "wt");
    await g.run(["worktree", "add", "-q", "-b", "side", wt]);
    const store = createStateStore({ git: new Git({ cwd: wt, env }), planName: "jwt-auth" });
    await store.init(emptyState(), "init");
    await store.update(recordError("from the worktree", "2025-01-01T00:00:01.000Z"), "note");
    const seen = JSON.parse((await g.run(["show", "tdd-waves/state:jwt-auth/workflow-state.json"])).stdout);
    expect(seen.errors.map((e: { message: string }) => e.message)).toEqual(["from the worktree"]);
    expect(await fsck(g)).toBe(0);
  });
});
