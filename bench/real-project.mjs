// Benchmark (e): a real project, examples/ts-vitest (vitest and TypeScript installed from the npm registry by
// the plan's setup in every working copy). `tdd-waves run` (waves, then dag) against the same test commands run
// directly in one prepared checkout: each story's command three times (red check, verify, after integration),
// at the plan's parallelism. Also: how often setup ran, how often a working copy got a copy of another's
// (the example's node_modules is relocatable) and how often a reused working copy skipped it.
import { spawn, execFileSync } from "node:child_process";
import { cpSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fmtMs, fmtRatio, median, timeCommand } from "./measure.mjs";
import { readState } from "./state-timing.mjs";
import { git, initRepo, tempDir } from "./temp-repo.mjs";

const PLAN = "textkit";
const PARALLEL = 3;

/** The example laid out as its own repository, as its plan says: tracked files, fixture agents in agents/. */
function exampleRepo(root) {
  const src = join(root, "examples", "ts-vitest");
  const dir = tempDir("ts-vitest");
  for (const path of git(src, "ls-files", ".").split("\n").filter(Boolean)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    cpSync(join(src, path), join(dir, path));
  }
  cpSync(join(root, "examples", "fixture-agents"), join(dir, "agents"), { recursive: true });
  return initRepo(dir, { commit: true });
}

const STORIES = ["text-001", "text-002", "text-003", "text-004", "text-005", "text-006"];
const testFile = (dir, id) => git(dir, "show", `HEAD:plan.yml`).match(new RegExp(`id: ${id},.*?testFile: ([^,]+),`))[1];

/** Runs `jobs` (functions returning promises) at most `limit` at a time. */
async function pool(jobs, limit) {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < jobs.length) await jobs[next++]();
  }));
}

const sh = (command, cwd) =>
  new Promise((resolve, reject) => {
    const child = spawn("/bin/sh", ["-c", command], { cwd, stdio: "ignore" });
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))));
  });

/** The same test commands, run directly: a checkout with every story's files in place and its dependencies installed. */
function directCheckout(root, template) {
  const dir = tempDir("direct");
  cpSync(template, dir, { recursive: true });
  for (const id of STORIES) {
    const fixture = join(dir, "agents", "fixtures", id);
    cpSync(join(fixture, "files"), dir, { recursive: true });
    cpSync(join(fixture, "test"), join(dir, testFile(dir, id)));
  }
  execFileSync("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: dir, stdio: "ignore" });
  const command = git(dir, "show", "HEAD:plan.yml").match(/command: (.*)/)[1];
  return async () => {
    const started = Date.now();
    const jobs = STORIES.flatMap((id) => [1, 2, 3].map(() => () => sh(command.replaceAll("{testFile}", testFile(dir, id)).replaceAll("{storyId}", id), dir)));
    await pool(jobs, PARALLEL);
    return Date.now() - started;
  };
}

// The working copies in a cache folder of their own, beside the direct checkout (both under the temporary
// directory): the same disk for both sides, and nothing left in the user's cache.
const cacheHome = () => tempDir("cache");

function timeRun(cli, template, schedule) {
  const dir = tempDir(`real-${schedule}`);
  cpSync(template, dir, { recursive: true });
  const env = { ...process.env, XDG_CACHE_HOME: cacheHome() };
  const ms = timeCommand(process.execPath, [cli, "run", "plan.yml", "--schedule", schedule], { cwd: dir, env, timeout: 15 * 60_000 });
  const state = readState(dir, PLAN);
  const setups = Object.values(state.runs).flatMap((r) => r.phases.filter((p) => p.phase === "setup"));
  const took = (p) => Date.parse(p.end) - Date.parse(p.start);
  return {
    ms,
    complete: state.stories.completed.length,
    ran: setups.filter((p) => !p.message).map(took),
    skipped: setups.filter((p) => p.message?.startsWith("skipped")).map(took),
    copied: setups.filter((p) => p.message?.startsWith("copied")).map(took),
  };
}

export async function benchRealProject(cli, root, reps) {
  console.log(`(e) a real project: examples/ts-vitest, ${STORIES.length} stories in 3 waves, ${PARALLEL} at once, npm ci in every working copy — ${reps} run(s) per schedule`);
  const template = exampleRepo(root);
  const direct = directCheckout(root, template);
  await direct(); // warm-up: vitest's first start in a checkout pays for its transform cache
  const times = { direct: [], waves: [], dag: [] };
  const runs = { waves: [], dag: [] };
  for (let i = 0; i < reps; i++) {
    for (const schedule of ["waves", "dag"]) {
      const r = timeRun(cli, template, schedule);
      runs[schedule].push(r);
      times[schedule].push(r.ms);
      times.direct.push(await direct());
    }
  }
  const ms = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  console.log(`    the test commands run directly (${STORIES.length} × 3, ${PARALLEL} at once, dependencies installed once): ${fmtMs(ms.direct)}`);
  for (const schedule of ["waves", "dag"]) {
    const r = runs[schedule][0];
    console.log(
      `    tdd-waves run --schedule ${schedule}: ${fmtMs(ms[schedule])} (${fmtRatio(ms[schedule] / ms.direct)}), ${r.complete}/${STORIES.length} complete; ` +
        `setup ran ${r.ran.length}× (median ${fmtMs(median(r.ran))}), copied ${r.copied.length}× from a working copy setup prepared (median ${fmtMs(median(r.copied))}), ` +
        `skipped ${r.skipped.length}× in a reused working copy (median ${fmtMs(median(r.skipped))})`,
    );
  }
  // dag against waves pair by pair (each rep runs one right after the other): the machine's drift between
  // reps cancels out; the median of the pairs' ratios.
  const pairs = times.dag.map((d, i) => d / times.waves[i]);
  console.log(`    run --schedule dag / --schedule waves, pair by pair: ${pairs.map(fmtRatio).join(", ")}`);
  return [
    { name: "real project: run (waves) / direct tests", value: ms.waves / ms.direct, goal: 1.5 },
    { name: "real project: run (dag) / run (waves)", value: median(pairs), goal: 1 },
  ];
}
