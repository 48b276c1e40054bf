// The execution state (SPEC §4) and every transition on it, as pure functions state -> state.
// Pure so that the state store can re-read and re-apply a transition when a compare-and-swap loses.
import type { Plan } from "../plan/model.js";
import type { ExecutionStop } from "../agents/budget.js";
import type { AgentUsage, UsageTotals } from "../agents/usage.js";
import { own } from "../own.js";

export type StoryStatus = "pending" | "testing" | "implementing" | "complete" | "failed" | "blocked";
export type PhaseName = "setup" | "tester" | "red" | "implementation" | "verify" | "integrate";
export type PhaseOutcome = "running" | "ok" | "failed";

export interface PhaseRecord {
  phase: PhaseName;
  agent?: string;
  start: string;
  end?: string;
  outcome: PhaseOutcome;
  message?: string;
  /** Log file of this phase, relative to where the run keeps its logs. */
  log?: string;
  /** What an agent phase reported it used (core/agents/usage.ts); absent when it reported nothing. */
  usage?: AgentUsage;
  /** The attempt this phase belongs to (absent in states written before retries: the run's attempt). */
  attempt?: number;
  /** Feedback the agent of this phase was given (on a retry or a rebuild). */
  feedback?: string;
  /** Cut short by an execution that stopped (kill -9): recorded as failed, run again on resume. */
  interrupted?: boolean;
}

/** Evidence of one test-command run. */
export interface TestEvidence {
  exitCode: number | null;
  passed: number | null;
  total: number | null;
  timedOut?: boolean;
  /** Whether the counts come from the JUnit report the plan names (false: from the output, or none). */
  junitFound?: boolean;
}

export interface StoryResult {
  filesModified: string[];
  acChecklistComplete: boolean;
  verifiedProduction: boolean;
  red?: TestEvidence;
  green?: TestEvidence;
  /** Commit of the story branch that was verified. */
  commit?: string;
}

export interface StoryRun {
  attempt: number;
  wave: number;
  status: StoryStatus;
  phases: PhaseRecord[];
  result?: StoryResult;
  reason?: string;
  runUrl?: string;
  /** Commit the tester left (tests written), and the test file's blob there: what lockTests compares to. */
  testerCommit?: string;
  testFileBlob?: string;
  /** Commit the story's branch started from. */
  base?: string;
  /** Merge commit on the target branch, once integrated. */
  merged?: string;
  /** First attempt of the current set of attempts (a retry command starts a new set); absent: `attempt`. */
  firstAttempt?: number;
  /** Feedback for the current attempt (what the previous one got wrong). */
  feedback?: string;
  /** The execution stopped during the current attempt: the next start continues it instead of starting another. */
  resume?: boolean;
  /** A rebuild on the integrated target after a merge conflict or a failure after integration (once per set). */
  rebuild?: RebuildRecord;
  /** The current set of attempts has had its rebuild. */
  rebuilt?: boolean;
}

export interface RebuildRecord {
  /** Why the story's first integration failed: "merge conflict in …" or "fails after integration". */
  reason: string;
  feedback: string;
  /** The verified commit whose test file and story file the rebuild starts from. */
  from?: string;
  /** The test file's blob in `from`: the rebuild's test file must stay byte-identical to it (publish checks). */
  testFileBlob?: string;
  /** The rebuild's attempt number, once started. */
  attempt?: number;
  /** The commit on the integrated target holding the story's test file and story file, once prepared. */
  commit?: string;
}

export interface StateError {
  at: string;
  story?: string;
  phase?: string;
  message: string;
}

export interface StoryBuckets {
  pending: string[];
  inProgress: string[];
  completed: string[];
  failed: string[];
  blocked: string[];
}

export interface ExecutionLock {
  /** Who runs the execution: "local" (host + pid) or "github" (run id). */
  kind: "local" | "github";
  id: string;
  host?: string;
  pid?: number;
  since: string;
}

