// A plan file's text as data with positions: syntax errors located by line and column, and a locator that maps
// a key path (["stories", 2, "dependsOn", 0]) back to where it is written, so that every later error can be
// reported as FILE:LINE:COL path: message. YAML is read by the `yaml` library (yaml-source.ts), JSON by
// JSON.parse with jsonc-parser to say where and why it is not JSON (json-source.ts).
import { formatPath, planFormat } from "./issue.js";
import type { KeyPath, PlanIssue, Position } from "./issue.js";
import { readJsonDocument } from "./json-source.js";
import type { PlanDocument } from "./document.js";
import { readYamlDocument } from "./yaml-source.js";

export { formatIssue, formatPath, planFormat } from "./issue.js";
export type { KeyPath, PlanFormat, PlanIssue, Position } from "./issue.js";

export interface PlanSource {
  fileName: string;
  /** The parsed data (plain JS values), undefined when the file has syntax errors. */
  data: unknown;
  issues: PlanIssue[];
  /** Where a key path is written: "value" (default) points at the value, "key" at the key itself. */
  locate(path: KeyPath, target?: "value" | "key"): Position;
  /** An issue located at `path`. */
  issue(path: KeyPath, message: string, target?: "value" | "key"): PlanIssue;
}

/** Parses plan text (YAML, or JSON held to JSON's own grammar) into data with positions. */
export function readPlanSource(text: string, fileName: string): PlanSource {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const format = planFormat(fileName);
  const doc: PlanDocument =
    format === "yaml"
      ? readYamlDocument(body)
      : format === "json"
        ? readJsonDocument(body)
        : { data: undefined, syntax: [{ line: 1, col: 1, message: "unsupported plan file extension: use .yml, .yaml or .json" }], locate: () => ({ line: 1, col: 1 }) };
  const locate = doc.locate;
  return {
    fileName,
    data: doc.data,
    issues: doc.syntax.map(({ line, col, message }) => ({ file: fileName, line, col, path: "", message })),
    locate,
    issue: (path, message, target) => ({ file: fileName, ...locate(path, target), path: formatPath(path), message }),
  };
}
