// The state store writes only through git: other git processes' ref locks are respected (never deleted),
// git's hooks and shared-repository modes apply, a concurrent gc never breaks it, sha256 repositories pass
// fsck --strict, and its long-lived git processes end with it.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { promisify } from "node:util";
import { existsSync } from "node:fs";
import { mkdtemp, mkdir, readdir, realpath, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Git } from "../../src/adapters/git.js";
import { removeStaleHandOvers } from "../../src/adapters/git-objects.js";
import { createStateStore, type StateStore } from "../../src/adapters/state-store.js";
import type { Plan } from "../../src/core/plan/model.js";
import { createState, recordError, type WorkflowState } from "../../src/core/state/state.js";

const REF = "refs/heads/tdd-waves/state";
const execFileAsync = promisify(execFile);

let root: string;
let env: Record<string, string>;
const stores: StateStore[] = [];

beforeEach(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), "tdd-waves-state-git-")));
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
  for (const s of stores.splice(0)) s.close?.();
  await rm(root, { recursive: true, force: true });
});

function store(g: Git, extra: Partial<Parameters<typeof createStateStore>[0]> = {}): StateStore {
  const s = createStateStore({ git: g, planName: "jwt-auth", retry: { baseDelayMs: 1, maxDelayMs: 20 }, ...extra });
  stores.push(s);
  return s;
}

async function repo(args: string[] = []): Promise<Git> {
  const dir = join(root, `repo-${Math.random().toString(36).slice(2, 8)}`);
  await mkdir(dir);
  const g = new Git({ cwd: dir, env });
  await g.run(["init", "-q", "-b", "main", ...args]);
  await g.commit("initial", { allowEmpty: true });
  return g;
}

const emptyState = (): WorkflowState => {
  const plan = { name: "jwt-auth", maxParallel: 1, storiesDir: "s", test: { command: "x", timeoutMs: 1 }, prompts: {}, tdd: { requireRed: true, lockTests: true }, agents: {}, stories: [] } as Plan;
  return createState({ plan, planPath: "p.yml", digest: "sha256:x", target: "main", waves: [], now: "2025-01-01T00:00:00.000Z" });
};
const messages = (s: WorkflowState | null) => (s?.errors ?? []).map((e) => e.message).sort();
const fsck = async (g: Git) => {
  const r = await g.run(["fsck", "--strict", "--no-dangling"], { allowFail: true });
  return r.code === 0 ? 0 : `${r.code}: ${r.stdout}${r.stderr}`;
};
const lockPath = (g: Git) => join(g.cwd, ".git", `${REF}.lock`);

/** A `git update-ref --stdin` transaction of another process, prepared (its lock taken) and not committed. */
async function preparedTransaction(g: Git, ref: string, next: string, old: string): Promise<{ commit: () => Promise<number>; child: ChildProcessWithoutNullStreams }> {
  const child = spawn("git", ["update-ref", "--stdin"], { cwd: g.cwd, env: { ...process.env, ...env } });
  let out = "";
  const exited = new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? -1)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("prepare: ok")) resolve();
    });
    child.on("close", () => reject(new Error(`update-ref ended before preparing: ${out}`)));
    child.stdin.write(`start\nupdate ${ref} ${next} ${old}\nprepare\n`);
  });
  return {
    child,
    commit: async () => {
      child.stdin.end("commit\n");
      return exited;
    },
  };
}

describe("ref locks of other git processes", () => {
  it("are waited for within the bound, then reported with the lock file's path, never deleted", async () => {
    const g = await repo();
    const s = store(g, { lockTimeoutMs: 300 });
    await s.init(emptyState(), "init");
    const tip = (await g.revParse(REF))!;
    const theirs = await g.commitTree((await g.run(["rev-parse", `${tip}^{tree}`])).stdout.trim(), [tip], "theirs");
    const tx = await preparedTransaction(g, REF, theirs, tip);
    // Prepared a while ago (a slow hook, a paused process): still a live lock, not a stale one.
    const old = new Date(Date.now() - 60_000);
    await utimes(lockPath(g), old, old);

    const started = Date.now();
    await expect(s.update(recordError("mine", "now"), "mine")).rejects.toThrow(lockPath(g));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(existsSync(lockPath(g))).toBe(true);
    expect(await g.revParse(REF)).toBe(tip);
    // Git's own transaction goes through.
    expect(await tx.commit()).toBe(0);
    expect(await g.revParse(REF)).toBe(theirs);
  });

  it("are waited for: a transaction that commits within the bound delays the write, which then lands on top", async () => {
    const g = await repo();
    const s = store(g, { lockTimeoutMs: 5_000 });
    await s.init(emptyState(), "init");
    const tip = (await g.revParse(REF))!;
    const tx = await preparedTransaction(g, REF, tip, tip);
    const write = s.update(recordError("mine", "now"), "mine");
    await new Promise((r) => setTimeout(r, 300));
    expect(await tx.commit()).toBe(0);
    expect(messages(await write)).toEqual(["mine"]);
    expect(messages(await store(g).read())).toEqual(["mine"]);
  });
});

