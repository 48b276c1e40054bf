// loadPlan on real files: the example plan, path and digest, story files, and every kind of bad file.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { firstInvalidUtf8, loadPlan, PlanError } from "../../src/adapters/plan-loader.js";
import { formatIssue } from "../../src/core/plan/parse.js";

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), "../../examples");

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
    file: docs/second.md
    testFile: test/two.test.mjs
    tester: t
    implementer: t
    dependsOn: [demo-001]
`;
const STORY = "# demo: x\n\n**Status:** ⏳ Pending\n\n## Acceptance Criteria\n- [ ] it works\n\n## Completion\n";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "tdd-waves-loader-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, content: string | Buffer): string {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
  return full;
}

/** The formatted issues of a load that must fail with a PlanError. */
async function loadErrors(planPath: string, repoRoot = root, cwd?: string): Promise<string[]> {
  const error = await loadPlan(planPath, repoRoot, cwd ? { cwd } : {}).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlanError);
  const issues = (error as PlanError).issues;
  expect((error as PlanError).message).toBe(issues.map(formatIssue).join("\n"));
  return issues.map(formatIssue);
}

describe("loadPlan", () => {
  it("loads the example plan with examples/ as the repository root", async () => {
    const loaded = await loadPlan(join(EXAMPLES, "plan.yml"), EXAMPLES);
    expect(loaded.plan.name).toBe("jwt-auth");
    expect(loaded.path).toBe("plan.yml");
    expect(loaded.waves).toEqual([
      ["auth-core-001", "auth-core-002"],
      ["auth-core-003", "auth-core-004"],
      ["auth-api-001", "auth-api-002", "auth-api-003"],
    ]);
    expect(new Set(loaded.plan.stories.map((s) => s.epic))).toEqual(new Set(["auth-core", "auth-api"]));
    expect(loaded.plan.agents.tester?.run).toBe("node agents/tester.mjs");
    expect(loaded.plan.test.command).toBe("node --test {testFile}");
  });

  it("returns the path relative to the root and the sha256 of the bytes", async () => {
    const bytes = Buffer.from(`\uFEFF${PLAN}`);
    write("plans/demo.yml", bytes);
    write("stories/demo-001.md", STORY);
    write("docs/second.md", STORY.replace(/\n/g, "\r\n"));
    const loaded = await loadPlan("plans/demo.yml", ".", { cwd: root });
    expect(loaded.path).toBe("plans/demo.yml");
    expect(loaded.digest).toBe(`sha256:${createHash("sha256").update(bytes).digest("hex")}`);
    expect(loaded.waves).toEqual([["demo-001"], ["demo-002"]]);
    expect(loaded.plan.stories[1]?.file).toBe("docs/second.md");
  });

  it("reports missing story files and files without a checkbox, all together", async () => {
    write("plan.yml", PLAN);
    write("stories/demo-001.md", "# demo-001\n\n## Acceptance Criteria\n- nothing to check\n");
    mkdirSync(join(root, "docs/second.md"), { recursive: true });
    expect(await loadErrors("plan.yml", ".", root)).toEqual([
      'plan.yml:8:9 stories[0].id: story file "stories/demo-001.md" has no acceptance-criteria checkbox: add "- [ ] …" items under a "## Acceptance Criteria" heading',
      'plan.yml:15:11 stories[1].file: story file "docs/second.md" is missing',
    ]);
  });

  it("reads a directory of many story files (one listing) and still tells every kind of bad one apart", async () => {
    // 40 stories, so their directory is listed once rather than each file checked with a stat.
    const ids = Array.from({ length: 40 }, (_, i) => `many-${String(i).padStart(3, "0")}`);
    const stories = ids.map((id) => `  - { id: ${id}, title: T, testFile: t/${id}.mjs, tester: t, implementer: t }`);
    write("many.yml", `name: many\ntest: { command: "node --test {testFile}" }\nagents: { t: { run: r } }\nstories:\n${stories.join("\n")}\n`);
    for (const id of ids.slice(5)) write(`stories/${id}.md`, STORY);
    mkdirSync(join(root, "stories/many-000.md"));
    write("stories/elsewhere.md", STORY);
    symlinkSync(join(root, "stories/elsewhere.md"), join(root, "stories/many-001.md"));
    symlinkSync(join(root, "stories/nowhere.md"), join(root, "stories/many-002.md"));
    write("stories/many-003.md", "# many-003\n\n## Acceptance Criteria\nnothing yet\n");
    // stories/many-004.md is simply not there; a large file is read in several chunks.
    write("stories/many-039.md", `# many-039\n\n${"filler line\n".repeat(20_000)}## Acceptance Criteria\n- [ ] still found\n`);
    const line = (i: number): number => 5 + i;
    expect(await loadErrors("many.yml", ".", root)).toEqual([
      `many.yml:${line(0)}:11 stories[0].id: story file "stories/many-000.md" is missing`,
      `many.yml:${line(2)}:11 stories[2].id: story file "stories/many-002.md" is missing`,
      `many.yml:${line(3)}:11 stories[3].id: story file "stories/many-003.md" has no acceptance-criteria checkbox: add "- [ ] …" items under a "## Acceptance Criteria" heading`,
      `many.yml:${line(4)}:11 stories[4].id: story file "stories/many-004.md" is missing`,
    ]);
  });

  it("names the file as given in every message", async () => {
    write("p.yml", "name: [\n");
    expect(await loadErrors("p.yml", ".", root)).toEqual([expect.stringMatching(/^p\.yml:2:1: YAML syntax error: /)]);
  });

  it.each([
    ["a missing file", "nope.yml", undefined, "nope.yml:1:1: plan file not found"],
    ["a directory", "dir.yml", "dir", "dir.yml:1:1: is a directory, not a plan file"],
    ["an empty file", "empty.yml", "", "empty.yml:1:1: the plan file is empty"],
    ["whitespace only", "blank.yml", " \n\n\t\n", "blank.yml:1:1: the plan file is empty"],
    ["only a byte-order mark", "bom.yml", "\uFEFF", "bom.yml:1:1: the plan file is empty"],
    ["NUL bytes", "bin.yml", Buffer.from("name: x\nab\u0000cd"), "bin.yml:2:3: binary content (a NUL byte): a plan is a YAML or JSON text file"],
    ["invalid UTF-8", "latin1.yml", Buffer.from([0x6e, 0x3a, 0x20, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]), "latin1.yml:2:4: not UTF-8 text (byte 0xe9): save the plan as UTF-8"],
    ["another extension", "plan.toml", PLAN, "plan.toml:1:1: unsupported plan file extension: use .yml, .yaml or .json"],
  ])("refuses %s", async (_what, name, content, expected) => {
    if (content === "dir") mkdirSync(join(root, name));
    else if (content !== undefined) write(name, content);
    expect(await loadErrors(name, ".", root)).toEqual([expected]);
  });

  it("refuses a plan outside the repository root", async () => {
    const outside = mkdtempSync(join(tmpdir(), "tdd-waves-outside-"));
    try {
      writeFileSync(join(outside, "plan.yml"), PLAN);
      const [message] = await loadErrors(join(outside, "plan.yml"), root);
      expect(message).toMatch(/plan\.yml:1:1: the plan file is outside the repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("follows a symlinked repository root to the same relative path", async () => {
    write("plan.yml", PLAN);
    write("stories/demo-001.md", STORY);
    write("docs/second.md", STORY);
    const link = `${root}-link`;
    symlinkSync(root, link);
    try {
      expect((await loadPlan(join(link, "plan.yml"), root)).path).toBe("plan.yml");
    } finally {
      rmSync(link, { force: true });
    }
  });
});

describe("loadPlan: no path leaves the repository through a symbolic link", () => {
  let outside: string;
  beforeEach(() => {
    outside = mkdtempSync(join(tmpdir(), "tdd-waves-elsewhere-"));
    write("stories/demo-001.md", STORY);
    write("docs/second.md", STORY);
  });
  afterEach(() => rmSync(outside, { recursive: true, force: true }));

  const elsewhere = (): string => realpathSync(outside);

  it("refuses a stories directory that is a link out of the repository, once, at storiesDir", async () => {
    rmSync(join(root, "stories"), { recursive: true });
    writeFileSync(join(outside, "demo-001.md"), STORY);
    symlinkSync(outside, join(root, "stories"));
    write("plan.yml", PLAN);
    expect(await loadErrors("plan.yml", root, root)).toEqual([
      `plan.yml:1:1 storiesDir: "stories" leaves the repository: it is a symbolic link to "${elsewhere()}"; tdd-waves reads and writes only inside the repository`,
    ]);
    write("plan2.yml", PLAN.replace("test:", "storiesDir: stories\ntest:"));
    expect(await loadErrors("plan2.yml", root, root)).toEqual([
      `plan2.yml:2:13 storiesDir: "stories" leaves the repository: it is a symbolic link to "${elsewhere()}"; tdd-waves reads and writes only inside the repository`,
    ]);
  });

  it("refuses a test file, a story file and a JUnit directory that leave through links, each at its key", async () => {
    symlinkSync(join(outside, "t.mjs"), join(root, "test-link.mjs")); // to a file that does not exist yet
    mkdirSync(join(root, "test"));
    symlinkSync(outside, join(root, "test", "out"));
    symlinkSync(outside, join(root, "reports"));
    rmSync(join(root, "docs/second.md"));
    symlinkSync(join(outside, "second.md"), join(root, "docs/second.md"));
    writeFileSync(join(outside, "second.md"), STORY);
    const plan = PLAN.replace("command: node --test {testFile}", "command: node --test {testFile}\n  junit: reports/{storyId}.xml")
      .replace("testFile: test/one.test.mjs", "testFile: test-link.mjs")
      .replace("testFile: test/two.test.mjs", "testFile: test/out/deep/two.test.mjs");
    write("plan.yml", plan);
    const link = (target: string): string => `it is a symbolic link to "${target}"`;
    expect(await loadErrors("plan.yml", root, root)).toEqual([
      `plan.yml:4:10 test.junit: "reports/demo-001.xml" leaves the repository: it passes through "reports", a symbolic link to "${elsewhere()}"; tdd-waves reads and writes only inside the repository`,
      `plan.yml:11:15 stories[0].testFile: "test-link.mjs" leaves the repository: ${link(join(elsewhere(), "t.mjs"))}; tdd-waves reads and writes only inside the repository`,
      `plan.yml:16:11 stories[1].file: "docs/second.md" leaves the repository: ${link(join(elsewhere(), "second.md"))}; tdd-waves reads and writes only inside the repository`,
      `plan.yml:17:15 stories[1].testFile: "test/out/deep/two.test.mjs" leaves the repository: it passes through "test/out", a symbolic link to "${elsewhere()}"; tdd-waves reads and writes only inside the repository`,
    ]);
  });

  it("refuses prompt templates that leave, and accepts links that stay inside", async () => {
    symlinkSync(join(outside, "p.md"), join(root, "tester.md"));
    mkdirSync(join(root, "real-tests"));
    symlinkSync(join(root, "real-tests"), join(root, "test"));
    symlinkSync(join(root, "docs", "second.md"), join(root, "second-link.md"));
    const plan = PLAN.replace("test:", "prompts: { tester: tester.md }\ntest:").replace("file: docs/second.md", "file: second-link.md");
    write("plan.yml", plan);
    expect(await loadErrors("plan.yml", root, root)).toEqual([
      `plan.yml:2:20 prompts.tester: "tester.md" leaves the repository: it is a symbolic link to "${join(elsewhere(), "p.md")}"; tdd-waves reads and writes only inside the repository`,
    ]);
    write("plan.yml", plan.replace("prompts: { tester: tester.md }\n", ""));
    expect((await loadPlan("plan.yml", root, { cwd: root })).plan.stories.map((s) => s.testFile)).toEqual(["test/one.test.mjs", "test/two.test.mjs"]);
  });
});

describe("firstInvalidUtf8", () => {
  it.each([
    [[0x61, 0xc3, 0xa9], -1],
    [[0xf0, 0x9f, 0x98, 0x80], -1],
    [[0x61, 0xc0, 0xaf], 1],
    [[0xe0, 0x80, 0x80], 0],
    [[0xed, 0xa0, 0x80], 0],
    [[0xf4, 0x90, 0x80, 0x80], 0],
    [[0x61, 0x62, 0xe2, 0x82], 2],
    [[0x80], 0],
  ])("%j -> %i", (bytes, expected) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(expected);
    let decoderAccepts = true;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bytes));
    } catch {
      decoderAccepts = false;
    }
    expect(decoderAccepts).toBe(expected === -1);
  });

  it("agrees with the example files being UTF-8", () => {
    expect(firstInvalidUtf8(readFileSync(join(EXAMPLES, "stories/auth-core-001.md")))).toBe(-1);
  });
});
