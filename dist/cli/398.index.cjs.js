"use strict";
exports.id = 398;
exports.ids = [398];
exports.modules = {

/***/ 6398:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  initCommand: () => (/* binding */ initCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/adapters/git.ts
var git = __webpack_require__(6960);
;// CONCATENATED MODULE: ./src/core/init/toolchain.ts
const TOOLCHAIN_ACTION_FILE = ".github/actions/tdd-waves-setup/action.yml";
const yamlString = (s) => JSON.stringify(s);
function action(description, steps) {
    return `# The toolchain of tdd-waves' story and integrate jobs: the shipped workflow runs this action right after
# their checkout, before tdd-waves and the plan's setup (written by \`tdd-waves init\`; yours to edit: add
# services, generated files or secrets the tests need). The plan and publish jobs never run it.
name: tdd-waves toolchain
description: ${description}
runs:
  using: composite
  steps:
${steps.join("")}`;
}
function nodeToolchain(files) {
    const [manager, lock, install] = files["pnpm-lock.yaml"] !== undefined
        ? ["pnpm", "pnpm-lock.yaml", "pnpm install --frozen-lockfile"]
        : files["yarn.lock"] !== undefined
            ? ["yarn", "yarn.lock", "yarn install --frozen-lockfile"]
            : files["package-lock.json"] !== undefined
                ? ["npm", "package-lock.json", "npm ci"]
                : ["npm", undefined, "npm install"];
    const version = files[".nvmrc"] !== undefined ? "node-version-file: .nvmrc" : files[".node-version"] !== undefined ? "node-version-file: .node-version" : "node-version: lts/*";
    // setup-node restores the package manager's cache from the lock file; pnpm must be on PATH for it first.
    const steps = [
        ...(manager === "pnpm" ? ["    - shell: bash\n      run: corepack enable pnpm\n"] : []),
        `    - uses: actions/setup-node@v5\n      with:\n        ${version}\n${lock ? `        cache: ${manager}\n` : ""}`,
    ];
    return {
        name: `Node (${manager})`,
        from: lock ?? "package.json",
        action: action(`Node${lock ? ` and ${manager}'s cache` : ""}, before the plan's setup (${install})`, steps),
        setup: { run: install, reuse: ["node_modules"], ignore: "node_modules/", relocatable: true },
    };
}
function pythonToolchain(files) {
    const manifest = files["pyproject.toml"] !== undefined ? "pyproject.toml" : "requirements.txt";
    const version = files[".python-version"] !== undefined ? "python-version-file: .python-version" : 'python-version: "3.x"';
    const steps = [`    - uses: actions/setup-python@v5\n      with:\n        ${version}\n        cache: pip\n        cache-dependency-path: ${manifest}\n`];
    const install = manifest === "pyproject.toml" ? "-e . pytest" : "-r requirements.txt pytest";
    return {
        name: "Python (pip, a virtual environment)",
        from: manifest,
        action: action("Python and pip's cache, before the plan's setup (a virtual environment)", steps),
        setup: { run: `python -m venv .venv && .venv/bin/python -m pip install ${install}`, reuse: [".venv"], ignore: ".venv/" },
        // The tests run with the virtual environment's Python, where setup installed the project.
        testCommand: (detected) => detected.replace(/^python /, ".venv/bin/python "),
    };
}
function goToolchain() {
    const steps = ["    - uses: actions/setup-go@v5\n      with:\n        go-version-file: go.mod\n"];
    // `go test` fetches the modules it needs (setup-go caches them): no plan setup.
    return { name: "Go", from: "go.mod", action: action("Go and its module cache", steps) };
}
/** The project's toolchain, from its manifest files; undefined when none is recognised. */
function detectToolchain(files) {
    if (files["package.json"] !== undefined && files["bun.lockb"] === undefined)
        return nodeToolchain(files);
    if (files["pyproject.toml"] !== undefined || files["requirements.txt"] !== undefined)
        return pythonToolchain(files);
    if (files["go.mod"] !== undefined)
        return goToolchain();
    return undefined;
}
/** The plan's `setup` block for a toolchain (a commented example when there is none). */
function setupBlock(toolchain) {
    const note = `# Prepares each fresh working copy before its tester, and the merged result before its tests. What it
# makes must be ignored by git (.gitignore). On GitHub the toolchain comes first: ${TOOLCHAIN_ACTION_FILE}.`;
    const setup = toolchain?.setup;
    if (!setup) {
        return `${note}
# setup:
#   run: "npm ci"
#   reuse: [node_modules]   # locally: kept between stories while no manifest or lock file changes
`;
    }
    return `${note}
# Detected: ${toolchain.name}, from ${toolchain.from}; ${setup.ignore} must be in .gitignore.
setup:
  run: ${yamlString(setup.run)}
  timeout: 10m
  reuse: [${setup.reuse.join(", ")}]   # locally: kept between stories while no manifest or lock file changes
${setup.relocatable ? "  relocatable: true   # locally: one install per set of inputs, copied into the other working copies\n" : ""}`;
}

;// CONCATENATED MODULE: ./src/core/init/starter.ts
// What `tdd-waves init` writes, as pure functions of what it found: the test command a project uses (from
// its manifest files' contents), the agents whose CLIs are on PATH, the commented starting plan, the story
// template, and the shipped workflows with `uses:` pointing at the released action (the toolchain's
// action and the plan's setup: toolchain.ts).

/** The test command of the project, running the one test file tdd-waves asks for (`{testFile}`), if it can tell. */
function detectTestCommand(files) {
    const pkg = files["package.json"];
    if (pkg !== undefined) {
        let scripts = {};
        try {
            const parsed = JSON.parse(pkg);
            if (parsed.scripts && typeof parsed.scripts === "object")
                scripts = parsed.scripts;
        }
        catch {
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
    if (pyproject !== undefined && /\[tool\.pytest|pytest/.test(pyproject))
        return { command: "python -m pytest {testFile}", from: "pyproject.toml (pytest)" };
    if (files["pytest.ini"] !== undefined)
        return { command: "python -m pytest {testFile}", from: "pytest.ini" };
    for (const name of ["setup.cfg", "tox.ini"]) {
        if (files[name] !== undefined && /\[(tool:)?pytest\]/.test(files[name]))
            return { command: "python -m pytest {testFile}", from: `${name} (pytest)` };
    }
    // Go tests run per package: the directory of the test file.
    if (files["go.mod"] !== undefined)
        return { command: 'go test "./$(dirname {testFile})"', from: "go.mod" };
    // Cargo runs an integration test by its name: tests/<name>.rs.
    if (files["Cargo.toml"] !== undefined)
        return { command: 'cargo test --test "$(basename {testFile} .rs)"', from: "Cargo.toml" };
    return undefined;
}
/** Agent CLIs tdd-waves knows how to start headless, in order of preference: executable name -> run line. */
const KNOWN_AGENTS = [
    { bin: "claude", run: 'claude -p "$TDD_WAVES_PROMPT" --permission-mode acceptEdits' },
    { bin: "codex", run: 'codex exec --full-auto "$TDD_WAVES_PROMPT"' },
    { bin: "gemini", run: 'gemini --yolo -p "$TDD_WAVES_PROMPT"' },
    { bin: "aider", run: 'aider --yes-always --message "$TDD_WAVES_PROMPT"' },
    { bin: "opencode", run: 'opencode run "$TDD_WAVES_PROMPT"' },
];
const PLAN_FILE = ".tdd-waves/plan.yml";
const STORIES_DIR = ".tdd-waves/stories";
const STORY_TEMPLATE_FILE = ".tdd-waves/story-template.md";
const FIRST_STORY_ID = "example-001";
const starter_yamlString = (s) => JSON.stringify(s);
/**
 * The commented starting plan: valid once its first story file (`.tdd-waves/stories/example-001.md`, a
 * copy of the template) exists. Agents: the first CLI found on PATH, else a placeholder to edit.
 */
function starterPlan(input) {
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
name: ${starter_yamlString(input.name)}
# Stories at once (1-10); on GitHub, jobs per wave.
maxParallel: 4
# Story files are <storiesDir>/<id>.md unless a story gives file:.
storiesDir: ${STORIES_DIR}

${setupBlock(input.toolchain)}
test:
  ${testNote}
  # {testFile} is replaced by the story's test file, shell-quoted. Red = it fails before, green = passes after.
  command: ${starter_yamlString(testCommand)}
  timeout: 10m

agents:
  ${agentNote}
  # Agents get the brief in $TDD_WAVES_PROMPT (and the file $TDD_WAVES_PROMPT_FILE), the story in
  # $TDD_WAVES_STORY_FILE and the test file in $TDD_WAVES_TEST_FILE. Secrets go in env: or the environment.
  tester:
    run: ${starter_yamlString(agentRun)}
    timeout: 30m
  implementer:
    run: ${starter_yamlString(agentRun)}
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
function storyTemplate() {
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
/**
 * A shipped workflow with every local `uses: ./` (this repository's own action) pointing at the released
 * action instead; nothing else changes, so the written workflows never drift from the tested ones.
 */
function workflowForUsers(shipped, action) {
    return shipped.replace(/^(\s*(?:-\s+)?uses:\s*)\.\/(\s*(?:#.*)?)$/gm, `$1${action.repository}@${action.ref}$2`);
}

// EXTERNAL MODULE: ./src/core/plan/patterns.ts
var patterns = __webpack_require__(1236);
// EXTERNAL MODULE: ./src/cli/args.ts + 1 modules
var cli_args = __webpack_require__(5361);
;// CONCATENATED MODULE: ./src/cli/release.ts
// This release of tdd-waves as users refer to it: the action reference the workflows written by `init` use,
// and the shipped workflows themselves (.github/workflows/, the ones this repository tests and runs).

/**
 * The released action: its repository and the moving major-version tag (`v0` while the version is 0.x).
 * One place to change for a fork; `tdd-waves init --action owner/name@ref` overrides it per repository.
 * test/integration/init.test.ts checks the tag against package.json's major version.
 */
const ACTION_REFERENCE = { repository: "tdd-waves/tdd-waves", ref: "v0" };
const SHIPPED_WORKFLOWS = ["tdd-waves.yml", "tdd-waves-command.yml"];
/**
 * A shipped workflow's text. The paths are literal so that the bundler copies the files beside the bundle
 * (dist/cli/): the installed package carries the very workflows this repository runs.
 */
function shippedWorkflow(file) {
    return file === "tdd-waves.yml"
        ? (0,external_node_fs_.readFileSync)(__webpack_require__.ab + "tdd-waves.yml", "utf8")
        : (0,external_node_fs_.readFileSync)(__webpack_require__.ab + "tdd-waves-command.yml", "utf8");
}

;// CONCATENATED MODULE: ./src/cli/init-command.ts
// `tdd-waves init [--force] [--action owner/name@ref]`: sets up the repository it runs in: the commented
// starting plan, a story template, and the execution and /build workflows pointing at the released action.
// Detects the test command and the agent CLIs on PATH. Never overwrites a file unless --force.








const USAGE = "Usage: tdd-waves init [--force] [--action owner/name@ref]";
const HELP = `Sets up tdd-waves in the git repository of the working directory:
  ${PLAN_FILE}              a commented starting plan (test command and agents detected where possible)
  ${STORY_TEMPLATE_FILE}     a story template (front matter + acceptance criteria)
  .github/workflows/tdd-waves.yml          the execution workflow (one run per wave)
  .github/workflows/tdd-waves-command.yml  the /build pull request comment
  ${TOOLCHAIN_ACTION_FILE}  the toolchain (Node, Python, Go) the workflow's
                                           story and integrate jobs prepare first, when one is detected
Existing files are kept (and named); --force replaces them.
  --action owner/name@ref   the action the workflows use (default: ${ACTION_REFERENCE.repository}@${ACTION_REFERENCE.ref})`;
const MANIFESTS = [
    "package.json", "package-lock.json", "pnpm-lock.yaml", "yarn.lock", "bun.lockb", ".nvmrc", ".node-version",
    "pyproject.toml", "requirements.txt", "pytest.ini", "setup.cfg", "tox.ini", ".python-version", "go.mod", "Cargo.toml",
];
async function initCommand(args, io) {
    let flags;
    let action = ACTION_REFERENCE;
    try {
        flags = (0,cli_args/* parseFlags */.bQ)(args, { force: "boolean", action: "value", help: "boolean" });
        if (flags.booleans.has("help")) {
            io.stdout(`${USAGE}\n\n${HELP}\n`);
            return 0;
        }
        if (flags.positional.length > 0)
            throw new cli_args/* UsageError */.eb(`init takes no arguments, got "${flags.positional.join(" ")}"`);
        if (flags.values.action !== undefined) {
            const m = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)@([A-Za-z0-9_./-]+)$/.exec(flags.values.action);
            if (!m)
                throw new cli_args/* UsageError */.eb(`--action must be owner/name@ref, got "${flags.values.action}"`);
            action = { repository: m[1], ref: m[2] };
        }
    }
    catch (e) {
        if (!(e instanceof cli_args/* UsageError */.eb))
            throw e;
        io.stderr(`tdd-waves init: ${e.message}\n${USAGE}\n`);
        return 2;
    }
    let root;
    try {
        root = await new git/* Git */.TU({ cwd: io.cwd }).topLevel();
    }
    catch {
        io.stderr("tdd-waves init: not inside a git repository: run `git init` first (tdd-waves keeps its state on a git branch)\n");
        return 2;
    }
    const files = {};
    for (const name of MANIFESTS) {
        const path = (0,external_node_path_.join)(root, name);
        if ((0,external_node_fs_.existsSync)(path) && (0,external_node_fs_.statSync)(path).isFile())
            files[name] = name === "bun.lockb" ? "" : (0,external_node_fs_.readFileSync)(path, "utf8");
    }
    const test = detectTestCommand(files);
    const toolchain = detectToolchain(files);
    const agents = KNOWN_AGENTS.filter((a) => onPath(a.bin, io.env)).map((a) => a.bin);
    const name = planName((0,external_node_path_.basename)(root));
    const outputs = [
        [PLAN_FILE, starterPlan({ name, test, agents, ...(toolchain ? { toolchain } : {}) })],
        [STORY_TEMPLATE_FILE, storyTemplate()],
        ...SHIPPED_WORKFLOWS.map((file) => [`.github/workflows/${file}`, workflowForUsers(shippedWorkflow(file), action)]),
        ...(toolchain ? [[TOOLCHAIN_ACTION_FILE, toolchain.action]] : []),
    ];
    const force = flags.booleans.has("force");
    for (const [relative, text] of outputs) {
        const path = (0,external_node_path_.join)(root, relative);
        const exists = (0,external_node_fs_.existsSync)(path);
        if (exists && !force) {
            io.stdout(`kept     ${relative} (it exists; --force replaces it)\n`);
            continue;
        }
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
        (0,external_node_fs_.writeFileSync)(path, text);
        io.stdout(`${exists ? "replaced" : "wrote   "} ${relative}\n`);
    }
    io.stdout(`\nTest command: ${test ? `${test.command} (from ${test.from})` : "none detected: set test.command in the plan"}\n` +
        `Toolchain: ${toolchain ? `${toolchain.name} (from ${toolchain.from})${toolchain.setup ? `, setup: ${toolchain.setup.run}` : ""}` : `none detected: on GitHub, prepare yours in ${TOOLCHAIN_ACTION_FILE}`}\n` +
        `Agent CLIs on PATH: ${agents.length > 0 ? agents.join(", ") : `none of ${KNOWN_AGENTS.map((a) => a.bin).join(", ")}: set agents.*.run in the plan`}\n` +
        `Workflows use ${action.repository}@${action.ref}\n` +
        `\nNext steps:\n` +
        `  1. Write the first story: cp ${STORY_TEMPLATE_FILE} ${STORIES_DIR}/${FIRST_STORY_ID}.md, then edit it and the stories: list of ${PLAN_FILE}\n` +
        `     (or write story files and build the plan from them: tdd-waves plan --from ${STORIES_DIR} --write ${PLAN_FILE})\n` +
        `  2. Check the plan: tdd-waves plan ${PLAN_FILE}\n` +
        `  3. Run it here: tdd-waves run ${PLAN_FILE}, or commit and push, add your agents' secrets, and: tdd-waves dispatch ${PLAN_FILE} --watch\n`);
    return 0;
}
/** The plan's name from the repository's directory name, made to fit plan-name rules. */
function planName(dir) {
    const cleaned = dir.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+/, "").slice(0, 64).replace(/[.-]+$/, "");
    return patterns/* PLAN_NAME_RE */.eC.test(cleaned) && !cleaned.includes("..") && !cleaned.endsWith(".lock") ? cleaned : "my-plan";
}
function onPath(bin, env) {
    for (const dir of (env.PATH ?? "").split(external_node_path_.delimiter)) {
        if (!dir)
            continue;
        try {
            (0,external_node_fs_.accessSync)((0,external_node_path_.join)(dir, bin), external_node_fs_.constants.X_OK);
            if ((0,external_node_fs_.statSync)((0,external_node_path_.join)(dir, bin)).isFile())
                return true;
        }
        catch {
            // Not here.
        }
    }
    return false;
}


/***/ })

};
;