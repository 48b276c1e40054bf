// The plan rules beyond the schema (SPEC §1): ids, dependencies, cycles, agents, paths, durations, waves.
// They read the parsed data defensively, so they still run — and report — when the schema found problems
// elsewhere in the file: every error is reported in one go. Names from the plan are only ever looked up in Maps
// and Sets, so no name ("constructor", "__proto__") can answer from an object's prototype.
import { didYouMean } from "./did-you-mean.js";
import { inDirectory, normalizeRepoPath, repoPathProblem } from "./paths.js";
import { CONTROL_RE, parseDuration } from "./patterns.js";
import { agentNameMessage, envNameMessage } from "./schema.js";
import { DEFAULTS } from "./model.js";
import type { KeyPath, PlanIssue, Position } from "./issue.js";
import { findCycles } from "./waves.js";
import { checkSetup } from "./setup.js";

/** Longest accepted duration: beyond a day a time limit is a typo. */
const MAX_DURATION_MS = 24 * 60 * 60 * 1000;
/** Above this many candidates, "did you mean" costs more than it helps. */
const SUGGEST_LIMIT = 2000;

interface LooseStory {
  index: number;
  id?: string;
  /** `dependsOn` as written; entries that are not strings are the schema's business and skipped here. */
  deps: readonly unknown[];
  tester?: string;
  implementer?: string;
  file?: string;
  testFile?: string;
}

interface LoosePlan {
  root: Record<string, unknown>;
  stories: LooseStory[];
  /** First index of each story id. */
  ids: Map<string, number>;
  agents?: string[];
}

/** What the rules need of a plan source: where a key path is written, and an issue located there. */
export interface RuleSource {
  data: unknown;
  locate(path: KeyPath, target?: "value" | "key"): Position;
  issue(path: KeyPath, message: string, target?: "value" | "key"): PlanIssue;
}

type Rule = (source: RuleSource, plan: LoosePlan) => PlanIssue[];

/** Every rule violation in the parsed plan data (whatever shape it has). */
export function checkPlanRules(source: RuleSource): PlanIssue[] {
  const root = record(source.data);
  if (!root) return [];
  const plan = loosePlan(root);
  const issues: PlanIssue[] = [];
  for (const rule of RULES) {
    for (const issue of rule(source, plan)) issues.push(issue);
  }
  return issues;
}

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** A name from the plan in a message: quoted, its control characters escaped (they never reach a terminal raw). */
const q = (text: string | undefined): string => JSON.stringify(text ?? "");

function loosePlan(root: Record<string, unknown>): LoosePlan {
  const list = Array.isArray(root.stories) ? (root.stories as unknown[]) : [];
  const stories: LooseStory[] = new Array<LooseStory>(list.length);
  const ids = new Map<string, number>();
  for (let index = 0; index < list.length; index++) {
    const s = record(list[index]) ?? {};
    const deps = Array.isArray(s.dependsOn) ? (s.dependsOn as unknown[]) : NO_DEPS;
    const story: LooseStory = { index, id: str(s.id), deps, tester: str(s.tester), implementer: str(s.implementer), file: str(s.file), testFile: str(s.testFile) };
    stories[index] = story;
    if (story.id !== undefined && !ids.has(story.id)) ids.set(story.id, index);
  }
  const agentMap = record(root.agents);
  return { root, stories, ids, agents: agentMap ? Object.keys(agentMap) : undefined };
}

const NO_DEPS: readonly unknown[] = [];

/** The string entries of a story's dependsOn. */
const stringDeps = (s: LooseStory): string[] => s.deps.filter((d): d is string => typeof d === "string");

const suggest = (word: string, candidates: Map<string, unknown> | string[]): string => {
  const size = Array.isArray(candidates) ? candidates.length : candidates.size;
  return size > SUGGEST_LIMIT ? "" : didYouMean(word, Array.isArray(candidates) ? candidates : candidates.keys());
};

const checkIds: Rule = (source, plan) => {
  const issues: PlanIssue[] = [];
  for (const s of plan.stories) {
    const first = s.id === undefined ? undefined : plan.ids.get(s.id);
    if (first === undefined || first === s.index) continue;
    const line = source.locate(["stories", first, "id"]).line;
    issues.push(source.issue(["stories", s.index, "id"], `duplicate story id ${q(s.id)} (first used by stories[${first}], line ${line})`));
  }
  return issues;
};

const checkDependencies: Rule = (source, plan) => {
  const issues: PlanIssue[] = [];
  for (const s of plan.stories) {
    // Dependency lists are short: an earlier duplicate is found by scanning, long lists use a set.
    const seen = s.deps.length > 16 ? new Set<string>() : undefined;
    for (let k = 0; k < s.deps.length; k++) {
      const id = s.deps[k];
      if (typeof id !== "string") continue;
      let message: string | undefined;
      if (seen ? seen.has(id) : s.deps.indexOf(id) < k) message = `${q(id)} is listed twice`;
      else if (id === s.id) message = `story ${q(s.id)} depends on itself`;
      else if (!plan.ids.has(id)) message = `unknown story ${q(id)}${suggest(id, plan.ids)}`;
      seen?.add(id);
      if (message !== undefined) issues.push(source.issue(["stories", s.index, "dependsOn", k], message));
    }
  }
  return issues;
};

