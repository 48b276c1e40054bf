// What `tdd-waves init` writes, as pure functions of what it found: the test command a project uses (from
// its manifest files' contents), the agents whose CLIs are on PATH, the commented starting plan, the story
// template, and the shipped workflows with `uses:` pointing at the released action (the toolchain's
// action and the plan's setup: toolchain.ts).
import { setupBlock, type Toolchain } from "./toolchain.js";

/** The manifest files the test command is read from: name -> text (absent files are left out). */
export type ProjectFiles = Partial<
  Record<
    | "package.json" | "package-lock.json" | "pnpm-lock.yaml" | "yarn.lock" | "bun.lockb" | ".nvmrc" | ".node-version"
    | "pyproject.toml" | "requirements.txt" | "pytest.ini" | "setup.cfg" | "tox.ini" | ".python-version" | "go.mod" | "Cargo.toml",
    string
  >
>;

export interface DetectedTest {
  command: string;
  /** Where it was found, for the message ("package.json scripts.test with pnpm-lock.yaml"). */
  from: string;
}

/** The test command of the project, running the one test file tdd-waves asks for (`{testFile}`), if it can tell. */
export function detectTestCommand(files: ProjectFiles): DetectedTest | undefined {
  const pkg = files["package.json"];
  if (pkg !== undefined) {
    let scripts: Record<string, unknown> = {};
    try {
      const parsed = JSON.parse(pkg) as { scripts?: unknown };
      if (parsed.scripts && typeof parsed.scripts === "object") scripts = parsed.scripts as Record<string, unknown>;
    } catch {
      // A package.json that does not parse says nothing about tests.
    }
    const test = typeof scripts.test === "string" ? scripts.test : undefined;
    if (test !== undefined && !/no test specified/.test(test)) {
      const [runner, lock] = files["pnpm-lock.yaml"] !== undefined
        ? ["pnpm", "pnpm-lock.yaml"]
        : files["yarn.lock"] !== undefined
          ? ["yarn", "yarn.lock"]
          : files["bun.lockb"] !== undefined
            ? ["bun run", "bun.lockb"]
            : ["npm", files["package-lock.json"] !== undefined ? "package-lock.json" : ""];
      // npm needs `--` before arguments meant for the script; pnpm, yarn and bun pass them on.
      const command = runner === "npm" ? "npm test -- {testFile}" : `${runner} test {testFile}`;
      return { command, from: `package.json scripts.test${lock ? ` with ${lock}` : ""}` };
    }
  }
  const pyproject = files["pyproject.toml"];
  if (pyproject !== undefined && /\[tool\.pytest|pytest/.test(pyproject)) return { command: "python -m pytest {testFile}", from: "pyproject.toml (pytest)" };
  if (files["pytest.ini"] !== undefined) return { command: "python -m pytest {testFile}", from: "pytest.ini" };
  for (const name of ["setup.cfg", "tox.ini"] as const) {
    if (files[name] !== undefined && /\[(tool:)?pytest\]/.test(files[name]!)) return { command: "python -m pytest {testFile}", from: `${name} (pytest)` };
  }
  // Go tests run per package: the directory of the test file.
  if (files["go.mod"] !== undefined) return { command: 'go test "./$(dirname {testFile})"', from: "go.mod" };
  // Cargo runs an integration test by its name: tests/<name>.rs.
  if (files["Cargo.toml"] !== undefined) return { command: 'cargo test --test "$(basename {testFile} .rs)"', from: "Cargo.toml" };
  return undefined;
}

/** Agent CLIs tdd-waves knows how to start headless, in order of preference: executable name -> run line. */
export const KNOWN_AGENTS: ReadonlyArray<{ bin: string; run: string }> = [
  { bin: "claude", run: 'claude -p "$TDD_WAVES_PROMPT" --permission-mode acceptEdits' },
  { bin: "codex", run: 'codex exec --full-auto "$TDD_WAVES_PROMPT"' },
  { bin: "gemini", run: 'gemini --yolo -p "$TDD_WAVES_PROMPT"' },
  { bin: "aider", run: 'aider --yes-always --message "$TDD_WAVES_PROMPT"' },
  { bin: "opencode", run: 'opencode run "$TDD_WAVES_PROMPT"' },
];

export interface StarterPlanInput {
  name: string;
  test?: DetectedTest;
  /** Agent CLIs found on PATH (names from KNOWN_AGENTS), preferred first. */
  agents: string[];
  /** The project's toolchain (toolchain.ts): the plan's setup comes from it. */
  toolchain?: Toolchain;
}

export const PLAN_FILE = ".tdd-waves/plan.yml";
export const STORIES_DIR = ".tdd-waves/stories";
export const STORY_TEMPLATE_FILE = ".tdd-waves/story-template.md";
export const FIRST_STORY_ID = "example-001";

const yamlString = (s: string): string => JSON.stringify(s);


/**
 * The commented starting plan: valid once its first story file (`.tdd-waves/stories/example-001.md`, a
 * copy of the template) exists. Agents: the first CLI found on PATH, else a placeholder to edit.
 */
export function starterPlan(input: StarterPlanInput): string {
  const found = KNOWN_AGENTS.find((a) => a.bin === input.agents[0]);
  const agentRun = found ? found.run : "echo 'edit .tdd-waves/plan.yml: agents.*.run' >&2; exit 1";
  const agentNote = found
    ? `# Found on PATH: ${input.agents.join(", ")}. Both roles use ${found.bin}; give them different commands or models if you like.`
    : `# No agent CLI found on PATH (looked for ${KNOWN_AGENTS.map((a) => a.bin).join(", ")}): put the command that starts yours in run:.`;
  const detected = input.test && (input.toolchain?.testCommand?.(input.test.command) ?? input.test.command);
  const testCommand = detected ?? "echo 'edit .tdd-waves/plan.yml: test.command' >&2; exit 1";
  const testNote = input.test ? `# Detected from ${input.test.from}.` : "# No test command detected: put the one that runs a single test file here.";
  return `# tdd-waves plan: stories built in dependency waves, each test-first (a tester agent writes failing
# tests, an implementation agent makes them pass). Reference: docs/plan.md in the tdd-waves repository.
# yaml-language-server: $schema=https://unpkg.com/tdd-waves/plan.schema.json
#
# Next: copy ${STORY_TEMPLATE_FILE} to ${STORIES_DIR}/${FIRST_STORY_ID}.md, fill it in, then
#   tdd-waves plan ${PLAN_FILE}       (checks everything, prints the waves)
#   tdd-waves run ${PLAN_FILE}        (runs it here; or dispatch it on GitHub)
name: ${yamlString(input.name)}
# Stories at once (1-10); on GitHub, jobs per wave.
maxParallel: 4
# Story files are <storiesDir>/<id>.md unless a story gives file:.
storiesDir: ${STORIES_DIR}

${setupBlock(input.toolchain)}
test:
  ${testNote}
  # {testFile} is replaced by the story's test file, shell-quoted. Red = it fails before, green = passes after.
  command: ${yamlString(testCommand)}
  timeout: 10m

agents:
  ${agentNote}
  # Agents get the brief in $TDD_WAVES_PROMPT (and the file $TDD_WAVES_PROMPT_FILE), the story in
  # $TDD_WAVES_STORY_FILE and the test file in $TDD_WAVES_TEST_FILE. Secrets go in env: or the environment.
  tester:
    run: ${yamlString(agentRun)}
    timeout: 30m
  implementer:
    run: ${yamlString(agentRun)}
    timeout: 60m

stories:
  # One entry per story; dependsOn lists the stories that must be merged first.
  - id: ${FIRST_STORY_ID}
    title: "The first story"
    testFile: test/${FIRST_STORY_ID}.test
    tester: tester
    implementer: implementer
    dependsOn: []
`;
}

/**
 * The story template: YAML front matter that \`tdd-waves plan --from\` reads, then the Markdown body the
 * agents read (tdd-waves edits only the field lines and the Completion section).
 */
export function storyTemplate(): string {
  return `---
# Read by \`tdd-waves plan --from ${STORIES_DIR}\`; ignored by the agents. Keys: id, title, dependencies,
# test_file, tester, implementer, epic.
id: ${FIRST_STORY_ID}
title: The first story
dependencies: []
test_file: test/${FIRST_STORY_ID}.test
tester: tester
implementer: implementer
---
# ${FIRST_STORY_ID}: The first story

**Status:** ⏳ Pending
**Assignee:** —
**Test file:** \`test/${FIRST_STORY_ID}.test\`
**Verified:** no

## Context
What this story is for, what already exists, which files and interfaces to use. The agents read this.

## Acceptance Criteria
- [ ] One observable behaviour the tests must check
- [ ] Another one, small enough to test on its own

## Completion
`;
}

/** The released action, referred to by the workflows `init` writes. */
export interface ActionReference {
  /** owner/name of the action's repository. */
  repository: string;
  /** A tag or branch, e.g. v0. */
  ref: string;
}

/**
 * A shipped workflow with every local `uses: ./` (this repository's own action) pointing at the released
 * action instead; nothing else changes, so the written workflows never drift from the tested ones.
 */
export function workflowForUsers(shipped: string, action: ActionReference): string {
  return shipped.replace(/^(\s*(?:-\s+)?uses:\s*)\.\/(\s*(?:#.*)?)$/gm, `$1${action.repository}@${action.ref}$2`);
}
