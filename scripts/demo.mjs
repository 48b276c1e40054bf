// `npm run demo`: the example plan (examples/: jwt-auth, 7 stories in 3 waves) run end to end by the
// built CLI in a fresh temporary git repository, with the demo's script agents; then its Gantt chart and
// report. The repository is kept for inspection; the exit code is the run's.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "dist", "cli", "index.js");
const examples = join(root, "examples");
const PLAN = "plan.yml";
// `run` writes the report inside the git directory, where it never dirties the working tree.
const REPORT = join(".git", "tdd-waves", "reports", "jwt-auth.json");

function git(repo, ...args) {
  const r = spawnSync("git", args, { cwd: repo, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed in ${repo}: ${r.stderr || r.error?.message}`);
}

/** A new repository on branch main holding a copy of examples/, committed with a repository-local identity. */
function makeRepository() {
  const repo = mkdtempSync(join(tmpdir(), "tdd-waves-demo-"));
  const skip = new Set(["node_modules", "tdd-waves-report.json"]);
  cpSync(examples, repo, { recursive: true, filter: (src) => !skip.has(basename(src)) });
  git(repo, "init", "-q", "-b", "main");
  git(repo, "config", "user.name", "tdd-waves demo");
  git(repo, "config", "user.email", "demo@tdd-waves.invalid");
  git(repo, "config", "commit.gpgsign", "false");
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", "jwt-auth: plan, stories and demo agents");
  return repo;
}

/** Runs the CLI with the terminal attached (live progress); resolves to its exit code. */
function runCli(repo, args) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: repo, stdio: "inherit" });
    // Ctrl-C reaches the CLI too: it saves its state and exits 130, which is then ours.
    const ignore = () => undefined;
    process.on("SIGINT", ignore);
    child.on("error", (e) => {
      console.error(`demo: cannot start the CLI: ${e.message}`);
      done(1);
    });
    child.on("close", (code, signal) => {
      process.off("SIGINT", ignore);
      done(code ?? (signal === "SIGINT" ? 130 : 1));
    });
  });
}

function printGantt(repo) {
  const r = spawnSync(process.execPath, [cli, "gantt", PLAN], { cwd: repo, encoding: "utf8" });
  console.log("\nGantt chart of the execution (Mermaid):\n");
  process.stdout.write(r.stdout || r.stderr || "(none)\n");
}

function printReport(repo) {
  const path = join(repo, REPORT);
  if (!existsSync(path)) {
    console.log(`\nNo report was written (${path}).`);
    return;
  }
  const report = JSON.parse(readFileSync(path, "utf8"));
  console.log(`\nReport: ${path}`);
  console.log(
    `${report.storiesCompleted.length}/${report.totalStories} stories complete in ${report.totalWaves} waves` +
      `, ${report.storiesFailed.length} failed, ${report.storiesRemaining.length} not completed` +
      `; ${report.totalTestsPassed}/${report.totalTestsCovered} tests passed`,
  );
  for (const r of report.results) {
    const tests = r.testsTotal === null ? "" : `${r.testsPassedCount}/${r.testsTotal} tests`;
    const took = r.durationMs === null ? "" : `${(r.durationMs / 1000).toFixed(1)}s`;
    console.log(`  wave ${r.wave}  ${r.storyId.padEnd(14)} ${r.status.padEnd(9)} ${tests.padEnd(10)} ${took.padStart(6)}${r.reason ? `  ${r.reason}` : ""}`);
  }
}

async function main() {
  if (!existsSync(cli)) {
    console.error(`demo: ${cli} is missing: build the CLI first (npm run package)`);
    return 2;
  }
  const repo = makeRepository();
  console.log(`Running the example plan examples/${PLAN} in a new repository: ${repo}\n`);
  const code = await runCli(repo, ["run", PLAN]);
  printGantt(repo);
  printReport(repo);
  console.log("\nInspect it: git log --graph --oneline, the story files in stories/, the code in src/, node --test");
  console.log(`Demo repository: ${repo}`);
  return code;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(`demo: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
