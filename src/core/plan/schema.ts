// The plan file's shape (SPEC §1) as one zod schema: the single check of types and formats, the source of the
// messages a user sees about them, and of plan.schema.json (editors' completion and checking). zod/mini: the
// same checks as classic zod, a lighter start-up for the CLI.
import * as z from "zod/mini";

import { PRESET_NAMES } from "../agents/presets.js";
import { codePoint, oneLineProblem } from "./patterns.js";
import { AGENT_NAME_RE, DURATION_RE, ENV_NAME_RE, NO_NUL_RE, NON_BLANK_RE, ONE_LINE_RE, PLAN_NAME_RE, STORY_ID_RE, TEST_FILE_PLACEHOLDER_RE } from "./patterns.js";
import { refNameProblem } from "./ref-name.js";

export { AGENT_NAME_RE, DURATION_RE, ENV_NAME_RE, PLAN_NAME_RE, STORY_ID_RE, parseDuration } from "./patterns.js";

const quoteShort = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}…"` : s;
};

const present = (input: unknown): boolean => input !== undefined;
const text = (input: unknown): string => (typeof input === "string" ? input : "");
const described = <T extends z.core.$ZodType>(schema: T, description: string): T => {
  z.globalRegistry.add(schema, { description });
  return schema;
};

/** Any string that can reach a process (commands, environment values): a NUL never can. */
const noNul = () =>
  z.regex(NO_NUL_RE, { error: (iss) => `must not contain a NUL character (${codePoint("\0")} at character ${text(iss.input).indexOf("\0") + 1})` });

/** One line of text (titles, paths, durations): no line breaks, no control characters, not blank. */
const oneLine = () => z.regex(ONE_LINE_RE, { error: (iss) => oneLineProblem(text(iss.input)) ?? "must be one line of text" });

const DURATION_HINT = 'a number with h, m or s, like "10m", "90s" or "1h30m"';
const duration = () =>
  z
    .string({ error: (iss) => (present(iss.input) ? `must be a duration: ${DURATION_HINT} (got ${quoteShort(iss.input)})` : undefined) })
    .check(z.regex(DURATION_RE, { error: (iss) => `${quoteShort(iss.input)} is not a duration: write ${DURATION_HINT}` }));

const usdAmount = () =>
  z
    .number({ error: (iss) => (present(iss.input) ? `must be an amount of US dollars, like 20 or 2.5 (got ${quoteShort(iss.input)})` : undefined) })
    .check(z.positive({ error: (iss) => `must be more than 0 (got ${quoteShort(iss.input)})` }));

const repoPath = (what: string) =>
  described(z.string().check(z.minLength(1, { error: "must not be empty" }), oneLine()), `${what}, relative to the repository root (no "..", not absolute)`);

/** The plan name is part of branch names (`tdd-waves/<name>/<story>`) and of the state file's path. */
function planNameProblem(name: string): string | undefined {
  const problem = refNameProblem(name, { allowOneLevel: true }) ?? refNameProblem(`tdd-waves/${name}/story`);
  return problem && `${quoteShort(name)} cannot be part of a git branch name (tdd-waves/${name}/<story>): it ${problem}`;
}

export const envNameMessage = (name: unknown): string =>
  `${quoteShort(name)} is not an environment variable name (letters, digits and "_", not starting with a digit)`;
export const agentNameMessage = (name: unknown): string =>
  `${quoteShort(name)} is not an agent name: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters`;

const agentSchema = described(
  z.strictObject({
    run: described(
      z.optional(z.string().check(z.regex(NON_BLANK_RE, { error: "must not be empty: the shell command that runs the agent" }), noNul())),
      "Shell command, run in the story's working copy (or give a preset)",
    ),
    preset: described(
      z.optional(z.enum(PRESET_NAMES, { error: (iss) => `${quoteShort(iss.input)} is not a preset: one of ${PRESET_NAMES.join(", ")}` })),
      "A coding-agent CLI run unattended on the prompt file, instead of run (`tdd-waves agents` lists them)",
    ),
    model: described(z.optional(z.string().check(z.minLength(1, { error: "must not be empty" }), oneLine())), "Model the preset's CLI uses"),
    args: described(z.optional(z.array(z.string().check(noNul()))), "Extra arguments for the preset's CLI"),
    timeout: described(z.optional(duration()), "Agent time limit, default 30m"),
    env: described(
      z.optional(
        z.record(
          z.string().check(
            z.regex(ENV_NAME_RE, { error: (iss) => envNameMessage(iss.input) }),
          ),
          z
            .string({
              error: (iss) =>
                typeof iss.input === "number" || typeof iss.input === "boolean"
                  ? `environment values are strings: put it in quotes ("${String(iss.input)}")`
                  : undefined,
            })
            .check(noNul()),
        ),
      ),
      "Extra environment variables for the agent",
    ),
  }),
  "How to run an agent",
);