export interface WorkflowState {
  version: 1;
  /** `digestWithoutBudget`: the plan's meaning without its budget, so that a raised budget resumes the execution. */
  plan: { name: string; path: string; digest: string; digestWithoutBudget?: string };
  target: string;
  status: "pending" | "executing" | "complete" | "error";
  currentWave: number;
  waves: string[][];
  stories: StoryBuckets;
  epics: Record<string, { total: number; completed: number; failed: number }>;
  runs: Record<string, StoryRun>;
  errors: StateError[];
  lastUpdate: string;
  /** Story id -> epic, so that epic counts can be derived without the plan. */
  storyEpics: Record<string, string>;
  lock?: ExecutionLock;
  /** Agent usage per story, over all its attempts (core/agents/budget.ts). */
  usage?: Record<string, UsageTotals>;
  /** Why the execution stopped with stories left (its budget); cleared when it resumes. */
  stopped?: ExecutionStop;
}

export type Transition = (state: WorkflowState) => WorkflowState;

/** Several transitions applied as one (one state write for steps that happen at the same moment). */
export const chain =
  (...transitions: Transition[]): Transition =>
  (state) =>
    transitions.reduce((acc, t) => t(acc), state);

export function createState(args: {
  plan: Plan;
  planPath: string;
  digest: string;
  target: string;
  waves: string[][];
  now: string;
}): WorkflowState {
  const { plan } = args;
  const storyEpics = Object.fromEntries(plan.stories.map((s) => [s.id, s.epic]));
  return derive({
    version: 1,
    plan: { name: plan.name, path: args.planPath, digest: args.digest },
    target: args.target,
    status: "pending",
    currentWave: 0,
    waves: args.waves,
    stories: { pending: plan.stories.map((s) => s.id), inProgress: [], completed: [], failed: [], blocked: [] },
    epics: {},
    runs: {},
    errors: [],
    lastUpdate: args.now,
    storyEpics,
  });
}

/** Where a story stands, from the buckets (the buckets are the truth; runs hold the detail). */
export function statusOf(state: WorkflowState, id: string): StoryStatus {
  if (state.stories.completed.includes(id)) return "complete";
  if (state.stories.failed.includes(id)) return "failed";
  if (state.stories.blocked.includes(id)) return "blocked";
  if (state.stories.inProgress.includes(id)) return own(state.runs, id)?.status ?? "testing";
  return "pending";
}

export function waveOf(state: WorkflowState, id: string): number {
  const i = state.waves.findIndex((w) => w.includes(id));
  return i < 0 ? 0 : i + 1;
}

function moveTo(buckets: StoryBuckets, id: string, to: keyof StoryBuckets): StoryBuckets {
  const next: StoryBuckets = {
    pending: buckets.pending.filter((x) => x !== id),
    inProgress: buckets.inProgress.filter((x) => x !== id),
    completed: buckets.completed.filter((x) => x !== id),
    failed: buckets.failed.filter((x) => x !== id),
    blocked: buckets.blocked.filter((x) => x !== id),
  };
  next[to] = [...next[to], id];
  return next;
}

/** Recomputes everything derivable: epic counts and the overall status. Applied on every write. */
export function derive(state: WorkflowState): WorkflowState {
  const epics: WorkflowState["epics"] = {};
  const all = [
    ...state.stories.pending,
    ...state.stories.inProgress,
    ...state.stories.completed,
    ...state.stories.failed,
    ...state.stories.blocked,
  ];
  for (const id of all) {
    const epic = own(state.storyEpics, id) ?? id;
    const e = own(epics, epic) ?? (epics[epic] = { total: 0, completed: 0, failed: 0 });
    e.total += 1;
    if (state.stories.completed.includes(id)) e.completed += 1;
    if (state.stories.failed.includes(id)) e.failed += 1;
  }
  let status = state.status;
  if (status !== "error") {
    const open = state.stories.pending.length + state.stories.inProgress.length;
    if (open === 0) status = "complete";
    else if (status === "complete") status = "executing";
  }
  return { ...state, epics, status };
}

