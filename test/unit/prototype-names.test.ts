// Names from a plan that an object's prototype also answers to ("constructor", "toString", "__proto__"): refused
// where the name patterns forbid them, and everywhere else looked up as the plan's own, never the prototype's.
import { describe, expect, it } from "vitest";
import { formatIssue, parsePlan } from "../../src/core/plan/parse.js";
import type { Plan } from "../../src/core/plan/model.js";
import { dependentsOf, unmergedCompleted } from "../../src/core/state/progression.js";
import { annotateRun, statusOf } from "../../src/core/state/state.js";
import { buildReport } from "../../src/core/render/report.js";
import { renderGantt } from "../../src/core/render/gantt.js";
import { renderRunSummary } from "../../src/core/render/run-summary.js";
import { renderStatusText } from "../../src/core/render/status-text.js";
import { at, makePlan, playStory, stateFor } from "../support/plans.js";

/** `record[key]` typed as the record's values, as a plain lookup by any name reads it. */
const lookup = <T>(record: Record<string, T> | undefined, key: string): T | undefined => record?.[key];

const yamlPlan = (agents: string, stories: string): string =>
  `name: p\ntest:\n  command: "t {testFile}"\nagents:\n${agents}stories:\n${stories}`;
const story = (id: string, tester: string, extra = ""): string => `  - { id: ${id}, title: T, testFile: ${id}.js, tester: ${tester}, implementer: ${tester}${extra} }\n`;

describe("plan: names an object's prototype answers to", () => {
  it("refuses an agent named __proto__, at its key, in YAML and JSON", () => {
    const yaml = yamlPlan("  __proto__:\n    run: echo hi\n", story("a-1", "__proto__"));
    expect(parsePlan(yaml, "plan.yml").errors.map(formatIssue)).toEqual([
      'plan.yml:5:3 agents.__proto__: "__proto__" is not an agent name: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters',
    ]);
    const json = '{"name": "p", "test": {"command": "t {testFile}"}, "agents": {"__proto__": {"run": "x"}}, "stories": [{"id": "a-1", "title": "T", "testFile": "t.js", "tester": "__proto__", "implementer": "__proto__"}]}';
    expect(parsePlan(json, "plan.json").errors.map(formatIssue)).toEqual([
      'plan.json:1:63 agents.__proto__: "__proto__" is not an agent name: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters',
    ]);
  });

  it("refuses an environment variable named __proto__", () => {
    const yaml = yamlPlan("  a:\n    run: echo hi\n    env: { __proto__: x }\n", story("a-1", "a"));
    expect(parsePlan(yaml, "plan.yml").errors.map(formatIssue)).toEqual([
      'plan.yml:7:12 agents.a.env.__proto__: "__proto__" is not an environment variable name (letters, digits and "_", not starting with a digit)',
    ]);
  });

  it("accepts agents named constructor, toString, valueOf, and finds each as defined", () => {
    const agents = ["constructor", "toString", "valueOf", "hasOwnProperty"].map((n) => `  ${n}:\n    run: run-${n}\n    env: { constructor: c }\n`).join("");
    const { plan, errors } = parsePlan(yamlPlan(agents, story("a-1", "constructor") + story("a-2", "toString") + story("a-3", "valueOf")), "plan.yml");
    expect(errors).toEqual([]);
    const p = plan as Plan;
    expect(p.stories.map((s) => p.agents[s.tester]?.run)).toEqual(["run-constructor", "run-toString", "run-valueOf"]);
    expect(lookup(lookup(p.agents, "constructor")?.env, "constructor")).toBe("c");
    expect(lookup(lookup(p.agents, "toString")?.env, "toString")).toBeUndefined();
  });

  it("calls an agent that agents does not define unknown, whatever its name", () => {
    const errors = parsePlan(yamlPlan("  a:\n    run: x\n", story("a-1", "constructor") + story("a-2", "toString")), "plan.yml").errors.map(formatIssue);
    expect(errors).toHaveLength(4);
    for (const e of errors) expect(e).toMatch(/unknown agent "(constructor|toString)" \(agents defines "a"\)$/);
  });

  it("accepts a story and an epic named constructor, as ids and dependencies", () => {
    const { plan, errors } = parsePlan(yamlPlan("  a:\n    run: x\n", story("constructor", "a") + story("b-1", "a", ", dependsOn: [constructor], epic: constructor")), "plan.yml");
    expect(errors).toEqual([]);
    expect(plan?.stories.map((s) => [s.id, s.epic, s.dependsOn])).toEqual([
      ["constructor", "constructor", []],
      ["b-1", "constructor", ["constructor"]],
    ]);
    const unknown = parsePlan(yamlPlan("  a:\n    run: x\n", story("b-1", "a", ", dependsOn: [constructor]")), "plan.yml").errors.map(formatIssue);
    expect(unknown).toEqual(['plan.yml:8:83 stories[0].dependsOn[0]: unknown story "constructor"']);
  });
});

describe("state, reports and charts of a story named constructor", () => {
  const plan = makePlan([{ id: "constructor" }, { id: "b-1", dependsOn: ["constructor"] }]);

  it("records its attempt and its epic, and every view counts it", () => {
    let s = stateFor(plan);
    expect(statusOf(s, "constructor")).toBe("pending");
    expect(lookup(dependentsOf(plan), "constructor")).toEqual(["b-1"]);
    s = playStory(s, "constructor", { startAt: 0, outcome: "complete" });
    expect(lookup(s.runs, "constructor")?.attempt).toBe(1);
    expect(lookup(s.epics, "constructor")).toEqual({ total: 1, completed: 1, failed: 0 });
    expect(unmergedCompleted(s, plan)).toEqual(["constructor"]);
    s = annotateRun("constructor", { merged: "abc" }, at(20))(s);
    expect(unmergedCompleted(s, plan)).toEqual([]);
    const text = renderStatusText(s, plan);
    expect(text).not.toMatch(/undefined|NaN/);
    expect(text).toMatch(/constructor\s+1\/1 complete \(100%\)/);
    expect(renderRunSummary(s, plan)).not.toMatch(/undefined|NaN/);
    expect(renderGantt(s, { constructor: "T" }).join("\n")).toContain("T-constructor");
    expect(buildReport(s, plan).results.find((r) => r.storyId === "constructor")).toMatchObject({ implStatus: "success" });
  });

  it("a story not yet run has no run, however it is named", () => {
    const s = stateFor(plan);
    expect(Object.hasOwn(s.runs, "constructor")).toBe(false);
    expect(renderStatusText(s, plan)).not.toMatch(/undefined|NaN/);
    expect(buildReport(s, plan).results.find((r) => r.storyId === "constructor")).toBeUndefined();
  });
});
