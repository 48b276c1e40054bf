// Whole local executions through the real CLI bundle: real git repositories, real agent processes
// (script agents standing in for LLM agents), real `node --test` runs.
import { afterEach, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { git, makeRepo, planFiles, type StorySpec, type TempRepo } from "../support/repo.js";
import { runCli } from "../support/cli.js";
import { readStoryFile } from "../../src/core/story/story-file.js";
import type { WorkflowState } from "../../src/core/state/state.js";

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function setup(name: string, stories: StorySpec[], extra: Parameters<typeof planFiles>[2] = {}, files: Record<string, string> = {}) {
  const repo = makeRepo({ ...planFiles(name, stories, extra), ...files });
  repos.push(repo);
  const trace = join(repo.dir, ".git", "agent-trace.log");
  return { dir: repo.dir, trace, env: { AGENT_TRACE: trace } };
}

function stateOf(dir: string, plan: string): WorkflowState {
  return JSON.parse(git(dir, "show", `tdd-waves/state:${plan}/workflow-state.json`)) as WorkflowState;
}

function storyOnMain(dir: string, id: string) {
  return readStoryFile(git(dir, "show", `main:stories/${id}.md`));
}

function traceLines(trace: string): { at: number; role: string; id: string; what: string; attempt: number; nice?: number }[] {
  if (!existsSync(trace)) return [];
  return readFileSync(trace, "utf8")
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [at, role, id, what, attempt] = line.split(" ");
      const nice = /\bnice=(-?\d+)/.exec(line)?.[1];
      return { at: Number(at), role: role!, id: id!, what: what!, attempt: Number(attempt?.split("=")[1]), ...(nice === undefined ? {} : { nice: Number(nice) }) };
    });
}

const mergeSubjects = (dir: string) => git(dir, "log", "--merges", "--reverse", "--format=%s", "main").split("\n").filter(Boolean);

