// Runs the shipped workflow files against a local `origin` the way the GitHub Actions runner does:
// every job in a fresh checkout, every `uses: ./…` step a `node dist/index.js` child process with the
// runner's environment (INPUT_*, GITHUB_*, RUNNER_TEMP, output and summary files), expressions and `if:`
// evaluated from the file, matrix jobs fanned out up to max-parallel, and the next run started from the
// workflow_dispatch the GitHub stand-in recorded. It enforces the permissions the workflow declares:
// each job gets its own token, valid while the job runs, granting exactly its `permissions:` to the git
// smart HTTP `origin` (git-http.ts) and the API stand-in; a token reaches a step only where the workflow
// puts it (checkout's persisted credentials, `with:`, `env:`); artifacts live in their run only.
// A local composite action of the repository (`uses: ./.github/actions/…`) runs its `run:` steps with bash in
// the workspace; actions/setup-node and actions/setup-python in it are skipped (recorded as such): this
// machine's node and python are the toolchain.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { GitHubStub, RecordedRequest, TokenPermissions } from "./github-stub.js";
import type { GitHttpServer } from "./git-http.js";
import { evaluateIf, interpolate, type ExpressionContext } from "./workflow-expressions.js";

export const ROOT = join(import.meta.dirname, "..", "..");
/** TDD_WAVES_E2E_ACTION runs another build instead (e.g. a deliberately broken one, to see the tests fail). */
const ACTION_MAIN = process.env.TDD_WAVES_E2E_ACTION ?? join(ROOT, "dist", "index.js");
const STEP_TIMEOUT_MS = 60_000;

interface StepSpec { id?: string; name?: string; uses?: string; run?: string; shell?: string; with?: Record<string, unknown>; env?: Record<string, unknown>; if?: string }
interface CompositeAction { runs: { using: string; steps: StepSpec[] } }

/** Toolchain actions a local composite action may use: the machine running the tests has their tools already. */
const TOOLCHAIN_ACTIONS = /^actions\/setup-(node|python)@/;

interface JobSpec {
  name?: string;
  permissions?: Record<string, string> | "read-all" | "write-all";
  needs?: string | string[];
  if?: string;
  outputs?: Record<string, string>;
  strategy?: { matrix?: unknown; "max-parallel"?: unknown; "fail-fast"?: unknown };
  steps: StepSpec[];
}
interface WorkflowSpec { name: string; permissions?: JobSpec["permissions"]; on: Record<string, { inputs?: Record<string, { default?: string }> } | null>; jobs: Record<string, JobSpec> }

export type JobResult = "success" | "failure" | "skipped";

export interface StepRun {
  job: string;
  name: string;
  command: string;
  exitCode: number;
  durationMs: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface JobRun {
  id: string;
  /** The job's display name, expressions evaluated (`Story a-001`). */
  name: string;
  matrix?: Record<string, unknown>;
  result: JobResult;
  steps: StepRun[];
  outputs: Record<string, unknown>;
  workspace?: string;
  /** REST requests the stub recorded while this job ran (story jobs overlap: shared among them). */
  requests: RecordedRequest[];
  /** The job's token (revoked when the job ended) and what it granted. */
  token?: string;
  permissions?: TokenPermissions;
}

export type RunEvent =
  | { name: "workflow_dispatch"; ref: string; inputs: Record<string, string> }
  | { name: "issue_comment"; payload: Record<string, unknown> };

export interface WorkflowRun {
  runId: string;
  workflow: string;
  event: RunEvent;
  jobs: JobRun[];
  /** workflow_dispatch requests the stub recorded during the run. */
  dispatches: Dispatch[];
}

export interface Dispatch {
  workflow: string;
  ref: string;
  inputs: Record<string, string>;
}

export interface ActionsRunnerOptions {
  /** Where job workspaces, runner temp dirs and the empty HOME go. */
  root: string;
  /** The git smart HTTP server of `origin`, and its URL. */
  git: GitHttpServer;
  originUrl: string;
  stub: GitHubStub;
  /** The token table the stub checks requests against: the runner adds each job's token while it runs. */
  tokens: Map<string, TokenPermissions>;
  defaultBranch: string;
  /** Runs after a job's checkout, before its first action step: lets a test move `origin` meanwhile. */
  afterCheckout?: (job: JobRun, workspace: string) => Promise<void> | void;
  /** More environment for every job: what the runner's tool caches provide (e.g. npm_config_cache). */
  env?: Record<string, string>;
}

/** The `name<<delimiter` / `name=value` format of GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "") continue;
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      if (i >= lines.length) throw new Error(`GITHUB_OUTPUT: output ${name} has no closing delimiter ${delimiter}`);
      out[name!] = value.join("\n");
      continue;
    }
    const eq = line.indexOf("=");
    if (eq < 1) throw new Error(`GITHUB_OUTPUT: cannot read line "${line}"`);
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

/** process.env without anything a runner or a developer's shell would leak into the job (identity included). */
function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || /^(GITHUB_|INPUT_|RUNNER_|ACTIONS_|GIT_|GH_)/.test(k) || k === "EMAIL" || k === "HOME") continue;
    env[k] = v;
  }
  return env;
}

