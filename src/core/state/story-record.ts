// What a read-only story job hands on (SPEC §7, issue 11): its story's phases, outcome, test counts and
// log tails as one small JSON record, next to a git bundle of the story branch. The record comes from a
// job where agents ran, so it is untrusted: the schema bounds it, and adopting it touches that story's
// run alone (never another story, the buckets of others, the lock or the errors of others).
import { z } from "zod";
import { recordStop, returnToPending } from "../agents/budget.js";
import type { UsageTotals } from "../agents/usage.js";
import { own } from "../own.js";
import { attemptOf, attemptsAllowed } from "../retries/attempts.js";
import { completeStory, failStory, statusOf, type StoryRun, type Transition } from "./state.js";

const SHA = z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/);
const TIME = z.string().max(40);
const TEXT = z.string().max(2000);

const evidence = z.object({
  exitCode: z.number().int().nullable(),
  passed: z.number().int().nonnegative().nullable(),
  total: z.number().int().nonnegative().nullable(),
  timedOut: z.boolean().optional(),
  junitFound: z.boolean().optional(),
});

const COUNT = z.number().nonnegative().optional();
const usage = z.object({
  model: z.string().max(100).optional(),
  inputTokens: COUNT,
  outputTokens: COUNT,
  cachedTokens: COUNT,
  costUsd: COUNT,
  turns: COUNT,
  sessionId: z.string().max(200).optional(),
});
const totals = z.object({
  phases: z.number().int().nonnegative(),
  inputTokens: COUNT,
  outputTokens: COUNT,
  cachedTokens: COUNT,
  costUsd: COUNT,
  turns: COUNT,
  unknownCost: z.number().int().nonnegative(),
});

const phase = z.object({
  phase: z.enum(["setup", "tester", "red", "implementation", "verify", "integrate"]),
  agent: z.string().max(100).optional(),
  start: TIME,
  end: TIME.optional(),
  outcome: z.enum(["running", "ok", "failed"]),
  message: TEXT.optional(),
  log: z.string().max(500).optional(),
  usage: usage.optional(),
  /** The attempt it belongs to (every attempt the job made is on record). */
  attempt: z.number().int().positive().optional(),
  /** The feedback its agent was given on a retry or a rebuild. */
  feedback: z.string().max(20_000).optional(),
  interrupted: z.boolean().optional(),
});

export const storyRecordSchema = z.object({
  version: z.literal(1),
  story: z.string().max(64),
  /** The attempt the story ended in (its job may have made several: `phases` holds them all). */
  attempt: z.number().int().positive(),
  /** pending: the execution's budget refused its next agent phase (`stopped` says why). */
  outcome: z.enum(["complete", "failed", "pending"]),
  stopped: TEXT.optional(),
  /** The story's agent usage over all its attempts, this one included. */
  usage: totals.optional(),
  reason: TEXT.optional(),
  /** The phase that failed, when the story failed. */
  failedPhase: z.string().max(20).optional(),
  /** The story branch's tip in the bundle. */
  tip: SHA,
  phases: z.array(phase).max(200),
  result: z.object({
    filesModified: z.array(z.string().max(500)).max(10_000),
    acChecklistComplete: z.boolean(),
    verifiedProduction: z.boolean(),
    red: evidence.optional(),
    green: evidence.optional(),
    commit: SHA.optional(),
  }).optional(),
  testerCommit: SHA.optional(),
  testFileBlob: SHA.optional(),
  base: SHA.optional(),
  /** The last lines of each phase's log, by phase name. */
  logTails: z.record(z.string().max(20), z.string().max(4000)).optional(),
});

export type StoryRecord = z.output<typeof storyRecordSchema>;

/**
 * The record of `run` (as the story job's own state copy holds it): the phases of the attempts `from` on
 * (the job's own; earlier ones are in the state already).
 */
