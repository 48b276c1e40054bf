// What `tdd-waves init` writes for the project's toolchain (issue 10), as pure functions of the files it
// found: the local composite action `.github/actions/tdd-waves-setup/action.yml` that the shipped workflow
// runs in the story and integrate jobs before tdd-waves (toolchain and its caches), and the plan's `setup`
// that installs the dependencies in every fresh working copy.
import type { ProjectFiles } from "./starter.js";

export const TOOLCHAIN_ACTION_FILE = ".github/actions/tdd-waves-setup/action.yml";

export interface Toolchain {
  /** For init's message: "Node (npm)". */
  name: string;
  /** Where it was read from: "package-lock.json". */
  from: string;
  /** The composite action's text. */
  action: string;
  /** The plan's setup, when the project has dependencies to install into each working copy. */
  /** `relocatable`: what setup keeps still works when copied to another folder (node_modules; not a virtual environment). */
  setup?: { run: string; reuse: string[]; ignore: string; relocatable?: boolean };
  /** The test command as it runs once setup made its environment (a virtual environment's Python). */
  testCommand?: (detected: string) => string;
}

const yamlString = (s: string): string => JSON.stringify(s);

function action(description: string, steps: string[]): string {
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

function nodeToolchain(files: ProjectFiles): Toolchain {
  const [manager, lock, install] =
    files["pnpm-lock.yaml"] !== undefined
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

function pythonToolchain(files: ProjectFiles): Toolchain {
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

function goToolchain(): Toolchain {
  const steps = ["    - uses: actions/setup-go@v5\n      with:\n        go-version-file: go.mod\n"];
  // `go test` fetches the modules it needs (setup-go caches them): no plan setup.
  return { name: "Go", from: "go.mod", action: action("Go and its module cache", steps) };
}

/** The project's toolchain, from its manifest files; undefined when none is recognised. */
export function detectToolchain(files: ProjectFiles): Toolchain | undefined {
  if (files["package.json"] !== undefined && files["bun.lockb"] === undefined) return nodeToolchain(files);
  if (files["pyproject.toml"] !== undefined || files["requirements.txt"] !== undefined) return pythonToolchain(files);
  if (files["go.mod"] !== undefined) return goToolchain();
  return undefined;
}

/** The plan's `setup` block for a toolchain (a commented example when there is none). */
export function setupBlock(toolchain: Toolchain | undefined): string {
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