interface ProcessResult { exitCode: number; stdout: string; stderr: string }

function runProcess(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), STEP_TIMEOUT_MS);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}

async function gitIn(cwd: string, env: Record<string, string>, ...args: string[]): Promise<void> {
  const r = await runProcess("git", args, cwd, env);
  if (r.exitCode !== 0) throw new Error(`git ${args.join(" ")} failed in ${cwd}: ${r.stderr}`);
}

async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

export function readWorkflow(file: string): WorkflowSpec {
  return parse(readFileSync(join(ROOT, ".github", "workflows", file), "utf8")) as WorkflowSpec;
}

const actionInputs = (parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as { inputs: Record<string, { default?: string }> }).inputs;

/** A job's `permissions:` (else the workflow's) as scope -> level; nothing declared = GitHub's restricted default. */
function permissionsOf(job: JobSpec, wf: WorkflowSpec): TokenPermissions {
  const declared = job.permissions ?? wf.permissions ?? { contents: "read" };
  if (declared === "read-all" || declared === "write-all") {
    const level = declared === "read-all" ? "read" : "write";
    return Object.fromEntries(["actions", "contents", "issues", "pull-requests"].map((scope) => [scope, level]));
  }
  return { ...declared };
}

type RunEnv = { ref: string; runId: string; eventPath: string; eventName: string; workflow: string };

export class ActionsRunner {
  private nextRunId = 4001;
  private jobCount = 0;
  /** Artifacts by run id, then name: uploaded by one job, downloaded by later jobs of the same run only. */
  private readonly artifacts = new Map<string, Map<string, string>>();
  /** The runner's HOME: empty, so git finds no identity (as on a hosted runner's checkout). */
  readonly home: string;

  constructor(private readonly opts: ActionsRunnerOptions) {
    this.home = mkdtempSync(join(opts.root, "home-"));
  }

  /** Every token a job was given (all revoked once their jobs ended). */
  readonly issuedTokens: string[] = [];

