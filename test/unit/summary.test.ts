// Run summary, pull request comment and status views: snapshots for the look, semantic checks for the
// promises (Mermaid parses, cells stay cells, size limits hold, the marker survives).
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/core/render/report.js";
import { recordError, setLock } from "../../src/core/state/state.js";
import { commentMarker, renderPrComment } from "../../src/core/render/pr-comment.js";
import { formatDuration } from "../../src/core/render/progress.js";
import { renderRunSummary } from "../../src/core/render/run-summary.js";
import { markdownCell } from "../../src/core/render/safe-text.js";
import { renderStatusJson } from "../../src/core/render/status-json.js";
import { renderStatusText } from "../../src/core/render/status-text.js";
import { ganttTasks, parseMermaid } from "../support/mermaid.js";
import { at, bigExecution, block, makePlan, playStory, stateFor } from "../support/plans.js";

function scenario(titles: Partial<Record<string, string>> = {}) {
  const plan = makePlan([
    { id: "msm-auth-001", title: titles["msm-auth-001"] ?? "Schema + AuthService", testFile: "src/__tests__/auth.test.ts" },
    { id: "msm-auth-002", title: titles["msm-auth-002"] ?? "TokenService", dependsOn: ["msm-auth-001"], implementer: "coder" },
    { id: "msm-auth-003", title: "API integration", dependsOn: ["msm-auth-001"], tester: "integration-test" },
    { id: "msm-auth-004", title: "Refresh tokens", dependsOn: ["msm-auth-002"] },
    { id: "msm-ui-005", title: "Login form", epic: "msm-ui", dependsOn: ["msm-auth-004"] },
  ], { name: "jwt-auth" });
  let s = stateFor(plan);
  s = playStory(s, "msm-auth-001", { startAt: 0, outcome: "complete", green: { passed: 12, total: 12 } });
  s = playStory(s, "msm-auth-002", { startAt: 20, outcome: { failsIn: "verify", reason: "2 of 5 tests fail" }, implementer: "coder", green: { passed: 3, total: 5 } });
  s = playStory(s, "msm-auth-003", { startAt: 20, outcome: { runningIn: "implementation" }, tester: "integration-test" });
  s = block(s, "msm-auth-004", "msm-auth-002", 41);
  return { plan, state: s };
}

/** The ```mermaid blocks of a Markdown document. */
const mermaidBlocks = (md: string): string[] => [...md.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1]!);

/** Cells of a Markdown table row, split on the `|` that are not escaped. */
const cells = (row: string): string[] => row.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim());

