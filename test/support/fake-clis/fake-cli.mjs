// A stand-in for a coding-agent CLI (claude, codex, gemini, aider, opencode — the shims beside this file) on
// PATH: records its argv, working directory, standard input and the tdd-waves environment to $FAKE_CLI_LOG
// (one JSON line per call), does an agent's work (the script agents of test/support/agents, by
// TDD_WAVES_ROLE), then prints the CLI's documented machine-readable output (test/fixtures/agent-output).
// FAKE_COST sets the cost (USD) it reports; FAKE_USAGE_FILE=1 makes it write $TDD_WAVES_USAGE_FILE instead.
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";

const [cli, ...argv] = process.argv.slice(2);
const fixtures = new URL("../../fixtures/agent-output/", import.meta.url);
const fixture = (name) => readFileSync(new URL(name, fixtures), "utf8");
let stdin = "";
try {
  stdin = readFileSync(0, "utf8");
} catch {
  // No standard input.
}
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith("TDD_WAVES_") && k !== "TDD_WAVES_PROMPT" || k === "OPENCODE_CONFIG_CONTENT" || k === "AGENT_ENV"));
if (process.env.FAKE_CLI_LOG) appendFileSync(process.env.FAKE_CLI_LOG, `${JSON.stringify({ cli, argv, cwd: process.cwd(), stdin, env })}\n`);

// The script agents print progress on stdout: here it goes to stderr, as the real CLIs' progress does.
console.log = (...a) => console.error(...a);
await import(process.env.TDD_WAVES_ROLE === "tester" ? "../agents/tester.mjs" : "../agents/implementer.mjs");

const cost = process.env.FAKE_COST === undefined ? undefined : Number(process.env.FAKE_COST);
if (process.env.FAKE_USAGE_FILE) {
  writeFileSync(process.env.TDD_WAVES_USAGE_FILE, JSON.stringify({ model: "fake-model", inputTokens: 1000, outputTokens: 50, costUsd: cost ?? 0.25 }));
}
const out = {
  claude: () => {
    const r = JSON.parse(fixture("claude.json"));
    if (cost !== undefined) r.total_cost_usd = cost;
    return `${JSON.stringify(r)}\n`;
  },
  codex: () => fixture("codex.jsonl"),
  gemini: () => fixture("gemini.json"),
  opencode: () => fixture("opencode.jsonl"),
  // Aider prints no machine-readable output.
  aider: () => "Tokens: 2.3k sent, 150 received.\n",
}[cli];
process.stdout.write(out());