  /** One run of `workflowFile` for `event`, every job in `needs` order. */
  async run(workflowFile: string, event: RunEvent): Promise<WorkflowRun> {
    const wf = readWorkflow(workflowFile);
    const runId = String(this.nextRunId++);
    const dispatchesBefore = this.opts.stub.calls("actions/create-workflow-dispatch").length;
    const ref = event.name === "workflow_dispatch" ? event.ref : this.opts.defaultBranch;
    const eventDir = mkdtempSync(join(this.opts.root, `event-${runId}-`));
    const eventPath = join(eventDir, "event.json");
    const repository = { full_name: `${this.opts.stub.owner}/${this.opts.stub.repo}`, default_branch: this.opts.defaultBranch };
    const payload = event.name === "issue_comment" ? event.payload : { inputs: event.inputs, ref: `refs/heads/${ref}`, repository };
    writeFileSync(eventPath, JSON.stringify(payload));
    const declared = event.name === "workflow_dispatch" ? wf.on.workflow_dispatch?.inputs ?? {} : {};
    const inputs = Object.fromEntries(Object.entries(declared).map(([k, v]) => [k, event.name === "workflow_dispatch" ? event.inputs[k] ?? v.default ?? "" : ""]));
    const github = { ref: `refs/heads/${ref}`, ref_name: ref, event: payload, event_name: event.name, run_id: runId, repository: repository.full_name };
    const run: WorkflowRun = { runId, workflow: workflowFile, event, jobs: [], dispatches: [] };
    this.artifacts.set(runId, new Map());
    const needsContext: Record<string, { result: JobResult; outputs: Record<string, unknown> }> = {};
    for (const [id, spec] of jobsInOrder(wf)) {
      const needs = typeof spec.needs === "string" ? [spec.needs] : spec.needs ?? [];
      const base = { inputs, github, secrets: {}, vars: {}, needs: Object.fromEntries(needs.map((n) => [n, needsContext[n]!])) };
      const jobCtx: ExpressionContext = { contexts: base, success: needs.every((n) => needsContext[n]?.result === "success") };
      if (!evaluateIf(spec.if, jobCtx)) {
        run.jobs.push({ id, name: String(interpolate(spec.name ?? id, jobCtx)), result: "skipped", steps: [], outputs: {}, requests: [] });
        needsContext[id] = { result: "skipped", outputs: {} };
        continue;
      }
      const env: RunEnv = { ref, runId, eventPath, eventName: event.name, workflow: wf.name };
      const permissions = permissionsOf(spec, wf);
      const matrix = spec.strategy?.matrix === undefined ? undefined : interpolate(spec.strategy.matrix, jobCtx);
      let jobs: JobRun[];
      if (matrix === undefined) {
        jobs = [await this.runJob(id, spec, base, env, permissions)];
      } else {
        const include = (matrix as { include?: Record<string, unknown>[] }).include ?? [];
        const limit = Number(interpolate(spec.strategy?.["max-parallel"] ?? include.length, jobCtx));
        jobs = await pool(include, limit, (entry) => this.runJob(id, spec, { ...base, matrix: entry }, env, permissions));
      }
      run.jobs.push(...jobs);
      needsContext[id] = {
        result: jobs.length === 0 ? "skipped" : jobs.every((j) => j.result === "success") ? "success" : "failure",
        outputs: jobs.at(-1)?.outputs ?? {},
      };
    }
    this.artifacts.delete(runId);
    run.dispatches = this.opts.stub.calls("actions/create-workflow-dispatch").filter((r) => r.status !== undefined && r.status < 300).slice(dispatchesBefore).map(dispatchOf);
    return run;
  }

  /** Runs the execution from `first` on, each recorded dispatch starting the next run, until one dispatches nothing. */
  async followDispatches(first: Dispatch, maxRuns = 10, afterRun?: (run: WorkflowRun) => void): Promise<WorkflowRun[]> {
    const runs: WorkflowRun[] = [];
    let next: Dispatch | undefined = first;
    while (next) {
      if (runs.length === maxRuns) throw new Error(`still dispatching after ${maxRuns} runs`);
      const run = await this.run(next.workflow, { name: "workflow_dispatch", ref: next.ref, inputs: next.inputs });
      runs.push(run);
      afterRun?.(run);
      if (run.dispatches.length > 1) throw new Error(`run ${run.runId} dispatched ${run.dispatches.length} runs`);
      next = run.dispatches[0];
    }
    return runs;
  }

