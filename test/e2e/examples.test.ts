// The real-project examples end to end through the real CLI bundle (issue 10): dependencies installed from
// the npm registry (TypeScript + vitest) or into a virtual environment (Python + pytest) by the plan's setup
// in every working copy, the fixture agents writing real tests and real code, red and green proven by the
// counts of the JUnit reports, and the target's whole test suite passing afterwards.
import { afterEach, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { git, gitEnv, type TempRepo } from "../support/repo.js";
import { runCli, startCli } from "../support/cli.js";
import { exampleRepo, fixtureTests, npmCache, type Example } from "../support/examples.js";
import { parseJunit } from "../../src/core/testing/junit.js";
import { readStoryFile } from "../../src/core/story/story-file.js";
import type { WorkflowState } from "../../src/core/state/state.js";

const cleanups: (() => void)[] = [];
// Checkouts with their own node_modules or virtual environment: removing them takes a while on a busy disk.
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
}, 120_000);

const PLAN_NAME: Record<Example, string> = { "ts-vitest": "textkit", "py-pytest": "wordstat" };
const env = { ...npmCache };

function repo(example: Example): TempRepo {
  const r = exampleRepo(example);
  cleanups.push(r.cleanup);
  return r;
}

function stateOf(dir: string, example: Example): WorkflowState | null {
  const r = spawnSync("git", ["show", `tdd-waves/state:${PLAN_NAME[example]}/workflow-state.json`], { cwd: dir, encoding: "utf8" });
  return r.status === 0 ? (JSON.parse(r.stdout) as WorkflowState) : null;
}

const worktrees = (dir: string): string[] =>
  git(dir, "worktree", "list", "--porcelain").split("\n").filter((l) => l.startsWith("worktree ")).map((l) => l.slice("worktree ".length));

/** Every story ✅, its red check failing with nothing passed and its verify passing every test its tester wrote, both read from JUnit. */
function expectAllGreen(dir: string, example: Example): void {
  const state = stateOf(dir, example)!;
  const ids = Object.keys(state.runs).sort();
  expect(state.status).toBe("complete");
  expect([...state.stories.completed].sort()).toEqual(ids);
  for (const id of ids) {
    const { red, green } = state.runs[id]!.result! as unknown as { red: Record<string, unknown>; green: Record<string, unknown> };
    const tests = fixtureTests(example, id);
    expect(tests).toBeGreaterThan(0);
    expect(red, `${id} red`).toMatchObject({ passed: 0, junitFound: true });
    expect(red.exitCode, `${id} red`).not.toBe(0);
    expect((red.total as number) > 0, `${id} red`).toBe(true);
    expect(green, `${id} green`).toMatchObject({ exitCode: 0, passed: tests, total: tests, junitFound: true });
    expect(readStoryFile(git(dir, "show", `main:stories/${id}.md`)).status, id).toBe("complete");
  }
}

/** The target's whole suite, run in the main checkout by the project's own command: every test of every story passes. */
function targetSuite(dir: string, example: Example): { exitCode: number | null; passed: number; total: number } {
  const out = mkdtempSync(join(tmpdir(), "tdd-waves-suite-"));
  cleanups.push(() => rmSync(out, { recursive: true, force: true }));
  const junit = join(out, "all.xml");
  const [command, args] =
    example === "ts-vitest"
      ? [process.execPath, [join(dir, "node_modules", "vitest", "vitest.mjs"), "run", "--reporter=junit", `--outputFile=${junit}`]]
      : [join(dir, ".venv", "bin", "python"), ["-m", "pytest", "-q", "-p", "no:cacheprovider", `--junitxml=${junit}`]];
  const r = spawnSync(command, args, { cwd: dir, encoding: "utf8", env: { ...process.env, ...gitEnv, ...env } });
  const counts = existsSync(junit) ? parseJunit(readFileSync(junit, "utf8")) : null;
  return { exitCode: r.status, passed: counts?.passed ?? 0, total: counts?.tests ?? 0 };
}

const allTests = (example: Example, dir: string) => Object.keys(stateOf(dir, example)!.runs).reduce((n, id) => n + fixtureTests(example, id), 0);

