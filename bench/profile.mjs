// `node bench/profile.mjs [dag|waves]`: where tdd-waves spends a benchmark run's time. Runs the 40-story
// sleep DAG of benchmark (c) once with every git process logged (a `git` shim first on PATH: subcommand,
// exit code, duration) and the CLI under --cpu-prof; prints git processes by subcommand, lost state-store
// races (update-ref refused), the CLI's own CPU time and its busiest functions, and the per-story phases.
import { spawnSync } from "node:child_process";
import { chmodSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateDag, listSchedule, waveBound, writeDagRepo } from "./dag-plan.mjs";
import { fmtMs, median } from "./measure.mjs";
import { phaseBreakdown, readState } from "./state-timing.mjs";
import { initRepo, removeTempDirs, tempDir } from "./temp-repo.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cli = process.env.TDD_WAVES_CLI ?? join(root, "dist", "cli", "index.js");
const schedule = process.argv[2] === "dag" ? "dag" : "waves";

function gitShim(dir, log) {
  const real = spawnSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).stdout.trim();
  const shim = join(dir, "git");
  writeFileSync(
    shim,
    `#!/bin/sh\ns=$(date +%s%N)\n"${real}" "$@"\nrc=$?\necho "$s $(date +%s%N) $rc $*" >> "${log}"\nexit $rc\n`,
  );
  chmodSync(shim, 0o755);
}

function summariseGit(log) {
  const calls = readFileSync(log, "utf8").trim().split("\n").map((line) => {
    const [s, e, rc, ...args] = line.split(" ");
    // The subcommand is the first word that is not a global option (`-c name=value`, `-C dir`, `--…`).
    let i = 0;
    while (i < args.length && args[i].startsWith("-")) i += args[i] === "-c" || args[i] === "-C" ? 2 : 1;
    const sub = args[i] === "worktree" ? `worktree ${args[i + 1]}` : (args[i] ?? "?");
    return { ms: (Number(e) - Number(s)) / 1e6, rc: Number(rc), sub, args: args.join(" ") };
  });
  const bySub = new Map();
  for (const c of calls) bySub.set(c.sub, [...(bySub.get(c.sub) ?? []), c]);
  console.log(`git processes: ${calls.length} (${fmtMs(calls.reduce((n, c) => n + c.ms, 0))} summed over all, running in parallel)`);
  for (const [sub, list] of [...bySub].sort((a, b) => b[1].length - a[1].length)) {
    const failed = list.filter((c) => c.rc !== 0).length;
    console.log(`  ${sub.padEnd(18)} ${String(list.length).padStart(5)} calls, median ${fmtMs(median(list.map((c) => c.ms))).padStart(7)}${failed ? `, ${failed} exited non-zero` : ""}`);
  }
  const lost = bySub.get("update-ref")?.filter((c) => c.rc !== 0).length ?? 0;
  console.log(`  state-store compare-and-swap refused (lost races, retried after a random wait): ${lost}`);
}

function summariseCpu(dir) {
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) return;
  const profile = JSON.parse(readFileSync(join(dir, file), "utf8"));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const key = `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = (profile.endTime - profile.startTime) / 1000;
  const idle = [...self].filter(([k]) => k.startsWith("(idle)") || k.startsWith("(program)")).reduce((n, [, v]) => n + v, 0);
  console.log(`\nCLI process: ${fmtMs(total)} wall, ${fmtMs(total - idle)} on its own CPU (the rest waiting for child processes)`);
  const busiest = [...self].filter(([k]) => !k.startsWith("(idle)") && !k.startsWith("(program)")).sort((a, b) => b[1] - a[1]).slice(0, 8);
  for (const [k, ms] of busiest) console.log(`  ${fmtMs(ms).padStart(7)}  ${k}`);
}

const dag = generateDag();
const repo = tempDir(`profile-${schedule}`);
writeDagRepo(repo, dag);
initRepo(repo, { commit: true });
const bin = tempDir("shim");
const log = join(bin, "git.log");
gitShim(bin, log);
const prof = tempDir("cpuprof");
const started = Date.now();
const r = spawnSync(process.execPath, ["--cpu-prof", "--cpu-prof-dir", prof, cli, "run", "plan.yml", "--schedule", schedule], {
  cwd: repo,
  env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
  encoding: "utf8",
});
const wall = Date.now() - started;
const ideal = schedule === "dag" ? listSchedule(dag) : waveBound(dag);
console.log(`tdd-waves run --schedule ${schedule}, ${dag.length} stories: exit ${r.status}, ${fmtMs(wall)} (ideal ${fmtMs(ideal)})`);
if (r.status !== 0) console.log((r.stderr || r.stdout).split("\n").slice(-4).join("\n"));
summariseGit(log);
summariseCpu(prof);
try {
  const b = phaseBreakdown(readState(repo, "bench-dag"), dag);
  console.log(`\nper story (median): ${Object.entries(b).map(([k, v]) => `${k} ${fmtMs(v)}`).join(", ")}`);
} catch (e) {
  console.log(`no state to read: ${e.message.split("\n")[0]}`);
}
removeTempDirs();
