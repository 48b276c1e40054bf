// Plan file parsing and validation (SPEC §1): defaults, every rule, located messages, story-file checks, schema file.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkStoryFiles, formatIssue, hasAcceptanceCheckbox, parseDuration, parsePlan, planJsonSchemaText } from "../../src/core/plan/parse.js";
import type { Plan } from "../../src/core/plan/model.js";

const BASE = `name: jwt-auth
test:
  command: npx vitest run {testFile}
agents:
  unit-test:
    run: ./agents/tester.sh
  backend-dev:
    run: claude -p "$TDD_WAVES_PROMPT"
stories:
  - id: msm-auth-001
    title: Schema + AuthService
    testFile: src/__tests__/auth.test.ts
    tester: unit-test
    implementer: backend-dev
  - id: msm-auth-002
    title: Login endpoint
    testFile: src/__tests__/login.test.ts
    tester: unit-test
    implementer: backend-dev
    dependsOn: [msm-auth-001]
`;

/** The formatted errors of a YAML plan text. */
function errorsOf(text: string, file = "plan.yml"): string[] {
  const { plan, errors } = parsePlan(text, file);
  expect(plan).toBeUndefined();
  return errors.map(formatIssue);
}

function planOf(text: string, file = "plan.yml"): Plan {
  const { plan, errors } = parsePlan(text, file);
  expect(errors.map(formatIssue)).toEqual([]);
  return plan as Plan;
}

