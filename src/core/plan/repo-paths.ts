// The paths of a valid plan that tdd-waves reads or writes, each with the key it comes from, and what is said of
// one that leaves the repository through a symbolic link (SPEC §1: paths stay inside the repository; a
// committed `stories -> /elsewhere` must not make tdd-waves write elsewhere). The loader resolves them on disk.
import type { KeyPath } from "./issue.js";
import type { Plan } from "./model.js";
import { inDirectory } from "./paths.js";

export interface PlanPath {
  /** Where the path comes from in the plan file (its key, or the story's id for a default story file). */
  key: KeyPath;
  /** Relative to the repository root, normal form. */
  path: string;
  /** The directory the default story files are in: a link there is reported once, not for every story. */
  under?: string;
}

/** Every path of `plan` that must resolve inside the repository, in plan-file order. `fileGiven(i)`: stories[i] has a `file` key. */
export function planPaths(plan: Plan, fileGiven: (index: number) => boolean): PlanPath[] {
  const paths: PlanPath[] = [{ key: ["storiesDir"], path: plan.storiesDir }];
  if (plan.test.junit !== undefined && !plan.test.junit.includes("{storyId}")) paths.push({ key: ["test", "junit"], path: plan.test.junit });
  if (plan.prompts.tester !== undefined) paths.push({ key: ["prompts", "tester"], path: plan.prompts.tester });
  if (plan.prompts.implementation !== undefined) paths.push({ key: ["prompts", "implementation"], path: plan.prompts.implementation });
  for (const story of plan.stories) {
    const given = fileGiven(story.index);
    paths.push({ key: ["stories", story.index, given ? "file" : "id"], path: story.file, ...(given ? {} : { under: plan.storiesDir }) });
    paths.push({ key: ["stories", story.index, "testFile"], path: story.testFile });
    if (plan.test.junit?.includes("{storyId}")) paths.push({ key: ["test", "junit"], path: plan.test.junit.replaceAll("{storyId}", story.id) });
  }
  return paths;
}

/** A path that reaches outside the repository: `link` (relative to the root) is the symbolic link it passes through. */
export interface Escape {
  link: string;
  /** Where the link points (an absolute path outside the repository). */
  target: string;
}

export function escapeMessage(path: string, escape: Escape): string {
  const through = escape.link === path ? `is a symbolic link to "${escape.target}"` : `passes through "${escape.link}", a symbolic link to "${escape.target}"`;
  return `"${path}" leaves the repository: it ${through}; tdd-waves reads and writes only inside the repository`;
}

/** The default story files under the stories directory: `dir` itself escaping is said once, at storiesDir. */
export function underDirectory(path: PlanPath, dir: string): boolean {
  return path.under !== undefined && (dir === "." || path.path.startsWith(inDirectory(dir, "")));
}
