#!/usr/bin/env node
// Cuts the few GitHub REST operations tdd-waves calls (plus every component they reach) out of an
// unpacked @octokit/openapi package into test/fixtures/github-openapi-subset.json, so the test stub
// can check requests against GitHub's published description without the ~385 MB package in the repo.
// Usage: node scripts/cut-openapi.mjs <path-to-unpacked-@octokit/openapi> [out-file]
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The operations src/adapters/github.ts (the action) and src/adapters/github-remote.ts (`dispatch --watch`) use: [method, path template]. */
const OPERATIONS = [
  ["get", "/repos/{owner}/{repo}/collaborators/{username}/permission"],
  ["get", "/repos/{owner}/{repo}/pulls/{pull_number}"],
  ["post", "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"],
  ["get", "/repos/{owner}/{repo}/issues/{issue_number}/comments"],
  ["post", "/repos/{owner}/{repo}/issues/{issue_number}/comments"],
  ["patch", "/repos/{owner}/{repo}/issues/comments/{comment_id}"],
  ["post", "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches"],
  ["get", "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs"],
  ["get", "/repos/{owner}/{repo}/actions/runs/{run_id}"],
  ["get", "/repos/{owner}/{repo}/pulls"],
  ["post", "/repos/{owner}/{repo}/pulls"],
];

/** Operation keys worth keeping; prose, examples and GitHub's doc metadata are dropped to keep the file small.
 * Responses keep only their status codes and one-line descriptions: the stub checks requests, and the
 * response schemas (a full pull request reaches dozens of components) would triple the file. */
const OPERATION_KEYS = ["operationId", "summary", "parameters", "requestBody"];
/** Annotation keys dropped from schemas and parameters (never from a `properties` map, where they are names). */
const ANNOTATIONS = new Set(["description", "example", "examples", "externalDocs", "title", "x-github", "x-octokit"]);

const [pkgDir, outArg] = process.argv.slice(2);
if (!pkgDir) {
  process.stderr.write("usage: node scripts/cut-openapi.mjs <path-to-unpacked-@octokit/openapi> [out-file]\n");
  process.exit(2);
}
const out = resolve(outArg ?? join(dirname(fileURLToPath(import.meta.url)), "..", "test", "fixtures", "github-openapi-subset.json"));
const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
const full = JSON.parse(readFileSync(join(pkgDir, "generated", "api.github.com.json"), "utf8"));

/** Copies a JSON value without annotations; keys of a `properties` map are names and always kept. */
function strip(value, inPropertiesMap = false) {
  if (Array.isArray(value)) return value.map((v) => strip(v));
  if (value === null || typeof value !== "object") return value;
  const copy = {};
  for (const [key, v] of Object.entries(value)) {
    if (!inPropertiesMap && ANNOTATIONS.has(key)) continue;
    copy[key] = strip(v, !inPropertiesMap && (key === "properties" || key === "patternProperties"));
  }
  return copy;
}

/** Resolves a local `#/components/...` pointer in the full description. */
function lookup(ref) {
  if (!ref.startsWith("#/")) throw new Error(`unsupported $ref ${ref}`);
  let node = full;
  for (const part of ref.slice(2).split("/")) {
    node = node?.[part.replaceAll("~1", "/").replaceAll("~0", "~")];
  }
  if (node === undefined) throw new Error(`dangling $ref ${ref}`);
  return node;
}

/** Every `$ref` reachable from `value`, transitively, copied into `components`. */
function collectRefs(value, components, seen = new Set()) {
  if (Array.isArray(value)) return value.forEach((v) => collectRefs(v, components, seen));
  if (value === null || typeof value !== "object") return;
  for (const [key, v] of Object.entries(value)) {
    if (key === "$ref" && typeof v === "string" && !seen.has(v)) {
      seen.add(v);
      const [, section, name] = v.split("/").slice(1);
      const target = strip(lookup(v));
      components[section] ??= {};
      components[section][name] = target;
      collectRefs(target, components, seen);
    } else {
      collectRefs(v, components, seen);
    }
  }
}

const paths = {};
/** GitHub's announced breaking changes for the kept operations (e.g. a future API version that drops a parameter). */
const breakingChanges = [];
for (const [method, path] of OPERATIONS) {
  const item = full.paths[path];
  const op = item?.[method];
  if (!op) throw new Error(`${method.toUpperCase()} ${path} is not in @octokit/openapi ${pkg.version}`);
  paths[path] ??= item.parameters ? { parameters: strip(item.parameters) } : {};
  const kept = {};
  for (const key of OPERATION_KEYS) if (op[key] !== undefined) kept[key] = strip(op[key]);
  kept.responses = Object.fromEntries(Object.entries(op.responses ?? {}).map(([status, response]) =>
    [status, { description: (response.$ref ? lookup(response.$ref) : response).description ?? "" }]));
  paths[path][method] = kept;
  for (const change of op["x-github-breaking-changes"] ?? []) {
    breakingChanges.push({ operationId: op.operationId, apiVersion: change.version, changeset: change.changeset });
  }
}

const components = {};
collectRefs(paths, components);
const sorted = Object.fromEntries(Object.entries(components).sort().map(([section, entries]) =>
  [section, Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)))]));

const dispatch = paths["/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches"].post;
const hasRunDetails = Boolean(dispatch.requestBody?.content?.["application/json"]?.schema?.properties?.return_run_details);
const gaps = hasRunDetails ? [] : [
  "actions/create-workflow-dispatch lacks `return_run_details` in this @octokit/openapi version; the stub allows it anyway.",
];

const subset = {
  openapi: full.openapi,
  info: {
    title: "GitHub REST API — the operations tdd-waves uses",
    version: full.info.version,
    description: `Cut by scripts/cut-openapi.mjs from @octokit/openapi ${pkg.version} (generated/api.github.com.json): `
      + `only the operations listed there and the components they reach; descriptions and examples removed.`,
    "x-source-package": `@octokit/openapi@${pkg.version}`,
    "x-gaps": gaps,
    "x-breaking-changes": breakingChanges,
  },
  paths,
  components: sorted,
};
writeFileSync(out, `${JSON.stringify(subset, null, 1)}\n`);
process.stdout.write(`${out}: ${OPERATIONS.length} operations, ${Object.values(sorted).reduce((n, s) => n + Object.keys(s).length, 0)} components\n`);
