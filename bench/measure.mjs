// Timing for the benchmarks: wall-clock time of child processes, measured side by side (interleaved, so
// that a busy machine slows both sides alike) and summarised by the median.
import { spawnSync } from "node:child_process";

/** Milliseconds a command takes to run to its end; throws when it fails (a benchmark of an error is no benchmark). */
export function timeCommand(command, args, opts = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, ...opts });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const expected = opts.expectStatus ?? 0;
  if (r.status !== expected) {
    throw new Error(`${[command, ...args].join(" ")} exited with ${r.status ?? r.signal} (expected ${expected}):\n${(r.stderr || r.stdout || "").slice(0, 2000)}`);
  }
  return ms;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs each named case `reps` times, round-robin (a, b, c, a, b, c, …), after an untimed warm-up round
 * unless `warmUp` is false; returns the median milliseconds of each.
 */
export function sideBySide(cases, reps, { warmUp = true } = {}) {
  const times = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  if (warmUp) for (const run of Object.values(cases)) run();
  for (let i = 0; i < reps; i++) {
    for (const [name, run] of Object.entries(cases)) times[name].push(run());
  }
  return Object.fromEntries(Object.entries(times).map(([name, ms]) => [name, median(ms)]));
}

export const fmtMs = (ms) => (Number.isNaN(ms) ? "—" : Math.abs(ms) >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
export const fmtRatio = (r) => (Number.isNaN(r) ? "—" : `${r.toFixed(2)}×`);
