export const id = 450;
export const ids = [450];
export const modules = {

/***/ 9081:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GQ: () => (/* binding */ recordStop),
/* harmony export */   L2: () => (/* binding */ recordUsage),
/* harmony export */   OO: () => (/* binding */ executionUsage),
/* harmony export */   Od: () => (/* binding */ budgetBeforePhase),
/* harmony export */   Ov: () => (/* binding */ executionBudgetReached),
/* harmony export */   VK: () => (/* binding */ storyUsage),
/* harmony export */   V_: () => (/* binding */ storyOverBudget),
/* harmony export */   eh: () => (/* binding */ clearStop),
/* harmony export */   vt: () => (/* binding */ returnToPending)
/* harmony export */ });
/* harmony import */ var _state_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6624);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5785);
/* harmony import */ var _own_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6207);
// Usage in the execution state and the plan's budget (`budget: { costUsd, perStoryCostUsd }`): pure transitions
// that record a phase's usage, and the rules that say when no new agent phase may start. Only recorded costs
// count: an agent that reports none spends nothing as far as a budget can tell (the README says so).



/** Float sums are rounded in the state; a comparison keeps the same margin. */
const EPSILON = 1e-9;
const reached = (spent, limit) => limit !== undefined && (spent ?? 0) >= limit - EPSILON;
const usd = (n) => (0,_usage_js__WEBPACK_IMPORTED_MODULE_1__/* .formatCost */ .BD)({ costUsd: n, unknownCost: 0 });
/** Totals of one story over every attempt (phases of earlier attempts are gone from `runs`, not from here). */
const storyUsage = (state, id) => state.usage?.[id];
/** Totals of the whole execution. */
const executionUsage = (state) => (0,_usage_js__WEBPACK_IMPORTED_MODULE_1__/* .sumTotals */ .L_)(Object.values(state.usage ?? {}));
/** Records an agent phase's usage: on its phase record (the last one of that name) and in the story's totals. */
const recordUsage = (id, phase, usage) => (state) => {
    const run = (0,_own_js__WEBPACK_IMPORTED_MODULE_2__/* .own */ .Z)(state.runs, id);
    let runs = state.runs;
    if (run && usage) {
        const phases = [...run.phases];
        for (let i = phases.length - 1; i >= 0; i--) {
            if (phases[i].phase !== phase)
                continue;
            phases[i] = { ...phases[i], usage };
            break;
        }
        runs = { ...state.runs, [id]: { ...run, phases } };
    }
    return { ...state, runs, usage: { ...state.usage, [id]: (0,_usage_js__WEBPACK_IMPORTED_MODULE_1__/* .addUsage */ .vk)(state.usage?.[id], usage) } };
};
/** Whether `id` may start another agent phase: the execution's budget first, then the story's own. */
function budgetBeforePhase(state, budget, id) {
    if (!budget)
        return undefined;
    const spent = executionUsage(state).costUsd;
    if (reached(spent, budget.costUsd))
        return { kind: "execution", message: executionMessage(spent ?? 0, budget.costUsd) };
    const own = storyUsage(state, id)?.costUsd;
    if (reached(own, budget.perStoryCostUsd))
        return { kind: "story", message: storyMessage(own ?? 0, budget.perStoryCostUsd) };
    return undefined;
}
/** After an agent phase: a story whose recorded cost went over its own budget fails. */
function storyOverBudget(state, budget, id) {
    const own = storyUsage(state, id)?.costUsd;
    const limit = budget?.perStoryCostUsd;
    return limit !== undefined && own !== undefined && own > limit + EPSILON ? storyMessage(own, limit) : undefined;
}
/** Whether the execution's budget is used up (no new story starts). */
function executionBudgetReached(state, budget) {
    const spent = executionUsage(state).costUsd;
    return reached(spent, budget?.costUsd) ? executionMessage(spent ?? 0, budget.costUsd) : undefined;
}
const executionMessage = (spent, limit) => `budget: the execution's recorded cost ${usd((0,_usage_js__WEBPACK_IMPORTED_MODULE_1__/* .roundUsd */ .tE)(spent))} reached its budget of ${usd(limit)}; no new agent phase starts (raise budget.costUsd and run again to continue)`;
const storyMessage = (spent, limit) => `budget: the story's recorded cost ${usd((0,_usage_js__WEBPACK_IMPORTED_MODULE_1__/* .roundUsd */ .tE)(spent))} reached its budget of ${usd(limit)}`;
/** The execution stops for its budget: said in the state; resuming clears it. */
const recordStop = (message, now) => (state) => (0,_state_state_js__WEBPACK_IMPORTED_MODULE_0__/* .derive */ .CX)({ ...state, stopped: { reason: "budget", message, at: now }, lastUpdate: now });
const clearStop = (now) => (state) => {
    if (!state.stopped)
        return state;
    const { stopped: _s, ...rest } = state;
    return (0,_state_state_js__WEBPACK_IMPORTED_MODULE_0__/* .derive */ .CX)({ ...rest, lastUpdate: now });
};
/** A story refused its next agent phase by the execution's budget goes back to ⏳ Pending, not started. */
const returnToPending = (id, now) => (state) => {
    const b = state.stories;
    if (!b.inProgress.includes(id))
        return state;
    const run = (0,_own_js__WEBPACK_IMPORTED_MODULE_2__/* .own */ .Z)(state.runs, id);
    return (0,_state_state_js__WEBPACK_IMPORTED_MODULE_0__/* .derive */ .CX)({
        ...state,
        stories: { ...b, inProgress: b.inProgress.filter((x) => x !== id), pending: [...b.pending, id] },
        runs: run ? { ...state.runs, [id]: { ...run, status: "pending" } } : state.runs,
        lastUpdate: now,
    });
};


/***/ }),

/***/ 5785:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BD: () => (/* binding */ formatCost),
/* harmony export */   L_: () => (/* binding */ sumTotals),
/* harmony export */   Pf: () => (/* binding */ parseUsageFile),
/* harmony export */   _8: () => (/* binding */ parseAgentOutput),
/* harmony export */   _L: () => (/* binding */ mergeUsage),
/* harmony export */   _y: () => (/* binding */ formatTokens),
/* harmony export */   tE: () => (/* binding */ roundUsd),
/* harmony export */   vk: () => (/* binding */ addUsage)
/* harmony export */ });
/* unused harmony exports compactUsage, NO_USAGE */
// What an agent phase used and cost, read from what the agent reports: a preset CLI's machine-readable output
// (the shapes each CLI documents, see presets.ts), or the small JSON file any agent may write to
// $TDD_WAVES_USAGE_FILE. Unknown stays unknown: a field the agent did not report is absent, never a zero.
// Input tokens count every prompt token, cached ones included; cachedTokens is the part served from a cache.
const NUMBER_KEYS = ["inputTokens", "outputTokens", "cachedTokens", "costUsd", "turns"];
const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v) => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : undefined);
const str = (v) => (typeof v === "string" && v !== "" ? v : undefined);
/** Sum of the numbers given; undefined when none is known. */
function sum(...values) {
    const known = values.filter((v) => v !== undefined);
    return known.length === 0 ? undefined : known.reduce((a, b) => a + b, 0);
}
/** `usage` without its undefined fields (so that JSON and equality see only what is known). */
function compactUsage(usage) {
    const out = {};
    for (const [k, v] of Object.entries(usage))
        if (v !== undefined)
            out[k] = v;
    return out;
}
const isEmpty = (usage) => Object.keys(compactUsage(usage)).length === 0;
/** Every JSON object on its own line of `text` (JSONL), lines that are not JSON skipped. */
function jsonLines(text) {
    const out = [];
    for (const line of text.split("\n")) {
        const t = line.trim();
        if (!t.startsWith("{"))
            continue;
        try {
            const v = JSON.parse(t);
            if (isObject(v))
                out.push(v);
        }
        catch {
            // Not an event: progress text some CLIs mix in.
        }
    }
    return out;
}
/** The single JSON object a CLI prints (whole text), else the last object line that `pick` accepts. */
function lastObject(text, pick) {
    try {
        const v = JSON.parse(text.trim());
        if (isObject(v))
            return v;
    }
    catch {
        // Streamed or mixed output: look line by line.
    }
    return jsonLines(text).filter(pick).at(-1);
}
/**
 * Claude Code `--output-format json` (and the last line of `stream-json`): one `result` object with
 * total_cost_usd, num_turns, session_id, usage {input_tokens, output_tokens, cache_read_input_tokens,
 * cache_creation_input_tokens} and, in recent versions, modelUsage keyed by model.
 */
