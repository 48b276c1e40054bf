// The stories of a plan in the common case, checked, resolved and put in waves in one pass: each fits the
// schema, ids are unique, agents are known, the test file is a plain path, there is no `file` key, and every
// dependency is a distinct story written earlier in the plan (so there is no cycle, and a story's wave is 1 + the
// highest wave of its dependencies, known by the time it is read). That is exactly what the schema, the plan
// rules and computeWaves would conclude for such stories; anything else returns undefined and takes that
// general route (plan-fast.ts). Thousands of stories so cost one loop instead of five.
import { buildStory } from "./build.js";
import type { Story } from "./model.js";
import { repoPathProblem } from "./paths.js";
import { fitsStory } from "./shape.js";

export interface StoriesInOrder {
  stories: Story[];
  waves: string[][];
}

/** The common case of `list` (a plan's `stories`), or undefined when it is not that case. */
export function storiesInPlanOrder(list: readonly unknown[], agents: ReadonlySet<string>, storiesDir: string): StoriesInOrder | undefined {
  const index = new Map<string, number>();
  const waveOf = new Int32Array(list.length);
  const stories: Story[] = [];
  const waves: string[][] = [];
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    if (!fitsStory(s) || s.file !== undefined || index.has(s.id)) return undefined;
    if (!agents.has(s.tester) || !agents.has(s.implementer) || repoPathProblem(s.testFile) !== undefined) return undefined;
    const deps = s.dependsOn ?? [];
    let wave = 1;
    for (let k = 0; k < deps.length; k++) {
      const d = deps[k] as string;
      const j = index.get(d);
      // Unknown, later, itself, or listed twice: the rules have something to say.
      if (j === undefined || deps.indexOf(d) < k) return undefined;
      if ((waveOf[j] as number) >= wave) wave = (waveOf[j] as number) + 1;
    }
    index.set(s.id, i);
    waveOf[i] = wave;
    stories.push(buildStory(s, i, storiesDir));
    (waves[wave - 1] ??= []).push(s.id);
  }
  return { stories, waves };
}
