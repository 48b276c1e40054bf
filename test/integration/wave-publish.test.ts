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
  let start = git(work, "rev-parse", "HEAD");
  const agent = join(root, "agent");
  git(root, "clone", "-q", origin, agent);
  let inDir = join(root, "in");
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
  /**
   * A story job's artifacts: the tester's bundle, then the story's bundle and record. `rebuild`: a rebuild
   * on the integrated target, which has no tester (its tests come from the story's verified commit).
   */
  const story = (id: string, opts: { changeTest?: boolean; extraRef?: string; attempt?: number; rebuild?: boolean } = {}) => {
    const branch = `tdd-waves/pub/${id}`;
    git(agent, "checkout", "-q", "-B", branch, start);
    commit({ [`test/${id}.test.mjs`]: `// tests of ${id}\n` }, `tests for ${id}`);
    if (!opts.rebuild) bundle(join(inDir, ARTIFACTS.tester(id), ARTIFACTS.testerBundle), `refs/heads/${branch}`);
    const tip = commit({ [`src/${id}.mjs`]: `export const id = "${id}";\n`, ...(opts.changeTest ? { [`test/${id}.test.mjs`]: "// weakened\n" } : {}) }, `${id} done`);
    if (opts.extraRef) git(agent, "update-ref", opts.extraRef, "HEAD");
    bundle(join(inDir, ARTIFACTS.story(id), ARTIFACTS.storyBundle), `refs/heads/${branch}`, ...(opts.extraRef ? [opts.extraRef] : []));
    const attempt = opts.attempt ?? 1;
    const phases = [{ phase: "implementation", start: "2026-01-01T00:00:00Z", end: "2026-01-01T00:01:00Z", outcome: "ok", attempt }];
    const record = { version: 1, story: id, attempt, outcome: "complete", tip, phases, result: { filesModified: [], acChecklistComplete: true, verifiedProduction: true, commit: tip } };
    writeFileSync(join(inDir, ARTIFACTS.story(id), ARTIFACTS.record), JSON.stringify(record));
    return tip;
  };
  /** integrate's artifact: the given stories merged on start, then `extra` commits; `failed`: its verdicts on others. */
  const integrated = (ids: string[], extra: Record<string, string> = {}, failed: Record<string, { reason: string; output?: string }> = {}) => {
    git(agent, "checkout", "-q", "-B", "main", start);
    const stories: Record<string, { merged?: string; failed?: { reason: string; output?: string } }> = Object.fromEntries(Object.entries(failed).map(([id, f]) => [id, { failed: f }]));
    for (const id of ids) {
      git(agent, "merge", "-q", "--no-ff", "-m", `merge ${id}`, `tdd-waves/pub/${id}`);
      stories[id] = { merged: git(agent, "rev-parse", "HEAD") };
    }
    if (Object.keys(extra).length > 0) commit(extra, "one more thing");
    const head = git(agent, "rev-parse", "HEAD");
    mkdirSync(join(inDir, ARTIFACTS.integrated), { recursive: true });
    // Nothing merged: no bundle (git makes no empty one), as integrate does.
    if (head !== start) bundle(join(inDir, ARTIFACTS.integrated, ARTIFACTS.mergedBundle), "refs/heads/main");
    writeFileSync(join(inDir, ARTIFACTS.integrated, ARTIFACTS.verdicts), JSON.stringify({ version: 1, start, head, stories }));
    return head;
  };
  /** A story job whose plan setup failed: its story file committed as failed, its record saying why. */
  const failedInSetup = (id: string, reason: string) => {
    const branch = `tdd-waves/pub/${id}`;
    git(agent, "checkout", "-q", "-B", branch, start);
    const tip = commit({ [`stories/${id}.md`]: `# ${id}\n\n**Status:** ❌ Failed\n` }, `${id} failed: ${reason}`);
    bundle(join(inDir, ARTIFACTS.story(id), ARTIFACTS.storyBundle), `refs/heads/${branch}`);
    const at = new Date().toISOString();
    const phases = [{ phase: "setup", start: at, end: at, outcome: "failed", message: reason, log: `/logs/${id}/setup.log` }];
    const record = { version: 1, story: id, attempt: 1, outcome: "failed", reason, failedPhase: "setup", tip, phases, base: start };
    writeFileSync(join(inDir, ARTIFACTS.story(id), ARTIFACTS.record), JSON.stringify(record));
  };
  const publish = () => publishWave(ports, { source, dir: work, target: "main", start, inDir });
  /** The next run of the workflow: its plan job on the target as publish left it, its artifacts apart. */
  const nextRun = async (runId: string) => {
    git(work, "fetch", "-q", "origin");
    git(work, "checkout", "-q", "-B", "main", "origin/main");
    const choice = await chooseNextWave(ports, { source, target: "main", dir: work, runId });
    start = git(work, "rev-parse", "HEAD");
    git(agent, "fetch", "-q", "origin");
    inDir = join(root, `in-${runId}`);
    return choice;
  };
  const branchOnOrigin = (id: string) => {
    try {
      return git(origin, "rev-parse", "--verify", "-q", `refs/heads/tdd-waves/pub/${id}`);
    } catch {
      return null;
    }
  };
  return { origin, get start() { return start; }, story, failedInSetup, integrated, publish, branchOnOrigin, nextRun };
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

  it("sends a story integrate found conflicting back for a rebuild in a later run of the wave, and checks the rebuild's test file against the tip it pushed", async ({ onTestFinished }) => {
    const w = await setup(onTestFinished);
    w.story("p-001");
    const tip = w.story("p-002");
    w.integrated(["p-001"], {}, { "p-002": { reason: "merge conflict in shared.txt" } });
    const first = await w.publish();
    expect(first.hasMore).toBe(true);
    expect(first.state.stories.pending).toEqual(["p-002"]);
    expect(first.state.runs["p-002"]!.rebuild).toMatchObject({ reason: "merge conflict in shared.txt", from: tip, testFileBlob: git(w.origin, "rev-parse", `${tip}:test/p-002.test.mjs`) });
    expect(w.branchOnOrigin("p-002")).toBe(tip);
    // The wave is not finished: the next run builds p-002 again, as a rebuild, from the integrated target.
    const choice = await w.nextRun("2");
    expect(choice).toMatchObject({ wave: 1, stories: ["p-002"], rebuilds: ["p-002"] });
    w.story("p-002", { rebuild: true, attempt: 2, changeTest: true });
    w.integrated([]);
    const refused = await w.publish();
    expect(refused.state.runs["p-002"]!.reason).toBe("the story job's result was refused: the test file test/p-002.test.mjs differs from the one the story's tests were verified with");
  });

  it("takes an honest rebuild, and refuses a record of more attempts than the story has", async ({ onTestFinished }) => {
    const w = await setup(onTestFinished);
    w.story("p-001", { attempt: 3 });
    w.story("p-002");
    w.integrated([], {}, { "p-002": { reason: "fails after integration", output: "not ok 1 - p-002\n" } });
    const first = await w.publish();
    expect(first.state.runs["p-001"]!.reason).toBe("the story job's result was refused: its record is of attempt 3, not one of attempts 1–2 this run may make");
    expect(first.state.runs["p-002"]!.rebuild!.feedback).toContain("not ok 1 - p-002");
    await w.nextRun("2");
    const rebuilt = w.story("p-002", { rebuild: true, attempt: 2 });
    const head = w.integrated(["p-002"]);
    const { state, hasMore } = await w.publish();
    expect(state.stories.completed).toEqual(["p-002"]);
    expect(state.runs["p-002"]!.phases.map((p) => `${p.attempt}:${p.phase}:${p.outcome}`)).toEqual(["1:implementation:ok", "1:integrate:failed", "2:implementation:ok"]);
    expect(w.branchOnOrigin("p-002")).toBe(rebuilt);
    expect(git(w.origin, "rev-parse", "main")).toBe(head);
    expect(hasMore).toBe(false);
  });

  it("stops the execution when the plan's setup failed the same way for every story of the wave (issue 10)", async ({ onTestFinished }) => {
    const w = await setup(onTestFinished);
    for (const id of ["p-001", "p-002"]) w.failedInSetup(id, "setup failed: setup exited with code 1");
    w.integrated([]);
    const { state, problems, hasMore } = await w.publish();
    expect(state.stories.failed.sort()).toEqual(["p-001", "p-002"]);
    const message = "setup failed: setup exited with code 1, for every story of wave 1: fix the plan's setup and run again (log: /logs/p-001/setup.log)";
    expect(problems).toEqual([message]);
    expect(state.status).toBe("error");
    expect(state.errors.at(-1)?.message).toBe(message);
    expect(hasMore).toBe(false);
  });

  it("goes on when setup failed for one story only", async ({ onTestFinished }) => {
    const w = await setup(onTestFinished);
    w.failedInSetup("p-001", "setup failed: setup exited with code 1");
    w.story("p-002");
    w.integrated(["p-002"]);
    const { state, problems } = await w.publish();
    expect(problems).toEqual([]);
    expect(state.status).not.toBe("error");
    expect(state.stories.completed).toEqual(["p-002"]);
  });
});