/** The project's own tree on the target (sources and tests, not the story files' records): the same code. */
const codeTree = (dir: string, ...paths: string[]) => paths.map((p) => git(dir, "rev-parse", `main:${p}`));

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("real projects, end to end", () => {
  it("TypeScript + vitest: a killed run's working copies are outside the repository with their own node_modules; resumed, waves then dag build the same code", async () => {
    const { dir } = repo("ts-vitest");
    // The developer's own install in the main checkout (their editor and `npm test` use it).
    execFileSync("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: dir, env: { ...process.env, ...env }, stdio: "ignore" });

    const first = startCli(["run", "plan.yml"], dir, env);
    await until(() => Object.values(stateOf(dir, "ts-vitest")?.runs ?? {}).some((r) => r.phases.some((p) => p.phase === "implementation")), 90_000);
    first.child.kill("SIGKILL");
    await first.done;
    const copies = worktrees(dir).slice(1);
    expect(copies.length).toBeGreaterThan(0);
    const cache = realpathSync(gitEnv.HOME!);
    const require = createRequire(import.meta.url);
    let installed = 0;
    for (const copy of copies) {
      expect(copy.startsWith(`${realpathSync(dir)}/`), copy).toBe(false);
      expect(copy.startsWith(join(cache, ".cache", "tdd-waves")), copy).toBe(true);
      if (!existsSync(join(copy, "node_modules", "vitest"))) continue;
      // Node finds the working copy's own install, not the main checkout's.
      expect(require.resolve("vitest/package.json", { paths: [copy] })).toBe(join(realpathSync(copy), "node_modules", "vitest", "package.json"));
      installed++;
    }
    expect(installed).toBeGreaterThan(0);
    // The project's test runner, run in the main checkout meanwhile, collects none of their files.
    const listed = spawnSync(process.execPath, [join(dir, "node_modules", "vitest", "vitest.mjs"), "list", "--filesOnly"], { cwd: dir, encoding: "utf8" });
    expect(`${listed.stdout}${listed.stderr}`).not.toMatch(/tdd-waves|slot-\d/);

    const resumed = await runCli(["run", "plan.yml"], dir, env);
    expect(resumed.stderr).toBe("");
    expect(resumed.code).toBe(0);
    expect(worktrees(dir)).toHaveLength(1);
    expectAllGreen(dir, "ts-vitest");
    expect(targetSuite(dir, "ts-vitest")).toEqual({ exitCode: 0, passed: allTests("ts-vitest", dir), total: allTests("ts-vitest", dir) });

    const dag = repo("ts-vitest").dir;
    const r = await runCli(["run", "plan.yml", "--schedule", "dag"], dag, env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expectAllGreen(dag, "ts-vitest");
    expect(codeTree(dag, "src", "test")).toEqual(codeTree(dir, "src", "test"));
    // node_modules is relocatable (the plan says so): one install for the first working copies at once, copied
    // into the others; the copies it was taken from are gone with the run (the killed run's too).
    const setups = Object.values(stateOf(dag, "ts-vitest")!.runs).flatMap((run) => run.phases.filter((p) => p.phase === "setup"));
    expect(setups.filter((p) => p.outcome === "ok" && p.message === undefined)).toHaveLength(1);
    expect(setups.filter((p) => p.message?.startsWith("copied: node_modules from the working copy")).length).toBeGreaterThanOrEqual(1);
    const left = existsSync(join(cache, ".cache", "tdd-waves")) ? readdirSync(join(cache, ".cache", "tdd-waves"), { recursive: true }) : [];
    expect(left.filter((p) => String(p).split("/").includes("seeds"))).toEqual([]);
  }, 300_000);

  it("Python + pytest in a virtual environment: waves and dag, red and green from JUnit, the target's suite passes", async () => {
    const waves = repo("py-pytest").dir;
    const dag = repo("py-pytest").dir;
    const [w, d] = await Promise.all([runCli(["run", "plan.yml"], waves, env), runCli(["run", "plan.yml", "--schedule", "dag"], dag, env)]);
    for (const [dir, r] of [[waves, w], [dag, d]] as const) {
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expectAllGreen(dir, "py-pytest");
    }
    expect(codeTree(dag, "src", "tests")).toEqual(codeTree(waves, "src", "tests"));
    // The developer's own environment in the main checkout, made as the plan's setup makes it.
    execFileSync("sh", ["-c", "/usr/bin/python3 -m venv --without-pip --system-site-packages .venv && .venv/bin/python -m pip install --quiet --no-index --no-build-isolation --no-deps -e ."], { cwd: waves, stdio: "ignore" });
    expect(targetSuite(waves, "py-pytest")).toEqual({ exitCode: 0, passed: allTests("py-pytest", waves), total: allTests("py-pytest", waves) });
  }, 240_000);
});
