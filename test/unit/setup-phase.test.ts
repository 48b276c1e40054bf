// The plan's setup on the in-memory ports (issue 10): a story's setup phase before its tester (run, failed,
// skipped in a working copy prepared for the same inputs, refused when it leaves files to commit), and the
// merged result's tests run in a prepared working copy, or not at all when it cannot be prepared.
import { describe, expect, it } from "vitest";
import { storyBranch } from "../../src/core/plan/model.js";
import { SETUP_TIMEOUT_MS } from "../../src/core/plan/setup.js";
import { chain, completeStory, startStory, statusOf } from "../../src/core/state/state.js";
import { integrateStories, type IntegrationTarget } from "../../src/engine/integrate.js";
import { preparedCheckout, setupPhase } from "../../src/engine/setup-phase.js";
import type { StoryJob } from "../../src/engine/story-context.js";
import { failInWorkingCopy, guarded, testerPhase } from "../../src/engine/story-phases.js";
import { runAttempts } from "../../src/engine/attempts.js";
import { fakeWorld, type FakeWorld } from "../support/fake-ports.js";
import { makePlan, stateFor } from "../support/plans.js";

const setupSpec = { run: "npm ci", timeoutMs: SETUP_TIMEOUT_MS, reuse: ["node_modules"], copy: [], relocatable: false };
const plan = { ...makePlan([{ id: "a-001" }, { id: "b-001" }], { name: "demo" }), setup: setupSpec };
const story = plan.stories[0]!;
const job: StoryJob = { plan, planPath: "plan.yml", story, wave: 1, attempt: 1, dir: "/wc", logDir: "/logs/a-001" };
const T0 = "2026-01-01T00:00:00.000Z";

const storyText = "# a-001: Story 1\n\n**Status:** ⏳ Pending\n\n## Acceptance Criteria\n- [ ] it works\n\n## Completion\n";

async function world(files: Record<string, string> = { "package-lock.json": "{}\n", "src/x.ts": "x\n", "stories/a-001.md": storyText }): Promise<FakeWorld> {
  const w = fakeWorld(startStory("a-001", T0)(stateFor(plan)), files);
  await w.ports.workingCopy(job.dir).resetTo(storyBranch(plan.name, story.id), "c0");
  return w;
}

/** Setup, then the tester, as the local runner and the story job chain them. */
async function setupThenTester(w: FakeWorld, preparedFor?: string) {
  const s = await setupPhase(w.ports, job, { commit: "c0", ...(preparedFor ? { preparedFor } : {}) });
  const r = s.result.ok ? await guarded("tester", () => testerPhase(w.ports, job)) : s.result;
  if (!r.ok) await failInWorkingCopy(w.ports, job, r);
  return { ...s, result: r };
}

const phases = (w: FakeWorld) => w.state().runs["a-001"]!.phases.map((p) => `${p.phase}:${p.outcome}${p.message ? ` (${p.message})` : ""}`);

describe("setup phase", () => {
  it("runs the plan's setup in the story's working copy before the tester, with its own log, and records the base", async () => {
    const w = await world();
    const order: string[] = [];
    w.setup = () => void order.push("setup");
    const agent = w.agent;
    w.agent = (call) => (order.push(call.role), agent(call));
    const r = await setupThenTester(w);
    expect(r.result).toEqual({ ok: true });
    expect(order).toEqual(["setup", "tester"]);
    expect(w.setupRuns).toEqual(["/wc"]);
    expect(phases(w)).toEqual(["setup:ok", "tester:ok", "red:ok"]);
    expect(w.state().runs["a-001"]!.phases[0]!.log).toBe("/logs/a-001/setup.log");
    expect(w.state().runs["a-001"]!.base).toBe("c0");
    expect(r.fingerprint).toMatch(/^[0-9a-f]{40}$/);
  });

  it("fails the story when setup fails: no agent runs, the reason names setup, the progress line its log", async () => {
    const w = await world();
    w.setup = () => 3;
    const r = await setupThenTester(w);
    expect(r.result).toEqual({ ok: false, phase: "setup", reason: "setup failed: setup exited with code 3" });
    expect(w.agentCalls).toEqual([]);
    expect(statusOf(w.state(), "a-001")).toBe("failed");
    expect(phases(w)).toEqual(["setup:failed (setup failed: setup exited with code 3)"]);
    expect(w.events).toContainEqual({ type: "story", storyId: "a-001", status: "failed", reason: "setup failed: setup exited with code 3", log: "/logs/a-001/setup.log" });
    // What the failed story commits is its story file alone.
    expect(w.dir(job.dir).commits.at(-1)?.message).toBe("tdd-waves: a-001 failed: setup failed: setup exited with code 3");
  });

  it("fails setup that leaves files git would commit", async () => {
    const w = await world();
    w.setup = (d) => void d.files.set("install.log", "x");
    const r = await setupThenTester(w);
    expect(r.result).toMatchObject({ ok: false, reason: "setup failed: it left files git would commit (install.log): ignore them in .gitignore" });
  });

  it("fails setup whose copy files cannot be copied, before running it", async () => {
    const w = await world();
    w.copyProblem = "copy: .env.test is not in the main checkout (/repo)";
    const copying = { ...job, plan: { ...plan, setup: { ...setupSpec, copy: [".env.test"] } } };
    const s = await setupPhase(w.ports, copying, { commit: "c0", mainDir: "/repo" });
    expect(s.result).toMatchObject({ ok: false, reason: "setup failed: copy: .env.test is not in the main checkout (/repo)" });
    expect(w.setupRuns).toEqual([]);
  });

  it("skips setup in a working copy prepared for the same inputs (one record, nothing run); runs it once a lock file changed", async () => {
    const w = await world();
    const first = await setupPhase(w.ports, job, { commit: "c0" });
    expect(w.setupRuns).toHaveLength(1);
    const again = await world();
    const skipped = await setupPhase(again.ports, job, { commit: "c0", preparedFor: first.fingerprint });
    expect(again.setupRuns).toEqual([]);
    expect(skipped.fingerprint).toBe(first.fingerprint);
    expect(phases(again)).toEqual(["setup:ok (skipped: the working copy kept node_modules and nothing setup depends on changed)"]);
    expect(again.state().runs["a-001"]!.phases[0]!.log).toBeUndefined();
    // A source file is not an input of setup; the lock file is.
    const source = await world({ "package-lock.json": "{}\n", "src/x.ts": "changed\n" });
    expect((await setupPhase(source.ports, job, { commit: "c0", preparedFor: first.fingerprint })).fingerprint).toBe(first.fingerprint);
    const lock = await world({ "package-lock.json": '{"v":2}\n', "src/x.ts": "x\n" });
    await setupPhase(lock.ports, job, { commit: "c0", preparedFor: first.fingerprint });
    expect(lock.setupRuns).toEqual(["/wc"]);
  });
});

