// The run's progress output: plain timestamped lines for pipes and CI, a live block on a terminal.
import { describe, expect, it } from "vitest";
import { createProgress } from "../../src/cli/progress.js";
import { makePlan } from "../support/plans.js";
import type { CliIO } from "../../src/cli/io.js";

function io(isTTY: boolean): CliIO & { out: string[] } {
  const out: string[] = [];
  return { cwd: "/", stdout: (s) => void out.push(s), stderr: (s) => void out.push(s), isTTY, env: {}, out };
}

const plan = makePlan([{ id: "a-001" }, { id: "b-001" }]);

describe("progress", () => {
  it("prints plain timestamped lines when not on a terminal", () => {
    const o = io(false);
    let t = Date.parse("2026-11-25T10:00:00Z");
    const p = createProgress(o, plan, () => t);
    p.event({ type: "wave", wave: 1, stories: ["a-001", "b-001"] });
    t += 1500;
    p.event({ type: "log", message: "Spawning tester agent (unit) for a-001" });
    p.event({ type: "phase", storyId: "a-001", phase: "tester", agent: "unit" });
    p.event({ type: "story", storyId: "a-001", status: "failed", reason: "tests fail", log: "/logs/a-001/red.log" });
    p.event({ type: "stage", wave: 1, what: "post-merge tests of 1 story on the target" });
    p.event({ type: "stage", wave: 1, what: null });
    p.stop();
    expect(o.out.join("")).toBe(
      "2026-11-25T10:00:00.000Z Wave 1: a-001, b-001\n" +
        "2026-11-25T10:00:01.500Z Spawning tester agent (unit) for a-001\n" +
        "2026-11-25T10:00:01.500Z ❌ a-001 failed: tests fail (log: /logs/a-001/red.log)\n" +
        "2026-11-25T10:00:01.500Z Wave 1: post-merge tests of 1 story on the target\n",
    );
    expect(o.out.join("")).not.toContain("\x1b[");
  });

  it("names what runs between stories in the live header (the wave's post-merge tests)", () => {
    const o = io(true);
    const p = createProgress(o, plan, () => 0);
    p.event({ type: "wave", wave: 1, stories: ["a-001", "b-001"] });
    p.event({ type: "stage", wave: 1, what: "post-merge tests of 2 stories on the target" });
    expect(o.out.at(-1)).toContain("0 running · post-merge tests of 2 stories on the target · 0:00");
    p.event({ type: "stage", wave: 1, what: null });
    expect(o.out.at(-1)).not.toContain("post-merge");
    p.stop();
  });

  it("keeps a live block of running stories, phases and elapsed time under the log on a terminal", () => {
    const o = io(true);
    let t = 0;
    const p = createProgress(o, plan, () => t);
    p.event({ type: "wave", wave: 1, stories: ["a-001", "b-001"] });
    p.event({ type: "phase", storyId: "a-001", phase: "tester", agent: "unit" });
    t = 65_000;
    p.event({ type: "phase", storyId: "b-001", phase: "implementation", agent: "coder" });
    const screen = o.out.join("");
    expect(screen).toContain("wave 1 · 0/2 finished · 2 running · 1:05");
    expect(screen).toMatch(/a-001\s+tester\s+unit\s+1:05/);
    expect(screen).toMatch(/b-001\s+implementation\s+coder\s+0:00/);
    // The block is redrawn in place: the cursor goes back up over the previous block.
    expect(screen).toContain("\x1b[2A\x1b[0J");
    p.event({ type: "story", storyId: "a-001", status: "complete" });
    p.stop();
    expect(o.out.at(-1)).toContain("1/2 finished · 1 running");
  });
});
