// State store against real repositories: plumbing-only writes, other plans kept, and no lost update
// under concurrent writers, locally and through a (bare, local) remote.
import { mkdtemp, mkdir, readFile, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Git, GitError } from "../../src/adapters/git.js";
import { createStateStore, isPushRace, StateStoreError } from "../../src/adapters/state-store.js";
import type { Plan, Story } from "../../src/core/plan/model.js";
import { createState, recordError, startStory, type WorkflowState } from "../../src/core/state/state.js";

const BRANCH = "tdd-waves/state";
const FILE = "jwt-auth/workflow-state.json";

let root: string;
let env: Record<string, string>;

beforeEach(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), "tdd-waves-state-")));
  const home = join(root, "home");
  await mkdir(home);
  env = {
    HOME: home,
    XDG_CONFIG_HOME: home,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_AUTHOR_NAME: "Tester",
    GIT_AUTHOR_EMAIL: "tester@example.com",
    GIT_COMMITTER_NAME: "Tester",
    GIT_COMMITTER_EMAIL: "tester@example.com",
  };
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function story(id: string, index: number): Story {
  return { id, title: id, epic: "msm-auth", file: `stories/${id}.md`, testFile: `t/${id}.test.ts`, tester: "t", implementer: "i", dependsOn: [], index };
}

function initialState(name = "jwt-auth"): WorkflowState {
  const plan: Plan = {
    name,
    maxParallel: 10,
    storiesDir: "stories",
    test: { command: "npx vitest run {testFile}", timeoutMs: 60_000 },
    prompts: {},
    tdd: { requireRed: true, lockTests: true },
    agents: {},
    stories: [story("msm-auth-001", 0), story("msm-auth-002", 1)],
  };
  return createState({ plan, planPath: `plans/${name}.yml`, digest: "sha256:abc", target: "main", waves: [["msm-auth-001", "msm-auth-002"]], now: "2025-01-01T00:00:00.000Z" });
}

const git = (cwd: string) => new Git({ cwd, env });

async function newRepo(name = "repo"): Promise<{ dir: string; git: Git }> {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  const g = git(dir);
  await g.run(["init", "-q", "-b", "main"]);
  await writeFile(join(dir, "a.txt"), "a\n");
  await writeFile(join(dir, "b.txt"), "b\n");
  await g.addAll();
  await g.commit("initial");
  return { dir, git: g };
}

async function bareOrigin(): Promise<{ bare: string; bareGit: Git }> {
  const bare = join(root, "origin.git");
  await git(root).run(["init", "-q", "--bare", "-b", "main", bare]);
  return { bare, bareGit: git(bare) };
}

async function clone(bare: string, name: string): Promise<Git> {
  await git(root).run(["clone", "-q", bare, join(root, name)]);
  return git(join(root, name));
}

const count = async (g: Git, args: string[]) => Number((await g.run(["rev-list", "--count", ...args])).stdout.trim());
const messages = (s: WorkflowState | null) => (s?.errors ?? []).map((e) => e.message).sort();