function claude(text) {
    const r = lastObject(text, (o) => o.type === "result");
    if (!r)
        return {};
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
function codex(text) {
    const events = jsonLines(text);
    const turns = events.filter((e) => (e.type === "turn.completed" || e.type === "turn.failed") && isObject(e.usage));
    const usages = turns.map((e) => e.usage);
    return {
        inputTokens: sum(...usages.map((u) => num(u.input_tokens))),
        outputTokens: sum(...usages.map((u) => num(u.output_tokens))),
        cachedTokens: sum(...usages.map((u) => num(u.cached_input_tokens))),
        turns: turns.length > 0 ? turns.length : undefined,
        sessionId: str(events.find((e) => e.type === "thread.started")?.thread_id),
    };
}
/** Gemini CLI `--output-format json`: {session_id?, response, stats: {models: {<model>: {tokens: {prompt, candidates, cached, thoughts}}}}}. */
function gemini(text) {
    const r = lastObject(text, (o) => isObject(o.stats));
    if (!r)
        return {};
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
function opencode(text) {
    const events = jsonLines(text);
    const steps = events.filter((e) => e.type === "step_finish" && isObject(e.part)).map((e) => e.part);
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
const PARSERS = {
    "claude-json": claude,
    "codex-jsonl": codex,
    "gemini-json": gemini,
    "opencode-jsonl": opencode,
};
/** The usage a preset CLI reported on its standard output; {} when it reported none (or printed something else). */
function parseAgentOutput(format, stdout) {
    return compactUsage(PARSERS[format](stdout));
}
/**
 * The usage file an agent wrote: `{"model", "inputTokens", "outputTokens", "cachedTokens", "costUsd", "turns",
 * "sessionId"}`, every key optional. Values of the wrong type are left out and named in `problems`.
 */
function parseUsageFile(text) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (e) {
        return { usage: {}, problems: [`not JSON (${e instanceof Error ? e.message : String(e)})`] };
    }
    if (!isObject(data))
        return { usage: {}, problems: ["not a JSON object"] };
    const usage = {};
    const problems = [];
    for (const key of ["model", "sessionId"]) {
        if (data[key] === undefined || data[key] === null)
            continue;
        if (str(data[key]) === undefined)
            problems.push(`${key} must be a non-empty string`);
        else
            usage[key] = data[key];
    }
    for (const key of NUMBER_KEYS) {
        if (data[key] === undefined || data[key] === null)
            continue;
        const value = num(data[key]);
        if (value === undefined)
            problems.push(`${key} must be a number of 0 or more`);
        else
            usage[key] = value;
    }
    return { usage, problems };
}
/** One phase's usage from several reports, later ones winning: the configured model, the CLI's output, the usage file the agent wrote. */
function mergeUsage(...layers) {
    const merged = compactUsage(Object.assign({}, ...layers.filter(Boolean).map((l) => compactUsage(l))));
    return isEmpty(merged) ? undefined : merged;
}
const NO_USAGE = { phases: 0, unknownCost: 0 };
/** `totals` with one more agent phase (its usage undefined when it reported nothing). */
function addUsage(totals, usage) {
    const t = totals ?? NO_USAGE;
    const out = { phases: t.phases + 1, unknownCost: t.unknownCost + (usage?.costUsd === undefined ? 1 : 0) };
    for (const key of NUMBER_KEYS) {
        const value = sum(t[key], usage?.[key]);
        if (value !== undefined)
            out[key] = key === "costUsd" ? roundUsd(value) : value;
    }
    return out;
}
/** Totals of several totals. */
function sumTotals(list) {
    const out = { phases: 0, unknownCost: 0 };
    for (const t of list) {
        if (!t)
            continue;
        out.phases += t.phases;
        out.unknownCost += t.unknownCost;
        for (const key of NUMBER_KEYS) {
            const value = sum(out[key], t[key]);
            if (value !== undefined)
                out[key] = key === "costUsd" ? roundUsd(value) : value;
        }
    }
    return out;
}
/** Dollar sums kept to a millionth of a cent: 0.1 + 0.2 is 0.3 here. */
const roundUsd = (usd) => Math.round(usd * 1e8) / 1e8;
/** `$1.23`, `$0.0042`; with phases of unknown cost, `≥ $1.23`; `—` when no cost is known at all. */
function formatCost(t) {
    if (!t || t.costUsd === undefined)
        return "—";
    const usd = t.costUsd >= 0.01 || t.costUsd === 0 ? t.costUsd.toFixed(2) : t.costUsd.toPrecision(2);
    return `${t.unknownCost > 0 ? "≥ " : ""}$${usd}`;
}
/** `12.3k in (10.0k cached) / 1.2k out`, or `—` when no token count is known. */
function formatTokens(t) {
    if (!t || (t.inputTokens === undefined && t.outputTokens === undefined))
        return "—";
    const k = (n) => (n === undefined ? "?" : n < 1000 ? String(n) : `${(n / 1000).toFixed(1)}k`);
    const cached = t.cachedTokens === undefined ? "" : ` (${k(t.cachedTokens)} cached)`;
    return `${k(t.inputTokens)} in${cached} / ${k(t.outputTokens)} out`;
}


/***/ }),

/***/ 6207:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ own)
/* harmony export */ });
// Lookups in records keyed by names from a plan or a state file (story ids, epics, agents): only a record's own
// keys answer. A plain `record[id]` answers "constructor" or "toString" from Object.prototype — a function where a
// story's run or an epic's counts were expected.
/** `record[key]` when `key` is the record's own, else undefined. */
function own(record, key) {
    return Object.hasOwn(record, key) ? record[key] : undefined;
}


/***/ }),

/***/ 2990:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZK: () => (/* binding */ renderGantt),
/* harmony export */   kU: () => (/* binding */ renderGanttText)
/* harmony export */ });
/* unused harmony exports MERMAID_MAX_CHARS, neutraliseLabel, barKeys */
/* harmony import */ var _state_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6624);
/* harmony import */ var _own_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6207);
/* harmony import */ var _retries_attempts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(454);
// Renders the recorded execution as Mermaid gantt charts and as the one-line-per-wave text form (SPEC §5).
// Pure: state in, text out. Every piece of user text is neutralised so that no title can break or steer
// Mermaid, and charts are split below Mermaid's text limit without ever dropping a story.



