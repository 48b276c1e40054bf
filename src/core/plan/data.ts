// A plan file's data by the cheapest route that is still exact: JSON.parse (plus the duplicate-key check
// JSON.parse skips) for JSON, the YAML subset reader (plan-yaml-subset.ts) for YAML. Nothing when the text
// has a syntax error or leaves the subset: then plan-source.ts reads it with the full YAML library and
// locates every problem.
import { findDuplicateJsonKey } from "./json-syntax.js";
import { planFormat } from "./issue.js";
import { parseYamlSubset } from "./yaml-subset.js";

/** The data of a syntactically valid plan text, or undefined when only the full reader can tell. */
export function readPlanData(text: string, fileName: string): { data: unknown } | undefined {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const format = planFormat(fileName);
  if (format === "yaml") return parseYamlSubset(body);
  if (format === "json") return readJsonData(body);
  return undefined;
}

function readJsonData(body: string): { data: unknown } | undefined {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return undefined;
  }
  return findDuplicateJsonKey(body) === -1 ? { data } : undefined;
}
