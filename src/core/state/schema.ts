// The execution state's shape (SPEC §4, plus the optional facts the engine records) as one zod schema,
// checked on every read of the state branch: a state edited by hand fails with the key that is wrong,
// never deep inside the engine. Objects are loose: keys a newer version adds are kept, not refused.
import { z } from "zod";
import type { PhaseName, WorkflowState } from "./state.js";

const text = z.string();
const count = z.number().int().min(0);
const optionalText = text.optional();

const storyStatus = z.enum(["pending", "testing", "implementing", "complete", "failed", "blocked"]);

const phaseRecord = z.looseObject({
  // Phase names stay open: a newer version may record a phase this one does not run (shown, not refused).
  phase: z.custom<PhaseName>((v) => typeof v === "string" && v !== "", { error: "expected a phase name" }),
  agent: optionalText,
  start: text,
  end: optionalText,
  outcome: z.enum(["running", "ok", "failed"]),
  message: optionalText,
  log: optionalText,
  attempt: z.number().int().min(1).optional(),
  feedback: optionalText,
  interrupted: z.boolean().optional(),
});

const testEvidence = z.looseObject({
  exitCode: z.number().int().nullable(),
  passed: count.nullable(),
  total: count.nullable(),
  timedOut: z.boolean().optional(),
  junitFound: z.boolean().optional(),
});

const storyRun = z.looseObject({
  attempt: count,
  wave: count,
  status: storyStatus,
  phases: z.array(phaseRecord),
  result: z
    .looseObject({
      filesModified: z.array(text),
      acChecklistComplete: z.boolean(),
      verifiedProduction: z.boolean(),
      red: testEvidence.optional(),
      green: testEvidence.optional(),
      commit: optionalText,
    })
    .optional(),
  reason: optionalText,
  runUrl: optionalText,
  testerCommit: optionalText,
  testFileBlob: optionalText,
  base: optionalText,
  merged: optionalText,
  // Retries (issue 12): absent in states written before them, which read as one attempt per run.
  firstAttempt: count.optional(),
  feedback: optionalText,
  resume: z.boolean().optional(),
  rebuild: z
    .looseObject({
      reason: text,
      feedback: text,
      from: optionalText,
      testFileBlob: optionalText,
      attempt: z.number().int().min(1).optional(),
      commit: optionalText,
    })
    .optional(),
  rebuilt: z.boolean().optional(),
});

const ids = z.array(text);

export const workflowStateSchema = z.looseObject({
  version: z.literal(1),
  plan: z.looseObject({ name: text, path: text, digest: text, digestWithoutBudget: optionalText }),
  target: text,
  status: z.enum(["pending", "executing", "complete", "error"]),
  currentWave: count,
  waves: z.array(ids),
  stories: z.looseObject({ pending: ids, inProgress: ids, completed: ids, failed: ids, blocked: ids }),
  epics: z.record(text, z.looseObject({ total: count, completed: count, failed: count })),
  runs: z.record(text, storyRun),
  errors: z.array(z.looseObject({ at: text, story: optionalText, phase: optionalText, message: text })),
  lastUpdate: text,
  storyEpics: z.record(text, text),
  lock: z
    .looseObject({
      kind: z.enum(["local", "github"]),
      id: text,
      host: optionalText,
      pid: z.number().int().optional(),
      since: text,
    })
    .optional(),
});

// The schema accepts only what the engine's type describes (a mismatch is a compile error here).
const _sameShape: (parsed: z.infer<typeof workflowStateSchema>) => WorkflowState = (parsed) => parsed;
void _sameShape;

const article = (noun: string) => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);

/** `stories.completed`, `runs.s-01.phases[2].outcome`. */
function keyPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), "") || "(the whole state)";
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? `missing (expected ${article(issue.expected)})` : `expected ${article(issue.expected)}, found ${JSON.stringify(issue.input)}`;
    case "invalid_value":
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}, found ${JSON.stringify(issue.input)}`;
    case "too_small":
      return `expected at least ${String(issue.minimum)}, found ${JSON.stringify(issue.input)}`;
    default:
      return issue.message;
  }
}

/** The problems of a state that does not have the shape, one `key: what is wrong` each; empty when it does. */
export function checkState(value: unknown): { state: WorkflowState; problems: [] } | { problems: string[] } {
  const result = workflowStateSchema.safeParse(value, { reportInput: true });
  if (result.success) return { state: result.data, problems: [] };
  return { problems: result.error.issues.map((issue) => `${keyPath(issue.path)}: ${describe(issue)}`) };
}