/** Mermaid refuses diagrams longer than this (its `maxTextSize`). */
const MERMAID_MAX_CHARS = 50_000;
/** Below this a chart could not hold its header and one bar. */
const MIN_CHARS = 1_000;
/** Titles longer than this are cut (in code points) so that a bar stays readable. */
const MAX_TITLE = 80;
/** Mermaid syntax characters mapped to look-alikes that Mermaid (and Markdown fences) read as plain text. */
const LOOK_ALIKES = {
    ":": "∶",
    ";": "；",
    "#": "＃",
    "%": "％",
    '"': "”",
    "'": "’",
    "`": "’",
    "<": "‹",
    ">": "›",
    "&": "＆",
    "{": "｛",
    "}": "｝",
};
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Control characters, zero-width spaces and the bidirectional controls that could disguise what a label
// says; the joiners (U+200C, U+200D) stay, emoji sequences and some scripts need them.
const INVISIBLE = /[\p{Cc}\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/gu;
/**
 * Makes arbitrary text safe inside a Mermaid gantt label: one line, none of the characters Mermaid reads as
 * syntax (`:` ends a label, `%%` starts comments and directives, `#…;` entities, HTML, quotes, braces),
 * replaced with look-alikes so that it stays readable. Cut to `max` code points.
 */
function neutraliseLabel(text, max = MAX_TITLE) {
    const oneLine = text.replace(LONE_SURROGATE, "\uFFFD").replace(INVISIBLE, " ");
    const safe = Array.from(oneLine, (ch) => LOOK_ALIKES[ch] ?? ch).join("");
    const squeezed = safe.replace(/\s+/gu, " ").trim();
    const points = Array.from(squeezed);
    return points.length <= max ? squeezed : `${points.slice(0, max - 1).join("").trimEnd()}…`;
}
/**
 * The short key of each story in bar names (`T-<key>`): the id's trailing number (`msm-auth-002` → `002`),
 * or the whole id when it has no trailing number or shares its number with another story.
 */
function barKeys(state) {
    const ids = allStoryIds(state);
    const numberOf = (id) => /(\d+)$/.exec(id)?.[1];
    const uses = new Map();
    for (const id of ids) {
        const n = numberOf(id);
        if (n !== undefined)
            uses.set(n, (uses.get(n) ?? 0) + 1);
    }
    const keys = {};
    for (const id of ids) {
        const n = numberOf(id);
        keys[id] = n !== undefined && uses.get(n) === 1 && !ids.includes(n) ? n : id;
    }
    return keys;
}
/** Every story the state knows, waves first (in wave order), then any with a run but no wave. */
function allStoryIds(state) {
    const seen = new Set(state.waves.flat());
    const extra = Object.keys(state.runs).filter((id) => !seen.has(id));
    return [...seen, ...extra];
}
const TESTER_PHASES = ["tester", "red"];
const IMPL_PHASES = ["implementation", "verify"];
/** Mermaid dates: UTC, whole seconds, in the chart's `dateFormat`. */
function mermaidDate(ms) {
    return new Date(ms).toISOString().slice(0, 19);
}
function timeOf(iso) {
    if (iso === undefined)
        return undefined;
    const ms = Date.parse(iso);
    return Number.isNaN(ms) || ms < 0 || ms > 253_402_300_799_000 ? undefined : ms;
}
/**
 * A bar's mark. A failed phase is `crit`; a phase still running is `active` while its story is in progress.
 * A phase left running by an execution that stopped (its story failed or went back to pending) is not
 * active: it is `crit` when the story failed, unmarked when it waits to be run again.
 */
function markOf(phases, story) {
    if (phases.some((p) => p.outcome === "failed" && !p.interrupted))
        return "crit";
    if (phases.some((p) => p.interrupted))
        return story === "failed" ? "crit" : "";
    if (phases.some((p) => p.outcome === "running" || p.end === undefined)) {
        if (story === "testing" || story === "implementing")
            return "active";
        return story === "failed" ? "crit" : "";
    }
    return "done";
}
/** The latest instant the state records: where bars still running end, for now. */
function latestOf(state) {
    let latest = timeOf(state.lastUpdate) ?? 0;
    for (const run of Object.values(state.runs)) {
        for (const p of run.phases)
            latest = Math.max(latest, timeOf(p.start) ?? 0, timeOf(p.end) ?? 0);
    }
    return latest;
}
/** Start and end of a bar from its phases; a bar still running ends at `now`. */
function spanOf(phases, now) {
    const starts = phases.map((p) => timeOf(p.start) ?? timeOf(p.end) ?? now);
    const ends = phases.map((p) => timeOf(p.end) ?? now);
    const start = Math.floor(Math.min(...starts) / 1000) * 1000;
    const end = Math.max(Math.ceil(Math.max(...ends) / 1000) * 1000, start + 1000);
    return { start, end };
}
function taskId(kind, key, used) {
    const base = `${kind.toLowerCase()}_${key.replace(/[^A-Za-z0-9_]/g, "_")}`;
    let id = base;
    for (let n = 2; used.has(id); n++)
        id = `${base}_${n}`;
    used.add(id);
    return id;
}
function barsOf(state, id, key, title, used, now) {
    const run = (0,_own_js__WEBPACK_IMPORTED_MODULE_1__/* .own */ .Z)(state.runs, id);
    if (!run)
        return [];
    const story = (0,_state_state_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(state, id);
    const safeId = neutraliseLabel(id, 200);
    const name = key === id ? "" : ` ${safeId}`;
    const safeTitle = neutraliseLabel(title);
    const bars = [];
    // Every attempt has its bars (a retried implementation is a second I- bar); the first keeps the plain name.
    const history = (0,_retries_attempts_js__WEBPACK_IMPORTED_MODULE_2__/* .attemptHistory */ .cW)(run);
    for (const { attempt, rebuild } of history) {
        const mine = run.phases.filter((p) => (0,_retries_attempts_js__WEBPACK_IMPORTED_MODULE_2__/* .attemptOf */ .tx)(run, p) === attempt);
        const which = history.length > 1 && attempt !== history[0].attempt ? ` (${rebuild ? "rebuild" : `attempt ${attempt}`})` : "";
        for (const [kind, names] of [["T", TESTER_PHASES], ["I", IMPL_PHASES]]) {
            const phases = mine.filter((p) => names.includes(p.phase));
            if (phases.length === 0)
                continue;
            const { start, end } = spanOf(phases, now);
            let mark = markOf(phases, story);
            // The implementation was rejected at integration (merge conflict, tests failing on the merge).
            if (kind === "I" && mine.some((p) => p.phase === "integrate" && p.outcome === "failed"))
                mark = "crit";
            const label = `${kind}-${neutraliseLabel(key, 200)}${name}${which}${safeTitle ? ` — ${safeTitle}` : ""}`;
            const tags = mark ? `${mark}, ` : "";
            bars.push({ kind, line: `    ${label} :${tags}${taskId(kind, key, used)}, ${mermaidDate(start)}, ${mermaidDate(end)}` });
        }
    }
    return bars;
}
function waveBars(state, titles) {
    const keys = barKeys(state);
    const used = new Set();
    const now = latestOf(state);
    const inWaves = new Set(state.waves.flat());
    const groups = state.waves.map((ids, i) => ({ name: `Wave ${i + 1}`, ids }));
    const stray = Object.keys(state.runs).filter((id) => !inWaves.has(id));
    if (stray.length > 0)
        groups.push({ name: "Outside the waves", ids: stray });
    return groups
        .map(({ name, ids }) => ({
        name,
        lines: ids.flatMap((id) => barsOf(state, id, (0,_own_js__WEBPACK_IMPORTED_MODULE_1__/* .own */ .Z)(keys, id) ?? id, (0,_own_js__WEBPACK_IMPORTED_MODULE_1__/* .own */ .Z)(titles, id) ?? "", used, now)).map((b) => b.line),
    }))
        .filter((w) => w.lines.length > 0);
}
function header(planName, part) {
    const title = neutraliseLabel(`tdd-waves · ${planName}${part}`, 120);
    return `gantt\n    title ${title}\n    dateFormat YYYY-MM-DDTHH:mm:ss\n    axisFormat %H:%M\n    todayMarker off\n`;
}
const sectionLine = (name) => `    section ${name}\n`;
const size = (lines) => lines.reduce((n, l) => n + l.length + 1, 0);
/** Cuts one wave's bars into parts that each fit a chart of `room` characters, section line included. */
function cutWave(wave, room) {
    const sectionRoom = room - sectionLine(`${wave.name} (part 99999/99999)`).length;
    const parts = [[]];
    for (const line of wave.lines) {
        const current = parts[parts.length - 1];
        if (current.length > 0 && size(current) + line.length + 1 > sectionRoom)
            parts.push([line]);
        else
            current.push(line);
    }
    return parts;
}
/** Packs whole waves into charts of `room` characters; a wave too big for one chart gets charts of its own. */
function pack(waves, room) {
    const bodies = [];
    let body = "";
    const flush = () => {
        if (body)
            bodies.push(body);
        body = "";
    };
    for (const wave of waves) {
        const whole = sectionLine(wave.name) + wave.lines.map((l) => `${l}\n`).join("");
        if (body.length + whole.length <= room)
            body += whole;
        else if (whole.length <= room) {
            flush();
            body = whole;
        }
        else {
            flush();
            const parts = cutWave(wave, room);
            parts.forEach((lines, k) => {
                body = sectionLine(`${wave.name} (part ${k + 1}/${parts.length})`) + lines.map((l) => `${l}\n`).join("");
                if (k < parts.length - 1)
                    flush();
            });
        }
    }
    flush();
    return bodies;
}
/**
 * Mermaid gantt sources (without fences) of the recorded execution: one section per wave, one bar per
 * phase that has started (`T-<key>` tester and red check, `I-<key>` implementation and verify), failed
 * bars `crit`, running ones `active`, finished ones `done`. Stories not yet run have no bar. Charts over
 * `maxChars` are split (whole waves per chart where possible). Always at least one chart; a chart with no
 * section means nothing has run yet.
 */
function renderGantt(state, titles, opts = {}) {
    const maxChars = opts.maxChars ?? MERMAID_MAX_CHARS;
    if (!(maxChars >= MIN_CHARS))
        throw new RangeError(`renderGantt: maxChars must be at least ${MIN_CHARS}, got ${maxChars}`);
    const room = maxChars - header(state.plan.name, " (99999/99999)").length;
    const bodies = pack(waveBars(state, titles), room);
    if (bodies.length === 0)
        return [header(state.plan.name, "")];
    return bodies.map((body, i) => header(state.plan.name, bodies.length > 1 ? ` (${i + 1}/${bodies.length})` : "") + body);
}
const TEXT_STATUS = {
    pending: " (pending)",
    testing: " (testing)",
    implementing: " (implementing)",
    complete: "",
    failed: " (failed)",
    blocked: " (blocked)",
};
/**
 * The PM text form, one line per wave: `Wave 2: [T-002]→[I-002] | [T-003]→[I-003]`. A story that is not
 * complete carries its status after its pair, e.g. `[T-003]→[I-003] (pending)`.
 */
function renderGanttText(state) {
    const keys = barKeys(state);
    return state.waves
        .map((ids, i) => {
        const pairs = ids.map((id) => {
            const key = (0,_own_js__WEBPACK_IMPORTED_MODULE_1__/* .own */ .Z)(keys, id) ?? id;
            return `[T-${key}]→[I-${key}]${TEXT_STATUS[(0,_state_state_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(state, id)]}`;
        });
        return `Wave ${i + 1}: ${pairs.join(" | ")}`;
    })
        .join("\n");
}


/***/ }),

