// Gantt renderer: every chart is checked with the real Mermaid parser, and what Mermaid understood (bars,
// sections, marks, dates) is compared with the recorded execution.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutraliseLabel, renderGantt, renderGanttText } from "../../src/core/render/gantt.js";
import { axisFormatFor, timelineOf } from "../../src/core/render/timeline.js";
import { beginPhase, endPhase, failStory, requeueInProgress, startStory, startWave } from "../../src/core/state/state.js";
import { ganttTasks, parseMermaid } from "../support/mermaid.js";
import { at, bigExecution, block, makePlan, playStory, stateFor, titlesOf } from "../support/plans.js";

/** msm-auth: 001 in wave 1; 002 and 003 (both on 001) in wave 2; 004 (on 002) in wave 3. */
function authPlan() {
  return makePlan([
    { id: "msm-auth-001", title: "Schema + AuthService" },
    { id: "msm-auth-002", title: "TokenService", dependsOn: ["msm-auth-001"] },
    { id: "msm-auth-003", title: "API integration", dependsOn: ["msm-auth-001"], tester: "integration-test", implementer: "coder" },
    { id: "msm-auth-004", title: "Refresh tokens", dependsOn: ["msm-auth-002"] },
  ], { name: "jwt-auth" });
}

describe("renderGantt", () => {
  it("draws one section per wave and one bar per phase, marked done, crit or active, at the recorded times", async () => {
    const plan = authPlan();
    let s = stateFor(plan);
    s = playStory(s, "msm-auth-001", { startAt: 0, outcome: "complete" });
    s = playStory(s, "msm-auth-002", { startAt: 20, outcome: { failsIn: "verify", reason: "2 tests fail" } });
    s = playStory(s, "msm-auth-003", { startAt: 20, outcome: { runningIn: "implementation" } });

    const charts = renderGantt(s, titlesOf(plan));
    expect(charts).toHaveLength(1);
    const tasks = await ganttTasks(charts[0]!);
    const view = tasks.map((t) => ({
      label: t.label,
      section: t.section,
      mark: t.crit ? "crit" : t.active ? "active" : t.done ? "done" : "",
      start: t.start.toISOString(),
      end: t.end.toISOString(),
    }));
    expect(view).toEqual([
      { label: "T-msm-auth-001 — Schema + AuthService", section: "Wave 1", mark: "done", start: at(0), end: at(10) },
      { label: "I-msm-auth-001 — Schema + AuthService", section: "Wave 1", mark: "done", start: at(10), end: at(20) },
      { label: "T-msm-auth-002 — TokenService", section: "Wave 2", mark: "done", start: at(20), end: at(30) },
      { label: "I-msm-auth-002 — TokenService", section: "Wave 2", mark: "crit", start: at(30), end: at(40) },
      { label: "T-msm-auth-003 — API integration", section: "Wave 2", mark: "done", start: at(20), end: at(30) },
      // Still running: it ends, for now, at the latest instant the state records (002 failing at minute 40).
      { label: "I-msm-auth-003 — API integration", section: "Wave 2", mark: "active", start: at(30), end: at(40) },
    ]);
    // Wave 3 has not run: no section, no bar.
    expect(charts[0]).not.toContain("Wave 3");
    expect(charts[0]).toMatchInlineSnapshot(`
      "gantt
          title tdd-waves · jwt-auth
          dateFormat YYYY-MM-DDTHH:mm:ss
          axisFormat %H:%M:%S
          todayMarker off
          section Wave 1
          T-msm-auth-001 — Schema + AuthService :done, t_msm_auth_001, 2025-01-06T09:00:00, 2025-01-06T09:10:00
          I-msm-auth-001 — Schema + AuthService :done, i_msm_auth_001, 2025-01-06T09:10:00, 2025-01-06T09:20:00
          section Wave 2
          T-msm-auth-002 — TokenService :done, t_msm_auth_002, 2025-01-06T09:20:00, 2025-01-06T09:30:00
          I-msm-auth-002 — TokenService :crit, i_msm_auth_002, 2025-01-06T09:30:00, 2025-01-06T09:40:00
          T-msm-auth-003 — API integration :done, t_msm_auth_003, 2025-01-06T09:20:00, 2025-01-06T09:30:00
          I-msm-auth-003 — API integration :active, i_msm_auth_003, 2025-01-06T09:30:00, 2025-01-06T09:40:00
      "
    `);
  });

  it("marks a failed tester or red phase crit and draws no implementation bar that never started", async () => {
    const plan = authPlan();
    let s = playStory(stateFor(plan), "msm-auth-001", { startAt: 0, outcome: { failsIn: "red", reason: "tests pass before implementation" } });
    s = block(s, "msm-auth-002", "msm-auth-001", 11);
    const tasks = await ganttTasks(renderGantt(s, titlesOf(plan))[0]!);
    expect(tasks.map((t) => [t.label.split(" ")[0], t.crit])).toEqual([["T-msm-auth-001", true]]);
  });

  it("counts the plan's setup in the tester bar: a story that failed in setup shows a crit tester bar from setup's start", async () => {
    const plan = authPlan();
    let s = startStory("msm-auth-001", at(0))(startWave(1, at(0))(stateFor(plan)));
    s = beginPhase("msm-auth-001", "setup", at(0))(s);
    s = endPhase("msm-auth-001", "setup", "failed", at(2), "setup failed: setup exited with code 1")(s);
    s = failStory("msm-auth-001", "setup failed: setup exited with code 1", at(2), "setup")(s);
    const [bar] = timelineOf(s, titlesOf(plan)).groups[0]!.rows[0]!.bars;
    expect(bar).toMatchObject({ kind: "T", mark: "crit", start: Date.parse(at(0)), end: Date.parse(at(2)) });
  });

  it("marks the implementation crit when the story fails at integration", async () => {
    const plan = authPlan();
    let s = playStory(stateFor(plan), "msm-auth-001", { startAt: 0, outcome: "complete" });
    s = beginPhase("msm-auth-001", "integrate", at(21))(s);
    s = endPhase("msm-auth-001", "integrate", "failed", at(22), "merge conflict")(s);
    s = failStory("msm-auth-001", "merge conflict", at(22), "integrate")(s);
    const tasks = await ganttTasks(renderGantt(s, titlesOf(plan))[0]!);
    expect(tasks.map((t) => [t.label.split(" ")[0], t.crit, t.done])).toEqual([["T-msm-auth-001", false, true], ["I-msm-auth-001", true, false]]);
  });

  it("does not show a phase left running by an interrupted execution as active", async () => {
    const plan = authPlan();
    let s = playStory(stateFor(plan), "msm-auth-001", { startAt: 0, outcome: { runningIn: "tester" } });
    s = requeueInProgress(at(3))(s);
    const [task] = await ganttTasks(renderGantt(s, titlesOf(plan))[0]!);
    expect(task).toMatchObject({ label: "T-msm-auth-001 — Schema + AuthService", active: false, crit: false, done: false });
  });

  it("renders a state where nothing has run as one chart without bars", async () => {
    const plan = authPlan();
    const charts = renderGantt(stateFor(plan), titlesOf(plan));
    expect(charts).toHaveLength(1);
    expect(await ganttTasks(charts[0]!)).toEqual([]);
  });

  it("gives every bar an explicit start and end of at least one second, in UTC", () => {
    const plan = makePlan([{ id: "x-001" }]);
    let s = stateFor(plan);
    s = beginPhase("x-001", "tester", "2025-01-06T09:00:00.200Z")(s);
    s = endPhase("x-001", "tester", "ok", "2025-01-06T09:00:00.700Z")(s);
    const [chart] = renderGantt(s, {});
    expect(chart).toContain("T-x-001 :done, t_x_001, 2025-01-06T09:00:00, 2025-01-06T09:00:01");
    expect(chart).not.toMatch(/\bafter\b/);
  });

  it("labels every bar T-<story id> or I-<story id>, whatever the other ids look like", async () => {
    const plan = makePlan([{ id: "api-001" }, { id: "web-001" }, { id: "docs" }, { id: "cli-007" }]);
    let s = stateFor(plan);
    for (const [i, id] of ["api-001", "web-001", "docs", "cli-007"].entries()) s = playStory(s, id, { startAt: i, outcome: "complete" });
    const tasks = await ganttTasks(renderGantt(s, titlesOf(plan))[0]!);
    const names = tasks.map((t) => t.label.split(" ")[0]);
    expect(names).toEqual(["T-api-001", "I-api-001", "T-web-001", "I-web-001", "T-docs", "I-docs", "T-cli-007", "I-cli-007"]);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
    expect(renderGanttText(s)).toBe("Wave 1: [T-api-001]→[I-api-001] | [T-web-001]→[I-web-001] | [T-docs]→[I-docs] | [T-cli-007]→[I-cli-007]");
  });

  it("never lets a story's tester bar overlap its implementation bar, whatever the rounding", async () => {
    const plan = makePlan([{ id: "x-001" }]);
    let s = stateFor(plan);
    // The tester ends at .400 (rounded up to :01), the implementation starts at .600 (rounded down to :00).
    s = beginPhase("x-001", "tester", "2025-01-06T09:00:00.100Z")(s);
    s = endPhase("x-001", "tester", "ok", "2025-01-06T09:00:00.400Z")(s);
    s = beginPhase("x-001", "implementation", "2025-01-06T09:00:00.600Z")(s);
    s = endPhase("x-001", "implementation", "ok", "2025-01-06T09:00:00.900Z")(s);
    const [tester, impl] = timelineOf(s, {}).groups[0]!.rows[0]!.bars;
    expect(impl!.start).toBeGreaterThanOrEqual(tester!.end);
    expect(impl!.end).toBeGreaterThan(impl!.start);
    const tasks = await ganttTasks(renderGantt(s, {})[0]!);
    expect(tasks[1]!.start.getTime()).toBeGreaterThanOrEqual(tasks[0]!.end.getTime());
  });

  it("chooses the time axis from the execution's length, so ticks of a short wave differ", () => {
    expect(axisFormatFor(4 * 60_000)).toBe("%H:%M:%S");
    expect(axisFormatFor(5 * 3_600_000)).toBe("%H:%M");
    expect(axisFormatFor(3 * 86_400_000)).toBe("%b %d %H:%M");
    const plan = makePlan([{ id: "x-001" }]);
    const s = playStory(stateFor(plan), "x-001", { startAt: 0, outcome: "complete" });
    expect(renderGantt(s, {})[0]).toContain("axisFormat %H:%M:%S");
  });

  it("refuses a size limit too small to hold a bar", () => {
    const plan = authPlan();
    expect(() => renderGantt(stateFor(plan), {}, { maxChars: 999 })).toThrow(RangeError);
  });
});

