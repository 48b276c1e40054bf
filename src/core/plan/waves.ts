// Waves of a plan (SPEC §1): a story's wave is 1 + the highest wave of its dependencies, plan order inside a
// wave; plus the dependency-cycle search the plan checks use. Linear in stories + edges: plans may be large.
import { DEFAULTS } from "./model.js";
import type { Plan, Story } from "./model.js";

export interface DependencyNode {
  id: string;
  dependsOn: readonly string[];
}

/** The plan's waves: `plan.waves` when given, else computed from the dependencies. Throws on a cycle. */
export function computeWaves(plan: Plan): string[][] {
  if (plan.waves) return plan.waves.map((w) => [...w]);
  const wave = wavesInPlanOrder(plan.stories) ?? wavesInDependencyOrder(plan.stories);
  const waves: string[][] = [];
  for (let i = 0; i < plan.stories.length; i++) {
    const w = (wave[i] as number) - 1;
    (waves[w] ??= []).push((plan.stories[i] as Story).id);
  }
  return waves;
}

/**
 * Each story's wave (1-based) in one pass, when every dependency comes earlier in the plan than its dependent
 * (as plans are usually written; it also rules out cycles). Undefined as soon as one does not.
 */
function wavesInPlanOrder(nodes: readonly DependencyNode[]): Int32Array | undefined {
  const index = firstIndexes(nodes);
  const wave = new Int32Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as DependencyNode;
    let w = 1;
    // Of repeated ids only the first counts: the others have no edges (as in indexGraph).
    if (index.get(node.id) === i) {
      for (const d of node.dependsOn) {
        const j = index.get(d);
        if (j === undefined) continue;
        if (j >= i) return undefined;
        if ((wave[j] as number) >= w) w = (wave[j] as number) + 1;
      }
    }
    wave[i] = w;
  }
  return wave;
}

/** Each story's wave (1-based), in topological order. Throws on a cycle. */
function wavesInDependencyOrder(nodes: readonly DependencyNode[]): Int32Array {
  const { adjacency } = indexGraph(nodes);
  const order = topologicalOrder(adjacency);
  if (order.length < nodes.length) throw new Error("computeWaves: the plan has a dependency cycle");
  const wave = new Int32Array(nodes.length);
  for (const v of order) {
    let w = 1;
    for (const d of adjacency[v] as number[]) if ((wave[d] as number) >= w) w = (wave[d] as number) + 1;
    wave[v] = w;
  }
  return wave;
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
  // Dependencies that all come earlier, or else a complete topological order, prove there is no cycle: the
  // common case, and much cheaper than Tarjan.
  if (wavesInPlanOrder(nodes)) return [];
  const { adjacency } = indexGraph(nodes);
  if (topologicalOrder(adjacency).length === nodes.length) return [];
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

/** Per node, the indexes of its known dependencies (first occurrence of an id, deduplicated, no self-loops). */
function indexGraph(nodes: readonly DependencyNode[]): { adjacency: number[][] } {
  const index = firstIndexes(nodes);
  const adjacency: number[][] = new Array<number[]>(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as DependencyNode;
    adjacency[i] = index.get(node.id) === i ? dependencyIndexes(node.dependsOn, index, i) : [];
  }
  return { adjacency };
}

/** Each id's first index. */
function firstIndexes(nodes: readonly DependencyNode[]): Map<string, number> {
  const index = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) {
    const id = (nodes[i] as DependencyNode).id;
    if (!index.has(id)) index.set(id, i);
  }
  return index;
}

/** Small lists are deduplicated by scanning: a Set per story costs more than it saves. */
const SCAN_LIMIT = 16;

function dependencyIndexes(dependsOn: readonly string[], index: Map<string, number>, self: number): number[] {
  const deps: number[] = [];
  const seen = dependsOn.length > SCAN_LIMIT ? new Set<number>() : undefined;
  for (const d of dependsOn) {
    const j = index.get(d);
    if (j === undefined || j === self || (seen ? seen.has(j) : deps.includes(j))) continue;
    seen?.add(j);
    deps.push(j);
  }
  return deps;
}

/** Kahn's algorithm on "depends on" edges: dependencies come before their dependents. */
function topologicalOrder(adjacency: number[][]): number[] {
  const n = adjacency.length;
  const remaining = new Int32Array(n);
  // Dependents as one flat array (CSR): per node, its slice of `dependents` starts at `first[node]`.
  const first = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) {
    const deps = adjacency[v] as number[];
    remaining[v] = deps.length;
    for (const d of deps) first[d + 1] = (first[d + 1] as number) + 1;
  }
  for (let v = 0; v < n; v++) first[v + 1] = (first[v + 1] as number) + (first[v] as number);
  const fill = first.slice(0, n);
  const dependents = new Int32Array(first[n] as number);
  for (let v = 0; v < n; v++) {
    for (const d of adjacency[v] as number[]) {
      const at = fill[d] as number;
      dependents[at] = v;
      fill[d] = at + 1;
    }
  }
  const order: number[] = [];
  for (let v = 0; v < n; v++) if (remaining[v] === 0) order.push(v);
  for (let head = 0; head < order.length; head++) {
    const v = order[head] as number;
    for (let k = first[v] as number, end = first[v + 1] as number; k < end; k++) {
      const u = dependents[k] as number;
      const left = (remaining[u] as number) - 1;
      remaining[u] = left;
      if (left === 0) order.push(u);
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