/***/ 6640:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ buildReport)
/* harmony export */ });
/* unused harmony exports REPORT_KEYS, RESULT_KEYS, evidencePassed, durationOf */
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9039);
/* harmony import */ var _retries_attempts_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(454);
/* harmony import */ var _state_state_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6624);
/* harmony import */ var _own_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6207);




/** The keys SPEC §5 requires first, in this order. */
const REPORT_KEYS = [
    "totalWaves",
    "totalStories",
    "storiesCompleted",
    "storiesFailed",
    "storiesRemaining",
    "results",
    "totalTestsCovered",
    "totalTestsPassed",
];
/** The keys SPEC §5 requires first in each `results[]` entry, in this order. */
const RESULT_KEYS = (/* unused pure expression or super */ null && ([
    "storyId",
    "wave",
    "testerAgent",
    "testFile",
    "testsPassed",
    "implAgent",
    "implStatus",
    "filesModified",
    "acChecklistComplete",
    "verifiedProduction",
]));
const OWN_KEYS = new Set([...REPORT_KEYS, "storiesBlocked", "storiesRetried", "totalAttempts", "plan", "target", "status", "lastUpdate", "usage", "budget"]);
/** A test run that passed: exit code 0, not timed out, and no test counted as failing. */
function evidencePassed(e) {
    if (!e || e.exitCode !== 0 || e.timedOut)
        return false;
    return e.passed === null || e.total === null || e.passed === e.total;
}
/** `ids` in plan order; ids the plan does not know follow, in their own order. */
function inPlanOrder(ids, plan) {
    const index = new Map(plan.stories.map((s) => [s.id, s.index]));
    const known = ids.filter((id) => index.has(id)).sort((a, b) => index.get(a) - index.get(b));
    return [...known, ...ids.filter((id) => !index.has(id))];
}
function agentOf(run, phase, fallback) {
    return run?.phases.find((p) => p.phase === phase && p.agent)?.agent ?? fallback;
}
function implStatusOf(run, status) {
    const impl = run?.phases.filter((p) => p.phase === "implementation") ?? [];
    if (status === "blocked" || impl.length === 0)
        return "skipped";
    if (status === "complete")
        return "success";
    if (status === "failed")
        return "failed";
    const last = impl[impl.length - 1];
    return last.outcome === "ok" ? "success" : last.outcome === "failed" ? "failed" : "skipped";
}
/** Wall time of the attempt: first phase start to last phase end. */
/** From the first phase's start to the last phase's end; null when no phase has ended. */
function durationOf(run) {
    return run ? (0,_state_state_js__WEBPACK_IMPORTED_MODULE_1__/* .runDuration */ .Eo)(run) : null;
}
function resultOf(state, story) {
    const run = (0,_own_js__WEBPACK_IMPORTED_MODULE_2__/* .own */ .Z)(state.runs, story.id);
    const status = (0,_state_state_js__WEBPACK_IMPORTED_MODULE_1__/* .statusOf */ .c2)(state, story.id);
    const result = run?.result;
    const green = result?.green;
    return {
        storyId: story.id,
        wave: run?.wave || state.waves.findIndex((w) => w.includes(story.id)) + 1,
        testerAgent: agentOf(run, "tester", story.tester),
        testFile: story.testFile,
        testsPassed: evidencePassed(green),
        implAgent: agentOf(run, "implementation", story.implementer),
        implStatus: implStatusOf(run, status),
        filesModified: result?.filesModified ?? [],
        acChecklistComplete: result?.acChecklistComplete ?? false,
        verifiedProduction: result?.verifiedProduction ?? false,
        status,
        attempt: run?.attempt ?? 0,
        ...attemptsOf(run),
        testsPassedCount: green?.passed ?? null,
        testsTotal: green?.total ?? null,
        red: result?.red ?? null,
        green: green ?? null,
        durationMs: durationOf(run),
        ...(run?.reason ? { reason: run.reason } : {}),
        ...(result?.commit ? { commit: result.commit } : {}),
        ...(run?.runUrl ? { runUrl: run.runUrl } : {}),
        ...logsOf(run),
        ...(0,_usage_js__WEBPACK_IMPORTED_MODULE_0__/* .resultUsage */ .J9)(state, story.id),
    };
}
function attemptsOf(run) {
    const history = (0,_retries_attempts_js__WEBPACK_IMPORTED_MODULE_3__/* .attemptHistory */ .cW)(run);
    const attempts = history.length;
    return { attempts, retried: attempts > 1, rebuilt: history.some((a) => a.rebuild), retryReasons: (0,_retries_attempts_js__WEBPACK_IMPORTED_MODULE_3__/* .retryReasons */ .ud)(run) };
}
function logsOf(run) {
    const logs = {};
    for (const p of run?.phases ?? [])
        if (p.log)
            logs[p.phase] = p.log;
    return Object.keys(logs).length > 0 ? { logs } : {};
}
function checkExtra(extra) {
    for (const key of Object.keys(extra)) {
        // Integer-like keys would be moved before the contract's keys by every JSON serialiser.
        if (/^(0|[1-9]\d*)$/.test(key))
            throw new RangeError(`buildReport: extra key "${key}" is integer-like and would be ordered first`);
        if (OWN_KEYS.has(key))
            throw new RangeError(`buildReport: extra key "${key}" is one of the report's own keys`);
    }
}
/**
 * The report: SPEC §5 keys first, in order, then `storiesBlocked`, `plan`, `target`, `status`,
 * `lastUpdate`, then `extra`. `results` has one entry per story (in plan order) that has run or was
 * failed or blocked; stories never started have none. Test totals sum the green runs' counts.
 */
