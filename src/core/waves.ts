// Waves of a plan (SPEC §1): a story's wave is 1 + the highest wave of its dependencies, plan order inside a
// wave; plus the dependency-cycle search the plan checks use. Linear in stories + edges: plans may be large.
import { DEFAULTS } from "./plan-model.js";
import type { Plan } from "./plan-model.js";

export interface DependencyNode {
  id: string;
  dependsOn: readonly string[];
}

/** The plan's waves: `plan.waves` when given, else computed from the dependencies. Throws on a cycle. */
export function computeWaves(plan: Plan): string[][] {
  if (plan.waves) return plan.waves.map((w) => [...w]);
  const { adjacency } = indexGraph(plan.stories);
  const order = topologicalOrder(adjacency);
  if (order.length < plan.stories.length) throw new Error("computeWaves: the plan has a dependency cycle");
  const wave = new Int32Array(plan.stories.length);
  for (const v of order) {
    let w = 1;
    for (const d of adjacency[v] ?? []) w = Math.max(w, (wave[d] ?? 0) + 1);
    wave[v] = w;
  }
  const waves: string[][] = [];
  plan.stories.forEach((s, i) => {
    const w = (wave[i] ?? 1) - 1;
    (waves[w] ??= []).push(s.id);
  });
  return waves;
}

/** A wave as consecutive chunks of at most `size` stories (a GitHub job matrix holds 256 jobs). */
export function chunkWave(ids: readonly string[], size: number = DEFAULTS.matrixLimit): string[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunkWave: size must be a positive integer, got ${size}`);
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += size) chunks.push(ids.slice(i, i + size));
  return chunks;
}

/**
 * Dependency cycles, each once, as the ids along it (`[a, b, c]` reads "a depends on b depends on c depends
 * on a"), starting at the story that comes first in plan order. Self-dependencies and unknown ids are left
 * to other checks; of repeated ids only the first counts. At most `limit` cycles: every story on a cycle is
 * on at least one reported cycle until the limit is hit.
 */
export function findCycles(nodes: readonly DependencyNode[], limit = 50): string[][] {
  const { adjacency } = indexGraph(nodes);
  const cycles: number[][] = [];
  for (const component of stronglyConnected(adjacency)) {
    if (component.length < 2) continue;
    const members = new Set(component);
    const covered = new Set<number>();
    for (const start of [...component].sort((a, b) => a - b)) {
      if (cycles.length >= limit) break;
      if (covered.has(start)) continue;
      const cycle = shortestCycleThrough(start, adjacency, members);
      cycle.forEach((v) => covered.add(v));
      cycles.push(rotateToSmallest(cycle));
    }
  }
  cycles.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
  return cycles.map((c) => c.map((v) => nodes[v]?.id ?? ""));
}

/** Node indexes and, per node, the indexes of its known dependencies (deduplicated, no self-loops). */
function indexGraph(nodes: readonly DependencyNode[]): { adjacency: number[][] } {
  const index = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (!index.has(n.id)) index.set(n.id, i);
  });
  const adjacency = nodes.map((n, i) => {
    if (index.get(n.id) !== i) return [];
    const deps = new Set<number>();
    for (const d of n.dependsOn) {
      const j = index.get(d);
      if (j !== undefined && j !== i) deps.add(j);
    }
    return [...deps];
  });
  return { adjacency };
}

/** Kahn's algorithm on "depends on" edges: dependencies come before their dependents. */
function topologicalOrder(adjacency: number[][]): number[] {
  const n = adjacency.length;
  const remaining = new Int32Array(n);
  const dependents: number[][] = Array.from({ length: n }, () => []);
  adjacency.forEach((deps, v) => {
    remaining[v] = deps.length;
    for (const d of deps) dependents[d]?.push(v);
  });
  const order: number[] = [];
  for (let v = 0; v < n; v++) if (remaining[v] === 0) order.push(v);
  for (let head = 0; head < order.length; head++) {
    for (const u of dependents[order[head] ?? 0] ?? []) {
      remaining[u] = (remaining[u] ?? 0) - 1;
      if (remaining[u] === 0) order.push(u);
    }
  }
  return order;
}

/** Tarjan's strongly connected components, iterative so long chains cannot overflow the call stack. */
function stronglyConnected(adjacency: number[][]): number[][] {
  const n = adjacency.length;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  const enter = (v: number, frames: [number, number][]): void => {
    order[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
    frames.push([v, 0]);
  };
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    const frames: [number, number][] = [];
    enter(root, frames);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as [number, number];
      const v = frame[0];
      const edges = adjacency[v] ?? [];
      if (frame[1] < edges.length) {
        const w = edges[frame[1]++] as number;
        if (order[w] === -1) enter(w, frames);
        else if (onStack[w]) low[v] = Math.min(low[v] ?? 0, order[w] ?? 0);
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]] ?? 0, low[v] ?? 0);
      if (low[v] === order[v]) components.push(popComponent(v, stack, onStack));
    }
  }
  return components;
}

function popComponent(v: number, stack: number[], onStack: Uint8Array): number[] {
  const component: number[] = [];
  for (;;) {
    const w = stack.pop() as number;
    onStack[w] = 0;
    component.push(w);
    if (w === v) return component;
  }
}

/** Breadth-first search from `start` back to itself inside one component: the shortest cycle through it. */
function shortestCycleThrough(start: number, adjacency: number[][], members: Set<number>): number[] {
  const parent = new Map<number, number>([[start, -1]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head] as number;
    for (const w of adjacency[v] ?? []) {
      if (w === start) return pathTo(v, parent);
      if (!members.has(w) || parent.has(w)) continue;
      parent.set(w, v);
      queue.push(w);
    }
  }
  return [start];
}

function pathTo(end: number, parent: Map<number, number>): number[] {
  const path: number[] = [];
  for (let v = end; v !== -1; v = parent.get(v) ?? -1) path.push(v);
  return path.reverse();
}

function rotateToSmallest(cycle: number[]): number[] {
  let at = 0;
  cycle.forEach((v, i) => {
    if (v < (cycle[at] ?? Infinity)) at = i;
  });
  return [...cycle.slice(at), ...cycle.slice(0, at)];
}
