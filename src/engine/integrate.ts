// Integration: merge completed story branches into the target branch (plan order, one merge commit
// each), re-run their tests on the merged result, and commit the story file of every failed or
// blocked story on the target so that the target shows every story's status.
import { join, relative } from "node:path";
import { completionInfoFromRun, renderCompletion } from "../core/story/completion.js";
import { retriesOf, type Plan, type Story } from "../core/plan/model.js";
import { integrationRejected } from "../core/retries/rebuild.js";
import { annotateRun, chain, failStory, statusOf, type Transition, type WorkflowState } from "../core/state/state.js";
import { readStoryFile, updateStoryFile } from "../core/story/story-file.js";
import { PathEscapeError, type MergeOutcome, type Ports } from "./ports.js";
import { runPool } from "./pool.js";
import { own } from "../core/own.js";

export interface IntegrationTarget {
  /** A checkout of the target branch. */
  dir: string;
  /** The ref holding a story's branch tip in that checkout. */
  branchRef: (storyId: string) => string;
  /** Where integration logs go. */
  logDir: string;
  /** What logDir must stay inside, links resolved. */
  logRoot?: string;
  runUrl?: string;
  /**
   * The working copy the merged result's tests run in, prepared by the plan's setup (issue 10); `done` hands
   * it back. Absent: they run in `dir` as it is.
   */
  testCopy?: () => Promise<TestCopy>;
  /** Whether the merged result's tests of these stories run in the background (ports.ts, Priority). */
  background?: (storyIds: string[]) => Promise<boolean>;
}

export type TestCopy = { ok: true; dir: string; done: () => Promise<void> } | { ok: false; reason: string };

/** Merges the given completed stories (plan order) and checks their tests on the merged result. */
export async function integrateStories(ports: Ports, plan: Plan, target: IntegrationTarget, ids: string[]): Promise<void> {
  await retestMerged(ports, plan, target, await mergeStories(ports, plan, target, ids));
}

/** Merges the given completed stories in plan order, one merge commit each; returns those merged. */
export async function mergeStories(ports: Ports, plan: Plan, target: IntegrationTarget, ids: string[]): Promise<Story[]> {
  const git = ports.integration(target.dir);
  const merged: Story[] = [];
  // A tdd-waves killed inside `git merge` left MERGE_HEAD: that merge is redone below, from the start.
  if ((await git.unfinishedMerge()) === "ours") await git.abortMerge();
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
      const reason = mergeFailure(r);
      // A conflict with what the target now holds is rebuilt on it (once); a merge git refused to start is not.
      outcomes.push(r.kind === "conflict" ? integrationRejected(story.id, reason, retriesOf(plan, story), ports.now()) : failStory(story.id, reason, ports.now(), "integrate"));
      rejected.push({ story, reason });
    }
  }
  if (outcomes.length > 0) reportRejected(ports, await ports.store.update(chain(...outcomes), `integrate ${ids.join(", ")}`), rejected);
  return merged;
}

/** Why a merge failed, in words: a conflict (the stories disagree) is not a merge git refused to start. */
export function mergeFailure(r: Extract<MergeOutcome, { ok: false }>): string {
  if (r.kind === "conflict") return `merge conflict in ${r.conflicts.join(", ")}`;
  const lines = r.message.split("\n");
  const first = (lines.find((l) => l.trim() !== "") ?? "no reason given").replace(/^(error|fatal): /, "").replace(/:\s*$/, "").trim();
  // Git lists the files it names (untracked files a merge would overwrite) one per line, indented.
  const files = lines.filter((l) => /^\t/.test(l)).map((l) => l.trim());
  return `merge refused by git: ${first}${files.length ? `: ${files.join(", ")}` : ""}`;
}

/**
 * Runs the merged stories' tests once more on the merged result: a story whose tests now fail is rebuilt on
 * it (once, when it has retries), otherwise ❌ Failed.
 */