function buildReport(state, plan, extra = {}) {
    checkExtra(extra);
    const b = state.stories;
    const stories = [...plan.stories].sort((x, y) => x.index - y.index);
    const results = stories
        .filter((s) => (0,_own_js__WEBPACK_IMPORTED_MODULE_2__/* .own */ .Z)(state.runs, s.id) !== undefined || b.failed.includes(s.id) || b.blocked.includes(s.id))
        .map((s) => resultOf(state, s));
    const sum = (f) => results.reduce((n, r) => n + (f(r) ?? 0), 0);
    return {
        totalWaves: state.waves.length,
        totalStories: plan.stories.length,
        storiesCompleted: inPlanOrder(b.completed, plan),
        storiesFailed: inPlanOrder(b.failed, plan),
        storiesRemaining: inPlanOrder([...b.pending, ...b.inProgress, ...b.blocked], plan),
        results,
        totalTestsCovered: sum((r) => r.testsTotal),
        totalTestsPassed: sum((r) => r.testsPassedCount),
        storiesBlocked: inPlanOrder(b.blocked, plan),
        storiesRetried: results.filter((r) => r.retried).map((r) => r.storyId),
        totalAttempts: sum((r) => r.attempts),
        plan: state.plan.name,
        target: state.target,
        status: state.status,
        lastUpdate: state.lastUpdate,
        ...(0,_usage_js__WEBPACK_IMPORTED_MODULE_0__/* .reportUsage */ .gu)(state, plan),
        ...extra,
    };
}


/***/ }),

/***/ 3478:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IR: () => (/* binding */ retryHint),
/* harmony export */   OK: () => (/* binding */ retryLines),
/* harmony export */   vH: () => (/* binding */ retriedStories)
/* harmony export */ });
/* unused harmony export retrySection */
/* harmony import */ var _own_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6207);
/* harmony import */ var _retries_attempts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(454);
/* harmony import */ var _state_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6624);
/* harmony import */ var _testing_shell_quote_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5199);
// How many stories needed a retry (or a rebuild on the integrated target) and why, for the run summary, the
// pull request comment, `status` and the end of `run`; and the `tdd-waves retry` command that runs failed
// stories again. Pure: state and plan in, text out.






/** Stories that had more than one attempt, in plan order. */
function retriedStories(state, plan) {
    return [...plan.stories]
        .sort((a, b) => a.index - b.index)
        .flatMap((s) => {
        const run = (0,_own_js__WEBPACK_IMPORTED_MODULE_1__/* .own */ .Z)(state.runs, s.id);
        const history = (0,_retries_attempts_js__WEBPACK_IMPORTED_MODULE_2__/* .attemptHistory */ .cW)(run);
        if (history.length < 2)
            return [];
        return [{ id: s.id, attempts: history.length, rebuilt: history.some((a) => a.rebuild), reasons: (0,_retries_attempts_js__WEBPACK_IMPORTED_MODULE_2__/* .retryReasons */ .ud)(run) }];
    });
}
const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
/** "2 stories needed a retry" plus, per story, its attempts and why; empty when none did. */
function retryLines(state, plan, clean) {
    const retried = retriedStories(state, plan);
    if (retried.length === 0)
        return [];
    return [
        `${plural(retried.length, "story", "stories")} needed a retry:`,
        ...retried.map((r) => `- ${clean(r.id)}: ${r.attempts} attempts${r.rebuilt ? ", rebuilt on the integrated target" : ""} — ${r.reasons.map(clean).join("; ") || "interrupted"}`),
    ];
}
/** How many stories needed a retry and why, as a Markdown list under `heading`; as many stories as fit, with a note. */
function retrySection(state, plan, budget, measure, heading) {
    const [head, ...rows] = retryLines(state, plan, (t) => markdownCell(t, 160));
    if (!head)
        return "";
    return fitTable(`${heading}${head}`, rows, budget, measure, (n) => `_${n} more retried stories left out for size: \`tdd-waves report\` lists them all._`);
}
/** The command that runs the failed stories again, when there are any. */
function retryHint(state, plan, planArg) {
    const failed = plan.stories.filter((s) => (0,_state_state_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(state, s.id) === "failed").map((s) => s.id);
    if (failed.length === 0)
        return undefined;
    return `Run the failed ${failed.length === 1 ? "story" : "stories"} again (and the stories blocked behind them): tdd-waves retry ${(0,_testing_shell_quote_js__WEBPACK_IMPORTED_MODULE_3__/* .shellQuote */ .Z)(planArg)} ${failed.join(" ")}`;
}


/***/ }),

/***/ 9039:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J9: () => (/* binding */ resultUsage),
/* harmony export */   U0: () => (/* binding */ usageLine),
/* harmony export */   gu: () => (/* binding */ reportUsage)
/* harmony export */ });
/* unused harmony exports hasUsage, costCell */
/* harmony import */ var _agents_budget_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9081);
/* harmony import */ var _agents_usage_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5785);
/* harmony import */ var _own_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6207);
// Agent usage and cost in the outputs (issue 13): the report's extra keys, the story table's Cost column and
// the one-line totals of `status`, the run summary and the pull request comment. Keys and columns appear only
// once some usage is recorded, so reports and summaries of executions without any stay as they were.



