// The plan file's shape (SPEC §1) as one zod schema: the single source for validation, for the messages a
// user sees about types and formats, and for plan.schema.json (editors' completion and checking). Valid plans
// normally skip it: plan-shape.ts accepts exactly the plans this schema accepts, without loading zod.
import { z } from "zod";

import { PRESET_NAMES } from "../agents/presets.js";
import { AGENT_NAME_RE, DURATION_RE, ENV_NAME_RE, NON_BLANK_RE, PLAN_NAME_RE, STORY_ID_RE, TEST_FILE_PLACEHOLDER_RE, TITLE_RE } from "./patterns.js";

export { AGENT_NAME_RE, DURATION_RE, ENV_NAME_RE, PLAN_NAME_RE, STORY_ID_RE, parseDuration } from "./patterns.js";

const quoteShort = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}…"` : s;
};

const present = (input: unknown): boolean => input !== undefined;

const DURATION_HINT = 'a number with h, m or s, like "10m", "90s" or "1h30m"';
const duration = () =>
  z
    .string({ error: (iss) => (present(iss.input) ? `must be a duration: ${DURATION_HINT} (got ${quoteShort(iss.input)})` : undefined) })
    .regex(DURATION_RE, { error: (iss) => `${quoteShort(iss.input)} is not a duration: write ${DURATION_HINT}` });

const usdAmount = () =>
  z
    .number({ error: (iss) => (present(iss.input) ? `must be an amount of US dollars, like 20 or 2.5 (got ${quoteShort(iss.input)})` : undefined) })
    .positive({ error: (iss) => `must be more than 0 (got ${quoteShort(iss.input)})` });

const repoPath = (what: string) =>
  z.string().min(1, { error: "must not be empty" }).meta({ description: `${what}, relative to the repository root (no "..", not absolute)` });

const agentSchema = z
  .strictObject({
    run: z
      .string()
      .regex(NON_BLANK_RE, { error: "must not be empty: the shell command that runs the agent" })
      .optional()
      .meta({ description: "Shell command, run in the story's working copy (or give a preset)" }),
    preset: z
      .enum(PRESET_NAMES, { error: (iss) => `${quoteShort(iss.input)} is not a preset: one of ${PRESET_NAMES.join(", ")}` })
      .optional()
      .meta({ description: "A coding-agent CLI run unattended on the prompt file, instead of run (`tdd-waves agents` lists them)" }),
    model: z.string().min(1, { error: "must not be empty" }).optional().meta({ description: "Model the preset's CLI uses" }),
    args: z.array(z.string()).optional().meta({ description: "Extra arguments for the preset's CLI" }),
    timeout: duration().optional().meta({ description: "Agent time limit, default 30m" }),
    env: z
      .record(
        z.string().regex(ENV_NAME_RE, {
          error: (iss) => `${quoteShort(iss.input)} is not an environment variable name (letters, digits and "_", not starting with a digit)`,
        }),
        z.string({
          error: (iss) =>
            typeof iss.input === "number" || typeof iss.input === "boolean"
              ? `environment values are strings: put it in quotes ("${String(iss.input)}")`
              : undefined,
        }),
      )
      .optional()
      .meta({ description: "Extra environment variables for the agent" }),
  })
  .meta({ description: "How to run an agent" });

const storySchema = z.strictObject({
  id: z
    .string()
    .regex(STORY_ID_RE, {
      error: (iss) => `${quoteShort(iss.input)} is not a story id: lowercase letters, digits and "-", starting with a letter or digit, at most 64 characters`,
    })
    .meta({ description: "Unique story id" }),
  title: z
    .string()
    .regex(TITLE_RE, {
      error: (iss) => (typeof iss.input === "string" && /\S/.test(iss.input) ? "must be a single line" : "must not be empty"),
    })
    .meta({ description: "One-line title" }),
  epic: z
    .string()
    .regex(STORY_ID_RE, { error: (iss) => `${quoteShort(iss.input)} is not an epic name: lowercase letters, digits and "-"` })
    .optional()
    .meta({ description: 'Epic; default: the id without its last "-segment"' }),
  file: repoPath("Story file; default <storiesDir>/<id>.md").optional(),
  testFile: repoPath("The story's test file"),
  tester: z.string().min(1, { error: "must not be empty" }).meta({ description: "Agent that writes the tests (a key of agents)" }),
  implementer: z.string().min(1, { error: "must not be empty" }).meta({ description: "Agent that makes the tests pass (a key of agents)" }),
  dependsOn: z.array(z.string()).optional().meta({ description: "Ids of stories that must complete first" }),
});