describe("tdd-waves run", () => {
  it("runs a three-wave plan test-first and merges every story into the checked-out branch", async () => {
    const { dir, trace, env } = setup("three", [
      { id: "a-001" },
      { id: "b-001" },
      { id: "a-002", dependsOn: ["a-001"] },
      { id: "b-002", dependsOn: ["a-002", "b-001"] },
    ]);
    const r = await runCli(["run", "plan.yml"], dir, env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Spawning tester agent (tester) for a-001");
    // The run ends with the terminal Gantt: a row per story under its wave's header.
    expect(r.stdout).toMatch(/Wave 1\n {2}a-001 +[▒█]+/);
    expect(r.stdout).toMatch(/Wave 3\n {2}b-002 +[▒█ ]+/);
    expect(r.stdout).toContain("Spawning implementation agent (implementer) for b-002");

    // Tester before implementation for every story; every wave after the previous one ended.
    const lines = traceLines(trace);
    for (const id of ["a-001", "b-001", "a-002", "b-002"]) {
      const t = lines.findIndex((l) => l.id === id && l.role === "tester");
      const i = lines.findIndex((l) => l.id === id && l.role === "implementation");
      expect(t).toBeGreaterThanOrEqual(0);
      expect(i).toBeGreaterThan(t);
    }
    const lastOf = (id: string) => Math.max(...lines.filter((l) => l.id === id).map((l) => l.at));
    const firstOf = (id: string) => Math.min(...lines.filter((l) => l.id === id).map((l) => l.at));
    expect(firstOf("a-002")).toBeGreaterThanOrEqual(Math.max(lastOf("a-001"), lastOf("b-001")));
    expect(firstOf("b-002")).toBeGreaterThanOrEqual(lastOf("a-002"));

    // One merge commit per story, in plan order within a wave.
    expect(mergeSubjects(dir)).toEqual([
      "tdd-waves: merge a-001: Story a-001",
      "tdd-waves: merge b-001: Story b-001",
      "tdd-waves: merge a-002: Story a-002",
      "tdd-waves: merge b-002: Story b-002",
    ]);
    for (const id of ["a-001", "b-001", "a-002", "b-002"]) {
      const story = storyOnMain(dir, id);
      expect(story.status).toBe("complete");
      expect(story.verified).toBe(true);
      expect(story.assignee).toBe("implementer");
      expect(story.criteria.every((c) => c.checked)).toBe(true);
      expect(story.completion).toMatch(/Red → green.*exit 1.*exit 0/);
    }
    // The merged code passes its tests: the checked-out target holds every story's test and module, and the
    // tests pass there (a story whose module never arrived would fail its import).
    expect(git(dir, "status", "--porcelain", "--untracked-files=no")).toBe("");
    const testFiles = ["a-001", "b-001", "a-002", "b-002"].map((id) => `test/${id}.test.mjs`);
    for (const id of ["a-001", "b-001", "a-002", "b-002"]) expect(existsSync(join(dir, "src", `${id}.mjs`))).toBe(true);
    const merged = spawnSync(process.execPath, ["--test", ...testFiles], { cwd: dir, encoding: "utf8" });
    expect(merged.status, merged.stdout + merged.stderr).toBe(0);
    expect(merged.stdout).toMatch(/# pass 4\b/);
    const state = stateOf(dir, "three");
    expect(state.status).toBe("complete");
    expect(state.stories.completed.sort()).toEqual(["a-001", "a-002", "b-001", "b-002"]);
    expect(state.epics).toEqual({ a: { total: 2, completed: 2, failed: 0 }, b: { total: 2, completed: 2, failed: 0 } });
    expect(state.lock).toBeUndefined();

    // The report is written inside the git directory: the working tree stays clean, untracked files included.
    expect(git(dir, "status", "--porcelain")).toBe("");
    const report = JSON.parse(readFileSync(join(dir, "tdd-waves-report.json"), "utf8"));
    expect(Object.keys(report).slice(0, 8)).toEqual([
      "totalWaves",
      "totalStories",
      "storiesCompleted",
      "storiesFailed",
      "storiesRemaining",
      "results",
      "totalTestsCovered",
      "totalTestsPassed",
    ]);
    expect(report.totalWaves).toBe(3);
    expect(report.storiesCompleted).toHaveLength(4);
    expect(report.totalTestsPassed).toBe(4);
    expect(report.results[0]).toMatchObject({ storyId: "a-001", wave: 1, implStatus: "success", verifiedProduction: true, acChecklistComplete: true });
    expect(report.results[0].filesModified).toEqual(["src/a-001.mjs", "stories/a-001.md", "test/a-001.test.mjs"]);

    // status, gantt and report read the recorded execution.
    const status = await runCli(["status", "plan.yml", "--json"], dir);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ status: "complete" });
    const gantt = await runCli(["gantt", "plan.yml"], dir);
    expect(gantt.stdout).toMatch(/^```mermaid\ngantt/);
    expect(gantt.stdout).toContain("section Wave 3");
    const text = await runCli(["gantt", "plan.yml", "--format", "text", "--no-color"], dir);
    expect(text.stdout).toMatch(/^Wave 1\n {2}a-001 +-+=+/);
    expect(text.stdout).toMatch(/^[\x20-\x7e\n]*$/);
    const svg = await runCli(["gantt", "plan.yml", "--format", "svg"], dir);
    expect(svg.stdout).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^]*data-label="I-b-002"[^]*<\/svg>\n$/);
    const rep = await runCli(["report", "plan.yml"], dir);
    expect(JSON.parse(rep.stdout).storiesCompleted).toEqual(report.storiesCompleted);
  });

  it("fails a story whose implementer fails and blocks the stories behind it; the others go on", async () => {
    const { dir, trace, env } = setup(
      "failing",
      [{ id: "a-001", implementer: "broken" }, { id: "b-001" }, { id: "a-002", dependsOn: ["a-001"] }, { id: "a-003", dependsOn: ["a-002"] }],
      { agents: { broken: { IMPL_MODE: "fail" } } },
    );
    const r = await runCli(["run", "plan.yml"], dir, env);
    expect(r.code).toBe(1);
    // The ❌ line names its log; a ⛔ line comes under its wave's header, never before it.
    expect(r.stdout).toMatch(/❌ a-001 failed: .* \(log: \S+\/a-001\/attempt-2\/implementation\.log\)/);
    const out = r.stdout.split("\n").map((l) => l.replace(/^\S+Z /, ""));
    expect(out.findIndex((l) => l.startsWith("⛔ a-002"))).toBeGreaterThan(out.findIndex((l) => l.startsWith("Wave 2:")));
    expect(out.findIndex((l) => l.startsWith("⛔ a-003"))).toBeGreaterThan(out.findIndex((l) => l.startsWith("Wave 3:")));
    const state = stateOf(dir, "failing");
    expect(state.stories.failed).toEqual(["a-001"]);
    expect(state.stories.blocked.sort()).toEqual(["a-002", "a-003"]);
    expect(state.stories.completed).toEqual(["b-001"]);
    expect(state.status).toBe("complete");
    // Retried once (the default retries: 1), then failed, the reason naming the attempts.
    expect(state.runs["a-001"]!.reason).toBe("implementation agent broken exited with code 1 (after 2 attempts)");
    expect(traceLines(trace).filter((l) => l.id === "a-001" && l.role === "implementation").map((l) => l.attempt)).toEqual([1, 2]);
    // Blocked stories never ran.
    expect(traceLines(trace).filter((l) => l.id === "a-002" || l.id === "a-003")).toEqual([]);

    const failed = storyOnMain(dir, "a-001");
    expect(failed.status).toBe("failed");
    expect(failed.completion).toContain("implementation agent broken exited with code 1 (after 2 attempts)");
    expect(storyOnMain(dir, "a-002").status).toBe("blocked");
    expect(storyOnMain(dir, "a-003").completion).toContain("dependency a-002 is blocked");
    // Each failed or blocked story arrives on the target as a commit of its story file alone.
    for (const id of ["a-001", "a-002", "a-003"]) {
      const commit = git(dir, "log", "-1", "--format=%H", "main", "--", `stories/${id}.md`);
      expect(git(dir, "show", "--name-only", "--format=", commit)).toBe(`stories/${id}.md`);
    }
    // Its work stays on its own branch: the tests the tester wrote, never the target.
    expect(git(dir, "show", "tdd-waves/failing/a-001:test/a-001.test.mjs")).toContain("a-001 returns its id");
    expect(() => git(dir, "show", "main:test/a-001.test.mjs")).toThrow();
    const report = JSON.parse(readFileSync(join(dir, "tdd-waves-report.json"), "utf8"));
    expect(report.storiesFailed).toEqual(["a-001"]);
    expect(report.results.find((x: { storyId: string }) => x.storyId === "a-002").implStatus).toBe("skipped");
  });

  it("proves red before green: tests that pass before implementation, or no test at all, fail the story", async () => {
    const { dir, trace, env } = setup("red", [{ id: "a-001", tester: "tester-passing" }, { id: "b-001", tester: "tester-none" }], {
      agents: { "tester-passing": { TESTER_MODE: "passing" }, "tester-none": { TESTER_MODE: "none" } },
      yaml: "retries: 0\n",
    });
    const r = await runCli(["run", "plan.yml"], dir, env);
    expect(r.code).toBe(1);
    const state = stateOf(dir, "red");
    expect(state.runs["a-001"]!.reason).toBe("red check: the tests pass before implementation (they must fail first)");
    expect(state.runs["a-001"]!.result?.red?.exitCode).toBe(0);
    expect(state.runs["b-001"]!.reason).toBe("test file test/b-001.test.mjs was not written by the tester");
    expect(traceLines(trace).filter((l) => l.role === "implementation")).toEqual([]);
  });

  it("verifies the test file is untouched and every acceptance criterion is checked", async () => {
    const { dir } = setup(
      "verify",
      [
        { id: "a-001", implementer: "cheater" },
        { id: "b-001", implementer: "forgetful" },
      ],
      { agents: { cheater: { IMPL_MODE: "edit-test" }, forgetful: { IMPL_MODE: "no-tick" } }, yaml: "retries: 0\n" },
    );
    const r = await runCli(["run", "plan.yml"], dir);
    expect(r.code).toBe(1);
    const state = stateOf(dir, "verify");
    expect(state.runs["a-001"]!.reason).toContain("the test file test/a-001.test.mjs was changed after the tester wrote it");
    expect(state.runs["b-001"]!.reason).toContain("1 acceptance criteria not checked");
    expect(state.runs["b-001"]!.result?.acChecklistComplete).toBe(false);
    expect(storyOnMain(dir, "a-001").status).toBe("failed");
  });

  it("lets the implementation change the test file when tdd.lockTests is false", async () => {
    const { dir } = setup("unlocked", [{ id: "a-001", implementer: "cheater" }], {
      agents: { cheater: { IMPL_MODE: "edit-test" } },
      yaml: "tdd:\n  lockTests: false\n",
    });
    const r = await runCli(["run", "plan.yml"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("with retries: 0, fails the second of two conflicting stories at integration and keeps its branch", async () => {
    const { dir } = setup("conflict", [{ id: "a-001", implementer: "clash" }, { id: "b-001", implementer: "clash" }], {
      agents: { clash: { IMPL_MODE: "conflict" } },
      yaml: "retries: 0\n",
    });
    const r = await runCli(["run", "plan.yml"], dir);
    expect(r.code).toBe(1);
    const state = stateOf(dir, "conflict");
    expect(state.stories.completed).toEqual(["a-001"]);
    expect(state.runs["b-001"]!.reason).toBe("merge conflict in shared.txt");
    expect(git(dir, "show", "main:shared.txt")).toBe("written by a-001");
    expect(git(dir, "show", "tdd-waves/conflict/b-001:shared.txt")).toBe("written by b-001");
    expect(storyOnMain(dir, "b-001").status).toBe("failed");
    expect(git(dir, "status", "--porcelain", "--untracked-files=no")).toBe("");
    expect(mergeSubjects(dir)).toEqual(["tdd-waves: merge a-001: Story a-001"]);
  });

  it("kills a hung agent with its whole process tree at the timeout", async () => {
    const pidDir = mkdtempSync(join(tmpdir(), "tdd-waves-pid-"));
    const pidFile = join(pidDir, "grandchild.pid");
    try {
      const { dir } = setup("hung", [{ id: "a-001", tester: "tester-sleepy" }], {
        agents: { "tester-sleepy": { TESTER_MODE: "hang", PID_FILE: pidFile } },
        timeouts: { "tester-sleepy": "2s" },
        yaml: "retries: 0\n",
      });
      const r = await runCli(["run", "plan.yml"], dir);
      expect(r.code).toBe(1);
      expect(stateOf(dir, "hung").runs["a-001"]!.reason).toBe("tester agent tester-sleepy timed out after 2s");
      const pid = Number(readFileSync(pidFile, "utf8"));
      expect(pid).toBeGreaterThan(0);
      // Gone, or a zombie waiting for init to reap it: either way it runs no more.
      const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, "utf8") : "";
      expect(stat === "" || / Z /.test(stat)).toBe(true);
    } finally {
      rmSync(pidDir, { recursive: true, force: true });
    }
  });

  it("keeps every byte of story files it does not own (CRLF, unicode, front matter)", async () => {
    const original = [
      "---",
      "status: pending",
      "owner: Zoë Ångström",
      "tags: [auth, 🚀]",
      "---",
      "# a-001: Schéma + Ü 🧪",
      "",
      "Status: ⏳ Pending   ",
      "**Assignee:** —",
      "",
      "Intro text with trailing spaces   ",
      "",
      "## Acceptance Criteria",
      "- [ ] a-001 returns its id",
      "  - [ ] nested: 日本語 works",
      "",
      "## Notes",
      "Keep me exactly. 	Tabs too.",
      "",
      "## Completion",
      "old text",
      "",
    ].join("\r\n");
    const { dir } = setup("bytes", [{ id: "a-001" }], {}, { "stories/a-001.md": original });
    const r = await runCli(["run", "plan.yml"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const after = git(dir, "show", "main:stories/a-001.md") + "\r\n";
    expect(after.replace(/\r\n/g, "")).not.toContain("\n");
    const lines = after.split("\r\n");
    expect(lines.slice(0, 5)).toEqual(["---", "status: complete", "owner: Zoë Ångström", "tags: [auth, 🚀]", "---"]);
    expect(lines[5]).toBe("# a-001: Schéma + Ü 🧪");
    expect(lines).toContain("Status: ✅ Complete   ");
    expect(lines).toContain("**Assignee:** implementer");
    expect(after).toContain("\r\nIntro text with trailing spaces   \r\n\r\n## Acceptance Criteria\r\n- [x] a-001 returns its id\r\n  - [x] nested: 日本語 works\r\n\r\n## Notes\r\nKeep me exactly. \tTabs too.\r\n\r\n## Completion\r\n");
    expect(after).not.toContain("old text");
  });

  it("schedules as a DAG with --schedule dag: a story starts once its own dependencies are merged", async () => {
    // a-001's implementer waits for b-002's tester: only a DAG schedule, which starts b-002 as soon as
    // b-001 is merged (not at the end of wave 1), lets it finish.
    const signal = join(tmpdir(), `tdd-waves-dag-${process.pid}-${Date.now()}`);
    const { dir } = setup("dag", [{ id: "a-001", implementer: "waiting" }, { id: "b-001" }, { id: "b-002", dependsOn: ["b-001"], tester: "tester-signal" }], {
      agents: { waiting: { WAIT_FOR: signal }, "tester-signal": { TOUCH: signal } },
    });
    try {
      const r = await runCli(["run", "plan.yml", "--schedule", "dag"], dir);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const merges = mergeSubjects(dir);
      expect(merges).toHaveLength(3);
      // b-001 was merged while a-001 was still being implemented.
      expect(merges[0]).toBe("tdd-waves: merge b-001: Story b-001");
    } finally {
      rmSync(signal, { force: true });
    }
  });

  it("dag merges a finished story only when a pending story needs it: two that one story waits for go in one batch", async () => {
    // c-001 needs a-001 and b-001. a-001 is done long before b-001 (whose implementer sleeps); merging a-001
    // alone would cost a test run on the merged result that unlocks nobody, so it waits for b-001.
    const { dir, trace, env } = setup("dagbatch", [{ id: "a-001" }, { id: "b-001", implementer: "slow" }, { id: "c-001", dependsOn: ["a-001", "b-001"] }], {
      agents: { slow: { IMPL_MODE: "sleep", SLEEP_MS: "2500" } },
    });
    const r = await runCli(["run", "plan.yml", "--schedule", "dag"], dir, env);
    expect(r.code, r.stderr).toBe(0);
    expect(mergeSubjects(dir)).toEqual(["tdd-waves: merge a-001: Story a-001", "tdd-waves: merge b-001: Story b-001", "tdd-waves: merge c-001: Story c-001"]);
    const mergedAt = (id: string) => Number(git(dir, "log", "--merges", "--format=%ct", "--grep", `merge ${id}:`, "main"));
    const bDone = traceLines(trace).find((l) => l.role === "implementation" && l.id === "b-001" && l.what === "end")!.at;
    // Commit times are whole seconds: a-001's merge is no earlier than the second b-001's implementer ended in.
    expect(mergedAt("a-001")).toBeGreaterThanOrEqual(Math.floor(bDone / 1000));
    expect(stateOf(dir, "dagbatch").stories.completed).toHaveLength(3);
  });

  it("dag waits for a story already verifying before it merges a batch: the two are tested together", async () => {
    // c-001 needs only a-001. When a-001 is done, b-001 is verifying (its tests take 3 s once its code is
    // there): one batch {a-001, b-001}, one round of tests on the merged result, instead of two.
    const { dir, trace, env } = setup("dagverify", [{ id: "a-001", implementer: "slow" }, { id: "b-001" }, { id: "c-001", dependsOn: ["a-001"] }], {
      agents: { slow: { IMPL_MODE: "sleep", SLEEP_MS: "1500" } },
      testCommand: 'echo {storyId} start $(date +%s%3N) >> "$AGENT_TRACE.tests"; [ {storyId} != b-001 ] || [ ! -e src/b-001.mjs ] || sleep 3; node --test {testFile}; s=$?; echo {storyId} end $(date +%s%3N) >> "$AGENT_TRACE.tests"; exit $s',
    });
    const r = await runCli(["run", "plan.yml", "--schedule", "dag"], dir, env);
    expect(r.code, r.stderr).toBe(0);
    const runs = readFileSync(`${trace}.tests`, "utf8").trim().split("\n").map((l) => l.split(" "));
    // Each story's test command ran three times: red check, verify, on the merged result.
    const at = (id: string, n: number, what: string) => Number(runs.filter(([s, w]) => s === id && w === what)[n]![2]);
    expect(runs.filter(([s, w]) => s === "a-001" && w === "start")).toHaveLength(3);
    // a-001 was done while b-001 verified, and was tested on the merged result only after b-001's verify ended.
    expect(at("a-001", 1, "end")).toBeLessThan(at("b-001", 1, "end"));
    expect(at("a-001", 2, "start")).toBeGreaterThanOrEqual(at("b-001", 1, "end"));
    expect(stateOf(dir, "dagverify").stories.completed).toHaveLength(3);
  });

  it("dag stops waiting for a verifying story whose verify failed: the batch goes in while it tries again", async () => {
    // b-001's first attempt fails its (3 s) verify and it tries again: a-001's batch waited for that verify only.
    const { dir, trace, env } = setup("dagverifyfail", [{ id: "a-001", implementer: "slow" }, { id: "b-001", implementer: "second", retries: 1 }, { id: "c-001", dependsOn: ["a-001"] }], {
      agents: { slow: { IMPL_MODE: "sleep", SLEEP_MS: "1500" }, second: { IMPL_MODE: "second-try" } },
      testCommand: 'echo {storyId} start $(date +%s%3N) >> "$AGENT_TRACE.tests"; [ {storyId} != b-001 ] || [ ! -e src/b-001.mjs ] || sleep 3; node --test {testFile}',
    });
    const r = await runCli(["run", "plan.yml", "--schedule", "dag"], dir, env);
    expect(r.code, r.stderr).toBe(0);
    const starts = readFileSync(`${trace}.tests`, "utf8").trim().split("\n").map((l) => l.split(" "));
    const aAfterMerge = Number(starts.filter(([s]) => s === "a-001")[2]![2]);
    const again = traceLines(trace).find((l) => l.role === "implementation" && l.id === "b-001" && l.attempt === 2)!.at;
    // Tested on the merged result before b-001's second verify (3 s from its second implementation) could end.
    expect(aAfterMerge).toBeLessThan(again + 3000);
    expect(stateOf(dir, "dagverifyfail").stories.completed).toHaveLength(3);
  });

  it("dag runs a story ahead of the wave front in the background: it only takes the CPU the front leaves", async () => {
    // c-001 (wave 2) starts once a-001 is integrated, while b-001 (wave 1) still works: c-001's agents run at a
    // lower priority (nice +10) than b-001's, which is the front.
    // The test command notes its nice value: red check, verify, then the tests on the merged result.
    const { dir, trace, env } = setup("dagnice", [{ id: "a-001" }, { id: "b-001", implementer: "slow" }, { id: "c-001", dependsOn: ["a-001"] }], {
      agents: { slow: { IMPL_MODE: "sleep", SLEEP_MS: "3000" } },
      testCommand: 'echo {storyId} $(nice) >> "$AGENT_TRACE.tests"; node --test {testFile}',
    });
    const r = await runCli(["run", "plan.yml", "--schedule", "dag"], dir, env);
    expect(r.code, r.stderr).toBe(0);
    const starts = traceLines(trace).filter((l) => l.what === "start");
    const nice = (role: string, id: string) => starts.find((l) => l.role === role && l.id === id)!.nice!;
    const base = nice("tester", "a-001");
    expect(nice("tester", "b-001")).toBe(base);
    expect(nice("implementation", "b-001")).toBe(base);
    // c-001's tester started while b-001's implementer slept: ahead of the front.
    const bEnd = traceLines(trace).find((l) => l.role === "implementation" && l.id === "b-001" && l.what === "end")!.at;
    expect(starts.find((l) => l.role === "tester" && l.id === "c-001")!.at).toBeLessThan(bEnd);
    expect(nice("tester", "c-001")).toBe(Math.min(19, base + 10));
    // a-001, merged early for c-001, is tested on the merged result while b-001 still works: in the background,
    // as `waves` would test it with b-001. b-001's own tests there are the front's.
    const tests = readFileSync(`${trace}.tests`, "utf8").trim().split("\n").map((l) => l.split(" "));
    const afterMerge = (id: string) => Number(tests.filter(([s]) => s === id)[2]![1]);
    expect(tests.filter(([s]) => s === "a-001")).toHaveLength(3);
    expect(afterMerge("a-001")).toBe(Math.min(19, base + 10));
    expect(afterMerge("b-001")).toBe(base);
    expect(stateOf(dir, "dagnice").stories.completed).toHaveLength(3);
  });

  it("dag keeps a slot for every story of an earlier wave not started yet: one started ahead never holds it up", async () => {
    // Two at once. x-001 (wave 3) is ready while b-001 (wave 1) still sleeps, once a-001 and z-001 are in; the
    // free slot is still kept for y-001 and y-002 (wave 2, waiting for b-001), which `waves` starts before x-001.
    const { dir, trace, env } = setup(
      "dagslots",
      [
        { id: "a-001" },
        { id: "b-001", implementer: "slow" },
        { id: "z-001", dependsOn: ["a-001"] },
        { id: "x-001", dependsOn: ["z-001"] },
        { id: "y-001", dependsOn: ["b-001"] },
        { id: "y-002", dependsOn: ["b-001"] },
      ],
      { agents: { slow: { IMPL_MODE: "sleep", SLEEP_MS: "5000" } } },
    );
    const r = await runCli(["run", "plan.yml", "--schedule", "dag", "--max-parallel", "2"], dir, env);
    expect(r.code, r.stderr).toBe(0);
    const starts = traceLines(trace).filter((l) => l.role === "tester" && l.what === "start");
    const startOf = (id: string) => starts.find((l) => l.id === id)!.at;
    // z-001 (wave 2) did start ahead, while b-001 slept: nothing of an earlier wave was left to start.
    const bEnd = traceLines(trace).find((l) => l.role === "implementation" && l.id === "b-001" && l.what === "end")!.at;
    expect(startOf("z-001")).toBeLessThan(bEnd);
    expect(startOf("x-001")).toBeGreaterThanOrEqual(Math.max(startOf("y-001"), startOf("y-002")));
    expect(stateOf(dir, "dagslots").stories.completed).toHaveLength(6);
  });

  it("blocks the dependents of a failed story in dag mode too, and records them on the target", async () => {
    const { dir } = setup("dagfail", [{ id: "a-001", implementer: "broken" }, { id: "a-002", dependsOn: ["a-001"] }, { id: "b-001" }], {
      agents: { broken: { IMPL_MODE: "fail" } },
    });
    const r = await runCli(["run", "plan.yml", "--schedule", "dag"], dir);
    expect(r.code).toBe(1);
    expect(storyOnMain(dir, "a-001").status).toBe("failed");
    expect(storyOnMain(dir, "a-002").status).toBe("blocked");
    expect(storyOnMain(dir, "b-001").status).toBe("complete");
    // The failed story's work stays on its own branch: only its story file reaches the target.
    expect(mergeSubjects(dir)).toEqual(["tdd-waves: merge b-001: Story b-001"]);
    expect(git(dir, "ls-tree", "-r", "--name-only", "main", "test/")).not.toContain("a-001");
  });

  it("runs one story at a time with --max-parallel 1 and writes the report where --report says", async () => {
    const { dir, trace, env } = setup("serial", [{ id: "a-001" }, { id: "b-001" }, { id: "c-001" }], {}, { ".gitignore": "leftover.log\n" });
    // Each story's working copy starts clean, though one working copy serves them all in turn.
    const r = await runCli(["run", "plan.yml", "--max-parallel", "1", "--report", "out/report.json"], dir, { ...env, LEAVE_BEHIND: "leftover.log", MUST_NOT_EXIST: "leftover.log" });
    expect(r.code).toBe(0);
    expect(git(dir, "worktree", "list", "--porcelain").split("\n").filter((l) => l.startsWith("worktree "))).toHaveLength(1);
    const lines = traceLines(trace);
    const spans = ["a-001", "b-001", "c-001"].map((id) => {
      const mine = lines.filter((l) => l.id === id);
      return [Math.min(...mine.map((l) => l.at)), Math.max(...mine.map((l) => l.at))] as const;
    });
    spans.sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
    expect(JSON.parse(readFileSync(join(dir, "out/report.json"), "utf8")).storiesCompleted).toHaveLength(3);
  });

  it("refuses uncommitted changes to tracked files and changes nothing", async () => {
    const { dir } = setup("dirty", [{ id: "a-001" }], {}, { "README.md": "hello\n" });
    writeFileSync(join(dir, "README.md"), "changed\n");
    const r = await runCli(["run", "plan.yml"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("uncommitted changes to tracked files");
    expect(() => git(dir, "rev-parse", "--verify", "tdd-waves/state")).toThrow();
  });

  it("refuses bad flags with exit 2", async () => {
    const { dir } = setup("flags", [{ id: "a-001" }]);
    for (const args of [["run", "plan.yml", "--max-parallel", "11"], ["run", "plan.yml", "--schedule", "fast"], ["run"], ["run", "plan.yml", "--bogus"]]) {
      const r = await runCli(args, dir);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
