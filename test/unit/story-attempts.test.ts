// A story's attempts loop (engine/attempts.ts) on the in-memory ports: a failed verify or red check tried
// again with feedback, the locked test file restored, exactly retries + 1 attempts, a GitHub step's part
// of them, and the rebuild on the integrated target from the story's verified commit.
import { describe, expect, it } from "vitest";
import { storyBranch } from "../../src/core/plan/model.js";
import { integrationRejected } from "../../src/core/retries/rebuild.js";
import { chain, startStory, statusOf, type PhaseRecord } from "../../src/core/state/state.js";
import { runAttempts, type AttemptOptions } from "../../src/engine/attempts.js";
import type { StoryJob } from "../../src/engine/story-context.js";
import { completeInWorkingCopy, failInWorkingCopy } from "../../src/engine/story-phases.js";
import { fakeWorld, type AgentCall, type FakeWorld } from "../support/fake-ports.js";
import { makePlan, stateFor } from "../support/plans.js";

const plan = makePlan([{ id: "a-001" }], { name: "demo" });
const story = plan.stories[0]!;
const storyText = "# a-001: Story 1\n\n**Status:** ⏳ Pending\n**Assignee:** —\n**Test file:** `test/a-001.test.ts`\n**Verified:** no\n\n## Acceptance Criteria\n- [ ] it works\n\n## Completion\n";
const base: Omit<StoryJob, "attempt" | "logDir"> = { plan, planPath: "plan.yml", story, wave: 1, dir: "/wc", logRoot: "/logs" };
const opts: AttemptOptions = { fresh: true, logDirFor: (attempt) => `/logs/a-001/attempt-${attempt}` };

async function setup(p = plan): Promise<{ world: FakeWorld; calls: AgentCall[] }> {
  const world = fakeWorld(startStory("a-001", "2026-01-01T00:00:00.000Z")(stateFor(p)), { "stories/a-001.md": storyText });
  await world.ports.workingCopy(base.dir).resetTo(storyBranch(p.name, story.id), "c0");
  const calls: AgentCall[] = [];
  const normal = world.agent;
  world.agent = (call) => {
    calls.push(call);
    return normal(call);
  };
  return { world, calls };
}

/** The implementation agent does only `first` on its first attempt (recorded in `calls`), its normal work after. */
function implementerFailsFirst(world: FakeWorld, calls: AgentCall[], first: (call: AgentCall) => number | void): void {
  const normal = world.agent;
  world.agent = (call) => {
    if (call.role !== "implementation" || call.env.TDD_WAVES_ATTEMPT !== "1") return normal(call);
    calls.push(call);
    return first(call);
  };
}

const phases = (world: FakeWorld): string[] => world.state().runs["a-001"]!.phases.map((p: PhaseRecord) => `${p.attempt}:${p.phase}:${p.outcome}`);

