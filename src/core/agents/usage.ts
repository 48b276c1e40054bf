// What an agent phase used and cost, read from what the agent reports: a preset CLI's machine-readable output
// (the shapes each CLI documents, see presets.ts), or the small JSON file any agent may write to
// $TDD_WAVES_USAGE_FILE. Unknown stays unknown: a field the agent did not report is absent, never a zero.
// Input tokens count every prompt token, cached ones included; cachedTokens is the part served from a cache.

export interface AgentUsage {
  model?: string;
  inputTokens?: number;
  outputTokens?: number;
  cachedTokens?: number;
  costUsd?: number;
  turns?: number;
  /** The agent's own session (thread) id, to look the conversation up in the agent's tool. */
  sessionId?: string;
}

export type UsageFormat = "claude-json" | "codex-jsonl" | "gemini-json" | "opencode-jsonl";

const NUMBER_KEYS = ["inputTokens", "outputTokens", "cachedTokens", "costUsd", "turns"] as const;
type NumberKey = (typeof NUMBER_KEYS)[number];

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** Sum of the numbers given; undefined when none is known. */
function sum(...values: (number | undefined)[]): number | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length === 0 ? undefined : known.reduce((a, b) => a + b, 0);
}

/** `usage` without its undefined fields (so that JSON and equality see only what is known). */
export function compactUsage(usage: AgentUsage): AgentUsage {
  const out: AgentUsage = {};
  for (const [k, v] of Object.entries(usage)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

const isEmpty = (usage: AgentUsage): boolean => Object.keys(compactUsage(usage)).length === 0;

/** Every JSON object on its own line of `text` (JSONL), lines that are not JSON skipped. */
function jsonLines(text: string): Json[] {
  const out: Json[] = [];
  for (const line of text.split("\n")) {
    const t = line.trim();
    if (!t.startsWith("{")) continue;
    try {
      const v: unknown = JSON.parse(t);
      if (isObject(v)) out.push(v);
    } catch {
      // Not an event: progress text some CLIs mix in.
    }
  }
  return out;
}

/** The single JSON object a CLI prints (whole text), else the last object line that `pick` accepts. */
function lastObject(text: string, pick: (o: Json) => boolean): Json | undefined {
  try {
    const v: unknown = JSON.parse(text.trim());
    if (isObject(v)) return v;
  } catch {
    // Streamed or mixed output: look line by line.
  }
  return jsonLines(text).filter(pick).at(-1);
}

/**
 * Claude Code `--output-format json` (and the last line of `stream-json`): one `result` object with
 * total_cost_usd, num_turns, session_id, usage {input_tokens, output_tokens, cache_read_input_tokens,
 * cache_creation_input_tokens} and, in recent versions, modelUsage keyed by model.
 */
function claude(text: string): AgentUsage {
  const r = lastObject(text, (o) => o.type === "result");
  if (!r) return {};
  const u = isObject(r.usage) ? r.usage : {};
  const cacheRead = num(u.cache_read_input_tokens);
  const models = isObject(r.modelUsage) ? Object.keys(r.modelUsage) : [];
  return {
    model: models.length > 0 ? models.join(", ") : str(r.model),
    inputTokens: num(u.input_tokens) === undefined ? undefined : sum(num(u.input_tokens), num(u.cache_creation_input_tokens), cacheRead),
    outputTokens: num(u.output_tokens),
    cachedTokens: cacheRead,
    // Older versions called it cost_usd.
    costUsd: num(r.total_cost_usd) ?? num(r.cost_usd),
    turns: num(r.num_turns),
    sessionId: str(r.session_id),
  };
}

/** Codex `exec --json`: thread.started {thread_id}; one turn.completed {usage: {input_tokens, cached_input_tokens, output_tokens}} per turn. */
function codex(text: string): AgentUsage {
  const events = jsonLines(text);
  const turns = events.filter((e) => (e.type === "turn.completed" || e.type === "turn.failed") && isObject(e.usage));
  const usages = turns.map((e) => e.usage as Json);
  return {
    inputTokens: sum(...usages.map((u) => num(u.input_tokens))),
    outputTokens: sum(...usages.map((u) => num(u.output_tokens))),
    cachedTokens: sum(...usages.map((u) => num(u.cached_input_tokens))),
    turns: turns.length > 0 ? turns.length : undefined,
    sessionId: str(events.find((e) => e.type === "thread.started")?.thread_id),
  };
}

/** Gemini CLI `--output-format json`: {session_id?, response, stats: {models: {<model>: {tokens: {prompt, candidates, cached, thoughts}}}}}. */
function gemini(text: string): AgentUsage {
  const r = lastObject(text, (o) => isObject(o.stats));
  if (!r) return {};
  const models = isObject(r.stats) && isObject(r.stats.models) ? r.stats.models : {};
  const tokens = Object.values(models).map((m) => (isObject(m) && isObject(m.tokens) ? m.tokens : {}));
  return {
    model: Object.keys(models).length > 0 ? Object.keys(models).join(", ") : undefined,
    inputTokens: sum(...tokens.map((t) => num(t.prompt))),
    // Thinking tokens are billed as output.
    outputTokens: sum(...tokens.map((t) => num(t.candidates)), ...tokens.map((t) => num(t.thoughts))),
    cachedTokens: sum(...tokens.map((t) => num(t.cached))),
    sessionId: str(r.session_id),
  };
}

/** opencode `run --format json`: events with sessionID; each step_finish part has tokens {input, output, reasoning, cache {read, write}} and cost. */
function opencode(text: string): AgentUsage {
  const events = jsonLines(text);
  const steps = events.filter((e) => e.type === "step_finish" && isObject(e.part)).map((e) => e.part as Json);
  const tokens = steps.map((p) => (isObject(p.tokens) ? p.tokens : {}));
  const cache = tokens.map((t) => (isObject(t.cache) ? t.cache : {}));
  const input = sum(...tokens.map((t) => num(t.input)));
  return {
    inputTokens: input === undefined ? undefined : sum(input, ...cache.map((c) => num(c.read)), ...cache.map((c) => num(c.write))),
    outputTokens: sum(...tokens.map((t) => num(t.output)), ...tokens.map((t) => num(t.reasoning))),
    cachedTokens: sum(...cache.map((c) => num(c.read))),
    costUsd: sum(...steps.map((p) => num(p.cost))),
    turns: steps.length > 0 ? steps.length : undefined,
    sessionId: str(events.find((e) => typeof e.sessionID === "string")?.sessionID),
  };
}

const PARSERS: Record<UsageFormat, (text: string) => AgentUsage> = {
  "claude-json": claude,
  "codex-jsonl": codex,
  "gemini-json": gemini,
  "opencode-jsonl": opencode,
};

/** The usage a preset CLI reported on its standard output; {} when it reported none (or printed something else). */
export function parseAgentOutput(format: UsageFormat, stdout: string): AgentUsage {
  return compactUsage(PARSERS[format](stdout));
}

/**
 * The usage file an agent wrote: `{"model", "inputTokens", "outputTokens", "cachedTokens", "costUsd", "turns",
 * "sessionId"}`, every key optional. Values of the wrong type are left out and named in `problems`.
 */
export function parseUsageFile(text: string): { usage: AgentUsage; problems: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { usage: {}, problems: [`not JSON (${e instanceof Error ? e.message : String(e)})`] };
  }
  if (!isObject(data)) return { usage: {}, problems: ["not a JSON object"] };
  const usage: AgentUsage = {};
  const problems: string[] = [];
  for (const key of ["model", "sessionId"] as const) {
    if (data[key] === undefined || data[key] === null) continue;
    if (str(data[key]) === undefined) problems.push(`${key} must be a non-empty string`);
    else usage[key] = data[key] as string;
  }
  for (const key of NUMBER_KEYS) {
    if (data[key] === undefined || data[key] === null) continue;
    const value = num(data[key]);
    if (value === undefined) problems.push(`${key} must be a number of 0 or more`);
    else usage[key as NumberKey] = value;
  }
  return { usage, problems };
}

/** One phase's usage from several reports, later ones winning: the configured model, the CLI's output, the usage file the agent wrote. */
export function mergeUsage(...layers: (AgentUsage | undefined)[]): AgentUsage | undefined {
  const merged = compactUsage(Object.assign({}, ...layers.filter(Boolean).map((l) => compactUsage(l!))) as AgentUsage);
  return isEmpty(merged) ? undefined : merged;
}

/** Usage added up over agent phases. `costUsd` sums the phases that reported a cost; `unknownCost` counts those that did not. */
export interface UsageTotals {
  /** Agent phases counted. */
  phases: number;
  inputTokens?: number;
  outputTokens?: number;
  cachedTokens?: number;
  costUsd?: number;
  turns?: number;
  /** Phases whose cost is unknown: with any, `costUsd` is a lower bound. */
  unknownCost: number;
}

export const NO_USAGE: UsageTotals = { phases: 0, unknownCost: 0 };

/** `totals` with one more agent phase (its usage undefined when it reported nothing). */
export function addUsage(totals: UsageTotals | undefined, usage: AgentUsage | undefined): UsageTotals {
  const t = totals ?? NO_USAGE;
  const out: UsageTotals = { phases: t.phases + 1, unknownCost: t.unknownCost + (usage?.costUsd === undefined ? 1 : 0) };
  for (const key of NUMBER_KEYS) {
    const value = sum(t[key], usage?.[key]);
    if (value !== undefined) out[key] = key === "costUsd" ? roundUsd(value) : value;
  }
  return out;
}

/** Totals of several totals. */
export function sumTotals(list: readonly (UsageTotals | undefined)[]): UsageTotals {
  const out: UsageTotals = { phases: 0, unknownCost: 0 };
  for (const t of list) {
    if (!t) continue;
    out.phases += t.phases;
    out.unknownCost += t.unknownCost;
    for (const key of NUMBER_KEYS) {
      const value = sum(out[key], t[key]);
      if (value !== undefined) out[key] = key === "costUsd" ? roundUsd(value) : value;
    }
  }
  return out;
}

/** Dollar sums kept to a millionth of a cent: 0.1 + 0.2 is 0.3 here. */
export const roundUsd = (usd: number): number => Math.round(usd * 1e8) / 1e8;

/** `$1.23`, `$0.0042`; with phases of unknown cost, `≥ $1.23`; `—` when no cost is known at all. */
export function formatCost(t: Pick<UsageTotals, "costUsd" | "unknownCost"> | undefined): string {
  if (!t || t.costUsd === undefined) return "—";
  const usd = t.costUsd >= 0.01 || t.costUsd === 0 ? t.costUsd.toFixed(2) : t.costUsd.toPrecision(2);
  return `${t.unknownCost > 0 ? "≥ " : ""}$${usd}`;
}

/** `12.3k in (10.0k cached) / 1.2k out`, or `—` when no token count is known. */
export function formatTokens(t: Pick<UsageTotals, "inputTokens" | "outputTokens" | "cachedTokens"> | undefined): string {
  if (!t || (t.inputTokens === undefined && t.outputTokens === undefined)) return "—";
  const k = (n: number | undefined): string => (n === undefined ? "?" : n < 1000 ? String(n) : `${(n / 1000).toFixed(1)}k`);
  const cached = t.cachedTokens === undefined ? "" : ` (${k(t.cachedTokens)} cached)`;
  return `${k(t.inputTokens)} in${cached} / ${k(t.outputTokens)} out`;
}
