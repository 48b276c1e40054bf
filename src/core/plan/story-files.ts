// The plan rule about story files (SPEC §1), located: each exists and has at least one acceptance-criteria
// checkbox. Pure: the caller reads the files and passes their text in. The check itself is acceptance.ts.
import type { Plan } from "./model.js";
import { storyFileProblems } from "./acceptance.js";
import type { StoryFileProblem } from "./acceptance.js";
import { readPlanSource } from "./source.js";
import type { PlanIssue } from "./source.js";

export { hasAcceptanceCheckbox } from "./acceptance.js";

/**
 * Story-file issues of a valid plan: `contents` maps each story's `file` to its text, or null when it is
 * missing or not a file. Located at the story's `file` key when the plan gives one, else at its `id`.
 */
export function checkStoryFiles(plan: Plan, fileName: string, text: string, contents: Map<string, string | null>): PlanIssue[] {
  return locateStoryFileProblems(storyFileProblems(plan, contents), fileName, text);
}

/** Story-file problems (acceptance.ts) located in the plan file `fileName` whose text is `text`. */
export function locateStoryFileProblems(problems: StoryFileProblem[], fileName: string, text: string): PlanIssue[] {
  if (problems.length === 0) return [];
  // Parsing the plan again only to locate problems: a large valid plan is not parsed twice.
  const source = readPlanSource(text, fileName);
  const written = (source.data as { stories?: { file?: unknown }[] } | undefined)?.stories;
  return problems.map(({ story, message }) => {
    const fileGiven = Array.isArray(written) && typeof written[story.index]?.file === "string";
    return source.issue(["stories", story.index, fileGiven ? "file" : "id"], message);
  });
}
