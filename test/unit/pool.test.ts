// The worker pool of the local runner and of integration tests.
import { describe, expect, it } from "vitest";
import { runPool } from "../../src/engine/pool.js";
import { Interrupted } from "../../src/engine/story-context.js";

const tick = () => new Promise((r) => setTimeout(r, 1));

describe("runPool", () => {
  it("runs at most `limit` at once and keeps the items' order in its results", async () => {
    let running = 0;
    let most = 0;
    const results = await runPool([5, 1, 4, 2, 3, 6, 7], 3, async (n) => {
      most = Math.max(most, ++running);
      for (let i = 0; i < n; i++) await tick();
      running--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 60, 70]);
    expect(most).toBe(3);
  });

  it("starts nothing more after a failure, lets the running ones end, then throws it", async () => {
    const started: number[] = [];
    const ended: number[] = [];
    const run = runPool([1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      await tick();
      if (n === 1) throw new Error("boom");
      await tick();
      ended.push(n);
    });
    await expect(run).rejects.toThrow("boom");
    expect(started).toEqual([1, 2]);
    expect(ended).toEqual([2]);
  });

  it("stops starting items once aborted and reports the interruption", async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const run = runPool([1, 2, 3, 4], 1, async (n) => {
      started.push(n);
      if (n === 2) controller.abort();
      await tick();
    }, controller.signal);
    await expect(run).rejects.toBeInstanceOf(Interrupted);
    expect(started).toEqual([1, 2]);
  });
});
