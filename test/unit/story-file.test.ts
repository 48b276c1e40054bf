// Examples for the story file reader and surgical editor (SPEC §2): every field form, line endings, BOM,
// missing fields and sections, checkboxes, code fences and front matter.
import { describe, expect, it } from "vitest";
import { STATUS_DISPLAY, parseStatus, statusFromFrontMatter, statusToDisplay, statusToFrontMatter } from "../../src/core/story/status.js";
import { readStoryFile, updateStoryFile } from "../../src/core/story/story-file.js";
import type { StoryStatus } from "../../src/core/state/state.js";

const ctx = { storyId: "msm-auth-001", title: "Schema + AuthService" };

const canonical = [
  "# msm-auth-001: Schema + AuthService",
  "",
  "**Status:** ⏳ Pending",
  "**Assignee:** —",
  "**Test file:** `src/__tests__/auth.test.ts`",
  "**Verified:** no",
  "",
  "## Acceptance Criteria",
  "- [ ] Passwords are stored hashed",
  "- [ ] AuthService.login returns a signed JWT",
  "",
  "## Completion",
  "",
].join("\n");

/** Applies an update, checks that applying it again changes nothing, and returns the result. */
function apply(text: string, update: Parameters<typeof updateStoryFile>[1], c = ctx): string {
  const once = updateStoryFile(text, update, c);
  expect(updateStoryFile(once, update, c)).toBe(once);
  return once;
}

describe("status values", () => {
  const all: StoryStatus[] = ["pending", "testing", "implementing", "complete", "failed", "blocked"];

  it("display values round-trip through parseStatus", () => {
    for (const s of all) expect(parseStatus(statusToDisplay(s))).toBe(s);
    expect(STATUS_DISPLAY).toEqual({
      pending: "⏳ Pending",
      testing: "🧪 Testing",
      implementing: "🔄 Implementing",
      complete: "✅ Complete",
      failed: "❌ Failed",
      blocked: "⛔ Blocked",
    });
  });

  it.each([
    ["✅ Complete", "complete"],
    ["Complete", "complete"],
    ["COMPLETE", "complete"],
    ["completed", "complete"],
    ["  🧪   testing ", "testing"],
    ["🔄Implementing", "implementing"],
    ["❌ Failed (merge conflict)", "failed"],
    ["**⛔ Blocked**", "blocked"],
    ["✅", "complete"],
    ["⏳", "pending"],
    ["Done", undefined],
    ["", undefined],
    ["constructor", undefined],
    ["—", undefined],
  ])("parseStatus(%j) is %s", (text, expected) => {
    expect(parseStatus(text)).toBe(expected);
  });

  it("maps to and from front matter values", () => {
    expect(all.map(statusToFrontMatter)).toEqual(["pending", "in-progress", "in-progress", "complete", "failed", "blocked"]);
    expect(statusFromFrontMatter("in-progress")).toBe("testing");
    expect(statusFromFrontMatter("In Progress")).toBe("testing");
    expect(statusFromFrontMatter("complete")).toBe("complete");
    expect(statusFromFrontMatter(" BLOCKED ")).toBe("blocked");
    expect(statusFromFrontMatter("draft")).toBeUndefined();
    expect(statusFromFrontMatter("toString")).toBeUndefined();
  });
});

