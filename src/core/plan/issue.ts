// A located plan problem and how it is written (FILE:LINE:COL path: message, SPEC §1), and the format a plan
// file name implies.

export type KeyPath = readonly (string | number)[];

export interface PlanIssue {
  file: string;
  line: number;
  col: number;
  /** Key path such as `stories[2].dependsOn[0]`; empty for errors about the file as a whole. */
  path: string;
  message: string;
}

export interface Position {
  line: number;
  col: number;
}

export type PlanFormat = "yaml" | "json";

/** The format a plan file name implies, or undefined for an unsupported extension. */
export function planFormat(fileName: string): PlanFormat | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".yml") || lower.endsWith(".yaml")) return "yaml";
  if (lower.endsWith(".json")) return "json";
  return undefined;
}

/** `FILE:LINE:COL path: message` (or `FILE:LINE:COL: message` when there is no key path). */
export function formatIssue(i: PlanIssue): string {
  return i.path === "" ? `${i.file}:${i.line}:${i.col}: ${i.message}` : `${i.file}:${i.line}:${i.col} ${i.path}: ${i.message}`;
}

/** `["stories", 2, "dependsOn", 0]` -> `stories[2].dependsOn[0]`; odd keys are quoted: `agents["a b"]`. */
export function formatPath(path: KeyPath): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out === "" ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
