// Where a story's JUnit report lands (the plan's `test.junit` with `{storyId}` filled in), if anywhere.
import type { Plan } from "../core/plan/model.js";

export const junitPath = (plan: Plan, storyId: string): string | undefined => plan.test.junit?.split("{storyId}").join(storyId);
