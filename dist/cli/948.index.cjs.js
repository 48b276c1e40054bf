"use strict";
exports.id = 948;
exports.ids = [948];
exports.modules = {

/***/ 1028:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ terminalOptions)
/* harmony export */ });
/* unused harmony export isUtf8Locale */
/** UTF-8 unless the locale says otherwise (LC_ALL, then LC_CTYPE, then LANG, as the C library reads them). */
function isUtf8Locale(env) {
    const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
    if (!locale)
        return process.platform === "win32" ? false : true;
    if (locale === "C" || locale === "POSIX")
        return false;
    return /utf-?8/i.test(locale);
}
/** Terminal Gantt options: plain ASCII when the locale is not UTF-8 or colour is off (NO_COLOR, --no-color). */
function terminalOptions(io, noColorFlag) {
    const noColor = noColorFlag || (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "");
    const columns = Number(io.env.COLUMNS) || process.stdout.columns || 80;
    return { width: columns, unicode: isUtf8Locale(io.env) && !noColor, color: io.isTTY && !noColor };
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

/***/ 7751:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TN: () => (/* binding */ renderGanttTerminal)
/* harmony export */ });
/* unused harmony exports shortDuration, renderTimelineTerminal */
/* harmony import */ var _timeline_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2829);
// The recorded execution as a Gantt a terminal can draw: one row per story grouped by wave, the tester and
// implementation bars to scale in block characters, sized to the terminal's width, failed bars marked.
// Plain ASCII when the terminal is not UTF-8 or colour is off. Pure: timeline and options in, text out.

