// Integration on the in-memory ports: plan order, conflicts told from refusals, a killed run's unfinished
// merge cleared first, the merged result re-tested, rejected stories sent back for one rebuild on the
// integrated target (when they have retries), and blocking behind failed stories.
import { describe, expect, it } from "vitest";
import { annotateRun, chain, completeStory, failStory, recordResult, startStory, statusOf, type Transition, type WorkflowState } from "../../src/core/state/state.js";
import { blockStuck } from "../../src/engine/blocking.js";
import { integrateStories, mergeFailure, type IntegrationTarget } from "../../src/engine/integrate.js";
import { fakeWorld } from "../support/fake-ports.js";
import { makePlan, stateFor } from "../support/plans.js";

// No retries: a rejected story fails at once (the rebuilds have tests of their own below).
const plan = makePlan([{ id: "a-001" }, { id: "b-001" }, { id: "c-001", dependsOn: ["a-001"] }, { id: "d-001", dependsOn: ["c-001"] }], { name: "demo", retries: 0 });
const retrying = { ...plan, retries: 1 };
const T0 = "2026-01-01T00:00:00.000Z";
const target: IntegrationTarget = { dir: "/target", branchRef: (id) => `refs/heads/tdd-waves/demo/${id}`, logDir: "/logs" };
const completing = (...ids: string[]): Transition => chain(...ids.flatMap((id) => [startStory(id, T0), completeStory(id, T0)]));
const completed = (...ids: string[]): WorkflowState => completing(...ids)(stateFor(plan));

