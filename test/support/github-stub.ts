// A local stand-in for the GitHub REST API (the true edge of the action): a node:http server that answers
// the operations tdd-waves uses from fixtures, records every request, and checks each one against
// GitHub's published OpenAPI description (test/fixtures/github-openapi-subset.json, cut by
// scripts/cut-openapi.mjs). A request the description does not allow is a recorded violation and a 400.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

const addFormats = addFormatsModule.default;

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  /** The OpenAPI operation it matched, when it matched one. */
  operationId?: string;
  /** The status the stub answered with. */
  status?: number;
  /** When it arrived (ms since the epoch). */
  at: number;
}

export interface StubPull {
  number: number;
  headRef: string;
  /** `owner/name` of the head repository; null = deleted. Defaults to the base repository. */
  headRepo?: string | null;
  state?: "open" | "closed";
  /** Set for pull requests opened through the API. */
  base?: string;
  title?: string;
  body?: string;
}

/** A job token's permissions, as a workflow's `permissions:` grants them (scope -> read | write | none). */
export type TokenPermissions = Record<string, string>;

export interface StubComment {
  id: number;
  issue: number;
  body: string;
  user: string;
}

export interface StubReaction {
  commentId: number;
  content: string;
}

export interface StubFailure {
  /** OpenAPI operationId, e.g. "issues/create-comment". */
  operationId: string;
  kind: "server-error" | "secondary-rate-limit";
  /** retry-after header for a rate limit, in seconds. */
  retryAfter?: number;
  /** How many matching requests fail (default 1). */
  times?: number;
}

/** A workflow run the stub knows: made by each dispatch; tests move its status along. */
export interface StubRun {
  id: number;
  workflow: string;
  branch: string;
  status: "queued" | "in_progress" | "completed";
  conclusion: "success" | "failure" | "cancelled" | null;
  createdAt: string;
}

export interface StubOptions {
  owner?: string;
  repo?: string;
  /** The token requests must carry (`authorization: token <token>`); a request without it is a violation. */
  token?: string;
  /**
   * Job tokens and what each may do (GitHub's per-job GITHUB_TOKEN): a request without a known token is
   * refused with 401, one whose token lacks the operation's permission with 403; both are recorded in
   * `refused`, not as violations (a hostile process trying is not a bug of the client).
   */
  tokens?: Map<string, TokenPermissions>;
  /** username -> role (admin, maintain, write, triage, read, none, or a custom role name). Unknown users get 404. */
  permissions?: Record<string, string>;
  pulls?: StubPull[];
  /** issue number -> existing comments (ids assigned in order). */
  comments?: Record<number, Array<{ body: string; user?: string }>>;
  /** Answer a dispatch that asks for run details with them (200) rather than 204 No Content. Default true. */
  dispatchRunDetails?: boolean;
  /** Largest page the comment list returns, whatever per_page asks (to force pagination with few comments). */
  maxPerPage?: number;
  failures?: StubFailure[];
  /** Workflow files installed in the repository (others answer 404). Default: every workflow. */
  workflows?: string[];
  /** The token lacks `actions: write`: dispatches answer 403 as GitHub does. */
  readOnlyToken?: boolean;
}

export interface GitHubStub {
  /** API root to give the port as baseUrl. */
  url: string;
  owner: string;
  repo: string;
  requests: RecordedRequest[];
  violations: string[];
  comments: StubComment[];
  reactions: StubReaction[];
  /** Workflow runs started by dispatches, oldest first. */
  runs: StubRun[];
  /** Pull requests, those opened through the API included. */
  pulls: StubPull[];
  /** Requests refused for their token (401 without a known one, 403 without the permission). */
  refused: RecordedRequest[];
  /** Requests for the given operationId. */
  calls(operationId: string): RecordedRequest[];
  /** Queue failures for the next matching requests. */
  fail(failure: StubFailure): void;
  /** Throws, listing them, when any request broke the OpenAPI description. */
  assertNoViolations(): void;
  close(): Promise<void>;
}

