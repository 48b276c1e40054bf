// End-to-end proof of the GitHub Action: the shipped workflow files run as written against a local bare
// `origin` and the GitHub API stand-in, every step the real dist/index.js in its own process and fresh
// checkout, each wave's run started from the dispatch the previous one sent, `/build` from a comment event.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ActionsRunner, type JobRun, type WorkflowRun } from "../support/action-runner.js";
import { startGitHubStub, type GitHubStub, type TokenPermissions } from "../support/github-stub.js";
import { startGitHttp } from "../support/git-http.js";
import { git, makeRepo, planFiles, type StorySpec } from "../support/repo.js";
import { commentMarker } from "../../src/core/render/pr-comment.js";
import type { WorkflowState } from "../../src/core/state/state.js";

const TARGET = "feature/x";
const PLAN = ".tdd-waves/plan.yml";
const PR = 7;
const BOT = "github-actions[bot]";
const EXECUTION = "tdd-waves.yml";
const COMMAND = "tdd-waves-command.yml";

/** Three waves: [a-001, c-001], [a-002, b-001], [b-002]. */
const STORIES: StorySpec[] = [
  { id: "a-001" },
  { id: "a-002", dependsOn: ["a-001"] },
  { id: "b-001", dependsOn: ["a-001"] },
  { id: "b-002", dependsOn: ["a-002", "b-001"] },
  { id: "c-001" },
];

interface World {
  root: string;
  origin: string;
  stub: GitHubStub;
  runner: ActionsRunner;
  gitHttp: Awaited<ReturnType<typeof startGitHttp>>;
}

type Cleanup = (fn: () => Promise<void> | void) => void;

/** A repository with the plan on main and on the target branch, pushed to a bare `origin` that has PR #7's head ref. */
async function world(cleanup: Cleanup, planName: string, stories: StorySpec[], extra: Parameters<typeof planFiles>[2] & { noPull?: boolean; files?: Record<string, string> } = {}, hooks: Partial<Pick<ConstructorParameters<typeof ActionsRunner>[0], "afterCheckout">> = {}): Promise<World> {
  const root = mkdtempSync(join(tmpdir(), "tdd-waves-e2e-"));
  cleanup(() => rmSync(root, { recursive: true, force: true }));
  const { "plan.yml": planYml, ...rest } = planFiles(planName, stories, extra);
  const repo = makeRepo({ ...rest, [PLAN]: planYml!, ...extra.files });
  cleanup(repo.cleanup);
  git(repo.dir, "branch", TARGET);
  const origin = join(root, "origin.git");
  git(root, "clone", "-q", "--bare", repo.dir, origin);
  updatePullRef(origin);
  const gitHttp = await startGitHttp(root);
  cleanup(() => gitHttp.close());
  const tokens = new Map<string, TokenPermissions>();
  const stub = await startGitHubStub({ tokens, permissions: { alice: "write" }, pulls: extra.noPull ? [] : [{ number: PR, headRef: TARGET }] });
  cleanup(() => stub.close());
  const runner = new ActionsRunner({ root, git: gitHttp, originUrl: `${gitHttp.url}/origin.git`, stub, tokens, defaultBranch: "main", ...hooks });
  return { root, origin, stub, runner, gitHttp };
}

/** GitHub keeps refs/pull/<n>/head at the pull request's head. */
function updatePullRef(origin: string): void {
  git(origin, "update-ref", `refs/pull/${PR}/head`, `refs/heads/${TARGET}`);
}

function commentEvent(body: string, id: number) {
  return {
    action: "created",
    comment: { id, body, user: { login: "alice" } },
    issue: { number: PR, pull_request: { url: `https://api.github.com/repos/octo/widgets/pulls/${PR}` } },
    repository: { full_name: "octo/widgets", default_branch: "main" },
  };
}

function stateOn(origin: string, planName: string): WorkflowState {
  return JSON.parse(git(origin, "show", `tdd-waves/state:${planName}/workflow-state.json`)) as WorkflowState;
}

function isAncestor(repo: string, a: string, b: string): boolean {
  return spawnSync("git", ["merge-base", "--is-ancestor", a, b], { cwd: repo }).status === 0;
}

function existsOn(repo: string, object: string): boolean {
  return spawnSync("git", ["cat-file", "-e", object], { cwd: repo }).status === 0;
}

function storyFileOn(origin: string, id: string): string {
  return git(origin, "show", `${TARGET}:stories/${id}.md`);
}

const jobs = (run: WorkflowRun, id: string): JobRun[] => run.jobs.filter((j) => j.id === id);
const only = (run: WorkflowRun, id: string): JobRun => {
  const found = jobs(run, id);
  expect(found, `job ${id} of run ${run.runId}`).toHaveLength(1);
  return found[0]!;
};
const stepOutputs = (job: JobRun) => job.steps.at(-1)!.outputs;
/** REST calls a job made with a token the API accepted (a hostile process's refused attempts are checked apart). */
const accepted = (job: JobRun) => job.requests.filter((r) => r.status !== 401 && r.status !== 403);
const row = (markdown: string, id: string, label: string) => new RegExp(`^\\| ${id} \\|[^\\n]*\\| ${label}`, "m").test(markdown);