const checkCycles: Rule = (source, plan) => {
  const nodes = plan.stories.map((s) => ({ id: s.id ?? `\0${s.index}`, dependsOn: stringDeps(s) }));
  return findCycles(nodes).map((cycle) => {
    const from = plan.ids.get(cycle[0] ?? "") ?? 0;
    const at = Math.max(0, plan.stories[from]?.deps.indexOf(cycle[1 % cycle.length]) ?? 0);
    return source.issue(["stories", from, "dependsOn", at], `cycle: ${[...cycle, cycle[0]].join(" -> ")}`);
  });
};

const checkAgents: Rule = (source, plan) => {
  const agents = plan.agents;
  if (!agents) return [];
  const known = new Set(agents);
  const issues: PlanIssue[] = [];
  const check = (s: LooseStory, role: "tester" | "implementer"): void => {
    const name = s[role];
    // A name with control characters is the schema's to report; it names no agent either way.
    if (name === undefined || name === "" || known.has(name) || CONTROL_RE.test(name)) return;
    const defined = agents.length === 0 ? "agents defines none" : `agents defines ${agents.slice(0, 8).map((a) => `${q(a)}`).join(", ")}${agents.length > 8 ? ", …" : ""}`;
    const hint = suggest(name, agents) || ` (${defined})`;
    issues.push(source.issue(["stories", s.index, role], `unknown agent ${q(name)}${hint}`));
  };
  for (const s of plan.stories) {
    check(s, "tester");
    check(s, "implementer");
  }
  return issues;
};

const checkPaths: Rule = (source, plan) => {
  const { root } = plan;
  const test = record(root.test);
  const prompts = record(root.prompts);
  const issues: PlanIssue[] = [];
  const check = (path: KeyPath, value: unknown, kind: "file" | "directory" = "file"): void => {
    const problem = pathProblem(value, kind);
    if (problem) issues.push(source.issue(path, problem));
  };
  check(["storiesDir"], root.storiesDir, "directory");
  check(["prompts", "tester"], prompts?.tester);
  check(["prompts", "implementation"], prompts?.implementation);
  check(["test", "junit"], typeof test?.junit === "string" ? test.junit.replaceAll("{storyId}", "story") : undefined);
  for (const s of plan.stories) {
    // Key paths are only built for a problem: this loop runs over every story of a valid plan.
    if (pathProblem(s.file, "file")) check(["stories", s.index, "file"], s.file);
    if (pathProblem(s.testFile, "file")) check(["stories", s.index, "testFile"], s.testFile);
  }
  return issues;
};

const pathProblem = (value: unknown, kind: "file" | "directory"): string | undefined =>
  typeof value === "string" && value !== "" ? repoPathProblem(value, kind) : undefined;

/** Two stories writing their status into one story file would overwrite each other. */
const checkSharedStoryFiles: Rule = (source, plan) => {
  // Default files (<storiesDir>/<id>.md) of distinct ids are distinct: only a `file` key can make two meet.
  if (!plan.stories.some((s) => s.file !== undefined)) return [];
  const given = plan.root.storiesDir;
  const dir = normalizeRepoPath(typeof given === "string" && !repoPathProblem(given, "directory") ? given : DEFAULTS.storiesDir);
  const owners = new Map<string, LooseStory>();
  const issues: PlanIssue[] = [];
  for (const s of plan.stories) {
    if (s.id === undefined || plan.ids.get(s.id) !== s.index) continue;
    if (s.file !== undefined && repoPathProblem(s.file)) continue;
    const file = s.file !== undefined ? normalizeRepoPath(s.file) : inDirectory(dir, `${s.id}.md`);
    const owner = owners.get(file);
    if (!owner) {
      owners.set(file, s);
      continue;
    }
    const at: KeyPath = ["stories", s.index, s.file !== undefined ? "file" : "id"];
    issues.push(source.issue(at, `story file ${q(file)} is also the story file of ${q(owner.id)} (stories[${owner.index}]): each story needs its own`));
  }
  return issues;
};

