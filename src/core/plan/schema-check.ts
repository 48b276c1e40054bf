// Runs the plan schema on parsed data and turns zod's issues into located, plain-language plan issues.
import type * as z from "zod/mini";
import { didYouMean } from "./did-you-mean.js";
import { describeValue, knownKeysAt, planFileSchema } from "./schema.js";
import type { PlanFile } from "./schema.js";
import type { KeyPath, PlanIssue, PlanSource } from "./source.js";

type ZodIssue = z.core.$ZodIssue;

const EXPECTED: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping (key: value)",
  record: "a mapping (key: value)",
};

/** Fallback wording for issues the schema does not word itself (mostly wrong types). */
const fallbackMessages = (iss: z.core.$ZodRawIssue): string | undefined => {
  if (iss.code !== "invalid_type") return undefined;
  if (iss.input === undefined) return "required";
  const expected = EXPECTED[iss.expected] ?? iss.expected;
  const quoteHint = iss.expected === "string" && (typeof iss.input === "number" || typeof iss.input === "boolean") ? " (put the value in quotes)" : "";
  return iss.input === null ? `has no value (expected ${expected})` : `must be ${expected}, got ${describeValue(iss.input)}${quoteHint}`;
};

export interface SchemaResult {
  file?: PlanFile;
  issues: PlanIssue[];
}

/** Validates `source.data` against the plan schema. */
export function checkPlanSchema(source: PlanSource): SchemaResult {
  const result = planFileSchema.safeParse(source.data, { reportInput: true, error: fallbackMessages });
  if (result.success) return { file: result.data, issues: [] };
  return { issues: result.error.issues.flatMap((iss) => toPlanIssues(source, iss)) };
}

function toPlanIssues(source: PlanSource, iss: ZodIssue): PlanIssue[] {
  const path = iss.path.filter((p): p is string | number => typeof p !== "symbol") as KeyPath;
  switch (iss.code) {
    case "unrecognized_keys":
      return iss.keys.map((key) =>
        source.issue([...path, key], `unknown key "${key}"${didYouMean(key, knownKeysAt(path))}`, "key"),
      );
    case "invalid_key":
      return [source.issue(path, iss.issues[0]?.message ?? iss.message, "key")];
    default:
      return [source.issue(path, iss.message)];
  }
}