describe("readStoryFile", () => {
  it("reads the canonical story file", () => {
    expect(readStoryFile(canonical)).toEqual({
      title: "msm-auth-001: Schema + AuthService",
      heading: { id: "msm-auth-001", title: "Schema + AuthService" },
      status: "pending",
      statusText: "⏳ Pending",
      testFile: "src/__tests__/auth.test.ts",
      verified: false,
      criteria: [
        { text: "Passwords are stored hashed", checked: false, line: 9 },
        { text: "AuthService.login returns a signed JWT", checked: false, line: 10 },
      ],
      completion: "",
      eol: "\n",
    });
  });

  it.each([
    ["**Status:** ✅ Complete", "**Assignee:** backend-dev"],
    ["Status: ✅ Complete", "Assignee: backend-dev"],
    ["**Status**: ✅ Complete", "**Assignee**: backend-dev"],
    ["__Status:__ ✅ Complete", "__Assignee__: backend-dev"],
    ["status: ✅ Complete", "ASSIGNEE: backend-dev"],
    ["   **STATUS:**   ✅ Complete   ", "**assignee:**\tbackend-dev  "],
  ])("finds field lines written as %j", (status, assignee) => {
    const info = readStoryFile(`# s-1: T\n\n${status}\n${assignee}\n`);
    expect(info.status).toBe("complete");
    expect(info.statusText).toBe("✅ Complete");
    expect(info.assignee).toBe("backend-dev");
  });

  it("reads every spelling of the test file and verified labels", () => {
    for (const label of ["Test file", "Test File", "test-file", "Test_file", "testfile"]) {
      expect(readStoryFile(`**${label}:** \`a/b.test.ts\``).testFile).toBe("a/b.test.ts");
    }
    expect(readStoryFile("Test file: a/b.test.ts").testFile).toBe("a/b.test.ts");
    expect(readStoryFile("**Test file:** `` a`b.ts ``").testFile).toBe("a`b.ts");
    expect(readStoryFile("**Verified:** yes").verified).toBe(true);
    expect(readStoryFile("**Verified:** No").verified).toBe(false);
    expect(readStoryFile("**Verified:** ✅").verified).toBe(true);
    expect(readStoryFile("**Verified:** maybe").verified).toBeUndefined();
  });

  it("treats placeholders as no value and keeps unknown status text", () => {
    const info = readStoryFile("**Status:** Someday\n**Assignee:** —\n**Test file:** —\n");
    expect(info.status).toBeUndefined();
    expect(info.statusText).toBe("Someday");
    expect(info.assignee).toBeUndefined();
    expect(info.testFile).toBeUndefined();
  });

  it("does not take unbalanced bold markers for a field", () => {
    expect(readStoryFile("**Status: ✅ Complete").status).toBeUndefined();
    expect(readStoryFile("Status:** ✅ Complete").status).toBeUndefined();
  });

  it("reads fields only before the first ## heading", () => {
    const info = readStoryFile("# s-1: T\n\n## Notes\n**Status:** ✅ Complete\nAssignee: someone\n");
    expect(info.status).toBeUndefined();
    expect(info.assignee).toBeUndefined();
    expect(readStoryFile("# s-1: T\n### Deep\nStatus: failed\n").status).toBeUndefined();
  });

  it("takes the first occurrence of a field", () => {
    expect(readStoryFile("Status: failed\nStatus: complete\n").status).toBe("failed");
  });

  it("reads a title without an id, and no title when the only # heading comes after ##", () => {
    expect(readStoryFile("# Just a title #\n").heading).toEqual({ title: "Just a title" });
    const late = readStoryFile("Intro\n## Section\n# Late title\n");
    expect(late.title).toBeUndefined();
    expect(late.heading).toBeUndefined();
  });

  it("keeps # inside text apart from headings", () => {
    const info = readStoryFile("#hashtag line\n# s-1: Fix #12 in C#\n\nStatus: ✅ Complete # done\n");
    expect(info.title).toBe("s-1: Fix #12 in C#");
    expect(info.heading).toEqual({ id: "s-1", title: "Fix #12 in C#" });
    expect(info.status).toBe("complete");
  });

  it("reads criteria in every task-list form, nested and numbered", () => {
    const text = [
      "# s-1: T",
      "- [ ] not under acceptance criteria",
      "## Acceptance Criteria",
      "- [ ] dash open",
      "* [x] star done",
      "+ [X] plus done",
      "  - [ ] nested two spaces",
      "      * [x] nested deeper  ",
      "1. [ ] numbered",
      "10) [x] numbered paren",
      "-\t[ ] tab after marker",
      "- [ ]", // nothing after the box: GitHub shows "[ ]" as text
      "- [] not a task",
      "- [x]no space is not a task",
      "[ ] no list marker",
      "text - [ ] in the middle",
      "### Sub-heading keeps the section",
      "- [ ] under the sub-heading",
      "## Other",
      "- [ ] after the section",
    ].join("\n");
    const got = readStoryFile(text).criteria;
    expect(got.map((c) => [c.text, c.checked, c.line])).toEqual([
      ["dash open", false, 4],
      ["star done", true, 5],
      ["plus done", true, 6],
      ["nested two spaces", false, 7],
      ["nested deeper", true, 8],
      ["numbered", false, 9],
      ["numbered paren", true, 10],
      ["tab after marker", false, 11],
      ["under the sub-heading", false, 18],
    ]);
  });

  it("finds criteria under any heading level that mentions acceptance criteria", () => {
    const text = [
      "# s-1: T",
      "## Scope",
      "### Story acceptance criteria (v2)",
      "- [x] one",
      "#### Detail",
      "- [ ] two",
      "### Next",
      "- [ ] not a criterion",
      "# ACCEPTANCE CRITERIA",
      "- [ ] three",
      "## Anything below a level-1 section",
      "- [x] four",
    ].join("\n");
    expect(readStoryFile(text).criteria.map((c) => c.text)).toEqual(["one", "two", "three", "four"]);
  });

  it("ignores fenced code blocks for headings, fields and checkboxes", () => {
    const text = [
      "```md",
      "# not-the-title: inside a fence",
      "**Status:** ❌ Failed",
      "```",
      "# s-1: Real",
      "~~~~",
      "Assignee: fenced",
      "~~~",
      "## still fenced (a ~~~ fence closes only with at least as many tildes)",
      "~~~~~",
      "Assignee: real",
      "## Acceptance Criteria",
      "- [ ] real one",
      "```",
      "- [ ] fenced checkbox",
      "## fenced heading does not end the section",
      "```",
      "- [x] real two",
      "``` inline `code` is not a fence",
      "- [ ] real three",
    ].join("\n");
    const info = readStoryFile(text);
    expect(info.title).toBe("s-1: Real");
    expect(info.status).toBeUndefined();
    expect(info.assignee).toBe("real");
    expect(info.criteria.map((c) => c.text)).toEqual(["real one", "real two", "real three"]);
  });

  it("reads CRLF files, a BOM and front matter, counting front matter lines", () => {
    const text = "\uFEFF---\r\ntitle: x\r\n# yaml comment\r\nstatus: \"in-progress\"\r\n---\r\n# s-1: T\r\n\r\n**Status:** 🔄 Implementing\r\n## Acceptance Criteria\r\n- [x] done\r\n";
    const info = readStoryFile(text);
    expect(info.eol).toBe("\r\n");
    expect(info.title).toBe("s-1: T");
    expect(info.status).toBe("implementing");
    expect(info.frontMatter).toEqual({ status: "in-progress" });
    expect(info.criteria).toEqual([{ text: "done", checked: true, line: 10 }]);
  });

  it("reports front matter without a status, and no front matter when there is none", () => {
    expect(readStoryFile("---\na: 1\n---\n# s: t\n").frontMatter).toEqual({});
    expect(readStoryFile("# s: t\n").frontMatter).toBeUndefined();
    // An unclosed `---` is a thematic break, not front matter.
    expect(readStoryFile("---\nStatus: failed\n").frontMatter).toBeUndefined();
    expect(readStoryFile("---\nStatus: failed\n").status).toBe("failed");
  });

  it("reads the Completion body without its surrounding blank lines", () => {
    const text = "# s: t\n## Completion\n\n\nline one\n\nline two  \n\n## After\n";
    expect(readStoryFile(text).completion).toBe("line one\n\nline two  ");
    expect(readStoryFile("# s: t\n").completion).toBeUndefined();
  });
});