/** An agent runs either its own shell command (`run`) or a preset; `model` and `args` belong to a preset. */
const checkAgentCommands: Rule = (source, plan) => {
  const agents = record(plan.root.agents);
  if (!agents) return [];
  const issues: PlanIssue[] = [];
  for (const [name, value] of Object.entries(agents)) {
    const a = record(value);
    if (!a) continue;
    const hasRun = a.run !== undefined;
    const hasPreset = a.preset !== undefined;
    if (hasRun && hasPreset) issues.push(source.issue(["agents", name, "preset"], "give either run (a shell command) or preset, not both"));
    else if (!hasRun && !hasPreset) issues.push(source.issue(["agents", name], "needs run (a shell command) or preset (see `tdd-waves agents`)", "key"));
    else if (hasRun) {
      for (const key of ["model", "args"] as const) {
        if (a[key] !== undefined) issues.push(source.issue(["agents", name, key], `${key} is for a preset's CLI: with run, put it in the command itself`, "key"));
      }
    }
  }
  return issues;
};

const checkDurations: Rule = (source, plan) => {
  const agents = record(plan.root.agents) ?? {};
  const candidates: [KeyPath, unknown][] = [
    [["test", "timeout"], record(plan.root.test)?.timeout],
    [["setup", "timeout"], record(plan.root.setup)?.timeout],
    ...Object.entries(agents).map(([name, a]): [KeyPath, unknown] => [["agents", name, "timeout"], record(a)?.timeout]),
  ];
  return candidates.flatMap(([path, value]) => {
    const ms = typeof value === "string" ? parseDuration(value) : undefined;
    if (ms === undefined) return [];
    if (ms === 0) return [source.issue(path, "must be longer than 0s")];
    if (ms > MAX_DURATION_MS) return [source.issue(path, `${q(String(value))} is too long: at most 24h`)];
    return [];
  });
};

/**
 * A "__proto__" key in a record (agents, env): zod's records leave it out of their output without a word (copying
 * it could replace an object's prototype), so it would vanish between `plan` and `run`. It is refused here.
 */
const checkPrototypeKeys: Rule = (source, plan) => {
  const agents = record(plan.root.agents);
  if (!agents) return [];
  const issues: PlanIssue[] = [];
  if (Object.hasOwn(agents, "__proto__")) issues.push(source.issue(["agents", "__proto__"], agentNameMessage("__proto__"), "key"));
  for (const name of Object.keys(agents)) {
    const env = record(record(agents[name])?.env);
    if (env && Object.hasOwn(env, "__proto__")) issues.push(source.issue(["agents", name, "env", "__proto__"], envNameMessage("__proto__"), "key"));
  }
  return issues;
};

const checkWaves: Rule = (source, plan) => {
  if (!Array.isArray(plan.root.waves)) return [];
  const issues: PlanIssue[] = [];
  const placed = new Map<string, { wave: number; at: number }>();
  (plan.root.waves as unknown[]).forEach((wave, w) => {
    if (!Array.isArray(wave)) return;
    (wave as unknown[]).forEach((id, at) => {
      if (typeof id !== "string") return;
      const path: KeyPath = ["waves", w, at];
      const before = placed.get(id);
      if (before) issues.push(source.issue(path, `${q(id)} is already in wave ${before.wave + 1} (waves[${before.wave}][${before.at}]): each story goes in exactly one wave`));
      else if (!plan.ids.has(id)) issues.push(source.issue(path, `unknown story ${q(id)}${suggest(id, plan.ids)}`));
      else placed.set(id, { wave: w, at });
    });
  });
  for (const [id, index] of plan.ids) {
    const own = placed.get(id);
    if (!own) {
      issues.push(source.issue(["waves"], `story ${q(id)} is in no wave`, "key"));
      continue;
    }
    for (const d of plan.stories[index]?.deps ?? []) {
      if (typeof d !== "string") continue;
      const dep = placed.get(d);
      if (d === id || !dep || dep.wave < own.wave) continue;
      issues.push(source.issue(["waves", own.wave, own.at], `${q(id)} depends on ${q(d)}, which is in wave ${dep.wave + 1}: a dependency must be in an earlier wave`));
    }
  }
  return issues;
};

/** setup.reuse and setup.copy (issue 10): inside the repository, clear of every story's own files. */
const checkSetupPaths: Rule = (source, plan) =>
  checkSetup(source, plan.root, () => {
    const given = plan.root.storiesDir;
    const dir = normalizeRepoPath(typeof given === "string" && !repoPathProblem(given, "directory") ? given : DEFAULTS.storiesDir);
    const own = new Map<string, string>();
    for (const s of plan.stories) {
      if (s.testFile !== undefined && !repoPathProblem(s.testFile)) own.set(normalizeRepoPath(s.testFile), `the test file of ${q(s.id)}`);
      if (s.file !== undefined ? !repoPathProblem(s.file) : s.id !== undefined) {
        own.set(s.file !== undefined ? normalizeRepoPath(s.file) : inDirectory(dir, `${s.id}.md`), `the story file of ${q(s.id)}`);
      }
    }
    return own;
  });

const RULES: Rule[] = [checkIds, checkDependencies, checkCycles, checkAgents, checkAgentCommands, checkPaths, checkSharedStoryFiles, checkDurations, checkPrototypeKeys, checkWaves, checkSetupPaths];
