// `tdd-waves plan` as a real process in a real git repository: exit codes, JSON on stdout, located errors on
// stderr and never a stack trace, for valid plans and every kind of bad input.
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planCommand } from "../../src/cli/plan-command.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const ENTRY = join(HERE, "../support/run-plan-cli.ts");
const EXAMPLES = join(HERE, "../../examples");
const TSX = import.meta.resolve("tsx");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let repo: string;
let home: string;

function run(args: string[], cwd = repo): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", TSX, ENTRY, ...args],
      // No global git config, and no git repository above the temp dirs.
      { cwd, env: { ...process.env, HOME: home, GIT_CONFIG_NOSYSTEM: "1", GIT_CEILING_DIRECTORIES: tmpdir() } },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

function write(path: string, content: string | Buffer, base = repo): void {
  const full = join(base, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
}

/** Exit 2, nothing on stdout, every stderr line a located error (no stack trace); returns the lines. */
function expectInvalid(result: Run, file: string): string[] {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).not.toMatch(/^\s+at |Error:|node:internal/m);
  const lines = result.stderr.trimEnd().split("\n");
  for (const line of lines) expect(line).toMatch(new RegExp(`^${file.replace(/[.]/g, "\\.")}:\\d+:\\d+[ :]`));
  return lines;
}

const PLAN = `name: demo
test:
  command: node --test {testFile}
agents:
  t:
    run: node t.mjs
stories:
  - id: demo-001
    title: First
    testFile: test/one.test.mjs
    tester: t
    implementer: t
  - id: demo-002
    title: Second
    testFile: test/two.test.mjs
    tester: t
    implementer: t
    dependsOn: [demo-001]
`;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), "tdd-waves-cli-home-"));
  repo = mkdtempSync(join(tmpdir(), "tdd-waves-cli-repo-"));
  cpSync(EXAMPLES, repo, { recursive: true });
  await new Promise<void>((resolve, reject) =>
    execFile("git", ["init", "-q", "-b", "main"], { cwd: repo, env: { ...process.env, HOME: home, GIT_CONFIG_NOSYSTEM: "1" } }, (e) => (e ? reject(e) : resolve())),
  );
  for (const id of ["demo-001", "demo-002"]) write(`stories/${id}.md`, `# ${id}: x\n\n## Acceptance Criteria\n- [ ] works\n`);
  write("docs/noac.md", "# x\n\n## Acceptance Criteria\nNone yet.\n");
});

afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

