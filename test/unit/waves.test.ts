// Waves (SPEC §1): computed from dependencies or given, chunks of at most 256, and the cycle search.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULTS } from "../../src/core/plan/model.js";
import type { Plan, Story } from "../../src/core/plan/model.js";
import { chunkWave, computeWaves, findCycles } from "../../src/core/plan/waves.js";

/** A plan of stories `[id, dependsOn]` in plan order; everything else is filler. */
function planOf(stories: [string, string[]][], waves?: string[][]): Plan {
  return {
    name: "p",
    maxParallel: 10,
    storiesDir: "stories",
    test: { command: "t {testFile}", timeoutMs: DEFAULTS.testTimeoutMs },
    prompts: {},
    tdd: { requireRed: true, lockTests: true },
    agents: { a: { name: "a", run: "x", timeoutMs: DEFAULTS.agentTimeoutMs, env: {} } },
    stories: stories.map(
      ([id, dependsOn], index): Story => ({ id, title: id, epic: "e", file: `stories/${id}.md`, testFile: `t/${id}.ts`, tester: "a", implementer: "a", dependsOn, index }),
    ),
    ...(waves ? { waves } : {}),
  };
}

/**
 * A random DAG of n stories: edges go from a story to stories earlier in a hidden topological order, and the
 * plan order is a random permutation of that order (so plan order and dependency order disagree).
 */
const dagArb = fc.integer({ min: 0, max: 60 }).chain((n) =>
  fc
    .tuple(
      fc.array(fc.array(fc.nat(), { maxLength: 4 }), { minLength: n, maxLength: n }),
      fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
    )
    .map(([depPicks, perm]) => {
      const id = (topo: number): string => `s-${topo}`;
      const byTopo = depPicks.map((picks, topo): [string, string[]] => [id(topo), topo === 0 ? [] : [...new Set(picks.map((p) => id(p % topo)))]]);
      return perm.map((topo) => byTopo[topo] as [string, string[]]);
    }),
);