  private async runJob(id: string, spec: JobSpec, contexts: Record<string, unknown>, env: RunEnv, permissions: TokenPermissions): Promise<JobRun> {
    const n = this.jobCount++;
    const jobDir = mkdtempSync(join(this.opts.root, `job-${n}-`));
    const workspace = join(jobDir, "workspace");
    const runnerTemp = join(jobDir, "temp");
    mkdirSync(workspace);
    mkdirSync(runnerTemp);
    // GitHub's GITHUB_TOKEN: one per job, its permissions the job's, revoked when the job ends.
    const token = `ghs_job${env.runId}x${n}${Math.random().toString(36).slice(2, 10)}`;
    this.issuedTokens.push(token);
    this.opts.tokens.set(token, permissions);
    this.opts.git.grant(token, permissions.contents === "write" ? "write" : permissions.contents === "read" ? "read" : "none");
    const jobContexts = { ...contexts, github: { ...(contexts.github as object), token }, runner: { temp: runnerTemp, os: "Linux" } };
    const steps: Record<string, { outputs: Record<string, string>; outcome: string }> = {};
    const job: JobRun = {
      id,
      name: String(interpolate(spec.name ?? id, { contexts: jobContexts, success: true })),
      ...(contexts.matrix ? { matrix: contexts.matrix as Record<string, unknown> } : {}),
      result: "success",
      steps: [],
      outputs: {},
      workspace,
      requests: [],
      token,
      permissions,
    };
    const requestsBefore = this.opts.stub.requests.length;
    const baseEnv = this.jobEnv(id, workspace, runnerTemp, env);
    try {
      for (const [index, step] of spec.steps.entries()) {
        const ctx: ExpressionContext = { contexts: { ...jobContexts, steps }, success: job.result === "success", workspace };
        if (!evaluateIf(step.if, ctx)) continue;
        const withs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, interpolate(v, ctx)]));
        const ok = await this.runStep(job, step, withs, ctx, { baseEnv, workspace, runId: env.runId, ref: env.ref, token, stepDir: join(jobDir, `step-${index}`), index }, steps);
        if (!ok) job.result = "failure";
      }
    } finally {
      this.opts.tokens.delete(token);
      this.opts.git.grant(token, "none");
    }
    const outCtx: ExpressionContext = { contexts: { ...jobContexts, steps }, success: job.result === "success" };
    job.outputs = Object.fromEntries(Object.entries(spec.outputs ?? {}).map(([k, v]) => [k, interpolate(v, outCtx)]));
    job.requests = this.opts.stub.requests.slice(requestsBefore);
    return job;
  }

  /** One step; false when it failed. */
  private async runStep(
    job: JobRun,
    step: StepSpec,
    withs: Record<string, unknown>,
    ctx: ExpressionContext,
    where: { baseEnv: Record<string, string>; workspace: string; runId: string; ref: string; token: string; stepDir: string; index: number },
    steps: Record<string, { outputs: Record<string, string>; outcome: string }>,
  ): Promise<boolean> {
    const uses = step.uses ?? "";
    const artifacts = this.artifacts.get(where.runId)!;
    if (uses.startsWith("actions/checkout@")) {
      await this.checkout(where.workspace, where.baseEnv, withs, where.ref, where.token);
      if (!withs.path) await this.opts.afterCheckout?.(job, where.workspace);
      return true;
    }
    if (uses.startsWith("actions/upload-artifact@")) return uploadArtifact(artifacts, this.opts.root, withs);
    if (uses.startsWith("actions/download-artifact@")) return downloadArtifact(artifacts, withs);
    if (!uses.startsWith("./")) throw new Error(`the test runner does not run ${uses || "shell"} steps (job ${job.id}, step ${where.index})`);
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, String(interpolate(v, ctx) ?? "")]));
    if (existsSync(join(where.workspace, uses, "action.yml"))) {
      const result = await this.runComposite(job, step, { ...where.baseEnv, ...stepEnv }, ctx);
      job.steps.push(result);
      return result.exitCode === 0;
    }
    // The test repositories hold no action.yml: the runner runs this repository's build for any checked-out path.
    if (!existsSync(join(where.workspace, uses, ".git"))) throw new Error(`job ${job.id} runs ${uses} before checking it out`);
    const result = await this.runAction(job, step, withs, { ...where.baseEnv, ...stepEnv }, ctx, where.stepDir);
    job.steps.push(result);
    if (step.id) steps[step.id] = { outputs: result.outputs, outcome: result.exitCode === 0 ? "success" : "failure" };
    return result.exitCode === 0;
  }

  private jobEnv(jobId: string, workspace: string, runnerTemp: string, env: RunEnv): Record<string, string> {
    const { stub } = this.opts;
    return {
      ...cleanEnv(),
      HOME: this.home,
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_TERMINAL_PROMPT: "0",
      CI: "true",
      GITHUB_ACTIONS: "true",
      GITHUB_WORKSPACE: workspace,
      GITHUB_REPOSITORY: `${stub.owner}/${stub.repo}`,
      GITHUB_REPOSITORY_OWNER: stub.owner,
      GITHUB_RUN_ID: env.runId,
      GITHUB_RUN_ATTEMPT: "1",
      GITHUB_REF: `refs/heads/${env.ref}`,
      GITHUB_REF_NAME: env.ref,
      GITHUB_REF_TYPE: "branch",
      GITHUB_EVENT_NAME: env.eventName,
      GITHUB_EVENT_PATH: env.eventPath,
      GITHUB_API_URL: stub.url,
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_WORKFLOW: env.workflow,
      GITHUB_JOB: jobId,
      RUNNER_TEMP: runnerTemp,
      RUNNER_OS: "Linux",
      ...this.opts.env,
    };
  }

  /**
   * actions/checkout: `ref` (default: the run's ref; a commit id checks out detached), into `path`, all
   * history and branches with fetch-depth 0, else the tip only; authenticated with `token` (default the
   * job's), which stays in .git/config unless `persist-credentials: false`.
   */
  private async checkout(workspace: string, env: Record<string, string>, withs: Record<string, unknown>, runRef: string, jobToken: string): Promise<void> {
    const ref = String(withs.ref || runRef);
    const depth = Number(withs["fetch-depth"] ?? 1);
    const dir = withs.path ? join(workspace, String(withs.path)) : workspace;
    mkdirSync(dir, { recursive: true });
    const auth = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${String(withs.token || jobToken)}`).toString("base64")}`;
    const authed = ["-c", `http.extraheader=${auth}`];
    const sha = /^[0-9a-f]{40}$/.test(ref);
    await gitIn(dir, env, "-c", "init.defaultBranch=main", "init", "-q");
    await gitIn(dir, env, "remote", "add", "origin", this.opts.originUrl);
    if (depth === 0) {
      await gitIn(dir, env, ...authed, "fetch", "-q", "--prune", "origin", "+refs/heads/*:refs/remotes/origin/*", "+refs/tags/*:refs/tags/*");
    } else {
      await gitIn(dir, env, ...authed, "fetch", "-q", "--no-tags", `--depth=${depth}`, "origin", sha ? ref : `+refs/heads/${ref}:refs/remotes/origin/${ref}`);
    }
    if (sha) await gitIn(dir, env, "checkout", "-q", "--force", "--detach", ref);
    else await gitIn(dir, env, "checkout", "-q", "--force", "-B", ref, `refs/remotes/origin/${ref}`);
    if (withs["persist-credentials"] !== false && withs["persist-credentials"] !== "false") {
      await gitIn(dir, env, "config", "--local", `http.${this.opts.git.url}/.extraheader`, auth);
    }
  }

  /** A local composite action: its run steps in order (bash, in the workspace), stopping at the first that fails. */
  private async runComposite(job: JobRun, step: StepSpec, env: Record<string, string>, ctx: ExpressionContext): Promise<StepRun> {
    const workspace = env.GITHUB_WORKSPACE!;
    const action = parse(readFileSync(join(workspace, step.uses!, "action.yml"), "utf8")) as CompositeAction;
    if (action.runs.using !== "composite") throw new Error(`${step.uses}: the test runner runs composite actions only`);
    const started = Date.now();
    let stdout = "";
    let stderr = "";
    let exitCode = 0;
    for (const inner of action.runs.steps) {
      if (inner.uses !== undefined) {
        if (!TOOLCHAIN_ACTIONS.test(inner.uses)) throw new Error(`${step.uses}: the test runner cannot run ${inner.uses}`);
        stdout += `(skipped ${inner.uses}: the toolchain is on this machine)\n`;
        continue;
      }
      if (!evaluateIf(inner.if, ctx)) continue;
      const r = await runProcess("bash", ["-e", "-c", String(interpolate(inner.run, ctx))], workspace, env);
      stdout += r.stdout;
      stderr += r.stderr;
      exitCode = r.exitCode;
      if (exitCode !== 0) break;
    }
    return { job: job.name, name: step.name ?? step.uses!, command: step.uses!, exitCode, durationMs: Date.now() - started, stdout, stderr, outputs: {}, summary: "" };
  }

  private async runAction(job: JobRun, step: StepSpec, withs: Record<string, unknown>, env: Record<string, string>, ctx: ExpressionContext, stepDir: string): Promise<StepRun> {
    mkdirSync(stepDir);
    const files = Object.fromEntries(["GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "GITHUB_STATE", "GITHUB_ENV", "GITHUB_PATH"].map((k) => [k, join(stepDir, k.toLowerCase())]));
    for (const f of Object.values(files)) writeFileSync(f, "");
    // The runner hands the action every input: the step's `with`, else action.yml's default (expressions evaluated).
    const inputs: Record<string, string> = {};
    for (const [name, meta] of Object.entries(actionInputs)) {
      const value = name in withs ? withs[name] : meta.default === undefined ? undefined : interpolate(meta.default, ctx);
      if (value !== undefined && value !== null) inputs[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = String(value);
    }
    const started = Date.now();
    const r = await runProcess(process.execPath, [ACTION_MAIN], env.GITHUB_WORKSPACE!, { ...env, ...files, ...inputs });
    return {
      job: job.name,
      name: step.name ?? step.id ?? String(withs.command),
      command: String(withs.command),
      exitCode: r.exitCode,
      durationMs: Date.now() - started,
      stdout: r.stdout,
      stderr: r.stderr,
      outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT!, "utf8")),
      summary: readFileSync(files.GITHUB_STEP_SUMMARY!, "utf8"),
    };
  }
}

