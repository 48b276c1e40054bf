// The plan rule about story files (SPEC §1): each exists and has at least one acceptance-criteria checkbox.
// Pure: the caller reads the files and passes their text in.
import type { Plan } from "./plan-model.js";
import { readPlanSource } from "./plan-source.js";
import type { PlanIssue } from "./plan-source.js";

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const TASK_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+\[[ xX]\](?:\s|$)/;

/** True when a task-list item (`- [ ]`, `* [x]`, `1. [X]`, nested too) is under an "Acceptance Criteria" heading. */
export function hasAcceptanceCheckbox(markdown: string): boolean {
  const lines = markdown.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  let fence: string | undefined;
  let acLevel: number | undefined;
  for (let i = skipFrontMatter(lines); i < lines.length; i++) {
    const line = lines[i] ?? "";
    const f = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (f !== undefined && f[0] === fence[0] && f.length >= fence.length) fence = undefined;
      continue;
    }
    if (f !== undefined) {
      fence = f;
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      const level = (h[1] ?? "").length;
      if (acLevel !== undefined && level <= acLevel) acLevel = undefined;
      if (/acceptance criteria/i.test(h[2] ?? "")) acLevel = level;
      continue;
    }
    if (acLevel !== undefined && TASK_ITEM.test(line)) return true;
  }
  return false;
}

/** Index of the first line after YAML front matter (`---` … `---`), 0 when there is none. */
function skipFrontMatter(lines: string[]): number {
  if (lines[0]?.trimEnd() !== "---") return 0;
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i]?.trimEnd();
    if (l === "---" || l === "...") return i + 1;
  }
  return 0;
}

/**
 * Story-file issues of a valid plan: `contents` maps each story's `file` to its text, or null when it is
 * missing or not a file. Located at the story's `file` key when the plan gives one, else at its `id`.
 */
export function checkStoryFiles(plan: Plan, fileName: string, text: string, contents: Map<string, string | null>): PlanIssue[] {
  const problems = plan.stories.flatMap((story) => {
    const content = contents.get(story.file);
    if (content === undefined || content === null) return [{ story, message: `story file "${story.file}" is missing` }];
    if (hasAcceptanceCheckbox(content)) return [];
    const message = `story file "${story.file}" has no acceptance-criteria checkbox: add "- [ ] …" items under a "## Acceptance Criteria" heading`;
    return [{ story, message }];
  });
  if (problems.length === 0) return [];
  // Parsing the plan again only to locate problems: a large valid plan is not parsed twice.
  const source = readPlanSource(text, fileName);
  const written = (source.data as { stories?: { file?: unknown }[] } | undefined)?.stories;
  return problems.map(({ story, message }) => {
    const fileGiven = Array.isArray(written) && typeof written[story.index]?.file === "string";
    return source.issue(["stories", story.index, fileGiven ? "file" : "id"], message);
  });
}
