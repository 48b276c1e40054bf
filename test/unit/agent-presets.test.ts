// Agent presets (issue 13): the exact command line each preset runs, and the plan keys that choose them
// (agent `preset` XOR `run`, `model`, `args`, top-level `budget`) with their located errors.
import { describe, expect, it } from "vitest";
import { PRESET_NAMES, PRESETS, presetCommand } from "../../src/core/agents/presets.js";
import { formatIssue, parsePlan } from "../../src/core/plan/parse.js";

const plan = (agents: string, extra = ""): string => `name: p
test: { command: "node --test {testFile}" }
${extra}agents:
${agents}
stories:
  - { id: s-1, title: S, testFile: t.mjs, tester: a, implementer: a }
`;

const errorsOf = (text: string): string[] => parsePlan(text, "plan.yml").errors.map(formatIssue);

describe("presetCommand", () => {
  it("renders every preset's documented non-interactive command line on the prompt file", () => {
    expect(presetCommand("claude-code")).toBe(
      `claude -p --output-format json --permission-mode acceptEdits --disallowedTools 'Bash(git commit:*)' 'Bash(git push:*)' < "$TDD_WAVES_PROMPT_FILE"`,
    );
    expect(presetCommand("codex")).toBe(`codex exec --json --sandbox workspace-write - < "$TDD_WAVES_PROMPT_FILE"`);
    expect(presetCommand("gemini")).toBe(`gemini --output-format json --approval-mode auto_edit -p "$(cat "$TDD_WAVES_PROMPT_FILE")"`);
    expect(presetCommand("aider")).toBe(
      `aider --message-file "$TDD_WAVES_PROMPT_FILE" --yes-always --no-auto-commits --no-dirty-commits --no-gitignore --no-suggest-shell-commands --no-check-update --no-pretty` +
        ` --chat-history-file "$TDD_WAVES_PROMPT_FILE.chat.md" --input-history-file "$TDD_WAVES_PROMPT_FILE.input"`,
    );
    expect(presetCommand("opencode")).toBe(
      `OPENCODE_CONFIG_CONTENT='{"permission":{"edit":"allow","external_directory":"deny","bash":{"*":"allow","git commit*":"deny","git push*":"deny"}}}' opencode run --format json "$(cat "$TDD_WAVES_PROMPT_FILE")"`,
    );
  });

  it("passes the model and extra arguments through, each one shell word", () => {
    expect(presetCommand("codex", { model: "gpt-5-codex", args: ["-c", "model_reasoning_effort=high", "it's"] })).toBe(
      `codex exec --json --sandbox workspace-write --model gpt-5-codex -c 'model_reasoning_effort=high' 'it'\\''s' - < "$TDD_WAVES_PROMPT_FILE"`,
    );
    expect(presetCommand("claude-code", { model: "sonnet", args: ["--max-turns", "20"] })).toMatch(/ --model sonnet --max-turns 20 < "\$TDD_WAVES_PROMPT_FILE"$/);
    expect(presetCommand("opencode", { model: "anthropic/claude-sonnet-4-5" })).toMatch(/ run --format json --model anthropic\/claude-sonnet-4-5 "\$\(cat /);
  });

  it("cites the CLI's documentation for every preset", () => {
    for (const name of PRESET_NAMES) {
      expect(PRESETS[name].docs.length).toBeGreaterThan(0);
      for (const url of PRESETS[name].docs) expect(url).toMatch(/^https:\/\//);
    }
  });
});

describe("plan: agents with a preset", () => {
  it("builds the preset's command with model, args and env", () => {
    const { plan: p, errors } = parsePlan(plan(`  a: { preset: claude-code, model: sonnet, args: [--max-turns, "9"], env: { K: v } }`), "plan.yml");
    expect(errors).toEqual([]);
    expect(p!.agents.a).toEqual({
      name: "a",
      run: presetCommand("claude-code", { model: "sonnet", args: ["--max-turns", "9"] }),
      timeoutMs: 30 * 60_000,
      env: { K: "v" },
      preset: "claude-code",
      model: "sonnet",
      args: ["--max-turns", "9"],
    });
  });

  it("refuses an unknown preset, both or neither of run and preset, and model or args with run", () => {
    expect(errorsOf(plan("  a: { preset: claude }"))).toEqual([
      'plan.yml:4:16 agents.a.preset: "claude" is not a preset: one of claude-code, codex, gemini, aider, opencode',
    ]);
    expect(errorsOf(plan("  a: { preset: codex, run: x }"))).toEqual(["plan.yml:4:16 agents.a.preset: give either run (a shell command) or preset, not both"]);
    expect(errorsOf(plan("  a: { timeout: 5m }"))).toEqual(["plan.yml:4:3 agents.a: needs run (a shell command) or preset (see `tdd-waves agents`)"]);
    expect(errorsOf(plan("  a: { run: x, model: m }"))).toEqual(["plan.yml:4:16 agents.a.model: model is for a preset's CLI: with run, put it in the command itself"]);
  });

  it("reads a budget, and refuses one that is not a positive amount", () => {
    const { plan: p } = parsePlan(plan("  a: { run: x }", "budget: { costUsd: 20, perStoryCostUsd: 2.5 }\n"), "plan.yml");
    expect(p!.budget).toEqual({ costUsd: 20, perStoryCostUsd: 2.5 });
    expect(errorsOf(plan("  a: { run: x }", "budget: { costUsd: 0, perStoryCostUsd: ten, usd: 1 }\n"))).toEqual([
      "plan.yml:3:20 budget.costUsd: must be more than 0 (got 0)",
      'plan.yml:3:40 budget.perStoryCostUsd: must be an amount of US dollars, like 20 or 2.5 (got "ten")',
      'plan.yml:3:45 budget.usd: unknown key "usd"',
    ]);
  });
});
