// Terminal Gantt: rows per story grouped by wave, bars to scale, width respected, failures marked, ASCII mode.
import { describe, expect, it } from "vitest";
import { renderGanttTerminal } from "../../src/core/render/gantt-terminal.js";
import { makePlan, playStory, stateFor, titlesOf } from "../support/plans.js";

function execution() {
  const plan = makePlan([
    { id: "auth-001", title: "Hashing" },
    { id: "auth-002", title: "Tokens", dependsOn: ["auth-001"] },
    { id: "auth-003", title: "Login", dependsOn: ["auth-001"] },
  ], { name: "jwt-auth" });
  let s = playStory(stateFor(plan), "auth-001", { startAt: 0, outcome: "complete" });
  s = playStory(s, "auth-002", { startAt: 20, outcome: { failsIn: "verify", reason: "2 tests fail" } });
  s = playStory(s, "auth-003", { startAt: 20, outcome: "complete" });
  return { plan, state: s };
}

// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string): string => s.replace(/\x1b\[[0-9;]*m/g, "");

describe("renderGanttTerminal", () => {
  it("looks like this (UTF-8, no colour)", () => {
    const { plan, state } = execution();
    expect(`\n${renderGanttTerminal(state, titlesOf(plan), { width: 72, unicode: true, color: false })}\n`).toMatchInlineSnapshot(`
      "
      Wave 1
        auth-001 ▒▒▒▒▒▒▒▒▒▒▒▒████████████                             20m 00s
      Wave 2
        auth-002                         ▒▒▒▒▒▒▒▒▒▒▒▒░░░░░░░░░░░░░  ✗ 20m 00s
        auth-003                         ▒▒▒▒▒▒▒▒▒▒▒▒█████████████    20m 00s
                 09:00:00                                  09:40:00   40m 00s
         ▒ tester  █ implementation  ░ failed (✗)  ▶ running
      "
    `);
  });

  it("draws bars to scale and never wider than the terminal", () => {
    const { plan, state } = execution();
    for (const width of [40, 60, 80, 120, 200]) {
      const text = renderGanttTerminal(state, titlesOf(plan), { width, unicode: true, color: true });
      for (const line of text.split("\n")) expect(Array.from(stripAnsi(line)).length).toBeLessThanOrEqual(width);
      const row = (id: string) => stripAnsi(text.split("\n").find((l) => l.includes(id))!);
      // auth-001 runs minutes 0-20 of 40, auth-002 minutes 20-40: the first ends where the second starts.
      const end001 = row("auth-001").lastIndexOf("█");
      const start002 = row("auth-002").indexOf("▒");
      expect(Math.abs(start002 - (end001 + 1))).toBeLessThanOrEqual(1);
    }
  });

  it("marks failed bars and colours them, and falls back to ASCII", () => {
    const { plan, state } = execution();
    const coloured = renderGanttTerminal(state, titlesOf(plan), { width: 80, unicode: true, color: true });
    expect(coloured).toContain("\x1b[31m░");
    const ascii = renderGanttTerminal(state, titlesOf(plan), { width: 80, unicode: false, color: false });
    expect(ascii).toMatch(/^[\x20-\x7e\n]*$/);
    expect(ascii.split("\n").find((l) => l.includes("auth-002"))).toMatch(/-+x+ +X 20m 00s$/);
  });

  it("is empty before anything has run", () => {
    const { plan } = execution();
    expect(renderGanttTerminal(stateFor(plan), {}, { width: 80, unicode: true, color: false })).toBe("");
  });

  it("keeps terminal control characters in story ids out of the output", () => {
    const plan = makePlan([{ id: "x-001" }]);
    const s = playStory(stateFor(plan), "x-001", { startAt: 0, outcome: "complete" });
    const evil = { ...s, runs: { "x\u001b[2J-001": s.runs["x-001"]! } };
    expect(renderGanttTerminal(evil, {}, { width: 80, unicode: true, color: false })).not.toContain("\u001b");
  });
});
