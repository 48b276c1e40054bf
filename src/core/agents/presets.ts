// Agent presets: the command line that runs each coding-agent CLI unattended on TDD_WAVES_PROMPT_FILE (edits
// inside the working copy only, no commits of its own, machine-readable output where the CLI has it), as pure
// data. Every flag comes from the CLI's own documentation, cited next to the preset; what a CLI cannot do is
// said in `limits` (and in the README's preset table). The command runs with /bin/sh in the story's working copy.
import { shellQuote } from "../testing/shell-quote.js";
import type { UsageFormat } from "./usage.js";

export const PRESET_NAMES = ["claude-code", "codex", "gemini", "aider", "opencode"] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export interface AgentPreset {
  name: PresetName;
  /** The product, for people. */
  title: string;
  /** The executable looked up on PATH. */
  executable: string;
  /** How its standard output reports usage; undefined when the CLI prints nothing machine-readable. */
  output?: UsageFormat;
  /** What the CLI reports of its usage (the rest stays unknown unless the agent writes TDD_WAVES_USAGE_FILE). */
  reports: string;
  /** Where the flags come from. */
  docs: string[];
  /** What the CLI cannot do of what a preset promises, in a few words. */
  limits: string;
  /** The command line, without `args` and the prompt: `render` adds those where the CLI wants them. */
  render: (model: string | undefined, args: string) => string;
}

/** The prompt file, left for the shell to expand: tdd-waves sets it for every agent phase. */
const PROMPT_FILE = '"$TDD_WAVES_PROMPT_FILE"';

const modelFlag = (flag: string, model: string | undefined): string => (model === undefined ? "" : ` ${flag} ${shellQuote(model)}`);

// opencode reads extra configuration from OPENCODE_CONFIG_CONTENT (highest precedence): edits allowed, nothing
// outside the working directory, shell commands allowed except commits and pushes (the last matching rule wins).
const OPENCODE_PERMISSIONS = JSON.stringify({
  permission: { edit: "allow", external_directory: "deny", bash: { "*": "allow", "git commit*": "deny", "git push*": "deny" } },
});