describe("updateStoryFile: field values", () => {
  it("changes only the field values of the canonical file", () => {
    const out = apply(canonical, { status: "testing", assignee: "unit-test", testFile: "src/x.test.ts", verified: true });
    expect(out).toBe(
      canonical
        .replace("⏳ Pending", "🧪 Testing")
        .replace("**Assignee:** —", "**Assignee:** unit-test")
        .replace("src/__tests__/auth.test.ts", "src/x.test.ts")
        .replace("**Verified:** no", "**Verified:** yes"),
    );
  });

  it("keeps each line's own form, label case, indentation and trailing spaces", () => {
    const text = "# s: t\n  status:   ⏳ Pending   \n**ASSIGNEE**: —\\\n__Test File:__ `a.ts`\t\nverified:no\n";
    const out = apply(text, { status: "complete", assignee: "backend-dev", testFile: "b.ts", verified: true });
    expect(out).toBe("# s: t\n  status:   ✅ Complete   \n**ASSIGNEE**: backend-dev\\\n__Test File:__ `b.ts`\t\nverified: yes\n");
  });

  it("gives an empty value a separating space", () => {
    expect(apply("**Assignee:**\n", { assignee: "qa" })).toBe("**Assignee:** qa\n");
  });

  it("keeps values on one line and code-spans test files holding backticks", () => {
    const out = apply(canonical, { assignee: "a\nb\r\nc", testFile: "we`ird.ts" });
    expect(out).toContain("**Assignee:** a b c\n");
    expect(out).toContain("**Test file:** ``we`ird.ts``\n");
    expect(readStoryFile(out).testFile).toBe("we`ird.ts");
    expect(apply(canonical, { assignee: "" })).toContain("**Assignee:** —\n");
  });

  it("leaves a field-looking line after the first ## alone and inserts the real one", () => {
    const text = "# s-1: T\n\n## Notes\n**Status:** ⏳ Pending\n";
    expect(apply(text, { status: "failed" })).toBe("# s-1: T\n\n**Status:** ❌ Failed\n\n## Notes\n**Status:** ⏳ Pending\n");
  });

  it("does not touch fenced field lines", () => {
    const text = "# s: t\n```\n**Status:** ⏳ Pending\n```\n**Status:** ⏳ Pending\n";
    expect(apply(text, { status: "blocked" })).toBe("# s: t\n```\n**Status:** ⏳ Pending\n```\n**Status:** ⛔ Blocked\n");
  });

  it("changes nothing for an empty update", () => {
    for (const text of [canonical, "", "no newline", "\uFEFFx\r\n", "---\nstatus: pending\n---\n"]) {
      expect(updateStoryFile(text, {}, ctx)).toBe(text);
    }
  });
});

