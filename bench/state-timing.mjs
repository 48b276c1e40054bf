// Where a benchmark run's time went, read from the execution state (`tdd-waves/state` branch): per story,
// how long the agents ran beyond their known sleep, the red and green test runs, and the gaps between
// phases (state commits, story-file edits, git commits, worktree set-up) — medians over the stories.
import { git } from "./temp-repo.mjs";
import { median } from "./measure.mjs";

export function readState(repo, planName) {
  return JSON.parse(git(repo, "show", `tdd-waves/state:${planName}/workflow-state.json`));
}

/** Median milliseconds per story of each part of its life, for stories that ran all four phases. */
export function phaseBreakdown(state, dag) {
  const sleep = new Map(dag.map((s) => [s.id, s]));
  const parts = { testerBeyondSleep: [], red: [], implBeyondSleep: [], verify: [], betweenPhases: [] };
  for (const [id, run] of Object.entries(state.runs)) {
    const p = Object.fromEntries(run.phases.map((ph) => [ph.phase, { start: Date.parse(ph.start), end: Date.parse(ph.end) }]));
    if (!p.tester || !p.red || !p.implementation || !p.verify) continue;
    parts.testerBeyondSleep.push(p.tester.end - p.tester.start - sleep.get(id).tester);
    parts.red.push(p.red.end - p.red.start);
    parts.implBeyondSleep.push(p.implementation.end - p.implementation.start - sleep.get(id).implementation);
    parts.verify.push(p.verify.end - p.verify.start);
    parts.betweenPhases.push(p.red.start - p.tester.end + (p.implementation.start - p.red.end) + (p.verify.start - p.implementation.end));
  }
  return Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v.length ? median(v) : NaN]));
}
