// Setup shared between a local run's working copies when the plan's kept paths are relocatable
// (engine/setup-seeds.ts), on the in-memory ports: one setup per set of inputs, the others get a copy of a
// seed taken before any agent worked there; a failed setup hands nothing on; without `relocatable`, nothing is shared.
import { describe, expect, it } from "vitest";
import { SETUP_TIMEOUT_MS } from "../../src/core/plan/setup.js";
import { prepareWorkingCopy, type Prepared } from "../../src/engine/setup-phase.js";
import { SetupSeeds } from "../../src/engine/setup-seeds.js";
import { fakeWorld, type FakeWorld } from "../support/fake-ports.js";
import { makePlan, stateFor } from "../support/plans.js";

const setup = { run: "npm ci", timeoutMs: SETUP_TIMEOUT_MS, reuse: ["node_modules"], copy: [], relocatable: true };
const plan = { ...makePlan([{ id: "a-001" }], { name: "demo" }), setup };
const files = { "package-lock.json": "{}\n", "src/x.ts": "x\n" };

function world(): { w: FakeWorld; seeds: SetupSeeds } {
  const w = fakeWorld(stateFor(plan), files);
  let installs = 0;
  // Each install leaves a mark of its own: a copy shows whose install it came from.
  w.setup = (d) => void d.files.set("node_modules/pkg/index.js", `install ${++installs}\n`);
  return { w, seeds: new SetupSeeds(w.ports.preparation, "/copies/demo/seeds", setup.reuse) };
}

const prepare = (w: FakeWorld, dir: string, seeds: SetupSeeds | undefined, p = plan): Promise<Prepared> =>
  prepareWorkingCopy(w.ports, p, { dir, commit: "c0", logFile: `${dir}.log`, ...(seeds ? { seeds } : {}) });

describe("setup seeds", () => {
  it("run setup once for working copies that need the same inputs at once; the others get a copy of its seed", async () => {
    const { w, seeds } = world();
    const results = await Promise.all(["/wc1", "/wc2", "/wc3"].map((dir) => prepare(w, dir, seeds)));
    expect(w.setupRuns).toEqual(["/wc1"]);
    expect(results.map((r) => r.ok && r.copied === true)).toEqual([false, true, true]);
    expect(new Set(results.map((r) => r.ok && r.fingerprint)).size).toBe(1);
    // Right after its setup, the first working copy's kept paths go to the seed and the others at once (one
    // copy's time, not the seed's and then the others'), before its own story goes on.
    expect(w.keptCopies).toEqual([
      `/wc1 -> /copies/demo/seeds/seed-${(results[0] as { fingerprint: string }).fingerprint.slice(0, 16)}`,
      "/wc1 -> /wc2",
      "/wc1 -> /wc3",
    ]);
    for (const dir of ["/wc2", "/wc3"]) expect(w.dir(dir).files.get("node_modules/pkg/index.js")).toBe("install 1\n");
  });

  it("keep the first working copy's story waiting until every copy taken from it is done", async () => {
    const { w } = world();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    // The copy into /wc2 is held: /wc1's story must not go on (its agents could change what is being copied).
    const slow = { ...w.ports.preparation, copyKept: async (from: string, to: string, paths: readonly string[]) => ((to === "/wc2" && (await held)) || w.ports.preparation.copyKept(from, to, paths)) };
    const seeds = new SetupSeeds(slow, "/copies/demo/seeds", setup.reuse);
    let firstDone = false;
    const first = prepare(w, "/wc1", seeds).then((r) => ((firstDone = true), r));
    const second = prepare(w, "/wc2", seeds);
    await new Promise((r) => setTimeout(r, 20));
    expect(w.setupRuns).toEqual(["/wc1"]);
    expect(firstDone).toBe(false);
    release();
    expect(await first).toMatchObject({ ok: true, skipped: false });
    expect(await second).toMatchObject({ ok: true, copied: true });
    expect(w.dir("/wc2").files.get("node_modules/pkg/index.js")).toBe("install 1\n");
  });

  it("copy the seed, not the working copy: what an agent changes there later reaches no one", async () => {
    const { w, seeds } = world();
    await prepare(w, "/wc1", seeds);
    w.dir("/wc1").files.set("node_modules/pkg/index.js", "changed by an agent\n");
    expect(await prepare(w, "/wc2", seeds)).toMatchObject({ ok: true, copied: true });
    expect(w.dir("/wc2").files.get("node_modules/pkg/index.js")).toBe("install 1\n");
  });

  it("hand nothing on when setup fails: each working copy waiting runs its own", async () => {
    const { w, seeds } = world();
    let calls = 0;
    w.setup = (d) => (++calls === 1 ? 1 : void d.files.set("node_modules/pkg/index.js", `install ${calls}\n`));
    const results = await Promise.all(["/wc1", "/wc2", "/wc3"].map((dir) => prepare(w, dir, seeds)));
    expect(results[0]).toMatchObject({ ok: false });
    expect(results.slice(1).map((r) => r.ok && r.copied === true)).toEqual([false, false]);
    expect(results.slice(1).every((r) => r.ok)).toBe(true);
    expect(w.setupRuns.sort()).toEqual(["/wc1", "/wc2", "/wc3"]);
    // The next working copy makes the seed again, and the one after it gets a copy.
    expect(await prepare(w, "/wc4", seeds)).toMatchObject({ ok: true, skipped: false });
    expect(w.setupRuns).toHaveLength(4);
    expect(await prepare(w, "/wc5", seeds)).toMatchObject({ ok: true, copied: true });
    expect(w.setupRuns).toHaveLength(4);
  });

  it("are not used when the plan does not say its kept paths are relocatable", async () => {
    const { w, seeds } = world();
    const fixed = { ...plan, setup: { ...setup, relocatable: false } };
    await Promise.all(["/wc1", "/wc2"].map((dir) => prepare(w, dir, seeds, fixed)));
    expect(w.setupRuns.sort()).toEqual(["/wc1", "/wc2"]);
    expect(w.keptCopies).toEqual([]);
  });

  it("are removed by clear", async () => {
    const { w, seeds } = world();
    await prepare(w, "/wc1", seeds);
    const seed = w.keptCopies[0]!.split(" -> ")[1]!;
    expect(w.dir(seed).files.get("node_modules/pkg/index.js")).toBe("install 1\n");
    await seeds.clear();
    expect(w.dir(seed).files.has("node_modules/pkg/index.js")).toBe(false);
  });
});