function touch(state: WorkflowState, now: string): WorkflowState {
  return derive({ ...state, lastUpdate: now });
}

function withRun(state: WorkflowState, id: string, f: (run: StoryRun) => StoryRun): WorkflowState {
  const run = own(state.runs, id) ?? { attempt: 0, wave: waveOf(state, id), status: "pending" as StoryStatus, phases: [] };
  return { ...state, runs: { ...state.runs, [id]: f(run) } };
}

/** A wave starts: it becomes the current wave and the execution is under way. */
export const startWave =
  (wave: number, now: string): Transition =>
  (state) =>
    touch({ ...state, currentWave: Math.max(state.currentWave, wave), status: state.status === "error" ? "error" : "executing" }, now);

/** A story starts a new attempt (from the tester phase). Idempotent for an attempt already started. */
export const startStory =
  (id: string, now: string, runUrl?: string): Transition =>
  (state) => {
    if (statusOf(state, id) === "complete") return state;
    const next = withRun(state, id, (run) => {
      const { resume: _r, reason: _reason, ...kept } = run;
      const common = { ...kept, wave: waveOf(state, id), ...(runUrl ? { runUrl } : {}) };
      // An attempt the execution was in when it stopped is continued, never started over.
      if (run.resume && run.attempt > 0) return { ...common, status: "testing" as StoryStatus };
      // A rebuild on the integrated target: one more attempt, beyond the retries.
      if (run.rebuild && run.rebuild.attempt === undefined) {
        const attempt = run.attempt + 1;
        return { ...common, attempt, status: "implementing" as StoryStatus, feedback: run.rebuild.feedback, rebuild: { ...run.rebuild, attempt } };
      }
      // A new set of attempts; the phases of earlier ones stay on record (the Gantt shows them all).
      const { rebuild: _b, rebuilt: _d, feedback: _f, merged: _m, ...fresh } = common;
      return { ...fresh, attempt: run.attempt + 1, firstAttempt: run.attempt + 1, status: "testing" as StoryStatus };
    });
    return touch({ ...next, stories: moveTo(next.stories, id, "inProgress"), status: "executing" }, now);
  };

const phaseStatus: Partial<Record<PhaseName, StoryStatus>> = { tester: "testing", red: "testing", implementation: "implementing", verify: "implementing" };

export const beginPhase =
  (id: string, phase: PhaseName, now: string, extra: { agent?: string; log?: string; feedback?: string } = {}): Transition =>
  (state) =>
    touch(
      withRun(state, id, (run) => ({
        ...run,
        status: phaseStatus[phase] ?? run.status,
        phases: [...run.phases, { phase, ...extra, start: now, outcome: "running", attempt: run.attempt }],
      })),
      now,
    );

export const endPhase =
  (id: string, phase: PhaseName, outcome: "ok" | "failed", now: string, message?: string): Transition =>
  (state) =>
    touch(
      withRun(state, id, (run) => {
        const phases = [...run.phases];
        for (let i = phases.length - 1; i >= 0; i--) {
          const p = phases[i]!;
          if (p.phase === phase && p.outcome === "running") {
            phases[i] = { ...p, end: now, outcome, ...(message ? { message } : {}) };
            return { ...run, phases };
          }
        }
        phases.push({ phase, start: now, end: now, outcome, ...(message ? { message } : {}), attempt: run.attempt });
        return { ...run, phases };
      }),
      now,
    );

/** Records what verify found, before integration decides the story's fate. */
export const recordResult =
  (id: string, result: Partial<StoryResult>, now: string): Transition =>
  (state) =>
    touch(
      withRun(state, id, (run) => ({
        ...run,
        result: { filesModified: [], acChecklistComplete: false, verifiedProduction: false, ...run.result, ...result },
      })),
      now,
    );