describe("git's rules for the repository", () => {
  it("a reference-transaction hook that refuses the state branch is honoured: the write fails clearly", async () => {
    const g = await repo();
    const hook = join(g.cwd, ".git", "hooks", "reference-transaction");
    await writeFile(
      hook,
      '#!/bin/sh\n[ "$1" = prepared ] || exit 0\nwhile read old new ref; do case "$ref" in refs/heads/tdd-waves/*) echo "the state branch is frozen" >&2; exit 1;; esac; done\n',
      { mode: 0o755 },
    );
    const s = store(g);
    await expect(s.init(emptyState(), "init")).rejects.toThrow(/tdd-waves\/state.*(aborted by hook|frozen)/s);
    expect(await g.revParse(REF)).toBeNull();
  });

  it("with core.sharedRepository=group, objects, the ref and its reflog get git's modes", async () => {
    const g = await repo(["--shared=group"]);
    const s = store(g);
    await s.init(emptyState(), "init");
    await s.update(recordError("one", "now"), "one");
    const dotGit = join(g.cwd, ".git");
    const mode = async (path: string) => (await stat(path)).mode & 0o7777;
    // Group may write the ref and its log, as git's own refs in a shared repository.
    expect((await mode(join(dotGit, REF))) & 0o060).toBe(0o060);
    expect((await mode(join(dotGit, "logs", REF))) & 0o060).toBe(0o060);
    expect(await mode(join(dotGit, REF))).toBe(await mode(join(dotGit, "refs/heads/main")));
    for (const rev of [REF, `${REF}^{tree}`, `${REF}:jwt-auth`, `${REF}:jwt-auth/workflow-state.json`]) {
      const id = (await g.run(["rev-parse", rev])).stdout.trim();
      const dir = join(dotGit, "objects", id.slice(0, 2));
      // Git's object directories in a shared repository: group-writable and setgid.
      expect((await mode(dir)) & 0o2070).toBe(0o2070);
      expect((await mode(join(dir, id.slice(2)))) & 0o040).toBe(0o040);
    }
  });

  it("a sha256 repository's state passes git fsck --strict", async () => {
    const g = await repo(["--object-format=sha256"]);
    const s = store(g);
    await s.init(emptyState(), "init");
    await s.update(recordError("one", "2025-01-01T00:00:01.000Z"), "one\n\nwith a body");
    expect((await g.revParse(REF))!).toMatch(/^[0-9a-f]{64}$/);
    expect(messages(await store(g).read())).toEqual(["one"]);
    expect(await fsck(g)).toBe(0);
  });

  it("from a linked worktree, writes the repository's shared branch", async () => {
    const g = await repo();
    const wt = join(root, "wt");
    await g.run(["worktree", "add", "-q", "-b", "side", wt]);
    const s = store(new Git({ cwd: wt, env }));
    await s.init(emptyState(), "init");
    await s.update(recordError("from the worktree", "now"), "note");
    expect(messages(await store(g).read())).toEqual(["from the worktree"]);
    expect(await fsck(g)).toBe(0);
  });
});

describe("a write git could not make its temporary file for", () => {
  it("is written again: a concurrent gc removed the objects folder between git's mkdir and its open", async () => {
    const g = await repo();
    // A git first on PATH that fails the first object write as git does in that race, then is git.
    const shims = join(root, "shims");
    await mkdir(shims);
    const marker = join(root, "failed-once");
    const real = (await execFileAsync("sh", ["-c", "command -v git"])).stdout.trim();
    await writeFile(
      join(shims, "git"),
      `#!/bin/sh\nfor a in "$@"; do\n  if [ "$a" = hash-object ] && [ ! -e "${marker}" ]; then\n    : > "${marker}"\n    read -r p\n` +
        `    echo "error: unable to create temporary file: No such file or directory" >&2\n    echo "fatal: Unable to add $p to database" >&2\n    exit 128\n  fi\ndone\nexec "${real}" "$@"\n`,
      { mode: 0o755 },
    );
    const shimmed = new Git({ cwd: g.cwd, env: { ...env, PATH: `${shims}:${process.env.PATH}` } });
    const s = store(shimmed);
    await s.init(emptyState(), "init");
    await s.update(recordError("after the failed write", "now"), "error");
    expect(existsSync(marker)).toBe(true);
    expect(messages(await s.read())).toEqual(["after the failed write"]);
    expect(await fsck(g)).toBe(0);
  });
});

