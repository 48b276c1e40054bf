// Benchmark (d): CPU seconds per story of a whole `tdd-waves run` — user + sys of the CLI and every
// process it starts (git, agents, tests), as the shell's `times` counts its waited-for children — on a
// plan of stories whose agents and tests do next to nothing (a shell script each). What it measures is
// tdd-waves' own cost per story: its git processes, its state writes, its Node CPU. BENCH_CPU_CLI: a
// second CLI bundle measured side by side (e.g. a build of main, to compare before and after).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { median } from "./measure.mjs";
import { initRepo, tempDir } from "./temp-repo.mjs";

export const CPU_STORIES = 20;

// The least an agent does for a story to pass: the tester writes a test that fails until the
// implementation exists; the implementer creates it and ticks the story's box.
const AGENT = `set -eu
if [ "$TDD_WAVES_ROLE" = tester ]; then
  mkdir -p "$(dirname "$TDD_WAVES_TEST_FILE")"
  printf 'test -f src/%s.txt\\n' "$TDD_WAVES_STORY_ID" > "$TDD_WAVES_TEST_FILE"
else
  mkdir -p src
  echo "$TDD_WAVES_STORY_ID" > "src/$TDD_WAVES_STORY_ID.txt"
  sed 's/- \\[ \\]/- [x]/' "$TDD_WAVES_STORY_FILE" > "$TDD_WAVES_STORY_FILE.tmp"
  mv "$TDD_WAVES_STORY_FILE.tmp" "$TDD_WAVES_STORY_FILE"
fi
`;

function writeRepo(dir, stories) {
  mkdirSync(join(dir, "stories"));
  mkdirSync(join(dir, "agents"));
  writeFileSync(join(dir, "agents", "min.sh"), AGENT);
  const lines = ["name: cpu", "maxParallel: 4", "test:", "  command: sh {testFile}", "agents:", "  min:", "    run: sh agents/min.sh", "stories:"];
  for (let i = 1; i <= stories; i++) {
    const id = `s-${String(i).padStart(2, "0")}`;
    lines.push(`  - id: ${id}`, `    title: Story ${i}`, `    testFile: t/${id}.sh`, "    tester: min", "    implementer: min");
    writeFileSync(join(dir, "stories", `${id}.md`), `# ${id}: Story ${i}\n\n## Acceptance Criteria\n- [ ] done\n\n## Completion\n`);
  }
  writeFileSync(join(dir, "plan.yml"), `${lines.join("\n")}\n`);
  writeFileSync(join(dir, ".gitignore"), "tdd-waves-report.json\n");
  initRepo(dir, { commit: true });
}

/** CPU seconds (user + sys, the CLI and all its descendants) of one run on a fresh repository. */
function cpuOfRun(cli, stories) {
  const repo = tempDir("cpu");
  writeRepo(repo, stories);
  // `times` prints the shell's own times, then its children's: the second line is the whole run's.
  const r = spawnSync("sh", ["-c", '"$@" >/dev/null 2>&1; rc=$?; times; exit $rc', "sh", process.execPath, cli, "run", "plan.yml"], {
    cwd: repo,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`tdd-waves run exited with ${r.status ?? r.signal}`);
  const seconds = (t) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(t);
    return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  };
  const [user, sys] = r.stdout.trim().split("\n").at(-1).trim().split(/\s+/).map(seconds);
  return user + sys;
}

export function benchCpuPerStory(cli, reps) {
  const other = process.env.BENCH_CPU_CLI;
  console.log(`(d) CPU per story: \`run\` of ${CPU_STORIES} stories with do-nothing agents and tests — median of ${reps}`);
  const cases = { current: cli, ...(other ? { BENCH_CPU_CLI: other } : {}) };
  const per = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let i = 0; i < reps; i++) for (const [name, bundle] of Object.entries(cases)) per[name].push(cpuOfRun(bundle, CPU_STORIES) / CPU_STORIES);
  const result = Object.fromEntries(Object.entries(per).map(([k, v]) => [k, median(v)]));
  console.log(`    ${Object.entries(result).map(([k, s]) => `${k}: ${s.toFixed(3)} s per story`).join("; ")}`);
  return [{ name: "CPU per story (s, whole process tree)", value: result.current, goal: 0.2, unit: "s" }];
}