/** True once any agent phase has been counted. */
const hasUsage = (state) => Object.values(state.usage ?? {}).some((t) => t.phases > 0);
function lastUsage(run, phase) {
    return run?.phases.filter((p) => p.phase === phase).at(-1)?.usage;
}
/** The `usage` key of a report result, or nothing when the story has no counted agent phase. */
function resultUsage(state, id) {
    const total = (0,_agents_budget_js__WEBPACK_IMPORTED_MODULE_0__/* .storyUsage */ .VK)(state, id);
    if (!total || total.phases === 0)
        return {};
    const run = (0,_own_js__WEBPACK_IMPORTED_MODULE_2__/* .own */ .Z)(state.runs, id);
    const tester = lastUsage(run, "tester");
    const implementation = lastUsage(run, "implementation");
    return { usage: { ...(tester ? { tester } : {}), ...(implementation ? { implementation } : {}), total } };
}
/** The report's `usage` (totals) and `budget` keys, each when there is something to say. */
function reportUsage(state, plan) {
    return {
        ...(hasUsage(state) ? { usage: (0,_agents_budget_js__WEBPACK_IMPORTED_MODULE_0__/* .executionUsage */ .OO)(state) } : {}),
        ...(plan.budget ? { budget: { ...plan.budget, ...(state.stopped ? { stopped: state.stopped.message } : {}) } } : {}),
    };
}
/** The Cost cell of a story: its recorded cost over every attempt (`≥` when some phase reported none), or `—`. */
const costCell = (state, id) => formatCost(storyUsage(state, id));
/** `Agents: $1.23 of $20.00 budget · 12.3k in (10.0k cached) / 1.2k out · 4 agent phases (1 without a cost)`, or nothing. */
function usageLine(state, plan) {
    if (!hasUsage(state) && !plan.budget)
        return undefined;
    const t = (0,_agents_budget_js__WEBPACK_IMPORTED_MODULE_0__/* .executionUsage */ .OO)(state);
    const budget = plan.budget?.costUsd === undefined ? "" : ` of ${(0,_agents_usage_js__WEBPACK_IMPORTED_MODULE_1__/* .formatCost */ .BD)({ costUsd: plan.budget.costUsd, unknownCost: 0 })} budget`;
    const phases = `${t.phases} agent phase${t.phases === 1 ? "" : "s"}${t.unknownCost > 0 ? ` (${t.unknownCost} without a reported cost)` : ""}`;
    return `Agents: ${(0,_agents_usage_js__WEBPACK_IMPORTED_MODULE_1__/* .formatCost */ .BD)(t)}${budget} · ${(0,_agents_usage_js__WEBPACK_IMPORTED_MODULE_1__/* .formatTokens */ ._y)(t)} · ${phases}`;
}


/***/ }),

/***/ 454:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q9: () => (/* binding */ testsCommitted),
/* harmony export */   cW: () => (/* binding */ attemptHistory),
/* harmony export */   ny: () => (/* binding */ isFinalFailure),
/* harmony export */   rb: () => (/* binding */ REBUILD_HEADING),
/* harmony export */   sk: () => (/* binding */ nextStep),
/* harmony export */   tx: () => (/* binding */ attemptOf),
/* harmony export */   ud: () => (/* binding */ retryReasons)
/* harmony export */ });
/** The attempt a phase belongs to (states written before retries have one attempt per run). */
const attemptOf = (run, p) => p.attempt ?? run.attempt;
const firstOf = (run) => run.firstAttempt ?? run.attempt;
/** The phases of one attempt that count (not cut short by an execution that stopped), integration excluded. */
function phasesOf(run, attempt) {
    return run.phases.filter((p) => attemptOf(run, p) === attempt && !p.interrupted && p.phase !== "integrate");
}
/** The tester's tests passed the red check and were committed in the current set (a rebuild brings them along). */
function testsCommitted(run) {
    if (run.rebuild?.attempt === run.attempt)
        return run.rebuild.commit !== undefined;
    const first = firstOf(run);
    return run.phases.some((p) => p.phase === "red" && p.outcome === "ok" && !p.interrupted && attemptOf(run, p) >= first && attemptOf(run, p) <= run.attempt);
}
/**
 * The next step of a story's current attempt. `fresh`: the working copy is a new checkout (of the committed
 * tests, or of the target), so work an earlier process left uncommitted is gone and must be done again.
 */
function nextStep(run, retries, fresh) {
    const k = run.attempt;
    const rebuild = run.rebuild?.attempt === k ? run.rebuild : undefined;
    if (rebuild && rebuild.commit === undefined)
        return { kind: "prepare-rebuild", attempt: k };
    const phases = phasesOf(run, k);
    const last = phases.at(-1);
    const again = (phase) => ({ kind: "run", phase, attempt: k, newAttempt: false, ...(run.feedback ? { feedback: run.feedback } : {}) });
    if (!last)
        return again(testsCommitted(run) ? "implementation" : "tester");
    if (last.outcome === "running")
        return again(last.phase === "tester" || last.phase === "red" ? "tester" : "implementation");
    if (last.outcome === "ok") {
        if (last.phase === "tester")
            return again("tester");
        if (last.phase === "red")
            return again("implementation");
        if (fresh)
            return again("implementation");
        return last.phase === "implementation" ? again("verify") : { kind: "verified", attempt: k };
    }
    const reason = last.message ?? `${last.phase} failed`;
    if (isFinalFailure(reason))
        return { kind: "exhausted", phase: last.phase, reason, attempts: k - firstOf(run) + 1 };
    if (rebuild)
        return { kind: "exhausted", phase: "integrate", reason: `${rebuild.reason} (rebuilt on the integrated target: ${reason})`, attempts: k - firstOf(run) + 1 };
    const used = k - firstOf(run) + 1;
    if (used >= retries + 1)
        return { kind: "exhausted", phase: last.phase, reason: used > 1 ? `${reason} (after ${used} attempts)` : reason, attempts: used };
    return { kind: "run", phase: last.phase === "tester" || last.phase === "red" ? "tester" : "implementation", attempt: k + 1, newAttempt: true, after: last };
}
/** Failures another attempt cannot mend: a story over its own budget (core/agents/budget.ts). */
const isFinalFailure = (reason) => reason.startsWith("budget:");
/** Every attempt on record, in order: how it ended and why (interrupted phases left out: they were run again). */
function attemptHistory(run) {
    if (!run || run.phases.length === 0)
        return [];
    const numbers = [...new Set(run.phases.map((p) => attemptOf(run, p)))].sort((a, b) => a - b);
    return numbers.map((attempt) => {
        const phases = run.phases.filter((p) => attemptOf(run, p) === attempt && !p.interrupted);
        const failed = phases.find((p) => p.outcome === "failed");
        const rebuild = run.rebuild?.attempt === attempt || phases.some((p) => p.feedback?.startsWith(REBUILD_HEADING));
        if (failed)
            return { attempt, outcome: "failed", phase: failed.phase, reason: failed.message ?? `${failed.phase} failed`, rebuild };
        const open = phases.length === 0 || phases.some((p) => p.outcome === "running");
        return { attempt, outcome: open ? "running" : "ok", rebuild };
    });
}
/** The first line every rebuild's feedback starts with (see renderRebuildFeedback). */
const REBUILD_HEADING = "Rebuild on the integrated target";
/** The failed attempts that led to another one: why the story needed a retry (or a rebuild). */
function retryReasons(run) {
    const history = attemptHistory(run);
    return history.slice(0, -1).flatMap((a) => (a.outcome === "failed" && a.reason ? [a.reason] : []));
}


