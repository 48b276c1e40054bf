// The TypeScript example (vitest and TypeScript from the npm registry) through the shipped workflows (issue 10):
// every job a fresh checkout in which nothing is installed; the repository's toolchain action
// (.github/actions/tdd-waves-setup) runs first, then the plan's setup installs the dependencies before the
// tester and before the tests on the merged result. Red and green are proven by the JUnit counts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ActionsRunner } from "../support/action-runner.js";
import { startGitHubStub } from "../support/github-stub.js";
import { git } from "../support/repo.js";
import { exampleRepo, fixtureTests, npmCache } from "../support/examples.js";
import type { WorkflowState } from "../../src/core/state/state.js";

const TOOLCHAIN = `name: tdd-waves toolchain
description: Node with npm's cache, before the plan's setup (npm ci)
runs:
  using: composite
  steps:
    - uses: actions/setup-node@v5
      with:
        node-version: 24
        cache: npm
    - shell: bash
      run: echo "toolchain node $(node --version)"
`;

describe("the TypeScript example through the shipped workflows", () => {
  it("installs in every fresh story and integration checkout, and completes every story red then green", async ({ onTestFinished }) => {
    const root = mkdtempSync(join(tmpdir(), "tdd-waves-e2e-ts-"));
    // Nine fresh checkouts with their own node_modules: removing them takes a while on a busy disk.
    onTestFinished(() => rmSync(root, { recursive: true, force: true }), 120_000);
    const repo = exampleRepo("ts-vitest");
    onTestFinished(repo.cleanup, 60_000);
    const action = join(repo.dir, ".github", "actions", "tdd-waves-setup", "action.yml");
    mkdirSync(dirname(action), { recursive: true });
    writeFileSync(action, TOOLCHAIN);
    git(repo.dir, "add", "-A");
    git(repo.dir, "commit", "-q", "-m", "toolchain action");
    const origin = join(root, "origin.git");
    git(root, "clone", "-q", "--bare", repo.dir, origin);
    const stub = await startGitHubStub({ token: "ghs_t" });
    onTestFinished(() => stub.close());
    const runner = new ActionsRunner({ root, originUrl: pathToFileURL(origin).href, stub, token: "ghs_t", defaultBranch: "main", env: npmCache });

    const runs = await runner.followDispatches({ workflow: "tdd-waves.yml", ref: "main", inputs: { plan: "plan.yml" } }, 5);
    const failed = runs.flatMap((r) => r.jobs).filter((j) => j.result === "failure");
    expect(failed.map((j) => j.steps.map((s) => `${j.name} ${s.command}: ${s.stdout}${s.stderr}`).join("\n"))).toEqual([]);
    expect(runs.map((r) => r.jobs.filter((j) => j.id === "story").map((j) => j.matrix?.story))).toEqual([
      ["text-001", "text-002", "text-003"],
      ["text-004", "text-005"],
      ["text-006"],
    ]);
    for (const job of runs.flatMap((r) => r.jobs).filter((j) => j.id === "story" || j.id === "advance")) {
      // The toolchain action first, then the action's steps; the setup in the tester step, in a checkout with no node_modules.
      expect(job.steps.map((s) => s.command)).toEqual(job.id === "story" ? ["./.github/actions/tdd-waves-setup", "tester", "implement", "verify"] : ["./.github/actions/tdd-waves-setup", "advance"]);
      expect(job.steps[0]!.stdout).toContain("(skipped actions/setup-node@v5: the toolchain is on this machine)\ntoolchain node v");
    }

    const state = JSON.parse(git(origin, "show", "tdd-waves/state:textkit/workflow-state.json")) as WorkflowState;
    expect(state.status).toBe("complete");
    expect(state.stories.completed).toHaveLength(6);
    for (const [id, run] of Object.entries(state.runs)) {
      expect(run.phases.map((p) => p.phase), id).toEqual(["setup", "tester", "red", "implementation", "verify"]);
      expect(run.result?.red, id).toMatchObject({ passed: 0, junitFound: true });
      expect(run.result?.red?.exitCode, id).not.toBe(0);
      expect(run.result?.green, id).toMatchObject({ exitCode: 0, passed: fixtureTests("ts-vitest", id), total: fixtureTests("ts-vitest", id), junitFound: true });
    }
    // Nothing setup installed reached the target; the code did.
    const files = git(origin, "ls-tree", "-r", "--name-only", "main").split("\n");
    expect(files.filter((f) => f.startsWith("node_modules/") || f.startsWith("reports/"))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(["src/slugify.ts", "src/reading-time.ts", "test/slugify.test.ts"]));
    stub.assertNoViolations();
  }, 300_000);
});