const agentName = (what: string) =>
  described(z.string().check(z.minLength(1, { error: "must not be empty" }), oneLine()), `Agent that ${what} (a key of agents)`);

const retriesMessage = (iss: { input?: unknown }): string => `must be a whole number from 0 to 5 (got ${quoteShort(iss.input)})`;
const retries = (description: string) =>
  described(
    z.optional(
      z.int({ error: (iss) => (present(iss.input) ? retriesMessage(iss) : undefined) }).check(
        z.gte(0, { error: (iss) => `must be from 0 to 5 (got ${quoteShort(iss.input)})` }),
        z.lte(5, { error: (iss) => `must be from 0 to 5 (got ${quoteShort(iss.input)})` }),
      ),
    ),
    description,
  );

const storySchema = z.strictObject({
  id: described(
    z.string().check(
      z.regex(STORY_ID_RE, {
        error: (iss) => `${quoteShort(iss.input)} is not a story id: lowercase letters, digits and "-", starting with a letter or digit, at most 64 characters`,
      }),
    ),
    "Unique story id",
  ),
  title: described(z.string().check(oneLine()), "One-line title"),
  epic: described(
    z.optional(z.string().check(z.regex(STORY_ID_RE, { error: (iss) => `${quoteShort(iss.input)} is not an epic name: lowercase letters, digits and "-"` }))),
    'Epic; default: the id without its last "-segment"',
  ),
  file: z.optional(repoPath("Story file; default <storiesDir>/<id>.md")),
  testFile: repoPath("The story's test file"),
  tester: agentName("writes the tests"),
  implementer: agentName("makes the tests pass"),
  dependsOn: described(z.optional(z.array(z.string())), "Ids of stories that must complete first"),
  retries: retries("Retries for this story (overrides the plan's retries), 0..5"),
});

const maxParallelMessage = (iss: { input?: unknown }): string => `must be a whole number from 1 to 10 (got ${quoteShort(iss.input)})`;

