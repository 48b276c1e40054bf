// `tdd-waves init [--force] [--action owner/name@ref]`: sets up the repository it runs in: the commented
// starting plan, a story template, and the execution and /build workflows pointing at the released action.
// Detects the test command and the agent CLIs on PATH. Never overwrites a file unless --force.
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, delimiter, dirname, join } from "node:path";
import { Git } from "../adapters/git.js";
import {
  detectTestCommand,
  FIRST_STORY_ID,
  KNOWN_AGENTS,
  PLAN_FILE,
  starterPlan,
  STORIES_DIR,
  STORY_TEMPLATE_FILE,
  storyTemplate,
  workflowForUsers,
  type ActionReference,
  type ProjectFiles,
} from "../core/init/starter.js";
import { detectToolchain, TOOLCHAIN_ACTION_FILE } from "../core/init/toolchain.js";
import { PLAN_NAME_RE } from "../core/plan/patterns.js";
import type { CliIO } from "./io.js";
import { parseFlags, UsageError } from "./args.js";
import { ACTION_REFERENCE, SHIPPED_WORKFLOWS, shippedWorkflow } from "./release.js";

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

const MANIFESTS: Array<keyof ProjectFiles> = [
  "package.json", "package-lock.json", "pnpm-lock.yaml", "yarn.lock", "bun.lockb", ".nvmrc", ".node-version",
  "pyproject.toml", "requirements.txt", "pytest.ini", "setup.cfg", "tox.ini", ".python-version", "go.mod", "Cargo.toml",
];

export async function initCommand(args: string[], io: CliIO): Promise<number> {
  let flags;
  let action: ActionReference = ACTION_REFERENCE;
  try {
    flags = parseFlags(args, { force: "boolean", action: "value", help: "boolean" });
    if (flags.booleans.has("help")) {
      io.stdout(`${USAGE}\n\n${HELP}\n`);
      return 0;
    }
    if (flags.positional.length > 0) throw new UsageError(`init takes no arguments, got "${flags.positional.join(" ")}"`);
    if (flags.values.action !== undefined) {
      const m = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)@([A-Za-z0-9_./-]+)$/.exec(flags.values.action);
      if (!m) throw new UsageError(`--action must be owner/name@ref, got "${flags.values.action}"`);
      action = { repository: m[1]!, ref: m[2]! };
    }
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`tdd-waves init: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  let root: string;
  try {
    root = await new Git({ cwd: io.cwd }).topLevel();
  } catch {
    io.stderr("tdd-waves init: not inside a git repository: run `git init` first (tdd-waves keeps its state on a git branch)\n");
    return 2;
  }

  const files: ProjectFiles = {};
  for (const name of MANIFESTS) {
    const path = join(root, name);
    if (existsSync(path) && statSync(path).isFile()) files[name] = name === "bun.lockb" ? "" : readFileSync(path, "utf8");
  }
  const test = detectTestCommand(files);
  const toolchain = detectToolchain(files);
  const agents = KNOWN_AGENTS.filter((a) => onPath(a.bin, io.env)).map((a) => a.bin);
  const name = planName(basename(root));

  const outputs: Array<[string, string]> = [
    [PLAN_FILE, starterPlan({ name, test, agents, ...(toolchain ? { toolchain } : {}) })],
    [STORY_TEMPLATE_FILE, storyTemplate()],
    ...SHIPPED_WORKFLOWS.map((file): [string, string] => [`.github/workflows/${file}`, workflowForUsers(shippedWorkflow(file), action)]),
    ...(toolchain ? [[TOOLCHAIN_ACTION_FILE, toolchain.action] as [string, string]] : []),
  ];
  const force = flags.booleans.has("force");
  for (const [relative, text] of outputs) {
    const path = join(root, relative);
    const exists = existsSync(path);
    if (exists && !force) {
      io.stdout(`kept     ${relative} (it exists; --force replaces it)\n`);
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    io.stdout(`${exists ? "replaced" : "wrote   "} ${relative}\n`);
  }
  io.stdout(
    `\nTest command: ${test ? `${test.command} (from ${test.from})` : "none detected: set test.command in the plan"}\n` +
      `Toolchain: ${toolchain ? `${toolchain.name} (from ${toolchain.from})${toolchain.setup ? `, setup: ${toolchain.setup.run}` : ""}` : `none detected: on GitHub, prepare yours in ${TOOLCHAIN_ACTION_FILE}`}\n` +
      `Agent CLIs on PATH: ${agents.length > 0 ? agents.join(", ") : `none of ${KNOWN_AGENTS.map((a) => a.bin).join(", ")}: set agents.*.run in the plan`}\n` +
      `Workflows use ${action.repository}@${action.ref}\n` +
      `\nNext steps:\n` +
      `  1. Write the first story: cp ${STORY_TEMPLATE_FILE} ${STORIES_DIR}/${FIRST_STORY_ID}.md, then edit it and the stories: list of ${PLAN_FILE}\n` +
      `     (or write story files and build the plan from them: tdd-waves plan --from ${STORIES_DIR} --write ${PLAN_FILE})\n` +
      `  2. Check the plan: tdd-waves plan ${PLAN_FILE}\n` +
      `  3. Run it here: tdd-waves run ${PLAN_FILE}, or commit and push, add your agents' secrets, and: tdd-waves dispatch ${PLAN_FILE} --watch\n`,
  );
  return 0;
}

/** The plan's name from the repository's directory name, made to fit plan-name rules. */
function planName(dir: string): string {
  const cleaned = dir.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+/, "").slice(0, 64).replace(/[.-]+$/, "");
  return PLAN_NAME_RE.test(cleaned) && !cleaned.includes("..") && !cleaned.endsWith(".lock") ? cleaned : "my-plan";
}

function onPath(bin: string, env: CliIO["env"]): boolean {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, bin), constants.X_OK);
      if (statSync(join(dir, bin)).isFile()) return true;
    } catch {
      // Not here.
    }
  }
  return false;
}
