// Integration: merge completed story branches into the target branch (plan order, one merge commit
// each), re-run their tests on the merged result, and commit the story file of every failed or
// blocked story on the target so that the target shows every story's status.
import { join } from "node:path";
import { completionInfoFromRun, renderCompletion } from "../core/completion.js";
import type { Plan, Story } from "../core/plan-model.js";
import { annotateRun, failStory, statusOf, type WorkflowState } from "../core/state.js";
import { readStoryFile, updateStoryFile } from "../core/story-file.js";
import type { Ports } from "./ports.js";
import { junitPath } from "./tests.js";
import { rm } from "node:fs/promises";

export interface IntegrationTarget {
  /** A checkout of the target branch. */
  dir: string;
  /** The ref holding a story's branch tip in that checkout. */
  branchRef: (storyId: string) => string;
  /** Where integration logs go. */
  logDir: string;
  runUrl?: string;
}

/** Merges the given completed stories (plan order) and checks their tests on the merged result. */
export async function integrateStories(ports: Ports, plan: Plan, target: IntegrationTarget, ids: string[]): Promise<void> {
  const git = ports.git(target.dir);
  const merged: Story[] = [];
  for (const story of plan.stories.filter((s) => ids.includes(s.id))) {
    const ref = target.branchRef(story.id);
    const tip = await git.revParse(ref);
    if (!tip) {
      await ports.store.update(failStory(story.id, `story branch ${ref} is missing`, ports.now(), "integrate"), `${story.id}: branch missing`);
      continue;
    }
    if (await git.isAncestor(tip, "HEAD")) {
      // Merged already by an execution that stopped before recording it.
      await ports.store.update(annotateRun(story.id, { merged: (await git.revParse("HEAD"))! }, ports.now()), `${story.id}: merged`);
      merged.push(story);
      continue;
    }
    const r = await git.merge(ref, `tdd-waves: merge ${story.id}: ${story.title}`);
    if (r.ok) {
      await ports.store.update(annotateRun(story.id, { merged: r.sha }, ports.now()), `${story.id}: merged`);
      ports.progress({ type: "log", message: `Merged ${story.id} into the target branch` });
      merged.push(story);
    } else {
      const reason = `merge conflict${r.conflicts.length ? ` in ${r.conflicts.join(", ")}` : ""}`;
      await ports.store.update(failStory(story.id, reason, ports.now(), "integrate"), `${story.id}: merge conflict`);
      ports.progress({ type: "story", storyId: story.id, status: "failed", reason });
    }
  }
  for (const story of merged) {
    const r = await ports.tests({
      test: plan.test,
      testFile: story.testFile,
      storyId: story.id,
      cwd: target.dir,
      logFile: join(target.logDir, story.id, "integrate.log"),
    });
    const junit = junitPath(plan, story.id);
    if (junit) await rm(join(target.dir, junit), { force: true });
    if (r.exitCode !== 0 || r.timedOut) {
      const reason = "fails after integration";
      await ports.store.update(failStory(story.id, reason, ports.now(), "integrate"), `${story.id}: fails after integration`);
      ports.progress({ type: "story", storyId: story.id, status: "failed", reason });
    }
  }
}

/**
 * Commits, on the target, the story file of every given story that failed or is blocked — one commit
 * each, that file alone. Stories whose file already says so get no commit (safe to repeat on resume).
 */
export async function recordOutcomesOnTarget(ports: Ports, plan: Plan, target: IntegrationTarget, ids: string[]): Promise<void> {
  const git = ports.git(target.dir);
  const state = await ports.store.read();
  if (!state) return;
  for (const story of plan.stories.filter((s) => ids.includes(s.id))) {
    const status = statusOf(state, story.id);
    if (status !== "failed" && status !== "blocked") continue;
    const path = join(target.dir, story.file);
    const text = await ports.files.read(path);
    if (text === null) continue;
    const next = updateStoryFile(text, { status, verified: false, completion: outcomeCompletion(state, story, target.runUrl, readStoryFile(text).eol) }, { storyId: story.id, title: story.title });
    if (next === text) continue;
    await ports.files.write(path, next);
    const reason = state.runs[story.id]?.reason ?? status;
    await git.commitPaths(`tdd-waves: ${story.id} ${status === "failed" ? "❌ failed" : "⛔ blocked"}: ${reason}`, [story.file]);
  }
}

function outcomeCompletion(state: WorkflowState, story: Story, runUrl: string | undefined, eol: string): string {
  const run = state.runs[story.id];
  const info = run ? completionInfoFromRun(run, { testerAgent: story.tester, implAgent: story.implementer }) : {};
  return renderCompletion(
    { ...info, outcome: statusOf(state, story.id) === "blocked" ? "blocked" : "failed", reason: run?.reason, runUrl: runUrl ?? run?.runUrl },
    eol,
  );
}