describe("renderRunSummary", () => {
  it("looks like this", async () => {
    const { plan, state } = scenario();
    await expect(renderRunSummary(state, plan, { runUrl: "https://github.com/o/r/actions/runs/42" })).toMatchFileSnapshot("__snapshots__/run-summary.md");
  });

  it("holds the Gantt as parseable ```mermaid blocks, its text form, the story and epic tables and the report", async () => {
    const { plan, state } = scenario();
    const md = renderRunSummary(state, plan, {});
    expect(md).not.toMatch(/<pre|<code|<script/);
    const blocks = mermaidBlocks(md);
    expect(blocks).toHaveLength(1);
    expect((await ganttTasks(blocks[0]!)).map((t) => t.label.split(" ")[0])).toEqual(["T-msm-auth-001", "I-msm-auth-001", "T-msm-auth-002", "I-msm-auth-002", "T-msm-auth-003", "I-msm-auth-003"]);
    expect(md).toContain("Wave 2: [T-msm-auth-002]→[I-msm-auth-002] (failed) | [T-msm-auth-003]→[I-msm-auth-003] (implementing)");

    const rows = md.split("\n").filter((l) => l.startsWith("| msm-"));
    const stories = rows.filter((r) => cells(r).length === 9);
    expect(stories.map((r) => cells(r).slice(0, 4))).toEqual([
      ["msm-auth-001", "Schema + AuthService", "1", "✅ Complete"],
      ["msm-auth-002", "TokenService", "2", "❌ Failed: 2 of 5 tests fail"],
      ["msm-auth-003", "API integration", "2", "🔄 Implementing"],
      ["msm-auth-004", "Refresh tokens", "3", "⛔ Blocked: dependency msm-auth-002 is failed"],
      ["msm-ui-005", "Login form", "4", "⏳ Pending"],
    ]);
    expect(cells(stories[0]!).slice(4)).toEqual(["unit-test", "backend-dev", "12/12", "✗ 0/12 → ✓ 12/12", "20m 00s"]);
    expect(cells(stories[1]!).slice(4)).toEqual(["unit-test", "coder", "3/5", "✗ 0/5 → ✗ 3/5", "20m 00s"]);
    const epics = rows.filter((r) => cells(r).length === 5).map((r) => cells(r));
    expect(epics).toEqual([
      ["msm-auth", "1", "1", "4", "██░░░░░░░░ 25%"],
      ["msm-ui", "0", "0", "1", "░░░░░░░░░░ 0%"],
    ]);

    const json = /<details><summary>Report<\/summary>\n\n```json\n([\s\S]*?)\n```\n\n<\/details>/.exec(md)?.[1];
    expect(JSON.parse(json!)).toEqual(JSON.parse(JSON.stringify(buildReport(state, plan))));
  });

  it("keeps hostile titles inside their cells and out of the HTML, the mentions and the fences", async () => {
    const hostile = "a | b\nc <script>alert(1)</script> @octocat #12 ``` [x](javascript:1) *bold*";
    const { plan, state } = scenario({ "msm-auth-001": hostile, "msm-auth-002": "```\n</details>" });
    const md = renderRunSummary(state, plan, {});
    const row = md.split("\n").find((l) => l.startsWith("| msm-auth-001"))!;
    expect(cells(row)).toHaveLength(9);
    expect(md).not.toContain("<script");
    // Mentions and references are live outside code blocks only.
    const prose = md.replace(/^(`{3,})[\s\S]*?^\1$/gm, "");
    expect(prose).toContain("@\u200Bocto");
    expect(prose).not.toContain("@octocat");
    expect(prose).not.toMatch(/#12/);
    expect(row).toContain("&lt;script&gt;");
    for (const chart of mermaidBlocks(md)) await parseMermaid(chart);
    // Exactly the fences we opened: the mermaid block, the text form, the report.
    expect(md.match(/^`{3,}\w*$/gm)).toEqual(["```mermaid", "```", "```text", "```", "```json", "```"]);
    expect(md.match(/<\/details>/g)).toHaveLength(1);
  });

  it("puts the report's text in a fence that no backticks inside it can close", () => {
    const { plan, state } = scenario();
    const s = playStory(state, "msm-ui-005", { startAt: 50, outcome: { failsIn: "tester", reason: "agent printed ```\n</details>\n# pwned" } });
    const md = renderRunSummary(s, plan, {});
    const open = /<details><summary>Report<\/summary>\n\n(`{4,})json\n/.exec(md)?.[1];
    expect(open).toBeDefined();
    const json = md.slice(md.indexOf(`${open}json\n`) + open!.length + 5, md.lastIndexOf(`\n${open}`));
    expect(JSON.parse(json).results.at(-1).reason).toBe("agent printed ```\n</details>\n# pwned");
  });

  it("says so instead of drawing an empty Gantt before anything has run", () => {
    const { plan } = scenario();
    const md = renderRunSummary(stateFor(plan), plan, {});
    expect(mermaidBlocks(md)).toEqual([]);
    expect(md).toContain("_No phase has run yet._");
  });

  it("stays under the step-summary limit for 3,000 stories, cutting with notes, every chart parseable", async () => {
    const { plan, state } = bigExecution([40, 2_650, 150, 160]);
    const md = renderRunSummary(state, plan, {});
    expect(Buffer.byteLength(md, "utf8")).toBeLessThanOrEqual(1_000_000);
    expect(md).toMatch(/_\d+ more (stories|Gantt charts?) left out for size/);
    expect(md).toContain("_The report is too large for this summary");
    const blocks = mermaidBlocks(md);
    expect(blocks.length).toBeGreaterThan(0);
    for (const chart of blocks) await parseMermaid(chart);
    expect(md).toContain("| big-epic | 3000 | 0 | 3000 | ██████████ 100% |");
  }, 120_000);
});

describe("renderPrComment", () => {
  it("starts with the plan's hidden marker and shows progress and the Gantt", async () => {
    const { plan, state } = scenario();
    const comment = renderPrComment(state, plan, { runUrl: "https://github.com/o/r/actions/runs/42" });
    expect(comment.split("\n")[0]).toBe("<!-- tdd-waves:plan=jwt-auth -->");
    expect(comment.startsWith(commentMarker("jwt-auth"))).toBe(true);
    expect(comment).toContain("**executing** — wave 2 of 4 · 1/5 complete (20%) · 1 failed · 1 blocked · 1 in progress · 1 pending");
    const [chart] = mermaidBlocks(comment);
    expect(await ganttTasks(chart!)).toHaveLength(6);
    expect(comment).toContain("[workflow run](https://github.com/o/r/actions/runs/42)");
    expect(comment).toMatchSnapshot();
  });

  it("stays under GitHub's 65,536 characters for 3,000 stories by cutting the table, never the marker", async () => {
    const { plan, state } = bigExecution([40, 2_650, 150, 160]);
    const comment = renderPrComment(state, plan, {});
    expect(comment.length).toBeLessThan(65_536);
    expect(comment.startsWith("<!-- tdd-waves:plan=big -->\n")).toBe(true);
    expect(comment).toContain("3000/3000 complete (100%)");
    expect(comment).toMatch(/_\d+ more stories left out for size: see the run summary\._/);
    for (const chart of mermaidBlocks(comment)) await parseMermaid(chart);
    const tableRows = comment.split("\n").filter((l) => l.startsWith("| big-epic-"));
    const leftOut = Number(/_(\d+) more stories/.exec(comment)?.[1]);
    expect(tableRows.length + leftOut).toBe(3_000);
  }, 60_000);

  it("keeps the marker whole even with a tiny limit", () => {
    const { plan, state } = scenario();
    const comment = renderPrComment(state, plan, { maxChars: 400 });
    expect(comment.length).toBeLessThanOrEqual(400);
    expect(comment.split("\n")[0]).toBe(commentMarker("jwt-auth"));
  });

  it("makes a marker that no plan name can break out of", () => {
    expect(commentMarker("jwt-auth")).toBe("<!-- tdd-waves:plan=jwt-auth -->");
    expect(commentMarker("a-->b c")).toBe("<!-- tdd-waves:plan=a-%2D%3Eb%20c -->");
    expect(commentMarker("x")).not.toBe(commentMarker("y"));
  });
});

describe("renderStatusText and renderStatusJson", () => {
  it("prints progress per wave and epic for the terminal", () => {
    const { plan, state } = scenario();
    const s = recordError("target branch moved", at(42))(setLock({ kind: "local", id: "host:123", host: "devbox", pid: 123, since: at(0) }, at(42))(state));
    expect(renderStatusText(s, plan)).toMatchInlineSnapshot(`
      "tdd-waves · jwt-auth (plans/jwt-auth.yml) → main
      Status: executing · wave 2 of 4 · updated 2025-01-06T09:42:00.000Z
      Stories: 1/5 complete (20%) · 1 failed · 1 blocked · 1 in progress · 1 pending
      Running: local host:123 on devbox (pid 123) since 2025-01-06T09:00:00.000Z

      Wave 1: 1/1 complete
        ✅ msm-auth-001  Complete      Schema + AuthService

      Wave 2: 0/2 complete, 1 failed, 1 in progress
        ❌ msm-auth-002  Failed        TokenService — 2 of 5 tests fail
        🔄 msm-auth-003  Implementing  API integration

      Wave 3: 0/1 complete, 1 blocked
        ⛔ msm-auth-004  Blocked       Refresh tokens — dependency msm-auth-002 is failed

      Wave 4: 0/1 complete, 1 pending
        ⏳ msm-ui-005    Pending       Login form

      Epics:
        msm-auth  1/4 complete (25%), 1 failed
        msm-ui  0/1 complete (0%), 0 failed

      Errors (2):
        2025-01-06T09:40:00.000Z  msm-auth-002 verify: 2 of 5 tests fail
        2025-01-06T09:42:00.000Z  target branch moved"
    `);
  });

  it("writes no terminal control characters from titles or reasons", () => {
    const { plan, state } = scenario({ "msm-auth-001": "evil\u001b]0;title\u0007\u001b[2J\r\nnext" });
    const text = renderStatusText(state, plan);
    expect(text).not.toMatch(/\p{Cc}(?<!\n)/u);
    expect(text).toContain("evil ]0;title [2J next");
  });

  it("gives the same progress as JSON", () => {
    const { plan, state } = scenario();
    const j = renderStatusJson(state, plan);
    expect(j).toMatchObject({ plan: "jwt-auth", status: "executing", currentWave: 2, totalWaves: 4 });
    expect(j.totals).toEqual({ total: 5, completed: 1, failed: 1, blocked: 1, inProgress: 1, pending: 1, percentComplete: 20 });
    expect(j.waves.map((w) => [w.wave, w.total, w.completed, w.failed, w.blocked, w.inProgress, w.pending])).toEqual([
      [1, 1, 1, 0, 0, 0, 0],
      [2, 2, 0, 1, 0, 1, 0],
      [3, 1, 0, 0, 1, 0, 0],
      [4, 1, 0, 0, 0, 0, 1],
    ]);
    expect(j.waves[1]!.stories).toEqual([
      { id: "msm-auth-002", title: "TokenService", epic: "msm-auth", status: "failed", reason: "2 of 5 tests fail" },
      { id: "msm-auth-003", title: "API integration", epic: "msm-auth", status: "implementing" },
    ]);
    expect(j.epics).toEqual([
      { epic: "msm-auth", total: 4, completed: 1, failed: 1, percentComplete: 25 },
      { epic: "msm-ui", total: 1, completed: 0, failed: 0, percentComplete: 0 },
    ]);
  });
});

describe("formatting helpers", () => {
  it("escapes a Markdown cell", () => {
    expect(markdownCell("a|b <i>x</i> & `c` @me #3\nnext")).toBe("a\\|b &lt;i&gt;x&lt;/i&gt; &amp; \\`c\\` @\u200Bme #\u200B3 next");
  });

  it("formats durations", () => {
    expect([null, 0, 45_000, 250_000, 3_725_000].map(formatDuration)).toEqual(["—", "0s", "45s", "4m 10s", "1h 02m"]);
  });
});
