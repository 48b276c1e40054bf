// The phases of one story (tester + red check, implementation, verify, commit) on the in-memory ports:
// their order, and every outcome the red check and verify can have.
import { describe, expect, it } from "vitest";
import { storyBranch } from "../../src/core/plan/model.js";
import { readStoryFile } from "../../src/core/story/story-file.js";
import { startStory, statusOf } from "../../src/core/state/state.js";
import type { StoryJob } from "../../src/engine/story-context.js";
import { completeInWorkingCopy, failInWorkingCopy, guarded, implementationPhase, testerPhase, verifyPhase, type PhaseResult } from "../../src/engine/story-phases.js";
import { fakeWorld, type FakeWorld } from "../support/fake-ports.js";
import { makePlan, stateFor } from "../support/plans.js";

const plan = makePlan([{ id: "a-001" }], { name: "demo" });
const story = plan.stories[0]!;
const storyText = "# a-001: Story 1\n\n**Status:** ⏳ Pending\n**Assignee:** —\n**Test file:** `test/a-001.test.ts`\n**Verified:** no\n\n## Acceptance Criteria\n- [ ] it works\n\n## Completion\n";
const job: StoryJob = { plan, planPath: "plan.yml", story, wave: 1, attempt: 1, dir: "/wc", logDir: "/logs/a-001" };

async function setup(): Promise<FakeWorld> {
  const world = fakeWorld(startStory("a-001", "2026-01-01T00:00:00.000Z")(stateFor(plan)), { "stories/a-001.md": storyText });
  await world.ports.workingCopy(job.dir).resetTo(storyBranch(plan.name, story.id), "c0");
  return world;
}

/** The whole story, as the local runner chains it. */
async function runStory(world: FakeWorld): Promise<PhaseResult> {
  const { ports } = world;
  let r = await guarded("tester", () => testerPhase(ports, job));
  if (r.ok) r = await guarded("implementation", () => implementationPhase(ports, job));
  if (r.ok) r = await guarded("verify", () => verifyPhase(ports, job, world.state().runs["a-001"]?.testFileBlob));
  if (r.ok) await completeInWorkingCopy(ports, job);
  else await failInWorkingCopy(ports, job, r);
  return r;
}

const reason = (world: FakeWorld) => world.state().runs["a-001"]!.reason;