describe("local state branch", () => {
  it("creates the state only when absent, as pretty JSON with a trailing newline", async () => {
    const { git: g } = await newRepo();
    const store = createStateStore({ git: g, planName: "jwt-auth" });
    expect(store.branch).toBe(BRANCH);
    expect(store.file).toBe(FILE);
    expect(await store.read()).toBeNull();

    const state = initialState();
    const first = await store.init(state, "tdd-waves: start jwt-auth");
    expect(first.created).toBe(true);
    expect(first.state).toEqual(state);
    expect(await g.showFile(BRANCH, FILE)).toBe(`${JSON.stringify(state, null, 2)}\n`);
    expect((await g.run(["log", "-1", "--format=%s", BRANCH])).stdout.trim()).toBe("tdd-waves: start jwt-auth");
    const tip = await g.revParse(BRANCH);

    const again = await store.init({ ...state, target: "other" }, "again");
    expect(again).toEqual({ created: false, state });
    expect(await g.revParse(BRANCH)).toBe(tip);
    expect(await store.read()).toEqual(state);
  });

  it("updates by applying a transition on top of the previous commit", async () => {
    const { git: g } = await newRepo();
    const store = createStateStore({ git: g, planName: "jwt-auth" });
    await store.init(initialState(), "init");
    const before = await g.revParse(BRANCH);

    const next = await store.update(startStory("msm-auth-001", "2025-01-01T00:01:00.000Z"), "start msm-auth-001");
    expect(next.stories.inProgress).toEqual(["msm-auth-001"]);
    expect(next.status).toBe("executing");
    expect(await store.read()).toEqual(next);
    expect((await g.run(["log", "-1", "--format=%P|%s", BRANCH])).stdout.trim()).toBe(`${before}|start msm-auth-001`);

    const tip = await g.revParse(BRANCH);
    const same = await store.update((s) => s, "no change");
    expect(same).toEqual(next);
    expect(await g.revParse(BRANCH)).toBe(tip);
  });

  it("refuses to update a state that does not exist", async () => {
    const { git: g } = await newRepo();
    const store = createStateStore({ git: g, planName: "jwt-auth", branch: "custom/state" });
    await expect(store.update(recordError("x", "now"), "m")).rejects.toThrow(StateStoreError);
    await expect(store.update(recordError("x", "now"), "m")).rejects.toThrow(/custom\/state:jwt-auth\/workflow-state\.json: no state to update/);
    expect(await g.branchExists("custom/state")).toBe(false);
  });

  it("reports a corrupt state file with the branch and the file", async () => {
    const { git: g } = await newRepo();
    const blob = await g.hashObject("{ not json");
    const sub = await g.mkTree([{ mode: "100644", type: "blob", sha: blob, name: "workflow-state.json" }]);
    const tree = await g.mkTree([{ mode: "040000", type: "tree", sha: sub, name: "jwt-auth" }]);
    await g.updateRef(`refs/heads/${BRANCH}`, await g.commitTree(tree, [], "corrupt"), null);
    const store = createStateStore({ git: g, planName: "jwt-auth" });
    await expect(store.read()).rejects.toThrow(/^tdd-waves\/state:jwt-auth\/workflow-state\.json: not valid JSON/);
  });

  it("refuses a plan name that is not a safe path component", () => {
    const g = git(root);
    expect(() => createStateStore({ git: g, planName: "../x" })).toThrow(/invalid plan name/);
    expect(() => createStateStore({ git: g, planName: "ok", branch: "--force" })).toThrow(/invalid state branch/);
  });

  it("never touches the working tree, the index or HEAD", async () => {
    const { dir, git: g } = await newRepo();
    await writeFile(join(dir, "a.txt"), "staged change\n");
    await g.run(["add", "a.txt"]);
    await writeFile(join(dir, "a.txt"), "staged change\nthen unstaged\n");
    await writeFile(join(dir, "b.txt"), "unstaged\n");
    await writeFile(join(dir, "new.txt"), "untracked\n");
    const snapshot = async () => ({
      status: (await g.run(["status", "--porcelain", "--untracked-files=all"])).stdout,
      cached: (await g.run(["diff", "--cached"])).stdout,
      worktree: (await g.run(["diff"])).stdout,
      head: await g.revParse("HEAD"),
      branch: await g.currentBranch(),
      index: await readFile(join(dir, ".git", "index")),
    });
    const before = await snapshot();
    expect(before.status).toBe("MM a.txt\n M b.txt\n?? new.txt\n");

    const store = createStateStore({ git: g, planName: "jwt-auth" });
    await store.init(initialState(), "init");
    await store.update(startStory("msm-auth-001", "2025-01-01T00:01:00.000Z"), "start");
    await store.update(recordError("boom", "2025-01-01T00:02:00.000Z"), "error");

    expect(await snapshot()).toEqual(before);
    expect(await store.read()).not.toBeNull();
  });

  it("keeps every other file of the branch, including other plans and nested directories", async () => {
    const { git: g } = await newRepo();
    const wt = join(root, "seed");
    await g.run(["worktree", "add", "-q", "-b", BRANCH, wt]);
    const seed = git(wt);
    const files: Record<string, string> = {
      "README.md": "state branch\n",
      "other-plan/workflow-state.json": '{"version":1}\n',
      "jwt-auth/notes.txt": "sibling of the state file\n",
      "docs/deep/nested/x.txt": "deep\n",
    };
    for (const [path, content] of Object.entries(files)) {
      await mkdir(join(wt, path, ".."), { recursive: true });
      await writeFile(join(wt, path), content);
    }
    await seed.run(["rm", "-q", "a.txt", "b.txt"]);
    await seed.addAll();
    await seed.commit("seed");
    await g.worktreeRemove(wt);
    const listing = async () => (await g.run(["ls-tree", "-r", BRANCH])).stdout.split("\n").filter((l) => !l.endsWith(FILE)).join("\n");
    const before = await listing();

    const store = createStateStore({ git: g, planName: "jwt-auth" });
    await store.init(initialState(), "init");
    await store.update(recordError("one", "now"), "update");

    expect(await listing()).toBe(before);
    for (const [path, content] of Object.entries(files)) expect(await g.showFile(BRANCH, path)).toBe(content);
    expect(messages(await store.read())).toEqual(["one"]);
  });

  it("loses no update with 20 concurrent writers on one repository", async () => {
    const { dir, git: g } = await newRepo();
    await createStateStore({ git: g, planName: "jwt-auth" }).init(initialState(), "init");
    const ids = Array.from({ length: 20 }, (_, i) => `writer-${String(i).padStart(2, "0")}`);
    await Promise.all(ids.map((id) => createStateStore({ git: git(dir), planName: "jwt-auth" }).update(recordError(id, "now"), id)));

    expect(messages(await createStateStore({ git: g, planName: "jwt-auth" }).read())).toEqual(ids);
    expect(await count(g, [BRANCH])).toBe(21);
    expect(await count(g, ["--min-parents=2", BRANCH])).toBe(0);
  });
});

