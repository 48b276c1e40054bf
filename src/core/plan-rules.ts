// The plan rules beyond the schema (SPEC §1): ids, dependencies, cycles, agents, paths, durations, waves.
// They read the parsed data defensively, so they still run — and report — when the schema found problems
// elsewhere in the file: every error is reported in one go.
import { didYouMean } from "./did-you-mean.js";
import { normalizeRepoPath, repoPathProblem, joinRepoPath } from "./plan-paths.js";
import { parseDuration } from "./plan-schema.js";
import { DEFAULTS } from "./plan-model.js";
import type { KeyPath, PlanIssue, PlanSource } from "./plan-source.js";
import { findCycles } from "./waves.js";

/** Longest accepted duration: beyond a day a time limit is a typo. */
const MAX_DURATION_MS = 24 * 60 * 60 * 1000;
/** Above this many candidates, "did you mean" costs more than it helps. */
const SUGGEST_LIMIT = 2000;

interface LooseStory {
  index: number;
  id?: string;
  deps: { id: string; at: number }[];
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

type Rule = (source: PlanSource, plan: LoosePlan) => PlanIssue[];

/** Every rule violation in the parsed plan data (whatever shape it has). */
export function checkPlanRules(source: PlanSource): PlanIssue[] {
  const root = record(source.data);
  if (!root) return [];
  const plan = loosePlan(root);
  const rules: Rule[] = [checkIds, checkDependencies, checkCycles, checkAgents, checkPaths, checkSharedStoryFiles, checkDurations, checkWaves];
  return rules.flatMap((rule) => rule(source, plan));
}

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

function loosePlan(root: Record<string, unknown>): LoosePlan {
  const list = Array.isArray(root.stories) ? (root.stories as unknown[]) : [];
  const stories = list.map((raw, index): LooseStory => {
    const s = record(raw) ?? {};
    const deps = Array.isArray(s.dependsOn) ? (s.dependsOn as unknown[]) : [];
    return {
      index,
      id: str(s.id),
      deps: deps.flatMap((d, at) => (typeof d === "string" ? [{ id: d, at }] : [])),
      tester: str(s.tester),
      implementer: str(s.implementer),
      file: str(s.file),
      testFile: str(s.testFile),
    };
  });
  const ids = new Map<string, number>();
  for (const s of stories) if (s.id !== undefined && !ids.has(s.id)) ids.set(s.id, s.index);
  const agentMap = record(root.agents);
  return { root, stories, ids, agents: agentMap ? Object.keys(agentMap) : undefined };
}

const suggest = (word: string, candidates: Map<string, unknown> | string[]): string => {
  const size = Array.isArray(candidates) ? candidates.length : candidates.size;
  return size > SUGGEST_LIMIT ? "" : didYouMean(word, Array.isArray(candidates) ? candidates : candidates.keys());
};

const checkIds: Rule = (source, plan) =>
  plan.stories.flatMap((s) => {
    const first = s.id === undefined ? undefined : plan.ids.get(s.id);
    if (first === undefined || first === s.index) return [];
    const line = source.locate(["stories", first, "id"]).line;
    return [source.issue(["stories", s.index, "id"], `duplicate story id "${s.id}" (first used by stories[${first}], line ${line})`)];
  });

const checkDependencies: Rule = (source, plan) =>
  plan.stories.flatMap((s) => {
    const seen = new Set<string>();
    return s.deps.flatMap((d) => {
      const at: KeyPath = ["stories", s.index, "dependsOn", d.at];
      if (seen.has(d.id)) return [source.issue(at, `"${d.id}" is listed twice`)];
      seen.add(d.id);
      if (d.id === s.id) return [source.issue(at, `story "${s.id}" depends on itself`)];
      if (!plan.ids.has(d.id)) return [source.issue(at, `unknown story "${d.id}"${suggest(d.id, plan.ids)}`)];
      return [];
    });
  });

const checkCycles: Rule = (source, plan) => {
  const nodes = plan.stories.map((s) => ({ id: s.id ?? `\0${s.index}`, dependsOn: s.deps.map((d) => d.id) }));
  return findCycles(nodes).map((cycle) => {
    const from = plan.ids.get(cycle[0] ?? "") ?? 0;
    const next = cycle[1 % cycle.length];
    const at = plan.stories[from]?.deps.find((d) => d.id === next)?.at ?? 0;
    return source.issue(["stories", from, "dependsOn", at], `cycle: ${[...cycle, cycle[0]].join(" -> ")}`);
  });
};

const checkAgents: Rule = (source, plan) => {
  const agents = plan.agents;
  if (!agents) return [];
  const known = new Set(agents);
  const defined = agents.length === 0 ? "agents defines none" : `agents defines ${agents.slice(0, 8).map((a) => `"${a}"`).join(", ")}${agents.length > 8 ? ", …" : ""}`;
  return plan.stories.flatMap((s) =>
    (["tester", "implementer"] as const).flatMap((role) => {
      const name = s[role];
      if (name === undefined || name === "" || known.has(name)) return [];
      const hint = suggest(name, agents) || ` (${defined})`;
      return [source.issue(["stories", s.index, role], `unknown agent "${name}"${hint}`)];
    }),
  );
};

const checkPaths: Rule = (source, plan) => {
  const { root } = plan;
  const test = record(root.test);
  const prompts = record(root.prompts);
  const checks: [KeyPath, unknown, "file" | "directory"][] = [
    [["storiesDir"], root.storiesDir, "directory"],
    [["prompts", "tester"], prompts?.tester, "file"],
    [["prompts", "implementation"], prompts?.implementation, "file"],
    [["test", "junit"], typeof test?.junit === "string" ? test.junit.replaceAll("{storyId}", "story") : undefined, "file"],
    ...plan.stories.flatMap((s): [KeyPath, unknown, "file"][] => [
      [["stories", s.index, "file"], s.file, "file"],
      [["stories", s.index, "testFile"], s.testFile, "file"],
    ]),
  ];
  return checks.flatMap(([path, value, kind]) => {
    if (typeof value !== "string" || value === "") return [];
    const problem = repoPathProblem(value, kind);
    return problem ? [source.issue(path, problem)] : [];
  });
};

/** Two stories writing their status into one story file would overwrite each other. */
const checkSharedStoryFiles: Rule = (source, plan) => {
  const dir = typeof plan.root.storiesDir === "string" && !repoPathProblem(plan.root.storiesDir, "directory") ? plan.root.storiesDir : DEFAULTS.storiesDir;
  const owners = new Map<string, LooseStory>();
  return plan.stories.flatMap((s) => {
    if (s.id === undefined || plan.ids.get(s.id) !== s.index) return [];
    if (s.file !== undefined && repoPathProblem(s.file)) return [];
    const file = s.file !== undefined ? normalizeRepoPath(s.file) : joinRepoPath(dir, `${s.id}.md`);
    const owner = owners.get(file);
    if (!owner) {
      owners.set(file, s);
      return [];
    }
    const at: KeyPath = ["stories", s.index, s.file !== undefined ? "file" : "id"];
    return [source.issue(at, `story file "${file}" is also the story file of "${owner.id}" (stories[${owner.index}]): each story needs its own`)];
  });
};

const checkDurations: Rule = (source, plan) => {
  const agents = record(plan.root.agents) ?? {};
  const candidates: [KeyPath, unknown][] = [
    [["test", "timeout"], record(plan.root.test)?.timeout],
    ...Object.entries(agents).map(([name, a]): [KeyPath, unknown] => [["agents", name, "timeout"], record(a)?.timeout]),
  ];
  return candidates.flatMap(([path, value]) => {
    const ms = typeof value === "string" ? parseDuration(value) : undefined;
    if (ms === undefined) return [];
    if (ms === 0) return [source.issue(path, "must be longer than 0s")];
    if (ms > MAX_DURATION_MS) return [source.issue(path, `"${String(value)}" is too long: at most 24h`)];
    return [];
  });
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
      if (before) issues.push(source.issue(path, `"${id}" is already in wave ${before.wave + 1} (waves[${before.wave}][${before.at}]): each story goes in exactly one wave`));
      else if (!plan.ids.has(id)) issues.push(source.issue(path, `unknown story "${id}"${suggest(id, plan.ids)}`));
      else placed.set(id, { wave: w, at });
    });
  });
  for (const [id, index] of plan.ids) {
    const own = placed.get(id);
    if (!own) {
      issues.push(source.issue(["waves"], `story "${id}" is in no wave`, "key"));
      continue;
    }
    for (const d of plan.stories[index]?.deps ?? []) {
      const dep = placed.get(d.id);
      if (d.id === id || !dep || dep.wave < own.wave) continue;
      issues.push(source.issue(["waves", own.wave, own.at], `"${id}" depends on "${d.id}", which is in wave ${dep.wave + 1}: a dependency must be in an earlier wave`));
    }
  }
  return issues;
};
