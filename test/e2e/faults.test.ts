// Faults an execution must survive (issue 9 item 5), through the real CLI bundle on real repositories:
// a closed output, a merge killed half-way, a story branch the user owns, agents that nest repositories
// or move HEAD, an old git, and the version the bundle reports.
import { afterEach, describe, expect, it } from "vitest";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { git, makeRepo, planFiles, type StorySpec, type TempRepo } from "../support/repo.js";
import { runCli, startCli } from "../support/cli.js";
import type { WorkflowState } from "../../src/core/state/state.js";

const repos: TempRepo[] = [];
const temps: string[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

function setup(name: string, stories: StorySpec[], extra: Parameters<typeof planFiles>[2] = {}, files: Record<string, string> = {}) {
  const repo = makeRepo({ ...planFiles(name, stories, extra), ...files });
  repos.push(repo);
  return repo.dir;
}

function stateOf(dir: string, plan: string): WorkflowState {
  return JSON.parse(git(dir, "show", `tdd-waves/state:${plan}/workflow-state.json`)) as WorkflowState;
}

const worktreesLeft = (dir: string, plan: string): string[] => {
  const root = join(dir, ".git", "tdd-waves", "worktrees", plan);
  return existsSync(root) ? readdirSync(root) : [];
};

describe("tdd-waves --version", () => {
  it("prints the version embedded at build time, whatever npm_package_version says", async () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "package.json"), "utf8")) as { version: string };
    const r = await runCli(["--version"], tmpdir(), { npm_package_version: "9.9.9" });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`tdd-waves ${pkg.version}\n`);
  });
});

describe("an old git", () => {
  it("is refused once, with a clear message, before anything is changed", async () => {
    const dir = setup("oldgit", [{ id: "a-001" }]);
    const bin = mkdtempSync(join(tmpdir(), "tdd-waves-oldgit-"));
    temps.push(bin);
    const real = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    writeFileSync(join(bin, "git"), `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "git version 2.30.9"; exit 0; fi\nexec ${real} "$@"\n`);
    chmodSync(join(bin, "git"), 0o755);
    const r = await runCli(["run", "plan.yml"], dir, { PATH: `${bin}:${process.env.PATH}` });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tdd-waves needs git 2\.36 or later; this is git 2\.30\.9/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(git(dir, "branch", "--list", "tdd-waves/*")).toBe("");
  });
});

describe("a closed output", () => {
  it("`run | head -2`: no crash, no stack trace; the state is not left executing and no worktree is left", async () => {
    const dir = setup("pipe", [{ id: "a-001" }, { id: "b-001" }, { id: "c-001", dependsOn: ["a-001"] }]);
    const run = startCli(["run", "plan.yml"], dir);
    let lines = 0;
    // What `head -2` does: read two lines, then close its end of the pipe.
    run.child.stdout!.on("data", (d: Buffer) => {
      lines += d.toString().split("\n").length - 1;
      if (lines >= 2) run.child.stdout!.destroy();
    });
    const r = await run.done;
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect([0, 1]).toContain(r.code);
    const state = stateOf(dir, "pipe");
    expect(state.status).not.toBe("executing");
    expect(state.lock).toBeUndefined();
    expect(worktreesLeft(dir, "pipe")).toEqual([]);
  });
});
