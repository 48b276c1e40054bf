// `tdd-waves dispatch` and `status --remote` against the local GitHub API stand-in (requests checked against
// GitHub's OpenAPI description) and a local bare `origin` holding the state branch, which the test writes as
// the workflow's runs would.
import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { Git } from "../../src/adapters/git.js";
import { createStateStore } from "../../src/adapters/state-store.js";
import { main } from "../../src/cli/main.js";
import { startGitHubStub, type GitHubStub, type StubOptions } from "../support/github-stub.js";
import { makePlan, playStory, stateFor } from "../support/plans.js";
import { git, makeRepo, planFiles } from "../support/repo.js";

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const TOKEN = "ghp_test";

async function cli(args: string[], cwd: string, env: Record<string, string | undefined>) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { cwd, isTTY: false, env, stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

/** A repository with a two-story plan, pushed to a bare `origin`; a second clone plays the workflow. */
async function setup(options: StubOptions = {}) {
  const repo = makeRepo(planFiles("remote", [{ id: "a-001" }, { id: "b-001", dependsOn: ["a-001"] }]));
  cleanups.push(repo.cleanup);
  const bare = `${repo.dir}.git`;
  git(repo.dir, "clone", "-q", "--bare", repo.dir, bare);
  cleanups.push(() => rmSync(bare, { recursive: true, force: true }));
  git(repo.dir, "remote", "add", "origin", bare);
  const runnerDir = `${repo.dir}-runner`;
  git(repo.dir, "clone", "-q", bare, runnerDir);
  cleanups.push(() => rmSync(runnerDir, { recursive: true, force: true }));
  const stub = await startGitHubStub({ token: TOKEN, workflows: ["tdd-waves.yml"], ...options });
  cleanups.push(() => stub.close());
  const env = { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: stub.url };
  const workflowState = createStateStore({ git: new Git({ cwd: runnerDir }), planName: "remote", remote: "origin" });
  return { dir: repo.dir, stub, env, workflowState };
}

const plan = makePlan([{ id: "a-001" }, { id: "b-001", dependsOn: ["a-001"] }], { name: "remote" });

/** Plays GitHub: when the dispatch arrives, a run that writes wave 1, then wave 2, then completes. */
async function playWorkflow(stub: GitHubStub, store: ReturnType<typeof createStateStore>, outcome: "complete" | "fails") {
  while (stub.runs.length === 0) await new Promise((r) => setTimeout(r, 20));
  const run = stub.runs[0]!;
  run.status = "in_progress";
  await store.init(stateFor(plan), "start");
  await store.update((s) => playStory(s, "a-001", { startAt: 0, outcome: "complete" }), "wave 1");
  await new Promise((r) => setTimeout(r, 100));
  await store.update((s) => playStory(s, "b-001", { startAt: 20, outcome: outcome === "complete" ? "complete" : { failsIn: "verify", reason: "2 tests fail" } }), "wave 2");
  run.status = "completed";
  run.conclusion = outcome === "complete" ? "success" : "failure";
}

describe("tdd-waves dispatch", () => {
  it("starts the workflow on the current branch for the plan, and --watch follows it wave by wave to exit 0", async () => {
    const { dir, stub, env, workflowState } = await setup();
    const [r] = await Promise.all([
      cli(["dispatch", "plan.yml", "--repo", "octo/widgets", "--pr", "7", "--watch", "--interval", "0.05", "--no-color"], dir, env),
      playWorkflow(stub, workflowState, "complete"),
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    stub.assertNoViolations();
    const [dispatch] = stub.calls("actions/create-workflow-dispatch");
    expect(dispatch?.path).toBe("/repos/octo/widgets/actions/workflows/tdd-waves.yml/dispatches");
    expect(dispatch?.body).toMatchObject({ ref: "main", inputs: { plan: "plan.yml", pr: "7" } });
    expect(stub.calls("actions/list-workflow-runs").length).toBeGreaterThan(0);
    expect(r.stdout).toContain("Dispatched tdd-waves.yml on octo/widgets@main for plan.yml: https://github.com/octo/widgets/actions/runs/9000");
    // The live view of `run`: waves, then stories as they finish, then the Gantt.
    const lines = r.stdout.split("\n").map((l) => l.replace(/^\S+Z /, ""));
    const wave1 = lines.indexOf("Wave 1: a-001");
    expect(wave1).toBeGreaterThan(0);
    expect(lines.indexOf("✅ a-001 complete")).toBeGreaterThan(wave1);
    expect(lines.indexOf("✅ b-001 complete")).toBeGreaterThan(lines.indexOf("Wave 2: b-001"));
    expect(r.stdout).toContain("Workflow run 9000 success");
    expect(r.stdout).toMatch(/Wave 2\n {2}b-001 +[-=]+/);
    expect(r.stdout).toContain("2 completed, 0 failed, 0 blocked of 2.");
  });

  it("exits 1 when a story fails, like run", async () => {
    const { dir, stub, env, workflowState } = await setup();
    const [r] = await Promise.all([
      cli(["dispatch", "plan.yml", "--repo", "octo/widgets", "--watch", "--interval", "0.05"], dir, env),
      playWorkflow(stub, workflowState, "fails"),
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("❌ b-001 failed: 2 tests fail");
    stub.assertNoViolations();
  });

  it("says clearly what is wrong: no token, a token without actions: write, a workflow not installed", async () => {
    const { dir, env } = await setup();
    const noToken = await cli(["dispatch", "plan.yml", "--repo", "octo/widgets"], dir, { GITHUB_API_URL: env.GITHUB_API_URL });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain("no GitHub token: set GITHUB_TOKEN or GH_TOKEN");

    const readOnly = await setup({ readOnlyToken: true });
    const denied = await cli(["dispatch", "plan.yml", "--repo", "octo/widgets"], readOnly.dir, readOnly.env);
    expect(denied.code).toBe(2);
    expect(denied.stderr).toContain('It needs the "actions: write" permission on octo/widgets');
    readOnly.stub.assertNoViolations();

    const missing = await setup({ workflows: [] });
    const notInstalled = await cli(["dispatch", "plan.yml", "--repo", "octo/widgets"], missing.dir, missing.env);
    expect(notInstalled.code).toBe(2);
    expect(notInstalled.stderr).toContain("workflow tdd-waves.yml is not installed in octo/widgets");
    expect(notInstalled.stderr).toContain("tdd-waves init");
    missing.stub.assertNoViolations();
  });

  it("takes the repository from the origin remote, and says when origin is not GitHub", async () => {
    const { dir, env, stub } = await setup();
    const notGitHub = await cli(["dispatch", "plan.yml"], dir, env);
    expect(notGitHub.code).toBe(2);
    expect(notGitHub.stderr).toMatch(/the "origin" remote \(.*\) does not look like a GitHub repository: pass --repo owner\/name/);
    git(dir, "remote", "set-url", "origin", "git@github.com:octo/widgets.git");
    const r = await cli(["dispatch", "plan.yml"], dir, env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(stub.calls("actions/create-workflow-dispatch")).toHaveLength(1);
  });
});

describe("tdd-waves status --remote", () => {
  it("reads the execution's state from origin's state branch", async () => {
    const { dir, workflowState } = await setup();
    const before = await cli(["status", "plan.yml", "--remote"], dir, {});
    expect(before.code).toBe(2);
    expect(before.stderr).toContain("no recorded execution on origin/tdd-waves/state: start one with `tdd-waves dispatch plan.yml`");
    await workflowState.init(stateFor(plan), "start");
    await workflowState.update((s) => playStory(s, "a-001", { startAt: 0, outcome: "complete" }), "wave 1");
    const r = await cli(["status", "plan.yml", "--remote", "--no-color"], dir, {});
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("a-001");
    expect(r.stdout).toMatch(/Wave 1\n {2}a-001 +-+=+/);
    // The local state branch was not touched.
    expect(git(dir, "branch", "--list", "tdd-waves/state")).toBe("");
  });
});