export async function retestMerged(ports: Ports, plan: Plan, target: IntegrationTarget, merged: Story[]): Promise<void> {
  if (merged.length === 0) return;
  const copy: TestCopy = target.testCopy ? await target.testCopy() : { ok: true, dir: target.dir, done: async () => undefined };
  let failing: (boolean | undefined)[];
  const priority = (await target.background?.(merged.map((s) => s.id))) ? { background: true } : {};
  if (!copy.ok) failing = merged.map(() => true);
  else {
    try {
      failing = await runPool(merged, plan.maxParallel, async (story) => {
        try {
          const r = await ports.tests({ test: plan.test, testFile: story.testFile, storyId: story.id, cwd: copy.dir, logFile: integrationLog(target, story.id), logRoot: target.logRoot ?? target.logDir, ...priority });
          return r.exitCode !== 0 || r.timedOut;
        } catch (e) {
          // A JUnit report path that leads out of the checkout: these tests cannot be checked.
          if (e instanceof PathEscapeError) return true;
          throw e;
        }
      });
    } finally {
      await copy.done();
    }
  }
  const broken = merged.filter((_, i) => failing[i]);
  if (broken.length === 0) return;
  if (!copy.ok) {
    // Setup could not prepare the merged result: its tests never ran, so nothing says a rebuild would pass them.
    const reason = `not tested after integration: ${copy.reason}`;
    await ports.store.update(chain(...broken.map((s) => failStory(s.id, reason, ports.now(), "integrate"))), `not tested after integration: ${broken.map((s) => s.id).join(", ")}`);
    for (const s of broken) ports.progress({ type: "story", storyId: s.id, status: "failed", reason });
    return;
  }
  const reason = "fails after integration";
  const outcomes: Transition[] = [];
  for (const s of broken) {
    const output = await integrationOutput(ports, target, s.id);
    outcomes.push(integrationRejected(s.id, reason, retriesOf(plan, s), ports.now(), output));
  }
  const state = await ports.store.update(chain(...outcomes), `fails after integration: ${broken.map((s) => s.id).join(", ")}`);
  reportRejected(ports, state, broken.map((story) => ({ story, reason, log: integrationLog(target, story.id) })));
}

export const integrationLog = (target: IntegrationTarget, id: string): string => join(target.logDir, id, "integrate.log");

/** The post-merge test output of a story, for the feedback of its rebuild; undefined when there is none. */
export async function integrationOutput(ports: Ports, target: IntegrationTarget, id: string): Promise<{ log: string; text: string } | undefined> {
  const root = target.logRoot ?? target.logDir;
  const text = await ports.files.read(root, relative(root, integrationLog(target, id))).catch((e: unknown) => {
    if (e instanceof PathEscapeError) return null;
    throw e;
  });
  return text === null ? undefined : { log: `${id}/integrate.log`, text };
}

/** Says what became of stories integration rejected: back for a rebuild, or failed. */
function reportRejected(ports: Ports, state: WorkflowState, rejected: { story: Story; reason: string; log?: string }[]): void {
  for (const { story, reason, log } of rejected) {
    if (statusOf(state, story.id) === "failed") ports.progress({ type: "story", storyId: story.id, status: "failed", reason: own(state.runs, story.id)?.reason ?? reason, ...(log ? { log } : {}) });
    else ports.progress({ type: "log", message: `${story.id}: ${reason}; it is rebuilt on the integrated target` });
  }
}

/**
 * Commits, on the target, the story file of every given story that failed or is blocked — one commit
 * each, that file alone. Stories whose file already says so get no commit (safe to repeat on resume).
 */
export async function recordOutcomesOnTarget(ports: Ports, plan: Plan, target: IntegrationTarget, ids: string[]): Promise<void> {
  const git = ports.integration(target.dir);
  const state = await ports.store.read();
  if (!state) return;
  for (const story of plan.stories.filter((s) => ids.includes(s.id))) {
    const status = statusOf(state, story.id);
    if (status !== "failed" && status !== "blocked") continue;
    const text = await ports.files.read(target.dir, story.file).catch((e: unknown) => {
      if (e instanceof PathEscapeError) return null;
      throw e;
    });
    if (text === null) continue;
    const next = updateStoryFile(text, { status, verified: false, completion: outcomeCompletion(state, story, target.runUrl, readStoryFile(text).eol) }, { storyId: story.id, title: story.title });
    if (next === text) continue;
    await ports.files.write(target.dir, story.file, next);
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
