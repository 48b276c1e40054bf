// The `integrate` job of a wave's run: read-only, like the story jobs. It takes the story jobs' bundles
// and records (artifacts), merges the completed stories into the target in plan order, runs their tests
// on the merged result, commits the story files of failed and blocked stories, and hands the merged
// result and its verdicts on as files. It pushes nothing and writes the state only in its checkout.
import { join } from "node:path";
import { retriesOf, storyBranch } from "../core/plan/model.js";
import { tailOf } from "../core/retries/feedback.js";
import { failStory, statusOf, type WorkflowState } from "../core/state/state.js";
import { adoptStoryRecord, failUnreported, recordProblem } from "../core/state/story-record.js";
import { own } from "../core/own.js";
import { blockStuck } from "./blocking.js";
import { notOnTarget } from "./distributed.js";
import type { PlanSource } from "./execution.js";
import { integrateStories, integrationOutput, recordOutcomesOnTarget, type IntegrationTarget } from "./integrate.js";
import { preparedCheckout } from "./setup-phase.js";
import type { Ports } from "./ports.js";
import { ARTIFACTS, importBundle, INCOMING, readStoryArtifact, writeBundle, type Verdicts } from "./wave-artifacts.js";

export interface IntegrateWaveOptions {
  source: PlanSource;
  /** A checkout of the target at the commit the wave started from. */
  dir: string;
  target: string;
  /** Where the story artifacts were downloaded (one directory per artifact). */
  inDir: string;
  /** Where the merged bundle and the verdicts go. */
  outDir: string;
  logDir: string;
  runUrl?: string;
}

export async function integrateWave(ports: Ports, opts: IntegrateWaveOptions): Promise<{ state: WorkflowState; verdicts: Verdicts }> {
  const { plan } = opts.source;
  const git = ports.plumbing(opts.dir);
  const start = (await git.revParse("HEAD"))!;
  await git.run(["checkout", "-q", "-B", opts.target]);
  let state = (await ports.store.read())!;
  const incoming = new Map<string, string>();
  const reported = new Set<string>();
  for (const id of [...state.stories.inProgress]) {
    const artifact = await readStoryArtifact(ports, join(opts.inDir, ARTIFACTS.story(id)), id);
    if (artifact === null) continue;
    reported.add(id);
    if ("problem" in artifact) {
      state = await ports.store.update(failStory(id, `the story job's result was refused: ${artifact.problem}`, ports.now(), "integrate"), `${id}: result refused`);
      continue;
    }
    if (artifact.record.outcome === "pending") {
      state = await ports.store.update(adoptStoryRecord(artifact.record, ports.now()), `${id}: sent back to pending`);
      continue;
    }
    const story = plan.stories.find((s) => s.id === id);
    const imported = await importBundle(git, artifact.bundle, `refs/heads/${storyBranch(plan.name, id)}`, INCOMING.story(id));
    const problem = !imported.ok ? imported.problem
      : imported.tip !== artifact.record.tip ? "its bundle and its record disagree on the tip"
      : story ? recordProblem(artifact.record, own(state.runs, id), retriesOf(plan, story)) : undefined;
    state = await ports.store.update(adoptStoryRecord(artifact.record, ports.now(), problem && `the story job's result was refused: ${problem}`), `${id}: result of its job`);
    if (!problem) incoming.set(id, INCOMING.story(id));
  }
  state = await ports.store.update(failUnreported(reported, ports.now()), "stories whose job sent nothing");

  const toMerge = await notOnTarget(git, state, plan);
  const target: IntegrationTarget = {
    dir: opts.dir,
    // This wave's stories come from their bundles; earlier ones (merges an earlier run could not push) from origin.
    branchRef: (id: string) => incoming.get(id) ?? `refs/remotes/origin/${storyBranch(plan.name, id)}`,
    logDir: opts.logDir,
    runUrl: opts.runUrl,
  };
  // A fresh checkout in which nothing is installed (the workflow's toolchain step ran before this one):
  // the plan's setup prepares the merged result before its tests.
  if (plan.setup) target.testCopy = () => preparedCheckout(ports, plan, opts.dir, { logFile: join(opts.logDir, "integration-setup.log"), logRoot: opts.logDir });
  await integrateStories(ports, plan, target, toMerge);
  const all = plan.stories.map((s) => s.id);
  state = await blockStuck(ports, plan, (await ports.store.read())!, all);
  await recordOutcomesOnTarget(ports, plan, target, all);
  state = (await ports.store.read())!;

  const head = (await git.revParse("HEAD"))!;
  const verdicts: Verdicts = { version: 1, start, head, stories: {} };
  for (const id of toMerge) {
    const run = own(state.runs, id);
    if (statusOf(state, id) === "complete" && run?.merged) verdicts.stories = { ...verdicts.stories, [id]: { merged: run.merged } };
    else if (statusOf(state, id) === "failed") verdicts.stories = { ...verdicts.stories, [id]: { failed: { reason: run?.reason ?? "failed in integration" } } };
    else if (run?.rebuild) {
      // Sent back for a rebuild on the integrated target: publish decides, from the state it holds, with this output as feedback.
      const output = await integrationOutput(ports, target, id);
      verdicts.stories = { ...verdicts.stories, [id]: { failed: { reason: run.rebuild.reason, ...(output ? { output: tailOf(output.text) } : {}) } } };
    }
  }
  if (head !== start) await writeBundle(git, join(opts.outDir, ARTIFACTS.mergedBundle), `refs/heads/${opts.target}`, start);
  await ports.files.write(opts.outDir, ARTIFACTS.verdicts, `${JSON.stringify(verdicts, null, 2)}\n`);
  return { state, verdicts };
}
