// The plan's `setup` (issue 10): a working copy is prepared before anyone works in it — before a story's
// tester, and before the tests that run on the merged result. A working copy reused for the next story kept
// setup's `reuse` paths; setup is skipped there while its fingerprint (what setup depends on, see
// adapters/working-copies.ts) is the one it was prepared for. Setup that fails for every story of a wave
// the same way is broken, not the stories: the execution stops (SetupBroken).
import type { Plan } from "../core/plan/model.js";
import type { SetupSpec } from "../core/plan/setup.js";
import { own } from "../core/own.js";
import { annotateRun, beginPhase, chain, endPhase, statusOf, type WorkflowState } from "../core/state/state.js";
import type { Ports } from "./ports.js";
import { describeExit, logFile, logRoot, priorityOf, throwIfAborted, type StoryJob } from "./story-context.js";
import type { PhaseResult } from "./story-phases.js";
import type { TestCopy } from "./integrate.js";
import type { SetupSeeds } from "./setup-seeds.js";

/** `copied`: the kept paths came from a copy of another working copy's setup (setup-seeds.ts), setup did not run. */
export type Prepared = { ok: true; skipped: boolean; copied?: boolean; fingerprint?: string } | { ok: false; reason: string };

export interface PrepareOptions {
  dir: string;
  /** The commit checked out in `dir`. */
  commit: string;
  /** The main checkout, where `copy` files come from (local runs); absent on a runner. */
  mainDir?: string;
  /** What setup last prepared this working copy for, when it kept the `reuse` paths. */
  preparedFor?: string;
  /** setupFingerprint of this commit, when the caller has it already. */
  fingerprint?: string;
  logFile: string;
  /** What logFile must stay inside, links resolved. */
  logRoot?: string;
  signal?: AbortSignal;
  /** A local run's setup shared between its working copies, when the plan's kept paths are relocatable. */
  seeds?: SetupSeeds;
  /** At a lower CPU priority (ports.ts, Priority). */
  background?: boolean;
}

/** Files a story's agents must find as the plan left them: never part of what setup depends on. */
const ownPaths = (plan: Plan): string[] => plan.stories.flatMap((s) => [s.file, s.testFile]);

/** What setup prepares `dir` for now: undefined when nothing is kept between stories (setup always runs). */
export async function setupFingerprint(ports: Ports, plan: Plan, dir: string, commit: string): Promise<string | undefined> {
  const setup = plan.setup;
  return setup && setup.reuse.length > 0 ? ports.preparation.fingerprint(dir, commit, setup.run, ownPaths(plan)) : undefined;
}

/** Copies the `copy` files in, then runs setup unless the working copy is already prepared for this commit. */
export async function prepareWorkingCopy(ports: Ports, plan: Plan, o: PrepareOptions): Promise<Prepared> {
  const setup = plan.setup;
  if (!setup) return { ok: true, skipped: true };
  if (o.mainDir !== undefined && setup.copy.length > 0) {
    const problem = await ports.preparation.copyFiles(o.mainDir, o.dir, setup.copy);
    if (problem) return { ok: false, reason: `setup failed: ${problem}` };
  }
  const fingerprint = o.fingerprint ?? (await setupFingerprint(ports, plan, o.dir, o.commit));
  if (fingerprint !== undefined && fingerprint === o.preparedFor) return { ok: true, skipped: true, fingerprint };
  const seeds = setup.relocatable && fingerprint !== undefined ? o.seeds : undefined;
  if (seeds && (await seeds.fill(fingerprint!, o.dir))) return { ok: true, skipped: false, copied: true, fingerprint };
  const r = await runSetup(ports, setup, o);
  await seeds?.made(fingerprint!, r.ok ? o.dir : undefined);
  return r.ok && fingerprint !== undefined ? { ...r, fingerprint } : r;
}

/** The setup command in a working copy, which must leave nothing git would commit. */
async function runSetup(ports: Ports, setup: SetupSpec, o: PrepareOptions): Promise<Prepared> {
  const r = await ports.agents(setup.run, {
    cwd: o.dir,
    env: {},
    timeoutMs: setup.timeoutMs,
    logFile: o.logFile,
    ...(o.logRoot !== undefined ? { logRoot: o.logRoot } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.background ? { background: true } : {}),
  });
  if (r.aborted) return { ok: false, reason: "setup failed: interrupted" };
  if (r.exitCode !== 0 || r.timedOut) return { ok: false, reason: `setup failed: ${describeExit("setup", r, setup.timeoutMs)}` };
  // What setup makes (node_modules, .venv) must be ignored by git, or the tester's commit would carry it.
  const left = await ports.workingCopy(o.dir).changedFiles("HEAD");
  if (left.length > 0) {
    const shown = left.slice(0, 3).join(", ") + (left.length > 3 ? ` and ${left.length - 3} more` : "");
    return { ok: false, reason: `setup failed: it left files git would commit (${shown}): ignore them in .gitignore` };
  }
  return { ok: true, skipped: false };
}

