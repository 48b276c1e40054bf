// renderPrompt and templatePlaceholders: the built-in briefs and a plan's own templates.
import { describe, expect, it } from "vitest";
import { IMPLEMENTATION_TEMPLATE, TESTER_TEMPLATE, renderPrompt, templatePlaceholders, type PromptContext } from "../../src/core/prompts.js";

const ctx = (over: Partial<PromptContext> = {}): PromptContext => ({
  storyId: "msm-auth-001",
  title: "Schema + AuthService",
  storyFile: "stories/msm-auth-001.md",
  testFile: "src/__tests__/auth.test.ts",
  testCommand: "npx vitest run src/__tests__/auth.test.ts",
  planName: "jwt-auth",
  wave: 2,
  epic: "msm-auth",
  acceptanceCriteria: ["Passwords are stored hashed", "AuthService.login returns a signed JWT"],
  lockTests: true,
  requireRed: true,
  ...over,
});

const known = /\{(storyId|storyFile|testFile|title|testCommand|planName|wave|epic|acceptanceCriteria|role|redRule|testFileRule|feedback)\}/;

describe("renderPrompt, built-in tester brief", () => {
  const text = renderPrompt("tester", ctx());

  it("names the story, the files to read and write, and the check to run", () => {
    expect(text).toContain("msm-auth-001 — Schema + AuthService");
    expect(text).toContain("Read the story file first: stories/msm-auth-001.md");
    expect(text).toContain("Write only src/__tests__/auth.test.ts");
    expect(text).toContain("Run: npx vitest run src/__tests__/auth.test.ts");
    expect(text).toContain("Epic msm-auth, wave 2 of plan jwt-auth.");
    expect(text).toContain("Role: tester.");
  });

  it("lists every acceptance criterion as a bullet", () => {
    expect(text).toContain("- Passwords are stored hashed\n- AuthService.login returns a signed JWT\n");
  });

  it("starts with the working rules, and forbids production code and ticking boxes", () => {
    expect(text.indexOf("Working rules")).toBeLessThan(text.indexOf("Role: tester"));
    expect(text).toMatch(/Do not write production code/);
    expect(text).toMatch(/do not edit the story file/);
  });

  it("demands failing tests only when the plan requires red", () => {
    expect(text).toMatch(/must run and FAIL now/);
    const relaxed = renderPrompt("tester", ctx({ requireRed: false }));
    expect(relaxed).not.toMatch(/must run and FAIL now/);
    expect(relaxed).toMatch(/load and run/);
  });

  it("leaves no placeholder unreplaced", () => {
    expect(text).not.toMatch(known);
  });
});

describe("renderPrompt, built-in implementation brief", () => {
  const text = renderPrompt("implementation", ctx());

  it("asks to read story and tests, make them pass, tick the boxes and report files", () => {
    expect(text).toContain("Role: implementation.");
    expect(text).toContain("Then read the tests in src/__tests__/auth.test.ts");
    expect(text).toContain("Run: npx vitest run src/__tests__/auth.test.ts");
    expect(text).toMatch(/In stories\/msm-auth-001\.md, tick each acceptance-criteria box/);
    expect(text).toMatch(/every file you changed or created/);
    expect(text).not.toMatch(known);
  });

  it("locks the test file only when the plan locks tests", () => {
    expect(text).toContain("Never edit src/__tests__/auth.test.ts: it is locked.");
    const unlocked = renderPrompt("implementation", ctx({ lockTests: false }));
    expect(unlocked).not.toContain("it is locked");
    expect(unlocked).toContain("Change a test only where it contradicts the story");
  });

  it("says so when the story lists no criteria", () => {
    expect(renderPrompt("implementation", ctx({ acceptanceCriteria: [] }))).toContain("- (none listed: see the story file)");
  });
});

describe("renderPrompt, a plan's own template", () => {
  it("replaces every known placeholder, each occurrence", () => {
    const t = "{role}: {storyId} ({title}) in {epic}/{wave}/{planName}; read {storyFile}; test {testFile} with `{testCommand}`; again {storyId}\n{acceptanceCriteria}";
    expect(renderPrompt("tester", ctx(), t)).toBe(
      "tester: msm-auth-001 (Schema + AuthService) in msm-auth/2/jwt-auth; read stories/msm-auth-001.md; " +
        "test src/__tests__/auth.test.ts with `npx vitest run src/__tests__/auth.test.ts`; again msm-auth-001\n" +
        "- Passwords are stored hashed\n- AuthService.login returns a signed JWT",
    );
  });

  it("substitutes in one pass: values that contain placeholders stay as they are", () => {
    const out = renderPrompt("implementation", ctx({ title: "Handle {testFile} and {storyId}", acceptanceCriteria: ["uses {epic}"] }), "{title} | {acceptanceCriteria}");
    expect(out).toBe("Handle {testFile} and {storyId} | - uses {epic}");
  });

  it("leaves unknown placeholders and non-placeholder braces as written", () => {
    expect(renderPrompt("tester", ctx(), "{storyId} {model} {not a placeholder} {\"json\": 1}")).toBe("msm-auth-001 {model} {not a placeholder} {\"json\": 1}");
  });
});

describe("templatePlaceholders", () => {
  it("reports the placeholders a template uses, once each, unknown ones apart", () => {
    expect(templatePlaceholders("{storyId} {modle} {testFile} {storyId} {x_1} { spaced }")).toEqual({
      known: ["storyId", "testFile"],
      unknown: ["modle", "x_1"],
    });
  });

  it("finds nothing unknown in the built-in templates", () => {
    expect(templatePlaceholders(TESTER_TEMPLATE).unknown).toEqual([]);
    expect(templatePlaceholders(IMPLEMENTATION_TEMPLATE).unknown).toEqual([]);
    expect(templatePlaceholders(TESTER_TEMPLATE).known).toEqual(expect.arrayContaining(["storyId", "storyFile", "testFile", "testCommand", "acceptanceCriteria"]));
  });
});

describe("renderPrompt, feedback on a retry", () => {
  it("adds nothing on a first attempt and a section of its own on a retry, in both built-in briefs", () => {
    for (const role of ["tester", "implementation"] as const) {
      const first = renderPrompt(role, ctx());
      expect(first).not.toContain("Feedback");
      expect(first).not.toMatch(/\n\n\n/);
      const retry = renderPrompt(role, ctx({ feedback: "Attempt 1 of 2 failed: verify: tests fail (exit code 1)" }));
      expect(retry).toContain("\nFeedback: this story was tried before\nAttempt 1 of 2 failed: verify: tests fail (exit code 1)\n\nTask\n");
      expect(retry.replace(/\nFeedback: this story was tried before\n.*\n/, "")).toBe(first);
    }
  });

  it("offers {feedback} to a plan's own template", () => {
    expect(renderPrompt("implementation", ctx({ feedback: "fix it" }), "[{feedback}]")).toBe("[\nFeedback: this story was tried before\nfix it\n]");
    expect(renderPrompt("implementation", ctx(), "[{feedback}]")).toBe("[]");
  });
});
