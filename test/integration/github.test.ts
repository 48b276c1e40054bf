// The GitHub port over real HTTP against the local stand-in, every request checked against GitHub's OpenAPI description.
import { afterEach, describe, expect, it } from "vitest";
import { createGitHub, type GitHubOptions, type GitHubPort } from "../../src/adapters/github.js";
import { startGitHubStub, type GitHubStub, type StubOptions } from "../support/github-stub.js";

const TOKEN = "ghs_test-token";
/** One "second" of GitHub's retry-after, in test time. */
const BASE_MS = 20;
let stub: GitHubStub | undefined;
let logs: string[] = [];

async function setup(options: StubOptions = {}, port: Partial<GitHubOptions> = {}): Promise<{ gh: GitHubPort; stub: GitHubStub }> {
  stub = await startGitHubStub({ token: TOKEN, ...options });
  logs = [];
  const gh = createGitHub({
    token: TOKEN, baseUrl: stub.url, owner: stub.owner, repo: stub.repo, paceWrites: false, retryAfterBaseMs: BASE_MS, log: (l) => logs.push(l), ...port,
  });
  return { gh, stub };
}

afterEach(async () => {
  if (stub) {
    // Every test also proves that each request it made is one GitHub's description allows.
    stub.assertNoViolations();
    await stub.close();
    stub = undefined;
  }
});

describe("permission", () => {
  it.each([
    ["admin", "admin"], ["maintain", "maintain"], ["write", "write"], ["triage", "triage"], ["read", "read"], ["none", "none"],
  ] as const)("role %s → %s", async (role, expected) => {
    const { gh } = await setup({ permissions: { mona: role } });
    expect(await gh.permission("mona")).toBe(expected);
  });

  it("falls back to the legacy permission for a custom role, and answers none for an unknown user (404)", async () => {
    const { gh, stub } = await setup({ permissions: { ci: "release-manager" } });
    expect(await gh.permission("ci")).toBe("read");
    expect(await gh.permission("stranger")).toBe("none");
    expect(stub.calls("repos/get-collaborator-permission-level").map((r) => r.path)).toEqual([
      "/repos/octo/widgets/collaborators/ci/permission",
      "/repos/octo/widgets/collaborators/stranger/permission",
    ]);
  });

  it("sends the token", async () => {
    const { gh, stub } = await setup({ permissions: { mona: "write" } });
    await gh.permission("mona");
    expect(stub.requests[0]?.headers.authorization).toBe(`token ${TOKEN}`);
  });
});

