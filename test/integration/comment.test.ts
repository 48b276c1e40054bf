// The `/build` comment handler with the real GitHub port over HTTP against the local stand-in:
// who and what is refused (reply + 😕, never a dispatch), and what an accepted command does, in order.
import { afterEach, describe, expect, it } from "vitest";
import { handleComment, type CommentDeps } from "../../src/action/comment.js";
import { createGitHub } from "../../src/adapters/github.js";
import { codeSpan } from "../../src/core/build-command.js";
import { startGitHubStub, type GitHubStub, type StubOptions } from "../support/github-stub.js";

const COMMENT_ID = 321;
const RUNS_PAGE = "https://github.com/octo/widgets/actions/workflows/tdd-waves.yml";
const DISPATCH = "actions/create-workflow-dispatch";

let stub: GitHubStub | undefined;

interface Harness {
  stub: GitHubStub;
  deps: CommentDeps;
  statusCalls: string[];
  retryCalls: Array<[string, string[]]>;
  logs: string[];
}

async function setup(options: StubOptions = {}, retryAnswer = { ok: true, message: "2 stories back to pending." }): Promise<Harness> {
  stub = await startGitHubStub({
    token: "t0ken",
    permissions: { mona: "write", maint: "maintain", boss: "admin", reader: "read", triager: "triage", founder: "read" },
    pulls: [
      { number: 5, headRef: "feature/auth" },
      { number: 6, headRef: "patch-1", headRepo: "evil/widgets" },
      { number: 7, headRef: "orphan", headRepo: null },
      { number: 8, headRef: "merged", state: "closed" },
    ],
    ...options,
  });
  const statusCalls: string[] = [];
  const retryCalls: Array<[string, string[]]> = [];
  const logs: string[] = [];
  const deps: CommentDeps = {
    github: createGitHub({ token: "t0ken", baseUrl: stub.url, owner: stub.owner, repo: stub.repo, paceWrites: false, retryAfterBaseMs: 5 }),
    defaultPlan: ".tdd-waves/plan.yml",
    workflow: "tdd-waves.yml",
    runsPageUrl: RUNS_PAGE,
    status: async (plan) => {
      statusCalls.push(plan);
      return "Wave 1: [T-001]→[I-001]\n\n```mermaid\ngantt\n```";
    },
    retry: async (plan, ids) => {
      retryCalls.push([plan, ids]);
      return retryAnswer;
    },
    log: (line) => logs.push(line),
  };
  return { stub, deps, statusCalls, retryCalls, logs };
}

function event(body: string, over: { user?: string; issue?: number; pr?: boolean; action?: string; association?: string } = {}) {
  const issue = over.issue ?? 5;
  return {
    action: over.action ?? "created",
    comment: { id: COMMENT_ID, body, user: { login: over.user ?? "mona" }, author_association: over.association ?? "MEMBER" },
    issue: { number: issue, ...(over.pr === false ? {} : { pull_request: { url: `https://api.github.com/repos/octo/widgets/pulls/${issue}` } }) },
    repository: { full_name: "octo/widgets" },
  };
}

afterEach(async () => {
  if (stub) {
    stub.assertNoViolations();
    await stub.close();
    stub = undefined;
  }
});

describe("not for us: no API call at all", () => {
  it.each([
    ["an edited comment", event("/build", { action: "edited" })],
    ["a deleted comment", event("/build", { action: "deleted" })],
    ["another command", event("/builder")],
    ["chatter mentioning /build later", event("please run /build")],
    ["a payload that is not a comment", { action: "created", pull_request: { number: 1 } }],
    ["nothing", undefined],
  ])("%s", async (_name, payload) => {
    const h = await setup();
    const outcome = await handleComment(payload, h.deps);
    expect(outcome.kind).toBe("ignored");
    expect(h.stub.requests).toEqual([]);
  });
});