describe("updateStoryFile: missing field lines", () => {
  it("inserts missing fields after the title, in canonical form and order", () => {
    const text = "# msm-auth-001: Schema + AuthService\n\n## Acceptance Criteria\n- [ ] a\n";
    const out = apply(text, { verified: false, status: "testing", testFile: "t.ts", assignee: "unit-test" });
    expect(out).toBe(
      "# msm-auth-001: Schema + AuthService\n\n**Status:** 🧪 Testing\n**Assignee:** unit-test\n**Test file:** `t.ts`\n**Verified:** no\n\n## Acceptance Criteria\n- [ ] a\n",
    );
  });

  it("inserts only the fields the update names", () => {
    expect(apply("# s: t\n", { status: "pending" })).toBe("# s: t\n\n**Status:** ⏳ Pending\n");
  });

  it("separates inserted fields from a title followed directly by text", () => {
    expect(apply("# s: t\nSome text\n", { status: "pending" })).toBe("# s: t\n\n**Status:** ⏳ Pending\n\nSome text\n");
  });

  it("puts a missing field beside the present ones, in canonical order", () => {
    const text = "# s: t\n\nAssignee: a  \nverified: no\n\nText\n";
    const out = apply(text, { status: "testing", testFile: "x.ts", verified: true });
    expect(out).toBe("# s: t\n\n**Status:** 🧪 Testing\nAssignee: a  \n**Test file:** `x.ts`\nverified: yes\n\nText\n");
  });

  it("adds a title when the file has none", () => {
    expect(apply("Some description.\n", { status: "pending" })).toBe(
      "# msm-auth-001: Schema + AuthService\n\n**Status:** ⏳ Pending\n\nSome description.\n",
    );
    expect(apply("", { status: "pending" })).toBe("# msm-auth-001: Schema + AuthService\n\n**Status:** ⏳ Pending\n");
  });

  it("inserts after front matter, keeping the blank line that follows it", () => {
    const text = "---\nepic: auth\n---\n\n## Acceptance Criteria\n- [ ] a\n";
    expect(apply(text, { status: "pending" })).toBe(
      "---\nepic: auth\n---\n\n# msm-auth-001: Schema + AuthService\n\n**Status:** ⏳ Pending\n\n## Acceptance Criteria\n- [ ] a\n",
    );
  });

  it("inserts with the file's dominant line ending and keeps a missing final newline", () => {
    const out = apply("# s: t\r\nText\r\nmore\nend", { status: "pending" });
    expect(out).toBe("# s: t\r\n\r\n**Status:** ⏳ Pending\r\n\r\nText\r\nmore\nend");
    expect(apply("# s: t", { status: "pending" })).toBe("# s: t\n\n**Status:** ⏳ Pending");
  });
});

