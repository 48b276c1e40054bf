// A state branch edited by hand, through the real CLI bundle: a missing key or a wrong type is reported
// with the branch, the file and the key, exit 2 and no stack, by every command that reads the state;
// keys it does not know (a newer version's) are kept and shown no error.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { git, gitEnv, makeRepo, planFiles, type TempRepo } from "../support/repo.js";
import { runCli } from "../support/cli.js";

let repo: TempRepo;
let original: Record<string, unknown>;
const FILE = "demo/workflow-state.json";
const WHERE = `tdd-waves/state:${FILE}`;

/** Replaces the state on the branch with `state`, as a user editing the branch would (a new commit). */
function editState(dir: string, state: unknown): void {
  const run = (args: string[], input?: string) => execFileSync("git", args, { cwd: dir, env: { ...process.env, ...gitEnv }, encoding: "utf8", input }).trim();
  const blob = run(["hash-object", "-w", "--stdin"], `${JSON.stringify(state, null, 2)}\n`);
  const sub = run(["mktree"], `100644 blob ${blob}\tworkflow-state.json\n`);
  const tree = run(["mktree"], `040000 tree ${sub}\tdemo\n`);
  const commit = run(["commit-tree", tree, "-p", "tdd-waves/state", "-m", "edited by hand"]);
  run(["update-ref", "refs/heads/tdd-waves/state", commit]);
}

beforeAll(async () => {
  repo = makeRepo(planFiles("demo", [{ id: "a-001" }]));
  const first = await runCli(["run", "plan.yml"], repo.dir);
  expect(first.code).toBe(0);
  original = JSON.parse(git(repo.dir, "show", `tdd-waves/state:${FILE}`)) as Record<string, unknown>;
}, 60_000);

afterAll(() => repo.cleanup());

describe("a state edited by hand", () => {
  it("with a wrong type: every command says which key, exits 2, no stack, nothing changed", async () => {
    editState(repo.dir, { ...original, stories: { ...(original.stories as object), completed: "a-001" } });
    const tip = git(repo.dir, "rev-parse", "tdd-waves/state");
    for (const command of ["status", "report", "gantt", "run"]) {
      const r = await runCli([command, "plan.yml"], repo.dir);
      expect({ command, code: r.code }).toEqual({ command, code: 2 });
      expect(r.stderr).toContain(`${WHERE}: stories.completed: expected an array`);
      expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    }
    expect(git(repo.dir, "rev-parse", "tdd-waves/state")).toBe(tip);
  });

  it("with a missing key, deep inside a run: named with its path", async () => {
    const runs = original.runs as Record<string, Record<string, unknown>>;
    const { phases: _dropped, ...run } = runs["a-001"]!;
    editState(repo.dir, { ...original, runs: { "a-001": run } });
    const r = await runCli(["status", "plan.yml"], repo.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${WHERE}: runs.a-001.phases: missing (expected an array)`);
  });

  it("with keys a newer version added: read as before", async () => {
    const runs = original.runs as Record<string, Record<string, unknown>>;
    editState(repo.dir, { ...original, addedLater: { any: "thing" }, runs: { "a-001": { ...runs["a-001"], usage: { tokens: 12 } } } });
    const r = await runCli(["status", "plan.yml"], repo.dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect((await runCli(["report", "plan.yml"], repo.dir)).code).toBe(0);
  });
});
