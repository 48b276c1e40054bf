// Agent presets end to end through the CLI bundle (issue 13): fake claude, codex, gemini, aider and opencode on
// PATH record the exact command lines they get and print their documented output; the usage read back lands in
// the state, the report and `status`; budgets stop an execution, and a raised budget resumes it.
import { afterEach, describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { git, makeRepo, storyFile, type TempRepo } from "../support/repo.js";
import { runCli } from "../support/cli.js";
import type { WorkflowState } from "../../src/core/state/state.js";
import type { Report } from "../../src/core/render/report.js";

const FAKE_CLIS = join(dirname(fileURLToPath(import.meta.url)), "..", "support", "fake-clis");
const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

interface Call {
  cli: string;
  argv: string[];
  cwd: string;
  stdin: string;
  env: Record<string, string>;
}

function setup(name: string, agents: string, stories: [id: string, tester: string, implementer: string][], extra = "") {
  const storyYaml = stories.map(([id, t, i]) => `  - { id: ${id}, title: Story ${id}, testFile: test/${id}.test.mjs, tester: ${t}, implementer: ${i} }`).join("\n");
  const files: Record<string, string> = {
    "plan.yml": `name: ${name}\nmaxParallel: 1\ntest: { command: "node --test {testFile}", timeout: 1m }\n${extra}agents:\n${agents}\nstories:\n${storyYaml}\n`,
    ".gitignore": ".aider*\n",
  };
  for (const [id] of stories) files[`stories/${id}.md`] = storyFile(id);
  const repo = makeRepo(files);
  repos.push(repo);
  const log = join(repo.dir, ".git", "fake-cli.log");
  return { dir: repo.dir, log, env: { PATH: `${FAKE_CLIS}${delimiter}${process.env.PATH}`, FAKE_CLI_LOG: log } };
}

const calls = (log: string): Call[] =>
  readFileSync(log, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Call);

const stateOf = (dir: string, plan: string): WorkflowState => JSON.parse(git(dir, "show", `tdd-waves/state:${plan}/workflow-state.json`)) as WorkflowState;
// `run` writes the report inside the git directory (the working tree stays clean).
const reportOf = (dir: string, _plan: string): Report => JSON.parse(readFileSync(join(dir, "tdd-waves-report.json"), "utf8")) as Report;

describe("agent presets", () => {
  it("run each CLI with its documented command line and read back the usage it reports", async () => {
    const agents = [
      "  claude-t: { preset: claude-code, model: sonnet, args: [--max-turns, '30'] }",
      "  codex-i: { preset: codex, model: gpt-5-codex }",
      "  gemini-t: { preset: gemini, model: gemini-2.5-pro }",
      "  opencode-i: { preset: opencode, model: anthropic/claude-sonnet-4-5, env: { AGENT_ENV: from-plan } }",
      "  aider-t: { preset: aider, model: sonnet, env: { FAKE_USAGE_FILE: '1', FAKE_COST: '0.5' } }",
      "  script-i: { run: node agents/implementer.mjs }",
    ].join("\n");
    const { dir, log, env } = setup("presets", agents, [
      ["s-1", "claude-t", "codex-i"],
      ["s-2", "gemini-t", "opencode-i"],
      ["s-3", "aider-t", "script-i"],
    ]);
    const r = await runCli(["run", "plan.yml"], dir, env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);

    const byCli = new Map(calls(log).map((c) => [c.cli, c]));
    expect([...byCli.keys()].sort()).toEqual(["aider", "claude", "codex", "gemini", "opencode"]);
    const prompt = (c: Call): string => readFileSync(c.env.TDD_WAVES_PROMPT_FILE!, "utf8");
    const claude = byCli.get("claude")!;
    expect(claude.argv).toEqual(["-p", "--output-format", "json", "--permission-mode", "acceptEdits", "--disallowedTools", "Bash(git commit:*)", "Bash(git push:*)", "--model", "sonnet", "--max-turns", "30"]);
    expect(claude.stdin).toBe(prompt(claude));
    expect(claude.stdin).toContain("Role: tester");
    const codex = byCli.get("codex")!;
    expect(codex.argv).toEqual(["exec", "--json", "--sandbox", "workspace-write", "--model", "gpt-5-codex", "-"]);
    expect(codex.stdin).toBe(prompt(codex));
    const gemini = byCli.get("gemini")!;
    expect(gemini.argv).toEqual(["--output-format", "json", "--approval-mode", "auto_edit", "--model", "gemini-2.5-pro", "-p", prompt(gemini).replace(/\n+$/, "")]);
    const opencode = byCli.get("opencode")!;
    expect(opencode.argv).toEqual(["run", "--format", "json", "--model", "anthropic/claude-sonnet-4-5", prompt(opencode).replace(/\n+$/, "")]);
    expect(JSON.parse(opencode.env.OPENCODE_CONFIG_CONTENT!)).toEqual({
      permission: { edit: "allow", external_directory: "deny", bash: { "*": "allow", "git commit*": "deny", "git push*": "deny" } },
    });
    expect(opencode.env.AGENT_ENV).toBe("from-plan");
    const aider = byCli.get("aider")!;
    const pf = aider.env.TDD_WAVES_PROMPT_FILE!;
    expect(aider.argv).toEqual([
      "--message-file", pf, "--yes-always", "--no-auto-commits", "--no-dirty-commits", "--no-gitignore", "--no-suggest-shell-commands",
      "--no-check-update", "--no-pretty", "--chat-history-file", `${pf}.chat.md`, "--input-history-file", `${pf}.input`, "--model", "sonnet",
    ]);
    // Every agent ran in its story's working copy, with its prompt and usage file outside it.
    for (const c of byCli.values()) {
      expect(c.cwd).toContain(join(".cache", "tdd-waves"));
      expect(c.cwd.startsWith(dir)).toBe(false);
      expect(c.env.TDD_WAVES_USAGE_FILE).toMatch(/-usage\.json$/);
      expect(c.env.TDD_WAVES_USAGE_FILE!.startsWith(c.cwd)).toBe(false);
    }
    // No agent committed: every commit on a story branch is tdd-waves' own.
    expect(git(dir, "log", "--format=%s", "tdd-waves/presets/s-1").split("\n").slice(0, 2)).toEqual(["tdd-waves: s-1 complete", "tdd-waves: tests for s-1 (claude-t)"]);

    const state = stateOf(dir, "presets");
    const usage = (id: string, phase: string) => state.runs[id]!.phases.find((p) => p.phase === phase)!.usage;
    expect(usage("s-1", "tester")).toEqual({ model: "claude-sonnet-4-6", inputTokens: 16840, outputTokens: 603, cachedTokens: 15635, costUsd: 0.0787, turns: 6, sessionId: "0e639165-79b1-4bd4-bb0f-4cb4c15115d4" });
    expect(usage("s-1", "implementation")).toEqual({ model: "gpt-5-codex", inputTokens: 24763, outputTokens: 122, cachedTokens: 24448, turns: 1, sessionId: "0199a213-81c0-7800-8aa1-bbab2a035a53" });
    expect(usage("s-2", "tester")).toMatchObject({ model: "gemini-2.5-pro", inputTokens: 24939, sessionId: "c1d2e3f4-0000-4a5b-8c9d-0123456789ab" });
    expect(usage("s-2", "implementation")).toMatchObject({ model: "anthropic/claude-sonnet-4-5", costUsd: 0.02, turns: 2, sessionId: "ses_494719016ffe85dkDMj0FPRbHK" });
    expect(usage("s-3", "tester")).toEqual({ model: "fake-model", inputTokens: 1000, outputTokens: 50, costUsd: 0.5 });
    // The script agent reported nothing: unknown, not zero.
    expect(usage("s-3", "implementation")).toBeUndefined();
    expect(state.usage!["s-3"]).toEqual({ phases: 2, unknownCost: 1, costUsd: 0.5, inputTokens: 1000, outputTokens: 50 });

    const report = reportOf(dir, "presets");
    expect(report.results[0]!.usage!.tester!.costUsd).toBe(0.0787);
    expect(report.usage).toMatchObject({ phases: 6, unknownCost: 3, costUsd: 0.5987 });
    expect(r.stdout).toContain("Agents: ≥ $0.60 · ");
    const status = await runCli(["status", "plan.yml"], dir, env);
    expect(status.stdout).toContain("Agents: ≥ $0.60 · ");
    expect(status.stdout).toMatch(/s-3 +Complete +Story s-3 +≥ \$0\.50/);
  }, 120_000);

  it("stop at the execution's budget with the rest pending (exit 1), and continue once the budget is raised", async () => {
    const agents = "  a: { preset: claude-code, env: { FAKE_COST: '1' } }";
    const { dir, env } = setup("budget", agents, [["s-1", "a", "a"], ["s-2", "a", "a"], ["s-3", "a", "a"]], "budget: { costUsd: 2.5 }\n");
    const first = await runCli(["run", "plan.yml"], dir, env);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain("Stopped: budget: the execution's recorded cost $3.00 reached its budget of $2.50");
    let state = stateOf(dir, "budget");
    expect(state.stories.completed).toEqual(["s-1"]);
    expect(state.stories.pending.sort()).toEqual(["s-2", "s-3"]);
    expect(state.stopped).toMatchObject({ reason: "budget" });
    expect(state.runs["s-3"]).toBeUndefined();
    expect(reportOf(dir, "budget").budget).toMatchObject({ costUsd: 2.5, stopped: expect.stringMatching(/^budget: /) });
    expect(readFileSync(join(dir, "stories", "s-2.md"), "utf8")).toContain("**Status:** ⏳ Pending");

    writeFileSync(join(dir, "plan.yml"), readFileSync(join(dir, "plan.yml"), "utf8").replace("costUsd: 2.5", "costUsd: 10"));
    git(dir, "commit", "-qam", "raise the budget");
    const resumed = await runCli(["run", "plan.yml"], dir, env);
    expect(resumed.stderr).toBe("");
    expect(resumed.code).toBe(0);
    state = stateOf(dir, "budget");
    expect(state.stories.completed.sort()).toEqual(["s-1", "s-2", "s-3"]);
    expect(state.stopped).toBeUndefined();
    expect(state.runs["s-1"]!.attempt).toBe(1);
    expect(state.usage!["s-2"]!.costUsd).toBe(3);
  }, 120_000);

  it("fail a story over its own budget", async () => {
    const { dir, env } = setup("story-budget", "  a: { preset: claude-code, env: { FAKE_COST: '1' } }", [["s-1", "a", "a"]], "budget: { perStoryCostUsd: 1.5 }\n");
    const r = await runCli(["run", "plan.yml"], dir, env);
    expect(r.code).toBe(1);
    const state = stateOf(dir, "story-budget");
    expect(state.stories.failed).toEqual(["s-1"]);
    expect(state.runs["s-1"]!.reason).toBe("budget: the story's recorded cost $2.00 reached its budget of $1.50");
  }, 60_000);

  it("plan warns about a preset whose CLI is not on PATH, run refuses it, agents lists the command lines", async () => {
    const { dir } = setup("missing", "  a: { preset: codex }\n  b: { run: node agents/implementer.mjs }", [["s-1", "a", "b"]]);
    const bare = { PATH: dirname(process.execPath) };
    const plan = await runCli(["plan", "plan.yml"], dir, bare);
    expect(plan.code).toBe(0);
    expect(plan.stderr).toBe('tdd-waves plan: warning: agent "a" uses preset codex, but `codex` (OpenAI Codex CLI) is not on PATH\n');
    const before = git(dir, "for-each-ref");
    const run = await runCli(["run", "plan.yml"], dir, bare);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('tdd-waves: agent "a" uses preset codex, but `codex` (OpenAI Codex CLI) is not on PATH\n');
    expect(git(dir, "for-each-ref")).toBe(before);

    const list = await runCli(["agents", "--json"], dir, { PATH: `${FAKE_CLIS}${delimiter}${dirname(process.execPath)}` });
    const rows = JSON.parse(list.stdout) as { name: string; command: string; onPath: boolean }[];
    expect(rows.map((x) => x.name)).toEqual(["claude-code", "codex", "gemini", "aider", "opencode"]);
    expect(rows.every((x) => x.onPath)).toBe(true);
    expect(rows[1]!.command).toBe('codex exec --json --sandbox workspace-write - < "$TDD_WAVES_PROMPT_FILE"');
    const ofPlan = await runCli(["agents", "plan.yml"], dir, bare);
    expect(ofPlan.stdout).toContain('a — preset codex (codex: not on PATH)\n  $ codex exec --json --sandbox workspace-write - < "$TDD_WAVES_PROMPT_FILE"');
    expect(ofPlan.stdout).toContain("b\n  $ node agents/implementer.mjs");
  }, 60_000);
});
