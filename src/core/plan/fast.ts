// The fast path for a valid plan: the cheapest exact parser (plan-data.ts), the zod-free schema check
// (plan-shape.ts) and the plan rules (plan-rules.ts) — for the stories, in the common case, all in one pass
// (plan-fast-stories.ts). It neither locates nor words problems — it only says "valid, here is the plan" or
// "not sure": then plan.ts reads the file with the full YAML library and zod and reports every problem,
// located. None of this module's imports load yaml or zod, so a valid plan, however large, costs
// milliseconds and a small CLI start-up.
import { buildPlan, storiesDirOf } from "./build.js";
import { readPlanData } from "./data.js";
import { storiesInPlanOrder } from "./fast-stories.js";
import type { KeyPath, PlanIssue } from "./issue.js";
import type { Plan } from "./model.js";
import { checkPlanRules } from "./rules.js";
import type { RuleSource } from "./rules.js";
import type { PlanFile } from "./schema.js";
import { fitsPlanRoot, fitsPlanSchema } from "./shape.js";
import { computeWaves } from "./waves.js";

export interface FastPlan {
  plan: Plan;
  /** computeWaves(plan), which the fast path computes anyway. */
  waves: string[][];
}

/** The plan when the text is certainly a valid plan file; undefined when it is not, or when only the full reader can tell. */
export function parsePlanFast(text: string, fileName: string): FastPlan | undefined {
  try {
    const read = readPlanData(text, fileName);
    if (!read) return undefined;
    const common = commonCase(read.data);
    if (common) return common;
    if (!fitsPlanSchema(read.data)) return undefined;
    // Without explicit waves, computing them proves there is no cycle (computeWaves throws on one), so the
    // rules need not search for cycles as well.
    const explicitWaves = read.data.waves !== undefined;
    if (checkPlanRules(unlocatedSource(read.data), { cycles: explicitWaves }).length > 0) return undefined;
    const plan = buildPlan(read.data);
    return { plan, waves: computeWaves(plan) };
  } catch {
    // Whatever went wrong (absurd nesting, say), the full reader will say it properly.
    return undefined;
  }
}

/** A plan whose stories are the common case of plan-fast-stories.ts, and whose other parts pass every check. */
function commonCase(data: unknown): FastPlan | undefined {
  if (!fitsPlanRoot(data) || data.waves !== undefined) return undefined;
  // The rules about everything but the stories (paths, durations): the stories are checked below.
  if (checkPlanRules(unlocatedSource({ ...data, stories: [] })).length > 0) return undefined;
  const file = data as PlanFile;
  const stories = storiesInPlanOrder(file.stories, new Set(Object.keys(file.agents)), storiesDirOf(file));
  return stories && { plan: buildPlan(file, stories.stories), waves: stories.waves };
}

/** The rules' view of the data without positions: the issues they raise only need counting here. */
function unlocatedSource(data: unknown): RuleSource {
  const nowhere = { line: 1, col: 1 };
  return {
    data,
    locate: () => nowhere,
    issue: (_path: KeyPath, message: string): PlanIssue => ({ file: "", ...nowhere, path: "", message }),
  };
}
