// Faults an execution must survive (issue 9 item 5), through the real CLI bundle on real repositories:
// a closed output, a merge killed half-way, a story branch the user owns, agents that nest repositories
// or move HEAD, an old git, and the version the bundle reports.
import { afterEach, describe, expect, it } from "vitest";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
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

/** A directory to put first on PATH: a `git` that reports `version` and otherwise runs the real git. */
function gitReporting(version: string): string {
  const bin = mkdtempSync(join(tmpdir(), "tdd-waves-oldgit-"));
  temps.push(bin);
  const real = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
  writeFileSync(join(bin, "git"), `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "git version ${version}"; exit 0; fi\nexec ${real} "$@"\n`);
  chmodSync(join(bin, "git"), 0o755);
  return bin;
}

describe("an old git", () => {
  it("is refused once, with a clear message, before anything is changed", async () => {
    const dir = setup("oldgit", [{ id: "a-001" }]);
    const bin = gitReporting("2.30.9");
    const r = await runCli(["run", "plan.yml"], dir, { PATH: `${bin}:${process.env.PATH}` });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tdd-waves needs git 2\.36 or later; this is git 2\.30\.9/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(git(dir, "branch", "--list", "tdd-waves/*")).toBe("");
  });
});

describe("an old git on a self-hosted runner", () => {
  /** The real action bundle, one step, the way the runner starts it, with `git --version` answering `version`. */
  function actionStep(dir: string, command: string, version: string, inputs: Record<string, string> = {}) {
    const bin = gitReporting(version);
    const output = join(bin, "output");
    writeFileSync(output, "");
    const r = spawnSync(process.execPath, [join(import.meta.dirname, "..", "..", "dist", "index.js")], {
      cwd: dir,
      encoding: "utf8",
      env: {
        PATH: `${bin}:${process.env.PATH}`, HOME: process.env.HOME, GITHUB_WORKSPACE: dir, GITHUB_OUTPUT: output, RUNNER_TEMP: bin,
        GITHUB_REPOSITORY: "o/r", GITHUB_REF: "refs/heads/main", GITHUB_REF_NAME: "main", INPUT_COMMAND: command, INPUT_PLAN: "plan.yml", ...inputs,
      },
    });
    return { ...r, outputs: readFileSync(output, "utf8") };
  }

  it("fails the step with a clear message before anything is read or changed", () => {
    const dir = setup("oldgit-action", [{ id: "a-001" }]);
    const r = actionStep(dir, "plan", "2.30.9");
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/::error::tdd-waves needs git 2\.36 or later; this is git 2\.30\.9/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    expect(r.outputs).toBe("");
    expect(git(dir, "branch", "--list", "tdd-waves/*")).toBe("");
  });

  it("asks 2.38 of the publish step, which checks merges with merge-tree --write-tree", () => {
    const dir = setup("oldgit-publish", [{ id: "a-001" }]);
    expect(actionStep(dir, "publish", "2.37.1", { INPUT_TOKEN: "ghs_test", "INPUT_WAVE-START": "0".repeat(40) }).stdout).toMatch(/::error::tdd-waves needs git 2\.38 or later; this is git 2\.37\.1/);
    // The plan step is content with 2.37.
    expect(actionStep(dir, "plan", "2.37.1").stdout).not.toMatch(/needs git/);
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

/** A `git` first on PATH that, once (while `flag` exists), kills tdd-waves with SIGKILL inside `git merge`, MERGE_HEAD written. */
function killingGit(flag: string): string {
  const bin = mkdtempSync(join(tmpdir(), "tdd-waves-killgit-"));
  temps.push(bin);
  const real = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
  writeFileSync(
    join(bin, "git"),
    `#!/bin/sh\nfor a in "$@"; do\n  if [ "$a" = merge ] && [ -f "${flag}" ]; then\n    rm -f "${flag}"\n    ${real} "$@" --no-commit >/dev/null 2>&1\n    kill -9 $PPID\n    exit 1\n  fi\ndone\nexec ${real} "$@"\n`,
  );
  chmodSync(join(bin, "git"), 0o755);
  return bin;
}

describe("a merge killed half-way", () => {
  it("is cleared by the next run, which merges the story again instead of failing it", async () => {
    const dir = setup("halfmerge", [{ id: "a-001" }, { id: "b-001" }]);
    const flag = join(dir, ".git", "kill-in-merge");
    writeFileSync(flag, "");
    const killed = await runCli(["run", "plan.yml"], dir, { PATH: `${killingGit(flag)}:${process.env.PATH}` });
    expect(killed.signal).toBe("SIGKILL");
    expect(existsSync(join(dir, ".git", "MERGE_HEAD"))).toBe(true);

    const resumed = await runCli(["run", "plan.yml"], dir);
    expect(resumed.stderr).toBe("");
    expect(resumed.code).toBe(0);
    expect(stateOf(dir, "halfmerge").stories.completed.sort()).toEqual(["a-001", "b-001"]);
    expect(existsSync(join(dir, ".git", "MERGE_HEAD"))).toBe(false);
    expect(git(dir, "log", "--merges", "--format=%s", "main").split("\n").sort()).toEqual(["tdd-waves: merge a-001: Story a-001", "tdd-waves: merge b-001: Story b-001"]);
  });

  it("leaves someone else's unfinished merge alone and says so", async () => {
    const dir = setup("theirs", [{ id: "a-001" }]);
    git(dir, "checkout", "-q", "-b", "side");
    writeFileSync(join(dir, "side.txt"), "side\n");
    git(dir, "add", "side.txt");
    git(dir, "commit", "-q", "-m", "side");
    git(dir, "checkout", "-q", "main");
    git(dir, "merge", "--no-ff", "--no-commit", "side");
    const r = await runCli(["run", "plan.yml"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a merge is in progress in .* \(MERGE_HEAD exists\): conclude it \(git commit\) or abort it \(git merge --abort\) first/);
    expect(existsSync(join(dir, ".git", "MERGE_HEAD"))).toBe(true);
  });

  it("tells a merge git refused (an untracked file it would overwrite) from a conflict", async () => {
    const dir = setup("refused", [{ id: "a-001" }, { id: "b-001" }]);
    execFileSync("mkdir", ["-p", join(dir, "src")]);
    writeFileSync(join(dir, "src", "a-001.mjs"), "// the user's own, not committed\n");
    const r = await runCli(["run", "plan.yml"], dir);
    expect(r.code).toBe(1);
    const state = stateOf(dir, "refused");
    expect(state.stories.completed).toEqual(["b-001"]);
    expect(state.runs["a-001"]!.reason).toBe("merge refused by git: The following untracked working tree files would be overwritten by merge: src/a-001.mjs");
    expect(readFileSync(join(dir, "src", "a-001.mjs"), "utf8")).toBe("// the user's own, not committed\n");
  });
});

describe("a story branch the user already had", () => {
  it("is refused at start, naming it, with nothing changed", async () => {
    const dir = setup("mine", [{ id: "a-001" }, { id: "b-001" }]);
    git(dir, "checkout", "-q", "-b", "tdd-waves/mine/b-001");
    writeFileSync(join(dir, "notes.txt"), "my own work\n");
    git(dir, "add", "notes.txt");
    git(dir, "commit", "-q", "-m", "my own work");
    const tip = git(dir, "rev-parse", "HEAD");
    git(dir, "checkout", "-q", "main");
    const r = await runCli(["run", "plan.yml"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/branch tdd-waves\/mine\/b-001 already exists with commits tdd-waves did not make/);
    expect(git(dir, "rev-parse", "tdd-waves/mine/b-001")).toBe(tip);
    expect(git(dir, "branch", "--list", "tdd-waves/state")).toBe("");
  });
});

describe("agents that leave the story's ground", () => {
  // One attempt each (retries: 0): the script agents cannot play their trick twice in one working copy.
  it("a nested git repository fails the story with a clear reason", async () => {
    const dir = setup("nested", [{ id: "a-001", implementer: "nester" }, { id: "b-001" }], { agents: { nester: { IMPL_MODE: "nested" } }, yaml: "retries: 0\n" });
    const r = await runCli(["run", "plan.yml"], dir);
    expect(r.code).toBe(1);
    const state = stateOf(dir, "nested");
    expect(state.stories.failed).toEqual(["a-001"]);
    expect(state.runs["a-001"]!.reason).toMatch(/nested git repository at vendor\/lib/);
    expect(git(dir, "ls-tree", "-r", "main", "--", "vendor")).toBe("");
  });

  it("one that switches branch and commits there fails the story; the target never gets the stray commit", async () => {
    const dir = setup("stray", [{ id: "a-001", implementer: "wanderer" }, { id: "b-001" }], { agents: { wanderer: { IMPL_MODE: "switch-branch" } }, yaml: "retries: 0\n" });
    const r = await runCli(["run", "plan.yml"], dir);
    expect(r.code).toBe(1);
    const state = stateOf(dir, "stray");
    expect(state.stories.failed).toEqual(["a-001"]);
    expect(state.runs["a-001"]!.reason).toMatch(/moved HEAD off the story branch tdd-waves\/stray\/a-001 \(to branch stray\)/);
    expect(() => git(dir, "merge-base", "--is-ancestor", "stray", "main")).toThrow();
    // The failure is committed on the story branch, not on the agent's.
    expect(git(dir, "log", "-1", "--format=%s", "tdd-waves/stray/a-001")).toMatch(/^tdd-waves: a-001 failed/);
    expect(git(dir, "log", "-1", "--format=%s", "stray")).toBe("stray work");
  });
});

describe("symbolic links an agent makes out of the repository", () => {
  it("a story directory linked elsewhere is neither read nor written: the story fails", async () => {
    const outside = mkdtempSync(join(tmpdir(), "tdd-waves-outside-"));
    temps.push(outside);
    const dir = setup("linked", [{ id: "a-001", tester: "tester-linker" }, { id: "b-001" }], { agents: { "tester-linker": { LINK: `stories=${outside}` } } });
    writeFileSync(join(outside, "a-001.md"), "outside\n");
    const r = await runCli(["run", "plan.yml"], dir);
    expect(r.code).toBe(1);
    const state = stateOf(dir, "linked");
    expect(state.stories.completed).toEqual(["b-001"]);
    expect(state.runs["a-001"]!.reason).toMatch(/stories\/a-001\.md leads out of .* through a symbolic link: refused/);
    expect(readFileSync(join(outside, "a-001.md"), "utf8")).toBe("outside\n");
  });

  it("a JUnit report directory linked elsewhere: nothing there is read or deleted", async () => {
    const outside = mkdtempSync(join(tmpdir(), "tdd-waves-outside-"));
    temps.push(outside);
    writeFileSync(join(outside, "a-001.xml"), "<testsuites/>\n");
    const dir = setup("junitlink", [{ id: "a-001", tester: "tester-linker" }], {
      agents: { "tester-linker": { LINK: `reports=${outside}` } },
      yaml: "  junit: reports/{storyId}.xml\n",
    });
    const r = await runCli(["run", "plan.yml"], dir);
    expect(r.code).toBe(1);
    expect(stateOf(dir, "junitlink").runs["a-001"]!.reason).toMatch(/reports\/a-001\.xml leads out of .* through a symbolic link: refused/);
    expect(readFileSync(join(outside, "a-001.xml"), "utf8")).toBe("<testsuites/>\n");
  });

  it("a log directory linked elsewhere: nothing is written there, the story fails", async () => {
    const outside = mkdtempSync(join(tmpdir(), "tdd-waves-outside-"));
    temps.push(outside);
    const repo = makeRepo({});
    repos.push(repo);
    const logs = join(repo.dir, ".git", "tdd-waves", "logs", "loglink", "a-001", "attempt-1");
    // One attempt (retries: 0): a second one would log to attempt-2, which the link does not reach.
    const files = planFiles("loglink", [{ id: "a-001", tester: "tester-linker" }], { agents: { "tester-linker": { LINK: `${logs}=${outside}` } }, yaml: "retries: 0\n" });
    for (const [path, text] of Object.entries(files)) {
      execFileSync("mkdir", ["-p", join(repo.dir, path, "..")]);
      writeFileSync(join(repo.dir, path), text);
    }
    git(repo.dir, "add", "-A");
    git(repo.dir, "commit", "-qm", "plan");
    const r = await runCli(["run", "plan.yml"], repo.dir);
    expect(r.code).toBe(1);
    expect(stateOf(repo.dir, "loglink").runs["a-001"]!.reason).toMatch(/attempt-1\/red\.log leads out of .* through a symbolic link: refused/);
    expect(readdirSync(outside)).toEqual([]);
  });
});