/** What must hold of every wave's run: the plan job's outputs, story jobs' steps and REST silence, publish's budget. */
function checkWaveRun(run: WorkflowRun, wave: number, expected: { stories: string[]; laterStories: boolean; hasMore: boolean; failedSteps?: Record<string, string>; totalWaves?: number }): void {
  const plan = only(run, "plan");
  expect(plan.result).toBe("success");
  const out = stepOutputs(plan);
  expect(out.wave).toBe(String(wave));
  expect(out["total-waves"]).toBe(String(expected.totalWaves ?? 3));
  expect(out["max-parallel"]).toBe("10");
  // Pending stories remain after this wave (publish may still find them blocked).
  expect(out["has-more"]).toBe(String(expected.laterStories));
  const matrix = JSON.parse(out.matrix!) as { include: Array<{ story: string; title: string; tester: string; implementer: string }> };
  expect(matrix.include.map((e) => e.story)).toEqual(expected.stories);
  expect(out["target-sha"]).toMatch(/^[0-9a-f]{40}$/);
  expect(accepted(plan)).toEqual([]);

  const storyJobs = jobs(run, "story");
  expect(storyJobs.map((j) => j.matrix?.story)).toEqual(expected.stories);
  for (const job of storyJobs) {
    const id = String(job.matrix!.story);
    expect(job.name).toBe(`Story ${id}`);
    const failedAt = expected.failedSteps?.[id];
    const commands = job.steps.map((s) => s.command);
    if (failedAt) {
      expect(commands).toEqual(["tester", "implement", "verify"].slice(0, ["tester", "implement", "verify"].indexOf(failedAt) + 1));
      expect(job.steps.at(-1)!.exitCode).not.toBe(0);
      expect(job.result).toBe("failure");
    } else {
      expect(commands).toEqual(["tester", "implement", "verify"]);
      expect(job.steps.map((s) => s.exitCode), job.steps.map((s) => s.stdout + s.stderr).join("\n")).toEqual([0, 0, 0]);
      expect(job.result).toBe("success");
    }
    expect(job.steps[0]!.stdout).toMatch(new RegExp(`Spawning tester agent \\(tester[\\w-]*\\) for ${id}`));
    expect(accepted(job), `REST calls made by story job ${id}`).toEqual([]);
  }

  // Read-only jobs: no write access to the repository, no API calls.
  for (const job of [...storyJobs, only(run, "integrate")]) expect(job.permissions).toEqual({ contents: "read" });
  const integrate = only(run, "integrate");
  expect(integrate.result, integrate.steps.map((s) => s.stdout + s.stderr).join("\n")).toBe("success");
  expect(accepted(integrate)).toEqual([]);

  const publish = only(run, "publish");
  expect(publish.result, publish.steps.map((s) => s.stdout + s.stderr).join("\n")).toBe("success");
  expect(stepOutputs(publish)["has-more"]).toBe(String(expected.hasMore));
  expect(accepted(publish).length).toBeGreaterThan(0);
  expect(accepted(publish).length).toBeLessThanOrEqual(3);
  const all = run.jobs.flatMap(accepted);
  expect(new Set(all).size, "REST calls of the whole run").toBe(accepted(publish).length);
  if (expected.hasMore) expect(run.dispatches).toEqual([{ workflow: EXECUTION, ref: TARGET, inputs: { plan: PLAN, pr: String(PR) } }]);
  else expect(run.dispatches).toEqual([]);
}

function progressComments(stub: GitHubStub, planName: string) {
  return stub.comments.filter((c) => c.issue === PR && c.body.includes(commentMarker(planName)));
}

