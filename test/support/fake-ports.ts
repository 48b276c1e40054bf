// One in-memory stand-in for every port the engine is given (src/engine/ports.ts): working copies with
// files, commits and a checked-out branch; a target checkout that merges by script; a state store; agents
// and a test runner that act on the same files. Fast unit tests of the phases and of integration run on it;
// the real adapters are covered by the integration and e2e tests.
import { createHash } from "node:crypto";
import { setupInputs } from "../../src/adapters/working-copies.js";
import { PathEscapeError, type MergeOutcome, type Ports, type ProcessResult, type ProgressEvent } from "../../src/engine/ports.js";
import type { TestEvidence, Transition, WorkflowState } from "../../src/core/state/state.js";

/** One working copy: its files, the branch checked out, the commit it is at, what each commit held. */
export class FakeDir {
  files = new Map<string, string>();
  branch: string | null = "main";
  head = "c0";
  nested: string[] = [];
  commits: { sha: string; branch: string | null; message: string }[] = [];
  constructor(readonly snapshots: Map<string, Map<string, string>>) {}
}

export interface AgentCall {
  role: string;
  storyId: string;
  dir: FakeDir;
  /** The agent's environment (TDD_WAVES_ATTEMPT, TDD_WAVES_FEEDBACK, …). */
  env: Record<string, string>;
}

export interface FakeWorld {
  ports: Ports;
  dir(path: string): FakeDir;
  state(): WorkflowState;
  events: ProgressEvent[];
  /** What each agent does (default: the tester writes a test file, the implementer the code and ticks the criteria). */
  agent: (call: AgentCall) => number | void;
  /** The test command's result in a working copy (default: exit 0 once `src/<id>.ts` exists). */
  tests: (storyId: string, dir: FakeDir) => TestEvidence;
  /** How merging a ref goes (default: merged). */
  mergeOf: (ref: string) => MergeOutcome | undefined;
  /** Refs merged into the target, in order; and the target's unfinished merge, if any. */
  merged: string[];
  unfinished: "none" | "ours" | "foreign";
  aborted: number;
  /** Paths (root + "/" + path) that lead out of their root through a link. */
  escaping: Set<string>;
  agentCalls: string[];
  /** What the plan's setup command does in a working copy (default: exit 0, nothing written). */
  setup: (dir: FakeDir, path: string) => number | void;
  /** Working copies (paths) setup ran in, in order. */
  setupRuns: string[];
  /** What copying `setup.copy` files into a working copy reports (default: nothing wrong, the files are copied). */
  copyProblem: string | undefined;
  /** Copies of setup's kept paths (relocatable), "from -> to", in order. */
  keptCopies: string[];
}

const blob = (text: string) => createHash("sha1").update(text).digest("hex");

