// The phases of one story in its working copy: tester + red check, implementation, verify + commit.
// Each phase saves the state before its agent starts and after it ends; a failure ends the story
// (❌ Failed, reason recorded, work committed on the story branch) and the others go on.
import { completionInfoFromRun, renderCompletion } from "../core/story/completion.js";
import { readStoryFile } from "../core/story/story-file.js";
import {
  annotateRun,
  beginPhase,
  chain,
  completeStory,
  endPhase,
  failStory,
  recordResult,
  type PhaseName,
  type TestEvidence,
  type Transition,
  type WorkflowState,
} from "../core/state/state.js";
import { storyBranch } from "../core/plan/model.js";
import { PathEscapeError, type Ports, type WorkingCopy } from "./ports.js";
import { acceptanceCriteria, agentEnvironment, describeExit, editStoryFile, logFile, logRoot, priorityOf, throwIfAborted, type Role, type StoryJob } from "./story-context.js";
import { checkBudget, overStoryBudget, phaseUsage, prepareUsage, stdoutFile } from "./agent-usage.js";
import { own } from "../core/own.js";

export type PhaseResult = { ok: true } | { ok: false; phase: PhaseName; reason: string };

const fail = (phase: PhaseName, reason: string): PhaseResult => ({ ok: false, phase, reason });

/**
 * Runs a phase; a path that leads out of the working copy through a symbolic link (one an agent made)
 * fails the story, not the execution: nothing is read or written there.
 */
export async function guarded(phase: PhaseName, work: () => Promise<PhaseResult>): Promise<PhaseResult> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof PathEscapeError) return fail(phase, e.message);
    throw e;
  }
}

/** Agents work on the story branch: one that leaves it (another branch, a detached HEAD) fails the story. */
async function headMoved(wc: WorkingCopy, job: StoryJob, who: string): Promise<string | undefined> {
  const branch = storyBranch(job.plan.name, job.story.id);
  const now = await wc.currentBranch();
  if (now === branch) return undefined;
  return `the ${who} moved HEAD off the story branch ${branch} (${now ? `to branch ${now}` : "detached"}); tdd-waves verifies and commits on the story branch only`;
}

/** Nested repositories an agent made: their files would be committed as a gitlink to a commit that exists nowhere. */
async function nestedProblem(wc: WorkingCopy, since: string | undefined): Promise<string | undefined> {
  if (!since) return undefined;
  const nested = await wc.nestedRepositories(since);
  if (nested.length === 0) return undefined;
  return `nested git repositor${nested.length === 1 ? "y" : "ies"} at ${nested.join(", ")}: their files cannot be committed (remove the inner .git)`;
}

/** Runs the role's agent; the state is saved before it starts (with `atStart`) and its end returned to save. */
async function runAgent(ports: Ports, job: StoryJob, role: Role, atStart?: Transition): Promise<{ result: PhaseResult; end: Transition }> {
  const { story, plan } = job;
  const name = role === "tester" ? story.tester : story.implementer;
  const agent = plan.agents[name]!;
  const phase: PhaseName = role === "tester" ? "tester" : "implementation";
  const overBudget = await checkBudget(ports, job);
  if (overBudget) return { result: fail(phase, overBudget), end: atStart ?? ((s) => s) };
  ports.progress({ type: "log", message: `Spawning ${role === "tester" ? "tester" : "implementation"} agent (${name}) for ${story.id}` });
  await editStoryFile(ports, job, {
    status: role === "tester" ? "testing" : "implementing",
    assignee: name,
    testFile: story.testFile,
    ...(role === "tester" ? { verified: false } : {}),
  });
  const env = await agentEnvironment(ports, job, role);
  const log = logFile(job, phase);
  const begin = beginPhase(story.id, phase, ports.now(), { agent: name, log, ...(job.feedback ? { feedback: job.feedback } : {}) });
  await ports.store.update(atStart ? chain(atStart, begin) : begin, `${story.id}: ${phase} started`);
  ports.progress({ type: "phase", storyId: story.id, phase, agent: name });
  await prepareUsage(ports, job, role);
  const stdout = stdoutFile(job, role, agent);
  const r = await ports.agents(agent.run, {
    cwd: job.dir,
    env,
    timeoutMs: agent.timeoutMs,
    logFile: log,
    logRoot: logRoot(job),
    signal: job.signal,
    ...(stdout ? { stdoutFile: stdout } : {}),
    ...(await priorityOf(job)),
  });
  throwIfAborted(job);
  const usage = await phaseUsage(ports, job, role, agent, phase);
  let reason = r.exitCode === 0 && !r.timedOut ? undefined : describeExit(`${role} agent ${name}`, r, agent.timeoutMs);
  reason ??= await headMoved(ports.workingCopy(job.dir), job, `${role} agent ${name}`);
  if (reason === undefined && plan.budget?.perStoryCostUsd !== undefined) {
    const state = await ports.store.read();
    if (state) reason = overStoryBudget(usage(endPhase(story.id, phase, "ok", ports.now())(state)), job);
  }
  const end = chain(endPhase(story.id, phase, reason === undefined ? "ok" : "failed", ports.now(), reason), usage);
  return { result: reason === undefined ? { ok: true } : fail(phase, reason), end };
}

