// The plan's `setup` key (issue 10): defaults, and the plan-time checks on its paths and time limit.
import { describe, expect, it } from "vitest";
import { formatIssue, parsePlan } from "../../src/core/plan/parse.js";

const plan = (setup: string) => `name: p
setup:
${setup}
test:
  command: npx vitest run {testFile}
agents:
  a: { run: ./a.sh }
stories:
  - { id: s-001, title: One, testFile: test/one.test.ts, tester: a, implementer: a }
`;

const errorsOf = (text: string) => parsePlan(text, "plan.yml").errors.map(formatIssue);

describe("plan setup", () => {
  it("defaults the time limit to 10m and the lists to empty, paths in normal form", () => {
    const r = parsePlan(plan("  run: npm ci\n  reuse: [./node_modules/]"), "plan.yml");
    expect(r.errors.map(formatIssue)).toEqual([]);
    expect(r.plan!.setup).toEqual({ run: "npm ci", timeoutMs: 600_000, reuse: ["node_modules"], copy: [], relocatable: false });
  });

  it("takes a time limit, reuse and copy", () => {
    const r = parsePlan(plan("  run: make deps\n  timeout: 90s\n  reuse: [.venv, vendor/cache]\n  copy: [.env.test]"), "plan.yml");
    expect(r.plan!.setup).toEqual({ run: "make deps", timeoutMs: 90_000, reuse: [".venv", "vendor/cache"], copy: [".env.test"], relocatable: false });
  });

  it("takes relocatable, which needs reuse paths to copy", () => {
    expect(parsePlan(plan("  run: npm ci\n  reuse: [node_modules]\n  relocatable: true"), "plan.yml").plan!.setup!.relocatable).toBe(true);
    expect(errorsOf(plan("  run: npm ci\n  relocatable: true"))).toEqual([
      "plan.yml:4:3 setup.relocatable: needs setup.reuse: it says that the kept paths may be copied to another working copy, and none are kept",
    ]);
    expect(errorsOf(plan("  run: npm ci\n  reuse: []\n  relocatable: true"))).toHaveLength(1);
    expect(errorsOf(plan("  run: npm ci\n  reuse: [node_modules]\n  relocatable: yes please"))).toEqual([
      'plan.yml:5:16 setup.relocatable: must be true or false, got "yes please"',
    ]);
  });

  it("is optional", () => {
    expect(parsePlan(plan("").replace("setup:\n\n", ""), "plan.yml").plan!.setup).toBeUndefined();
  });

  it("refuses paths outside the repository, the root, .git and a story's own files, each located", () => {
    const errors = errorsOf(plan("  run: npm ci\n  reuse: [../up, ., .git/x]\n  copy: [/etc/passwd, test, stories/s-001.md]"));
    expect(errors).toEqual([
      'plan.yml:4:11 setup.reuse[0]: leaves the repository ("../up")',
      "plan.yml:4:18 setup.reuse[1]: must name a path inside the repository, not its root",
      "plan.yml:4:21 setup.reuse[2]: must not point into .git",
      'plan.yml:5:10 setup.copy[0]: must be relative to the repository root, not absolute ("/etc/passwd")',
      'plan.yml:5:23 setup.copy[1]: "test" holds the test file of "s-001": setup must not overwrite it',
      'plan.yml:5:29 setup.copy[2]: "stories/s-001.md" holds the story file of "s-001": setup must not overwrite it',
    ]);
  });

  it("needs a command, a valid time limit and no unknown keys", () => {
    expect(errorsOf(plan('  run: " "\n  timeout: 0s\n  cache: [x]'))).toEqual([
      "plan.yml:3:8 setup.run: must not be empty: the shell command that prepares a working copy",
      "plan.yml:4:12 setup.timeout: must be longer than 0s",
      'plan.yml:5:3 setup.cache: unknown key "cache"',
    ]);
  });
});