describe("the attempts of a story", () => {
  it("runs the implementation again after a failed verify, with what failed, the criteria left and the test output as feedback", async () => {
    const { world, calls } = await setup();
    implementerFailsFirst(world, calls, () => undefined);
    world.dir("/logs").files.set("a-001/attempt-1/verify.log", "not ok 1 - a-001 returns its id\n");
    // The fake test runner writes no log: the verify log above stands for the real one.
    expect(await runAttempts(world.ports, base, opts)).toEqual({ kind: "verified" });
    expect(calls.map((c) => `${c.role}:${c.env.TDD_WAVES_ATTEMPT}`)).toEqual(["tester:1", "implementation:1", "implementation:2"]);
    expect(phases(world)).toEqual(["1:tester:ok", "1:red:ok", "1:implementation:ok", "1:verify:failed", "2:implementation:ok", "2:verify:ok"]);
    const feedback = calls[2]!.env.TDD_WAVES_FEEDBACK!;
    expect(feedback).toMatch(/^Attempt 1 of 2 failed: verify: tests fail \(exit code 1\); 1 acceptance criteria not checked\nThis is attempt 2 of 2/);
    expect(feedback).toContain("Acceptance criteria still unchecked:\n- it works");
    expect(feedback).toContain("Tail of the failing output (attempt-1/verify.log):\n```\nnot ok 1 - a-001 returns its id\n```");
    expect(world.dir("/logs").files.get("a-001/attempt-2/implementation-feedback.md")).toBe(`${feedback}\n`);
    expect(calls[2]!.env.TDD_WAVES_FEEDBACK_FILE).toBe("/logs/a-001/attempt-2/implementation-feedback.md");
    expect(calls[2]!.env.TDD_WAVES_PROMPT).toContain(`Feedback: this story was tried before\n${feedback.split("\n")[0]}`);
    // The phases of attempt 2 say what their agent was told; the run says which attempt it is in.
    expect(world.state().runs["a-001"]!.phases.find((p) => p.attempt === 2 && p.phase === "implementation")!.feedback).toBe(feedback);
    expect(world.state().runs["a-001"]!.attempt).toBe(2);
  });

  it("puts the locked test file back to the tester's bytes before the next implementation attempt", async () => {
    const { world, calls } = await setup();
    implementerFailsFirst(world, calls, ({ dir }) => void dir.files.set("test/a-001.test.ts", "weakened\n"));
    expect(await runAttempts(world.ports, base, opts)).toEqual({ kind: "verified" });
    expect(world.state().runs["a-001"]!.phases.find((p) => p.phase === "verify")!.message).toMatch(/the test file test\/a-001\.test\.ts was changed after the tester wrote it/);
    expect(calls[2]!.env.TDD_WAVES_FEEDBACK).toContain("The test file test/a-001.test.ts was restored to what the tester wrote");
    expect(world.dir(base.dir).files.get("test/a-001.test.ts")).toBe("test a-001\n");
  });

  it("has exactly retries + 1 attempts when the implementation never succeeds, then fails naming them", async () => {
    const p = makePlan([{ id: "a-001" }], { name: "demo", retries: 2 });
    const { world, calls } = await setup(p);
    const normal = world.agent;
    world.agent = (call) => (call.role === "implementation" ? (calls.push(call), 1) : normal(call));
    const outcome = await runAttempts(world.ports, { ...base, plan: p, story: p.stories[0]! }, opts);
    expect(outcome).toEqual({ kind: "failed", result: { ok: false, phase: "implementation", reason: "implementation agent backend-dev exited with code 1 (after 3 attempts)" } });
    expect(calls.filter((c) => c.role === "implementation").map((c) => c.env.TDD_WAVES_ATTEMPT)).toEqual(["1", "2", "3"]);
    if (outcome.kind !== "failed") throw new Error("not failed");
    await failInWorkingCopy(world.ports, { ...base, plan: p, story: p.stories[0]!, attempt: 3, logDir: "/logs/a-001/attempt-3" }, outcome.result);
    expect(world.state().runs["a-001"]!.reason).toBe("implementation agent backend-dev exited with code 1 (after 3 attempts)");
  });

  it("with retries 0, a failure is final at once", async () => {
    const p = makePlan([{ id: "a-001" }], { name: "demo", retries: 0 });
    const { world, calls } = await setup(p);
    implementerFailsFirst(world, calls, () => 1);
    expect(await runAttempts(world.ports, { ...base, plan: p, story: p.stories[0]! }, opts)).toMatchObject({ kind: "failed", result: { reason: "implementation agent backend-dev exited with code 1" } });
    expect(calls.map((c) => c.role)).toEqual(["tester", "implementation"]);
  });

  it("runs the tester again when its first tests already pass, with the red check's reason", async () => {
    const { world, calls } = await setup();
    const normal = world.agent;
    // The first tests pass before any implementation: the red check fails.
    world.tests = (id, d) => (d.files.get("test/a-001.test.ts") === "passing\n" || d.files.has(`src/${id}.ts`) ? { exitCode: 0, passed: 1, total: 1 } : { exitCode: 1, passed: 0, total: 1 });
    world.agent = (call) => {
      if (call.role === "tester" && call.env.TDD_WAVES_ATTEMPT === "1") {
        calls.push(call);
        call.dir.files.set("test/a-001.test.ts", "passing\n");
        return;
      }
      return normal(call);
    };
    expect(await runAttempts(world.ports, base, opts)).toEqual({ kind: "verified" });
    expect(calls.map((c) => `${c.role}:${c.env.TDD_WAVES_ATTEMPT}`)).toEqual(["tester:1", "tester:2", "implementation:2"]);
    expect(calls[1]!.env.TDD_WAVES_FEEDBACK).toMatch(/^Attempt 1 of 2 failed: red check: the tests pass before implementation/);
    expect(phases(world).slice(0, 3)).toEqual(["1:tester:ok", "1:red:failed", "2:tester:ok"]);
  });

  it("gives a tester retry the test file its attempts started with, so that writing the same tests again counts", async () => {
    const { world, calls } = await setup();
    let red = 0;
    // The first red run passes (say, a flaky environment); the tester writes the very same file again.
    world.tests = (id, d) => (red++ === 0 || d.files.has(`src/${id}.ts`) ? { exitCode: 0, passed: 1, total: 1 } : { exitCode: 1, passed: 0, total: 1 });
    expect(await runAttempts(world.ports, base, opts)).toEqual({ kind: "verified" });
    expect(calls.map((c) => `${c.role}:${c.env.TDD_WAVES_ATTEMPT}`)).toEqual(["tester:1", "tester:2", "implementation:2"]);
    expect(phases(world).slice(0, 4)).toEqual(["1:tester:ok", "1:red:failed", "2:tester:ok", "2:red:ok"]);
  });

  it("puts HEAD back on the story branch before the next attempt when the failed one's agent left it", async () => {
    const { world, calls } = await setup();
    implementerFailsFirst(world, calls, ({ dir }) => void (dir.branch = "stray"));
    expect(await runAttempts(world.ports, base, opts)).toEqual({ kind: "verified" });
    expect(world.state().runs["a-001"]!.phases[2]!.message).toMatch(/moved HEAD off the story branch tdd-waves\/demo\/a-001 \(to branch stray\)/);
    expect(world.dir(base.dir).branch).toBe("tdd-waves/demo/a-001");
  });

  it("records a phase a link out of the working copy stopped as failed, and tries again", async () => {
    const { world } = await setup();
    const normal = world.agent;
    world.agent = (call) => {
      if (call.role === "implementation" && call.env.TDD_WAVES_ATTEMPT === "1") world.escaping.add(`${base.dir}/test/a-001.test.ts`);
      else world.escaping.clear();
      return normal(call);
    };
    expect(await runAttempts(world.ports, base, opts)).toEqual({ kind: "verified" });
    expect(phases(world)).toEqual(["1:tester:ok", "1:red:ok", "1:implementation:ok", "1:verify:failed", "2:implementation:ok", "2:verify:ok"]);
    expect(world.state().runs["a-001"]!.phases[3]!.message).toMatch(/test\/a-001\.test\.ts leads out of \/wc/);
  });

  it("runs a GitHub step's part of the attempts: the tester step pauses before the implementation, the next step goes on", async () => {
    const { world, calls } = await setup();
    expect(await runAttempts(world.ports, base, { ...opts, until: "tester" })).toEqual({ kind: "paused" });
    expect(calls.map((c) => c.role)).toEqual(["tester"]);
    expect(await runAttempts(world.ports, base, { ...opts, fresh: false, until: "implementation" })).toEqual({ kind: "paused" });
    expect(await runAttempts(world.ports, base, { ...opts, fresh: false })).toEqual({ kind: "verified" });
    expect(calls.map((c) => c.role)).toEqual(["tester", "implementation"]);
  });
});

