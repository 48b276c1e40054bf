// The story-file rule of SPEC §1 without locating anything: a story file exists and has at least one
// acceptance criterion. Which lines are criteria is the story reader's call (core/story/acceptance-criteria.ts),
// the same one verify makes: a file `plan` accepts is never one verify finds no criteria in.
import { hasAcceptanceCriteria } from "../story/acceptance-criteria.js";
import type { Plan, Story } from "./model.js";

/** True when the story file has an acceptance criterion: a task list item under an "Acceptance Criteria" heading. */
export function hasAcceptanceCheckbox(markdown: string): boolean {
  return hasAcceptanceCriteria(markdown);
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