/** A checkout used as it is (a runner's fresh one), prepared by setup for the tests on the merged result. */
export async function preparedCheckout(ports: Ports, plan: Plan, dir: string, log: { logFile: string; logRoot: string }): Promise<TestCopy> {
  const commit = (await ports.workingCopy(dir).head())!;
  const r = await prepareWorkingCopy(ports, plan, { dir, commit, ...log });
  ports.progress({ type: "log", message: r.ok ? "Testing the merged result (setup done)" : `Not testing the merged result: ${r.reason}` });
  return r.ok ? { ok: true, dir, done: async () => undefined } : { ok: false, reason: `${r.reason} (log: ${log.logFile})` };
}

/** A story's setup phase, recorded in the state like the others (phase `setup`, its log). */
export async function setupPhase(
  ports: Ports,
  job: StoryJob,
  copy: { commit: string; mainDir?: string; preparedFor?: string; seeds?: SetupSeeds },
): Promise<{ result: PhaseResult; fingerprint?: string }> {
  const { story, plan } = job;
  const log = logFile(job, "setup");
  const now = ports.now();
  // Known to be skipped: one record, no log.
  const fingerprint = await setupFingerprint(ports, plan, job.dir, copy.commit);
  const reusing = fingerprint !== undefined && fingerprint === copy.preparedFor;
  if (!reusing) {
    await ports.store.update(beginPhase(story.id, "setup", now, { log }), `${story.id}: setup`);
    ports.progress({ type: "phase", storyId: story.id, phase: "setup" });
  }
  const r = await prepareWorkingCopy(ports, plan, {
    dir: job.dir,
    logFile: log,
    logRoot: logRoot(job),
    ...copy,
    ...(fingerprint ? { fingerprint } : {}),
    ...(job.signal ? { signal: job.signal } : {}),
    ...(await priorityOf(job)),
  });
  throwIfAborted(job);
  const kept = plan.setup!.reuse.join(", ");
  const message = !r.ok
    ? r.reason
    : r.skipped
      ? `skipped: the working copy kept ${kept} and nothing setup depends on changed`
      : r.copied
        ? `copied: ${kept} from the working copy setup prepared for the same inputs`
        : undefined;
  // The tester records the base its attempts start from; a story's first setup records it already, so that a
  // story failing there commits (and bundles) only its own work. Never over one recorded: a continued attempt
  // or a rebuild starts from another commit than the base.
  const unrecorded = own((await ports.store.read())?.runs ?? {}, story.id)?.base === undefined;
  const end = endPhase(story.id, "setup", r.ok ? "ok" : "failed", ports.now(), message);
  await ports.store.update(unrecorded ? chain(end, annotateRun(story.id, { base: copy.commit }, ports.now())) : end, `${story.id}: setup ${r.ok ? "ok" : "failed"}`);
  if (!r.ok) return { result: { ok: false, phase: "setup", reason: r.reason } };
  return { result: { ok: true }, ...(r.fingerprint === undefined ? {} : { fingerprint: r.fingerprint }) };
}

/** The execution stops: setup failed for every story of a wave in the same way. */
export class SetupBroken extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SetupBroken";
  }
}

/**
 * When every story of `wave` that ran failed in its setup phase for one same reason (and none is still running
 * or pending): a SetupBroken naming it and one log. Blocked stories did not run and do not count.
 */
export function setupBrokenIn(state: WorkflowState, wave: number): SetupBroken | undefined {
  let reason: string | undefined;
  let log: string | undefined;
  for (const id of state.waves[wave - 1] ?? []) {
    const status = statusOf(state, id);
    if (status === "blocked") continue;
    const run = own(state.runs, id);
    const last = run?.phases.at(-1);
    if (status !== "failed" || last?.phase !== "setup" || last.outcome !== "failed") return undefined;
    if (reason !== undefined && run!.reason !== reason) return undefined;
    reason = run!.reason;
    log ??= last.log;
  }
  if (reason === undefined) return undefined;
  return new SetupBroken(`${reason}, for every story of wave ${wave}: fix the plan's setup and run again${log ? ` (log: ${log})` : ""}`);
}