export const PRESETS: Readonly<Record<PresetName, AgentPreset>> = {
  // Claude Code, print mode: https://code.claude.com/docs/en/headless (-p, --output-format json, the prompt on
  // stdin: `echo "…" | claude -p`, the JSON result with total_cost_usd, num_turns, session_id, usage) and
  // https://code.claude.com/docs/en/cli-reference (--permission-mode acceptEdits: file edits approved, nothing
  // else; --disallowedTools "Bash(git commit:*)"; --model). Writes stay in the directory it was started in:
  // https://code.claude.com/docs/en/security ("can only write to the folder where it was started").
  "claude-code": {
    name: "claude-code",
    title: "Claude Code",
    executable: "claude",
    output: "claude-json",
    reports: "model, input/output/cached tokens, cost in USD, turns, session id",
    docs: ["https://code.claude.com/docs/en/headless", "https://code.claude.com/docs/en/cli-reference", "https://code.claude.com/docs/en/security"],
    limits: "shell commands are not approved (acceptEdits): the agent cannot run the tests itself unless `args` allow it (--allowedTools)",
    render: (model, args) =>
      `claude -p --output-format json --permission-mode acceptEdits --disallowedTools 'Bash(git commit:*)' 'Bash(git push:*)'${modelFlag("--model", model)}${args} < ${PROMPT_FILE}`,
  },
  // OpenAI Codex CLI, exec: https://developers.openai.com/codex/noninteractive (codex exec, --json JSONL events:
  // thread.started with thread_id, turn.completed with usage; --sandbox workspace-write allows edits in the
  // workspace) and https://developers.openai.com/codex/cli/reference#codex-exec (PROMPT `-` reads stdin, --model).
  codex: {
    name: "codex",
    title: "OpenAI Codex CLI",
    executable: "codex",
    output: "codex-jsonl",
    reports: "input/output/cached tokens, turns, session (thread) id; no cost, no model (the preset's `model` is recorded)",
    docs: ["https://developers.openai.com/codex/noninteractive", "https://developers.openai.com/codex/cli/reference#codex-exec"],
    limits: "no cost in USD in its output; no flag forbids commits (the sandbox keeps a worktree's git directory read-only, the prompt forbids them)",
    render: (model, args) => `codex exec --json --sandbox workspace-write${modelFlag("--model", model)}${args} - < ${PROMPT_FILE}`,
  },
  // Gemini CLI, headless: https://geminicli.com/docs/cli/headless/ (--output-format json: response,
  // stats.models.<model>.tokens, session_id) and https://geminicli.com/docs/cli/cli-reference/ (-p: the prompt,
  // forces non-interactive mode; --approval-mode auto_edit: edit tools approved, shell commands not; --model).
  gemini: {
    name: "gemini",
    title: "Gemini CLI",
    executable: "gemini",
    output: "gemini-json",
    reports: "model, input/output/cached tokens, session id; no cost, no turns",
    docs: ["https://geminicli.com/docs/cli/headless/", "https://geminicli.com/docs/cli/cli-reference/"],
    limits: "no cost in USD and no turns in its output; shell commands are not approved (auto_edit), so it cannot run the tests itself; the prompt goes on the command line",
    render: (model, args) => `gemini --output-format json --approval-mode auto_edit${modelFlag("--model", model)}${args} -p "$(cat ${PROMPT_FILE})"`,
  },
  // Aider, scripting: https://aider.chat/docs/scripting.html (--message-file: do one thing and exit, --yes-always)
  // and https://aider.chat/docs/config/options.html (--no-auto-commits, --no-dirty-commits, --no-gitignore,
  // --chat-history-file, --input-history-file, --no-suggest-shell-commands, --no-check-update, --no-pretty, --model).
  // The history files go beside the prompt file, outside the working copy.
  aider: {
    name: "aider",
    title: "Aider",
    executable: "aider",
    reports: "nothing machine-readable",
    docs: ["https://aider.chat/docs/scripting.html", "https://aider.chat/docs/config/options.html"],
    limits:
      "no machine-readable output: usage and cost stay unknown unless the agent writes TDD_WAVES_USAGE_FILE; its repo-map cache (.aider.tags.cache.*) lands in the working copy: list `.aider*` in .gitignore",
    render: (model, args) =>
      `aider --message-file ${PROMPT_FILE} --yes-always --no-auto-commits --no-dirty-commits --no-gitignore --no-suggest-shell-commands --no-check-update --no-pretty` +
      ` --chat-history-file "$TDD_WAVES_PROMPT_FILE.chat.md" --input-history-file "$TDD_WAVES_PROMPT_FILE.input"${modelFlag("--model", model)}${args}`,
  },
  // opencode, run: https://opencode.ai/docs/cli/#run (opencode run [message], --format json: JSON events with
  // sessionID, step_finish parts with tokens and cost; --model provider/model), https://opencode.ai/docs/permissions/
  // (edit, bash and external_directory rules) and https://opencode.ai/docs/config/ (OPENCODE_CONFIG_CONTENT).
  opencode: {
    name: "opencode",
    title: "opencode",
    executable: "opencode",
    output: "opencode-jsonl",
    reports: "input/output/cached tokens, cost in USD, steps (as turns), session id; no model (the preset's `model` is recorded)",
    docs: ["https://opencode.ai/docs/cli/#run", "https://opencode.ai/docs/permissions/", "https://opencode.ai/docs/config/"],
    limits: "the prompt goes on the command line (run takes a message, not a prompt file)",
    render: (model, args) =>
      `OPENCODE_CONFIG_CONTENT=${shellQuote(OPENCODE_PERMISSIONS)} opencode run --format json${modelFlag("--model", model)}${args} "$(cat ${PROMPT_FILE})"`,
  },
};

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

/** The shell command a preset runs, with its `model` and extra `args` (each one shell word). */
export function presetCommand(name: PresetName, options: { model?: string; args?: readonly string[] } = {}): string {
  const args = (options.args ?? []).map((a) => ` ${shellQuote(a)}`).join("");
  return PRESETS[name].render(options.model, args);
}