describe("neutralised titles", () => {
  const hostile = [
    "Schema: AuthService; #1 \"quoted\" 'single' <b>bold</b> & {braces} `code`",
    "%%{init: {'theme':'forest', 'gantt': {'barHeight': 200}}}%%",
    "</script><script>alert(1)</script>",
    "title injected\nsection Evil\nevil :crit, e1, 2020-01-01, 1d",
    "click t_001 href \"javascript:alert(1)\"",
    "#quot; #35; &amp; &#58; %% comment",
    "a\r\nb\u2028c\u0000d\u001b[31mred\u202Eevil",
    "```\n# heading in the summary",
    "🙂 ünïcödé 漢字 \uD800 lone surrogate",
    "x".repeat(500),
  ];

  async function checkTitle(title: string): Promise<void> {
    const plan = makePlan([{ id: "msm-auth-001", title }, { id: "msm-auth-002", title, dependsOn: ["msm-auth-001"] }]);
    let s = playStory(stateFor(plan), "msm-auth-001", { startAt: 0, outcome: "complete" });
    s = playStory(s, "msm-auth-002", { startAt: 20, outcome: { failsIn: "implementation" } });
    const charts = renderGantt(s, titlesOf(plan));
    expect(charts).toHaveLength(1);
    const tasks = await ganttTasks(charts[0]!);
    // Exactly the four bars, in their sections, nothing injected, nothing swallowed.
    expect(tasks.map((t) => [t.label.split(" ")[0], t.section, t.crit])).toEqual([
      ["T-msm-auth-001", "Wave 1", false],
      ["I-msm-auth-001", "Wave 1", false],
      ["T-msm-auth-002", "Wave 2", false],
      ["I-msm-auth-002", "Wave 2", true],
    ]);
    expect(charts[0]).not.toMatch(/%%|[<>"`{};#&]/);
    expect(charts[0]!.split("\n")).toHaveLength(12);
  }

  it.each(hostile)("keeps the chart intact with title %j", checkTitle);

  it("keeps every chart parseable and every story identifiable whatever the title (property)", async () => {
    const punctuation = [..."!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"];
    const piece = fc.oneof(
      fc.constantFrom(...punctuation, "%%", "%%{init: {}}%%", "</script>", "\n", "\r\n", "section ", "title ", "click ", "#35;", "-->", ":crit,"),
      fc.string({ unit: "grapheme" }),
      fc.string({ unit: "binary" }),
    );
    const title = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(""));
    await fc.assert(fc.asyncProperty(title, checkTitle), { numRuns: 150 });
  });

  it("stays readable: look-alikes, one line, cut with an ellipsis", () => {
    expect(neutraliseLabel("Login: email; #2 <form> & \"remember me\"")).toBe("Login∶ email； ＃2 ‹form› ＆ ”remember me”");
    expect(neutraliseLabel("two\nlines\t here")).toBe("two lines here");
    expect(neutraliseLabel("abcdef", 4)).toBe("abc…");
    expect(neutraliseLabel("👩\u200D💻 dev\u202Eved")).toBe("👩\u200D💻 dev ved");
  });
});

describe("size limits", () => {
  it("splits a 3,000-story execution into charts of at most 50,000 characters without losing a story", async () => {
    // Wave 2 alone is far over the limit; the small waves fit whole.
    const { state, titles } = bigExecution([40, 2_650, 150, 160]);
    const charts = renderGantt(state, titles);
    expect(charts.length).toBeGreaterThan(5);
    const seen = new Map<string, string[]>();
    for (const chart of charts) {
      expect(chart.length).toBeLessThanOrEqual(50_000);
      for (const t of await ganttTasks(chart)) {
        const id = /big-epic-\d{4}/.exec(t.label)?.[0];
        expect(id, t.label).toBeDefined();
        seen.set(id!, [...(seen.get(id!) ?? []), t.label.slice(0, 1)]);
      }
    }
    expect(seen.size).toBe(3_000);
    expect([...seen.values()].every((kinds) => kinds.join("") === "TI")).toBe(true);
    // The huge wave is cut into numbered parts; the small waves are never cut.
    const sections = charts.flatMap((c) => [...c.matchAll(/section (.*)/g)].map((m) => m[1]));
    const parts = sections.filter((x) => x!.startsWith("Wave 2 (part "));
    expect(parts.length).toBeGreaterThan(4);
    expect(parts.every((p, k) => p === `Wave 2 (part ${k + 1}/${parts.length})`)).toBe(true);
    for (const w of [1, 3, 4]) expect(sections.filter((x) => x === `Wave ${w}`)).toHaveLength(1);
    expect(charts.map((c) => /title (.*)/.exec(c)?.[1])).toEqual(charts.map((_, i) => `tdd-waves · big (${i + 1}/${charts.length})`));
  }, 120_000);

  it("keeps whole waves together in a chart where they fit", async () => {
    const { state, titles } = bigExecution([10, 10, 10, 10]);
    const charts = renderGantt(state, titles, { maxChars: 5_000 });
    expect(charts.length).toBeGreaterThan(1);
    for (const chart of charts) {
      expect(chart.length).toBeLessThanOrEqual(5_000);
      await parseMermaid(chart);
      expect(chart).not.toContain("part");
    }
    expect(charts.join("").match(/section Wave/g)).toHaveLength(4);
  });
});

describe("renderGanttText", () => {
  it("writes the PM form, one line per wave, parallel pairs separated by |", () => {
    const plan = authPlan();
    let s = stateFor(plan);
    for (const id of ["msm-auth-001", "msm-auth-002", "msm-auth-003", "msm-auth-004"]) s = playStory(s, id, { startAt: 0, outcome: "complete" });
    expect(renderGanttText(s)).toBe("Wave 1: [T-msm-auth-001]→[I-msm-auth-001]\nWave 2: [T-msm-auth-002]→[I-msm-auth-002] | [T-msm-auth-003]→[I-msm-auth-003]\nWave 3: [T-msm-auth-004]→[I-msm-auth-004]");
  });

  it("shows stories that are not complete with their status, pending ones included", () => {
    const plan = authPlan();
    let s = playStory(stateFor(plan), "msm-auth-001", { startAt: 0, outcome: "complete" });
    s = playStory(s, "msm-auth-002", { startAt: 20, outcome: { failsIn: "tester" } });
    s = playStory(s, "msm-auth-003", { startAt: 20, outcome: { runningIn: "implementation" } });
    s = block(s, "msm-auth-004", "msm-auth-002", 30);
    expect(renderGanttText(s)).toBe(
      "Wave 1: [T-msm-auth-001]→[I-msm-auth-001]\nWave 2: [T-msm-auth-002]→[I-msm-auth-002] (failed) | [T-msm-auth-003]→[I-msm-auth-003] (implementing)\nWave 3: [T-msm-auth-004]→[I-msm-auth-004] (blocked)",
    );
    expect(renderGanttText(stateFor(plan)).split("\n")[0]).toBe("Wave 1: [T-msm-auth-001]→[I-msm-auth-001] (pending)");
  });
});
