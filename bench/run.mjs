// `npm run bench`: tdd-waves' benchmarks, each against a baseline measured side by side in the same run
// (a: `plan` on 200 stories, goal 3x, and on 10,000 stories, a figure without a goal; b: CLI start-up; c:
// scheduling a 40-story DAG against make -j10; d: CPU seconds per story of a run, an absolute figure; e: a
// real project with its dependencies installed, against its test commands run directly). They print ratios
// and a table of goals met or not; they report, they do not gate (exit 0 unless they cannot run at all).
// Repetitions: BENCH_PLAN_REPS (a: the 200-story plan 3 times as often, default 3), BENCH_START_REPS (b,
// default 9), BENCH_RUN_REPS (c, default 1: each run is tens of seconds; make runs 3 times as often),
// BENCH_CPU_REPS (d, default 3), BENCH_REAL_REPS (e, default 3: dag against waves is taken pair by pair, and
// the two do the same on that example, so one pair alone is a coin toss of the machine's noise).
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fmtRatio } from "./measure.mjs";
import { benchCpuPerStory } from "./cpu-bench.mjs";
import { benchBigPlan, benchPlan200, benchStartUp } from "./plan-bench.mjs";
import { benchSchedules } from "./schedule-bench.mjs";
import { benchRealProject } from "./real-project.mjs";
import { removeTempDirs } from "./temp-repo.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "dist", "cli", "index.js");
const repsOf = (name, fallback) => Math.max(1, Number(process.env[name] ?? fallback) || fallback);

async function section(name, bench) {
  const started = Date.now();
  try {
    return await bench();
  } catch (e) {
    console.log(`    ${name} could not run: ${e instanceof Error ? e.message : String(e)}`);
    return [{ name, value: NaN, goal: NaN }];
  } finally {
    console.log(`    (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  }
}

function printTable(rows) {
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`${"Benchmark".padEnd(width)}  ${"ratio".padStart(7)}  ${"goal".padStart(7)}  met`);
  for (const r of rows) {
    // A figure without a goal (goal undefined) is printed, never judged; `unit` marks an absolute figure.
    const met = r.goal === undefined ? "—" : Number.isNaN(r.value) ? "n/a" : r.value <= r.goal ? "yes" : "no";
    const unit = r.unit ? ` ${r.unit}` : "×";
    const value = Number.isNaN(r.value) ? "—" : r.unit ? `${r.value.toFixed(2)}${unit}` : fmtRatio(r.value);
    const goal = r.goal === undefined ? "—" : `≤ ${r.goal}${unit}`;
    console.log(`${r.name.padEnd(width)}  ${value.padStart(7)}  ${goal.padStart(7)}  ${met}`);
  }
}

if (!existsSync(cli)) {
  console.error(`bench: ${cli} is missing: build the CLI first (npm run package)`);
  process.exit(2);
}
const started = Date.now();
console.log(`tdd-waves benchmarks (node ${process.version}, ${process.platform}; ratios, not absolute times)\n`);
try {
  const rows = [
    ...(await section("plan (200 stories)", () => benchPlan200(cli, 3 * repsOf("BENCH_PLAN_REPS", 3)))),
    ...(await section("plan (10k stories)", () => benchBigPlan(cli, repsOf("BENCH_PLAN_REPS", 3)))),
    ...(await section("CLI start-up", () => benchStartUp(cli, join(root, "examples"), repsOf("BENCH_START_REPS", 9)))),
    ...(await section("scheduling (40-story DAG)", () => benchSchedules(cli, repsOf("BENCH_RUN_REPS", 1)))),
    ...(await section("CPU per story", () => benchCpuPerStory(cli, repsOf("BENCH_CPU_REPS", 3)))),
    ...(await section("real project (examples/ts-vitest)", () => benchRealProject(cli, root, repsOf("BENCH_REAL_REPS", 3)))),
  ];
  printTable(rows);
  console.log(`\nTotal ${((Date.now() - started) / 1000).toFixed(0)} s.`);
} finally {
  removeTempDirs();
}
