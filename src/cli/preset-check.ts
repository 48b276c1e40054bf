// Agents whose preset CLI is not on PATH: `plan` warns about them, `run` refuses to start (issue 13).
import { PRESETS } from "../core/agents/presets.js";
import type { Plan } from "../core/plan/model.js";
import { findExecutable } from "../adapters/executables.js";

/** One message per agent the plan's stories use whose preset's executable is not on `pathEnv`. */
export function missingPresetCLIs(plan: Plan, pathEnv: string | undefined): string[] {
  const used = new Set(plan.stories.flatMap((s) => [s.tester, s.implementer]));
  const found = new Map<string, boolean>();
  const messages: string[] = [];
  for (const agent of Object.values(plan.agents)) {
    if (!agent.preset || !used.has(agent.name)) continue;
    const { executable, title } = PRESETS[agent.preset];
    if (!found.has(executable)) found.set(executable, findExecutable(executable, pathEnv) !== undefined);
    if (!found.get(executable)) messages.push(`agent "${agent.name}" uses preset ${agent.preset}, but \`${executable}\` (${title}) is not on PATH`);
  }
  return messages;
}