/***/ }),

/***/ 6624:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AE: () => (/* binding */ failStory),
/* harmony export */   Au: () => (/* binding */ retryStories),
/* harmony export */   CX: () => (/* binding */ derive),
/* harmony export */   EY: () => (/* binding */ adoptCompleted),
/* harmony export */   Eg: () => (/* binding */ annotateRun),
/* harmony export */   Eo: () => (/* binding */ runDuration),
/* harmony export */   Eq: () => (/* binding */ recordError),
/* harmony export */   LV: () => (/* binding */ rebuildPrepared),
/* harmony export */   OA: () => (/* binding */ startStory),
/* harmony export */   P8: () => (/* binding */ scheduleRebuild),
/* harmony export */   Pr: () => (/* binding */ recordResult),
/* harmony export */   VV: () => (/* binding */ cutShort),
/* harmony export */   X_: () => (/* binding */ completeStory),
/* harmony export */   c2: () => (/* binding */ statusOf),
/* harmony export */   cy: () => (/* binding */ chain),
/* harmony export */   dp: () => (/* binding */ requeueInProgress),
/* harmony export */   ne: () => (/* binding */ blockStory),
/* harmony export */   tA: () => (/* binding */ beginPhase),
/* harmony export */   uT: () => (/* binding */ startWave),
/* harmony export */   ur: () => (/* binding */ createState),
/* harmony export */   xF: () => (/* binding */ beginAttempt),
/* harmony export */   zN: () => (/* binding */ endPhase)
/* harmony export */ });
/* unused harmony exports waveOf, setLock, openStoriesOf, nextOpenWave */
/* harmony import */ var _own_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6207);

/** Several transitions applied as one (one state write for steps that happen at the same moment). */
const chain = (...transitions) => (state) => transitions.reduce((acc, t) => t(acc), state);
function createState(args) {
    const { plan } = args;
    const storyEpics = Object.fromEntries(plan.stories.map((s) => [s.id, s.epic]));
    return derive({
        version: 1,
        plan: { name: plan.name, path: args.planPath, digest: args.digest },
        target: args.target,
        status: "pending",
        currentWave: 0,
        waves: args.waves,
        stories: { pending: plan.stories.map((s) => s.id), inProgress: [], completed: [], failed: [], blocked: [] },
        epics: {},
        runs: {},
        errors: [],
        lastUpdate: args.now,
        storyEpics,
    });
}
/** Where a story stands, from the buckets (the buckets are the truth; runs hold the detail). */
function statusOf(state, id) {
    if (state.stories.completed.includes(id))
        return "complete";
    if (state.stories.failed.includes(id))
        return "failed";
    if (state.stories.blocked.includes(id))
        return "blocked";
    if (state.stories.inProgress.includes(id))
        return (0,_own_js__WEBPACK_IMPORTED_MODULE_0__/* .own */ .Z)(state.runs, id)?.status ?? "testing";
    return "pending";
}
function waveOf(state, id) {
    const i = state.waves.findIndex((w) => w.includes(id));
    return i < 0 ? 0 : i + 1;
}
function moveTo(buckets, id, to) {
    const next = {
        pending: buckets.pending.filter((x) => x !== id),
        inProgress: buckets.inProgress.filter((x) => x !== id),
        completed: buckets.completed.filter((x) => x !== id),
        failed: buckets.failed.filter((x) => x !== id),
        blocked: buckets.blocked.filter((x) => x !== id),
    };
    next[to] = [...next[to], id];
    return next;
}
/** Recomputes everything derivable: epic counts and the overall status. Applied on every write. */
function derive(state) {
    const epics = {};
    const all = [
        ...state.stories.pending,
        ...state.stories.inProgress,
        ...state.stories.completed,
        ...state.stories.failed,
        ...state.stories.blocked,
    ];
    for (const id of all) {
        const epic = (0,_own_js__WEBPACK_IMPORTED_MODULE_0__/* .own */ .Z)(state.storyEpics, id) ?? id;
        const e = (0,_own_js__WEBPACK_IMPORTED_MODULE_0__/* .own */ .Z)(epics, epic) ?? (epics[epic] = { total: 0, completed: 0, failed: 0 });
        e.total += 1;
        if (state.stories.completed.includes(id))
            e.completed += 1;
        if (state.stories.failed.includes(id))
            e.failed += 1;
    }
    let status = state.status;
    if (status !== "error") {
        const open = state.stories.pending.length + state.stories.inProgress.length;
        if (open === 0)
            status = "complete";
        else if (status === "complete")
            status = "executing";
    }
    return { ...state, epics, status };
}
function touch(state, now) {
    return derive({ ...state, lastUpdate: now });
}
function withRun(state, id, f) {
    const run = (0,_own_js__WEBPACK_IMPORTED_MODULE_0__/* .own */ .Z)(state.runs, id) ?? { attempt: 0, wave: waveOf(state, id), status: "pending", phases: [] };
    return { ...state, runs: { ...state.runs, [id]: f(run) } };
}
/** A wave starts: it becomes the current wave and the execution is under way. */
const startWave = (wave, now) => (state) => touch({ ...state, currentWave: Math.max(state.currentWave, wave), status: state.status === "error" ? "error" : "executing" }, now);
/** A story starts a new attempt (from the tester phase). Idempotent for an attempt already started. */
const startStory = (id, now, runUrl) => (state) => {
    if (statusOf(state, id) === "complete")
        return state;
    const next = withRun(state, id, (run) => {
        const { resume: _r, reason: _reason, ...kept } = run;
        const common = { ...kept, wave: waveOf(state, id), ...(runUrl ? { runUrl } : {}) };
        // An attempt the execution was in when it stopped is continued, never started over.
        if (run.resume && run.attempt > 0)
            return { ...common, status: "testing" };
        // A rebuild on the integrated target: one more attempt, beyond the retries.
        if (run.rebuild && run.rebuild.attempt === undefined) {
            const attempt = run.attempt + 1;
            return { ...common, attempt, status: "implementing", feedback: run.rebuild.feedback, rebuild: { ...run.rebuild, attempt } };
        }
        // A new set of attempts; the phases of earlier ones stay on record (the Gantt shows them all).
        const { rebuild: _b, rebuilt: _d, feedback: _f, merged: _m, ...fresh } = common;
        return { ...fresh, attempt: run.attempt + 1, firstAttempt: run.attempt + 1, status: "testing" };
    });
    return touch({ ...next, stories: moveTo(next.stories, id, "inProgress"), status: "executing" }, now);
};
const phaseStatus = { tester: "testing", red: "testing", implementation: "implementing", verify: "implementing" };
const beginPhase = (id, phase, now, extra = {}) => (state) => touch(withRun(state, id, (run) => ({
    ...run,
    status: phaseStatus[phase] ?? run.status,
    phases: [...run.phases, { phase, ...extra, start: now, outcome: "running", attempt: run.attempt }],
})), now);
const endPhase = (id, phase, outcome, now, message) => (state) => touch(withRun(state, id, (run) => {
    const phases = [...run.phases];
    for (let i = phases.length - 1; i >= 0; i--) {
        const p = phases[i];
        if (p.phase === phase && p.outcome === "running") {
            phases[i] = { ...p, end: now, outcome, ...(message ? { message } : {}) };
            return { ...run, phases };
        }
    }
    phases.push({ phase, start: now, end: now, outcome, ...(message ? { message } : {}), attempt: run.attempt });
    return { ...run, phases };
}), now);
/** Records what verify found, before integration decides the story's fate. */
const recordResult = (id, result, now) => (state) => touch(withRun(state, id, (run) => ({
    ...run,
    result: { filesModified: [], acChecklistComplete: false, verifiedProduction: false, ...run.result, ...result },
})), now);
/** Extra facts of the current attempt (tester commit, base, merge commit, …). */
const annotateRun = (id, facts, now) => (state) => touch(withRun(state, id, (run) => ({ ...run, ...facts })), now);
const completeStory = (id, now) => (state) => {
    const next = withRun(state, id, (run) => ({ ...run, status: "complete", reason: undefined }));
    return touch({ ...next, stories: moveTo(next.stories, id, "completed") }, now);
};
/**
 * Stories whose story file on the target already says ✅ Complete (done before this execution, or by a
 * design tool) count as complete and merged: they are skipped, not run again.
 */