// The two scenarios run side by side: most of their time is spent waiting on git and node processes.
describe.concurrent("the GitHub Action, end to end through the shipped workflows", () => {
  it("`/build` starts the execution; each wave's run dispatches the next until every story is merged", async ({ onTestFinished }) => {
    const w = await world(onTestFinished, "e2e", STORIES);

    // /build on the pull request: the command workflow (default branch checkout) dispatches the execution.
    const command = await w.runner.run(COMMAND, { name: "issue_comment", payload: commentEvent("/build", 555) });
    expect(only(command, "command").result, only(command, "command").steps.map((s) => s.stdout + s.stderr).join("\n")).toBe("success");
    expect(command.dispatches).toEqual([{ workflow: EXECUTION, ref: TARGET, inputs: { plan: PLAN, pr: String(PR) } }]);
    expect(w.stub.reactions.filter((r) => r.commentId === 555).map((r) => r.content)).toEqual(["eyes", "rocket"]);
    expect(w.stub.comments.some((c) => c.issue === PR && c.body.startsWith("🚀"))).toBe(true);

    const commentAfterWave: string[] = [];
    const runs = await w.runner.followDispatches(command.dispatches[0]!, 5, (r) => {
      if (process.env.DEBUG_RUNS) for (const j of r.jobs) console.log(j.id, j.name, j.result, j.steps.map((s) => `${s.command} ${s.exitCode}\n${s.stdout}\n${s.stderr}`).join("\n"));
      const found = progressComments(w.stub, "e2e");
      expect(found).toHaveLength(1);
      commentAfterWave.push(found[0]!.body);
    });
    expect(runs).toHaveLength(3);
    expect(new Set(runs.map((r) => r.runId)).size).toBe(3);
    checkWaveRun(runs[0]!, 1, { stories: ["a-001", "c-001"], laterStories: true, hasMore: true });
    checkWaveRun(runs[1]!, 2, { stories: ["a-002", "b-001"], laterStories: true, hasMore: true });
    checkWaveRun(runs[2]!, 3, { stories: ["b-002"], laterStories: false, hasMore: false });

    // The state on origin's state branch: everything complete, epics derived.
    const state = stateOn(w.origin, "e2e");
    expect(state.status).toBe("complete");
    expect([...state.stories.completed].sort()).toEqual(["a-001", "a-002", "b-001", "b-002", "c-001"]);
    expect(state.stories.pending.concat(state.stories.inProgress, state.stories.failed, state.stories.blocked)).toEqual([]);
    expect(state.epics).toEqual({ a: { total: 2, completed: 2, failed: 0 }, b: { total: 2, completed: 2, failed: 0 }, c: { total: 1, completed: 1, failed: 0 } });
    expect(state.target).toBe(TARGET);

    // The target on origin: one merge commit per story naming it, plan order within each wave, code and story files.
    const merges = git(w.origin, "log", "--first-parent", "--merges", "--reverse", "--format=%an|%s", TARGET).split("\n");
    expect(merges).toEqual(["a-001", "c-001", "a-002", "b-001", "b-002"].map((id) => `${BOT}|tdd-waves: merge ${id}: Story ${id}`));
    for (const { id } of STORIES) {
      expect(git(w.origin, "show", `${TARGET}:src/${id}.mjs`)).toContain(`"${id}"`);
      const story = storyFileOn(w.origin, id);
      expect(story).toContain("**Status:** ✅ Complete");
      expect(story).toContain("**Verified:** yes");
      expect(story).toMatch(/## Completion\n+\S/);
      expect(story).toContain("- [x]");
      // Commits made on the runners (no identity configured) are the bot's.
      const authors = git(w.origin, "log", "--format=%an <%ae>", `main..tdd-waves/e2e/${id}`).split("\n");
      expect(authors.length).toBeGreaterThanOrEqual(2);
      expect(new Set(authors)).toEqual(new Set([`${BOT} <41898282+github-actions[bot]@users.noreply.github.com>`]));
    }

    // The run summary of the last publish: Gantt and the stories table with every story.
    const summary = only(runs[2]!, "publish").steps[0]!.summary;
    expect(summary).toContain("```mermaid\ngantt");
    expect(summary).toContain("| Story | Title | Wave | Status |");
    for (const { id } of STORIES) expect(row(summary, id, "✅ Complete")).toBe(true);

    // One progress comment, created after wave 1 and edited in place after waves 2 and 3.
    expect(w.stub.calls("issues/update-comment")).toHaveLength(2);
    expect(row(commentAfterWave[0]!, "a-001", "✅ Complete") && row(commentAfterWave[0]!, "b-002", "⏳ Pending")).toBe(true);
    expect(row(commentAfterWave[1]!, "b-001", "✅ Complete") && row(commentAfterWave[1]!, "b-002", "⏳ Pending")).toBe(true);
    expect(row(commentAfterWave[2]!, "b-002", "✅ Complete")).toBe(true);
    expect(commentAfterWave[2]).toContain("```mermaid");
    w.stub.assertNoViolations();
  }, 180_000);

  it("a failing implementer fails its story and blocks its dependents; the target moving during a wave is merged; `/build retry` resets them", async ({ onTestFinished }) => {
    // Waves [a-001, c-001], [b-001], [b-002]: a-001 fails, so b-001 and (behind it) b-002 are blocked.
    const stories: StorySpec[] = [
      { id: "a-001", implementer: "impl-fail" },
      { id: "b-001", dependsOn: ["a-001"] },
      { id: "b-002", dependsOn: ["b-001"] },
      { id: "c-001" },
    ];
    // A developer pushes to the pull request's branch while the wave runs (after publish checked it out).
    let origin = "";
    let pushed = "";
    const w = await world(onTestFinished, "e2e-fail", stories, { agents: { "impl-fail": { IMPL_MODE: "fail" } } }, {
      afterCheckout: (job) => {
        if (job.id !== "publish" || pushed) return;
        const dev = mkdtempSync(join(tmpdir(), "tdd-waves-dev-"));
        onTestFinished(() => rmSync(dev, { recursive: true, force: true }));
        git(dev, "clone", "-q", "-b", TARGET, origin, ".");
        writeFileSync(join(dev, "NOTES.md"), "pushed during the wave\n");
        git(dev, "add", "NOTES.md");
        git(dev, "commit", "-q", "-m", "developer: notes");
        git(dev, "push", "-q", "origin", `HEAD:refs/heads/${TARGET}`);
        pushed = git(dev, "rev-parse", "HEAD");
      },
    });
    origin = w.origin;

    const runs = await w.runner.followDispatches({ workflow: EXECUTION, ref: TARGET, inputs: { plan: PLAN, pr: String(PR) } });
    expect(runs).toHaveLength(1);
    checkWaveRun(runs[0]!, 1, { stories: ["a-001", "c-001"], laterStories: true, hasMore: false, failedSteps: { "a-001": "implement" } });
    const failedStep = jobs(runs[0]!, "story").find((j) => j.matrix?.story === "a-001")!.steps[1]!;
    expect(failedStep.stdout).toContain("::error::a-001: implementation agent impl-fail");
    expect(stepOutputs(only(runs[0]!, "publish")).status).toBe("complete");

    // The developer's commit survived: publish merged it and pushed again.
    expect(pushed).not.toBe("");
    expect(isAncestor(w.origin, pushed, TARGET)).toBe(true);
    expect(git(w.origin, "show", `${TARGET}:NOTES.md`)).toBe("pushed during the wave");

    const state = stateOn(w.origin, "e2e-fail");
    expect(state.status).toBe("complete");
    expect(state.stories.failed).toEqual(["a-001"]);
    expect(state.stories.blocked).toEqual(["b-001", "b-002"]);
    expect(state.stories.completed).toEqual(["c-001"]);
    expect(state.epics).toEqual({ a: { total: 1, completed: 0, failed: 1 }, b: { total: 2, completed: 0, failed: 0 }, c: { total: 1, completed: 1, failed: 0 } });

    // The target shows every story's status; the failed one by a commit of its story file alone.
    expect(storyFileOn(w.origin, "a-001")).toContain("**Status:** ❌ Failed");
    expect(storyFileOn(w.origin, "a-001")).toContain("**Verified:** no");
    expect(storyFileOn(w.origin, "a-001")).toMatch(/## Completion\n+\S/);
    expect(storyFileOn(w.origin, "b-001")).toContain("**Status:** ⛔ Blocked");
    expect(storyFileOn(w.origin, "b-002")).toContain("**Status:** ⛔ Blocked");
    expect(storyFileOn(w.origin, "c-001")).toContain("**Status:** ✅ Complete");
    const failCommit = git(w.origin, "log", "-1", "--format=%H", TARGET, "--", "stories/a-001.md");
    const [subject, ...files] = git(w.origin, "show", "--name-only", "--format=%an|%s", failCommit).split("\n").filter(Boolean);
    expect(subject).toMatch(/^github-actions\[bot\]\|tdd-waves: a-001 ❌ failed: implementation agent impl-fail/);
    expect(files).toEqual(["stories/a-001.md"]);
    expect(existsOn(w.origin, `${TARGET}:src/a-001.mjs`)).toBe(false);
    expect(existsOn(w.origin, `${TARGET}:src/c-001.mjs`)).toBe(true);
    const merges = git(w.origin, "log", "--first-parent", "--merges", "--reverse", "--format=%s", TARGET).split("\n");
    expect(merges).toEqual(["tdd-waves: merge c-001: Story c-001", `tdd-waves: merge ${TARGET} (updated during the wave)`]);

    // The progress comment shows the failure.
    const comments = progressComments(w.stub, "e2e-fail");
    expect(comments).toHaveLength(1);
    expect(row(comments[0]!.body, "a-001", "❌ Failed")).toBe(true);
    expect(row(comments[0]!.body, "b-001", "⛔ Blocked")).toBe(true);
    expect(row(comments[0]!.body, "c-001", "✅ Complete")).toBe(true);

    // `/build retry a-001`: the failed story and those it blocked are pending again, and a run is dispatched.
    updatePullRef(w.origin);
    const retry = await w.runner.run(COMMAND, { name: "issue_comment", payload: commentEvent("/build retry a-001", 777) });
    expect(only(retry, "command").result, only(retry, "command").steps.map((s) => s.stdout + s.stderr).join("\n")).toBe("success");
    expect(retry.dispatches).toEqual([{ workflow: EXECUTION, ref: TARGET, inputs: { plan: PLAN, pr: String(PR) } }]);
    const reset = stateOn(w.origin, "e2e-fail");
    expect(reset.status).toBe("executing");
    expect([...reset.stories.pending].sort()).toEqual(["a-001", "b-001", "b-002"]);
    expect(reset.stories.failed.concat(reset.stories.blocked)).toEqual([]);
    expect(reset.stories.completed).toEqual(["c-001"]);
    expect(w.stub.reactions.filter((r) => r.commentId === 777).map((r) => r.content)).toEqual(["eyes", "rocket"]);
    expect(w.stub.comments.some((c) => c.issue === PR && c.body.startsWith("🚀 Retrying `a-001`"))).toBe(true);
    w.stub.assertNoViolations();
  }, 180_000);

  it("retries inside the story job; a story that conflicts at integration is rebuilt in a later run of the same wave", async ({ onTestFinished }) => {
    // One wave: a-001's implementation succeeds on its second attempt (inside the same job), b-001 and c-001
    // write the same lines, so c-001 conflicts once b-001 is merged and is rebuilt on the integrated target.
    const stories: StorySpec[] = [{ id: "a-001", implementer: "second-try" }, { id: "b-001", implementer: "clash" }, { id: "c-001", implementer: "clash" }];
    const w = await world(onTestFinished, "e2e-retry", stories, {
      agents: {
        "second-try": { IMPL_MODE: "second-try", EXPECT_FEEDBACK: "Attempt 1 of 2 failed: verify: tests fail" },
        clash: { IMPL_MODE: "conflict", EXPECT_FEEDBACK: "Rebuild on the integrated target: merge conflict in shared.txt" },
      },
    });
    const runs = await w.runner.followDispatches({ workflow: EXECUTION, ref: TARGET, inputs: { plan: PLAN, pr: String(PR) } }, 4);
    expect(runs).toHaveLength(2);
    const [first, second] = runs as [WorkflowRun, WorkflowRun];
    const logs = (job: JobRun) => job.steps.map((st) => st.stdout + st.stderr).join("\n");

    // Run 1: the wave's three story jobs all succeed, a-001's verify step having retried its implementation;
    // its record carries both attempts.
    expect(JSON.parse(stepOutputs(only(first, "plan")).matrix!).include.map((e: { story: string }) => e.story)).toEqual(["a-001", "b-001", "c-001"]);
    for (const job of jobs(first, "story")) expect(job.result, logs(job)).toBe("success");
    const a = jobs(first, "story").find((j) => j.matrix?.story === "a-001")!;
    expect(a.steps[2]!.stdout).toContain("Retrying a-001: attempt 2 of 2");
    expect(only(first, "integrate").steps[0]!.stdout).toContain("c-001: merge conflict in shared.txt; it is rebuilt on the integrated target");
    expect(stepOutputs(only(first, "publish"))["has-more"]).toBe("true");
    expect(first.dispatches).toHaveLength(1);

    // Run 2: the same wave again, its matrix holding only the rebuild, which starts from the integrated target.
    const plan = stepOutputs(only(second, "plan"));
    expect(plan.wave).toBe("1");
    expect(JSON.parse(plan.matrix!).include).toEqual([{ story: "c-001", title: "Story c-001", tester: "tester", implementer: "clash", rebuild: true }]);
    const rebuild = only(second, "story");
    expect(rebuild.name).toBe("Story c-001 (rebuild on the integrated target)");
    expect(rebuild.permissions).toEqual({ contents: "read" });
    expect(rebuild.result, logs(rebuild)).toBe("success");
    expect(rebuild.steps[0]!.stdout).toContain("Rebuilding c-001 on the integrated target (merge conflict in shared.txt)");
    expect(rebuild.steps[0]!.stdout).not.toContain("Spawning tester agent");
    expect(stepOutputs(only(second, "publish"))).toMatchObject({ status: "complete", "has-more": "false" });
    expect(second.dispatches).toEqual([]);

    const state = stateOn(w.origin, "e2e-retry");
    expect([...state.stories.completed].sort()).toEqual(["a-001", "b-001", "c-001"]);
    expect(state.runs["a-001"]!.phases.map((p) => `${p.attempt} ${p.phase} ${p.outcome}`)).toEqual([
      "1 tester ok", "1 red ok", "1 implementation ok", "1 verify failed", "2 implementation ok", "2 verify ok",
    ]);
    expect(state.runs["c-001"]).toMatchObject({ attempt: 2, rebuild: { reason: "merge conflict in shared.txt", attempt: 2 } });
    // The rebuild took its tests from c-001's verified commit, which run 1's publish pushed and which never merged.
    const verified = state.runs["c-001"]!.rebuild!.from!;
    expect(existsOn(w.origin, verified)).toBe(true);
    expect(isAncestor(w.origin, verified, TARGET)).toBe(false);
    expect(state.runs["c-001"]!.phases.map((p) => `${p.attempt} ${p.phase} ${p.outcome}`)).toEqual([
      "1 tester ok", "1 red ok", "1 implementation ok", "1 verify ok", "1 integrate failed", "2 implementation ok", "2 verify ok",
    ]);
    const merges = git(w.origin, "log", "--first-parent", "--merges", "--reverse", "--format=%s", TARGET).split("\n");
    expect(merges).toEqual(["a-001", "b-001", "c-001"].map((id) => `tdd-waves: merge ${id}: Story ${id}`));
    expect(git(w.origin, "show", `${TARGET}:shared.txt`)).toBe("written by c-001");
    expect(git(w.origin, "show", `${TARGET}:test/c-001.test.mjs`)).toBe(git(w.origin, "show", `${verified}:test/c-001.test.mjs`));
    expect(storyFileOn(w.origin, "c-001")).toContain("**Status:** ✅ Complete");

    // The summary and the comment say who needed a retry and why; the Gantt has the rebuild's bar.
    const summary = only(second, "publish").steps[0]!.summary;
    expect(summary).toContain("2 stories needed a retry:");
    expect(summary).toMatch(/c-001: 2 attempts, rebuilt on the integrated target — merge conflict in shared\.txt/);
    expect(summary).toMatch(/I-c-001 \(rebuild\) — Story c-001 :done, /);
    expect(progressComments(w.stub, "e2e-retry").at(-1)!.body).toContain("2 stories needed a retry:");
    w.stub.assertNoViolations();
  }, 180_000);

  it("a story whose tests fail after integration is rebuilt in a later run of the wave, the integrate job's output as its feedback", async ({ onTestFinished }) => {
    // a-001 changes what b-001's code relies on in a file b-001 does not touch: both merge, b-001's tests then fail.
    const stories: StorySpec[] = [{ id: "a-001", implementer: "setter" }, { id: "b-001", implementer: "user" }];
    const w = await world(onTestFinished, "e2e-after", stories, {
      agents: {
        setter: { IMPL_MODE: "set-suffix" },
        user: { IMPL_MODE: "suffix", EXPECT_FEEDBACK: "Rebuild on the integrated target: fails after integration.|Tail of the failing output (b-001/integrate.log)|b-001!" },
      },
      files: { "src/common.mjs": 'export const suffix = "";\n' },
    });
    const runs = await w.runner.followDispatches({ workflow: EXECUTION, ref: TARGET, inputs: { plan: PLAN, pr: String(PR) } }, 4);
    expect(runs).toHaveLength(2);
    const [first, second] = runs as [WorkflowRun, WorkflowRun];
    expect(only(first, "integrate").steps[0]!.stdout).toContain("b-001: fails after integration; it is rebuilt on the integrated target");
    expect(JSON.parse(stepOutputs(only(second, "plan")).matrix!).include).toEqual([{ story: "b-001", title: "Story b-001", tester: "tester", implementer: "user", rebuild: true }]);
    const rebuild = only(second, "story");
    expect(rebuild.result, rebuild.steps.map((st) => st.stdout + st.stderr).join("\n")).toBe("success");
    expect(stepOutputs(only(second, "publish"))).toMatchObject({ status: "complete", "has-more": "false" });
    const state = stateOn(w.origin, "e2e-after");
    expect([...state.stories.completed].sort()).toEqual(["a-001", "b-001"]);
    expect(state.runs["b-001"]).toMatchObject({ attempt: 2, rebuild: { reason: "fails after integration", attempt: 2 } });
    expect(state.runs["b-001"]!.phases.filter((p) => p.phase === "integrate")).toMatchObject([{ attempt: 1, outcome: "failed", message: "fails after integration" }]);
    // b-001 was merged twice: broken (its tests failed on the merged result), then rebuilt on it.
    const merges = git(w.origin, "log", "--first-parent", "--merges", "--reverse", "--format=%s", TARGET).split("\n");
    expect(merges).toEqual(["a-001", "b-001", "b-001"].map((id) => `tdd-waves: merge ${id}: Story ${id}`));
    expect(git(w.origin, "show", `${TARGET}:src/b-001.mjs`)).not.toContain("suffix");
    expect(git(w.origin, "show", `${TARGET}:src/common.mjs`)).toContain('"!"');
    w.stub.assertNoViolations();
  }, 180_000);

  it("a target push that fails for good leaves the state in error; the next run integrates the stranded merge before anything else", async ({ onTestFinished }) => {
    const w = await world(onTestFinished, "e2e-push", [{ id: "a-001" }]);
    // The target refuses one update (a branch protection, a hook): not a race, so publish must not merge and retry.
    const flag = join(w.root, "decline-once");
    writeFileSync(flag, "");
    writeFileSync(join(w.origin, "hooks", "pre-receive"), [
      "#!/bin/sh",
      "while read old new ref; do",
      `  if [ "$ref" = "refs/heads/${TARGET}" ] && [ -e '${flag}' ]; then rm -f '${flag}'; echo "${TARGET} is protected right now" >&2; exit 1; fi`,
      "done",
      "",
    ].join("\n"), { mode: 0o755 });

    const [failed, ...more] = await w.runner.followDispatches({ workflow: EXECUTION, ref: TARGET, inputs: { plan: PLAN, pr: String(PR) } });
    expect(more).toEqual([]);
    expect(only(failed!, "story").result).toBe("success");
    const publish = only(failed!, "publish");
    expect(publish.result).toBe("failure");
    expect(publish.steps[0]!.stdout).toMatch(/::error::the target branch feature\/x could not be updated: .*pre-receive hook declined/);
    expect(failed!.dispatches).toEqual([]);
    const stranded = stateOn(w.origin, "e2e-push");
    expect(stranded.status).toBe("error");
    expect(stranded.errors.at(-1)?.message).toContain("could not be updated");
    expect(stranded.runs["a-001"]?.merged).toMatch(/^[0-9a-f]{40}$/);
    expect(existsOn(w.origin, stranded.runs["a-001"]!.merged!)).toBe(false);

    // `/build` again: the run builds nothing (wave 0); its integrate merges a-001 for real and publish pushes it.
    updatePullRef(w.origin);
    const command = await w.runner.run(COMMAND, { name: "issue_comment", payload: commentEvent("/build", 558) });
    const [recovery, ...after] = await w.runner.followDispatches(command.dispatches[0]!);
    expect(after).toEqual([]);
    const plan = stepOutputs(only(recovery!, "plan"));
    expect(plan).toMatchObject({ wave: "0", "has-more": "true", matrix: JSON.stringify({ include: [] }) });
    expect(only(recovery!, "plan").steps[0]!.stdout).toContain("it integrates a-001 first");
    expect(only(recovery!, "story").result).toBe("skipped");
    expect(stepOutputs(only(recovery!, "publish"))).toMatchObject({ status: "complete", "has-more": "false" });
    expect(git(w.origin, "log", "--first-parent", "--merges", "--format=%s", TARGET)).toBe("tdd-waves: merge a-001: Story a-001");
    expect(storyFileOn(w.origin, "a-001")).toContain("**Status:** ✅ Complete");
    const state = stateOn(w.origin, "e2e-push");
    expect(state.status).toBe("complete");
    expect(isAncestor(w.origin, state.runs["a-001"]!.merged!, TARGET)).toBe(true);
    w.stub.assertNoViolations();
  }, 180_000);

  it("a story branch on origin holding someone's own commits is refused by the plan job, naming it, before anything is written", async ({ onTestFinished }) => {
    const w = await world(onTestFinished, "e2e-owned", [{ id: "a-001" }]);
    const clone = join(w.root, "someone");
    git(w.root, "clone", "-q", w.origin, clone);
    git(clone, "checkout", "-q", "-b", "tdd-waves/e2e-owned/a-001", `origin/${TARGET}`);
    writeFileSync(join(clone, "mine.txt"), "my own work\n");
    git(clone, "add", "mine.txt");
    git(clone, "-c", "user.name=Someone", "-c", "user.email=s@example.com", "commit", "-q", "-m", "my own work");
    git(clone, "push", "-q", "origin", "tdd-waves/e2e-owned/a-001");
    const mine = git(w.origin, "rev-parse", "tdd-waves/e2e-owned/a-001");

    const [run, ...more] = await w.runner.followDispatches({ workflow: EXECUTION, ref: TARGET, inputs: { plan: PLAN, pr: String(PR) } });
    expect(more).toEqual([]);
    const plan = only(run!, "plan");
    expect(plan.result).toBe("failure");
    expect(plan.steps.at(-1)!.stdout).toMatch(/::error::branch tdd-waves\/e2e-owned\/a-001 on origin already exists with commits tdd-waves did not make; tdd-waves would reset it/);
    expect(plan.steps.at(-1)!.stdout + plan.steps.at(-1)!.stderr).not.toMatch(/\n\s+at /);
    expect(jobs(run!, "story").every((j) => j.result === "skipped")).toBe(true);
    expect(git(w.origin, "rev-parse", "tdd-waves/e2e-owned/a-001")).toBe(mine);
    expect(git(w.origin, "branch", "--list", "tdd-waves/state")).toBe("");
    expect(run!.dispatches).toEqual([]);
  }, 180_000);

  it("hostile agents and tests: every push, state rewrite, token hunt and dispatch fails; the execution goes on; the branches hold what verify accepted; a pull request is opened", async ({ onTestFinished }) => {
    const attacks = mkdtempSync(join(tmpdir(), "tdd-waves-attacks-"));
    onTestFinished(() => rmSync(attacks, { recursive: true, force: true }));
    const ATTACK_LOG = join(attacks, "attempts.jsonl");
    // One wave: h-001's tester pushes to the target, its implementer rewrites the state and dispatches;
    // h-002's test file attacks wherever it runs (red, verify, integrate); its implementer hunts tokens.
    const w = await world(onTestFinished, "e2e-hostile", [
      { id: "h-001", tester: "tester-push", implementer: "impl-state" },
      { id: "h-002", tester: "tester-badtest", implementer: "impl-scan" },
    ], {
      noPull: true,
      agents: {
        "tester-push": { HOSTILE: "push-target", ATTACK_LOG },
        "impl-state": { HOSTILE: "push-state,dispatch", ATTACK_LOG },
        "tester-badtest": { TESTER_MODE: "hostile", ATTACK_LOG },
        "impl-scan": { HOSTILE: "scan,push-target,push-state,dispatch", ATTACK_LOG },
      },
    });
    const targetBefore = git(w.origin, "rev-parse", TARGET);
    const runs = await w.runner.followDispatches({ workflow: EXECUTION, ref: TARGET, inputs: { plan: PLAN } });
    expect(runs).toHaveLength(1);
    const run = runs[0]!;

    // Every attempt was made, and every one failed.
    const attempts = readFileSync(ATTACK_LOG, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { who: string; story: string; job: string | null; attempt: string; ok?: boolean; found?: string[] });
    const made = new Set(attempts.map((a) => `${a.job}:${a.who}:${a.attempt}`));
    for (const expected of ["story:tester:push-target", "story:implementation:push-state", "story:implementation:dispatch", "story:implementation:scan", "story:test:push-target", "integrate:test:push-target", "integrate:test:push-state", "integrate:test:dispatch", "integrate:test:scan"]) {
      expect(made, expected).toContain(expected);
    }
    expect(attempts.filter((a) => a.ok === true)).toEqual([]);
    // No token was there to find: not in any environment, .git/config or ancestor process of agents and tests.
    const haystack = readFileSync(`${ATTACK_LOG}.haystack`, "utf8");
    expect(w.runner.issuedTokens.length).toBeGreaterThan(0);
    for (const token of w.runner.issuedTokens) {
      expect(haystack.includes(token) || haystack.includes(Buffer.from(`x-access-token:${token}`).toString("base64"))).toBe(false);
    }
    expect(attempts.filter((a) => a.attempt === "scan").flatMap((a) => a.found ?? [])).toEqual([]);
    expect(w.gitHttp.refusals.length).toBeGreaterThan(0);
    expect(w.stub.refused.map((r) => r.operationId)).toContain("actions/create-workflow-dispatch");
    expect(w.stub.refused.every((r) => r.status === 401)).toBe(true);
    expect(run.dispatches).toEqual([]);

    // The execution went on: both stories verified, merged, and published by publish alone.
    checkWaveRun(run, 1, { stories: ["h-001", "h-002"], laterStories: false, hasMore: false, totalWaves: 1 });
    const state = stateOn(w.origin, "e2e-hostile");
    expect(state.status).toBe("complete");
    expect([...state.stories.completed].sort()).toEqual(["h-001", "h-002"]);
    for (const id of ["h-001", "h-002"]) {
      const verified = state.runs[id]!.result!.commit!;
      expect(git(w.origin, "rev-parse", `tdd-waves/e2e-hostile/${id}`), `${id}'s branch is the commit verify accepted`).toBe(verified);
      expect(isAncestor(w.origin, verified, TARGET)).toBe(true);
      expect(storyFileOn(w.origin, id)).toContain("**Status:** ✅ Complete");
    }
    // The target: what it was plus the two merges, nothing pushed by anyone else.
    expect(git(w.origin, "rev-list", "--first-parent", `${targetBefore}..${TARGET}`).split("\n")).toHaveLength(2);
    expect(git(w.origin, "log", "--first-parent", "--format=%s", `${targetBefore}..${TARGET}`).split("\n"))
      .toEqual(["tdd-waves: merge h-002: Story h-002", "tdd-waves: merge h-001: Story h-001"]);
    // Only tdd-waves' branches and the ones that were there.
    expect(git(w.origin, "for-each-ref", "--format=%(refname)", "refs/heads").split("\n").sort())
      .toEqual(["refs/heads/feature/x", "refs/heads/main", "refs/heads/tdd-waves/e2e-hostile/h-001", "refs/heads/tdd-waves/e2e-hostile/h-002", "refs/heads/tdd-waves/state"]);

    // No pull request was open for the branch: publish opened one into the default branch, with the report.
    const opened = w.stub.pulls.filter((p) => p.headRef === TARGET);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ base: "main", title: "tdd-waves: e2e-hostile" });
    expect(opened[0]!.body).toContain("```mermaid");
    expect(row(opened[0]!.body!, "h-002", "✅ Complete")).toBe(true);
    const summary = only(run, "publish").steps[0]!.summary;
    expect(summary).toContain("Pull request opened: https://github.com/octo/widgets/pull/");
    expect(summary).toContain("pushed with the workflow's `GITHUB_TOKEN`");
    expect(existsSync(w.origin)).toBe(true);
    w.stub.assertNoViolations();
  }, 180_000);
});
