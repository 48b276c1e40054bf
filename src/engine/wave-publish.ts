// The `publish` job of a wave's run: the only job that holds write permissions, and it runs no command
// of the plan and no code of the repository. It checks what the read-only jobs sent (each bundle holds
// only its story's branch, which starts from the wave's target commit; a completed story's test file is
// byte-identical to the one its tester's bundle holds; the merged result descends from that commit and
// contains no refused story), then pushes the story branches and the target and writes the state.
import { join } from "node:path";
import { retriesOf, storyBranch, type Plan } from "../core/plan/model.js";
import { integrationRejected } from "../core/retries/rebuild.js";
import { TAIL_CHARS } from "../core/retries/feedback.js";
import { annotateRun, failStory, nextOpenWave, recordError, statusOf, type StoryRun, type WorkflowState } from "../core/state/state.js";
import { adoptStoryRecord, failUnreported, recordProblem, type StoryRecord } from "../core/state/story-record.js";
import { executionBudgetReached } from "../core/agents/budget.js";
import type { Plumbing as Git } from "./ports.js";
import { own } from "../core/own.js";
import { blockStuck } from "./blocking.js";
import { setupBrokenIn } from "./setup-phase.js";
import { notOnTarget } from "./distributed.js";
import type { PlanSource } from "./execution.js";
import type { Ports } from "./ports.js";
import { ARTIFACTS, importBundle, INCOMING, readStoryArtifact, readVerdicts } from "./wave-artifacts.js";

export interface PublishOptions {
  source: PlanSource;
  /** A checkout of the target branch (no credentials in it: pushes authenticate through the environment). */
  dir: string;
  target: string;
  /** The target commit the wave started from (the plan job's output). */
  start: string;
  /** Where every artifact of the run was downloaded (one directory per artifact). */
  inDir: string;
  remote?: string;
}

export interface PublishResult {
  state: WorkflowState;
  hasMore: boolean;
  /** What was refused or could not be done, one sentence each (also in the state's errors when it stops the execution). */
  problems: string[];
}

/** How often `publish` merges a target that moved under it and pushes again before it gives up. */
const TARGET_PUSH_ATTEMPTS = 5;