const adoptCompleted = (ids, targetCommit, now) => (state) => {
    let next = state;
    for (const id of ids) {
        if (statusOf(next, id) !== "pending")
            continue;
        // A story this execution completed before a restart keeps its record; others say where they came from.
        next = withRun(next, id, (run) => run.status === "complete" && run.result ? { ...run, merged: targetCommit } : { ...run, status: "complete", merged: targetCommit, reason: "already complete on the target branch" });
        next = { ...next, stories: moveTo(next.stories, id, "completed") };
    }
    return next === state ? state : touch(next, now);
};
const failStory = (id, reason, now, phase) => (state) => {
    const next = withRun(state, id, (run) => ({ ...run, status: "failed", reason }));
    const errors = [...next.errors, { at: now, story: id, ...(phase ? { phase } : {}), message: reason }];
    return touch({ ...next, errors, stories: moveTo(next.stories, id, "failed") }, now);
};
const blockStory = (id, reason, now) => (state) => {
    if (statusOf(state, id) === "complete")
        return state;
    const next = withRun(state, id, (run) => ({ ...run, status: "blocked", reason }));
    return touch({ ...next, stories: moveTo(next.stories, id, "blocked") }, now);
};
/** Phases an execution left running, recorded as cut short (failed, interrupted) at `now`. */
const cutShort = (phases, now) => phases.map((p) => (p.outcome === "running" ? { ...p, end: p.end ?? now, outcome: "failed", message: "interrupted", interrupted: true } : p));
/**
 * Stories that were in progress when an execution stopped go back to pending, marked to continue the attempt
 * they were in (its phases cut short are recorded as interrupted, and run again).
 */
const requeueInProgress = (now) => (state) => {
    if (state.stories.inProgress.length === 0)
        return state;
    let next = state;
    for (const id of state.stories.inProgress) {
        next = withRun(next, id, (run) => ({
            ...run,
            status: "pending",
            resume: true,
            phases: cutShort(run.phases, now),
        }));
        next = { ...next, stories: moveTo(next.stories, id, "pending") };
    }
    return touch(next, now);
};
/**
 * `/build retry`: the named failed stories, and every story blocked (transitively) behind them, go back
 * to pending. `dependents` maps a story to the stories that depend on it directly.
 */
const retryStories = (ids, dependents, now) => (state) => {
    const reset = new Set();
    const visit = (id) => {
        for (const d of (0,_own_js__WEBPACK_IMPORTED_MODULE_0__/* .own */ .Z)(dependents, id) ?? []) {
            if (state.stories.blocked.includes(d) && !reset.has(d)) {
                reset.add(d);
                visit(d);
            }
        }
    };
    for (const id of ids) {
        if (state.stories.failed.includes(id) || state.stories.blocked.includes(id)) {
            reset.add(id);
            visit(id);
        }
    }
    if (reset.size === 0)
        return state;
    let next = { ...state, status: state.status === "error" ? "error" : "executing" };
    for (const id of reset) {
        // A whole new set of attempts (and its rebuild): startStory sees no resume and no rebuild under way.
        next = withRun(next, id, (run) => {
            const { resume: _r, rebuild: _b, rebuilt: _d, feedback: _f, reason: _reason, ...kept } = run;
            return { ...kept, status: "pending" };
        });
        next = { ...next, stories: moveTo(next.stories, id, "pending") };
    }
    return touch(next, now);
};
/** The next attempt of the current set begins, with what the previous one got wrong. */
const beginAttempt = (id, attempt, feedback, now) => (state) => touch(withRun(state, id, (run) => ({ ...run, attempt, feedback })), now);
/**
 * Integration rejected the story (merge conflict, tests failing on the merged result): it goes back to
 * pending for one rebuild on the integrated target, its failed integration recorded on the attempt.
 */
const scheduleRebuild = (id, reason, feedback, now) => (state) => {
    const next = withRun(endPhase(id, "integrate", "failed", now, reason)(state), id, (run) => {
        const { merged: _m, ...kept } = run;
        return { ...kept, status: "pending", rebuilt: true, rebuild: { reason, feedback, ...(run.result?.commit ? { from: run.result.commit } : {}) } };
    });
    return touch({ ...next, stories: moveTo(next.stories, id, "pending") }, now);
};
/** The rebuild's working copy holds the story's test file and story file on the integrated target. */
const rebuildPrepared = (id, commit, testFileBlob, base, now) => (state) => touch(withRun(state, id, (run) => ({
    ...run,
    base,
    testerCommit: commit,
    ...(testFileBlob ? { testFileBlob } : {}),
    ...(run.rebuild ? { rebuild: { ...run.rebuild, commit } } : {}),
})), now);
const recordError = (message, now, fatal = false) => (state) => touch({ ...state, errors: [...state.errors, { at: now, message }], ...(fatal ? { status: "error" } : {}) }, now);
const setLock = (lock, now) => (state) => {
    const { lock: _old, ...rest } = state;
    return touch(lock ? { ...rest, lock } : rest, now);
};
/** A run's duration: first phase start to last phase end of its current set of attempts; null when no phase has ended. */
function runDuration(run) {
    // The current set of attempts only: an earlier set (before a retry command) may lie days back.
    const first = run.firstAttempt ?? 0;
    const phases = run.phases.filter((p) => (p.attempt ?? run.attempt) >= first);
    const starts = phases.map((p) => Date.parse(p.start)).filter(Number.isFinite);
    const ends = phases.flatMap((p) => (p.end ? [Date.parse(p.end)] : [])).filter(Number.isFinite);
    if (starts.length === 0 || ends.length === 0)
        return null;
    return Math.max(0, Math.max(...ends) - Math.min(...starts));
}
/** Stories of a wave that have not finished yet (pending or in progress). */
function openStoriesOf(state, wave) {
    return (state.waves[wave - 1] ?? []).filter((id) => {
        const s = statusOf(state, id);
        return s !== "complete" && s !== "failed" && s !== "blocked";
    });
}
/** The first wave that still has open stories, or 0 when none has. */
function nextOpenWave(state) {
    for (let w = 1; w <= state.waves.length; w++)
        if (openStoriesOf(state, w).length > 0)
            return w;
    return 0;
}


/***/ })

};
