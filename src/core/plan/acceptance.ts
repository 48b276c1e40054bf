// The story-file rule of SPEC §1 without locating anything: a story file exists and has at least one
// acceptance-criteria checkbox. The loader runs it on every story file of a plan — thousands of them — so the
// scan is cheap, and only plan-story-files.ts (on failure) loads the YAML machinery to say where.
import type { Plan, Story } from "./model.js";

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const TASK_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+\[[ xX]\](?:\s|$)/;
const ACCEPTANCE = /acceptance criteria/i;

/** True when a task-list item (`- [ ]`, `* [x]`, `1. [X]`, nested too) is under an "Acceptance Criteria" heading. */
export function hasAcceptanceCheckbox(markdown: string): boolean {
  const text = markdown.charCodeAt(0) === 0xfeff ? markdown.slice(1) : markdown;
  // Only a heading naming the criteria opens the section: without those words anywhere, there is none. And
  // when nothing before their first mention can change how the rest reads (front matter, a code fence), the
  // scan can start at that line.
  const mention = text.search(ACCEPTANCE);
  if (mention === -1) return false;
  const before = (marker: string): boolean => {
    const at = text.indexOf(marker);
    return at !== -1 && at < mention;
  };
  const from = text.startsWith("---") || before("```") || before("~~~") ? 0 : Math.max(text.lastIndexOf("\n", mention), text.lastIndexOf("\r", mention)) + 1;
  const rest = from === 0 ? text : text.slice(from);
  const lines = rest.includes("\r") ? rest.split(/\r\n|\r|\n/) : rest.split("\n");
  let fence: string | undefined;
  let acLevel: number | undefined;
  for (let i = from === 0 ? skipFrontMatter(lines) : 0; i < lines.length; i++) {
    const line = lines[i] as string;
    // Fences and headings start within three spaces: other lines skip those patterns.
    const lead = leadingSpaces(line);
    const first = lead <= 3 ? line.charCodeAt(lead) : -1;
    const f = first === 96 || first === 126 ? FENCE.exec(line)?.[1] : undefined;
    if (fence !== undefined) {
      if (f !== undefined && f[0] === fence[0] && f.length >= fence.length) fence = undefined;
      continue;
    }
    if (f !== undefined) {
      fence = f;
      continue;
    }
    const h = first === 35 ? HEADING.exec(line) : null;
    if (h) {
      const level = (h[1] ?? "").length;
      if (acLevel !== undefined && level <= acLevel) acLevel = undefined;
      if (ACCEPTANCE.test(h[2] ?? "")) acLevel = level;
      continue;
    }
    if (acLevel !== undefined && line.includes("[") && TASK_ITEM.test(line)) return true;
  }
  return false;
}

function leadingSpaces(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
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

export interface StoryFileProblem {
  story: Story;
  message: string;
}

/** What is wrong with a story's file given its text (null: missing or not a file), or undefined when nothing is. */
export function storyFileProblem(story: Story, content: string | null | undefined): string | undefined {
  if (content === undefined || content === null) return `story file "${story.file}" is missing`;
  if (hasAcceptanceCheckbox(content)) return undefined;
  return `story file "${story.file}" has no acceptance-criteria checkbox: add "- [ ] …" items under a "## Acceptance Criteria" heading`;
}

/** Stories whose file (`contents` maps it to its text, or null when missing or not a file) breaks the rule. */
export function storyFileProblems(plan: Plan, contents: Map<string, string | null>): StoryFileProblem[] {
  const problems: StoryFileProblem[] = [];
  for (const story of plan.stories) {
    const message = storyFileProblem(story, contents.get(story.file));
    if (message !== undefined) problems.push({ story, message });
  }
  return problems;
}