describe("branch names", () => {
  it("refuses a state branch that would clash with the plan's story branches", () => {
    const g = new Git({ cwd: tmpdir() });
    expect(() => createStateStore({ git: g, planName: "state" })).toThrow(/story branches \(tdd-waves\/state\/<story>\) would clash with the state branch "tdd-waves\/state"/);
    expect(() => createStateStore({ git: g, planName: "jwt", branch: "tdd-waves/jwt/state" })).toThrow(StateStoreError);
    expect(() => createStateStore({ git: g, planName: "jwt", branch: "tdd-waves" })).toThrow(StateStoreError);
    expect(() => createStateStore({ git: g, planName: "state", branch: "ops/tdd-state" })).not.toThrow();
  });
});

describe("one store, many updates", () => {
  let root: string;
  beforeEach(async () => {
    root = await realpath(await mkdtemp(join(tmpdir(), "tdd-waves-store1-")));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function startedStore() {
    const dir = join(root, "repo");
    await mkdir(dir);
    const g = git(dir);
    await g.run(["init", "-q", "-b", "main"]);
    const store = createStateStore({ git: g, planName: "jwt-auth" });
    await store.init(initialState(), "init");
    return { g, store };
  }

  it("batches its own concurrent updates: none lost, in order, every message in the history, no race lost", async () => {
    const { g, store } = await startedStore();
    const ids = Array.from({ length: 20 }, (_, i) => `own-${String(i).padStart(2, "0")}`);
    const results = await Promise.all(ids.map((id) => store.update(recordError(id, "now"), id)));
    expect(messages(await store.read())).toEqual(ids);
    // Every caller gets a state holding its own update.
    results.forEach((state, i) => expect(messages(state)).toContain(ids[i]));
    // Updates waiting together share a commit: fewer commits than updates, every message kept in the log.
    const commits = await count(g, [BRANCH]);
    expect(commits).toBeGreaterThan(1);
    expect(commits).toBeLessThan(21);
    const log = (await g.run(["log", "--format=%B", BRANCH])).stdout;
    for (const id of ids) expect(log).toMatch(new RegExp(`^${id}$`, "m"));
  });

  it("fails only the update whose transition refuses; the others of its batch are written", async () => {
    const { g, store } = await startedStore();
    const refuse = () => {
      throw new Error("not from this state");
    };
    const results = await Promise.allSettled([
      store.update(recordError("a", "now"), "a"),
      store.update(recordError("b", "now"), "b"),
      store.update(refuse, "refused"),
      store.update(recordError("c", "now"), "c"),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect((results[2] as PromiseRejectedResult).reason.message).toBe("not from this state");
    expect(messages(await store.read())).toEqual(["a", "b", "c"]);
    expect((await g.run(["log", "--format=%B", BRANCH])).stdout).not.toMatch(/refused/);
  });

  it("writes on top of what another writer wrote since (a stale base is re-read, not overwritten)", async () => {
    const dir = join(root, "repo");
    await mkdir(dir);
    await git(dir).run(["init", "-q", "-b", "main"]);
    const a = createStateStore({ git: git(dir), planName: "jwt-auth" });
    const b = createStateStore({ git: git(dir), planName: "jwt-auth" });
    await a.init(initialState(), "init");
    await a.update(recordError("a1", "now"), "a1");
    await b.update(recordError("b1", "now"), "b1");
    const after = await a.update(recordError("a2", "now"), "a2");
    expect(messages(after)).toEqual(["a1", "a2", "b1"]);
    expect(messages(await b.read())).toEqual(["a1", "a2", "b1"]);
  });
});

describe("remote state branch", () => {
  it("reads nothing from a remote without the branch, then creates it there", async () => {
    const { bare, bareGit } = await bareOrigin();
    const a = await clone(bare, "a");
    const store = createStateStore({ git: a, planName: "jwt-auth", remote: "origin" });
    expect(await store.read()).toBeNull();
    expect((await store.init(initialState(), "init")).created).toBe(true);
    expect(await bareGit.showFile(BRANCH, FILE)).toBe(`${JSON.stringify(initialState(), null, 2)}\n`);
    expect(await a.branchExists(BRANCH)).toBe(false);

    const b = await clone(bare, "b");
    const other = createStateStore({ git: b, planName: "jwt-auth", remote: "origin" });
    expect(await other.read()).toEqual(initialState());
    await other.update(recordError("from b", "now"), "b");
    expect(messages(await store.read())).toEqual(["from b"]);
  });

  it("loses no update with 20 clones writing at once, and keeps the history linear", async () => {
    const { bare, bareGit } = await bareOrigin();
    const first = await clone(bare, "clone-00");
    await createStateStore({ git: first, planName: "jwt-auth", remote: "origin" }).init(initialState(), "init");
    const ids = Array.from({ length: 20 }, (_, i) => `writer-${String(i).padStart(2, "0")}`);
    const clones = await Promise.all(ids.map((id) => clone(bare, id)));

    // Speed is the bench's business (npm run bench); here, only that every writer gets through.
    await Promise.all(clones.map((c, i) => createStateStore({ git: c, planName: "jwt-auth", remote: "origin" }).update(recordError(ids[i]!, "now"), ids[i]!)));

    const text = await bareGit.showFile(BRANCH, FILE);
    expect(messages(JSON.parse(text!) as WorkflowState)).toEqual(ids);
    expect(await count(bareGit, [BRANCH])).toBe(21);
    expect(await count(bareGit, ["--min-parents=2", BRANCH])).toBe(0);
  }, 120_000);

  /** A clone whose next pushes are pre-empted: `before` runs just before each of them goes out. */
  class PreemptedGit extends Git {
    pushes = 0;
    failures: string[] = [];
    constructor(
      cwd: string,
      private readonly preempt: (attempt: number) => Promise<void>,
      private readonly after: (attempt: number) => Promise<void> = async () => undefined,
    ) {
      super({ cwd, env });
    }
    override async push(remote: string, refspecs: string[], opts?: { force?: boolean }): Promise<void> {
      const attempt = ++this.pushes;
      await this.preempt(attempt);
      try {
        await super.push(remote, refspecs, opts);
      } catch (e) {
        if (e instanceof GitError) this.failures.push(e.stderr);
        throw e;
      } finally {
        await this.after(attempt);
      }
    }
  }

  async function raced(preempt: (intruder: Git, attempt: number) => Promise<void>, after?: (attempt: number) => Promise<void>) {
    const { bare, bareGit } = await bareOrigin();
    const intruder = await clone(bare, "intruder");
    await createStateStore({ git: intruder, planName: "jwt-auth", remote: "origin" }).init(initialState(), "init");
    await git(root).run(["clone", "-q", bare, join(root, "victim")]);
    const victim = new PreemptedGit(join(root, "victim"), (n) => preempt(intruder, n), after);
    const intruderStore = createStateStore({ git: intruder, planName: "jwt-auth", remote: "origin" });
    const store = createStateStore({ git: victim, planName: "jwt-auth", remote: "origin", retry: { attempts: 5, baseDelayMs: 1 } });
    return { bare, bareGit, victim, intruderStore, store };
  }

  it("retries when the remote moved between read and push (fetch first)", async () => {
    const { victim, store } = await raced(async (intruder, n) => {
      if (n === 1) await createStateStore({ git: intruder, planName: "jwt-auth", remote: "origin" }).update(recordError("intruder", "now"), "intruder");
    });
    const final = await store.update(recordError("victim", "now"), "victim");
    expect(victim.pushes).toBe(2);
    expect(victim.failures).toHaveLength(1);
    expect(victim.failures[0]).toMatch(/fetch first/);
    expect(messages(final)).toEqual(["intruder", "victim"]);
    expect(messages(await store.read())).toEqual(["intruder", "victim"]);
  });

  it("retries on a non-fast-forward rejection when the new remote tip is already known locally", async () => {
    const { victim, store } = await raced(async (intruder, n) => {
      if (n !== 1) return;
      await createStateStore({ git: intruder, planName: "jwt-auth", remote: "origin" }).update(recordError("intruder", "now"), "intruder");
      await victim.run(["fetch", "-q", "origin", `refs/heads/${BRANCH}:refs/remotes/origin/seen`]);
    });
    await store.update(recordError("victim", "now"), "victim");
    expect(victim.failures[0]).toMatch(/non-fast-forward/);
    expect(messages(await store.read())).toEqual(["intruder", "victim"]);
  });

  it("retries when the remote cannot lock the ref (failed to update ref)", async () => {
    let lock = "";
    const { bare, victim, store } = await raced(
      async (_intruder, n) => {
        if (n === 1) await writeFile(lock, "held by another push\n");
      },
      async (n) => {
        if (n === 1) await rm(lock, { force: true });
      },
    );
    lock = join(bare, "refs", "heads", "tdd-waves", "state.lock");
    await store.update(recordError("victim", "now"), "victim");
    expect(victim.pushes).toBe(2);
    expect(victim.failures[0]).toMatch(/failed to update ref|cannot lock ref/);
    expect(messages(await store.read())).toEqual(["victim"]);
  });

  it("recognises git's own rejection texts, stale info included, and nothing else", async () => {
    const { bare } = await bareOrigin();
    const a = await clone(bare, "a");
    await a.commit("one", { allowEmpty: true });
    await a.push("origin", ["HEAD:refs/heads/main"]);
    await a.commit("two", { allowEmpty: true });
    const stale = await a.run(["push", "--force-with-lease=main:" + "1".repeat(40), "origin", "HEAD:refs/heads/main"], { allowFail: true, env: { LC_ALL: "C" } });
    expect(stale.code).not.toBe(0);
    expect(stale.stderr).toMatch(/stale info/);
    expect(isPushRace(stale.stderr)).toBe(true);
    expect(isPushRace(" ! [remote rejected] x -> x (pre-receive hook declined)")).toBe(false);
    expect(isPushRace("fatal: could not read from remote repository")).toBe(false);
  });

  it("does not retry a rejection that is not a race", async () => {
    const { bare, victim, store } = await raced(async () => undefined);
    await writeFile(join(bare, "hooks", "pre-receive"), "#!/bin/sh\necho 'protected branch' >&2\nexit 1\n", { mode: 0o755 });
    await expect(store.update(recordError("victim", "now"), "victim")).rejects.toThrow(/pre-receive hook declined/);
    expect(victim.pushes).toBe(1);
  });

  it("gives up with a clear error after the configured number of lost races", async () => {
    const { victim, store } = await raced(async (intruder, n) => {
      await createStateStore({ git: intruder, planName: "jwt-auth", remote: "origin" }).update(recordError(`intruder-${n}`, "now"), "intruder");
    });
    await expect(store.update(recordError("victim", "now"), "victim")).rejects.toThrow(
      /^origin\/tdd-waves\/state:jwt-auth\/workflow-state\.json: gave up after 5 attempts/,
    );
    expect(victim.pushes).toBe(5);
  });
});