export function recordOfRun(
  id: string, run: StoryRun, tip: string, logTails: Record<string, string>, extra: { usage?: UsageTotals; stopped?: string; from?: number } = {},
): StoryRecord {
  const phases = run.phases.filter((p) => (p.attempt ?? run.attempt) >= (extra.from ?? 0));
  const failedPhase = phases.findLast((p) => p.outcome === "failed" && !p.interrupted)?.phase;
  return {
    version: 1,
    story: id,
    attempt: run.attempt,
    outcome: extra.stopped !== undefined ? "pending" : run.status === "complete" ? "complete" : "failed",
    ...(extra.stopped !== undefined ? { stopped: extra.stopped } : {}),
    ...(extra.usage ? { usage: extra.usage } : {}),
    ...(run.reason !== undefined && run.status !== "complete" ? { reason: run.reason } : {}),
    ...(failedPhase && run.status !== "complete" ? { failedPhase } : {}),
    tip,
    phases,
    ...(run.result ? { result: run.result } : {}),
    ...(run.testerCommit ? { testerCommit: run.testerCommit } : {}),
    ...(run.testFileBlob ? { testFileBlob: run.testFileBlob } : {}),
    ...(run.base ? { base: run.base } : {}),
    logTails,
  };
}

/**
 * The story's outcome as its job reported it: only for a story this wave started (in progress, at the
 * attempt the wave started or a later one its job went on to: `recordProblem` bounds it); `rejection` (a
 * check of what the job sent that failed) turns it into a failure. The phases of earlier attempts stay as
 * the state has them; the job's own come from the record.
 */
export const adoptStoryRecord =
  (record: StoryRecord, now: string, rejection?: string): Transition =>
  (state) => {
    const id = record.story;
    const current = own(state.runs, id);
    if (!current || !state.stories.inProgress.includes(id) || record.attempt < current.attempt) return state;
    const earlier = current.phases.filter((p) => attemptOf(current, p) < current.attempt);
    const mine = record.phases.filter((p) => (p.attempt ?? record.attempt) >= current.attempt);
    const run: StoryRun = {
      ...current,
      attempt: record.attempt,
      phases: [...earlier, ...mine],
      ...(record.result ? { result: record.result } : {}),
      ...(record.testerCommit ? { testerCommit: record.testerCommit } : {}),
      ...(record.testFileBlob ? { testFileBlob: record.testFileBlob } : {}),
      ...(record.base ? { base: record.base } : {}),
    };
    const next = { ...state, runs: { ...state.runs, [id]: run }, ...(record.usage ? { usage: { ...state.usage, [id]: record.usage } } : {}) };
    if (rejection !== undefined) return failStory(id, rejection, now, "publish")(next);
    if (record.outcome === "pending") return recordStop(record.stopped ?? "the execution's budget is used up", now)(returnToPending(id, now)(next));
    if (record.outcome === "complete") return completeStory(id, now)(next);
    return failStory(id, record.reason ?? "the story job reported a failure without a reason", now, record.failedPhase)(next);
  };

/**
 * Why a record cannot be the story's, when it cannot: its attempt must lie between the one the wave
 * started and the last the story's retries allow (a rebuild has no retries).
 */
export function recordProblem(record: StoryRecord, run: StoryRun | undefined, retries: number): string | undefined {
  if (!run) return "its story has no run in the state";
  const { first, last } = attemptsAllowed(run, retries);
  if (record.attempt < first || record.attempt > last) return `its record is of attempt ${record.attempt}, not one of attempts ${first}–${last} this run may make`;
  if (record.phases.some((p) => p.attempt !== undefined && (p.attempt < first || p.attempt > record.attempt))) return "its record holds phases of attempts this run did not make";
  return undefined;
}

/** Stories this wave started whose job sent nothing: cancelled, crashed, or its artifact never arrived. */
export const failUnreported =
  (reported: ReadonlySet<string>, now: string): Transition =>
  (state) =>
    state.stories.inProgress
      .filter((id) => !reported.has(id) && statusOf(state, id) !== "complete")
      .reduce((s, id) => failStory(id, "the story job did not finish (cancelled or crashed)", now, "job")(s), state);