describe("refused: a reply saying why, a 😕, and no dispatch", () => {
  const longBody = `/build\n${"x".repeat(65_536)}`;
  it.each([
    ["a read-only commenter", event("/build", { user: "reader" }), /`reader` has read permission on this repository; `\/build` needs write, maintain or admin/],
    ["a triage commenter", event("/build", { user: "triager" }), /`triager` has triage permission/],
    ["a stranger (404 from the API)", event("/build", { user: "drive-by" }), /`drive-by` has none permission/],
    ["an OWNER association whose API permission is read", event("/build", { user: "founder", association: "OWNER" }), /`founder` has read permission/],
    ["a fork pull request", event("/build", { issue: 6 }), /forks \(`evil\/widgets`\) are not built/],
    ["a deleted head repository", event("/build", { issue: 7 }), /head repository was deleted/],
    ["a closed pull request", event("/build", { issue: 8 }), /pull request #8 is closed/],
    ["a plain issue", event("/build", { pr: false, issue: 12 }), /works on pull requests; #12 is an issue/],
    ["a `..` path", event("/build ../secrets/plan.yml"), /leaves the repository/],
    ["an absolute path", event("/build /etc/plan.yml"), /is absolute/],
    ["a wrong extension", event("/build plan.sh"), /must end in .yml, .yaml or .json/],
    ["shell metacharacters after a path", event("/build plan.yml; rm -rf /"), /takes one path; unexpected `rm -rf \/`/],
    ["command substitution", event("/build $(curl evil.sh)"), /unknown word `\$\(curl`/],
    ["backticks", event("/build `id`/x.yml"), /may only contain letters/],
    ["an unknown word", event("/build deploy"), /unknown word `deploy`/],
    ["a bad story id", event("/build retry ../x"), /is not a story id/],
    ["a body over 64 KB", event(longBody), /65,543 characters long; the limit is 65,536/],
  ])("%s", async (_name, payload, reason) => {
    const h = await setup();
    const outcome = await handleComment(payload, h.deps);
    expect(outcome.kind).toBe("refused");
    expect(outcome.kind === "refused" && outcome.reason).toMatch(reason);
    expect(h.stub.calls(DISPATCH)).toHaveLength(0);
    expect(h.stub.reactions).toEqual([{ commentId: COMMENT_ID, content: "confused" }]);
    expect(h.stub.comments).toHaveLength(1);
    expect(h.stub.comments[0]?.body).toMatch(/^😕 tdd-waves did not start: /);
    expect(h.stub.comments[0]?.body).toMatch(reason);
    expect(h.statusCalls).toEqual([]);
    expect(h.retryCalls).toEqual([]);
  });

  it("refuses a malformed command before asking GitHub anything else", async () => {
    const h = await setup();
    await handleComment(event("/build deploy now", { user: "reader", pr: false }), h.deps);
    expect(h.stub.requests.map((r) => r.operationId)).toEqual(["issues/create-comment", "reactions/create-for-issue-comment"]);
  });

  it("asks the permission before looking at the pull request", async () => {
    const h = await setup();
    await handleComment(event("/build", { user: "reader", issue: 6 }), h.deps);
    expect(h.stub.calls("pulls/get")).toHaveLength(0);
  });

  it("quotes the commenter's text so nothing in it is rendered or pings anyone", async () => {
    const h = await setup();
    for (const word of ["@everyone", "<img", "**bold**", "``x`", "[link](http://evil)"]) {
      await handleComment(event(`/build ${word}`), h.deps);
    }
    const replies = h.stub.comments.map((c) => c.body);
    expect(replies).toHaveLength(5);
    expect(replies[0]).toContain(codeSpan("@everyone"));
    expect(replies[1]).toContain(codeSpan("<img"));
    expect(replies[2]).toContain(codeSpan("**bold**"));
    expect(replies[3]).toContain("``` ``x` ```");
    for (const reply of replies) expect(reply.replace(/(`+)[^`]*?\1|(`+) .*? \2/g, "")).not.toMatch(/@everyone|<img|\*\*bold|\[link\]/);
  });
});

describe("accepted", () => {
  it.each(["mona", "maint", "boss"])("`/build` from %s: 👀, dispatch on the head branch, 🚀, reply linking the run", async (user) => {
    const h = await setup();
    const outcome = await handleComment(event("  /build \r\nthanks!", { user }), h.deps);
    expect(outcome).toEqual({
      kind: "dispatched", command: "build", plan: ".tdd-waves/plan.yml", ref: "feature/auth",
      runId: 9000, runUrl: "https://github.com/octo/widgets/actions/runs/9000",
    });
    expect(h.stub.requests.map((r) => r.operationId)).toEqual([
      "repos/get-collaborator-permission-level", "pulls/get", "reactions/create-for-issue-comment",
      DISPATCH, "reactions/create-for-issue-comment", "issues/create-comment",
    ]);
    expect(h.stub.reactions.map((r) => r.content)).toEqual(["eyes", "rocket"]);
    expect(h.stub.calls(DISPATCH)[0]).toMatchObject({
      path: "/repos/octo/widgets/actions/workflows/tdd-waves.yml/dispatches",
      body: { ref: "feature/auth", inputs: { plan: ".tdd-waves/plan.yml", pr: "5" }, return_run_details: true },
    });
    expect(h.stub.comments[0]?.body).toBe(
      "🚀 Building `.tdd-waves/plan.yml` on `feature/auth`: [run 9000](https://github.com/octo/widgets/actions/runs/9000)");
  });

  it("`/build <path>` dispatches that plan", async () => {
    const h = await setup();
    await handleComment(event("/build plans/jwt-auth.yml"), h.deps);
    expect(h.stub.calls(DISPATCH)[0]?.body).toMatchObject({ inputs: { plan: "plans/jwt-auth.yml", pr: "5" } });
  });

  it("links the workflow's runs page when GitHub does not return the run", async () => {
    const h = await setup({ dispatchRunDetails: false });
    const outcome = await handleComment(event("/build"), h.deps);
    expect(outcome).toMatchObject({ kind: "dispatched", runUrl: RUNS_PAGE });
    expect(outcome).not.toHaveProperty("runId");
    expect(h.stub.comments[0]?.body).toContain(`[the workflow's runs page](${RUNS_PAGE})`);
  });

  it("`/build status` replies with the status, dispatches nothing", async () => {
    const h = await setup();
    const outcome = await handleComment(event("/build status"), h.deps);
    expect(outcome).toEqual({ kind: "status", plan: ".tdd-waves/plan.yml" });
    expect(h.statusCalls).toEqual([".tdd-waves/plan.yml"]);
    expect(h.stub.calls(DISPATCH)).toHaveLength(0);
    expect(h.stub.reactions.map((r) => r.content)).toEqual(["eyes"]);
    expect(h.stub.comments[0]?.body).toContain("Wave 1: [T-001]→[I-001]");
    expect(h.stub.comments[0]?.body).toContain("```mermaid");
  });

  it("`/build retry` resets the stories, then dispatches", async () => {
    const h = await setup();
    const outcome = await handleComment(event("/build retry msm-auth-002 msm-auth-003"), h.deps);
    expect(h.retryCalls).toEqual([[".tdd-waves/plan.yml", ["msm-auth-002", "msm-auth-003"]]]);
    expect(outcome).toMatchObject({ kind: "dispatched", command: "retry", stories: ["msm-auth-002", "msm-auth-003"], ref: "feature/auth" });
    expect(h.stub.calls(DISPATCH)).toHaveLength(1);
    expect(h.stub.comments[0]?.body).toMatch(/^🚀 Retrying `msm-auth-002`, `msm-auth-003` of `.tdd-waves\/plan.yml` on `feature\/auth`: \[run 9000\]/);
    expect(h.stub.comments[0]?.body).toContain("2 stories back to pending.");
  });

  it("`/build retry` that the state refuses: reply with why, 😕, no dispatch", async () => {
    const h = await setup({}, { ok: false, message: "`msm-auth-002` is not failed or blocked." });
    const outcome = await handleComment(event("/build retry msm-auth-002"), h.deps);
    expect(outcome).toEqual({ kind: "refused", reason: "`msm-auth-002` is not failed or blocked." });
    expect(h.stub.calls(DISPATCH)).toHaveLength(0);
    expect(h.stub.reactions.map((r) => r.content)).toEqual(["eyes", "confused"]);
    expect(h.stub.comments[0]?.body).toBe("😕 tdd-waves did not start: `msm-auth-002` is not failed or blocked.");
  });

  it("a dispatch GitHub keeps failing: says so on the pull request", async () => {
    const h = await setup({ failures: [{ operationId: DISPATCH, kind: "server-error", times: 10 }] });
    const outcome = await handleComment(event("/build"), h.deps);
    expect(outcome.kind).toBe("failed");
    expect(outcome.kind === "failed" && outcome.reason).toMatch(/dispatching workflow tdd-waves.yml on feature\/auth failed \(HTTP 500\)/);
    expect(h.stub.calls(DISPATCH)).toHaveLength(4);
    expect(h.stub.reactions.map((r) => r.content)).toEqual(["eyes", "confused"]);
    expect(h.stub.comments[0]?.body).toMatch(/^😕 tdd-waves could not handle this command: `GitHub API: dispatching/);
  });
});
