// The real-project examples through the shipped workflows (issue 10): every job a fresh checkout in which
// nothing is installed, each with its own token (read-only story and integrate jobs, publish the only writer).
// The repository's toolchain action (.github/actions/tdd-waves-setup, as `tdd-waves init` writes it for the
// example) runs first in the story and integrate jobs, then the plan's setup installs the dependencies (TypeScript + vitest from the npm registry) or makes
// the virtual environment (Python + pytest) before the tester and before the tests on the merged result.
// Red and green are proven by the JUnit counts.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it, type TestContext } from "vitest";
import { ActionsRunner } from "../support/action-runner.js";
import { startGitHubStub, type TokenPermissions } from "../support/github-stub.js";
import { startGitHttp } from "../support/git-http.js";
import { git } from "../support/repo.js";
import { exampleRepo, fixtureTests, npmCache, type Example } from "../support/examples.js";
import { detectToolchain, TOOLCHAIN_ACTION_FILE } from "../../src/core/init/toolchain.js";
import type { WorkflowState } from "../../src/core/state/state.js";

const PLAN_NAME: Record<Example, string> = { "ts-vitest": "textkit", "py-pytest": "wordstat" };

async function throughWorkflows(example: Example, onTestFinished: TestContext["onTestFinished"]) {
  const root = mkdtempSync(join(tmpdir(), `tdd-waves-e2e-${example}-`));
  // Fresh checkouts with their own node_modules or virtual environment: removing them takes a while on a busy disk.
  onTestFinished(() => rmSync(root, { recursive: true, force: true }), 120_000);
  const repo = exampleRepo(example);
  onTestFinished(repo.cleanup, 60_000);
  const manifests = example === "ts-vitest" ? ["package.json", "package-lock.json"] : ["pyproject.toml"];
  const toolchain = detectToolchain(Object.fromEntries(manifests.map((f) => [f, readFileSync(join(repo.dir, f), "utf8")])))!;
  const action = join(repo.dir, TOOLCHAIN_ACTION_FILE);
  mkdirSync(dirname(action), { recursive: true });
  writeFileSync(action, toolchain.action);
  git(repo.dir, "add", "-A");
  git(repo.dir, "commit", "-q", "-m", "toolchain action");
  const origin = join(root, "origin.git");
  git(root, "clone", "-q", "--bare", repo.dir, origin);
  const gitHttp = await startGitHttp(root);
  onTestFinished(() => gitHttp.close());
  const tokens = new Map<string, TokenPermissions>();
  const stub = await startGitHubStub({ tokens });
  onTestFinished(() => stub.close());
  const runner = new ActionsRunner({ root, git: gitHttp, originUrl: `${gitHttp.url}/origin.git`, stub, tokens, defaultBranch: "main", env: npmCache });

  const runs = await runner.followDispatches({ workflow: "tdd-waves.yml", ref: "main", inputs: { plan: "plan.yml" } }, 5);
  const jobs = runs.flatMap((r) => r.jobs);
  const failed = jobs.filter((j) => j.result === "failure");
  expect(failed.map((j) => j.steps.map((s) => `${j.name} ${s.command}: ${s.stdout}${s.stderr}`).join("\n"))).toEqual([]);
  for (const job of jobs) {
    const commands = job.steps.map((s) => s.command);
    // The toolchain action first, then tdd-waves; the plan's setup runs inside the tester and integrate steps.
    if (job.id === "story") expect(commands).toEqual(["./.github/actions/tdd-waves-setup", "tester", "implement", "verify"]);
    else if (job.id === "integrate") expect(commands).toEqual(["./.github/actions/tdd-waves-setup", "integrate"]);
    else expect(commands, job.id).not.toContain("./.github/actions/tdd-waves-setup");
    if (job.id === "story" || job.id === "integrate") {
      expect(job.steps[0]!.stdout).toBe(`(skipped actions/setup-${example === "ts-vitest" ? "node" : "python"}@v5: the toolchain is on this machine)\n`);
    }
  }

  const state = JSON.parse(git(origin, "show", `tdd-waves/state:${PLAN_NAME[example]}/workflow-state.json`)) as WorkflowState;
  expect(state.status).toBe("complete");
  for (const [id, run] of Object.entries(state.runs)) {
    expect(run.phases.map((p) => p.phase), id).toEqual(["setup", "tester", "red", "implementation", "verify"]);
    expect(run.result?.red, id).toMatchObject({ passed: 0, junitFound: true });
    expect(run.result?.red?.exitCode, id).not.toBe(0);
    expect(run.result?.green, id).toMatchObject({ exitCode: 0, passed: fixtureTests(example, id), total: fixtureTests(example, id), junitFound: true });
  }
  // Nothing setup installed reached the target; the code did.
  const files = git(origin, "ls-tree", "-r", "--name-only", "main").split("\n");
  expect(files.filter((f) => /^(node_modules|\.venv|reports)\//.test(f) || f.includes(".egg-info/"))).toEqual([]);
  stub.assertNoViolations();
  return { runs, state, files };
}

describe("the real-project examples through the shipped workflows", () => {
  it("TypeScript + vitest: installs in every fresh story and integrate checkout, and completes every story red then green", async ({ onTestFinished }) => {
    const { runs, state, files } = await throughWorkflows("ts-vitest", onTestFinished);
    expect(runs.map((r) => r.jobs.filter((j) => j.id === "story").map((j) => j.matrix?.story))).toEqual([
      ["text-001", "text-002", "text-003"],
      ["text-004", "text-005"],
      ["text-006"],
    ]);
    expect(state.stories.completed).toHaveLength(6);
    expect(files).toEqual(expect.arrayContaining(["src/slugify.ts", "src/reading-time.ts", "test/slugify.test.ts"]));
  }, 300_000);

  it("Python + pytest: a virtual environment in every fresh story and integrate checkout, every story red then green", async ({ onTestFinished }) => {
    const { runs, state, files } = await throughWorkflows("py-pytest", onTestFinished);
    expect(runs.map((r) => r.jobs.filter((j) => j.id === "story").map((j) => j.matrix?.story))).toEqual([["py-001", "py-002"], ["py-003"], ["py-004"]]);
    expect(state.stories.completed).toHaveLength(4);
    expect(files).toEqual(expect.arrayContaining(["src/wordstat/tokens.py", "src/wordstat/top.py", "tests/test_top.py"]));
  }, 240_000);
});