export const planFileSchema = z
  .strictObject(
    {
      name: z
        .string()
        .regex(PLAN_NAME_RE, {
          error: (iss) =>
            `${quoteShort(iss.input)} is not a plan name: lowercase letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters`,
        })
        .meta({ description: "Names the execution" }),
      maxParallel: z
        .number({ error: (iss) => (present(iss.input) ? `must be a whole number from 1 to 10 (got ${quoteShort(iss.input)})` : undefined) })
        .int({ error: (iss) => `must be a whole number from 1 to 10 (got ${quoteShort(iss.input)})` })
        .min(1, { error: (iss) => `must be from 1 to 10 (got ${quoteShort(iss.input)})` })
        .max(10, { error: (iss) => `must be from 1 to 10 (got ${quoteShort(iss.input)})` })
        .optional()
        .meta({ description: "Stories run at once, 1..10, default 10" }),
      storiesDir: repoPath('Directory of the story files, default "stories"').optional(),
      test: z
        .strictObject({
          command: z
            .string()
            .regex(TEST_FILE_PLACEHOLDER_RE, { error: "must contain {testFile}, which is replaced by the story's test file" })
            .meta({ description: "Test command; {testFile} is replaced by the shell-quoted test file path" }),
          junit: z.string().min(1, { error: "must not be empty" }).optional().meta({ description: "JUnit XML report the command writes ({storyId} replaced)" }),
          timeout: duration().optional().meta({ description: "Test command time limit, default 10m" }),
        })
        .meta({ description: "How to run a story's tests" }),
      prompts: z
        .strictObject({
          tester: repoPath("Tester prompt template").optional(),
          implementation: repoPath("Implementation prompt template").optional(),
        })
        .optional()
        .meta({ description: "Own prompt templates" }),
      tdd: z
        .strictObject({
          requireRed: z.boolean().optional().meta({ description: "Tests must fail before implementation, default true" }),
          lockTests: z.boolean().optional().meta({ description: "Implementation may not change the test file, default true" }),
        })
        .optional(),
      agents: z
        .record(
          z.string().regex(AGENT_NAME_RE, {
            error: (iss) => `${quoteShort(iss.input)} is not an agent name: letters, digits, ".", "_" and "-", at most 64 characters`,
          }),
          agentSchema,
        )
        .meta({ description: "Agents by name" }),
      budget: z
        .strictObject({
          costUsd: usdAmount().optional().meta({ description: "The execution's budget: once its recorded cost reaches it, no new agent phase starts" }),
          perStoryCostUsd: usdAmount().optional().meta({ description: "One story's budget over all its attempts: reaching it fails the story" }),
        })
        .optional()
        .meta({ description: "Cost limits in US dollars, from what the agents report" }),
      stories: z.array(storySchema).min(1, { error: "a plan needs at least one story" }).meta({ description: "The stories, in plan order" }),
      waves: z
        .array(z.array(z.string()).min(1, { error: "a wave lists at least one story" }))
        .min(1, { error: "must list at least one wave (or leave waves out)" })
        .optional()
        .meta({ description: "Explicit batching: every story exactly once, dependencies in earlier waves" }),
    },
    {
      error: (iss) => {
        if (iss.code !== "invalid_type" || iss.path?.length) return undefined;
        return iss.input === null || iss.input === undefined
          ? "the plan is empty: it needs name, test, agents and stories"
          : `the plan must be a mapping of keys (name, test, agents, stories, …), got ${describeValue(iss.input)}`;
      },
    },
  )
  .meta({ title: "tdd-waves plan", description: "An execution plan of stories run test-first in dependency waves" });

export type PlanFile = z.infer<typeof planFileSchema>;

/** plan.schema.json's text: the JSON Schema of planFileSchema (draft 2020-12), as committed at the repository root. */
export function planJsonSchemaText(): string {
  return `${JSON.stringify(z.toJSONSchema(planFileSchema), null, 2)}\n`;
}

/** Keys a strict object accepts at `path` (for "did you mean"), or [] when there is no object there. */
export function knownKeysAt(path: readonly (string | number)[]): string[] {
  let schema: z.ZodType | undefined = planFileSchema;
  for (const seg of path) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodObject) schema = (schema.shape as Record<string, z.ZodType>)[String(seg)];
    else if (schema instanceof z.ZodArray) schema = schema.element as z.ZodType;
    else if (schema instanceof z.ZodRecord) schema = schema.valueType as z.ZodType;
    else return [];
  }
  schema = unwrap(schema);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  return schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
}

/** "a list", "a mapping", "the number 3", `"text"` — how a value reads in a message. */
export function describeValue(v: unknown): string {
  if (v === null) return "nothing";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "number") return `the number ${v}`;
  if (typeof v === "boolean") return `${v}`;
  if (typeof v === "string") return quoteShort(v);
  return typeof v;
}
