// The `## Completion` body: what it says for each outcome, and that hostile text stays inert Markdown.
import { describe, expect, it } from "vitest";
import {
  completionInfoFromRun,
  escapeInline,
  formatDuration,
  formatEvidence,
  inlineCode,
  renderCompletion,
} from "../../src/core/story/completion.js";
import type { CompletionInfo } from "../../src/core/story/completion.js";
import { readStoryFile, updateStoryFile } from "../../src/core/story/story-file.js";
import type { StoryRun } from "../../src/core/state/state.js";

const success: CompletionInfo = {
  outcome: "complete",
  testerAgent: "unit-test",
  implAgent: "backend-dev",
  attempt: 1,
  filesModified: ["src/auth.ts", "src/__tests__/auth.test.ts"],
  red: { exitCode: 1, passed: 0, total: 3 },
  green: { exitCode: 0, passed: 3, total: 3 },
  durationMs: 72_000,
  runUrl: "https://github.com/o/r/actions/runs/42",
  commit: "0123456789abcdef0123",
};

describe("renderCompletion", () => {
  it("renders a completed story", () => {
    expect(renderCompletion(success, "\n")).toBe(
      [
        "- **Outcome:** ✅ Complete",
        "- **Attempt:** 1",
        "- **Agents:** `unit-test` (tester) → `backend-dev` (implementation)",
        "- **Tests:** 3/3 passed",
        "- **Red → green:** red: exit 1, 0/3 passed → green: exit 0, 3/3 passed",
        "- **Duration:** 1m 12s",
        "- **Commit:** `0123456789ab`",
        "- **Run:** <https://github.com/o/r/actions/runs/42>",
        "- **Files modified:** 2",
        "  - `src/auth.ts`",
        "  - `src/__tests__/auth.test.ts`",
      ].join("\n"),
    );
  });

  it("joins lines with the EOL it is given", () => {
    const out = renderCompletion(success, "\r\n");
    expect(out.split("\r\n")).toHaveLength(11);
    expect(out.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("renders a failure with its reason and the evidence there is", () => {
    const out = renderCompletion(
      {
        outcome: "failed",
        reason: "verify: 1 of 3 tests failed",
        testerAgent: "unit-test",
        implAgent: "backend-dev",
        attempt: 2,
        red: { exitCode: 1, passed: 0, total: 3 },
        green: { exitCode: 1, passed: 2, total: 3 },
        filesModified: [],
      },
      "\n",
    );
    expect(out.split("\n")).toEqual([
      "- **Outcome:** ❌ Failed: verify: 1 of 3 tests failed",
      "- **Attempt:** 2",
      "- **Agents:** `unit-test` (tester) → `backend-dev` (implementation)",
      "- **Tests:** 2/3 passed",
      "- **Red → green:** red: exit 1, 0/3 passed → green: exit 1, 2/3 passed",
      "- **Files modified:** none",
    ]);
  });

  it("renders a blocked story without evidence lines", () => {
    expect(renderCompletion({ outcome: "blocked", reason: "dependency msm-auth-001 failed" }, "\n")).toBe(
      "- **Outcome:** ⛔ Blocked: dependency msm-auth-001 failed",
    );
  });

  it("says what it could not see: no red check, green never reached, no counts", () => {
    expect(renderCompletion({ outcome: "complete", green: { exitCode: 0, passed: null, total: null } }, "\n")).toBe(
      ["- **Outcome:** ✅ Complete", "- **Tests:** passed", "- **Red → green:** red: not checked → green: exit 0"].join("\n"),
    );
    expect(renderCompletion({ outcome: "failed", reason: "timeout", red: { exitCode: null, passed: null, total: null, timedOut: true } }, "\n")).toBe(
      ["- **Outcome:** ❌ Failed: timeout", "- **Red → green:** red: timed out → green: not reached"].join("\n"),
    );
  });

  it("ignores a reason on a completed story", () => {
    expect(renderCompletion({ outcome: "complete", reason: "stale" }, "\n")).toBe("- **Outcome:** ✅ Complete");
  });

  it("keeps a hostile reason on one inert line", () => {
    const out = renderCompletion({ outcome: "failed", reason: "boom\n## Injected\n<script>x</script> *a* [l](u) `c` | t" }, "\n");
    expect(out.split("\n")).toHaveLength(1);
    expect(out).toBe("- **Outcome:** ❌ Failed: boom \\#\\# Injected \\<script\\>x\\</script\\> \\*a\\* \\[l\\](u) \\`c\\` \\| t");
  });

  it("code-spans file paths whatever they hold, and caps long lists", () => {
    const files = ["a b.ts", "we`ird.ts", "`x`", ...Array.from({ length: 120 }, (_, i) => `f${i}.ts`)];
    const lines = renderCompletion({ outcome: "complete", filesModified: files }, "\n").split("\n");
    expect(lines[1]).toBe("- **Files modified:** 123");
    expect(lines.slice(2, 5)).toEqual(["  - `a b.ts`", "  - ``we`ird.ts``", "  - `` `x` ``"]);
    expect(lines).toHaveLength(2 + 100 + 1);
    expect(lines[lines.length - 1]).toBe("  - … and 23 more");
  });

  it("links http(s) runs and code-spans anything else", () => {
    expect(renderCompletion({ outcome: "complete", runUrl: "https://x.test/a b<c>" }, "\n")).toContain("- **Run:** <https://x.test/a%20b%3Cc%3E>");
    expect(renderCompletion({ outcome: "complete", runUrl: "javascript:alert(1)" }, "\n")).toContain("- **Run:** `javascript:alert(1)`");
  });

  it("stays inside the Completion section of a story file, idempotently", () => {
    const file = "# s-1: T\n\n## Acceptance Criteria\n- [x] a\n\n## Completion\nold\n\n## Notes\nkept\n";
    const body = renderCompletion({ ...success, outcome: "failed", reason: "x\n## Notes\n```" }, "\n");
    const once = updateStoryFile(file, { status: "failed", completion: body }, { storyId: "s-1", title: "T" });
    expect(updateStoryFile(once, { status: "failed", completion: body }, { storyId: "s-1", title: "T" })).toBe(once);
    expect(readStoryFile(once).completion).toBe(body);
    expect(once.endsWith("\n\n## Notes\nkept\n")).toBe(true);
  });
});

describe("formatting helpers", () => {
  it.each([
    [0, "0ms"],
    [450, "450ms"],
    [1000, "1s"],
    [12_400, "12s"],
    [72_000, "1m 12s"],
    [120_000, "2m"],
    [3_605_000, "1h 5s"],
    [3_723_000, "1h 2m 3s"],
    [-5, "unknown"],
    [Number.NaN, "unknown"],
  ])("formatDuration(%d) is %j", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it("formats test evidence", () => {
    expect(formatEvidence({ exitCode: 1, passed: 0, total: 3 })).toBe("exit 1, 0/3 passed");
    expect(formatEvidence({ exitCode: 0, passed: null, total: 3 })).toBe("exit 0");
    expect(formatEvidence({ exitCode: null, passed: null, total: null })).toBe("killed");
    expect(formatEvidence({ exitCode: null, passed: 1, total: 2, timedOut: true })).toBe("timed out, 1/2 passed");
  });

  it("escapes inline text and truncates it", () => {
    expect(escapeInline("a_b & c!")).toBe("a\\_b \\& c\\!");
    expect(escapeInline("x".repeat(600))).toHaveLength(500);
    expect(inlineCode("a\nb")).toBe("`a b`");
  });
});

describe("completionInfoFromRun", () => {
  const run: StoryRun = {
    attempt: 2,
    wave: 1,
    status: "complete",
    reason: "left from an earlier attempt",
    runUrl: "https://github.com/o/r/actions/runs/7",
    phases: [
      { phase: "tester", agent: "unit-test", start: "2025-01-01T10:00:00.000Z", end: "2025-01-01T10:00:30.000Z", outcome: "ok" },
      { phase: "implementation", agent: "backend-dev", start: "2025-01-01T10:00:31.000Z", end: "2025-01-01T10:01:10.000Z", outcome: "ok" },
      { phase: "verify", start: "2025-01-01T10:01:10.000Z", end: "2025-01-01T10:01:12.000Z", outcome: "ok" },
    ],
    result: {
      filesModified: ["src/a.ts"],
      acChecklistComplete: true,
      verifiedProduction: true,
      red: { exitCode: 1, passed: 0, total: 1 },
      green: { exitCode: 0, passed: 1, total: 1 },
      commit: "abc",
    },
  };

  it("takes outcome, evidence, files, run link and the span of the phases", () => {
    expect(completionInfoFromRun(run, { testerAgent: "unit-test", implAgent: "backend-dev" })).toEqual({
      outcome: "complete",
      testerAgent: "unit-test",
      implAgent: "backend-dev",
      attempt: 2,
      filesModified: ["src/a.ts"],
      red: { exitCode: 1, passed: 0, total: 1 },
      green: { exitCode: 0, passed: 1, total: 1 },
      commit: "abc",
      durationMs: 72_000,
      runUrl: "https://github.com/o/r/actions/runs/7",
    });
  });

  it("keeps the reason of a failed or blocked run, and has no duration without finished phases", () => {
    const agents = { testerAgent: "t", implAgent: "i" };
    const failed = completionInfoFromRun({ attempt: 1, wave: 1, status: "failed", reason: "merge conflict", phases: [] }, agents);
    expect(failed).toEqual({ outcome: "failed", reason: "merge conflict", testerAgent: "t", implAgent: "i", attempt: 1 });
    const blocked = completionInfoFromRun({ attempt: 0, wave: 2, status: "blocked", reason: "dep failed", phases: [] }, agents);
    expect(blocked.outcome).toBe("blocked");
    expect(blocked.reason).toBe("dep failed");
    const running = completionInfoFromRun(
      { attempt: 1, wave: 1, status: "implementing", phases: [{ phase: "tester", start: "2025-01-01T10:00:00Z", outcome: "running" }] },
      agents,
    );
    expect(running.outcome).toBe("failed");
    expect(running.durationMs).toBeUndefined();
  });
});
