// `npm run demo` end to end: the example plan runs to completion with the demo agents, and the code they
// leave in the demo repository passes its own tests. Real processes, real git, no global git config.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const cleanup: string[] = [];

afterAll(() => {
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
});

function runDemo(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, "scripts", "demo.mjs")], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run demo", () => {
  it("runs the jwt-auth example to completion, and the code it leaves passes node --test", async () => {
    // No global or system git config: the demo must bring its own identity.
    const home = mkdtempSync(join(tmpdir(), "tdd-waves-demo-home-"));
    cleanup.push(home);
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, GIT_CONFIG_NOSYSTEM: "1" };
    for (const key of ["GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "GIT_DIR", "GIT_WORK_TREE"]) delete env[key];

    const demo = await runDemo(env);
    const repo = /^Demo repository: (.+)$/m.exec(demo.stdout)?.[1];
    if (repo) cleanup.push(repo);
    expect(repo, `no "Demo repository:" line in:\n${demo.stdout}\n${demo.stderr}`).toBeDefined();
    expect(demo.code, demo.stdout + demo.stderr).toBe(0);
    expect(demo.stdout).toContain("Spawning tester agent (tester) for auth-core-001");
    expect(demo.stdout).toContain("gantt");

    const report = JSON.parse(readFileSync(join(repo!, "tdd-waves-report.json"), "utf8"));
    expect(report.totalStories).toBe(7);
    expect(report.totalWaves).toBe(3);
    expect([...report.storiesCompleted].sort()).toEqual(
      ["auth-api-001", "auth-api-002", "auth-api-003", "auth-core-001", "auth-core-002", "auth-core-003", "auth-core-004"],
    );
    expect(report.storiesFailed).toEqual([]);
    for (const r of report.results) {
      expect(r, r.storyId).toMatchObject({ testsPassed: true, acChecklistComplete: true, verifiedProduction: true });
      expect(r.red.exitCode, `${r.storyId} was red first`).not.toBe(0);
      expect(r.testsTotal, r.storyId).toBeGreaterThanOrEqual(4);
    }

    const story = readFileSync(join(repo!, "stories", "auth-core-002.md"), "utf8");
    expect(story).toMatch(/\*\*Status:\*\* ✅ Complete/);
    expect(story).not.toContain("- [ ]");

    const tests = spawnSync(process.execPath, ["--test"], { cwd: repo!, env, encoding: "utf8" });
    expect(tests.status, tests.stdout + tests.stderr).toBe(0);
    expect(tests.stdout).toMatch(/^# pass 32$/m);
    expect(tests.stdout).toMatch(/^# fail 0$/m);
    const status = spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: repo!, env, encoding: "utf8" });
    expect(status.stdout).toBe("");
  }, 120_000);
});