describe("the rebuild on the integrated target", () => {
  /** The story verified and completed in one working copy, then rejected by integration. */
  async function rejected(): Promise<{ world: FakeWorld; calls: AgentCall[]; verified: string }> {
    const { world, calls } = await setup();
    const first = { ...base, dir: "/first" };
    await world.ports.workingCopy(first.dir).resetTo(storyBranch(plan.name, story.id), "c0");
    expect(await runAttempts(world.ports, first, opts)).toEqual({ kind: "verified" });
    await completeInWorkingCopy(world.ports, { ...first, attempt: 1, logDir: "/logs/a-001/attempt-1" });
    const verified = world.state().runs["a-001"]!.result!.commit!;
    const now = "2026-01-01T01:00:00.000Z";
    await world.ports.store.update(chain(integrationRejected("a-001", "merge conflict in shared.txt", 1, now), startStory("a-001", now)), "rebuild");
    calls.length = 0;
    return { world, calls, verified };
  }

  it("brings the story's tests and story file onto the target, runs the implementation with the conflict as feedback, and verifies", async () => {
    const { world, calls, verified } = await rejected();
    const target = world.dir(base.dir);
    target.files = new Map([["stories/a-001.md", storyText], ["shared.txt", "merged by another story\n"]]);
    expect(await runAttempts(world.ports, base, opts)).toEqual({ kind: "verified" });
    expect(calls.map((c) => `${c.role}:${c.env.TDD_WAVES_ATTEMPT}`)).toEqual(["implementation:2"]);
    expect(calls[0]!.env.TDD_WAVES_FEEDBACK).toMatch(/^Rebuild on the integrated target: merge conflict in shared\.txt\./);
    expect(target.files.get("test/a-001.test.ts")).toBe("test a-001\n");
    expect(target.files.get("shared.txt")).toBe("merged by another story\n");
    const run = world.state().runs["a-001"]!;
    expect(run.rebuild).toMatchObject({ from: verified, attempt: 2, commit: target.commits[0]!.sha });
    expect(target.commits[0]!.message).toBe("tdd-waves: a-001 rebuilt on the integrated target: its tests and story file");
    expect(run.testerCommit).toBe(target.commits[0]!.sha);
    expect(phases(world).slice(-3)).toEqual(["1:integrate:failed", "2:implementation:ok", "2:verify:ok"]);
  });

  it("gets no retries: a rebuild that fails verify fails the story, naming the conflict", async () => {
    const { world } = await rejected();
    world.agent = () => 1;
    const outcome = await runAttempts(world.ports, base, opts);
    expect(outcome).toMatchObject({ kind: "failed", result: { phase: "integrate", reason: "merge conflict in shared.txt (rebuilt on the integrated target: implementation agent backend-dev exited with code 1)" } });
  });

  it("cannot start without the verified commit's tests, and says so", async () => {
    const { world } = await rejected();
    world.state().runs["a-001"]!.rebuild!.from = "c404";
    const outcome = await runAttempts(world.ports, base, opts);
    expect(outcome).toMatchObject({ kind: "failed", result: { phase: "integrate", reason: expect.stringMatching(/^merge conflict in shared\.txt, and its rebuild cannot start: the verified commit c404 with its tests is not in this working copy/) } });
    expect(statusOf(world.state(), "a-001")).toBe("implementing");
  });
});
