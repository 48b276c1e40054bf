// Integration: merge completed story branches into the target branch (plan order, one merge commit
// each), re-run their tests on the merged result, and commit the story file of every failed or
// blocked story on the target so that the target shows every story's status.
import { join } from "node:path";
import { completionInfoFromRun, renderCompletion } from "../core/story/completion.js";
import { retriesOf, type Plan, type Story } from "../core/plan/model.js";
import { integrationRejected } from "../core/retries/rebuild.js";
import { annotateRun, chain, failStory, statusOf, type Transition, type WorkflowState } from "../core/state/state.js";
import { readStoryFile, updateStoryFile } from "../core/story/story-file.js";
import type { Ports } from "./ports.js";
import { runPool } from "./pool.js";
import { junitPath } from "./tests.js";
import { rm } from "node:fs/promises";
import { own } from "../core/own.js";

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
  await retestMerged(ports, plan, target, await mergeStories(ports, plan, target, ids));
}

/** Merges the given completed stories in plan order, one merge commit each; returns those merged. */
export async function mergeStories(ports: Ports, plan: Plan, target: IntegrationTarget, ids: string[]): Promise<Story[]> {
  const git = ports.git(target.dir);
  const merged: Story[] = [];
  // Merge first, record after: an execution killed in between finds the merges on the target (see
  // the ancestor check) and records them then; one state write for the whole batch.
  const outcomes: Transition[] = [];
  const rejected: { story: Story; reason: string }[] = [];
  for (const story of plan.stories.filter((s) => ids.includes(s.id))) {
    const ref = target.branchRef(story.id);
    const tip = await git.revParse(ref);
    if (!tip) {
      outcomes.push(failStory(story.id, `story branch ${ref} is missing`, ports.now(), "integrate"));
      continue;
    }
    if (await git.isAncestor(tip, "HEAD")) {
      // Merged already by an execution that stopped before recording it.
      outcomes.push(annotateRun(story.id, { merged: (await git.revParse("HEAD"))! }, ports.now()));
      merged.push(story);
      continue;
    }
    const r = await git.merge(ref, `tdd-waves: merge ${story.id}: ${story.title}`);
    if (r.ok) {
      outcomes.push(annotateRun(story.id, { merged: r.sha }, ports.now()));
      ports.progress({ type: "log", message: `Merged ${story.id} into the target branch` });
      merged.push(story);
    } else {
      const reason = `merge conflict${r.conflicts.length ? ` in ${r.conflicts.join(", ")}` : ""}`;
      outcomes.push(integrationRejected(story.id, reason, retriesOf(plan, story), ports.now()));
      rejected.push({ story, reason });
    }
  }
  if (outcomes.length > 0) await reportRejected(ports, await ports.store.update(chain(...outcomes), `integrate ${ids.join(", ")}`), rejected);
  return merged;
}

/** Runs the merged stories' tests once more on the merged result: a story whose tests now fail is ❌ Failed. */
export async function retestMerged(ports: Ports, plan: Plan, target: IntegrationTarget, merged: Story[]): Promise<void> {
  const failing = await runPool(merged, plan.maxParallel, async (story) => {
    const r = await ports.tests({
      test: plan.test,
      testFile: story.testFile,
      storyId: story.id,
      cwd: target.dir,
      logFile: integrationLog(target, story.id),
    });
    const junit = junitPath(plan, story.id);
    if (junit) await rm(join(target.dir, junit), { force: true });
    return r.exitCode !== 0 || r.timedOut;
  });
  const broken = merged.filter((_, i) => failing[i]);
  if (broken.length === 0) return;
  const reason = "fails after integration";
  const outcomes: Transition[] = [];
  for (const s of broken) {
    const log = integrationLog(target, s.id);
    const text = await ports.files.read(log);
    outcomes.push(integrationRejected(s.id, reason, retriesOf(plan, s), ports.now(), text === null ? undefined : { log: `${s.id}/integrate.log`, text }));
  }
  const state = await ports.store.update(chain(...outcomes), `fails after integration: ${broken.map((s) => s.id).join(", ")}`);
  await reportRejected(ports, state, broken.map((story) => ({ story, reason })));
}

const integrationLog = (target: IntegrationTarget, id: string): string => join(target.logDir, id, "integrate.log");

/** Says what became of stories integration rejected: back for a rebuild, or failed. */
async function reportRejected(ports: Ports, state: WorkflowState, rejected: { story: Story; reason: string }[]): Promise<void> {
  for (const { story, reason } of rejected) {
    if (statusOf(state, story.id) === "failed") ports.progress({ type: "story", storyId: story.id, status: "failed", reason: own(state.runs, story.id)?.reason ?? reason });
    else ports.progress({ type: "log", message: `${story.id}: ${reason}; it is rebuilt on the integrated target` });
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
    const reason = own(state.runs, story.id)?.reason ?? status;
    await git.commitPaths(`tdd-waves: ${story.id} ${status === "failed" ? "❌ failed" : "⛔ blocked"}: ${reason}`, [story.file]);
  }
}

function outcomeCompletion(state: WorkflowState, story: Story, runUrl: string | undefined, eol: string): string {
  const run = own(state.runs, story.id);
  const info = run ? completionInfoFromRun(run, { testerAgent: story.tester, implAgent: story.implementer }) : {};
  return renderCompletion(
    { ...info, outcome: statusOf(state, story.id) === "blocked" ? "blocked" : "failed", reason: run?.reason, runUrl: runUrl ?? run?.runUrl },
    eol,
  );
}