/** 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string, nth = 1): number {
  let seen = 0;
  const lines = text.split("\n");
  const i = lines.findIndex((l) => l.includes(needle) && ++seen === nth);
  if (i < 0) throw new Error(`not found: ${needle}`);
  return i + 1;
}

describe("parsePlan: a valid plan", () => {
  it("applies the defaults of SPEC §1", () => {
    const plan = planOf(BASE);
    expect(plan.name).toBe("jwt-auth");
    expect(plan.maxParallel).toBe(10);
    expect(plan.storiesDir).toBe("stories");
    expect(plan.test).toEqual({ command: "npx vitest run {testFile}", timeoutMs: 10 * 60_000 });
    expect(plan.tdd).toEqual({ requireRed: true, lockTests: true });
    expect(plan.prompts).toEqual({});
    expect(plan.agents["unit-test"]).toEqual({ name: "unit-test", run: "./agents/tester.sh", timeoutMs: 30 * 60_000, env: {} });
    expect(plan.waves).toBeUndefined();
    expect(plan.stories.map((s) => [s.id, s.index, s.epic, s.file, s.dependsOn])).toEqual([
      ["msm-auth-001", 0, "msm-auth", "stories/msm-auth-001.md", []],
      ["msm-auth-002", 1, "msm-auth", "stories/msm-auth-002.md", ["msm-auth-001"]],
    ]);
  });

  it("keeps given values and normalises paths", () => {
    const text = `name: p.x_y-1
maxParallel: 3
storiesDir: ./docs/stories/
test:
  command: node --test {testFile}
  junit: reports/{storyId}.xml
  timeout: 1h30m
prompts:
  tester: prompts/tester.md
tdd:
  requireRed: false
  lockTests: false
agents:
  a:
    run: node a.mjs
    timeout: 90s
    env: { MODEL: fast, LEVEL: "3" }
stories:
  - id: one
    title: "  One  "
    epic: core
    file: ./docs/one.md
    testFile: ./test//one.test.mjs
    tester: a
    implementer: a
waves:
  - [one]
`;
    const plan = planOf(text);
    expect(plan.maxParallel).toBe(3);
    expect(plan.storiesDir).toBe("docs/stories");
    expect(plan.test).toEqual({ command: "node --test {testFile}", junit: "reports/{storyId}.xml", timeoutMs: 90 * 60_000 });
    expect(plan.prompts).toEqual({ tester: "prompts/tester.md" });
    expect(plan.tdd).toEqual({ requireRed: false, lockTests: false });
    expect(plan.agents.a).toEqual({ name: "a", run: "node a.mjs", timeoutMs: 90_000, env: { MODEL: "fast", LEVEL: "3" } });
    expect(plan.stories[0]).toMatchObject({ id: "one", title: "One", epic: "core", file: "docs/one.md", testFile: "test/one.test.mjs" });
    expect(plan.waves).toEqual([["one"]]);
  });

  it("puts default story files under storiesDir, and at the root for storiesDir '.'", () => {
    expect(planOf(BASE.replace("test:", "storiesDir: docs\ntest:")).stories[0]?.file).toBe("docs/msm-auth-001.md");
    expect(planOf(BASE.replace("test:", "storiesDir: .\ntest:")).stories[0]?.file).toBe("msm-auth-001.md");
  });

  it("reads the same plan from JSON, and tolerates a byte-order mark", () => {
    const json = JSON.stringify({
      name: "j",
      test: { command: "t {testFile}" },
      agents: { a: { run: "x" } },
      stories: [{ id: "s-1", title: "S", testFile: "t.js", tester: "a", implementer: "a" }],
    });
    expect(planOf(json, "plan.json").stories[0]?.epic).toBe("s");
    expect(planOf(`\uFEFF${json}`, "plan.JSON").name).toBe("j");
    expect(planOf(`\uFEFF${BASE}`, "plan.yaml").name).toBe("jwt-auth");
  });

  it("an id without a dash is its own epic", () => {
    expect(planOf(BASE.replace("msm-auth-001\n    title", "solo\n    title").replace("[msm-auth-001]", "[solo]")).stories[0]?.epic).toBe("solo");
  });
});

describe("parseDuration", () => {
  it.each([
    ["10m", 600_000],
    ["30s", 30_000],
    ["1h", 3_600_000],
    ["90s", 90_000],
    ["1h30m", 5_400_000],
    ["1h0m5s", 3_605_000],
  ])("%s is %i ms", (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(["", "10", "m", "10 m", "1m1h", "1.5h", "-1m", "10min", "1h 30m", "10M"])("rejects %j", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe("parsePlan: located errors", () => {
  it("reports an unknown dependency at the dependency, as in the SPEC example", () => {
    const text = BASE.replace("dependsOn: [msm-auth-001]", "dependsOn:\n      - msm-auth-009");
    expect(errorsOf(text)).toEqual([`plan.yml:${lineOf(text, "- msm-auth-009")}:9 stories[1].dependsOn[0]: unknown story "msm-auth-009"`]);
  });

  it("suggests the closest id for a typo", () => {
    const text = BASE.replace("dependsOn: [msm-auth-001]", "dependsOn: [msm-auth-01]");
    expect(errorsOf(text)).toEqual([`plan.yml:${lineOf(text, "msm-auth-01]")}:17 stories[1].dependsOn[0]: unknown story "msm-auth-01" (did you mean "msm-auth-001"?)`]);
  });

  it("collects every error in one pass, schema and rules together, in file order", () => {
    const text = `name: Bad Name
maxParallel: 11
test:
  command: npm test
  timeout: 10 minutes
agents:
  t:
    run: x
stories:
  - id: a-1
    title: A
    testFile: /abs.ts
    tester: t
    implementer: nobody
    dependsOn: [a-1, a-9]
    colour: red
`;
    expect(errorsOf(text)).toEqual([
      'plan.yml:1:7 name: "Bad Name" is not a plan name: lowercase letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters',
      "plan.yml:2:14 maxParallel: must be from 1 to 10 (got 11)",
      "plan.yml:4:12 test.command: must contain {testFile}, which is replaced by the story's test file",
      'plan.yml:5:12 test.timeout: "10 minutes" is not a duration: write a number with h, m or s, like "10m", "90s" or "1h30m"',
      'plan.yml:12:15 stories[0].testFile: must be relative to the repository root, not absolute ("/abs.ts")',
      'plan.yml:14:18 stories[0].implementer: unknown agent "nobody" (agents defines "t")',
      'plan.yml:15:17 stories[0].dependsOn[0]: story "a-1" depends on itself',
      'plan.yml:15:22 stories[0].dependsOn[1]: unknown story "a-9"',
      'plan.yml:16:5 stories[0].colour: unknown key "colour"',
    ]);
  });

  it("says 'required' for a missing key, located at the mapping that lacks it", () => {
    const text = BASE.replace("    title: Login endpoint\n", "");
    expect(errorsOf(text)).toEqual([`plan.yml:${lineOf(text, "msm-auth-002")}:5 stories[1].title: required`]);
    expect(errorsOf(BASE.replace("name: jwt-auth\n", ""))).toEqual(["plan.yml:1:1 name: required"]);
  });

  it("words wrong types plainly", () => {
    const text = BASE.replace("title: Login endpoint", "title: 42").replace("dependsOn: [msm-auth-001]", "dependsOn: msm-auth-001");
    expect(errorsOf(text)).toEqual([
      `plan.yml:${lineOf(text, "title: 42")}:12 stories[1].title: must be a string, got the number 42 (put the value in quotes)`,
      `plan.yml:${lineOf(text, "dependsOn: msm")}:16 stories[1].dependsOn: must be a list, got "msm-auth-001"`,
    ]);
    expect(errorsOf(BASE.replace("title: Login endpoint", "title:"))).toEqual([
      `plan.yml:${lineOf(BASE, "title: Login")}:5 stories[1].title: has no value (expected a string)`,
    ]);
    expect(errorsOf(BASE.replace("test:\n  command: npx vitest run {testFile}", "test: [a]"))).toEqual([
      "plan.yml:2:7 test: must be a mapping (key: value), got a list",
    ]);
  });

  it("suggests the key meant by an unknown key", () => {
    const text = BASE.replace("dependsOn: [msm-auth-001]", "depends_on: [msm-auth-001]").replace("name: jwt-auth", "name: jwt-auth\nmaxParalel: 2");
    expect(errorsOf(text)).toEqual([
      'plan.yml:2:1 maxParalel: unknown key "maxParalel" (did you mean "maxParallel"?)',
      `plan.yml:${lineOf(text, "depends_on")}:5 stories[1].depends_on: unknown key "depends_on" (did you mean "dependsOn"?)`,
    ]);
  });

  it("checks names, ids, titles and maxParallel", () => {
    const text = BASE.replace("msm-auth-001\n    title", "MSM_1\n    title")
      .replace("title: Login endpoint", 'title: "two\\nlines"')
      .replace("name: jwt-auth", "name: jwt-auth\nmaxParallel: 0.5");
    expect(errorsOf(text)).toEqual([
      "plan.yml:2:14 maxParallel: must be a whole number from 1 to 10 (got 0.5)",
      `plan.yml:11:9 stories[0].id: "MSM_1" is not a story id: lowercase letters, digits and "-", starting with a letter or digit, at most 64 characters`,
      `plan.yml:17:12 stories[1].title: must be a single line`,
      `plan.yml:21:17 stories[1].dependsOn[0]: unknown story "msm-auth-001"`,
    ]);
    expect(errorsOf(BASE.replace("title: Login endpoint", 'title: "  "'))).toEqual([`plan.yml:16:12 stories[1].title: must not be empty`]);
  });

  it("reports duplicate ids at the second one, naming the first", () => {
    const text = BASE.replace("id: msm-auth-002", "id: msm-auth-001").replace("dependsOn: [msm-auth-001]", "");
    expect(errorsOf(text)).toEqual([`plan.yml:15:9 stories[1].id: duplicate story id "msm-auth-001" (first used by stories[0], line 10)`]);
  });

  it("names a dependency cycle in full, once", () => {
    const text = `${BASE.replace("    dependsOn: [msm-auth-001]\n", "    dependsOn: [msm-auth-003]\n")}  - id: msm-auth-003
    title: Tokens
    testFile: t3.ts
    tester: unit-test
    implementer: backend-dev
    dependsOn: [msm-auth-001]
`.replace("    implementer: backend-dev\n  - id: msm-auth-002", "    implementer: backend-dev\n    dependsOn: [msm-auth-002]\n  - id: msm-auth-002");
    expect(errorsOf(text)).toEqual([`plan.yml:15:17 stories[0].dependsOn[0]: cycle: msm-auth-001 -> msm-auth-002 -> msm-auth-003 -> msm-auth-001`]);
  });

  it("reports separate cycles separately", () => {
    const stories = ["a-1:a-2", "a-2:a-1", "b-1:b-2", "b-2:b-1", "c-1:"].map((s) => {
      const [id, dep] = s.split(":");
      return `  - { id: ${id}, title: T, testFile: t.ts, tester: t, implementer: t, dependsOn: [${dep}] }`;
    });
    const text = `name: p\ntest: { command: "x {testFile}" }\nagents: { t: { run: x } }\nstories:\n${stories.join("\n")}\n`;
    expect(errorsOf(text)).toEqual([
      "plan.yml:5:81 stories[0].dependsOn[0]: cycle: a-1 -> a-2 -> a-1",
      "plan.yml:7:81 stories[2].dependsOn[0]: cycle: b-1 -> b-2 -> b-1",
    ]);
  });

  it("checks every agent a story names", () => {
    const text = BASE.replace("tester: unit-test\n    implementer: backend-dev\n    dependsOn", "tester: unit-tst\n    implementer: backend-dev\n    dependsOn");
    expect(errorsOf(text)).toEqual([`plan.yml:18:13 stories[1].tester: unknown agent "unit-tst" (did you mean "unit-test"?)`]);
  });

  it.each([
    ["/etc/passwd", 'must be relative to the repository root, not absolute ("/etc/passwd")'],
    ["../outside.ts", 'leaves the repository ("../outside.ts")'],
    ["a/../../outside.ts", 'leaves the repository ("a/../../outside.ts")'],
    ["a/../b.ts", 'must not contain ".." ("a/../b.ts")'],
    ["\\\\server\\share\\x.ts", 'must be relative to the repository root, not absolute ("\\\\server\\share\\x.ts")'],
    ["C:/x.ts", 'must be relative to the repository root, not a drive path ("C:/x.ts")'],
    ["c:x.ts", 'must be relative to the repository root, not a drive path ("c:x.ts")'],
    ["src\\x.ts", 'use "/" between directories, not "\\" ("src\\x.ts")'],
    ["~/x.ts", 'must be relative to the repository root ("~" is not expanded)'],
    [".git/hooks/pre-commit", "must not point into .git"],
    [".", "must name a file, not the repository root"],
  ])("refuses testFile %j and file %j", (bad, message) => {
    const quoted = JSON.stringify(bad);
    const text = BASE.replace("testFile: src/__tests__/auth.test.ts", `testFile: ${quoted}\n    file: ${quoted}`);
    expect(errorsOf(text)).toEqual([`plan.yml:12:15 stories[0].testFile: ${message}`, `plan.yml:13:11 stories[0].file: ${message}`]);
  });

  it("checks storiesDir, prompts and the junit path too", () => {
    const text = BASE.replace("test:\n  command: npx vitest run {testFile}", 'storiesDir: /s\nprompts: { tester: ../p.md }\ntest:\n  command: npx vitest run {testFile}\n  junit: "/tmp/{storyId}.xml"');
    expect(errorsOf(text)).toEqual([
      'plan.yml:2:13 storiesDir: must be relative to the repository root, not absolute ("/s")',
      'plan.yml:3:20 prompts.tester: leaves the repository ("../p.md")',
      'plan.yml:6:10 test.junit: must be relative to the repository root, not absolute ("/tmp/story.xml")',
    ]);
  });

  it("refuses two stories sharing one story file", () => {
    const text = BASE.replace("testFile: src/__tests__/login.test.ts", "testFile: src/__tests__/login.test.ts\n    file: stories/msm-auth-001.md");
    expect(errorsOf(text)).toEqual([
      `plan.yml:18:11 stories[1].file: story file "stories/msm-auth-001.md" is also the story file of "msm-auth-001" (stories[0]): each story needs its own`,
    ]);
  });

  it("checks durations: format, zero, and an upper bound", () => {
    const text = BASE.replace("run: ./agents/tester.sh", "run: ./agents/tester.sh\n    timeout: 0m").replace(
      "command: npx vitest run {testFile}",
      "command: npx vitest run {testFile}\n  timeout: 48h",
    );
    expect(errorsOf(text)).toEqual(['plan.yml:4:12 test.timeout: "48h" is too long: at most 24h', "plan.yml:8:14 agents.unit-test.timeout: must be longer than 0s"]);
    expect(errorsOf(BASE.replace("{testFile}", "{testFile}\n  timeout: 600"))).toEqual([
      'plan.yml:4:12 test.timeout: must be a duration: a number with h, m or s, like "10m", "90s" or "1h30m" (got 600)',
    ]);
  });

  it("checks agent env names and values", () => {
    const text = BASE.replace("run: ./agents/tester.sh", 'run: ./agents/tester.sh\n    env: { DEBUG: 1, 9X: "a", OK: "b" }');
    expect(errorsOf(text)).toEqual([
      'plan.yml:7:19 agents.unit-test.env.DEBUG: environment values are strings: put it in quotes ("1")',
      'plan.yml:7:22 agents.unit-test.env["9X"]: "9X" is not an environment variable name (letters, digits and "_", not starting with a digit)',
    ]);
  });

  describe("explicit waves", () => {
    const withWaves = (waves: string): string => `${BASE}waves:\n${waves}`;

    it("accepts waves that respect the dependencies", () => {
      expect(planOf(withWaves("  - [msm-auth-001]\n  - [msm-auth-002]\n")).waves).toEqual([["msm-auth-001"], ["msm-auth-002"]]);
    });

    it("needs every story exactly once, every dependency in an earlier wave, only known stories", () => {
      const text = withWaves("  - [msm-auth-002, msm-auth-001, msm-auth-001]\n  - [nope]\n");
      expect(errorsOf(text)).toEqual([
        'plan.yml:22:6 waves[0][0]: "msm-auth-002" depends on "msm-auth-001", which is in wave 1: a dependency must be in an earlier wave',
        'plan.yml:22:34 waves[0][2]: "msm-auth-001" is already in wave 1 (waves[0][1]): each story goes in exactly one wave',
        'plan.yml:23:6 waves[1][0]: unknown story "nope"',
      ]);
      expect(errorsOf(withWaves("  - [msm-auth-001]\n"))).toEqual(['plan.yml:21:1 waves: story "msm-auth-002" is in no wave']);
      expect(errorsOf(withWaves("  - [msm-auth-002]\n  - [msm-auth-001]\n"))).toEqual([
        'plan.yml:22:6 waves[0][0]: "msm-auth-002" depends on "msm-auth-001", which is in wave 2: a dependency must be in an earlier wave',
      ]);
      expect(errorsOf(withWaves("  - []\n"))).toEqual([
        'plan.yml:21:1 waves: story "msm-auth-001" is in no wave',
        'plan.yml:21:1 waves: story "msm-auth-002" is in no wave',
        "plan.yml:22:5 waves[0]: a wave lists at least one story",
      ]);
    });
  });

  describe("syntax and file-level errors", () => {
    it("reports YAML syntax errors with line and column, and nothing else", () => {
      const [first, ...rest] = errorsOf("name: x\nstories:\n  - id: a\n   title: [unclosed\n");
      expect(first).toMatch(/^plan\.yml:4:\d+: YAML syntax error: /);
      for (const e of rest) expect(e).toMatch(/^plan\.yml:\d+:\d+: YAML syntax error: /);
      expect(errorsOf("name: a\nname: b\n")).toEqual(["plan.yml:2:1: YAML syntax error: duplicate key (each key may appear once in a mapping)"]);
      expect(errorsOf("name: a\n\tb: 1\n")[0]).toMatch(/^plan\.yml:2:1: YAML syntax error: /);
    });

    it("reports JSON syntax errors with line and column, including what YAML would accept", () => {
      expect(errorsOf('{\n  "name": "x",\n  "stories": [1,],\n}', "plan.json")).toEqual(['plan.json:3:17: JSON syntax error: trailing comma before "]"']);
      expect(errorsOf('{\n  name: "x"\n}', "plan.json")).toEqual(['plan.json:2:3: JSON syntax error: expected a key in double quotes, found "name"']);
      expect(errorsOf('{"a": 1} // c', "plan.json")).toEqual(["plan.json:1:10: JSON syntax error: comments are not allowed in JSON"]);
      expect(errorsOf('{"a": [1, 2', "plan.json")).toEqual(['plan.json:1:12: JSON syntax error: unexpected end of file: missing "]"']);
      expect(errorsOf("{'a': 1}", "plan.json")).toEqual(["plan.json:1:2: JSON syntax error: strings and keys take double quotes in JSON, not single quotes"]);
      expect(errorsOf('{\n  "name": "a",\n  "name": "b"\n}', "plan.json")).toEqual([
        'plan.json:3:3: JSON syntax error: duplicate key "name" (each key may appear once in an object)',
      ]);
      expect(errorsOf('{"a": [1, 2] "b"}', "plan.json")).toEqual(['plan.json:1:14: JSON syntax error: expected "," between items, found "\\"b\\""']);
    });

    it("locates schema errors in JSON plans like in YAML", () => {
      const json = '{\n  "name": "x",\n  "test": { "command": "t {testFile}" },\n  "agents": { "a": { "run": "r" } },\n  "stories": [\n    { "id": "x-1", "title": "X", "testFile": "t.js", "tester": "a", "implementer": "b", "colour": 1 }\n  ]\n}';
      expect(errorsOf(json, "plan.json")).toEqual([
        'plan.json:6:84 stories[0].implementer: unknown agent "b" (agents defines "a")',
        'plan.json:6:89 stories[0].colour: unknown key "colour"',
      ]);
    });

    it("refuses other extensions", () => {
      expect(errorsOf(BASE, "plan.toml")).toEqual(["plan.toml:1:1: unsupported plan file extension: use .yml, .yaml or .json"]);
    });

    it("says what an empty or non-mapping plan is", () => {
      expect(errorsOf("# nothing here\n")).toEqual(["plan.yml:1:1: the plan is empty: it needs name, test, agents and stories"]);
      expect(errorsOf("- a\n- b\n")).toEqual(["plan.yml:1:1: the plan must be a mapping of keys (name, test, agents, stories, …), got a list"]);
      expect(errorsOf("[]", "p.json")).toEqual(["p.json:1:1: the plan must be a mapping of keys (name, test, agents, stories, …), got a list"]);
    });

    it("reports an alias to a missing anchor at the alias", () => {
      expect(errorsOf(`${BASE}waves: *nowhere\n`)[0]).toMatch(/^plan\.yml:21:8: YAML /);
    });

    it("survives absurd nesting with a located message", () => {
      const errors = parsePlan(`${"[".repeat(20_000)}${"]".repeat(20_000)}`, "deep.yml").errors;
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) expect(e.line).toBeGreaterThanOrEqual(1);
    });
  });
});

describe("acceptance-criteria checkboxes", () => {
  it.each([
    ["## Acceptance Criteria\n- [ ] one\n", true],
    ["### acceptance criteria (v2)\n* [x] done\n", true],
    ["## Acceptance Criteria\n\n+ [X] done\n", true],
    ["## Acceptance Criteria\n- item\n  - [ ] nested\n", true],
    ["## Acceptance Criteria\n1. [ ] ordered\n", true],
    ["## Acceptance Criteria\r\n- [ ] crlf\r\n", true],
    ["## Acceptance Criteria\n### Login\n- [ ] under a sub-heading\n", true],
    ["---\ntitle: x\n---\n# T\n## Acceptance Criteria\n- [ ] a\n", true],
    ["## Notes\n- [ ] not criteria\n", false],
    ["## Acceptance Criteria\n- plain item\n", false],
    ["## Acceptance Criteria\n## Completion\n- [ ] after the section\n", false],
    ["## Acceptance Criteria\n```\n- [ ] in a code block\n```\n", false],
    ["## Acceptance Criteria\n- [] no space\n", false],
    ["- [ ] before any heading\n", false],
  ])("%j -> %s", (markdown, expected) => expect(hasAcceptanceCheckbox(markdown)).toBe(expected));
});

describe("checkStoryFiles", () => {
  const ok = "# msm-auth-001: X\n\n## Acceptance Criteria\n- [ ] works\n";
  it("accepts files with a checkbox, and locates missing or checkbox-less ones at file, else id", () => {
    const text = BASE.replace("testFile: src/__tests__/login.test.ts", "testFile: src/__tests__/login.test.ts\n    file: docs/two.md");
    const plan = planOf(text);
    expect(checkStoryFiles(plan, "plan.yml", text, new Map([["stories/msm-auth-001.md", ok], ["docs/two.md", ok]]))).toEqual([]);
    const issues = checkStoryFiles(plan, "plan.yml", text, new Map([["stories/msm-auth-001.md", "# no criteria\n"], ["docs/two.md", null]]));
    expect(issues.map(formatIssue)).toEqual([
      'plan.yml:10:9 stories[0].id: story file "stories/msm-auth-001.md" has no acceptance-criteria checkbox: add "- [ ] …" items under a "## Acceptance Criteria" heading',
      'plan.yml:18:11 stories[1].file: story file "docs/two.md" is missing',
    ]);
  });
});

describe("plan.schema.json", () => {
  it("is the JSON Schema generated from planFileSchema (run `npx tsx scripts/plan-schema.ts` after changing the schema)", () => {
    const committed = readFileSync(new URL("../../plan.schema.json", import.meta.url), "utf8");
    expect(committed).toBe(planJsonSchemaText());
    const schema = JSON.parse(committed) as { required: string[]; additionalProperties: boolean };
    expect(schema.required).toEqual(["name", "test", "agents", "stories"]);
    expect(schema.additionalProperties).toBe(false);
  });
});

describe("anything plan accepts must run: names git refuses, control characters", () => {
  it.each([
    ["a..b", 'it must not contain ".."'],
    ["x.lock", 'it must not have a part ending in ".lock"'],
    ["trailing.", 'it must not end with "."'],
  ])("refuses the plan name %j, which git refuses in a branch name", (name, why) => {
    expect(errorsOf(BASE.replace("name: jwt-auth", `name: ${name}`))).toEqual([
      `plan.yml:1:7 name: "${name}" cannot be part of a git branch name (tdd-waves/${name}/<story>): ${why}`,
    ]);
  });

  it("accepts names git accepts", () => {
    for (const name of ["a.b", "x.lock1", "lock", "v1.2.3", "a_b-c"]) expect(planOf(BASE.replace("name: jwt-auth", `name: ${name}`)).name).toBe(name);
  });

  it("refuses a NUL or other control character in a title or any one-line field, located", () => {
    const text = BASE.replace("title: Login endpoint", 'title: "Login\\0"')
      .replace("testFile: src/__tests__/auth.test.ts", 'testFile: "src/\\e[31m.ts"')
      .replace("tester: unit-test\n    implementer: backend-dev\n    dependsOn", 'tester: "unit-test\\t"\n    implementer: backend-dev\n    dependsOn');
    expect(errorsOf(text)).toEqual([
      "plan.yml:12:15 stories[0].testFile: must not contain control characters (U+001B at character 5)",
      "plan.yml:16:12 stories[1].title: must not contain control characters (U+0000 at character 6)",
      "plan.yml:18:13 stories[1].tester: must not contain control characters (U+0009 at character 10)",
    ]);
  });

  it("refuses a NUL in a command or an environment value, which no process can take, and allows line breaks there", () => {
    const text = BASE.replace("run: ./agents/tester.sh", 'run: "./agents/tester.sh\\0"\n    env: { A: "x\\0y", B: "two\\nlines" }').replace(
      "command: npx vitest run {testFile}",
      'command: "npx vitest run {testFile}\\0"',
    );
    expect(errorsOf(text)).toEqual([
      "plan.yml:3:12 test.command: must not contain a NUL character (U+0000 at character 26)",
      "plan.yml:6:10 agents.unit-test.run: must not contain a NUL character (U+0000 at character 19)",
      "plan.yml:7:15 agents.unit-test.env.A: must not contain a NUL character (U+0000 at character 2)",
    ]);
    expect(planOf(BASE.replace("run: ./agents/tester.sh", 'run: "set -e\\n./agents/tester.sh"')).agents["unit-test"]?.run).toBe("set -e\n./agents/tester.sh");
  });
});

describe("retries", () => {
  it("defaults to 1 for every story; a story's own retries override the plan's", () => {
    expect(planOf(BASE).retries).toBe(1);
    const plan = planOf(`retries: 0\n${BASE.replace("    dependsOn: [msm-auth-001]\n", "    dependsOn: [msm-auth-001]\n    retries: 5\n")}`);
    expect(plan.retries).toBe(0);
    expect(plan.stories.map((s) => s.retries)).toEqual([undefined, 5]);
  });

  it("refuses anything but a whole number from 0 to 5, located", () => {
    expect(errorsOf(`retries: 6\n${BASE}`)).toEqual(["plan.yml:1:10 retries: must be from 0 to 5 (got 6)"]);
    expect(errorsOf(`${BASE}    retries: 1.5\n`)).toEqual(["plan.yml:21:14 stories[1].retries: must be a whole number from 0 to 5 (got 1.5)"]);
    expect(errorsOf(`retries: "2"\n${BASE}`)).toEqual(['plan.yml:1:10 retries: must be a whole number from 0 to 5 (got "2")']);
  });
});
