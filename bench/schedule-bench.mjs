// Benchmark (c): a 40-story DAG of sleep agents run by `tdd-waves run --schedule dag` and
// `--schedule waves`, side by side with `make -j10` on the equivalent Makefile.
import { cpSync } from "node:fs";
import { criticalPath, generateDag, listSchedule, MAX_PARALLEL, waveBound, writeDagRepo, writeMakefile } from "./dag-plan.mjs";
import { fmtMs, fmtRatio, median, timeCommand } from "./measure.mjs";
import { phaseBreakdown, readState } from "./state-timing.mjs";
import { initRepo, tempDir } from "./temp-repo.mjs";

const RUN_TIMEOUT_MS = 10 * 60_000;

/** One `tdd-waves run` in a fresh copy of the fixture repository: its wall time and where the time went. */
function timeRun(cli, template, schedule, dag) {
  const repo = tempDir(`run-${schedule}`);
  cpSync(template, repo, { recursive: true });
  try {
    const ms = timeCommand(process.execPath, [cli, "run", "plan.yml", "--schedule", schedule], { cwd: repo, timeout: RUN_TIMEOUT_MS });
    return { ms, breakdown: phaseBreakdown(readState(repo, "bench-dag"), dag) };
  } catch (e) {
    return { ms: NaN, error: e.message.split("\n").slice(0, 3).join(" ") };
  }
}

export function benchSchedules(cli, reps) {
  const dag = generateDag();
  const waves = Math.max(...dag.map((s) => s.wave));
  const template = tempDir("dag");
  writeDagRepo(template, dag);
  writeMakefile(template, dag);
  initRepo(template, { commit: true });
  const ideal = { critical: criticalPath(dag), list: listSchedule(dag, MAX_PARALLEL), waves: waveBound(dag) };
  console.log(`(c) ${dag.length}-story DAG in ${waves} waves, phases of 1–4 s, at most ${MAX_PARALLEL} at once — median of ${reps} run(s), ${3 * reps} make(s)`);
  console.log(`    ideal: critical path ${fmtMs(ideal.critical)}, zero-overhead list schedule ${fmtMs(ideal.list)}, wave bound ${fmtMs(ideal.waves)}`);

  const runs = { dag: [], waves: [], make: [] };
  for (let i = 0; i < reps; i++) {
    runs.dag.push(timeRun(cli, template, "dag", dag));
    runs.waves.push(timeRun(cli, template, "waves", dag));
    for (let k = 0; k < 3; k++) runs.make.push({ ms: timeCommand("make", ["-s", `-j${MAX_PARALLEL}`, "-C", template]) });
  }
  const ms = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v.map((r) => r.ms))]));
  for (const [k, v] of Object.entries(runs)) for (const r of v) if (r.error) console.log(`    ${k} run failed: ${r.error}`);

  const perStory = (makespan, ideal) => (makespan - ideal) / dag.length;
  console.log(`    make -j${MAX_PARALLEL}: ${fmtMs(ms.make)}`);
  console.log(`    tdd-waves --schedule dag:   ${fmtMs(ms.dag)}  (${fmtRatio(ms.dag / ms.make)} make; overhead ${fmtMs(perStory(ms.dag, ideal.list))} per story over the list schedule)`);
  console.log(`    tdd-waves --schedule waves: ${fmtMs(ms.waves)}  (${fmtRatio(ms.waves / ideal.waves)} the wave bound; overhead ${fmtMs(perStory(ms.waves, ideal.waves))} per story)`);
  for (const schedule of ["dag", "waves"]) {
    const b = runs[schedule].find((r) => r.breakdown)?.breakdown;
    if (!b) continue;
    console.log(
      `    ${schedule} per story (median): tester +${fmtMs(b.testerBeyondSleep)} over its sleep, red check ${fmtMs(b.red)}, ` +
        `implementation +${fmtMs(b.implBeyondSleep)}, verify ${fmtMs(b.verify)}, between phases ${fmtMs(b.betweenPhases)}`,
    );
  }
  return [
    { name: "run --schedule dag / make -j10", value: ms.dag / ms.make, goal: 1.1 },
    { name: "run --schedule waves / wave bound", value: ms.waves / ideal.waves, goal: 1.1 },
  ];
}