describe("updateStoryFile: Completion", () => {
  it("fills an empty Completion section at the end", () => {
    expect(apply(canonical, { completion: "- done" })).toBe(canonical + "\n- done\n");
  });

  it("replaces the body up to the next ## heading, sub-headings included", () => {
    const text = "# s: t\n\n## Completion\nold\n### Old sub\nold2\n\n\n## After\nkept  \n";
    const out = apply(text, { completion: "new 1\nnew 2" });
    expect(out).toBe("# s: t\n\n## Completion\n\nnew 1\nnew 2\n\n## After\nkept  \n");
    expect(readStoryFile(out).completion).toBe("new 1\nnew 2");
  });

  it("ends the body at a level-1 heading and ignores fenced headings inside it", () => {
    const text = "## Completion\n```\n## fenced\n```\n# Top\n";
    expect(apply(text, { completion: "x" })).toBe("## Completion\n\nx\n\n# Top\n");
  });

  it("recognises the heading in any case and with a closing sequence", () => {
    const text = "# s: t\n##   completion ##\nold\n";
    expect(apply(text, { completion: "new" })).toBe("# s: t\n##   completion ##\n\nnew\n");
  });

  it("appends a missing section after a blank line, with the file's EOL", () => {
    expect(apply("# s: t\n\n## Acceptance Criteria\n- [ ] a\n", { completion: "done" })).toBe(
      "# s: t\n\n## Acceptance Criteria\n- [ ] a\n\n## Completion\n\ndone\n",
    );
    expect(apply("# s: t\r\n\r\ntext\r\n\r\n", { completion: "a\nb" })).toBe("# s: t\r\n\r\ntext\r\n\r\n## Completion\r\n\r\na\r\nb\r\n");
  });

  it("respects a file without a final newline", () => {
    expect(apply("# s: t\n\ntext", { completion: "done" })).toBe("# s: t\n\ntext\n\n## Completion\n\ndone");
    expect(apply("# s: t\n\n## Completion", { completion: "done" })).toBe("# s: t\n\n## Completion\n\ndone");
    expect(apply("# s: t\n\n## Completion\n\nold", { completion: "" })).toBe("# s: t\n\n## Completion");
  });

  it("writes an empty body as a bare heading", () => {
    expect(apply("# s: t\n", { completion: "" })).toBe("# s: t\n\n## Completion\n");
    expect(apply("## Completion\nold\n## Next\n", { completion: "\n\n" })).toBe("## Completion\n\n## Next\n");
  });

  it("closes a fence left open at the end before appending the section", () => {
    const out = apply("# s: t\n\n````\ncode\n", { completion: "done" });
    expect(out).toBe("# s: t\n\n````\ncode\n````\n\n## Completion\n\ndone\n");
    expect(readStoryFile(out).completion).toBe("done");
  });

  it("keeps a hostile body inside its section", () => {
    const body = "## Fake section\n# Fake title\n```\nunclosed fence";
    const text = "## Completion\nold\n## After\nkept\n";
    const out = apply(text, { completion: body });
    expect(out).toBe("## Completion\n\n\\## Fake section\n\\# Fake title\n```\nunclosed fence\n```\n\n## After\nkept\n");
    expect(out.endsWith("## After\nkept\n")).toBe(true);
  });

  it("edits fields and Completion together, idempotently", () => {
    const text = "# s: t\nText";
    const out = apply(text, { status: "complete", verified: true, completion: "ok" });
    expect(out).toBe("# s: t\n\n**Status:** ✅ Complete\n**Verified:** yes\n\nText\n\n## Completion\n\nok");
  });
});