describe("setup and the attempts", () => {
  it("is no step of an attempt: the attempts start with the tester after it, and a retry does not run it again", async () => {
    const w = await world();
    const agent = w.agent;
    let implementations = 0;
    w.agent = (call) => (call.role === "implementation" && implementations++ === 0 ? 1 : agent(call));
    expect((await setupPhase(w.ports, job, { commit: "c0" })).result).toEqual({ ok: true });
    const { attempt: _a, logDir: _l, ...base } = job;
    expect(await runAttempts(w.ports, base, { fresh: true, logDirFor: (a) => `/logs/a-001/attempt-${a}` })).toEqual({ kind: "verified" });
    expect(w.setupRuns).toEqual(["/wc"]);
    expect(w.agentCalls).toEqual(["tester a-001", "implementation a-001", "implementation a-001"]);
    expect(phases(w).map((p) => p.split(" ")[0])).toEqual(["setup:ok", "tester:ok", "red:ok", "implementation:failed", "implementation:ok", "verify:ok"]);
  });
});

describe("the merged result's tests and setup", () => {
  const target: IntegrationTarget = { dir: "/target", branchRef: (id) => `refs/heads/tdd-waves/demo/${id}`, logDir: "/logs" };
  const completed = () => fakeWorld(chain(...["a-001", "b-001"].flatMap((id) => [startStory(id, T0), completeStory(id, T0)]))(stateFor(plan)));

  it("run in the checkout setup prepared", async () => {
    const w = completed();
    w.tests = () => ({ exitCode: 0, passed: 1, total: 1 });
    const tested: string[] = [];
    const tests = w.ports.tests;
    w.ports.tests = (o) => (tested.push(o.cwd), tests(o));
    await integrateStories(w.ports, plan, { ...target, testCopy: () => preparedCheckout(w.ports, plan, "/target", { logFile: "/logs/integration-setup.log", logRoot: "/logs" }) }, ["a-001", "b-001"]);
    expect(w.setupRuns).toEqual(["/target"]);
    expect(tested).toEqual(["/target", "/target"]);
    expect(w.state().stories.completed.sort()).toEqual(["a-001", "b-001"]);
  });

  it("do not run when setup fails there: every merged story fails, not tested after integration, with setup's log", async () => {
    const w = completed();
    w.setup = () => 1;
    await integrateStories(w.ports, plan, { ...target, testCopy: () => preparedCheckout(w.ports, plan, "/target", { logFile: "/logs/integration-setup.log", logRoot: "/logs" }) }, ["a-001", "b-001"]);
    for (const id of ["a-001", "b-001"]) {
      expect(statusOf(w.state(), id)).toBe("failed");
      expect(w.state().runs[id]!.reason).toBe("not tested after integration: setup failed: setup exited with code 1 (log: /logs/integration-setup.log)");
    }
  });

  it("skip setup (and every test) when nothing was merged", async () => {
    const w = completed();
    await integrateStories(w.ports, plan, { ...target, testCopy: () => preparedCheckout(w.ports, plan, "/target", { logFile: "/l", logRoot: "/" }) }, []);
    expect(w.setupRuns).toEqual([]);
  });
});