describe("computeWaves", () => {
  it("puts a story one wave after its latest dependency, keeping plan order inside a wave", () => {
    const plan = planOf([
      ["api-1", ["core-2"]],
      ["core-1", []],
      ["core-2", ["core-1"]],
      ["docs", []],
      ["api-2", ["core-1", "api-1"]],
    ]);
    expect(computeWaves(plan)).toEqual([["core-1", "docs"], ["core-2"], ["api-1"], ["api-2"]]);
  });

  it("returns the explicit waves when the plan gives them (as a copy)", () => {
    const waves = [["b"], ["a"]];
    const plan = planOf([["a", []], ["b", []]], waves);
    const result = computeWaves(plan);
    expect(result).toEqual([["b"], ["a"]]);
    result[0]?.push("x");
    expect(waves[0]).toEqual(["b"]);
  });

  it("handles an empty plan and refuses a cycle", () => {
    expect(computeWaves(planOf([]))).toEqual([]);
    expect(() => computeWaves(planOf([["a", ["b"]], ["b", ["a"]]]))).toThrow(/cycle/);
  });

  it("property: every dependency is in an earlier wave, each story is in exactly one, and waves are as early as possible", () => {
    fc.assert(
      fc.property(dagArb, (stories) => {
        const waves = computeWaves(planOf(stories));
        const waveOf = new Map<string, number>();
        waves.forEach((ids, w) => ids.forEach((id) => waveOf.set(id, w)));
        expect(waves.flat().sort()).toEqual(stories.map(([id]) => id).sort());
        for (const ids of waves) expect(ids.length).toBeGreaterThan(0);
        for (const [id, deps] of stories) {
          const own = waveOf.get(id) as number;
          const latest = Math.max(-1, ...deps.map((d) => waveOf.get(d) as number));
          expect(own).toBe(latest + 1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("property: inside a wave, stories keep plan order", () => {
    fc.assert(
      fc.property(dagArb, (stories) => {
        const position = new Map(stories.map(([id], i) => [id, i]));
        for (const ids of computeWaves(planOf(stories))) {
          const positions = ids.map((id) => position.get(id) as number);
          expect(positions).toEqual([...positions].sort((a, b) => a - b));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("property: plans written in dependency order (the one-pass case) get waves as early as possible, in plan order", () => {
    const inOrder = dagArb.map((stories) => {
      const topo = (id: string): number => Number(id.slice(2));
      return [...stories].sort(([a], [b]) => topo(a) - topo(b));
    });
    fc.assert(
      fc.property(inOrder, (stories) => {
        const waves = computeWaves(planOf(stories));
        const waveOf = new Map<string, number>();
        waves.forEach((ids, w) => ids.forEach((id) => waveOf.set(id, w)));
        for (const [id, deps] of stories) expect(waveOf.get(id)).toBe(Math.max(-1, ...deps.map((d) => waveOf.get(d) as number)) + 1);
        expect(waves.flat().sort()).toEqual(stories.map(([id]) => id).sort());
        for (const ids of waves) expect(ids).toEqual(stories.map(([id]) => id).filter((id) => ids.includes(id)));
      }),
      { numRuns: 300 },
    );
  });

  it("ignores unknown ids and later duplicates of an id the same way in plan order and out of it", () => {
    // In order: the duplicate "a" has no dependencies of its own; "x" is unknown.
    expect(computeWaves(planOf([["a", []], ["b", ["a", "x"]], ["a", ["b"]], ["c", ["b"]]]))).toEqual([["a", "a"], ["b"], ["c"]]);
    // Out of order ("b" first), and with a self-dependency: the general way, same answers.
    expect(computeWaves(planOf([["b", ["a", "x"]], ["a", []], ["c", ["b", "c"]]]))).toEqual([["a"], ["b"], ["c"]]);
  });

  it("is fast: 10,000 stories and 30,000 edges well under 100 ms", () => {
    const n = 10_000;
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    // Dependencies point to earlier stories, and plan order is reversed, so plan order is the worst case.
    const stories: [string, string[]][] = [];
    for (let i = 0; i < n; i++) {
      const deps = i === 0 ? [] : [...new Set([0, 1, 2].map(() => `s-${Math.floor(random() * i)}`))];
      stories.push([`s-${i}`, deps]);
    }
    stories.reverse();
    const plan = planOf(stories);
    expect(plan.stories.reduce((sum, s) => sum + s.dependsOn.length, 0)).toBeGreaterThan(29_000);
    let best = Infinity;
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      computeWaves(plan);
      best = Math.min(best, performance.now() - start);
    }
    expect(best).toBeLessThan(100);
  });
});

describe("chunkWave", () => {
  it("splits a wave into matrices of at most 256 by default", () => {
    const ids = Array.from({ length: 600 }, (_, i) => `s-${i}`);
    expect(chunkWave(ids).map((c) => c.length)).toEqual([256, 256, 88]);
    expect(chunkWave(["a", "b", "c"], 2)).toEqual([["a", "b"], ["c"]]);
    expect(chunkWave([])).toEqual([]);
    expect(() => chunkWave(["a"], 0)).toThrow(RangeError);
  });

  it("property: chunks are non-empty, at most `size`, and concatenate to the wave", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 1200 }), fc.integer({ min: 1, max: 300 }), (ids, size) => {
        const chunks = chunkWave(ids, size);
        for (const c of chunks) {
          expect(c.length).toBeGreaterThan(0);
          expect(c.length).toBeLessThanOrEqual(size);
        }
        expect(chunks.flat()).toEqual(ids);
        expect(chunks.length).toBe(Math.ceil(ids.length / size));
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.constant("s"), { maxLength: 2000 }), (ids) => {
        for (const c of chunkWave(ids)) expect(c.length).toBeLessThanOrEqual(256);
      }),
    );
  });
});

describe("findCycles", () => {
  const node = (id: string, ...dependsOn: string[]) => ({ id, dependsOn });

  it("names each cycle once, from the story first in plan order, ignoring self-loops and unknown ids", () => {
    expect(findCycles([node("a", "b"), node("b", "c"), node("c", "a")])).toEqual([["a", "b", "c"]]);
    expect(findCycles([node("x", "y"), node("c", "a"), node("a", "c"), node("y", "x")])).toEqual([
      ["x", "y"],
      ["c", "a"],
    ]);
    expect(findCycles([node("a", "a", "zzz"), node("b", "a")])).toEqual([]);
  });

  it("reports overlapping cycles so that every story on one is named", () => {
    const cycles = findCycles([node("a", "b"), node("b", "a", "c"), node("c", "b")]);
    expect(cycles).toEqual([
      ["a", "b"],
      ["b", "c"],
    ]);
  });

  it("stops at the limit", () => {
    const pairs = Array.from({ length: 100 }, (_, i) => [node(`a${i}`, `b${i}`), node(`b${i}`, `a${i}`)]).flat();
    expect(findCycles(pairs, 7)).toHaveLength(7);
  });

  it("handles a 10,000-story ring without deep recursion", () => {
    const n = 10_000;
    const ring = Array.from({ length: n }, (_, i) => node(`s${i}`, `s${(i + 1) % n}`));
    const [cycle, ...rest] = findCycles(ring);
    expect(rest).toEqual([]);
    expect(cycle).toHaveLength(n);
    expect(cycle?.[0]).toBe("s0");
  });

  /** Reference: a graph has a cycle (self-loops excepted) iff Kahn's algorithm cannot order it. */
  function hasCycle(nodes: { id: string; dependsOn: string[] }[]): boolean {
    const deps = new Map(nodes.map((n) => [n.id, new Set(n.dependsOn.filter((d) => d !== n.id && nodes.some((m) => m.id === d)))]));
    let changed = true;
    while (changed) {
      changed = false;
      for (const [id, ds] of deps) {
        if (ds.size === 0) {
          deps.delete(id);
          for (const other of deps.values()) other.delete(id);
          changed = true;
        }
      }
    }
    return deps.size > 0;
  }

  it("property: reported cycles are real, distinct, and found exactly when there is a cycle", () => {
    const graphArb = fc.integer({ min: 1, max: 12 }).chain((n) =>
      fc.array(fc.array(fc.nat(n - 1), { maxLength: 3 }), { minLength: n, maxLength: n }).map((adj) => adj.map((ds, i) => ({ id: `n${i}`, dependsOn: ds.map((d) => `n${d}`) }))),
    );
    fc.assert(
      fc.property(graphArb, (nodes) => {
        const cycles = findCycles(nodes);
        const edges = new Set(nodes.flatMap((n) => n.dependsOn.map((d) => `${n.id}>${d}`)));
        const keys = new Set<string>();
        for (const c of cycles) {
          expect(c.length).toBeGreaterThanOrEqual(2);
          expect(new Set(c).size).toBe(c.length);
          c.forEach((id, i) => expect(edges.has(`${id}>${c[(i + 1) % c.length]}`)).toBe(true));
          keys.add(c.join(">"));
        }
        expect(keys.size).toBe(cycles.length);
        expect(cycles.length > 0).toBe(hasCycle(nodes));
      }),
      { numRuns: 500 },
    );
  });
});