describe("updateStoryFile: bytes that must stay", () => {
  it("keeps CRLF line endings, non-ASCII text and other sections", () => {
    const text = "# s-1: Ünïcödé 日本語 🚀\r\n\r\n**Status:** ⏳ Pending\r\n\r\n## Notes\r\nçà et là  \r\n\r\n## Completion\r\nold\r\n";
    const out = apply(text, { status: "complete", completion: "nouveau ✓" });
    expect(out).toBe("# s-1: Ünïcödé 日本語 🚀\r\n\r\n**Status:** ✅ Complete\r\n\r\n## Notes\r\nçà et là  \r\n\r\n## Completion\r\n\r\nnouveau ✓\r\n");
  });

  it("keeps a BOM", () => {
    const text = "\uFEFF# s: t\n\n**Status:** ⏳ Pending\n";
    const out = apply(text, { status: "failed" });
    expect(out).toBe("\uFEFF# s: t\n\n**Status:** ❌ Failed\n");
    expect(readStoryFile(out).title).toBe("s: t");
  });

  it("keeps mixed line endings where they are", () => {
    const text = "# s: t\r\n**Status:** ⏳ Pending\nmiddle\r\nend\n";
    expect(apply(text, { status: "complete" })).toBe("# s: t\r\n**Status:** ✅ Complete\nmiddle\r\nend\n");
  });
});

describe("updateStoryFile: front matter", () => {
  const body = "# s: t\n\n**Status:** ⏳ Pending\n";

  it.each([
    ["status: pending", "status: in-progress"],
    ['status: "pending"', 'status: "in-progress"'],
    ["status: 'pending'", "status: 'in-progress'"],
    ["status:   pending   # set by the design tool", "status:   in-progress   # set by the design tool"],
    ['"status": pending', '"status": in-progress'],
    ["Status: pending", "Status: in-progress"],
  ])("follows the status key written as %j", (before, after) => {
    const text = `---\ntitle: Auth\n${before}\nowner: me\n---\n${body}`;
    const out = apply(text, { status: "implementing" });
    expect(out).toBe(`---\ntitle: Auth\n${after}\nowner: me\n---\n${body.replace("⏳ Pending", "🔄 Implementing")}`);
    expect(statusFromFrontMatter(readStoryFile(out).frontMatter!.status!)).toBe("testing");
  });

  it("maps every status to its front matter value", () => {
    const text = `---\nstatus: pending\n---\n${body}`;
    expect(readStoryFile(apply(text, { status: "complete" })).frontMatter).toEqual({ status: "complete" });
    expect(readStoryFile(apply(text, { status: "failed" })).frontMatter).toEqual({ status: "failed" });
    expect(readStoryFile(apply(text, { status: "blocked" })).frontMatter).toEqual({ status: "blocked" });
    expect(readStoryFile(apply(text, { status: "testing" })).frontMatter).toEqual({ status: "in-progress" });
  });

  it("adds no status key, and leaves nested, block and other updates alone", () => {
    const plain = `---\ntitle: x\nmeta:\n  status: draft\n---\n${body}`;
    expect(apply(plain, { status: "complete" })).toBe(plain.replace("⏳ Pending", "✅ Complete"));
    const block = `---\nstatus:\n  - a\n---\n${body}`;
    expect(apply(block, { status: "complete" })).toBe(block.replace("⏳ Pending", "✅ Complete"));
    const other = `---\nstatus: pending\n---\n${body}`;
    expect(apply(other, { assignee: "x" })).toContain("---\nstatus: pending\n---\n");
  });

  it("keeps a YAML comment in front matter from being read as the title", () => {
    const text = "---\n# comment\nstatus: pending\n---\nText\n";
    expect(apply(text, { status: "failed" })).toBe(
      "---\n# comment\nstatus: failed\n---\n# msm-auth-001: Schema + AuthService\n\n**Status:** ❌ Failed\n\nText\n",
    );
  });

  it("keeps CRLF front matter byte for byte", () => {
    const text = "---\r\nstatus: 'pending'  \r\nlist: [a, b]\r\n---\r\n# s: t\r\n";
    expect(apply(text, { status: "complete" })).toBe(
      "---\r\nstatus: 'complete'  \r\nlist: [a, b]\r\n---\r\n# s: t\r\n\r\n**Status:** ✅ Complete\r\n",
    );
  });
});
