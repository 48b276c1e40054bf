// `tdd-waves init` in real temporary repositories: what it writes, what it detects, what it keeps, and that
// the written workflows are the shipped ones with only `uses:` changed.
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { detectTestCommand, workflowForUsers } from "../../src/core/init/starter.js";
import { detectToolchain, TOOLCHAIN_ACTION_FILE } from "../../src/core/init/toolchain.js";
import { main } from "../../src/cli/main.js";
import { ACTION_REFERENCE } from "../../src/cli/release.js";
import { makeRepo, type TempRepo } from "../support/repo.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const repos: TempRepo[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function cli(args: string[], cwd: string, env: Record<string, string | undefined> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { cwd, isTTY: false, env: { PATH: "", ...env }, stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

function repo(files: Record<string, string> = { "README.md": "x\n" }): string {
  const r = makeRepo(files, { agents: false });
  repos.push(r);
  return r.dir;
}

/** A PATH holding fake executables with these names. */
function pathWith(...bins: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "tdd-waves-bin-"));
  dirs.push(dir);
  for (const b of bins) {
    writeFileSync(join(dir, b), "#!/bin/sh\nexit 0\n");
    chmodSync(join(dir, b), 0o755);
  }
  return dir;
}

describe("tdd-waves init", () => {
  it("writes the plan, the story template and the two workflows; the plan is valid once its first story exists", async () => {
    const dir = repo({ "package.json": JSON.stringify({ scripts: { test: "vitest run" } }), "pnpm-lock.yaml": "lockfileVersion: 9\n" });
    const r = await cli(["init"], dir, { PATH: pathWith("codex", "claude") });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    for (const f of [".tdd-waves/plan.yml", ".tdd-waves/story-template.md", ".github/workflows/tdd-waves.yml", ".github/workflows/tdd-waves-command.yml"]) {
      expect(r.stdout).toContain(`wrote    ${f}`);
    }
    const plan = readFileSync(join(dir, ".tdd-waves/plan.yml"), "utf8");
    expect(plan).toContain('command: "pnpm test {testFile}"');
    expect(plan).toContain("claude -p"); // claude is preferred over codex
    expect(r.stdout).toMatch(/Next steps:\n {2}1\. .*\n.*\n {2}2\. .*tdd-waves plan .tdd-waves\/plan.yml\n {2}3\. .*tdd-waves run/);

    // Not valid yet: the first story file is missing, and the message says which.
    const before = await cli(["plan", ".tdd-waves/plan.yml"], dir);
    expect(before.code).toBe(2);
    expect(before.stderr).toContain(".tdd-waves/stories/example-001.md");
    mkdirSync(join(dir, ".tdd-waves/stories"));
    copyFileSync(join(dir, ".tdd-waves/story-template.md"), join(dir, ".tdd-waves/stories/example-001.md"));
    const after = await cli(["plan", ".tdd-waves/plan.yml"], dir);
    expect(after.stderr).toBe("");
    expect(after.code).toBe(0);
    expect(after.stdout).toContain("example-001");
  });

  it("writes the shipped workflows with only uses: ./ changed to the released action", async () => {
    const dir = repo();
    await cli(["init"], dir);
    for (const file of ["tdd-waves.yml", "tdd-waves-command.yml"]) {
      const shipped = readFileSync(join(ROOT, ".github", "workflows", file), "utf8").split("\n");
      const written = readFileSync(join(dir, ".github", "workflows", file), "utf8").split("\n");
      expect(written).toHaveLength(shipped.length);
      const changed = shipped.flatMap((line, i) => (line === written[i] ? [] : [[line, written[i]]]));
      expect(changed.length).toBeGreaterThan(0);
      for (const [was, now] of changed) {
        expect(was).toMatch(/^\s*(- )?uses: \.\/$/);
        expect(now).toBe(was!.replace("./", `${ACTION_REFERENCE.repository}@${ACTION_REFERENCE.ref}`));
      }
    }
    expect(workflowForUsers("      - uses: ./\n        uses: ./ # here\n      - uses: actions/checkout@v5\n", { repository: "me/tw", ref: "v1" })).toBe(
      "      - uses: me/tw@v1\n        uses: me/tw@v1 # here\n      - uses: actions/checkout@v5\n",
    );
  });

  it("refers to the release tag of package.json's major version", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(ACTION_REFERENCE.ref).toBe(`v${version.split(".")[0]}`);
  });

  it("never overwrites: says which files it kept; --force replaces them", async () => {
    const dir = repo({ ".tdd-waves/plan.yml": "mine\n", "README.md": "x\n" });
    const r = await cli(["init", "--action", "me/tdd-waves@main"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("kept     .tdd-waves/plan.yml (it exists; --force replaces it)");
    expect(readFileSync(join(dir, ".tdd-waves/plan.yml"), "utf8")).toBe("mine\n");
    expect(readFileSync(join(dir, ".github/workflows/tdd-waves.yml"), "utf8")).toContain("uses: me/tdd-waves@main");
    const again = await cli(["init", "--force"], dir);
    expect(again.stdout).toContain("replaced .tdd-waves/plan.yml");
    expect(readFileSync(join(dir, ".tdd-waves/plan.yml"), "utf8")).toContain("name:");
  });

  it("writes the toolchain action the shipped workflow runs, and the plan's setup, for a Node project", async () => {
    const dir = repo({ "package.json": JSON.stringify({ scripts: { test: "vitest run" } }), "package-lock.json": "{}", ".nvmrc": "24\n" });
    const r = await cli(["init"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote    ${TOOLCHAIN_ACTION_FILE}`);
    expect(r.stdout).toContain("Toolchain: Node (npm) (from package-lock.json), setup: npm ci");
    const action = parse(readFileSync(join(dir, TOOLCHAIN_ACTION_FILE), "utf8")) as { runs: { using: string; steps: Array<{ uses?: string; with?: Record<string, string> }> } };
    expect(action.runs.using).toBe("composite");
    expect(action.runs.steps).toEqual([{ uses: "actions/setup-node@v5", with: { "node-version-file": ".nvmrc", cache: "npm" } }]);
    // The workflow init wrote runs exactly that file.
    expect(readFileSync(join(dir, ".github/workflows/tdd-waves.yml"), "utf8")).toContain(`hashFiles('${TOOLCHAIN_ACTION_FILE}')`);
    mkdirSync(join(dir, ".tdd-waves/stories"));
    copyFileSync(join(dir, ".tdd-waves/story-template.md"), join(dir, ".tdd-waves/stories/example-001.md"));
    const plan = await cli(["plan", ".tdd-waves/plan.yml", "--json"], dir);
    expect(plan.stderr).toBe("");
    expect(plan.code).toBe(0);
    expect((parse(readFileSync(join(dir, ".tdd-waves/plan.yml"), "utf8")) as { setup: unknown }).setup).toEqual({ run: "npm ci", timeout: "10m", reuse: ["node_modules"], relocatable: true });
  });

  it("for a Python project: setup-python, and a virtual environment the tests run in", async () => {
    const dir = repo({ "pyproject.toml": "[project]\nname = \"x\"\n[tool.pytest.ini_options]\n" });
    await cli(["init"], dir);
    const plan = parse(readFileSync(join(dir, ".tdd-waves/plan.yml"), "utf8")) as { setup: { run: string; reuse: string[] }; test: { command: string } };
    expect(plan.setup).toMatchObject({ run: "python -m venv .venv && .venv/bin/python -m pip install -e . pytest", reuse: [".venv"] });
    // A virtual environment records where it lives: never copied into another working copy.
    expect(plan.setup).not.toHaveProperty("relocatable");
    expect(plan.test.command).toBe(".venv/bin/python -m pytest {testFile}");
    expect(readFileSync(join(dir, TOOLCHAIN_ACTION_FILE), "utf8")).toContain("uses: actions/setup-python@v5");
  });

  it("keeps a toolchain action the repository has; writes none when it detects no toolchain", async () => {
    const mine = repo({ "package.json": "{}", [TOOLCHAIN_ACTION_FILE]: "mine\n" });
    expect((await cli(["init"], mine)).stdout).toContain(`kept     ${TOOLCHAIN_ACTION_FILE} (it exists; --force replaces it)`);
    expect(readFileSync(join(mine, TOOLCHAIN_ACTION_FILE), "utf8")).toBe("mine\n");
    const none = repo({ "README.md": "x\n" });
    const r = await cli(["init"], none);
    expect(r.stdout).not.toContain(`wrote    ${TOOLCHAIN_ACTION_FILE}`);
    expect(existsSync(join(none, TOOLCHAIN_ACTION_FILE))).toBe(false);
    expect(r.stdout).toContain(`Toolchain: none detected: on GitHub, prepare yours in ${TOOLCHAIN_ACTION_FILE}`);
    expect(readFileSync(join(none, ".tdd-waves/plan.yml"), "utf8")).toContain("# setup:\n#   run:");
  });

  it("says what to do outside a git repository, and refuses bad flags", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tdd-waves-nogit-"));
    dirs.push(dir);
    const r = await cli(["init"], dir, { GIT_CEILING_DIRECTORIES: dirname(dir) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("git init");
    expect((await cli(["init", "--action", "nope"], dir)).stderr).toContain("--action must be owner/name@ref");
  });
});

describe("test command detection", () => {
  it.each([
    [{ "package.json": '{"scripts":{"test":"jest"}}', "package-lock.json": "{}" }, "npm test -- {testFile}", "package.json scripts.test with package-lock.json"],
    [{ "package.json": '{"scripts":{"test":"jest"}}', "yarn.lock": "" }, "yarn test {testFile}", "package.json scripts.test with yarn.lock"],
    [{ "package.json": '{"scripts":{"test":"jest"}}', "pnpm-lock.yaml": "" }, "pnpm test {testFile}", "package.json scripts.test with pnpm-lock.yaml"],
    [{ "pyproject.toml": "[tool.pytest.ini_options]\n" }, "python -m pytest {testFile}", "pyproject.toml (pytest)"],
    [{ "go.mod": "module x\n" }, 'go test "./$(dirname {testFile})"', "go.mod"],
    [{ "Cargo.toml": "[package]\n" }, 'cargo test --test "$(basename {testFile} .rs)"', "Cargo.toml"],
  ])("%j -> %s", (files, command, from) => {
    expect(detectTestCommand(files)).toEqual({ command, from });
  });

  it.each([
    [{ "package.json": "{}", "pnpm-lock.yaml": "" }, "Node (pnpm)", "pnpm install --frozen-lockfile", "cache: pnpm"],
    [{ "package.json": "{}", "yarn.lock": "" }, "Node (yarn)", "yarn install --frozen-lockfile", "cache: yarn"],
    [{ "package.json": "{}" }, "Node (npm)", "npm install", "node-version: lts/*"],
    [{ "requirements.txt": "", ".python-version": "3.12\n" }, "Python (pip, a virtual environment)", "python -m venv .venv && .venv/bin/python -m pip install -r requirements.txt pytest", "python-version-file: .python-version"],
    [{ "go.mod": "module x\n" }, "Go", undefined, "go-version-file: go.mod"],
  ])("toolchain of %j: %s", (files, name, setup, line) => {
    const t = detectToolchain(files)!;
    expect(t.name).toBe(name);
    expect(t.setup?.run).toBe(setup);
    expect(t.action).toContain(line);
    expect((parse(t.action) as { runs: { using: string } }).runs.using).toBe("composite");
  });

  it("finds no toolchain for a Rust project or none at all", () => {
    expect(detectToolchain({ "Cargo.toml": "[package]\n" })).toBeUndefined();
    expect(detectToolchain({})).toBeUndefined();
  });

  it("finds nothing in a package.json without a real test script", () => {
    expect(detectTestCommand({ "package.json": '{"scripts":{"test":"echo \\"Error: no test specified\\" && exit 1"}}' })).toBeUndefined();
    expect(detectTestCommand({})).toBeUndefined();
  });
});