const SUBSET_FILE = new URL("../fixtures/github-openapi-subset.json", import.meta.url);
const BOT = "github-actions[bot]";
/** The permission each operation needs: any of [scope, level]; [] = any valid token. */
const NEEDS: Record<string, Array<[string, "read" | "write"]>> = {
  "repos/get-collaborator-permission-level": [],
  "pulls/get": [["pull-requests", "read"]],
  "pulls/list": [["pull-requests", "read"]],
  "pulls/create": [["pull-requests", "write"]],
  "reactions/create-for-issue-comment": [["issues", "write"], ["pull-requests", "write"]],
  "issues/list-comments": [["issues", "read"], ["pull-requests", "read"]],
  "issues/create-comment": [["issues", "write"], ["pull-requests", "write"]],
  "issues/update-comment": [["issues", "write"], ["pull-requests", "write"]],
  "actions/create-workflow-dispatch": [["actions", "write"]],
};

function permits(granted: TokenPermissions, operationId: string): boolean {
  const needs = NEEDS[operationId];
  if (needs === undefined) return false;
  return needs.length === 0 || needs.some(([scope, level]) => granted[scope] === "write" || (level === "read" && granted[scope] === "read"));
}

const LEGACY_PERMISSION: Record<string, string> = { admin: "admin", maintain: "write", write: "write", triage: "read", read: "read", none: "none" };

interface Operation {
  method: string;
  template: string;
  regex: RegExp;
  paramNames: string[];
  operationId: string;
  path: ParamCheck[];
  query: ParamCheck[];
  body?: { required: boolean; validate: ValidateFunction };
}

interface ParamCheck {
  name: string;
  required: boolean;
  validate: ValidateFunction;
  schema: { type?: string; oneOf?: Array<{ type?: string }> };
}

interface OpenApiDoc {
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
}

type ParamObject = { name: string; in: string; required?: boolean; schema: ParamCheck["schema"] };

/** Compiles every operation of the subset into matchers and validators, once per process. */
let compiled: Operation[] | undefined;
function operations(): Operation[] {
  if (compiled) return compiled;
  const doc = JSON.parse(readFileSync(SUBSET_FILE, "utf8")) as OpenApiDoc;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // GitHub's own format for `owner/name` (pulls/create's head_repo).
  ajv.addFormat("repo.nwo", /^[^/]+\/[^/]+$/);
  ajv.addSchema(doc, "github");
  const compileAt = (pointer: string) => ajv.compile({ $ref: `github#${pointer}` });
  const resolve = (node: unknown, pointer: string): { param: ParamObject; pointer: string } => {
    const ref = (node as { $ref?: string }).$ref;
    if (ref === undefined) return { param: node as ParamObject, pointer };
    const target = ref.slice(2).split("/").reduce<unknown>((n, part) => (n as Record<string, unknown>)[part], doc);
    return { param: target as ParamObject, pointer: ref.slice(1) };
  };
  compiled = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    const escaped = `/paths/${encodePointer(template)}`;
    const shared = (item.parameters as unknown[] | undefined ?? []).map((p, i) => resolve(p, `${escaped}/parameters/${i}`));
    for (const [method, raw] of Object.entries(item)) {
      if (method === "parameters") continue;
      const op = raw as { operationId: string; parameters?: unknown[]; requestBody?: { required?: boolean } };
      const own = (op.parameters ?? []).map((p, i) => resolve(p, `${escaped}/${method}/parameters/${i}`));
      const params = [...shared, ...own].map(({ param, pointer }) => ({
        in: param.in,
        check: { name: param.name, required: param.required === true, schema: param.schema, validate: compileAt(`${pointer}/schema`) },
      }));
      const paramNames = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
      compiled.push({
        method: method.toUpperCase(),
        template,
        regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, "([^/]+)")}$`),
        paramNames,
        operationId: op.operationId,
        path: params.filter((p) => p.in === "path").map((p) => p.check),
        query: params.filter((p) => p.in === "query").map((p) => p.check),
        body: op.requestBody === undefined ? undefined : {
          required: op.requestBody.required === true,
          validate: compileAt(`${escaped}/${method}/requestBody/content/application~1json/schema`),
        },
      });
    }
  }
  return compiled;
}

function encodePointer(segment: string): string {
  return encodeURIComponent(segment.replaceAll("~", "~0").replaceAll("/", "~1"));
}

/** Path and query values arrive as text; the description types them, so convert where it says number or boolean. */
function coerce(value: string, schema: ParamCheck["schema"]): unknown {
  const types = [schema.type, ...(schema.oneOf ?? []).map((s) => s.type)];
  if ((types.includes("integer") || types.includes("number")) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (types.includes("boolean") && (value === "true" || value === "false")) return value === "true";
  return value;
}

function check(op: Operation, pathValues: string[], query: URLSearchParams, rawBody: string, contentType: string | undefined): string[] {
  const problems: string[] = [];
  const where = `${op.method} ${op.template}`;
  op.path.forEach((param) => {
    const index = op.paramNames.indexOf(param.name);
    const value = index < 0 ? undefined : pathValues[index];
    if (value === undefined || !param.validate(coerce(decodeURIComponent(value), param.schema))) {
      problems.push(`${where}: path parameter ${param.name}=${JSON.stringify(value)} ${ajvText(param.validate)}`);
    }
  });
  for (const key of new Set(query.keys())) {
    const param = op.query.find((p) => p.name === key);
    if (param === undefined) problems.push(`${where}: query parameter ${key} is not in the description`);
    else if (query.getAll(key).length > 1) problems.push(`${where}: query parameter ${key} given more than once`);
    else if (!param.validate(coerce(query.get(key) ?? "", param.schema))) {
      problems.push(`${where}: query parameter ${key}=${JSON.stringify(query.get(key))} ${ajvText(param.validate)}`);
    }
  }
  for (const param of op.query) if (param.required && !query.has(param.name)) problems.push(`${where}: query parameter ${param.name} is required`);
  problems.push(...checkBody(op, where, rawBody, contentType));
  return problems;
}

function checkBody(op: Operation, where: string, rawBody: string, contentType: string | undefined): string[] {
  if (op.body === undefined) return rawBody.trim() === "" ? [] : [`${where}: takes no request body`];
  if (rawBody.trim() === "") return op.body.required ? [`${where}: request body is required`] : [];
  if (!contentType?.startsWith("application/json")) return [`${where}: content-type ${contentType ?? "(none)"} is not application/json`];
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return [`${where}: request body is not JSON`];
  }
  return op.body.validate(body) ? [] : [`${where}: request body ${ajvText(op.body.validate)}`];
}

function ajvText(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath ? `${e.instancePath} ` : ""}${e.message ?? "is invalid"}`).join("; ") || "is invalid";
}