async function runStoryTests(ports: Ports, job: StoryJob, name: string): Promise<TestEvidence> {
  const { plan, story } = job;
  const r = await ports.tests({ test: plan.test, testFile: story.testFile, storyId: story.id, cwd: job.dir, logFile: logFile(job, name), logRoot: logRoot(job), signal: job.signal, ...(await priorityOf(job)) });
  throwIfAborted(job);
  const { durationMs: _d, ...evidence } = r;
  return evidence;
}

/** Tester agent, then the red check: the test file exists, was created or changed, and FAILS. */
export async function testerPhase(ports: Ports, job: StoryJob): Promise<PhaseResult> {
  const { story, plan } = job;
  const git = ports.workingCopy(job.dir);
  const base = (await git.head()) ?? undefined;
  const before = await ports.files.read(job.dir, story.testFile);
  const tester = await runAgent(ports, job, "tester", annotateRun(story.id, { base }, ports.now()));
  if (!tester.result.ok) {
    await ports.store.update(tester.end, `${story.id}: tester failed`);
    return tester.result;
  }
  await ports.store.update(chain(tester.end, beginPhase(story.id, "red", ports.now(), { log: logFile(job, "red") })), `${story.id}: red check`);
  const after = await ports.files.read(job.dir, story.testFile);
  let problem = await nestedProblem(git, base);
  let red: TestEvidence | undefined;
  if (problem) {
    // Reported as it is: the tests are not run.
  } else if (after === null) problem = `test file ${story.testFile} was not written by the tester`;
  else if (after === before) problem = `test file ${story.testFile} was not created or changed by the tester`;
  else if (plan.tdd.requireRed) {
    red = await runStoryTests(ports, job, "red");
    if (red.exitCode === 0 && !red.timedOut) problem = "red check: the tests pass before implementation (they must fail first)";
  }
  const evidence = red ? recordResult(story.id, { red }, ports.now()) : (s: WorkflowState) => s;
  if (problem) {
    await ports.store.update(chain(evidence, endPhase(story.id, "red", "failed", ports.now(), problem)), `${story.id}: red failed`);
    return fail("red", problem);
  }
  const testerCommit = (await git.commitAll(`tdd-waves: tests for ${story.id} (${story.tester})`)) ?? undefined;
  const testFileBlob = await git.hashFile(story.testFile);
  await ports.store.update(
    chain(evidence, endPhase(story.id, "red", "ok", ports.now()), annotateRun(story.id, { testerCommit, testFileBlob }, ports.now())),
    `${story.id}: red ok, tests committed`,
  );
  return { ok: true };
}

export async function implementationPhase(ports: Ports, job: StoryJob): Promise<PhaseResult> {
  const impl = await runAgent(ports, job, "implementation");
  await ports.store.update(impl.end, `${job.story.id}: implementation ${impl.result.ok ? "ok" : "failed"}`);
  return impl.result;
}