export const planFileSchema = z
  .strictObject(
    {
      name: described(
        z.string().check(
          z.regex(PLAN_NAME_RE, {
            error: (iss) =>
              `${quoteShort(iss.input)} is not a plan name: lowercase letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters`,
          }),
          z.superRefine((name: string, ctx) => {
            // Only a name of the right characters is worth asking git's rules about.
            const message = PLAN_NAME_RE.test(name) ? planNameProblem(name) : undefined;
            if (message) ctx.addIssue({ code: "custom", message, input: name });
          }),
        ),
        "Names the execution (and its git branches: tdd-waves/<name>/<story>)",
      ),
      maxParallel: described(
        z.optional(
          z.int({ error: (iss) => (present(iss.input) ? maxParallelMessage(iss) : undefined) }).check(
            z.gte(1, { error: (iss) => `must be from 1 to 10 (got ${quoteShort(iss.input)})` }),
            z.lte(10, { error: (iss) => `must be from 1 to 10 (got ${quoteShort(iss.input)})` }),
          ),
        ),
        "Stories run at once, 1..10, default 10",
      ),
      storiesDir: z.optional(repoPath('Directory of the story files, default "stories"')),
      retries: retries("How often a failed story is tried again with feedback (and rebuilt once after a conflict), 0..5, default 1; 0 turns both off"),
      setup: described(
        z.optional(
          z.strictObject({
            run: described(
              z.string().check(z.regex(NON_BLANK_RE, { error: "must not be empty: the shell command that prepares a working copy" }), noNul()),
              "Shell command run once in each fresh working copy before its tester (and before the post-integration tests), e.g. npm ci",
            ),
            timeout: described(z.optional(duration()), "Setup time limit, default 10m"),
            reuse: z.optional(z.array(repoPath("Kept when a working copy is reused for the next story (e.g. node_modules)"))),
            copy: z.optional(z.array(repoPath("Untracked file copied from the main checkout into each working copy (e.g. .env.test)"))),
            relocatable: described(
              z.optional(z.boolean()),
              "The reuse paths still work when copied to another working copy (node_modules yes, a Python virtual environment no): locally, setup then runs once per set of inputs and the other working copies get a copy. Default false",
            ),
          }),
        ),
        "How to prepare a working copy: dependencies, toolchain, local files",
      ),
      test: described(
        z.strictObject({
          command: described(
            z.string().check(z.regex(TEST_FILE_PLACEHOLDER_RE, { error: "must contain {testFile}, which is replaced by the story's test file" }), noNul()),
            "Test command; {testFile} is replaced by the shell-quoted test file path",
          ),
          junit: described(
            z.optional(z.string().check(z.minLength(1, { error: "must not be empty" }), oneLine())),
            "JUnit XML report the command writes ({storyId} replaced)",
          ),
          timeout: described(z.optional(duration()), "Test command time limit, default 10m"),
        }),
        "How to run a story's tests",
      ),
      prompts: described(
        z.optional(
          z.strictObject({
            tester: z.optional(repoPath("Tester prompt template")),
            implementation: z.optional(repoPath("Implementation prompt template")),
          }),
        ),
        "Own prompt templates",
      ),
      tdd: z.optional(
        z.strictObject({
          requireRed: described(z.optional(z.boolean()), "Tests must fail before implementation, default true"),
          lockTests: described(z.optional(z.boolean()), "Implementation may not change the test file, default true"),
        }),
      ),
      agents: described(
        z.record(
          z.string().check(
            z.regex(AGENT_NAME_RE, { error: (iss) => agentNameMessage(iss.input) }),
          ),
          agentSchema,
        ),
        "Agents by name",
      ),
      budget: described(
        z.optional(
          z.strictObject({
            costUsd: described(z.optional(usdAmount()), "The execution's budget: once its recorded cost reaches it, no new agent phase starts"),
            perStoryCostUsd: described(z.optional(usdAmount()), "One story's budget over all its attempts: reaching it fails the story"),
          }),
        ),
        "Cost limits in US dollars, from what the agents report",
      ),
      stories: described(z.array(storySchema).check(z.minLength(1, { error: "a plan needs at least one story" })), "The stories, in plan order"),
      waves: described(
        z.optional(
          z
            .array(z.array(z.string()).check(z.minLength(1, { error: "a wave lists at least one story" })))
            .check(z.minLength(1, { error: "must list at least one wave (or leave waves out)" })),
        ),
        "Explicit batching: every story exactly once, dependencies in earlier waves",
      ),
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
  .register(z.globalRegistry, { title: "tdd-waves plan", description: "An execution plan of stories run test-first in dependency waves" });

export type PlanFile = z.infer<typeof planFileSchema>;

/** plan.schema.json's text: the JSON Schema of planFileSchema (draft 2020-12), as committed at the repository root. */
export function planJsonSchemaText(): string {
  return `${JSON.stringify(z.toJSONSchema(planFileSchema), null, 2)}\n`;
}

interface SchemaDef {
  type: string;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  valueType?: z.core.$ZodType;
  innerType?: z.core.$ZodType;
}

const defOf = (schema: z.core.$ZodType): SchemaDef => schema._zod.def as unknown as SchemaDef;

/** Keys a strict object accepts at `path` (for "did you mean"), or [] when there is no object there. */
export function knownKeysAt(path: readonly (string | number)[]): string[] {
  let schema: z.core.$ZodType | undefined = planFileSchema;
  for (const seg of path) {
    const def: SchemaDef = defOf(unwrap(schema));
    if (def.type === "object") schema = Object.hasOwn(def.shape ?? {}, String(seg)) ? def.shape?.[String(seg)] : undefined;
    else if (def.type === "array") schema = def.element;
    else if (def.type === "record") schema = def.valueType;
    else return [];
    if (!schema) return [];
  }
  const def = defOf(unwrap(schema));
  return def.type === "object" ? Object.keys(def.shape ?? {}) : [];
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  const def = defOf(schema);
  return def.type === "optional" && def.innerType ? def.innerType : schema;
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
