"use strict";
exports.id = 79;
exports.ids = [79];
exports.modules = {

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

/***/ 1097:
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
/** The command that runs the failed stories again, when there are any: `tdd-waves retry` locally, `/build retry` on GitHub. */
function retryHint(state, plan, planArg, where = "local") {
    const failed = plan.stories.filter((s) => (0,_state_state_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(state, s.id) === "failed").map((s) => s.id);
    if (failed.length === 0)
        return undefined;
    const what = `Run the failed ${failed.length === 1 ? "story" : "stories"} again (and the stories blocked behind them)`;
    if (where === "github")
        return `${what}: comment \`/build retry ${failed.join(" ")}\` on the pull request`;
    return `${what}: tdd-waves retry ${(0,_testing_shell_quote_js__WEBPACK_IMPORTED_MODULE_3__/* .shellQuote */ .Z)(planArg)} ${failed.join(" ")}`;
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


/***/ })

};
;