describe("story phases", () => {
  it("run tester, red check, implementation and verify in that order, then commit the completed story on its branch", async () => {
    const world = await setup();
    expect(await runStory(world)).toEqual({ ok: true });
    expect(world.agentCalls).toEqual(["tester a-001", "implementation a-001"]);
    expect(world.state().runs["a-001"]!.phases.map((p) => `${p.phase}:${p.outcome}`)).toEqual(["tester:ok", "red:ok", "implementation:ok", "verify:ok"]);
    expect(statusOf(world.state(), "a-001")).toBe("complete");
    const wc = world.dir(job.dir);
    expect(wc.commits.map((c) => [c.branch, c.message])).toEqual([
      ["tdd-waves/demo/a-001", "tdd-waves: tests for a-001 (unit-test)"],
      ["tdd-waves/demo/a-001", "tdd-waves: a-001 complete"],
    ]);
    expect(wc.files.get("stories/a-001.md")).toMatch(/\*\*Status:\*\* ✅ Complete/);
  });

  describe("the red check", () => {
    it.each<[string, (w: FakeWorld) => void, RegExp]>([
      ["no test file", (w) => (w.agent = () => undefined), /test file test\/a-001\.test\.ts was not written by the tester/],
      ["an unchanged test file", (w) => w.dir(job.dir).files.set("test/a-001.test.ts", "old\n") && (w.agent = () => undefined), /was not created or changed/],
      ["tests that already pass", (w) => (w.tests = () => ({ exitCode: 0, passed: 1, total: 1 })), /red check: the tests pass before implementation/],
      ["a nested repository", (w) => (w.dir(job.dir).nested = ["vendor/lib"]), /nested git repository at vendor\/lib/],
    ])("fails the story on %s", async (_what, arrange, message) => {
      const world = await setup();
      arrange(world);
      const r = await runStory(world);
      expect(r).toMatchObject({ ok: false, phase: "red" });
      expect(reason(world)).toMatch(message);
      expect(world.agentCalls).toEqual(["tester a-001"]);
    });

    it("fails the story when the tester exits non-zero or moves HEAD", async () => {
      const world = await setup();
      world.agent = ({ dir }) => void (dir.branch = "elsewhere");
      expect(await runStory(world)).toMatchObject({ ok: false, phase: "tester" });
      expect(reason(world)).toMatch(/moved HEAD off the story branch tdd-waves\/demo\/a-001 \(to branch elsewhere\)/);
      // The failure is committed on the story branch all the same.
      expect(world.dir(job.dir).commits.at(-1)).toMatchObject({ branch: "tdd-waves/demo/a-001", message: expect.stringMatching(/^tdd-waves: a-001 failed/) });
    });
  });

  describe("verify", () => {
    const implementer = (w: FakeWorld, extra: (dir: ReturnType<FakeWorld["dir"]>) => void) => {
      const normal = w.agent;
      w.agent = (call) => {
        normal(call);
        if (call.role === "implementation") extra(call.dir);
      };
    };
    it.each<[string, (w: FakeWorld) => void, RegExp]>([
      ["tests that fail", (w) => (w.tests = () => ({ exitCode: 1, passed: 0, total: 1 })), /verify: tests fail \(exit code 1\)/],
      ["a changed test file", (w) => implementer(w, (d) => d.files.set("test/a-001.test.ts", "weakened\n")), /the test file test\/a-001\.test\.ts was changed after the tester wrote it/],
      ["a deleted test file", (w) => implementer(w, (d) => d.files.delete("test/a-001.test.ts")), /the test file test\/a-001\.test\.ts was deleted/],
      ["unchecked criteria", (w) => implementer(w, (d) => d.files.set("stories/a-001.md", storyText)), /1 acceptance criteria not checked/],
      ["a nested repository", (w) => implementer(w, (d) => (d.nested = ["lib"])), /nested git repository at lib/],
    ])("fails the story on %s", async (_what, arrange, message) => {
      const world = await setup();
      // Red first: the tests fail until the implementation exists, whatever verify will see.
      arrange(world);
      const tests = world.tests;
      world.tests = (id, dir) => (world.state().runs["a-001"]!.phases.some((p) => p.phase === "verify") ? tests(id, dir) : { exitCode: 1, passed: 0, total: 1 });
      const r = await runStory(world);
      expect(r).toMatchObject({ ok: false });
      expect(reason(world)).toMatch(message);
      expect(statusOf(world.state(), "a-001")).toBe("failed");
    });

    it("fails the implementation phase of an agent that switched branch, and commits on the story branch only", async () => {
      const world = await setup();
      implementer(world, (d) => (d.branch = "stray"));
      expect(await runStory(world)).toMatchObject({ ok: false, phase: "implementation" });
      expect(reason(world)).toMatch(/implementation agent backend-dev moved HEAD off the story branch/);
      expect(world.dir(job.dir).commits.map((c) => c.branch)).toEqual(["tdd-waves/demo/a-001", "tdd-waves/demo/a-001"]);
    });
  });

  it("a story file that leads out of the working copy fails the story, not the execution, and is never written", async () => {
    const world = await setup();
    implementer(world);
    function implementer(w: FakeWorld) {
      w.agent = ({ role, dir }) => {
        if (role === "tester") {
          dir.files.set("test/a-001.test.ts", "t\n");
          w.escaping.add(`${job.dir}/stories/a-001.md`);
        }
      };
    }
    const r = await runStory(world);
    expect(r).toMatchObject({ ok: false, phase: "implementation" });
    expect(reason(world)).toMatch(/stories\/a-001\.md leads out of \/wc .* through a symbolic link: refused/);
    // Last written before the link appeared (the tester phase's "testing"), never after.
    expect(readStoryFile(world.dir(job.dir).files.get("stories/a-001.md")!).status).toBe("testing");
  });
});