describe("git gc running meanwhile", () => {
  /** 40 updates by one store, then one by another, while `commands` run in a loop; the messages it ends with. */
  async function updatesDuring(g: Git, commands: string[][]): Promise<string[]> {
    const s = store(g);
    await s.init(emptyState(), "init");
    let writing = true;
    let runs = 0;
    const collector = (async () => {
      for (let i = 0; writing; i++, runs++) await g.run(commands[i % commands.length]!, { allowFail: true });
    })();
    const ids = Array.from({ length: 40 }, (_, i) => `update-${String(i).padStart(2, "0")}`);
    try {
      for (const id of ids) await s.update(recordError(id, "now"), id);
      // Another store of the same repository meanwhile, reading what gc repacked.
      await store(g).update(recordError("other", "now"), "other");
    } finally {
      writing = false;
      await collector;
    }
    expect(runs).toBeGreaterThan(0);
    // The next update checks that what the latest ones wrote is still there.
    await s.update(recordError("after", "now"), "after");
    expect(messages(await store(g).read())).toEqual([...ids, "other", "after"].sort());
    return ids;
  }

  it("git gc and repack -a -d never break the store: every update lands, fsck --strict is clean", async () => {
    const g = await repo();
    await updatesDuring(g, [["gc", "--quiet"], ["repack", "-a", "-d", "-q"]]);
    expect(await fsck(g)).toBe(0);
  }, 60_000);

  // Git documents `gc --prune=now` beside other writers as unsafe (it deletes objects written but not yet
  // reachable); the store writes again what it finds deleted, which narrows the window but cannot close
  // it, so this stress test runs on request: TDD_WAVES_STRESS=1.
  it.runIf(process.env.TDD_WAVES_STRESS)("git gc --prune=now meanwhile: no update fails or is lost (objects it deletes before they are reachable are written again)", async () => {
    const g = await repo();
    await updatesDuring(g, [["gc", "--quiet", "--prune=now"], ["repack", "-a", "-d", "-q"]]);
  }, 60_000);
});

describe("long-lived git processes", () => {
  it("end when the store is closed", async () => {
    const g = await repo();
    const s = store(g);
    await s.init(emptyState(), "init");
    await s.update(recordError("one", "now"), "one");
    const mine = async () => (await import("node:child_process")).execFileSync("ps", ["-o", "args=", "--ppid", String(process.pid)], { encoding: "utf8" });
    expect(await mine()).toMatch(/git .*(cat-file|update-ref)/);
    s.close?.();
    await new Promise((r) => setTimeout(r, 200));
    expect(await mine()).not.toMatch(/git .*(cat-file|update-ref|hash-object|mktree)/);
  });
});

describe("the folder a process hands content to git through", () => {
  it("of a process killed outright is removed by the next one; a running one's, another user's or no such folder stays", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hand-over-"));
    const exited = spawn(process.execPath, ["-e", ""]);
    await new Promise((r) => exited.on("close", r));
    const alive = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    try {
      const names = {
        dead: `tdd-waves-objects-${exited.pid}-aB3dE9`,
        live: `tdd-waves-objects-${alive.pid}-aB3dE9`,
        mine: `tdd-waves-objects-${process.pid}-aB3dE9`,
        older: "tdd-waves-objects-aB3dE9",
        file: `tdd-waves-objects-${exited.pid}-file`,
        other: `something-${exited.pid}-aB3dE9`,
      };
      for (const [what, name] of Object.entries(names)) {
        if (what === "file") await writeFile(join(dir, name), "");
        else await mkdir(join(dir, name));
      }
      await writeFile(join(dir, names.dead, "1"), "content");
      removeStaleHandOvers(dir);
      const left = (await readdir(dir)).sort();
      expect(left).toEqual(Object.entries(names).filter(([what]) => what !== "dead").map(([, name]) => name).sort());
    } finally {
      alive.kill("SIGKILL");
      await rm(dir, { recursive: true, force: true });
    }
  });
});