/** Extra facts of the current attempt (tester commit, base, merge commit, …). */
export const annotateRun =
  (id: string, facts: Partial<Pick<StoryRun, "testerCommit" | "testFileBlob" | "base" | "merged" | "runUrl">>, now: string): Transition =>
  (state) =>
    touch(withRun(state, id, (run) => ({ ...run, ...facts })), now);

export const completeStory =
  (id: string, now: string): Transition =>
  (state) => {
    const next = withRun(state, id, (run) => ({ ...run, status: "complete", reason: undefined }));
    return touch({ ...next, stories: moveTo(next.stories, id, "completed") }, now);
  };

/**
 * Stories whose story file on the target already says ✅ Complete (done before this execution, or by a
 * design tool) count as complete and merged: they are skipped, not run again.
 */
export const adoptCompleted =
  (ids: string[], targetCommit: string, now: string): Transition =>
  (state) => {
    let next = state;
    for (const id of ids) {
      if (statusOf(next, id) !== "pending") continue;
      // Sent back for a rebuild, it is not complete, whatever the story file its first merge brought says.
      if (own(next.runs, id)?.rebuild) continue;
      // A story this execution completed before a restart keeps its record; others say where they came from.
      next = withRun(next, id, (run) =>
        run.status === "complete" && run.result ? { ...run, merged: targetCommit } : { ...run, status: "complete", merged: targetCommit, reason: "already complete on the target branch" },
      );
      next = { ...next, stories: moveTo(next.stories, id, "completed") };
    }
    return next === state ? state : touch(next, now);
  };

export const failStory =
  (id: string, reason: string, now: string, phase?: string): Transition =>
  (state) => {
    const next = withRun(state, id, (run) => ({ ...run, status: "failed", reason }));
    const errors = [...next.errors, { at: now, story: id, ...(phase ? { phase } : {}), message: reason }];
    return touch({ ...next, errors, stories: moveTo(next.stories, id, "failed") }, now);
  };

export const blockStory =
  (id: string, reason: string, now: string): Transition =>
  (state) => {
    if (statusOf(state, id) === "complete") return state;
    const next = withRun(state, id, (run) => ({ ...run, status: "blocked", reason }));
    return touch({ ...next, stories: moveTo(next.stories, id, "blocked") }, now);
  };

/** Phases an execution left running, recorded as cut short (failed, interrupted) at `now`. */
export const cutShort = (phases: PhaseRecord[], now: string): PhaseRecord[] =>
  phases.map((p) => (p.outcome === "running" ? { ...p, end: p.end ?? now, outcome: "failed" as const, message: "interrupted", interrupted: true } : p));

/**
 * Stories that were in progress when an execution stopped go back to pending, marked to continue the attempt
 * they were in (its phases cut short are recorded as interrupted, and run again).
 */
export const requeueInProgress =
  (now: string): Transition =>
  (state) => {
    if (state.stories.inProgress.length === 0) return state;
    let next = state;
    for (const id of state.stories.inProgress) {
      next = withRun(next, id, (run) => ({
        ...run,
        status: "pending",
        resume: true,
        phases: cutShort(run.phases, now),
      }));
      next = { ...next, stories: moveTo(next.stories, id, "pending") };
    }
    return touch(next, now);
  };

/**
 * `/build retry`: the named failed stories, and every story blocked (transitively) behind them, go back
 * to pending. `dependents` maps a story to the stories that depend on it directly.
 */
export const retryStories =
  (ids: string[], dependents: Record<string, string[]>, now: string): Transition =>
  (state) => {
    const reset = new Set<string>();
    const visit = (id: string): void => {
      for (const d of own(dependents, id) ?? []) {
        if (state.stories.blocked.includes(d) && !reset.has(d)) {
          reset.add(d);
          visit(d);
        }
      }
    };
    for (const id of ids) {
      if (state.stories.failed.includes(id) || state.stories.blocked.includes(id)) {
        reset.add(id);
        visit(id);
      }
    }
    if (reset.size === 0) return state;
    let next: WorkflowState = { ...state, status: state.status === "error" ? "error" : "executing" };
    for (const id of reset) {
      // A whole new set of attempts (and its rebuild): startStory sees no resume and no rebuild under way.
      next = withRun(next, id, (run) => {
        const { resume: _r, rebuild: _b, rebuilt: _d, feedback: _f, reason: _reason, ...kept } = run;
        return { ...kept, status: "pending" };
      });
      next = { ...next, stories: moveTo(next.stories, id, "pending") };
    }
    return touch(next, now);
  };