export async function startGitHubStub(options: StubOptions = {}): Promise<GitHubStub> {
  const owner = options.owner ?? "octo";
  const repo = options.repo ?? "widgets";
  const base = `${owner}/${repo}`;
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const comments: StubComment[] = [];
  const reactions: StubReaction[] = [];
  const failures: StubFailure[] = [...(options.failures ?? [])];
  const runs: StubRun[] = [];
  const installed = (workflow: string | undefined): boolean => options.workflows === undefined || options.workflows.includes(workflow ?? "");
  const pulls: StubPull[] = [...(options.pulls ?? [])];
  const refused: RecordedRequest[] = [];
  let nextId = 1000;
  let nextRunId = 9000;
  for (const [issue, list] of Object.entries(options.comments ?? {})) {
    for (const c of list) comments.push({ id: nextId++, issue: Number(issue), body: c.body, user: c.user ?? "someone" });
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      try {
        handle(req, res, Buffer.concat(chunks).toString("utf8"));
      } catch (error) {
        violations.push(`stub crashed on ${req.method} ${req.url}: ${String(error)}`);
        send(res, 500, { message: "stub error" });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function handle(req: IncomingMessage, res: ServerResponse, rawBody: string): void {
    const parsed = new URL(req.url ?? "/", url);
    const method = req.method ?? "GET";
    const record: RecordedRequest = {
      method, path: parsed.pathname, query: Object.fromEntries(parsed.searchParams), headers: req.headers, body: parseJson(rawBody), at: Date.now(),
    };
    requests.push(record);
    const answer = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      send(res, status, body, headers);
    };

    const found = operations().map((op) => ({ op, m: op.method === method ? op.regex.exec(parsed.pathname) : null })).find((x) => x.m);
    if (!found?.m) {
      violations.push(`${method} ${parsed.pathname}: no such operation in the description`);
      return answer(404, { message: "Not Found" });
    }
    const { op, m } = found;
    record.operationId = op.operationId;
    const problems = check(op, m.slice(1), parsed.searchParams, rawBody, req.headers["content-type"]);
    if (options.tokens !== undefined) {
      const token = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
      const granted = token === undefined ? undefined : options.tokens.get(token);
      if (granted === undefined || !permits(granted, op.operationId)) {
        refused.push(record);
        return granted === undefined
          ? answer(401, { message: "Requires authentication" })
          : answer(403, { message: "Resource not accessible by integration" });
      }
    } else if (options.token !== undefined && req.headers.authorization !== `token ${options.token}`) {
      problems.push(`${op.method} ${op.template}: authorization header is not "token <the token>"`);
    }
    if (problems.length > 0) {
      violations.push(...problems);
      return answer(400, { message: `request violates GitHub's OpenAPI description: ${problems.join("; ")}` });
    }
    const failure = failures.find((f) => f.operationId === op.operationId);
    if (failure) {
      failure.times = (failure.times ?? 1) - 1;
      if (failure.times <= 0) failures.splice(failures.indexOf(failure), 1);
      if (failure.kind === "server-error") return answer(500, { message: "Server Error" });
      return answer(403, {
        message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
        documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
      }, { "retry-after": String(failure.retryAfter ?? 0) });
    }
    const params = Object.fromEntries(op.paramNames.map((name, i) => [name, decodeURIComponent(m[i + 1] ?? "")]));
    if (`${params.owner}/${params.repo}` !== base) return answer(404, { message: "Not Found" });
    const [status, body, headers] = respond(op.operationId, params, parsed, record.body);
    return answer(status, body, headers);
  }

  function respond(operationId: string, p: Record<string, string>, parsed: URL, body: unknown): [number, unknown?, Record<string, string>?] {
    const input = (body ?? {}) as Record<string, unknown>;
    switch (operationId) {
      case "repos/get-collaborator-permission-level": {
        const role = options.permissions?.[p.username ?? ""];
        if (role === undefined) return [404, { message: "Not Found" }];
        return [200, { permission: LEGACY_PERMISSION[role] ?? "read", role_name: role, user: user(p.username ?? "") }];
      }
      case "pulls/get": {
        const pull = pulls.find((x) => x.number === Number(p.pull_number));
        return pull ? [200, pullJson(pull)] : [404, { message: "Not Found" }];
      }
      case "pulls/list": {
        const head = parsed.searchParams.get("head");
        const state = parsed.searchParams.get("state") ?? "open";
        const found = pulls.filter((x) => (head === null || `${owner}:${x.headRef}` === head) && (state === "all" || (x.state ?? "open") === state));
        return [200, found.map(pullJson)];
      }
      case "pulls/create": {
        const number = Math.max(0, ...pulls.map((x) => x.number), ...comments.map((c) => c.issue)) + 1;
        const pull: StubPull = { number, headRef: String(input.head), base: String(input.base), title: String(input.title ?? ""), body: String(input.body ?? "") };
        pulls.push(pull);
        return [201, pullJson(pull)];
      }
      case "reactions/create-for-issue-comment": {
        reactions.push({ commentId: Number(p.comment_id), content: String(input.content) });
        return [201, { id: nextId++, content: input.content, user: user(BOT), created_at: now() }];
      }
      case "issues/list-comments":
        return listComments(Number(p.issue_number), parsed);
      case "issues/create-comment": {
        const comment = { id: nextId++, issue: Number(p.issue_number), body: String(input.body), user: BOT };
        comments.push(comment);
        return [201, commentJson(comment)];
      }
      case "issues/update-comment": {
        const comment = comments.find((c) => c.id === Number(p.comment_id));
        if (!comment) return [404, { message: "Not Found" }];
        comment.body = String(input.body);
        return [200, commentJson(comment)];
      }
      case "actions/create-workflow-dispatch": {
        if (!installed(p.workflow_id)) return [404, { message: "Not Found", status: "404" }];
        if (options.readOnlyToken) return [403, { message: "Resource not accessible by personal access token", status: "403" }];
        const id = nextRunId++;
        runs.push({ id, workflow: p.workflow_id ?? "", branch: String(input.ref), status: "queued", conclusion: null, createdAt: now() });
        if (input.return_run_details !== true || options.dispatchRunDetails === false) return [204];
        return [200, { workflow_run_id: id, run_url: `${url}/repos/${base}/actions/runs/${id}`, html_url: `https://github.com/${base}/actions/runs/${id}` }];
      }
      case "actions/list-workflow-runs": {
        if (!installed(p.workflow_id)) return [404, { message: "Not Found", status: "404" }];
        const branch = parsed.searchParams.get("branch");
        const list = runs.filter((r) => r.workflow === p.workflow_id && (branch === null || r.branch === branch)).reverse();
        return [200, { total_count: list.length, workflow_runs: list.map(runJson) }];
      }
      case "actions/get-workflow-run": {
        const run = runs.find((r) => r.id === Number(p.run_id));
        return run ? [200, runJson(run)] : [404, { message: "Not Found", status: "404" }];
      }
      default:
        return [501, { message: `stub does not answer ${operationId}` }];
    }
  }

  function listComments(issue: number, parsed: URL): [number, unknown, Record<string, string>] {
    const perPage = Math.min(Number(parsed.searchParams.get("per_page") ?? 30), options.maxPerPage ?? 100);
    const page = Number(parsed.searchParams.get("page") ?? 1);
    const all = comments.filter((c) => c.issue === issue);
    const slice = all.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < all.length) {
      const next = new URL(parsed.pathname, url);
      next.searchParams.set("per_page", String(perPage));
      next.searchParams.set("page", String(page + 1));
      headers.link = `<${next.href}>; rel="next"`;
    }
    return [200, slice.map(commentJson), headers];
  }

  function pullJson(pull: StubPull) {
    const headName = pull.headRepo === undefined ? base : pull.headRepo;
    const repoJson = (fullName: string) => ({ id: fullName === base ? 1 : 2, full_name: fullName, name: fullName.split("/")[1], owner: user(fullName.split("/")[0] ?? ""), fork: fullName !== base });
    return {
      number: pull.number, state: pull.state ?? "open", title: pull.title ?? `PR ${pull.number}`, body: pull.body ?? null,
      html_url: `https://github.com/${base}/pull/${pull.number}`,
      head: { ref: pull.headRef, sha: "a".repeat(40), repo: headName === null ? null : repoJson(headName) },
      base: { ref: pull.base ?? "main", sha: "b".repeat(40), repo: repoJson(base) },
    };
  }

  function runJson(r: StubRun) {
    return {
      id: r.id, name: "tdd-waves", head_branch: r.branch, status: r.status, conclusion: r.conclusion, event: "workflow_dispatch",
      path: `.github/workflows/${r.workflow}`, html_url: `https://github.com/${base}/actions/runs/${r.id}`, created_at: r.createdAt, updated_at: now(),
    };
  }

  function commentJson(c: StubComment) {
    return {
      id: c.id, body: c.body, user: user(c.user), html_url: `https://github.com/${base}/pull/${c.issue}#issuecomment-${c.id}`,
      created_at: now(), updated_at: now(), author_association: c.user === BOT ? "NONE" : "MEMBER",
    };
  }

  return {
    url, owner, repo, requests, violations, comments, reactions, runs, pulls, refused,
    calls: (operationId) => requests.filter((r) => r.operationId === operationId),
    fail: (failure) => failures.push({ ...failure }),
    assertNoViolations() {
      if (violations.length > 0) throw new Error(`GitHub stub saw requests the OpenAPI description does not allow:\n${violations.join("\n")}`);
    },
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}

function user(login: string) {
  return { login, id: login.length, type: login.endsWith("[bot]") ? "Bot" : "User" };
}

function now(): string {
  return new Date().toISOString();
}

function parseJson(raw: string): unknown {
  if (raw.trim() === "") return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined || status === 204 ? "" : JSON.stringify(body);
  res.writeHead(status, { ...(text ? { "content-type": "application/json; charset=utf-8" } : {}), ...headers });
  res.end(text);
}