function dispatchOf(r: RecordedRequest): Dispatch {
  const body = r.body as { ref: string; inputs?: Record<string, string> };
  const workflow = decodeURIComponent(r.path.split("/").at(-2) ?? "");
  return { workflow, ref: body.ref, inputs: body.inputs ?? {} };
}

/** Jobs ordered so that each comes after the jobs it needs. */
function jobsInOrder(wf: WorkflowSpec): Array<[string, JobSpec]> {
  const done = new Set<string>();
  const out: Array<[string, JobSpec]> = [];
  const visit = (id: string, path: string[]) => {
    if (done.has(id)) return;
    if (path.includes(id)) throw new Error(`job cycle: ${[...path, id].join(" -> ")}`);
    const spec = wf.jobs[id];
    if (!spec) throw new Error(`unknown job ${id}`);
    for (const n of typeof spec.needs === "string" ? [spec.needs] : spec.needs ?? []) visit(n, [...path, id]);
    done.add(id);
    out.push([id, spec]);
  };
  for (const id of Object.keys(wf.jobs)) visit(id, []);
  return out;
}

/** actions/upload-artifact@v4: `path` (a directory) kept under `name`; a name is taken once per run. */
function uploadArtifact(store: Map<string, string>, root: string, withs: Record<string, unknown>): boolean {
  const name = String(withs.name ?? "artifact");
  const path = String(withs.path ?? "");
  const files = existsSync(path) ? readdirSync(path, { recursive: true }) : [];
  if (files.length === 0) return withs["if-no-files-found"] === "ignore" || withs["if-no-files-found"] === "warn";
  if (store.has(name)) return false;
  // Kept outside every job's directories, as GitHub keeps artifacts off the runner.
  const copy = mkdtempSync(join(root, `artifact-${name}-`));
  cpSync(path, copy, { recursive: true });
  store.set(name, copy);
  return true;
}

/** actions/download-artifact@v4: `name` into `path`, or every artifact matching `pattern` into `path/<name>`. */
function downloadArtifact(store: Map<string, string>, withs: Record<string, unknown>): boolean {
  const path = String(withs.path ?? ".");
  if (withs.name) {
    const dir = store.get(String(withs.name));
    if (!dir) return false;
    cpSync(dir, path, { recursive: true });
    return true;
  }
  const pattern = new RegExp(`^${String(withs.pattern ?? "*").split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
  for (const [name, dir] of store) if (pattern.test(name)) cpSync(dir, join(path, name), { recursive: true });
  return true;
}
