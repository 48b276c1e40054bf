// Builds plan text from a base plan (name, test command, agents, settings) and story entries read from front
// matter, keeping, for every line of the result, where it came from, so that the plan checks' findings are
// reported in the story file (or the base plan) they concern. Pure.
import { isMap, isScalar, parseDocument, stringify } from "yaml";
import type { PlanIssue } from "../plan/issue.js";
import { missingKeys, type PlanKey, type StoryEntry } from "./story-front-matter.js";

export interface Origin {
  file: string;
  line: number;
}

export interface AssembledPlan {
  text: string;
  /** Origin of generated line n (1-based) at index n - 1. */
  origins: Origin[];
}

export interface FromProblem extends Origin {
  message: string;
}

const q = (s: string): string => JSON.stringify(s);

/**
 * Problems that stop the plan from being built at all: front matter that does not read, and every story
 * missing a required key (all of them together, each with its file and the key to add).
 */
export function entryProblems(entries: StoryEntry[], defaults: Partial<Record<"tester" | "implementer", string>>): FromProblem[] {
  const problems: FromProblem[] = [];
  for (const e of entries) {
    for (const p of e.problems) problems.push({ file: e.file, line: p.line, message: p.message });
    if (e.problems.length > 0) continue;
    const missing = missingKeys(e, defaults);
    if (missing.length > 0) {
      const where = e.hasFrontMatter ? "to its front matter" : "in front matter (a --- block at the top of the file)";
      problems.push({ file: e.file, line: 1, message: `missing ${missing.map((m) => m.add).join(", ")}: add ${missing.map((m) => `${m.add}: …`).join(", ")} ${where}` });
    }
  }
  return problems;
}

/**
 * The plan: the base plan's text with its `stories:` replaced by one entry per story file (each with its
 * `file:`), in the order given. Lines of the base keep their origin in `baseFile`.
 */
export function assemblePlan(baseFile: string, baseText: string, entries: StoryEntry[], defaults: Partial<Record<"tester" | "implementer", string>>): AssembledPlan {
  const doc = parseDocument(baseText);
  let before = baseText;
  let after = "";
  if (isMap(doc.contents) && !baseText.trimStart().startsWith("{")) {
    const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === "stories");
    const start = (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
    const end = (pair?.value as { range?: [number, number, number] } | undefined)?.range?.[2];
    if (start !== undefined && end !== undefined) {
      // Cut from the start of the `stories:` line to the end of its value's last line.
      const lineStart = baseText.lastIndexOf("\n", start - 1) + 1;
      const lineEnd = baseText.indexOf("\n", end - 1);
      before = baseText.slice(0, lineStart);
      after = lineEnd < 0 ? "" : baseText.slice(lineEnd + 1);
    }
  } else if (isMap(doc.contents)) {
    // A JSON base: written again as YAML without its stories (its lines then say little: the base file, line 1).
    const data = doc.toJS() as Record<string, unknown>;
    delete data.stories;
    before = stringify(data);
  }
  const baseLines = (s: string): string[] => (s === "" ? [] : s.replace(/\n$/, "").split("\n"));
  const head = baseLines(before);
  const tail = baseLines(after);
  const lines: string[] = [];
  const origins: Origin[] = [];
  const json = baseText.trimStart().startsWith("{");
  head.forEach((l, i) => {
    lines.push(l);
    origins.push({ file: baseFile, line: json ? 1 : i + 1 });
  });
  lines.push("stories:");
  origins.push({ file: baseFile, line: head.length + 1 });
  if (entries.length === 0) {
    lines[lines.length - 1] = "stories: []";
  }
  for (const e of entries) {
    const at = (key: PlanKey): Origin => ({ file: e.file, line: e.lines[key] ?? 1 });
    const push = (text: string, origin: Origin) => {
      lines.push(text);
      origins.push(origin);
    };
    push(`  - id: ${q(String(e.values.id))}`, at("id"));
    push(`    title: ${q(String(e.values.title))}`, at("title"));
    push(`    file: ${q(e.file)}`, { file: e.file, line: 1 });
    push(`    testFile: ${q(String(e.values.testFile))}`, at("testFile"));
    push(`    tester: ${q(String(e.values.tester ?? defaults.tester))}`, at("tester"));
    push(`    implementer: ${q(String(e.values.implementer ?? defaults.implementer))}`, at("implementer"));
    if (e.values.epic !== undefined) push(`    epic: ${q(String(e.values.epic))}`, at("epic"));
    const deps = Array.isArray(e.values.dependsOn) ? e.values.dependsOn : [];
    if (deps.length === 0) push("    dependsOn: []", at("dependsOn"));
    else {
      push("    dependsOn:", at("dependsOn"));
      for (const d of deps) push(`      - ${q(d)}`, at("dependsOn"));
    }
  }
  const baseCount = baseLines(baseText).length;
  tail.forEach((l, i) => {
    lines.push(l);
    origins.push({ file: baseFile, line: json ? 1 : baseCount - tail.length + i + 1 });
  });
  return { text: `${lines.join("\n")}\n`, origins };
}

/** A finding of the plan checks on the assembled text, moved to the file and line it came from. */
export function relocate(issue: PlanIssue, plan: AssembledPlan): PlanIssue {
  const origin = plan.origins[issue.line - 1];
  if (!origin) return issue;
  return { ...issue, file: origin.file, line: origin.line, col: 1 };
}