/** Production check: tests pass, the test file is what the tester left, every AC box is checked. */
export async function verifyPhase(ports: Ports, job: StoryJob, lockedBlob: string | undefined): Promise<PhaseResult> {
  const { story, plan } = job;
  const git = ports.workingCopy(job.dir);
  await ports.store.update(beginPhase(story.id, "verify", ports.now(), { log: logFile(job, "verify") }), `${story.id}: verify`);
  const green = await runStoryTests(ports, job, "verify");
  const criteria = await acceptanceCriteria(ports, job);
  const acComplete = criteria.length > 0 && criteria.every((c) => c.checked);
  const problems: string[] = [];
  const moved = await headMoved(git, job, "agents");
  if (moved) problems.push(moved);
  const recorded = await ports.store.read();
  const nested = await nestedProblem(git, recorded ? own(recorded.runs, story.id)?.base : undefined);
  if (nested) problems.push(nested);
  if (green.timedOut) problems.push("tests timed out");
  else if (green.exitCode !== 0) problems.push(`tests fail (exit code ${green.exitCode})`);
  if (plan.tdd.lockTests) {
    const now = (await ports.files.read(job.dir, story.testFile)) === null ? null : await git.hashFile(story.testFile);
    if (now === null) problems.push(`the test file ${story.testFile} was deleted`);
    else if (lockedBlob !== undefined && now !== lockedBlob) problems.push(`the test file ${story.testFile} was changed after the tester wrote it`);
  }
  if (!acComplete) {
    const open = criteria.filter((c) => !c.checked).length;
    problems.push(criteria.length === 0 ? "the story file has no acceptance criteria" : `${open} acceptance criteria not checked`);
  }
  const verified = problems.length === 0;
  const reason = verified ? undefined : `verify: ${problems.join("; ")}`;
  await ports.store.update(
    chain(
      recordResult(story.id, { acChecklistComplete: acComplete, verifiedProduction: verified, green }, ports.now()),
      endPhase(story.id, "verify", verified ? "ok" : "failed", ports.now(), reason),
    ),
    `${story.id}: verify ${verified ? "ok" : "failed"}`,
  );
  return verified ? { ok: true } : fail("verify", reason!);
}

/** Success: ✅ Complete, Verified yes, Completion filled, committed on the story branch. */
export async function completeInWorkingCopy(ports: Ports, job: StoryJob): Promise<void> {
  const files = await finishStoryFile(ports, job, { outcome: "complete" });
  await ports.store.update(chain(files, completeStory(job.story.id, ports.now())), `${job.story.id}: complete`);
  ports.progress({ type: "story", storyId: job.story.id, status: "complete" });
}

/** Failure: ❌ Failed with the reason; the work so far is committed on the story branch all the same. */
export async function failInWorkingCopy(ports: Ports, job: StoryJob, result: Extract<PhaseResult, { ok: false }>): Promise<void> {
  const files = await finishStoryFile(ports, job, { outcome: "failed", reason: result.reason });
  await ports.store.update(chain(files, failStory(job.story.id, result.reason, ports.now(), result.phase)), `${job.story.id}: failed`);
  const log = (["setup", "tester", "red", "implementation", "verify"] as string[]).includes(result.phase) ? logFile(job, result.phase) : undefined;
  ports.progress({ type: "story", storyId: job.story.id, status: "failed", reason: result.reason, ...(log ? { log } : {}) });
}

/** Commits the work with the finished story file; returns the files-modified record to save with the outcome. */
async function finishStoryFile(ports: Ports, job: StoryJob, end: { outcome: "complete" | "failed"; reason?: string }): Promise<Transition> {
  const { story } = job;
  const git = ports.workingCopy(job.dir);
  // Whatever an agent did with HEAD, the story's work is committed on the story branch and nowhere else.
  const branch = storyBranch(job.plan.name, story.id);
  if ((await git.currentBranch()) !== branch) await git.returnToBranch(branch);
  const state = await ports.store.read();
  const run = state && own(state.runs, story.id);
  const base = run?.base;
  // What differs from the base in the working tree (untracked files too) is what the commit below holds.
  const filesModified = base ? await git.changedFiles(base) : [];
  const withStory = filesModified.includes(story.file) ? filesModified : [...filesModified, story.file].sort();
  try {
    const eol = readStoryFile((await ports.files.read(job.dir, story.file)) ?? "").eol;
    const info = run ? completionInfoFromRun(run, { testerAgent: story.tester, implAgent: story.implementer }) : {};
    const completion = renderCompletion(
      { ...info, outcome: end.outcome, reason: end.reason, filesModified: withStory, runUrl: job.runUrl ?? run?.runUrl },
      eol,
    );
    await editStoryFile(ports, job, { status: end.outcome, verified: end.outcome === "complete", completion });
  } catch (e) {
    // A story file that now leads out of the working copy is left alone; the outcome is in the state.
    if (!(e instanceof PathEscapeError)) throw e;
  }
  const commit = await git.commitAll(`tdd-waves: ${story.id} ${end.outcome === "complete" ? "complete" : `failed: ${end.reason}`}`);
  return recordResult(story.id, { filesModified: withStory, commit: commit ?? undefined }, ports.now());
}