export function fakeWorld(initial: WorkflowState, initialFiles: Record<string, string> = {}): FakeWorld {
  const snapshots = new Map<string, Map<string, string>>([["c0", new Map(Object.entries(initialFiles))]]);
  const dirs = new Map<string, FakeDir>();
  let state = initial;
  let seq = 0;
  const dir = (path: string): FakeDir => {
    let d = dirs.get(path);
    if (!d) {
      d = new FakeDir(snapshots);
      d.files = new Map(snapshots.get("c0"));
      dirs.set(path, d);
    }
    return d;
  };
  const guard = (root: string, path: string) => {
    if (world.escaping.has(`${root}/${path}`)) throw new PathEscapeError(path, `/elsewhere/${path}`, root);
  };
  const commit = (d: FakeDir, message: string): string | null => {
    const last = snapshots.get(d.head)!;
    const same = last.size === d.files.size && [...d.files].every(([p, t]) => last.get(p) === t);
    if (same) return null;
    d.head = `c${++seq}`;
    snapshots.set(d.head, new Map(d.files));
    d.commits.push({ sha: d.head, branch: d.branch, message });
    return d.head;
  };
  const result = (exitCode: number): ProcessResult => ({ exitCode, signal: null, timedOut: false, aborted: false, durationMs: 1 });
  const world: FakeWorld = {
    dir,
    state: () => state,
    events: [],
    merged: [],
    unfinished: "none",
    aborted: 0,
    escaping: new Set(),
    agentCalls: [],
    setup: () => undefined,
    setupRuns: [],
    copyProblem: undefined,
    keptCopies: [],
    agent: ({ role, storyId, dir: d }) => {
      if (role === "tester") d.files.set(`test/${storyId}.test.ts`, `test ${storyId}\n`);
      else {
        d.files.set(`src/${storyId}.ts`, `export const id = "${storyId}";\n`);
        const story = `stories/${storyId}.md`;
        d.files.set(story, (d.files.get(story) ?? "").replace(/- \[ \]/g, "- [x]"));
      }
    },
    tests: (storyId, d) => (d.files.has(`src/${storyId}.ts`) ? { exitCode: 0, passed: 1, total: 1 } : { exitCode: 1, passed: 0, total: 1 }),
    mergeOf: () => undefined,
    ports: undefined as unknown as Ports,
  };
  const git = (path: string) => {
    const d = dir(path);
    return {
      head: async () => d.head,
      currentBranch: async () => d.branch,
      startBranch: async (branch: string) => void (d.branch = branch),
      returnToBranch: async (branch: string) => void (d.branch = branch),
      resetTo: async (branch: string | null, startPoint: string, keep: readonly string[] = []) => {
        d.branch = branch;
        d.head = startPoint;
        const kept = [...d.files].filter(([p]) => keep.some((k) => p === k || p.startsWith(`${k}/`)));
        d.files = new Map([...(snapshots.get(startPoint) ?? snapshots.get("c0")!), ...kept]);
      },
      commitAll: async (message: string) => commit(d, message),
      hashFile: async (p: string) => blob(d.files.get(p) ?? ""),
      restoreFile: async (sha: string, p: string) => {
        const text = snapshots.get(sha)?.get(p);
        if (text === undefined) return false;
        d.files.set(p, text);
        return true;
      },
      changedFiles: async (from: string) => {
        const base = snapshots.get(from === "HEAD" ? d.head : from) ?? new Map<string, string>();
        // node_modules/ stands for what a .gitignore leaves out: what setup makes there is never a change.
        return [...new Set([...base.keys(), ...d.files.keys()])].filter((p) => !p.startsWith("node_modules/") && base.get(p) !== d.files.get(p)).sort();
      },
      nestedRepositories: async () => [...d.nested],
      revParse: async (ref: string) => (ref === "HEAD" ? d.head : ref.startsWith("refs/heads/tdd-waves/") ? `tip:${ref}` : null),
      isAncestor: async (a: string) => world.merged.some((ref) => `tip:${ref}` === a),
      merge: async (ref: string): Promise<MergeOutcome> => {
        if (world.unfinished !== "none") return { ok: false, kind: "refused", message: "fatal: You have not concluded your merge (MERGE_HEAD exists)." };
        const scripted = world.mergeOf(ref);
        if (scripted && !scripted.ok) return scripted;
        world.merged.push(ref);
        d.head = `m${world.merged.length}`;
        return { ok: true, sha: d.head };
      },
      unfinishedMerge: async () => world.unfinished,
      abortMerge: async () => {
        world.unfinished = "none";
        world.aborted++;
      },
      commitPaths: async (message: string) => commit(d, message),
      fetch: async () => undefined,
      push: async () => undefined,
      tryPush: async () => ({ ok: true as const }),
      hasTrackedChanges: async () => false,
      commonDir: async () => `${path}/.git`,
      subjectsNotIn: async () => [],
      worktreesUnder: async () => [],
      addWorktree: async () => undefined,
      removeWorktree: async (p: string) => void dirs.delete(p),
      removeEmptyDirectory: async () => true,
      pruneWorktrees: async () => undefined,
    };
  };
  world.ports = {
    workingCopy: git,
    integration: git,
    repository: git,
    // The GitHub wave steps' plumbing (bundles, merge-tree) has no fake: those steps are tested on real repositories.
    plumbing: () => {
      throw new Error("the fake ports have no git plumbing");
    },
    store: {
      read: async () => state,
      init: async (s) => ({ created: false, state: (state ??= s) }),
      update: async (t: Transition) => (state = t(state)),
    },
    agents: async (_command, o) => {
      // The plan's setup runs through the agent runner too, without a role.
      if (o.env.TDD_WAVES_ROLE === undefined) {
        world.setupRuns.push(o.cwd);
        return result(world.setup(dir(o.cwd), o.cwd) ?? 0);
      }
      world.agentCalls.push(`${o.env.TDD_WAVES_ROLE} ${o.env.TDD_WAVES_STORY_ID}`);
      const code = world.agent({ role: o.env.TDD_WAVES_ROLE!, storyId: o.env.TDD_WAVES_STORY_ID!, dir: dir(o.cwd), env: o.env });
      return result(code ?? 0);
    },
    tests: async (o) => ({ ...world.tests(o.storyId, dir(o.cwd)), durationMs: 1 }),
    files: {
      read: async (root, path) => {
        guard(root, path);
        return dir(root).files.get(path) ?? null;
      },
      write: async (root, path, text) => {
        guard(root, path);
        dir(root).files.set(path, text);
      },
      remove: async (root, path) => {
        guard(root, path);
        dir(root).files.delete(path);
      },
    },
    preparation: {
      workingCopiesRoot: async (repoDir) => `${repoDir}.copies`,
      // What setup depends on, as the adapter takes it (working-copies.ts), from the commit's snapshot.
      fingerprint: async (path, commit, run, ownPaths) => {
        const files = snapshots.get(commit === "HEAD" ? dir(path).head : commit) ?? new Map<string, string>();
        const inputs = setupInputs([...files.keys()].sort(), new Set(ownPaths));
        return blob(`${run}\0${inputs.map((p) => `${p}\0${files.get(p)}`).join("\0")}`);
      },
      copyFiles: async (from, to, paths) => {
        if (world.copyProblem !== undefined) return world.copyProblem;
        for (const p of paths) {
          const text = dir(from).files.get(p);
          if (text === undefined) return `copy: ${p} is not in the main checkout (${from})`;
          dir(to).files.set(p, text);
        }
        return undefined;
      },
      // Each path replaced whole: what lies under it in `to` goes, what lies under it in `from` is copied.
      copyKept: async (from, to, paths) => {
        world.keptCopies.push(`${from} -> ${to}`);
        const under = (file: string) => paths.some((p) => file === p || file.startsWith(`${p}/`));
        const target = dir(to);
        for (const file of [...target.files.keys()]) if (under(file)) target.files.delete(file);
        for (const [file, text] of dir(from).files) if (under(file)) target.files.set(file, text);
        return undefined;
      },
      removeFolder: async (path) => {
        for (const key of [...dirs.keys()]) if (key === path || key.startsWith(`${path}/`)) dirs.delete(key);
      },
    },
    now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, ++seq)).toISOString(),
    progress: (e) => void world.events.push(e),
  };
  return world;
}