/** The next attempt of the current set begins, with what the previous one got wrong. */
export const beginAttempt =
  (id: string, attempt: number, feedback: string, now: string): Transition =>
  (state) =>
    touch(withRun(state, id, (run) => ({ ...run, attempt, feedback })), now);

/**
 * Integration rejected the story (merge conflict, tests failing on the merged result): it goes back to
 * pending for one rebuild on the integrated target, its failed integration recorded on the attempt.
 */
export const scheduleRebuild =
  (id: string, reason: string, feedback: string, now: string, origin: { from?: string; testFileBlob?: string } = {}): Transition =>
  (state) => {
    const next = withRun(endPhase(id, "integrate", "failed", now, reason)(state), id, (run) => {
      const { merged: _m, ...kept } = run;
      // By default the verified commit and its test file as recorded; publish passes the ones it checked itself.
      const from = origin.from ?? run.result?.commit;
      const testFileBlob = origin.testFileBlob ?? run.testFileBlob;
      return { ...kept, status: "pending", rebuilt: true, rebuild: { reason, feedback, ...(from ? { from } : {}), ...(testFileBlob ? { testFileBlob } : {}) } };
    });
    return touch({ ...next, stories: moveTo(next.stories, id, "pending") }, now);
  };

/** The rebuild's working copy holds the story's test file and story file on the integrated target. */
export const rebuildPrepared =
  (id: string, commit: string, testFileBlob: string | undefined, base: string, now: string): Transition =>
  (state) =>
    touch(
      withRun(state, id, (run) => ({
        ...run,
        base,
        testerCommit: commit,
        ...(testFileBlob ? { testFileBlob } : {}),
        ...(run.rebuild ? { rebuild: { ...run.rebuild, commit } } : {}),
      })),
      now,
    );

export const recordError =
  (message: string, now: string, fatal = false): Transition =>
  (state) =>
    touch({ ...state, errors: [...state.errors, { at: now, message }], ...(fatal ? { status: "error" as const } : {}) }, now);

export const setLock =
  (lock: ExecutionLock | undefined, now: string): Transition =>
  (state) => {
    const { lock: _old, ...rest } = state;
    return touch(lock ? { ...rest, lock } : rest, now);
  };

/** A run's duration: first phase start to last phase end of its current set of attempts; null when no phase has ended. */
export function runDuration(run: StoryRun): number | null {
  // The current set of attempts only: an earlier set (before a retry command) may lie days back.
  const first = run.firstAttempt ?? 0;
  const phases = run.phases.filter((p) => (p.attempt ?? run.attempt) >= first);
  const starts = phases.map((p) => Date.parse(p.start)).filter(Number.isFinite);
  const ends = phases.flatMap((p) => (p.end ? [Date.parse(p.end)] : [])).filter(Number.isFinite);
  if (starts.length === 0 || ends.length === 0) return null;
  return Math.max(0, Math.max(...ends) - Math.min(...starts));
}

/** Stories of a wave that have not finished yet (pending or in progress). */
export function openStoriesOf(state: WorkflowState, wave: number): string[] {
  return (state.waves[wave - 1] ?? []).filter((id) => {
    const s = statusOf(state, id);
    return s !== "complete" && s !== "failed" && s !== "blocked";
  });
}

/** The first wave that still has open stories, or 0 when none has. */
export function nextOpenWave(state: WorkflowState): number {
  for (let w = 1; w <= state.waves.length; w++) if (openStoriesOf(state, w).length > 0) return w;
  return 0;
}