export async function publishWave(ports: Ports, opts: PublishOptions): Promise<PublishResult> {
  const { plan } = opts.source;
  const remote = opts.remote ?? "origin";
  const git = ports.plumbing(opts.dir);
  let state = await ports.store.read();
  if (!state) throw new Error(`there is no state of plan ${plan.name} to publish into`);
  const problems: string[] = [];
  const wave = [...state.stories.inProgress];
  const accepted: string[] = [];
  const reported = new Set<string>();
  for (const id of wave) {
    const artifact = await readStoryArtifact(ports, join(opts.inDir, ARTIFACTS.story(id)), id);
    if (artifact === null) continue;
    reported.add(id);
    const problem: string | undefined = "problem" in artifact ? artifact.problem
      : artifact.record.outcome === "pending" ? undefined
      : await checkStory(git, plan, artifact.record, artifact.bundle, opts, own(state.runs, id));
    const refused: string | undefined = problem && `the story job's result was refused: ${problem}`;
    if (refused) problems.push(`${id}: ${refused}`);
    state = "problem" in artifact
      ? await ports.store.update(failStory(id, refused!, ports.now(), "publish"), `${id}: result refused`)
      : await ports.store.update(adoptStoryRecord(artifact.record, ports.now(), refused), `${id}: result of its job`);
    if (!problem && !("problem" in artifact) && artifact.record.outcome !== "pending") accepted.push(id);
  }
  state = await ports.store.update(failUnreported(reported, ports.now()), "stories whose job sent nothing");
  if (accepted.length > 0) {
    await git.push(remote, accepted.map((id) => `${INCOMING.story(id)}:refs/heads/${storyBranch(plan.name, id)}`), { force: true });
  }

  const head = await checkIntegration(ports, git, plan, state, wave, opts, problems);
  if (head !== null) state = await applyVerdicts(ports, git, plan, state, head.verdicts);
  state = await blockStuck(ports, plan, state, plan.stories.map((s) => s.id));
  if (head !== null && head.sha !== opts.start) {
    await git.run(["checkout", "-q", "-B", opts.target, head.sha]);
    try {
      await pushTarget(git, remote, opts.target);
    } catch (e) {
      problems.push(`the target branch ${opts.target} could not be updated: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const unmerged = head === null || problems.length > 0 ? await notOnTarget(git, state, plan) : [];
  if (unmerged.length > 0) problems.push(`${unmerged.join(", ")} ${unmerged.length === 1 ? "is" : "are"} complete but not merged into ${opts.target}: run the workflow again to integrate them`);
  // The plan's setup failed for every story of the wave the same way: setup is broken, not the stories.
  const broken = setupBrokenIn(state, state.currentWave);
  if (broken) problems.push(broken.message);
  if (problems.length > 0 && (broken || unmerged.length > 0 || problems.some((p) => p.startsWith("the target branch")))) {
    state = await ports.store.update(recordError(problems.join("; "), ports.now(), true), "publish: execution stopped");
  }
  // A used-up budget leaves stories pending; the next run would start none of them.
  return { state, hasMore: state.status !== "error" && nextOpenWave(state) > 0 && !executionBudgetReached(state, plan.budget), problems };
}

/**
 * Why a story job's result cannot be taken, or undefined when it can (its bundle is then fetched to INCOMING).
 * `run`: the story's run as this job's state has it, before the record (its attempts, its rebuild).
 */
async function checkStory(git: Git, plan: Plan, record: StoryRecord, bundle: string, opts: PublishOptions, run: StoryRun | undefined): Promise<string | undefined> {
  const id = record.story;
  const story = plan.stories.find((s) => s.id === id)!;
  const branch = `refs/heads/${storyBranch(plan.name, id)}`;
  const attempts = recordProblem(record, run, retriesOf(plan, story));
  if (attempts) return attempts;
  const imported = await importBundle(git, bundle, branch, INCOMING.story(id));
  if (!imported.ok) return imported.problem;
  if (imported.tip !== record.tip) return "its bundle and its record disagree on the tip";
  if (!(await git.isAncestor(opts.start, imported.tip))) return `${branch} does not start from ${opts.target} at ${opts.start.slice(0, 12)}`;
  if (record.outcome !== "complete" || !plan.tdd.lockTests) return undefined;
  // A rebuild has no tester: its test file must be the one the story's verified commit held, as recorded here.
  const locked = run?.rebuild?.attempt === run?.attempt ? run?.rebuild?.testFileBlob : undefined;
  if (locked !== undefined) {
    return (await git.revParse(`${imported.tip}:${story.testFile}`)) === locked ? undefined : `the test file ${story.testFile} differs from the one the story's tests were verified with`;
  }
  const tester = await importBundle(git, join(opts.inDir, ARTIFACTS.tester(id), ARTIFACTS.testerBundle), branch, INCOMING.tester(id));
  if (!tester.ok) return `the tester's bundle: ${tester.problem}`;
  if (!(await git.isAncestor(tester.tip, imported.tip))) return "the story branch does not contain the tester's commit";
  const [now, written] = await Promise.all([git.revParse(`${imported.tip}:${story.testFile}`), git.revParse(`${tester.tip}:${story.testFile}`)]);
  if (written === null || now !== written) return `the test file ${story.testFile} differs from the one the tester wrote`;
  return undefined;
}

/** The merged result integrate sent, when it holds up; otherwise null with the reason in `problems`. */
async function checkIntegration(
  ports: Ports, git: Git, plan: Plan, state: WorkflowState, wave: string[], opts: PublishOptions, problems: string[],
): Promise<{ sha: string; verdicts: NonNullable<Awaited<ReturnType<typeof readVerdicts>>> } | null> {
  const dir = join(opts.inDir, ARTIFACTS.integrated);
  const verdicts = await readVerdicts(ports, dir);
  if (verdicts === null) {
    problems.push("the integrate job sent no result");
    return null;
  }
  let sha = opts.start;
  if (verdicts.head !== opts.start) {
    const imported = await importBundle(git, join(dir, ARTIFACTS.mergedBundle), `refs/heads/${opts.target}`, INCOMING.merged);
    const problem = !imported.ok ? imported.problem : imported.tip !== verdicts.head ? "its bundle and its verdicts disagree on the head" : undefined;
    if (problem) {
      problems.push(`the merged result was refused: ${problem}`);
      return null;
    }
    sha = verdicts.head;
  }
  if (!(await git.isAncestor(opts.start, sha))) {
    problems.push(`the merged result was refused: it does not descend from ${opts.target} at ${opts.start.slice(0, 12)}`);
    return null;
  }
  for (const id of wave) {
    const tip = await git.revParse(INCOMING.story(id));
    if (tip !== null && statusOf(state, id) !== "complete" && (await git.isAncestor(tip, sha))) {
      problems.push(`the merged result was refused: it contains ${id}, which is ${statusOf(state, id)}`);
      return null;
    }
  }
  const history = await historyProblem(git, plan, state, opts.start, sha);
  if (history) {
    problems.push(`the merged result was refused: ${history}`);
    return null;
  }
  return { sha, verdicts };
}

/**
 * What integrate may have added on top of the wave's start, commit by commit along the first parents:
 * merges of a completed story's tip whose tree is exactly what git's own merge of the two gives, and
 * commits that change story files only (failed and blocked stories' status). Anything else, whoever
 * uploaded it, is refused.
 */
async function historyProblem(git: Git, plan: Plan, state: WorkflowState, start: string, head: string): Promise<string | undefined> {
  const tips = new Set<string>();
  for (const story of plan.stories) {
    if (statusOf(state, story.id) !== "complete") continue;
    const tip = (await git.revParse(INCOMING.story(story.id))) ?? (await git.revParse(`refs/remotes/origin/${storyBranch(plan.name, story.id)}`));
    if (tip) tips.add(tip);
  }
  const storyFiles = new Set(plan.stories.map((s) => s.file));
  const lines = (await git.run(["rev-list", "--first-parent", "--parents", `${start}..${head}`])).stdout.split("\n").filter(Boolean);
  for (const line of lines) {
    const [commit, first, second, ...more] = line.split(" ");
    const short = commit!.slice(0, 12);
    if (more.length > 0 || first === undefined) return `commit ${short} is not a two-parent merge or a plain commit`;
    if (second !== undefined) {
      if (!tips.has(second)) return `merge ${short} merges ${second.slice(0, 12)}, which is no completed story's branch`;
      const merged = await git.run(["merge-tree", "--write-tree", "--no-messages", first, second], { allowFail: true });
      const tree = (await git.run(["rev-parse", `${commit}^{tree}`])).stdout.trim();
      if (merged.code !== 0 || merged.stdout.split("\n")[0] !== tree) return `merge ${short} holds more (or less) than the merge of its parents`;
    } else {
      const changed = (await git.run(["diff-tree", "--no-commit-id", "--name-only", "-r", "-z", first, commit!])).stdout.split("\0").filter(Boolean);
      const other = changed.find((f) => !storyFiles.has(f));
      if (other !== undefined) return `commit ${short} changes ${other}, which is not a story file`;
    }
  }
  return undefined;
}

/**
 * Integrate's verdicts on the stories publish holds complete and not merged: merged (when the merge is in the
 * result), or rejected: a merge conflict or tests failing on the merged result send the story back for one
 * rebuild on the integrated target (a later run of this wave) when its record allows, anything else fails it.
 */
async function applyVerdicts(ports: Ports, git: Git, plan: Plan, state: WorkflowState, verdicts: { head: string; stories: Record<string, { merged?: unknown; failed?: { reason?: unknown; output?: unknown } }> }): Promise<WorkflowState> {
  for (const id of await notOnTarget(git, state, plan)) {
    const verdict = own(verdicts.stories, id);
    const merged = typeof verdict?.merged === "string" ? verdict.merged : undefined;
    const tip = (await git.revParse(INCOMING.story(id))) ?? (await git.revParse(`refs/remotes/origin/${storyBranch(plan.name, id)}`));
    if (merged && tip && (await git.revParse(`${merged}^{commit}`)) && (await git.isAncestor(merged, verdicts.head)) && (await git.isAncestor(tip, merged))) {
      state = await ports.store.update(annotateRun(id, { merged }, ports.now()), `${id}: merged`);
    } else if (verdict?.failed) {
      const reason = typeof verdict.failed.reason === "string" ? verdict.failed.reason.slice(0, 500) : "failed in integration";
      const story = plan.stories.find((s) => s.id === id)!;
      if (tip && (reason.startsWith("merge conflict") || reason === "fails after integration")) {
        const output = typeof verdict.failed.output === "string" ? { log: `${id}/integrate.log`, text: verdict.failed.output.slice(-TAIL_CHARS) } : undefined;
        // The rebuild starts from the tip checked and pushed here, and must keep its test file.
        const testFileBlob = (await git.revParse(`${tip}:${story.testFile}`)) ?? undefined;
        const rejected = integrationRejected(id, reason, retriesOf(plan, story), ports.now(), output, { from: tip, ...(testFileBlob ? { testFileBlob } : {}) });
        state = await ports.store.update(rejected, `${id}: ${reason}`);
      } else {
        state = await ports.store.update(failStory(id, reason, ports.now(), "integrate"), `${id}: failed in integration`);
      }
    }
  }
  return state;
}

/** A push refused because the remote branch moved on (someone pushed to it during the wave). */
const TARGET_MOVED = /\[rejected\]|\(fetch first\)|non-fast-forward/;

/**
 * Pushes the integrated target. When someone pushed to it meanwhile (a commit on the pull request
 * during the wave), their commits are fetched and merged, and the push is tried again.
 */
async function pushTarget(git: Git, remote: string, target: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const r = await git.run(["push", remote, `HEAD:refs/heads/${target}`], { allowFail: true, env: { LC_ALL: "C" } });
    if (r.code === 0) return;
    if (!TARGET_MOVED.test(r.stderr)) throw new Error(`git push ${remote} ${target} failed: ${r.stderr.trim()}`);
    if (attempt === TARGET_PUSH_ATTEMPTS) throw new Error(`${target} kept moving: the push was rejected ${attempt} times`);
    const tracking = `refs/remotes/${remote}/${target}`;
    await git.fetch(remote, [`+refs/heads/${target}:${tracking}`]);
    const merged = await git.merge(tracking, `tdd-waves: merge ${target} (updated during the wave)`);
    if (!merged.ok) throw new Error(`${target} changed during the wave and merging it failed: ${merged.kind === "conflict" ? `conflicts in ${merged.conflicts.join(", ") || "some files"}` : merged.message}`);
  }
}
