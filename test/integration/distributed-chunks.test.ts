// A wave larger than a GitHub job matrix (256 jobs) runs as consecutive chunks of the same wave.
import { afterEach, describe, expect, it } from "vitest";
import { makeRepo, planFiles, gitEnv, type TempRepo } from "../support/repo.js";
import { Git } from "../../src/adapters/git.js";
import { createStateStore } from "../../src/adapters/state-store.js";
import { realPorts } from "../../src/adapters/default-ports.js";
import { loadPlan } from "../../src/adapters/plan-loader.js";
import { chooseNextWave } from "../../src/engine/distributed.js";
import { annotateRun, chain, completeStory } from "../../src/core/state/state.js";

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

describe("chooseNextWave", () => {
  it("runs a 300-story wave as a chunk of 256 and then the remaining 44, in plan order", async () => {
    const ids = Array.from({ length: 300 }, (_, i) => `s-${String(i + 1).padStart(3, "0")}`);
    const repo = makeRepo(planFiles("big", ids.map((id) => ({ id }))), { agents: false });
    repos.push(repo);
    const git = new Git({ cwd: repo.dir, env: gitEnv });
    const store = createStateStore({ git, planName: "big" });
    const ports = realPorts({ store, progress: () => undefined });
    const source = await loadPlan("plan.yml", repo.dir, { cwd: repo.dir });
    expect(source.waves).toHaveLength(1);

    const first = await chooseNextWave(ports, { source, target: "main", dir: repo.dir, runId: "1" });
    expect(first).toMatchObject({ wave: 1, totalWaves: 1, hasMore: true, maxParallel: 10 });
    expect(first.stories).toEqual(ids.slice(0, 256));
    expect((await store.read())!.stories.inProgress).toEqual(ids.slice(0, 256));

    // The first chunk's stories complete and are merged (as the run's advance would record).
    const head = (await git.revParse("HEAD"))!;
    await store.update(chain(...first.stories.flatMap((id) => [completeStory(id, "now"), annotateRun(id, { merged: head }, "now")])), "chunk 1 done");

    const second = await chooseNextWave(ports, { source, target: "main", dir: repo.dir, runId: "2" });
    expect(second).toMatchObject({ wave: 1, hasMore: false });
    expect(second.stories).toEqual(ids.slice(256));

    await store.update(chain(...second.stories.flatMap((id) => [completeStory(id, "now"), annotateRun(id, { merged: head }, "now")])), "chunk 2 done");
    const done = await chooseNextWave(ports, { source, target: "main", dir: repo.dir, runId: "3" });
    expect(done).toMatchObject({ wave: 0, stories: [], hasMore: false });
  });
});
