// Plan file text -> validated Plan with defaults applied, or every problem in it, each located as
// FILE:LINE:COL path: message (SPEC §1): one reader per format (source.ts), one schema (schema.ts), then the plan
// rules once (rules.ts). Pure: reading files is the loader's job (adapters/plan-loader.ts).
import { buildPlan } from "./build.js";
import type { Plan } from "./model.js";
import { checkPlanRules } from "./rules.js";
import { checkPlanSchema } from "./schema-check.js";
import { formatIssue, readPlanSource } from "./source.js";
import type { PlanIssue, PlanSource } from "./source.js";

export { planFileSchema, parseDuration, planJsonSchemaText } from "./schema.js";
export type { PlanFile } from "./schema.js";
export { formatIssue, formatPath, planFormat } from "./source.js";
export type { PlanIssue } from "./source.js";
export { checkStoryFiles, hasAcceptanceCheckbox, locateStoryFileProblems } from "./story-files.js";
export { defaultEpic } from "./build.js";

export interface ParsePlanResult {
  plan?: Plan;
  errors: PlanIssue[];
  /** The file read, for locating later problems (story files, links on disk); absent when it could not be read. */
  source?: PlanSource;
}

/** Parses and validates a plan file's text; `fileName` picks YAML or JSON and names the file in errors. */
export function parsePlan(text: string, fileName: string): ParsePlanResult {
  try {
    const source = readPlanSource(text, fileName);
    if (source.issues.length > 0) return { errors: source.issues, source };
    const schema = checkPlanSchema(source);
    const errors = sortIssues([...schema.issues, ...checkPlanRules(source)]);
    if (errors.length > 0 || !schema.file) return { errors, source };
    return { plan: buildPlan(schema.file), errors: [], source };
  } catch (e) {
    // The readers and zod are deep recursive walkers: absurd input (nesting thousands deep) can exhaust the
    // stack. That is still bad input, so it gets a located message like any other.
    const reason = e instanceof RangeError ? "it is nested too deeply" : e instanceof Error ? e.message : String(e);
    return { errors: [{ file: fileName, line: 1, col: 1, path: "", message: `cannot read the plan: ${reason}` }] };
  }
}

/** Messages in file order, each once. */
function sortIssues(issues: PlanIssue[]): PlanIssue[] {
  const seen = new Set<string>();
  return issues
    .map((issue, order) => ({ issue, order }))
    .sort((a, b) => a.issue.line - b.issue.line || a.issue.col - b.issue.col || a.order - b.order)
    .map(({ issue }) => issue)
    .filter((issue) => {
      const key = formatIssue(issue);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