describe("integration", () => {
  it("merges completed stories in plan order, one merge each, whatever order they are given in", async () => {
    const world = fakeWorld(completed("a-001", "b-001"));
    await integrateStories(world.ports, plan, target, ["b-001", "a-001"]);
    expect(world.merged).toEqual(["refs/heads/tdd-waves/demo/a-001", "refs/heads/tdd-waves/demo/b-001"]);
    expect(world.state().runs["a-001"]!.merged).toBe("m1");
    expect(world.state().runs["b-001"]!.merged).toBe("m2");
  });

  it("fails a conflicting story as a conflict and a refused merge as a refusal; the others merge", async () => {
    const world = fakeWorld(completed("a-001", "b-001"));
    world.mergeOf = (ref) =>
      ref.endsWith("a-001")
        ? { ok: false, kind: "conflict", conflicts: ["shared.txt"] }
        : { ok: false, kind: "refused", message: "error: The following untracked working tree files would be overwritten by merge:\n\tsrc/b.ts\nPlease move or remove them before you merge.\nAborting" };
    await integrateStories(world.ports, plan, target, ["a-001", "b-001"]);
    expect(world.state().runs["a-001"]!.reason).toBe("merge conflict in shared.txt");
    expect(world.state().runs["b-001"]!.reason).toBe("merge refused by git: The following untracked working tree files would be overwritten by merge: src/b.ts");
    expect(statusOf(world.state(), "b-001")).toBe("failed");
  });

  it("clears the unfinished merge a killed run left before merging, and merges every story", async () => {
    const world = fakeWorld(completed("a-001"));
    world.unfinished = "ours";
    world.tests = () => ({ exitCode: 0, passed: 1, total: 1 });
    await integrateStories(world.ports, plan, target, ["a-001"]);
    expect(world.aborted).toBe(1);
    expect(statusOf(world.state(), "a-001")).toBe("complete");
    expect(world.merged).toEqual(["refs/heads/tdd-waves/demo/a-001"]);
  });

  it("records a story merged already (an execution killed before recording it) without merging it again", async () => {
    const world = fakeWorld(completed("a-001"));
    world.merged.push("refs/heads/tdd-waves/demo/a-001");
    await integrateStories(world.ports, plan, target, ["a-001"]);
    expect(world.merged).toHaveLength(1);
    expect(world.state().runs["a-001"]!.merged).toBeDefined();
  });

  it("fails a merged story whose tests fail on the merged result", async () => {
    const world = fakeWorld(completed("a-001", "b-001"));
    world.tests = (id) => ({ exitCode: id === "b-001" ? 1 : 0, passed: null, total: null });
    await integrateStories(world.ports, plan, target, ["a-001", "b-001"]);
    expect(statusOf(world.state(), "a-001")).toBe("complete");
    expect(world.state().runs["b-001"]!.reason).toBe("fails after integration");
  });

  it("sends a conflicting story back for one rebuild on the integrated target, from its verified commit, with the conflict as feedback", async () => {
    const world = fakeWorld(chain(completing("a-001", "b-001"), recordResult("b-001", { commit: "c7", filesModified: ["shared.txt"] }, T0), annotateRun("b-001", { testFileBlob: "blob7" }, T0))(stateFor(retrying)));
    world.tests = () => ({ exitCode: 0, passed: 1, total: 1 });
    world.mergeOf = (ref) => (ref.endsWith("b-001") ? { ok: false, kind: "conflict", conflicts: ["shared.txt"] } : undefined);
    await integrateStories(world.ports, retrying, target, ["a-001", "b-001"]);
    const run = world.state().runs["b-001"]!;
    expect(statusOf(world.state(), "b-001")).toBe("pending");
    expect(run.rebuild).toMatchObject({ reason: "merge conflict in shared.txt", from: "c7", testFileBlob: "blob7" });
    expect(run.rebuild!.feedback).toMatch(/^Rebuild on the integrated target: merge conflict in shared\.txt\.\n[\s\S]*- shared\.txt/);
    expect(run.phases.at(-1)).toMatchObject({ phase: "integrate", outcome: "failed", message: "merge conflict in shared.txt" });
    expect(world.events).toContainEqual({ type: "log", message: "b-001: merge conflict in shared.txt; it is rebuilt on the integrated target" });
  });

  it("sends a story whose tests fail on the merged result back for a rebuild, the tail of their output as feedback", async () => {
    const world = fakeWorld(completing("a-001", "b-001")(stateFor(retrying)));
    world.tests = (id) => ({ exitCode: id === "b-001" ? 1 : 0, passed: null, total: null });
    world.dir("/logs").files.set("b-001/integrate.log", "not ok 1 - b-001 returns its id\n# expected 'b-001', got 'wrong'\n");
    await integrateStories(world.ports, retrying, target, ["a-001", "b-001"]);
    expect(statusOf(world.state(), "b-001")).toBe("pending");
    expect(world.state().runs["b-001"]!.rebuild!.feedback).toContain("Tail of the failing output (b-001/integrate.log):\n```\nnot ok 1 - b-001 returns its id");
    expect(world.state().runs["b-001"]!.merged).toBeUndefined();
  });

  it("fails a rebuilt story rejected again, and a merge git refused, whatever the retries", async () => {
    const world = fakeWorld(completing("a-001", "b-001")(stateFor(retrying)));
    world.tests = () => ({ exitCode: 0, passed: 1, total: 1 });
    world.state().runs["a-001"]!.rebuilt = true;
    world.mergeOf = (ref) =>
      ref.endsWith("a-001") ? { ok: false, kind: "conflict", conflicts: ["shared.txt"] } : { ok: false, kind: "refused", message: "fatal: refusing to merge unrelated histories" };
    await integrateStories(world.ports, retrying, target, ["a-001", "b-001"]);
    expect(world.state().runs["a-001"]!.reason).toBe("merge conflict in shared.txt (after a rebuild on the integrated target)");
    expect(world.state().runs["b-001"]!.reason).toBe("merge refused by git: refusing to merge unrelated histories");
    expect(world.state().stories.failed).toEqual(["a-001", "b-001"]);
  });

  it("a refusal without a message still reads as one", () => {
    expect(mergeFailure({ ok: false, kind: "refused", message: "" })).toBe("merge refused by git: no reason given");
  });
});

describe("blocking", () => {
  it("blocks the dependents of a failed story, and theirs, whatever the plan order", async () => {
    const world = fakeWorld(chain(startStory("a-001", T0), failStory("a-001", "verify failed", T0, "verify"))(stateFor(plan)));
    await blockStuck(world.ports, plan, world.state(), plan.stories.map((s) => s.id));
    expect(world.state().stories.blocked.sort()).toEqual(["c-001", "d-001"]);
    expect(statusOf(world.state(), "b-001")).toBe("pending");
  });
});
