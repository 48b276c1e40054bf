// `tdd-waves plan --from <dir>`: plans built from story files' front matter in real repositories; findings
// located in the story file they come from; missing keys listed together; nothing written unless valid.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { readStoryFrontMatter } from "../../src/core/plan-from/story-front-matter.js";
import { makeRepo, type TempRepo } from "../support/repo.js";

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

async function cli(args: string[], cwd: string) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { cwd, isTTY: false, env: {}, stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

const BASE = `# base: the rest of the plan
name: from-stories
test:
  command: node --test {testFile}
agents:
  tester: { run: "true" }
  implementer: { run: "true" }
stories:
  - id: placeholder
    title: replaced
    testFile: t.mjs
    tester: tester
    implementer: implementer
`;

function story(front: string, heading = "A story"): string {
  return `---\n${front}---\n# ${heading}\n\n## Acceptance Criteria\n- [ ] it works\n`;
}

function repo(stories: Record<string, string>, base = BASE): string {
  const files: Record<string, string> = { ".tdd-waves/plan.yml": base };
  for (const [name, text] of Object.entries(stories)) files[`design/${name}`] = text;
  const r = makeRepo(files, { agents: false });
  repos.push(r);
  return r.dir;
}

describe("plan --from", () => {
  it("builds the plan from the shapes design tools write, in dependency waves", async () => {
    const dir = repo({
      "a.md": story("story_id: auth-001\ntitle: Hashing\ntest_file: test/a.test.mjs\ntester: tester\nimplementer: implementer\nepic_id: auth\n"),
      "b.md": story("id: auth-002\ndepends_on: [auth-001]\ntestFile: test/b.test.mjs\ntester: tester\nimplementer: implementer\n", "auth-002: Tokens"),
      "c.md": story("id: auth-003\ndependsOn:\n  - auth-002\n  - auth-001\ntest_file: test/c.test.mjs\n", "Login"),
      "README.md": "# not a story\n",
    });
    const r = await cli(["plan", "--from", "design", "--implementer", "implementer", "--tester", "tester", "--json"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ name: "from-stories", totalWaves: 3, waves: [{ wave: 1, stories: ["auth-001"] }, { wave: 2, stories: ["auth-002"] }, { wave: 3, stories: ["auth-003"] }] });

    const printed = await cli(["plan", "--from", "design", "--tester", "tester", "--implementer", "implementer"], dir);
    expect(printed.stdout).toContain('- id: "auth-002"\n    title: "Tokens"\n    file: "design/b.md"');
    expect(printed.stdout).toContain('epic: "auth"');
    expect(printed.stdout).toContain("# base: the rest of the plan");
    expect(printed.stdout).not.toContain("placeholder");

    const written = await cli(["plan", "--from", "design", "--tester", "tester", "--implementer", "implementer", "--write", "plan.yml"], dir);
    expect(written.code).toBe(0);
    expect(readFileSync(join(dir, "plan.yml"), "utf8")).toBe(printed.stdout);
    // The written plan is a plan like any other.
    expect((await cli(["plan", "plan.yml"], dir)).code).toBe(0);
  });

  it("lists every story missing a required key together, with its file and the key to add; writes nothing", async () => {
    const dir = repo({
      "a.md": story("id: x-001\ntest_file: t/a.mjs\n"),
      "b.md": "# no front matter at all\n\n## Acceptance Criteria\n- [ ] x\n",
      "c.md": story("id: x-003\ntitle: Fine\ntest_file: t/c.mjs\ntester: tester\nimplementer: implementer\n"),
    });
    const r = await cli(["plan", "--from", "design", "--write", "plan.yml"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("design/a.md:1:1: missing tester, implementer: add tester: …, implementer: … to its front matter");
    expect(r.stderr).toContain("design/b.md:1:1: missing id, test_file, tester, implementer: add id: …, test_file: …, tester: …, implementer: … in front matter");
    expect(r.stderr).not.toContain("design/c.md");
    expect(existsSync(join(dir, "plan.yml"))).toBe(false);
  });

  it("reports the plan rules' findings in the story file and on the line they come from", async () => {
    const dir = repo({
      "a.md": story("id: x-001\ntitle: One\ntest_file: t/a.mjs\ntester: tester\nimplementer: implementer\ndependencies: [x-009]\n"),
      "b.md": story("id: x-002\ntitle: Two\ntest_file: t/b.mjs\ntester: nobody\nimplementer: implementer\n"),
    });
    const r = await cli(["plan", "--from", "design"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^design\/a\.md:7:1 stories\[0\]\.dependsOn\[0\]: .*x-009/m);
    expect(r.stderr).toMatch(/^design\/b\.md:5:1 stories\[1\]\.tester: .*nobody/m);
    expect(r.stderr).not.toContain(".tdd-waves-plan-from");
    // The scratch copy it was checked in is gone.
    expect(readFileSync(join(dir, ".git", "index")).includes(".tdd-waves-plan-from")).toBe(false);
  });

  it("needs a base plan for the name, test command and agents, and says how to get one", async () => {
    const dir = repo({ "a.md": story("id: x-001\n") });
    const r = await cli(["plan", "--from", "design", "--base", "nope.yml"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no base plan at nope.yml");
    expect(r.stderr).toContain("tdd-waves init");
  });

  it("reads front matter with its lines, and the title from the heading when there is no title key", () => {
    const e = readStoryFrontMatter("s.md", "---\nid: a-001\n\ndepends_on: a, b\n---\n# a-001: From the heading\n");
    expect(e.values).toEqual({ id: "a-001", dependsOn: ["a", "b"], title: "From the heading" });
    expect(e.lines).toEqual({ id: 2, dependsOn: 4, title: 6 });
    expect(readStoryFrontMatter("s.md", "---\nid: [\n---\n").problems[0]?.message).toMatch(/not valid YAML/);
    expect(readStoryFrontMatter("s.md", "---\nid: a\nstory_id: b\n---\n").problems[0]).toEqual({ line: 3, message: "story_id and id both give the story's id: keep one" });
  });
});
