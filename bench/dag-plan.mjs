// Generates the scheduling benchmark (c): a seeded, layered DAG of 40 stories in 5–8 waves (at most 10
// stories a wave), each phase of each story lasting 1–4 s (real agents take minutes: the ratio is
// orchestration overhead against agent time), as a tdd-waves plan run by sleep agents
// and as the equivalent Makefile; and the ideal makespans both schedules are compared with.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { seededRandom } from "./seeded-random.mjs";

const AGENT = join(dirname(fileURLToPath(import.meta.url)), "agents", "sleep-agent.sh");
export const MAX_PARALLEL = 10;

/** The DAG: stories in plan order, each with its wave, dependencies and phase durations (ms). */
export function generateDag({ stories = 40, seed = 7 } = {}) {
  const random = seededRandom(seed);
  const waveCount = random.int(5, 8);
  const sizes = Array(waveCount).fill(1);
  for (let left = stories - waveCount; left > 0; ) {
    const w = random.int(0, waveCount - 1);
    if (sizes[w] < MAX_PARALLEL) {
      sizes[w]++;
      left--;
    }
  }
  const dag = [];
  const byWave = [];
  sizes.forEach((size, w) => {
    byWave[w] = [];
    for (let k = 0; k < size; k++) {
      const id = `st-${String(dag.length + 1).padStart(2, "0")}`;
      // At least one dependency in the wave just before keeps the story in this wave; more from any earlier one.
      const dependsOn = w === 0 ? [] : [...new Set([...random.sample(byWave[w - 1], 1), ...random.sample(byWave.slice(0, w).flat(), random.int(0, 2))])];
      const story = { id, wave: w + 1, dependsOn, tester: random.int(1000, 4000), implementation: random.int(1000, 4000) };
      dag.push(story);
      byWave[w].push(id);
    }
  });
  return dag;
}

const work = (s) => s.tester + s.implementation;

/** Sum over waves of the wave's longest story: what a wave barrier costs at best. */
export function waveBound(dag) {
  const longest = new Map();
  for (const s of dag) longest.set(s.wave, Math.max(longest.get(s.wave) ?? 0, work(s)));
  return [...longest.values()].reduce((a, b) => a + b, 0);
}

/** Longest dependency chain (unlimited parallelism). */
export function criticalPath(dag) {
  const finish = new Map();
  for (const s of dag) finish.set(s.id, Math.max(0, ...s.dependsOn.map((d) => finish.get(d))) + work(s));
  return Math.max(...finish.values());
}

/** Makespan of a zero-overhead list scheduler: at most `limit` at once, ready stories started in plan order. */
export function listSchedule(dag, limit = MAX_PARALLEL) {
  const finish = new Map();
  const running = [];
  let now = 0;
  const pending = [...dag];
  while (pending.length || running.length) {
    for (let i = 0; i < pending.length && running.length < limit; ) {
      const s = pending[i];
      if (s.dependsOn.every((d) => finish.has(d) && finish.get(d) <= now)) {
        running.push({ id: s.id, end: now + work(s) });
        pending.splice(i, 1);
      } else i++;
    }
    running.sort((a, b) => a.end - b.end);
    const done = running.shift();
    now = done.end;
    finish.set(done.id, done.end);
  }
  return now;
}

/** A git-ready directory for `tdd-waves run`: plan.yml, stories, the sleep agent and its durations. */
export function writeDagRepo(dir, dag) {
  mkdirSync(join(dir, "stories"), { recursive: true });
  mkdirSync(join(dir, "agents", "durations"), { recursive: true });
  copyFileSync(AGENT, join(dir, "agents", "sleep.sh"));
  for (const s of dag) {
    for (const role of ["tester", "implementation"]) writeFileSync(join(dir, "agents", "durations", `${s.id}.${role}`), `${(s[role] / 1000).toFixed(3)}\n`);
  }
  const lines = [
    "name: bench-dag",
    `maxParallel: ${MAX_PARALLEL}`,
    "test:",
    // A shell script as the test: the cheapest real test command, so the bench measures tdd-waves.
    "  command: sh {testFile}",
    "  timeout: 1m",
    "agents:",
    "  sleeper:",
    "    run: sh agents/sleep.sh",
    "    timeout: 1m",
    "stories:",
  ];
  for (const s of dag) {
    lines.push(`  - id: ${s.id}`, `    title: Sleep ${s.tester} + ${s.implementation} ms`, `    testFile: test/${s.id}.test.sh`);
    lines.push("    tester: sleeper", "    implementer: sleeper", `    dependsOn: [${s.dependsOn.join(", ")}]`);
    writeFileSync(join(dir, "stories", `${s.id}.md`), `# ${s.id}: Sleep\n\n## Acceptance Criteria\n- [ ] sleeps\n\n## Completion\n`);
  }
  writeFileSync(join(dir, "plan.yml"), `${lines.join("\n")}\n`);
  writeFileSync(join(dir, ".gitignore"), "tdd-waves-report.json\n");
}

/** The same DAG for `make -j10`: each target sleeps its story's tester + implementation time. */
export function writeMakefile(dir, dag) {
  const secs = (ms) => (ms / 1000).toFixed(3);
  const rules = dag.map((s) => `${s.id}:${s.dependsOn.map((d) => ` ${d}`).join("")}\n\t@sleep ${secs(work(s))}`);
  const all = dag.map((s) => s.id).join(" ");
  writeFileSync(join(dir, "Makefile"), `.PHONY: all ${all}\nall: ${all}\n\n${rules.join("\n\n")}\n`);
}