const UNICODE = { tester: "▒", implementation: "█", failed: "░", running: "▶", failMark: "✗", rule: "─" };
const ASCII = { tester: "-", implementation: "=", failed: "x", running: ">", failMark: "X", rule: "-" };
const ANSI = { tester: "\x1b[36m", implementation: "\x1b[32m", failed: "\x1b[31m", running: "\x1b[33m", dim: "\x1b[2m", reset: "\x1b[0m" };
const MIN_WIDTH = 40;
const MAX_ID = 28;
const SECOND = 1000;
/** "9m 42s", "1h 03m", "12s": the length of a bar or of the execution. */
function shortDuration(ms) {
    const s = Math.max(0, Math.round(ms / SECOND));
    if (s < 60)
        return `${s}s`;
    if (s < 3600)
        return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, "0")}s`;
    return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}
function clock(ms) {
    return new Date(ms).toISOString().slice(11, 19);
}
/** Terminal text must not carry the control characters a story id or title could hold. */
function printable(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, " ");
}
function fit(text, width) {
    const points = Array.from(text);
    return points.length > width ? `${points.slice(0, width - 1).join("")}…` : text.padEnd(width);
}
function glyphOf(bar, g) {
    if (bar.mark === "crit")
        return { char: g.failed, colour: ANSI.failed };
    if (bar.mark === "active")
        return { char: bar.kind === "T" ? g.tester : g.implementation, colour: ANSI.running };
    return bar.kind === "T" ? { char: g.tester, colour: ANSI.tester } : { char: g.implementation, colour: ANSI.implementation };
}
/**
 * One row's cells: each bar from its start column to its end column (at least one cell), a bar never
 * starting before the previous one of its story ends, so they never overlap, whatever the rounding.
 */
function rowCells(bars, timeline, columns, g, color) {
    const span = Math.max(timeline.end - timeline.start, SECOND);
    // One column is kept spare so that a bar pushed right by its neighbour still fits.
    const scale = (t) => Math.floor(((t - timeline.start) / span) * (columns - 1));
    const cells = [];
    let failed = false;
    let running = false;
    for (const bar of bars) {
        const from = Math.max(scale(bar.start), cells.length);
        const to = Math.min(Math.max(scale(bar.end), from + 1), columns);
        if (from >= to)
            continue;
        while (cells.length < from)
            cells.push(" ");
        const { char, colour } = glyphOf(bar, g);
        const run = char.repeat(to - from);
        cells.push(color ? `${colour}${run}${ANSI.reset}` : run);
        for (let i = 1; i < to - from; i++)
            cells.push("");
        // The story's last bar tells how it stands: an attempt that failed and was retried is not a failure.
        failed = bar.mark === "crit";
        running = bar.mark === "active";
    }
    return { text: cells.join(""), failed, running };
}
function visibleLength(cells) {
    // eslint-disable-next-line no-control-regex
    return Array.from(cells.replace(/\x1b\[[0-9;]*m/g, "")).length;
}
/** The terminal Gantt of a timeline (see the module comment); "" when nothing has run. */
function renderTimelineTerminal(timeline, options) {
    if (timeline.groups.length === 0)
        return "";
    const g = options.unicode ? UNICODE : ASCII;
    const width = Math.max(options.width, MIN_WIDTH);
    const idWidth = timeline.groups.reduce((w, gr) => gr.rows.reduce((v, r) => Math.max(v, Array.from(printable(r.id)).length), w), 1);
    const idColumn = Math.min(MAX_ID, idWidth);
    const tailWidth = 10;
    const columns = Math.max(10, width - idColumn - tailWidth - 4);
    const dim = (s) => (options.color ? `${ANSI.dim}${s}${ANSI.reset}` : s);
    const lines = [];
    for (const group of timeline.groups) {
        lines.push(group.name);
        for (const row of group.rows) {
            const cells = rowCells(row.bars, timeline, columns, g, options.color);
            const pad = " ".repeat(Math.max(0, columns - visibleLength(cells.text)));
            const first = row.bars[0];
            const last = row.bars[row.bars.length - 1];
            const tail = `${cells.failed ? g.failMark : cells.running ? g.running : " "} ${shortDuration(last.end - first.start)}`;
            lines.push(`  ${fit(printable(row.id), idColumn)} ${cells.text}${pad} ${tail}`.trimEnd());
        }
    }
    const left = clock(timeline.start);
    const right = clock(timeline.end);
    const gap = Math.max(1, columns - left.length - right.length);
    lines.push(`  ${" ".repeat(idColumn)} ${dim(`${left}${" ".repeat(gap)}${right}`)}   ${shortDuration(timeline.end - timeline.start)}`);
    // The legend, on as many lines as the width needs.
    const keys = [
        [g.tester, ANSI.tester, "tester"],
        [g.implementation, ANSI.implementation, "implementation"],
        [g.failed, ANSI.failed, `failed (${g.failMark})`],
        [g.running, ANSI.running, "running"],
    ];
    let legend = " ";
    for (const [char, colour, word] of keys) {
        if (legend.length + word.length + 5 > width) {
            lines.push(legend.trimEnd());
            legend = " ";
        }
        legend += `  ${options.color ? `${colour}${char}${ANSI.reset}` : char} ${word}`;
        legend = options.color ? legend : legend;
    }
    lines.push(legend.trimEnd());
    return lines.join("\n");
}
/** The terminal Gantt of the recorded execution; "" when nothing has run. */
function renderGanttTerminal(state, titles, options) {
    return renderTimelineTerminal((0,_timeline_js__WEBPACK_IMPORTED_MODULE_0__/* .timelineOf */ .hf)(state, titles), options);
}


/***/ }),

/***/ 2829:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hf: () => (/* binding */ timelineOf),
/* harmony export */   qX: () => (/* binding */ axisFormatFor)
/* harmony export */ });
/* unused harmony exports barLabel, timeOf */
/* harmony import */ var _own_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6207);
/* harmony import */ var _retries_attempts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(454);
/* harmony import */ var _state_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6624);
// The recorded execution as a timeline: one row per story grouped by wave, a tester bar (the plan's setup,
// tester + red check) and an implementation bar (implementation + verify) per attempt (a retried
// implementation is a second `I-` bar), in whole seconds. Every chart (Mermaid, terminal,
// SVG) draws this one model, so they agree on labels, times and marks. Pure.



// Setup prepares the working copy for the tester: its time (and its failure) belongs to the tester's bar.
const TESTER_PHASES = ["setup", "tester", "red"];
const IMPL_PHASES = ["implementation", "verify"];
const SECOND = 1000;
/** The bar label of a story's phase group: the story id itself, whatever the other ids look like. */
function barLabel(kind, storyId) {
    return `${kind}-${storyId}`;
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
function markOf(all, story) {
    // Phases an execution cut short (kill -9) were run again: they mark the bar only when nothing else does.
    const phases = all.filter((p) => !p.interrupted);
    if (phases.length === 0)
        return story === "failed" ? "crit" : "";
    if (phases.some((p) => p.outcome === "failed"))
        return "crit";
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
/**
 * Start and end of a bar in whole seconds (start rounded down, end up, at least one second), starting no
 * earlier than `notBefore`: the previous bar of the same story ends there after its own rounding up.
 */
function spanOf(phases, now, notBefore) {
    const starts = phases.map((p) => timeOf(p.start) ?? timeOf(p.end) ?? now);
    const ends = phases.map((p) => timeOf(p.end) ?? now);
    const start = Math.max(Math.floor(Math.min(...starts) / SECOND) * SECOND, notBefore);
    const end = Math.max(Math.ceil(Math.max(...ends) / SECOND) * SECOND, start + SECOND);
    return { start, end };
}
function rowOf(state, id, title, now) {
    const run = (0,_own_js__WEBPACK_IMPORTED_MODULE_1__/* .own */ .Z)(state.runs, id);
    if (!run)
        return undefined;
    const status = (0,_state_state_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(state, id);
    const bars = [];
    let notBefore = 0;
    // Every attempt has its bars, in order; the first keeps the plain label, later ones say which they are.
    const history = (0,_retries_attempts_js__WEBPACK_IMPORTED_MODULE_2__/* .attemptHistory */ .cW)(run);
    for (const { attempt, rebuild } of history) {
        const mine = run.phases.filter((p) => (0,_retries_attempts_js__WEBPACK_IMPORTED_MODULE_2__/* .attemptOf */ .tx)(run, p) === attempt);
        const note = attempt === history[0].attempt ? undefined : rebuild ? "rebuild" : `attempt ${attempt}`;
        for (const [kind, names] of [["T", TESTER_PHASES], ["I", IMPL_PHASES]]) {
            const phases = mine.filter((p) => names.includes(p.phase));
            if (phases.length === 0)
                continue;
            const { start, end } = spanOf(phases, now, notBefore);
            notBefore = end;
            let mark = markOf(phases, status);
            // The implementation was rejected at integration (merge conflict, tests failing on the merge).
            if (kind === "I" && mine.some((p) => p.phase === "integrate" && p.outcome === "failed"))
                mark = "crit";
            bars.push({ kind, label: barLabel(kind, id), ...(note ? { note } : {}), start, end, mark });
        }
    }
    return bars.length > 0 ? { id, title, status, bars } : undefined;
}
/** The timeline of the recorded execution; stories not yet run have no row. */
function timelineOf(state, titles) {
    const now = latestOf(state);
    const inWaves = new Set(state.waves.flat());
    const named = state.waves.map((ids, i) => ({ name: `Wave ${i + 1}`, ids }));
    const stray = Object.keys(state.runs).filter((id) => !inWaves.has(id));
    if (stray.length > 0)
        named.push({ name: "Outside the waves", ids: stray });
    const groups = named
        .map(({ name, ids }) => ({ name, rows: ids.flatMap((id) => rowOf(state, id, (0,_own_js__WEBPACK_IMPORTED_MODULE_1__/* .own */ .Z)(titles, id) ?? "", now) ?? []) }))
        .filter((g) => g.rows.length > 0);
    const bars = groups.flatMap((g) => g.rows.flatMap((r) => r.bars));
    if (bars.length === 0)
        return { start: 0, end: 0, groups };
    // reduce, not Math.min(...): plans with thousands of stories would pass too many arguments.
    return { start: bars.reduce((m, b) => Math.min(m, b.start), Infinity), end: bars.reduce((m, b) => Math.max(m, b.end), 0), groups };
}
/**
 * The time axis format (d3 / Mermaid `axisFormat`) that tells ticks apart for an execution of this length:
 * seconds for an hour or less, minutes within two days, the date beyond.
 */
function axisFormatFor(durationMs) {
    if (durationMs <= 60 * 60 * SECOND)
        return "%H:%M:%S";
    if (durationMs <= 48 * 60 * 60 * SECOND)
        return "%H:%M";
    return "%b %d %H:%M";
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
/* unused harmony exports attemptsAllowed, jobStartAttempt */
/** The attempt a phase belongs to (states written before retries have one attempt per run). */
const attemptOf = (run, p) => p.attempt ?? run.attempt;
const firstOf = (run) => run.firstAttempt ?? run.attempt;
/**
 * The phases of one attempt that count (not cut short by an execution that stopped): the agent phases and
 * their checks. Integration, and the plan's setup (it prepares a working copy, it is no step of an attempt),
 * are left out.
 */
function phasesOf(run, attempt) {
    return run.phases.filter((p) => attemptOf(run, p) === attempt && !p.interrupted && p.phase !== "integrate" && p.phase !== "setup");
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
/**
 * The attempts a story may be in from its current one on: a rebuild has just its own, a set of attempts
 * ends at its first plus `retries`.
 */
function attemptsAllowed(run, retries) {
    if (run.rebuild?.attempt === run.attempt)
        return { first: run.attempt, last: run.attempt };
    return { first: run.attempt, last: Math.max(run.attempt, firstOf(run) + retries) };
}
/** The first attempt a story job of this run makes (its record holds the phases from there on). */
const jobStartAttempt = (run) => run.rebuild?.attempt ?? firstOf(run);
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
        // Sent back for a rebuild, it is not complete, whatever the story file its first merge brought says.
        if ((0,_own_js__WEBPACK_IMPORTED_MODULE_0__/* .own */ .Z)(next.runs, id)?.rebuild)
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
const scheduleRebuild = (id, reason, feedback, now, origin = {}) => (state) => {
    const next = withRun(endPhase(id, "integrate", "failed", now, reason)(state), id, (run) => {
        const { merged: _m, ...kept } = run;
        // By default the verified commit and its test file as recorded; publish passes the ones it checked itself.
        const from = origin.from ?? run.result?.commit;
        const testFileBlob = origin.testFileBlob ?? run.testFileBlob;
        return { ...kept, status: "pending", rebuilt: true, rebuild: { reason, feedback, ...(from ? { from } : {}), ...(testFileBlob ? { testFileBlob } : {}) } };
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
;