describe("tdd-waves plan: valid plans", () => {
  it("prints the waves as a table", async () => {
    const result = await run(["plan.yml"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toBe("Plan jwt-auth: 7 stories in 3 waves, up to 4 at once");
    expect(lines[2]).toMatch(/^Wave\s+Story\s+Title\s+Depends on\s+Tester → Implementer$/);
    expect(lines[3]).toMatch(/^1\s+auth-core-001\s+Password hashing with scrypt\s+—\s+tester → implementer$/);
    expect(lines[7]).toMatch(/^3\s+auth-api-001\s+POST \/login issues a token pair\s+auth-core-002, auth-core-003\s+tester → implementer$/);
  });

  it("prints exactly the SPEC JSON with --json", async () => {
    const result = await run(["plan.yml", "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      name: "jwt-auth",
      totalWaves: 3,
      waves: [
        { wave: 1, stories: ["auth-core-001", "auth-core-002"] },
        { wave: 2, stories: ["auth-core-003", "auth-core-004"] },
        { wave: 3, stories: ["auth-api-001", "auth-api-002", "auth-api-003"] },
      ],
    });
  });

  it("resolves story paths from the repository root when run from a subdirectory", async () => {
    write("plans/demo.yml", PLAN);
    mkdirSync(join(repo, "deep/er"), { recursive: true });
    const result = await run(["--json", "../../plans/demo.yml"], join(repo, "deep/er"));
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ name: "demo", totalWaves: 2, waves: [{ wave: 1, stories: ["demo-001"] }, { wave: 2, stories: ["demo-002"] }] });
  });

  it("falls back to the working directory outside a git repository", async () => {
    const plain = mkdtempSync(join(tmpdir(), "tdd-waves-cli-nogit-"));
    try {
      write("p.json", JSON.stringify({ name: "x", test: { command: "t {testFile}" }, agents: { a: { run: "r" } }, stories: [{ id: "x-1", title: "X", testFile: "t.js", tester: "a", implementer: "a" }] }), plain);
      write("stories/x-1.md", "## Acceptance Criteria\n* [x] done\n", plain);
      const result = await run(["p.json", "--json"], plain);
      expect(result.stderr).toBe("");
      expect(JSON.parse(result.stdout).waves).toEqual([{ wave: 1, stories: ["x-1"] }]);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});

describe("planCommand in-process", () => {
  const run = async (file: string): Promise<{ code: number; out: string; err: string }> => {
    let out = "";
    let err = "";
    const code = await planCommand([file], { cwd: repo, stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false, env: { ...process.env, HOME: home } });
    return { code, out, err };
  };

  it("notes a wave larger than a GitHub matrix", async () => {
    const stories = Array.from({ length: 300 }, (_, i) => `  - { id: big-${i}, title: "T ${i}", testFile: t/${i}.js, tester: t, implementer: t }`);
    write("big.yml", `name: big\nstoriesDir: bigstories\ntest: { command: "t {testFile}" }\nagents: { t: { run: r } }\nstories:\n${stories.join("\n")}\n`);
    for (let i = 0; i < 300; i++) write(`bigstories/big-${i}.md`, "## Acceptance Criteria\n- [ ] ok\n");
    const { code, out, err } = await run("big.yml");
    expect([code, err]).toEqual([0, ""]);
    expect(out).toContain("Plan big: 300 stories in 1 wave, up to 10 at once");
    expect(out).toContain("Wave 1 has 300 stories: on GitHub it runs as 2 consecutive matrices of at most 256 jobs.");
    expect(out).toMatch(/^1\s+big-0\s+T 0\s+—\s+t → t$/m);
  });

  it("refuses control characters in a title (escape sequences, NUL), located, and none reaches the terminal", async () => {
    write("ctl.yml", 'name: ctl\ntest: { command: "t {testFile}" }\nagents: { t: { run: r } }\nstories:\n  - { id: c-1, title: "T\\e[31mred", testFile: t.js, tester: t, implementer: t }\n  - { id: c-2, title: "nul\\0", testFile: u.js, tester: t, implementer: t }\n');
    const { code, out, err } = await run("ctl.yml");
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).not.toContain("\u001b");
    expect(err.trimEnd().split("\n")).toEqual([
      "ctl.yml:5:23 stories[0].title: must not contain control characters (U+001B at character 2)",
      "ctl.yml:6:23 stories[1].title: must not contain control characters (U+0000 at character 4)",
    ]);
  });
});

describe("tdd-waves plan: usage", () => {
  it.each([
    [[], "a plan file is required"],
    [["plan.yml", "--jsn"], 'unknown option "--jsn"'],
    [["a.yml", "b.yml"], "expected one plan file, got 2"],
  ])("%j exits 2 with usage on stderr", async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`tdd-waves plan: ${message}`);
    expect(result.stderr).toContain("Usage: tdd-waves plan <plan-file> [--json]");
  });

  it("--help prints usage and exits 0", async () => {
    const result = await run(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: tdd-waves plan");
  });
});

describe("tdd-waves plan: bad input gets located errors, exit 2, no stack trace", () => {
  const sub = (from: string, to: string): string => {
    if (!PLAN.includes(from)) throw new Error(`test setup: ${from}`);
    return PLAN.replace(from, to);
  };
  const cases: [string, string, string | Buffer | null, RegExp[]][] = [
    ["a missing file", "missing.yml", null, [/^missing\.yml:1:1: plan file not found$/]],
    ["a directory", "adir.yml", "DIR", [/^adir\.yml:1:1: is a directory, not a plan file$/]],
    ["binary content", "bin.yml", Buffer.from([0x6e, 0x00, 0xff, 0x10]), [/^bin\.yml:1:2: binary content/]],
    ["an empty file", "empty.yml", "", [/^empty\.yml:1:1: the plan file is empty$/]],
    ["invalid YAML", "bad.yml", "name: demo\nstories: [\n  - id: x\n", [/^bad\.yml:3:3: YAML syntax error: Block collections are not allowed within flow collections$/, /^bad\.yml:4:1: YAML syntax error: /]],
    ["invalid JSON", "bad.json", '{\n  "name": "demo",\n}', [/^bad\.json:3:1: JSON syntax error: trailing comma before "}"$/]],
    ["wrong types", "types.yml", sub("title: First", "title: [First]"), [/^types\.yml:9:12 stories\[0\]\.title: must be a string, got a list$/]],
    ["unknown keys", "keys.yml", sub("    title: First", "    title: First\n    dependOn: []"), [/^keys\.yml:10:5 stories\[0\]\.dependOn: unknown key "dependOn" \(did you mean "dependsOn"\?\)$/]],
    ["a missing key", "req.yml", sub("    tester: t\n    implementer: t\n  - id: demo-002", "    implementer: t\n  - id: demo-002"), [/^req\.yml:8:5 stories\[0\]\.tester: required$/]],
    ["a bad name", "name.yml", sub("name: demo", "name: Demo!"), [/^name\.yml:1:7 name: "Demo!" is not a plan name/]],
    ["maxParallel out of range", "par.yml", sub("name: demo", "name: demo\nmaxParallel: 20"), [/^par\.yml:2:14 maxParallel: must be from 1 to 10 \(got 20\)$/]],
    ["a bad duration", "dur.yml", sub("run: node t.mjs", "run: node t.mjs\n    timeout: 5 min"), [/^dur\.yml:7:14 agents\.t\.timeout: "5 min" is not a duration/]],
    ["a bad story id", "id.yml", sub("id: demo-001", "id: Demo_001").replace("[demo-001]", "[Demo_001]"), [/^id\.yml:8:9 stories\[0\]\.id: "Demo_001" is not a story id/]],
    ["a multi-line title", "title.yml", sub("title: First", 'title: "a\\nb"'), [/^title\.yml:9:12 stories\[0\]\.title: must be a single line$/]],
    ["duplicate ids", "dup.yml", sub("id: demo-002", "id: demo-001").replace("    dependsOn: [demo-001]\n", ""), [/^dup\.yml:13:9 stories\[1\]\.id: duplicate story id "demo-001" \(first used by stories\[0\], line 8\)$/]],
    ["an unknown dependency", "dep.yml", sub("[demo-001]", "[demo-009]"), [/^dep\.yml:18:17 stories\[1\]\.dependsOn\[0\]: unknown story "demo-009"$/]],
    ["a self dependency", "self.yml", sub("[demo-001]", "[demo-002]"), [/^self\.yml:18:17 stories\[1\]\.dependsOn\[0\]: story "demo-002" depends on itself$/]],
    ["a cycle", "cycle.yml", sub("    implementer: t\n  - id: demo-002", "    implementer: t\n    dependsOn: [demo-002]\n  - id: demo-002"), [/^cycle\.yml:13:17 stories\[0\]\.dependsOn\[0\]: cycle: demo-001 -> demo-002 -> demo-001$/]],
    ["an unknown agent", "agent.yml", sub("    implementer: t\n    dependsOn", "    implementer: dev\n    dependsOn"), [/^agent\.yml:17:18 stories\[1\]\.implementer: unknown agent "dev" \(agents defines "t"\)$/]],
    ["a story missing from waves", "w1.yml", `${PLAN}waves:\n  - [demo-001]\n`, [/^w1\.yml:19:1 waves: story "demo-002" is in no wave$/]],
    ["a dependency in the same wave", "w2.yml", `${PLAN}waves:\n  - [demo-001, demo-002]\n`, [/^w2\.yml:20:16 waves\[0\]\[1\]: "demo-002" depends on "demo-001", which is in wave 1: a dependency must be in an earlier wave$/]],
    ["an absolute testFile", "abs.yml", sub("testFile: test/one.test.mjs", "testFile: /etc/passwd"), [/^abs\.yml:10:15 stories\[0\]\.testFile: must be relative to the repository root, not absolute \("\/etc\/passwd"\)$/]],
    ["a file leaving the repository", "out.yml", sub("    title: First", "    title: First\n    file: ../../x.md"), [/^out\.yml:10:11 stories\[0\]\.file: leaves the repository \("\.\.\/\.\.\/x\.md"\)$/]],
    ["a test command without {testFile}", "cmd.yml", sub("node --test {testFile}", "npm test"), [/^cmd\.yml:3:12 test\.command: must contain \{testFile\}/]],
    ["a missing story file", "story.yml", sub("    title: First", "    title: First\n    file: docs/none.md"), [/^story\.yml:10:11 stories\[0\]\.file: story file "docs\/none\.md" is missing$/]],
    ["a story file without a checkbox", "noac.yml", sub("    title: First", "    title: First\n    file: docs/noac.md"), [/^noac\.yml:10:11 stories\[0\]\.file: story file "docs\/noac\.md" has no acceptance-criteria checkbox/]],
    [
      "several problems at once",
      "many.yml",
      sub("name: demo", "name: Demo!\nextra: 1").replace("[demo-001]", "[nope]").replace("implementer: t\n  - id", "implementer: ghost\n  - id"),
      [/^many\.yml:1:7 name: /, /^many\.yml:2:1 extra: unknown key "extra"$/, /^many\.yml:13:18 stories\[0\]\.implementer: unknown agent "ghost"/, /^many\.yml:19:17 stories\[1\]\.dependsOn\[0\]: unknown story "nope"$/],
    ],
  ];

  // Each case has its own plan file, so the processes can run side by side.
  it.concurrent.each(cases)("%s", async (_what, file, content, expected) => {
    if (content === "DIR") mkdirSync(join(repo, file), { recursive: true });
    else if (content !== null) write(file, content);
    const lines = expectInvalid(await run([file]), file);
    expect(lines).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(lines[i]).toMatch(re));
  });
});
