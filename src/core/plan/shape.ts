// A zod-free check that parsed plan data fits the plan schema (plan-schema.ts) exactly: when it says yes, the
// schema accepts the data and returns it unchanged, so a valid plan needs neither zod nor its start-up cost.
// When it says no, the schema runs and words every problem. It only ever errs towards "no".
import {
  AGENT_NAME_RE,
  DURATION_RE,
  ENV_NAME_RE,
  NON_BLANK_RE,
  PLAN_NAME_RE,
  STORY_ID_RE,
  TEST_FILE_PLACEHOLDER_RE,
  TITLE_RE,
} from "./patterns.js";
import type { PlanFile } from "./schema.js";

type Fields = Record<string, unknown>;

const ROOT_KEYS = new Set(["name", "maxParallel", "storiesDir", "test", "prompts", "tdd", "agents", "stories", "waves"]);
const TEST_KEYS = new Set(["command", "junit", "timeout"]);
const PROMPT_KEYS = new Set(["tester", "implementation"]);
const TDD_KEYS = new Set(["requireRed", "lockTests"]);
const AGENT_KEYS = new Set(["run", "timeout", "env"]);
const STORY_KEYS = new Set(["id", "title", "epic", "file", "testFile", "tester", "implementer", "dependsOn"]);

/** True when `data` is a plan file the schema accepts as it is. */
export function fitsPlanSchema(data: unknown): data is PlanFile {
  return fitsPlanRoot(data) && (data.stories as unknown[]).every(fitsStory);
}

/** fitsPlanSchema except for the stories themselves (`stories` must still be a non-empty list). */
export function fitsPlanRoot(data: unknown): data is Fields {
  if (!fields(data, ROOT_KEYS)) return false;
  return (
    matches(data.name, PLAN_NAME_RE) &&
    (data.maxParallel === undefined || (Number.isInteger(data.maxParallel) && (data.maxParallel as number) >= 1 && (data.maxParallel as number) <= 10)) &&
    optional(data.storiesDir, nonEmpty) &&
    fitsTest(data.test) &&
    optional(data.prompts, (p: unknown) => fields(p, PROMPT_KEYS) && optional(p.tester, nonEmpty) && optional(p.implementation, nonEmpty)) &&
    optional(data.tdd, (t: unknown) => fields(t, TDD_KEYS) && optional(t.requireRed, isBoolean) && optional(t.lockTests, isBoolean)) &&
    fitsAgents(data.agents) &&
    Array.isArray(data.stories) &&
    data.stories.length > 0 &&
    optional(data.waves, fitsWaves)
  );
}

/** A plain mapping whose keys are all in `known`. */
function fields(v: unknown, known: Set<string>): v is Fields {
  if (typeof v !== "object" || v === null || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return false;
  for (const key in v) if (!known.has(key)) return false;
  return true;
}

const optional = (v: unknown, check: (v: unknown) => boolean): boolean => v === undefined || check(v);
const matches = (v: unknown, re: RegExp): boolean => typeof v === "string" && re.test(v);
const nonEmpty = (v: unknown): boolean => typeof v === "string" && v.length > 0;
const isBoolean = (v: unknown): boolean => typeof v === "boolean";
const isDuration = (v: unknown): boolean => matches(v, DURATION_RE);

function fitsTest(v: unknown): boolean {
  return fields(v, TEST_KEYS) && matches(v.command, TEST_FILE_PLACEHOLDER_RE) && optional(v.junit, nonEmpty) && optional(v.timeout, isDuration);
}

function fitsAgents(v: unknown): boolean {
  if (typeof v !== "object" || v === null || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return false;
  for (const name in v) {
    const agent = (v as Fields)[name];
    if (!AGENT_NAME_RE.test(name) || !fields(agent, AGENT_KEYS)) return false;
    if (!matches(agent.run, NON_BLANK_RE) || !optional(agent.timeout, isDuration) || !optional(agent.env, fitsEnv)) return false;
  }
  return true;
}

function fitsEnv(v: unknown): boolean {
  if (typeof v !== "object" || v === null || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return false;
  for (const name in v) if (!ENV_NAME_RE.test(name) || typeof (v as Fields)[name] !== "string") return false;
  return true;
}

/** True when one entry of `stories` fits the schema's story. */
export function fitsStory(s: unknown): s is PlanFile["stories"][number] {
  return (
    fields(s, STORY_KEYS) &&
    matches(s.id, STORY_ID_RE) &&
    matches(s.title, TITLE_RE) &&
    (s.epic === undefined || matches(s.epic, STORY_ID_RE)) &&
    optional(s.file, nonEmpty) &&
    nonEmpty(s.testFile) &&
    nonEmpty(s.tester) &&
    nonEmpty(s.implementer) &&
    (s.dependsOn === undefined || isStringList(s.dependsOn, 0))
  );
}

function fitsWaves(v: unknown): boolean {
  if (!Array.isArray(v) || v.length === 0) return false;
  for (const wave of v as unknown[]) if (!isStringList(wave, 1)) return false;
  return true;
}

function isStringList(v: unknown, minLength: number): boolean {
  if (!Array.isArray(v) || v.length < minLength) return false;
  for (const item of v as unknown[]) if (typeof item !== "string") return false;
  return true;
}