describe("pullRequest", () => {
  it("reads head and base, and tells a fork or deleted head repository apart", async () => {
    const { gh } = await setup({
      pulls: [
        { number: 1, headRef: "feature/auth" },
        { number: 2, headRef: "patch-1", headRepo: "evil/widgets" },
        { number: 3, headRef: "gone", headRepo: null, state: "closed" },
      ],
    });
    expect(await gh.pullRequest(1)).toEqual({ headRef: "feature/auth", headRepo: "octo/widgets", baseRepo: "octo/widgets", fork: false, state: "open" });
    expect(await gh.pullRequest(2)).toMatchObject({ headRepo: "evil/widgets", fork: true });
    expect(await gh.pullRequest(3)).toMatchObject({ headRepo: null, fork: true, state: "closed" });
  });

  it("fails with a message naming what it was doing", async () => {
    const { gh } = await setup();
    await expect(gh.pullRequest(404)).rejects.toThrow(/GitHub API: reading pull request #404 failed \(HTTP 404\)/);
  });
});

describe("react and reply", () => {
  it("adds reactions and posts comments", async () => {
    const { gh, stub } = await setup();
    await gh.react(77, "eyes");
    await gh.react(77, "rocket");
    const { id } = await gh.reply(5, "hello");
    expect(stub.reactions).toEqual([{ commentId: 77, content: "eyes" }, { commentId: 77, content: "rocket" }]);
    expect(stub.comments).toEqual([{ id, issue: 5, body: "hello", user: "github-actions[bot]" }]);
  });
});

describe("upsertComment", () => {
  const marker = "<!-- tdd-waves:jwt-auth -->";

  it("creates the comment when none carries the marker, then edits it in place", async () => {
    const { gh, stub } = await setup({ comments: { 5: [{ body: "unrelated" }] } });
    const first = await gh.upsertComment(5, marker, `${marker}\nwave 1`);
    expect(first.created).toBe(true);
    const second = await gh.upsertComment(5, marker, `${marker}\nwave 2`);
    expect(second).toEqual({ id: first.id, created: false });
    expect(stub.comments.filter((c) => c.issue === 5).map((c) => c.body)).toEqual(["unrelated", `${marker}\nwave 2`]);
    expect(stub.calls("issues/update-comment")).toHaveLength(1);
  });

  it("never edits someone else's comment that quotes the marker", async () => {
    const { gh, stub } = await setup({ comments: { 4: [{ body: `${marker}\nhijacked`, user: "mallory" }, { body: `see ${marker}`, user: "github-actions[bot]" }] } });
    const result = await gh.upsertComment(4, marker, `${marker}\nprogress`);
    expect(result.created).toBe(true);
    expect(stub.comments.filter((c) => c.issue === 4).map((c) => c.body)).toEqual([`${marker}\nhijacked`, `see ${marker}`, `${marker}\nprogress`]);
  });

  it("finds the marker on a later page", async () => {
    const existing = Array.from({ length: 7 }, (_, i) => ({ body: `chatter ${i}` }));
    const { gh, stub } = await setup({ maxPerPage: 3, comments: { 9: [...existing, { body: `${marker}\nold`, user: "github-actions[bot]" }] } });
    const result = await gh.upsertComment(9, marker, `${marker}\nnew`);
    expect(result.created).toBe(false);
    expect(stub.comments.find((c) => c.id === result.id)?.body).toBe(`${marker}\nnew`);
    expect(stub.calls("issues/list-comments").map((r) => r.query.page ?? "1")).toEqual(["1", "2", "3"]);
    expect(stub.calls("issues/create-comment")).toHaveLength(0);
  });
});

describe("dispatch", () => {
  it("asks for the run's details and links the run", async () => {
    const { gh, stub } = await setup();
    const result = await gh.dispatch("tdd-waves.yml", "feature/auth", { plan: "plans/a.yml", pr: "5" });
    expect(result).toEqual({ runId: 9000, runUrl: "https://github.com/octo/widgets/actions/runs/9000" });
    expect(stub.calls("actions/create-workflow-dispatch")[0]).toMatchObject({
      path: "/repos/octo/widgets/actions/workflows/tdd-waves.yml/dispatches",
      body: { ref: "feature/auth", inputs: { plan: "plans/a.yml", pr: "5" }, return_run_details: true },
    });
  });

  it("falls back to the workflow's runs page when GitHub answers 204", async () => {
    const { gh } = await setup({ dispatchRunDetails: false }, { serverUrl: "https://ghe.example.com/" });
    expect(await gh.dispatch("tdd-waves.yml", "main", { plan: "p.yml" }))
      .toEqual({ runUrl: "https://ghe.example.com/octo/widgets/actions/workflows/tdd-waves.yml" });
  });
});

describe("retries (Octokit's plugins, no loop of ours)", () => {
  it("retries after a 500", async () => {
    const { gh, stub } = await setup({ failures: [{ operationId: "issues/create-comment", kind: "server-error" }] });
    await gh.reply(5, "once");
    expect(stub.calls("issues/create-comment").map((r) => r.status)).toEqual([500, 201]);
    expect(logs).toEqual([]);
    expect(stub.comments).toHaveLength(1);
  });

  // retry-after: 0 reads as "no retry-after" to the throttling plugin, which then waits GitHub's documented minute.
  it.each([[0, 60], [1, 1], [3, 3]])("waits out a secondary rate limit (retry-after %is → waits %is) and retries", async (retryAfter, waits) => {
    const { gh, stub } = await setup({ failures: [{ operationId: "actions/create-workflow-dispatch", kind: "secondary-rate-limit", retryAfter }] });
    await gh.dispatch("tdd-waves.yml", "main", {});
    const [first, second] = stub.calls("actions/create-workflow-dispatch").map((r) => r.at);
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(waits * BASE_MS - 5);
    expect(stub.calls("actions/create-workflow-dispatch").map((r) => r.status)).toEqual([403, 200]);
    expect(logs.join("\n")).toMatch(/secondary rate limit on POST .*dispatches: retrying in \d+s \(retry 1 of 2\)/);
  });

  it("gives up after two rate-limit retries with a clear error", async () => {
    const { gh, stub } = await setup({ failures: [{ operationId: "reactions/create-for-issue-comment", kind: "secondary-rate-limit", retryAfter: 1, times: 5 }] });
    await expect(gh.react(1, "eyes")).rejects.toThrow(/adding a reaction to comment 1 failed \(HTTP 403\).*secondary rate limit/);
    expect(stub.calls("reactions/create-for-issue-comment")).toHaveLength(3);
    expect(logs.join("\n")).toMatch(/giving up after 2 retries/);
  });
});

describe("pacing", () => {
  it("spaces writes at least a second apart by default", async () => {
    const { gh, stub } = await setup({}, { paceWrites: true });
    await gh.react(1, "eyes");
    await gh.react(1, "rocket");
    const [a, b] = stub.calls("reactions/create-for-issue-comment").map((r) => r.at);
    expect((b ?? 0) - (a ?? 0)).toBeGreaterThanOrEqual(950);
  });
});

describe("the stand-in itself", () => {
  it("answers 400 and records a violation for requests GitHub's description does not allow", async () => {
    const { stub } = await setup();
    const call = (method: string, path: string, body?: unknown) => fetch(`${stub.url}${path}`, {
      method, headers: { authorization: `token ${TOKEN}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const requests: Array<[string, string, unknown?]> = [
      ["POST", "/repos/octo/widgets/issues/comments/7/reactions", { content: "party" }],
      ["POST", "/repos/octo/widgets/issues/comments/seven/reactions", { content: "eyes" }],
      ["GET", "/repos/octo/widgets/issues/5/comments?per_page=many"],
      ["GET", "/repos/octo/widgets/issues/5/comments?sort=asc"],
      ["POST", "/repos/octo/widgets/issues/5/comments", { text: "no body key" }],
      ["POST", "/repos/octo/widgets/actions/workflows/ci.yml/dispatches", { inputs: {} }],
      ["DELETE", "/repos/octo/widgets/issues/comments/7"],
    ];
    const statuses: number[] = [];
    for (const [method, path, body] of requests) statuses.push((await call(method, path, body)).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 400, 404]);
    expect(stub.violations).toEqual([
      expect.stringMatching(/reactions: request body \/content must be equal to one of the allowed values/),
      expect.stringMatching(/path parameter comment_id="seven" must be integer/),
      expect.stringMatching(/query parameter per_page="many" must be integer/),
      expect.stringMatching(/query parameter sort is not in the description/),
      expect.stringMatching(/comments: request body must have required property 'body'/),
      expect.stringMatching(/dispatches: request body must have required property 'ref'/),
      expect.stringMatching(/DELETE \/repos\/octo\/widgets\/issues\/comments\/7: no such operation/),
    ]);
    expect(() => stub.assertNoViolations()).toThrow(/OpenAPI description does not allow/);
    stub.violations.length = 0;
  });

  it("refuses a request without the token", async () => {
    const { stub } = await setup();
    const answer = await fetch(`${stub.url}/repos/octo/widgets/pulls/1`);
    expect(answer.status).toBe(400);
    expect(stub.violations).toEqual([expect.stringMatching(/authorization header/)]);
    stub.violations.length = 0;
  });
});
