// Plan file text -> validated Plan with defaults applied, or every problem in it, each located as
// FILE:LINE:COL path: message (SPEC §1). Pure: reading files is the loader's job (adapters/plan-loader.ts).
import { DEFAULTS } from "./plan-model.js";
import type { AgentSpec, Plan, Story } from "./plan-model.js";
import { joinRepoPath, normalizeRepoPath } from "./plan-paths.js";
import { checkPlanRules } from "./plan-rules.js";
import { checkPlanSchema } from "./plan-schema-check.js";
import { parseDuration } from "./plan-schema.js";
import type { PlanFile } from "./plan-schema.js";
import { formatIssue, readPlanSource } from "./plan-source.js";
import type { PlanIssue } from "./plan-source.js";

export { planFileSchema, parseDuration, planJsonSchemaText } from "./plan-schema.js";
export type { PlanFile } from "./plan-schema.js";
export { formatIssue, formatPath, planFormat } from "./plan-source.js";
export type { PlanIssue } from "./plan-source.js";
export { checkStoryFiles, hasAcceptanceCheckbox } from "./plan-story-files.js";

export interface ParsePlanResult {
  plan?: Plan;
  errors: PlanIssue[];
}

/** Parses and validates a plan file's text; `fileName` picks YAML or JSON and names the file in errors. */
export function parsePlan(text: string, fileName: string): ParsePlanResult {
  try {
    const source = readPlanSource(text, fileName);
    if (source.issues.length > 0) return { errors: source.issues };
    const schema = checkPlanSchema(source);
    const errors = sortIssues([...schema.issues, ...checkPlanRules(source)]);
    if (errors.length > 0 || !schema.file) return { errors };
    return { plan: buildPlan(schema.file), errors: [] };
  } catch (e) {
    // The YAML library and zod are deep recursive walkers: absurd input (nesting thousands deep) can exhaust
    // the stack. That is still bad input, so it gets a located message like any other.
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

/** Applies the defaults of SPEC §1 to a plan file that passed every check. */
function buildPlan(file: PlanFile): Plan {
  const storiesDir = file.storiesDir === undefined ? DEFAULTS.storiesDir : normalizeRepoPath(file.storiesDir);
  const stories = file.stories.map(
    (s, index): Story => ({
      id: s.id,
      title: s.title.trim(),
      epic: s.epic ?? defaultEpic(s.id),
      file: s.file === undefined ? joinRepoPath(storiesDir, `${s.id}.md`) : normalizeRepoPath(s.file),
      testFile: normalizeRepoPath(s.testFile),
      tester: s.tester,
      implementer: s.implementer,
      dependsOn: [...(s.dependsOn ?? [])],
      index,
    }),
  );
  const agents = Object.fromEntries(
    Object.entries(file.agents).map(([name, a]): [string, AgentSpec] => [
      name,
      { name, run: a.run, timeoutMs: durationOr(a.timeout, DEFAULTS.agentTimeoutMs), env: { ...(a.env ?? {}) } },
    ]),
  );
  const plan: Plan = {
    name: file.name,
    maxParallel: file.maxParallel ?? DEFAULTS.maxParallel,
    storiesDir,
    test: {
      command: file.test.command,
      ...(file.test.junit === undefined ? {} : { junit: normalizeRepoPath(file.test.junit) }),
      timeoutMs: durationOr(file.test.timeout, DEFAULTS.testTimeoutMs),
    },
    prompts: {
      ...(file.prompts?.tester === undefined ? {} : { tester: normalizeRepoPath(file.prompts.tester) }),
      ...(file.prompts?.implementation === undefined ? {} : { implementation: normalizeRepoPath(file.prompts.implementation) }),
    },
    tdd: { requireRed: file.tdd?.requireRed ?? DEFAULTS.requireRed, lockTests: file.tdd?.lockTests ?? DEFAULTS.lockTests },
    agents,
    stories,
  };
  if (file.waves) plan.waves = file.waves.map((w) => [...w]);
  return plan;
}

/** `msm-auth-001` -> `msm-auth`; an id without "-" is its own epic. */
export function defaultEpic(id: string): string {
  const cut = id.lastIndexOf("-");
  return cut > 0 ? id.slice(0, cut) : id;
}

function durationOr(text: string | undefined, fallback: number): number {
  return text === undefined ? fallback : (parseDuration(text) ?? fallback);
}
