// publish takes nothing on trust (engine/wave-publish.ts): artifacts are built here by hand, as a
// misbehaving story or integrate job could build them, and publish must refuse what does not hold up
// while taking everything that does.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { git, gitEnv, makeRepo, planFiles } from "../support/repo.js";
import { Git } from "../../src/adapters/git.js";
import { createStateStore } from "../../src/adapters/state-store.js";
import { realPorts } from "../../src/adapters/default-ports.js";
import { loadPlan } from "../../src/adapters/plan-loader.js";
import { chooseNextWave } from "../../src/engine/distributed.js";
import { publishWave } from "../../src/engine/wave-publish.js";
import { ARTIFACTS } from "../../src/engine/wave-artifacts.js";

type Cleanup = (fn: () => void) => void;

/** origin with the plan, a state whose wave 1 (p-001, p-002) is in progress, and a clone to build artifacts in. */
async function setup(cleanup: Cleanup) {
  const root = mkdtempSync(join(tmpdir(), "tdd-waves-publish-"));
  cleanup(() => rmSync(root, { recursive: true, force: true }));
  const repo = makeRepo(planFiles("pub", [{ id: "p-001" }, { id: "p-002" }]), { agents: false });
  cleanup(repo.cleanup);
  const origin = join(root, "origin.git");
  git(root, "clone", "-q", "--bare", repo.dir, origin);
  const work = join(root, "publish");
  git(root, "clone", "-q", origin, work);
  const ports = realPorts({ store: createStateStore({ git: new Git({ cwd: work, env: gitEnv }), planName: "pub", remote: "origin" }), progress: () => undefined });
  const source = await loadPlan("plan.yml", work, { cwd: work });
  await chooseNextWave(ports, { source, target: "main", dir: work, runId: "1" });
  const start = git(work, "rev-parse", "HEAD");
  const agent = join(root, "agent");
  git(root, "clone", "-q", origin, agent);
  const inDir = join(root, "in");
  const bundle = (file: string, ...refs: string[]) => {
    mkdirSync(join(file, ".."), { recursive: true });
    git(agent, "bundle", "create", "-q", file, ...refs, `^${start}`);
  };
  const commit = (files: Record<string, string>, message: string) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(agent, path, ".."), { recursive: true });
      writeFileSync(join(agent, path), text);
    }
    git(agent, "add", "-A");
    git(agent, "commit", "-q", "-m", message);
    return git(agent, "rev-parse", "HEAD");
  };
  /** A story job's artifacts: the tester's bundle, then the story's bundle and record. */
  const story = (id: string, opts: { changeTest?: boolean; extraRef?: string } = {}) => {
    const branch = `tdd-waves/pub/${id}`;
    git(agent, "checkout", "-q", "-B", branch, start);
    commit({ [`test/${id}.test.mjs`]: `// tests of ${id}\n` }, `tests for ${id}`);
    bundle(join(inDir, ARTIFACTS.tester(id), ARTIFACTS.testerBundle), `refs/heads/${branch}`);
    const tip = commit({ [`src/${id}.mjs`]: `export const id = "${id}";\n`, ...(opts.changeTest ? { [`test/${id}.test.mjs`]: "// weakened\n" } : {}) }, `${id} done`);
    if (opts.extraRef) git(agent, "update-ref", opts.extraRef, "HEAD");
    bundle(join(inDir, ARTIFACTS.story(id), ARTIFACTS.storyBundle), `refs/heads/${branch}`, ...(opts.extraRef ? [opts.extraRef] : []));
    const record = { version: 1, story: id, attempt: 1, outcome: "complete", tip, phases: [], result: { filesModified: [], acChecklistComplete: true, verifiedProduction: true, commit: tip } };
    writeFileSync(join(inDir, ARTIFACTS.story(id), ARTIFACTS.record), JSON.stringify(record));
    return tip;
  };
  /** integrate's artifact: the given stories merged on start, then `extra` commits. */
  const integrated = (ids: string[], extra: Record<string, string> = {}) => {
    git(agent, "checkout", "-q", "-B", "main", start);
    const stories: Record<string, { merged: string }> = {};
    for (const id of ids) {
      git(agent, "merge", "-q", "--no-ff", "-m", `merge ${id}`, `tdd-waves/pub/${id}`);
      stories[id] = { merged: git(agent, "rev-parse", "HEAD") };
    }
    if (Object.keys(extra).length > 0) commit(extra, "one more thing");
    const head = git(agent, "rev-parse", "HEAD");
    bundle(join(inDir, ARTIFACTS.integrated, ARTIFACTS.mergedBundle), "refs/heads/main");
    writeFileSync(join(inDir, ARTIFACTS.integrated, ARTIFACTS.verdicts), JSON.stringify({ version: 1, start, head, stories }));
    return head;
  };
  const publish = () => publishWave(ports, { source, dir: work, target: "main", start, inDir });
  const branchOnOrigin = (id: string) => {
    try {
      return git(origin, "rev-parse", "--verify", "-q", `refs/heads/tdd-waves/pub/${id}`);
    } catch {
      return null;
    }
  };
  return { origin, start, story, integrated, publish, branchOnOrigin };
}

describe("publish checks what the read-only jobs sent", () => {
  it("takes an honest story and refuses one whose test file changed after its tester wrote it", async ({ onTestFinished }) => {
    const w = await setup(onTestFinished);
    const honest = w.story("p-001");
    w.story("p-002", { changeTest: true });
    const head = w.integrated(["p-001"]);
    const { state, problems } = await w.publish();
    expect(state.stories.completed).toEqual(["p-001"]);
    expect(state.stories.failed).toEqual(["p-002"]);
    expect(state.runs["p-002"]!.reason).toBe("the story job's result was refused: the test file test/p-002.test.mjs differs from the one the tester wrote");
    expect(problems).toHaveLength(1);
    expect(w.branchOnOrigin("p-001")).toBe(honest);
    expect(w.branchOnOrigin("p-002")).toBeNull();
    expect(git(w.origin, "rev-parse", "main")).toBe(head);
    expect(state.runs["p-001"]!.merged).toBe(head);
  });

  it("refuses a bundle holding another branch too, and a merged result with a commit no story made", async ({ onTestFinished }) => {
    const w = await setup(onTestFinished);
    w.story("p-001", { extraRef: "refs/heads/release" });
    w.story("p-002");
    w.integrated(["p-002"], { "src/backdoor.mjs": "export {};\n" });
    const { state, problems, hasMore } = await w.publish();
    expect(state.runs["p-001"]!.reason).toBe("the story job's result was refused: its bundle holds refs/heads/tdd-waves/pub/p-001, refs/heads/release; only refs/heads/tdd-waves/pub/p-001 was expected");
    expect(problems.join("\n")).toMatch(/the merged result was refused: commit [0-9a-f]{12} changes src\/backdoor.mjs, which is not a story file/);
    expect(git(w.origin, "rev-parse", "main")).toBe(w.start);
    expect(state.status).toBe("error");
    expect(state.stories.completed).toEqual(["p-002"]);
    expect(state.runs["p-002"]!.merged).toBeUndefined();
    expect(hasMore).toBe(false);
  });
});
