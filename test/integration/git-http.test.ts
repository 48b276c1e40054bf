// The harness's git smart HTTP server (test/support/git-http.ts) refuses what GitHub would refuse:
// no token, a token that may only read pushing, a revoked token fetching; a write token pushes.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";
import { startGitHttp } from "../support/git-http.js";
import { git, makeRepo } from "../support/repo.js";

const header = (token: string) => `http.extraheader=AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}`;

describe("git smart HTTP with token permissions", () => {
  it("fetches with a read token, pushes only with a write token, refuses anonymous access", async ({ onTestFinished }) => {
    const root = mkdtempSync(join(tmpdir(), "tdd-waves-githttp-"));
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    const repo = makeRepo({ "a.txt": "a\n" }, { agents: false });
    onTestFinished(repo.cleanup);
    git(root, "clone", "-q", "--bare", repo.dir, join(root, "origin.git"));
    const server = await startGitHttp(root);
    onTestFinished(() => server.close());
    server.grant("reader", "read");
    server.grant("writer", "write");
    const url = `${server.url}/origin.git`;
    // Asynchronous: the server answers from this very process.
    const run = (...args: string[]) => new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
      execFile("git", args, { cwd: repo.dir, env: { ...process.env, GIT_TERMINAL_PROMPT: "0" } }, (error, stdout, stderr) =>
        resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
    });

    expect((await run("ls-remote", url)).status).not.toBe(0);
    expect((await run("-c", header("reader"), "ls-remote", url, "refs/heads/main")).stdout).toContain("refs/heads/main");
    git(repo.dir, "commit", "-q", "--allow-empty", "-m", "more");
    const refused = await run("-c", header("reader"), "push", url, "HEAD:refs/heads/main");
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/403/);
    expect((await run("-c", header("writer"), "push", url, "HEAD:refs/heads/main")).status).toBe(0);
    expect(git(join(root, "origin.git"), "rev-parse", "main")).toBe(git(repo.dir, "rev-parse", "HEAD"));
    expect(server.refusals.map((r) => [r.token, r.status])).toEqual([[null, 401], ["reader", 403]]);
  });
});
