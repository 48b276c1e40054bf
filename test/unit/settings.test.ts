// The action's inputs: defaults applied once, every bad input named in one clear error.
import { describe, expect, it } from "vitest";
import { ACTION_INPUTS, SettingsError, readSettings } from "../../src/action/settings.js";

/** core.getInput's behaviour: "" for anything not set. */
const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? "";

describe("readSettings", () => {
  it("applies the defaults", () => {
    expect(readSettings(inputs({ command: "plan" }))).toEqual({
      command: "plan", plan: ".tdd-waves/plan.yml", story: undefined, token: undefined,
      stateBranch: "tdd-waves/state", workflow: "tdd-waves.yml", pr: undefined,
    });
  });

  it("reads every input, trimmed", () => {
    const sha = "0123456789abcdef0123456789abcdef01234567";
    expect(readSettings(inputs({
      command: " publish ", plan: "plans/jwt.yml", token: "ghs_x", "state-branch": "ci/state", workflow: "waves.yaml", pr: "42", "wave-start": sha,
    }))).toEqual({ command: "publish", plan: "plans/jwt.yml", story: undefined, token: "ghs_x", stateBranch: "ci/state", workflow: "waves.yaml", pr: 42, waveStart: sha });
    expect(readSettings(inputs({ command: "tester", story: "msm-auth-001" })).story).toBe("msm-auth-001");
  });

  it.each([
    [{}, /input "command": is required: one of plan, tester, implement, verify, integrate, publish, comment/],
    [{ command: "deploy" }, /input "command": must be one of plan, .*; got `deploy`/],
    [{ command: "plan", plan: "../x.yml" }, /input "plan": the plan path `..\/x.yml` leaves the repository/],
    [{ command: "plan", plan: "/abs.yml" }, /input "plan": the plan path `\/abs.yml` is absolute/],
    [{ command: "plan", plan: "plan.txt" }, /input "plan": .*must end in .yml, .yaml or .json/],
    [{ command: "tester" }, /input "story": is required for command tester/],
    [{ command: "verify", story: "Bad Id" }, /input "story": must be a story id/],
    [{ command: "comment" }, /input "token": is required for command comment/],
    [{ command: "publish", token: "t" }, /input "wave-start": is required for command publish/],
    [{ command: "publish", token: "t", "wave-start": "HEAD" }, /input "wave-start": must be a commit id/],
    // Agents and the repository's tests run in these: a token given to them would be a token the agents can reach.
    [{ command: "tester", story: "a-001", token: "ghs_x" }, /input "token": must be empty for command tester: it runs agents/],
    [{ command: "integrate", token: "ghs_x" }, /input "token": must be empty for command integrate/],
    [{ command: "plan", "state-branch": "-x" }, /input "state-branch": must be a branch name/],
    [{ command: "plan", "state-branch": "a..b" }, /input "state-branch": must be a branch name/],
    [{ command: "plan", workflow: "../evil.yml" }, /input "workflow": must be the file name of a workflow/],
    [{ command: "plan", pr: "12abc" }, /input "pr": must be a pull request number/],
    [{ command: "plan", pr: "0" }, /input "pr": must be a pull request number/],
  ])("%j is refused", (values, message) => {
    expect(() => readSettings(inputs(values))).toThrow(SettingsError);
    expect(() => readSettings(inputs(values))).toThrow(message);
  });

  it("reports every bad input at once", () => {
    expect(() => readSettings(inputs({ command: "implement", pr: "x", workflow: "w" })))
      .toThrow(/Invalid action inputs:\n- input "workflow": .*\n- input "pr": .*\n- input "story": is required for command implement/);
  });

  it("asks for exactly the inputs it documents", () => {
    const asked: string[] = [];
    readSettings((name) => {
      asked.push(name);
      return name === "command" ? "plan" : "";
    });
    expect(asked).toEqual(ACTION_INPUTS.map((i) => i.name));
  });
});
