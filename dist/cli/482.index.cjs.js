"use strict";
exports.id = 482;
exports.ids = [482];
exports.modules = {

/***/ 6633:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ findExecutable)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
// Whether a command can be found on PATH, the way a shell looks it up: the first directory holding an
// executable file of that name. Used to warn about (plan) or refuse (run) a preset whose CLI is not installed.


/** The full path of `name` on `pathEnv` (a PATH value), or undefined when no directory holds it as an executable file. */
function findExecutable(name, pathEnv) {
    for (const dir of (pathEnv ?? "").split((node_path__WEBPACK_IMPORTED_MODULE_1___default().delimiter))) {
        // An empty entry means the current directory, as in the shell.
        const candidate = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(dir === "" ? "." : dir, name);
        try {
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(candidate).isFile())
                continue;
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(candidate, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
            return candidate;
        }
        catch {
            // Not here: try the next directory.
        }
    }
    return undefined;
}


/***/ }),

/***/ 2302:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ missingPresetCLIs)
/* harmony export */ });
/* harmony import */ var _core_agents_presets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1214);
/* harmony import */ var _adapters_executables_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6633);
// Agents whose preset CLI is not on PATH: `plan` warns about them, `run` refuses to start (issue 13).


/** One message per agent the plan's stories use whose preset's executable is not on `pathEnv`. */
function missingPresetCLIs(plan, pathEnv) {
    const used = new Set(plan.stories.flatMap((s) => [s.tester, s.implementer]));
    const found = new Map();
    const messages = [];
    for (const agent of Object.values(plan.agents)) {
        if (!agent.preset || !used.has(agent.name))
            continue;
        const { executable, title } = _core_agents_presets_js__WEBPACK_IMPORTED_MODULE_0__/* .PRESETS */ .fG[agent.preset];
        if (!found.has(executable))
            found.set(executable, (0,_adapters_executables_js__WEBPACK_IMPORTED_MODULE_1__/* .findExecutable */ .o)(executable, pathEnv) !== undefined);
        if (!found.get(executable))
            messages.push(`agent "${agent.name}" uses preset ${agent.preset}, but \`${executable}\` (${title}) is not on PATH`);
    }
    return messages;
}


/***/ }),

/***/ 1655:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  m: () => (/* binding */ createProgress)
});

;// CONCATENATED MODULE: ./src/engine/progress-text.ts
const ICON = { complete: "✅", failed: "❌", blocked: "⛔" };
function describeProgress(e) {
    switch (e.type) {
        case "wave":
            return `Wave ${e.wave}: ${e.stories.join(", ")}`;
        case "log":
            return e.message;
        case "story":
            return `${ICON[e.status] ?? ""} ${e.storyId} ${e.status}${e.reason ? `: ${e.reason}` : ""}${e.log ? ` (log: ${e.log})` : ""}`.trim();
        case "stage":
            return e.what === null ? null : `Wave ${e.wave}: ${e.what}`;
        case "phase":
            return null;
    }
}

;// CONCATENATED MODULE: ./src/cli/progress.ts

function createProgress(io, plan, now = Date.now) {
    if (!io.isTTY) {
        const line = (s) => io.stdout(`${new Date(now()).toISOString()} ${s}\n`);
        return {
            event: (e) => {
                const text = describeProgress(e);
                if (text)
                    line(text);
            },
            note: line,
            stop: () => undefined,
        };
    }
    return liveProgress(io, plan, now);
}
function liveProgress(io, plan, now) {
    const started = now();
    const running = new Map();
    const done = new Map();
    let wave = 0;
    let stage = null;
    let drawn = 0;
    const clock = (ms) => {
        const s = Math.floor(ms / 1000);
        return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
    };
    const erase = () => {
        if (drawn > 0)
            io.stdout(`\x1b[${drawn}A\x1b[0J`);
        drawn = 0;
    };
    const draw = () => {
        erase();
        const lines = [
            `\x1b[1mtdd-waves\x1b[0m ${plan.name} · wave ${wave} · ${done.size}/${plan.stories.length} finished · ${running.size} running${stage ? ` · ${stage}` : ""} · ${clock(now() - started)}`,
            ...[...running].map(([id, r]) => `  ${id.padEnd(24)} ${r.phase.padEnd(15)} ${(r.agent ?? "").padEnd(16)} ${clock(now() - r.since)}`),
        ];
        io.stdout(`${lines.join("\n")}\n`);
        drawn = lines.length;
    };
    const timer = setInterval(draw, 1000);
    timer.unref();
    const print = (s) => {
        erase();
        io.stdout(`${s}\n`);
        draw();
    };
    return {
        event: (e) => {
            if (e.type === "wave")
                wave = e.wave;
            if (e.type === "stage")
                stage = e.what;
            if (e.type === "phase")
                running.set(e.storyId, { phase: e.phase, agent: e.agent, since: now() });
            if (e.type === "story") {
                running.delete(e.storyId);
                done.set(e.storyId, e.status);
            }
            const text = describeProgress(e);
            if (text)
                print(text);
            else
                draw();
        },
        note: print,
        stop: () => {
            clearInterval(timer);
            draw();
        },
    };
}


/***/ }),

/***/ 6482:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCommand: () => (/* binding */ runCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/render/report.ts
var render_report = __webpack_require__(6640);
// EXTERNAL MODULE: ./src/core/render/gantt-terminal.ts
var gantt_terminal = __webpack_require__(7751);
// EXTERNAL MODULE: ./src/core/render/retries.ts
var retries = __webpack_require__(1097);
// EXTERNAL MODULE: ./src/core/state/state.ts
var state_state = __webpack_require__(6624);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/engine/ports.ts
/** A path that leads out of the directory it must stay in; refused, nothing read or written there. */
class PathEscapeError extends Error {
    path;
    realPath;
    root;
    constructor(path, realPath, root) {
        super(`${path} leads out of ${root} (to ${realPath}) through a symbolic link: refused`);
        this.path = path;
        this.realPath = realPath;
        this.root = root;
        this.name = "PathEscapeError";
    }
}

;// CONCATENATED MODULE: ./src/adapters/confined-paths.ts
// Paths that must stay inside a directory (a working copy, a log directory): resolved to their real
// location at the moment of use, since an agent can make a symbolic link at any time, and refused when
// that location is outside.



/**
 * The absolute path of `path` (relative to `root`, or absolute) once it is known to stay inside `root`:
 * the real location of the path, or of its nearest existing ancestor plus the rest, must be `root`'s real
 * location or below it. Throws PathEscapeError otherwise.
 */
function confined(root, path) {
    const full = (0,external_node_path_.resolve)(root, path);
    const rootReal = realLocation((0,external_node_path_.resolve)(root));
    const real = realLocation(full);
    if (real !== rootReal && !real.startsWith(rootReal.endsWith(external_node_path_.sep) ? rootReal : `${rootReal}${external_node_path_.sep}`))
        throw new PathEscapeError(path, real, root);
    return full;
}
/** Where `path` really is: its real path, or that of its nearest existing ancestor with the rest added. */
function realLocation(path) {
    const rest = [];
    for (let at = path;;) {
        try {
            return (0,external_node_path_.join)((0,external_node_fs_.realpathSync)(at), ...rest);
        }
        catch (e) {
            const code = e.code;
            if ((code !== "ENOENT" && code !== "ENOTDIR") || (0,external_node_path_.dirname)(at) === at)
                throw e;
            rest.unshift((0,external_node_path_.basename)(at));
            at = (0,external_node_path_.dirname)(at);
        }
    }
}

;// CONCATENATED MODULE: ./src/adapters/agent-process.ts
// Runs an agent's or a test's shell command as a child process, logs its output to a file, and makes
// sure that on timeout or abort nothing the command started survives it.




/**
 * `background`: the shell execs `nice -n 10` on the command, so the priority is lowered before anything of the
 * command runs (lowering it from here after the spawn would race with the shell's first fork). Without a
 * `nice` on PATH the command runs at the usual priority.
 */
const BACKGROUND = 'command -v nice >/dev/null 2>&1 && exec nice -n 10 /bin/sh -c "$1"; exec /bin/sh -c "$1"';
const DEFAULT_KILL_GRACE_MS = 2000;
// setTimeout fires at once for delays beyond a signed 32-bit number of milliseconds.
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * Runs `command` with `/bin/sh -c` in `cwd`, stdout and stderr appended to `logFile`. Resolves once the
 * shell has exited and, after a timeout or an abort, its whole process tree is gone. Never rejects for
 * the command's sake: a failing or missing command is an exit code (127 for "not found").
 */
async function runShell(command, opts) {
    const started = Date.now();
    const graceMs = opts.killGraceMs ?? DEFAULT_KILL_GRACE_MS;
    const log = openLog(opts.logFile, headerLines(command, opts.header, started));
    const out = opts.stdoutFile === undefined ? undefined : openOutput(opts.stdoutFile);
    const appendLog = (text) => {
        if (opts.logRoot !== undefined && !stays(opts.logRoot, opts.logFile))
            return;
        (0,external_node_fs_.appendFileSync)(opts.logFile, text);
    };
    const outcome = (o) => {
        const result = { exitCode: null, signal: null, timedOut: false, aborted: false, ...o, durationMs: Date.now() - started, logFile: opts.logFile };
        if (opts.stdoutFile !== undefined && (opts.logRoot === undefined || stays(opts.logRoot, opts.stdoutFile)))
            appendLog(stdoutSection(opts.stdoutFile));
        appendLog(footerLine(result));
        return result;
    };
    const problem = opts.signal?.aborted ? "aborted before it started" : missingDirectory(opts.cwd);
    let child;
    let spawnError;
    try {
        if (!problem) {
            child = (0,external_node_child_process_.spawn)("/bin/sh", opts.background ? ["-c", BACKGROUND, "sh", command] : ["-c", command], {
                cwd: opts.cwd,
                env: { ...process.env, ...opts.env },
                // Own process group, so that the group can be signalled as a whole.
                detached: true,
                stdio: ["ignore", out ?? log, log],
            });
        }
    }
    catch (err) {
        spawnError = err instanceof Error ? err.message : String(err);
    }
    finally {
        // The child has its own copy of the descriptors.
        (0,external_node_fs_.closeSync)(log);
        if (out !== undefined)
            (0,external_node_fs_.closeSync)(out);
    }
    if (!child)
        return outcome({ aborted: Boolean(opts.signal?.aborted), error: problem ?? spawnError ?? "could not start /bin/sh" });
    const exited = waitForExit(child);
    const stopped = stopRequest(opts.timeoutMs, opts.signal);
    const reason = await Promise.race([exited.then(() => null), stopped.promise]);
    stopped.cancel();
    const pgid = child.pid;
    if (reason && pgid !== undefined)
        await killTree(pgid, graceMs);
    const exit = await exited;
    if (exit.error)
        return outcome({ error: exit.error });
    if (!reason && pgid !== undefined && groupAlive(pgid)) {
        appendLog("--- tdd-waves: stopping processes the command left running\n");
        await killTree(pgid, graceMs);
    }
    return outcome({ exitCode: exit.code, signal: exit.signal, timedOut: reason === "timeout", aborted: reason === "abort" });
}
function stays(root, path) {
    try {
        confined(root, path);
        return true;
    }
    catch {
        return false;
    }
}
function openLog(logFile, header) {
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(logFile), { recursive: true });
    const fd = (0,external_node_fs_.openSync)(logFile, "a");
    (0,external_node_fs_.writeSync)(fd, header);
    return fd;
}
function openOutput(file) {
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(file), { recursive: true });
    return (0,external_node_fs_.openSync)(file, "w");
}
/** Most of a standard output worth reading in a log; the file keeps all of it. */
const STDOUT_IN_LOG_BYTES = 256 * 1024;
function stdoutSection(file) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, "utf8");
    }
    catch {
        return "";
    }
    if (text === "")
        return "";
    const shown = text.length > STDOUT_IN_LOG_BYTES ? `${text.slice(0, STDOUT_IN_LOG_BYTES)}\n… (cut: ${file} holds all of it)\n` : text;
    return `--- standard output (${file}):\n${shown}${shown.endsWith("\n") ? "" : "\n"}`;
}
function headerLines(command, header, started) {
    return `=== ${new Date(started).toISOString()}${header ? ` ${header}` : ""}\n$ ${command}\n`;
}
function footerLine(o) {
    const took = `${(o.durationMs / 1000).toFixed(1)} s`;
    if (o.error)
        return `--- tdd-waves: not run: ${o.error}\n`;
    const end = o.exitCode !== null ? `exit ${o.exitCode}` : `signal ${o.signal ?? "?"}`;
    const why = o.timedOut ? "timed out, process tree killed; " : o.aborted ? "aborted, process tree killed; " : "";
    return `--- ${why}${end} after ${took}\n`;
}
function missingDirectory(cwd) {
    try {
        return (0,external_node_fs_.statSync)(cwd).isDirectory() ? undefined : `working directory is not a directory: ${cwd}`;
    }
    catch {
        return `working directory does not exist: ${cwd}`;
    }
}
function waitForExit(child) {
    return new Promise((resolve) => {
        child.once("error", (err) => resolve({ code: null, signal: null, error: err.message }));
        child.once("close", (code, signal) => resolve({ code, signal }));
    });
}
function stopRequest(timeoutMs, signal) {
    let timer;
    let onAbort;
    const promise = new Promise((resolve) => {
        if (Number.isFinite(timeoutMs))
            timer = setTimeout(() => resolve("timeout"), Math.min(Math.max(0, timeoutMs), MAX_TIMER_MS));
        onAbort = () => resolve("abort");
        signal?.addEventListener("abort", onAbort, { once: true });
    });
    return {
        promise,
        cancel: () => {
            clearTimeout(timer);
            if (onAbort)
                signal?.removeEventListener("abort", onAbort);
        },
    };
}
/** Live (not zombie) processes; null where there is no /proc (then only the group is signalled). */
function scanProcs() {
    let entries;
    try {
        entries = (0,external_node_fs_.readdirSync)("/proc");
    }
    catch {
        return null;
    }
    const procs = [];
    for (const name of entries) {
        if (!/^\d+$/.test(name))
            continue;
        const p = readStat(name);
        if (p)
            procs.push(p);
    }
    return procs;
}
function readStat(pid) {
    try {
        const stat = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, "utf8");
        // The command name is in parentheses and may itself contain spaces and parentheses.
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        const state = fields[0];
        if (state === "Z" || state === "X" || state === "x")
            return null;
        return { pid: Number(pid), ppid: Number(fields[1]), pgrp: Number(fields[2]), start: fields[19] ?? "" };
    }
    catch {
        return null;
    }
}
function groupAlive(pgid) {
    const procs = scanProcs();
    return procs ? procs.some((p) => p.pgrp === pgid) : sendSignal(-pgid, 0);
}
/** Nothing of the tree is left. Zombies count as gone: they hold no resources and cannot be killed. */
function treeGone(pgid, targets) {
    if (scanProcs() === null)
        return !sendSignal(-pgid, 0);
    return collectTree(pgid, targets).length === 0;
}
/**
 * Adds to `targets` every live member of the group and every live descendant of a target, which
 * catches children that left the group (setsid) while their parent still lives.
 */
function collectTree(pgid, targets) {
    const live = (scanProcs() ?? []).filter((p) => p.pid !== process.pid);
    const byPid = new Map(live.map((p) => [p.pid, p]));
    const isTarget = (pid) => {
        const known = targets.get(pid);
        return known !== undefined && byPid.get(pid)?.start === known.start;
    };
    for (const p of live)
        if (p.pgrp === pgid)
            targets.set(p.pid, p);
    let grew = true;
    while (grew) {
        grew = false;
        for (const p of live) {
            if (!targets.has(p.pid) && isTarget(p.ppid)) {
                targets.set(p.pid, p);
                grew = true;
            }
        }
    }
    return live.filter((p) => isTarget(p.pid));
}
/** SIGTERM to the group and every target outside it; SIGKILL to whatever is left after the grace time. */
async function killTree(pgid, graceMs) {
    const targets = new Map();
    let alive = collectTree(pgid, targets);
    signalTree(pgid, alive, "SIGTERM");
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline) {
        await sleep(Math.min(50, Math.max(1, deadline - Date.now())));
        if (treeGone(pgid, targets))
            return;
    }
    // A few rounds: a process may fork between the scan and the signal.
    for (let round = 0; round < 10; round++) {
        alive = collectTree(pgid, targets);
        signalTree(pgid, alive, "SIGKILL");
        await sleep(20);
        if (treeGone(pgid, targets))
            return;
    }
}
function signalTree(pgid, alive, sig) {
    sendSignal(-pgid, sig);
    for (const p of alive)
        if (p.pgrp !== pgid)
            sendSignal(p.pid, sig);
}
/** True when the signal was delivered (ESRCH and EPERM are not errors here). */
function sendSignal(pid, sig) {
    try {
        process.kill(pid, sig);
        return true;
    }
    catch {
        return false;
    }
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

// EXTERNAL MODULE: ./src/adapters/git.ts
var adapters_git = __webpack_require__(6960);
// EXTERNAL MODULE: ./node_modules/fast-xml-parser/src/xmlparser/XMLParser.js + 26 modules
var XMLParser = __webpack_require__(9658);
// EXTERNAL MODULE: ./node_modules/fast-xml-parser/src/fxp.js
var fxp = __webpack_require__(5824);
;// CONCATENATED MODULE: ./src/core/testing/junit.ts
// Test counts from a JUnit XML report, whichever runner wrote it (vitest, jest-junit, node --test, …).

const ARRAYS = new Set(["testsuite", "testcase"]);
const parser = new XMLParser/* default */.A({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseAttributeValue: false,
    parseTagValue: false,
    // Failure messages and logs are not needed, only whether the elements are there.
    isArray: (name) => ARRAYS.has(name),
});
/** Counts of a JUnit report, or null when the text is not a JUnit report. Never throws. */
function parseJunit(xml) {
    try {
        if (xml.trim() === "" || fxp/* XMLValidator */.iI.validate(xml) !== true)
            return null;
        const doc = parser.parse(xml);
        if (isNode(doc["testsuites"]))
            return finish(countContainer(doc["testsuites"]));
        const suites = doc["testsuite"];
        if (Array.isArray(suites))
            return finish(sumAll(suites.filter(isNode).map(countContainer)));
        // `<testsuites/>`: a run that found no tests.
        if (doc["testsuites"] === "")
            return finish(zero());
        return null;
    }
    catch {
        return null;
    }
}
const zero = () => ({ tests: 0, failures: 0, errors: 0, skipped: 0 });
function isNode(v) {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}
function sumAll(list) {
    return list.reduce((a, b) => ({ tests: a.tests + b.tests, failures: a.failures + b.failures, errors: a.errors + b.errors, skipped: a.skipped + b.skipped }), zero());
}
/** A `<testsuites>` or `<testsuite>`: its own totals where it states them, else what its children add up to. */
function countContainer(node) {
    const cases = asNodes(node["testcase"]).map(countCase);
    const suites = asNodes(node["testsuite"]).map(countContainer);
    const derived = sumAll([...cases, ...suites]);
    return {
        tests: attr(node, "tests") ?? derived.tests,
        failures: attr(node, "failures") ?? derived.failures,
        errors: attr(node, "errors") ?? derived.errors,
        skipped: attr(node, "skipped") ?? derived.skipped,
    };
}
function countCase(node) {
    // One outcome per test case: a case that both failed and errored counts once, as a failure.
    const failed = "failure" in node;
    const errored = !failed && "error" in node;
    const skipped = !failed && !errored && "skipped" in node;
    return { tests: 1, failures: failed ? 1 : 0, errors: errored ? 1 : 0, skipped: skipped ? 1 : 0 };
}
function asNodes(v) {
    if (Array.isArray(v))
        return v.map((x) => (isNode(x) ? x : {}));
    return [];
}
function attr(node, name) {
    const raw = node[`@_${name}`];
    if (typeof raw !== "string" || raw.trim() === "")
        return undefined;
    const n = Number(raw);
    return Number.isInteger(n) && n >= 0 ? n : undefined;
}
function finish(c) {
    return { ...c, passed: Math.max(0, c.tests - c.failures - c.errors - c.skipped) };
}

;// CONCATENATED MODULE: ./src/core/testing/test-output.ts
// Colour and cursor sequences that runners print when they think they talk to a terminal.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;
/**
 * The counts of the last test summary in `text` (the summary nearest the end wins, so that output of
 * a nested run earlier in the log does not count), or null when no summary is recognised.
 */
function countsFromOutput(text) {
    const lines = text.replace(ANSI, "").split(/\r?\n|\r/);
    for (let i = lines.length - 1; i >= 0; i--) {
        for (const recognize of RECOGNIZERS) {
            const counts = recognize(lines, i);
            if (counts)
                return counts;
        }
    }
    return null;
}
/** node --test: a block of `# tests N`, `# pass N`, … (TAP) or `ℹ tests N`, … (spec reporter). */
const NODE_LINE = /^\s*(?:#|ℹ)\s+(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms)\s+(\d+(?:\.\d+)?)\s*$/;
const nodeSummary = (lines, i) => {
    if (!NODE_LINE.test(lines[i] ?? ""))
        return null;
    const values = blockAround(lines, i, NODE_LINE);
    const tests = values.get("tests");
    const pass = values.get("pass");
    if (tests === undefined || pass === undefined)
        return null;
    const get = (k) => values.get(k) ?? 0;
    return {
        tests,
        passed: pass,
        failures: get("fail") + get("cancelled"),
        errors: 0,
        skipped: get("skipped") + get("todo"),
    };
};
/** The key/value lines next to line i that match `pattern` (first group key, second group number). */
function blockAround(lines, i, pattern) {
    let start = i;
    while (start > 0 && pattern.test(lines[start - 1] ?? ""))
        start--;
    let end = i;
    while (end < lines.length - 1 && pattern.test(lines[end + 1] ?? ""))
        end++;
    const values = new Map();
    for (let k = start; k <= end; k++) {
        const m = pattern.exec(lines[k] ?? "");
        if (m?.[1] && m[2])
            values.set(m[1], Number(m[2]));
    }
    return values;
}
/** vitest: `Tests  1 failed | 2 passed | 1 skipped (4)`, or `Tests  no tests`. */
const VITEST_LINE = /^\s*Tests\s+((?:\d+ [a-z][a-z ]*?\s*\|\s*)*\d+ [a-z][a-z ]*?)\s*\((\d+)\)\s*$/;
const vitestSummary = (lines, i) => {
    const line = lines[i] ?? "";
    if (/^\s*Tests\s+no tests\s*$/.test(line))
        return { tests: 0, passed: 0, failures: 0, errors: 0, skipped: 0 };
    const m = VITEST_LINE.exec(line);
    if (!m?.[1] || !m[2])
        return null;
    const parts = wordCounts(m[1].split("|"));
    return {
        tests: Number(m[2]),
        passed: (parts.get("passed") ?? 0) + (parts.get("expected fail") ?? 0),
        failures: parts.get("failed") ?? 0,
        errors: 0,
        skipped: (parts.get("skipped") ?? 0) + (parts.get("todo") ?? 0),
    };
};
/** jest: `Tests:       1 failed, 1 skipped, 2 passed, 4 total`. */
const JEST_LINE = /^\s*Tests:\s+(.*\b\d+ total)\s*$/;
const jestSummary = (lines, i) => {
    const m = JEST_LINE.exec(lines[i] ?? "");
    if (!m?.[1])
        return null;
    const parts = wordCounts(m[1].split(","));
    const tests = parts.get("total");
    if (tests === undefined)
        return null;
    return {
        tests,
        passed: parts.get("passed") ?? 0,
        failures: parts.get("failed") ?? 0,
        errors: 0,
        skipped: (parts.get("skipped") ?? 0) + (parts.get("todo") ?? 0),
    };
};
/** mocha: `2 passing (5ms)`, `1 pending`, `1 failing` on lines of their own. */
const MOCHA_LINE = /^\s*(\d+) (passing|failing|pending)\b(?:\s*\([^)]*\))?\s*$/;
const mochaSummary = (lines, i) => {
    if (!MOCHA_LINE.test(lines[i] ?? ""))
        return null;
    // The three lines may be separated by blank lines, and failures are listed after "failing".
    const values = new Map();
    for (let k = Math.max(0, i - 4); k <= Math.min(lines.length - 1, i + 4); k++) {
        const m = MOCHA_LINE.exec(lines[k] ?? "");
        if (m?.[1] && m[2] && !values.has(m[2]))
            values.set(m[2], Number(m[1]));
    }
    const passed = values.get("passing") ?? 0;
    const failures = values.get("failing") ?? 0;
    const skipped = values.get("pending") ?? 0;
    return { tests: passed + failures + skipped, passed, failures, errors: 0, skipped };
};
/** Anything else that says `N passed` / `N failed` on one line, e.g. pytest's `1 failed, 2 passed in 0.1s`. */
const PLAIN_WORD = /\b(\d+) (passed|failed|skipped|errors?)\b/g;
const plainSummary = (lines, i) => {
    const line = lines[i] ?? "";
    // File and suite counts of vitest and jest are not test counts.
    if (/^\s*(Test Files|Test Suites:)/.test(line))
        return null;
    const values = new Map();
    for (const m of line.matchAll(PLAIN_WORD)) {
        const word = m[2] === "errors" ? "error" : (m[2] ?? "");
        if (!values.has(word))
            values.set(word, Number(m[1]));
    }
    if (!values.has("passed") && !values.has("failed"))
        return null;
    const passed = values.get("passed") ?? 0;
    const failures = values.get("failed") ?? 0;
    const errors = values.get("error") ?? 0;
    const skipped = values.get("skipped") ?? 0;
    return { tests: passed + failures + errors + skipped, passed, failures, errors, skipped };
};
const RECOGNIZERS = [nodeSummary, vitestSummary, jestSummary, mochaSummary, plainSummary];
/** `["1 failed ", " 2 passed"]` -> failed: 1, passed: 2. */
function wordCounts(parts) {
    const out = new Map();
    for (const part of parts) {
        const m = /^\s*(\d+)\s+([a-z][a-z ]*?)\s*$/.exec(part);
        if (m?.[1] && m[2])
            out.set(m[2], Number(m[1]));
    }
    return out;
}

// EXTERNAL MODULE: ./src/core/testing/shell-quote.ts
var shell_quote = __webpack_require__(5199);
;// CONCATENATED MODULE: ./src/adapters/test-runner.ts
// Runs the plan's test command on one story's test file and gathers the evidence: exit code and,
// where the run tells them, the counts (from the JUnit report, else from the runner's summary lines).







// The summary of a run is at its end; a runaway log is not read whole.
const MAX_OUTPUT_READ = 4 * 1024 * 1024;
async function runTests(opts) {
    const junitRel = opts.test.junit?.replaceAll("{storyId}", opts.storyId);
    // The report's real location is checked at each use: the test command itself may put a link there.
    const junitPath = junitRel ? confined(opts.cwd, junitRel) : undefined;
    if (junitPath) {
        // A report left by an earlier run must not pass for this run's.
        (0,external_node_fs_.rmSync)(junitPath, { force: true });
        // Some reporters (node --test's) fail when the report's directory is missing.
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(junitPath), { recursive: true });
    }
    const logStart = sizeOf(opts.logFile);
    const outcome = await runShell((0,shell_quote/* renderTestCommand */.A)(opts.test.command, opts.testFile, { storyId: opts.storyId }), {
        cwd: opts.cwd,
        env: {
            ...opts.env,
            // For commands that name the report themselves: `--outputFile=reports/$TDD_WAVES_STORY_ID.xml`.
            TDD_WAVES_STORY_ID: opts.storyId,
            TDD_WAVES_TEST_FILE: opts.testFile,
            ...(junitPath ? { TDD_WAVES_JUNIT: junitPath } : {}),
        },
        timeoutMs: opts.test.timeoutMs,
        logFile: opts.logFile,
        header: `tests of ${opts.storyId}`,
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.background ? { background: true } : {}),
    });
    // The command has run: anything it made on the way to the log or the report is looked at again.
    if (opts.logRoot !== undefined)
        confined(opts.logRoot, opts.logFile);
    const junit = junitPath ? readJunit(confined(opts.cwd, junitRel)) : null;
    if (junitPath && !junit)
        (0,external_node_fs_.appendFileSync)(opts.logFile, `--- tdd-waves: no readable JUnit report at ${junitPath}\n`);
    if (junitPath && opts.removeReport)
        (0,external_node_fs_.rmSync)(confined(opts.cwd, junitRel), { force: true });
    const counts = junit ?? countsFromOutput(readFrom(opts.logFile, logStart));
    return {
        exitCode: outcome.exitCode,
        passed: counts ? counts.passed : null,
        total: counts ? counts.tests : null,
        timedOut: outcome.timedOut,
        junitFound: junit !== null,
        durationMs: outcome.durationMs,
    };
}
function readJunit(path) {
    try {
        return parseJunit((0,external_node_fs_.readFileSync)(path, "utf8"));
    }
    catch {
        return null;
    }
}
function sizeOf(path) {
    try {
        return (0,external_node_fs_.statSync)(path).size;
    }
    catch {
        return 0;
    }
}
/** What the log got from `offset` on (at most the last MAX_OUTPUT_READ bytes of it). */
function readFrom(path, offset) {
    const end = sizeOf(path);
    const start = Math.max(offset, end - MAX_OUTPUT_READ);
    if (end <= start)
        return "";
    const buf = Buffer.alloc(end - start);
    const fd = (0,external_node_fs_.openSync)(path, "r");
    try {
        (0,external_node_fs_.readSync)(fd, buf, 0, buf.length, start);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
    return buf.toString("utf8");
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/adapters/text-files.ts
// Text files with atomic writes (temporary file in the same directory, then rename), so a story file
// is never seen half-written, even when the process is killed mid-write; and never read or written
// through a symbolic link that leads out of the directory they belong to (confined-paths.ts).




async function readText(path) {
    try {
        return await (0,promises_.readFile)(path, "utf8");
    }
    catch (e) {
        if (e.code === "ENOENT" || e.code === "EISDIR")
            return null;
        throw e;
    }
}
async function writeTextAtomic(path, text) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
    const tmp = (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `.${(0,external_node_path_.basename)(path)}.${(0,external_node_crypto_.randomBytes)(6).toString("hex")}.tmp`);
    try {
        await (0,promises_.writeFile)(tmp, text, "utf8");
        await (0,promises_.rename)(tmp, path);
    }
    catch (e) {
        await (0,promises_.rm)(tmp, { force: true });
        throw e;
    }
}
const textFiles = {
    // Async so that a refused path is a rejected promise like any other failure.
    read: async (root, path) => readText(confined(root, path)),
    write: async (root, path, text) => writeTextAtomic(confined(root, path), text),
    remove: async (root, path) => (0,promises_.rm)(confined(root, path), { force: true }),
};

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/adapters/user-cache.ts
var user_cache = __webpack_require__(2010);
;// CONCATENATED MODULE: ./src/adapters/working-copies.ts
// Where the local runner's working copies live and how they are prepared for the plan's `setup` (issue 10):
// a per-repository folder in the user's cache, outside the repository's tree (Node's module lookup climbs
// up from a working copy, and a project's test runner collects whatever lies under the repository); a
// fingerprint of what setup depends on, so that a reused working copy skips it while nothing changed; and
// the untracked files (`copy`) a working copy gets from the main checkout.









const execFileAsync = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/**
 * `$XDG_CACHE_HOME/tdd-waves/<repo>-<hash of its git directory>` (default cache: ~/.cache), or the same under
 * the temporary directory when the cache would be inside the repository (a repository of one's home folder).
 */
async function workingCopiesRoot(repoDir, commonDir, env = process.env) {
    const realCommon = await (0,promises_.realpath)(commonDir);
    const realRepo = await (0,promises_.realpath)(repoDir);
    const name = (0,external_node_path_.basename)(realCommon === (0,external_node_path_.join)(realRepo, ".git") ? realRepo : (0,external_node_path_.dirname)(realCommon)).replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 40);
    const folder = `${name || "repo"}-${(0,external_node_crypto_.createHash)("sha256").update(realCommon).digest("hex").slice(0, 12)}`;
    const root = (0,external_node_path_.join)((0,user_cache/* userCacheDir */.b)(env), folder);
    return inside(realRepo, root) || inside(realCommon, root) ? (0,external_node_path_.join)((0,external_node_os_.tmpdir)(), "tdd-waves", folder) : root;
}
const inside = (dir, path) => {
    const rel = (0,external_node_path_.relative)(dir, path);
    return rel === "" || (!rel.startsWith(`..${external_node_path_.sep}`) && rel !== ".." && !(0,external_node_path_.isAbsolute)(rel));
};
/**
 * Dependency manifests and lock files, at any depth. With every tracked file at the repository's root, they are
 * what a setup that installs dependencies reads; the project's sources (what stories change) are not.
 */
const MANIFEST = /^(package\.json|package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|pnpm-workspace\.yaml|bun\.lockb?|\.npmrc|\.yarnrc(\.yml)?|\.nvmrc|\.node-version|\.python-version|\.tool-versions|pyproject\.toml|setup\.py|setup\.cfg|requirements[^/]*\.txt|constraints[^/]*\.txt|Pipfile(\.lock)?|poetry\.lock|uv\.lock|Cargo\.toml|Cargo\.lock|rust-toolchain(\.toml)?|go\.mod|go\.sum|Gemfile(\.lock)?|composer\.(json|lock)|pom\.xml|(build|settings)\.gradle(\.kts)?|gradle\.properties|gradle-wrapper\.properties)$/;
/** The tracked files setup is taken to depend on: every file at the root, and every manifest or lock file. */
function setupInputs(paths, ownPaths) {
    const out = [];
    for (const path of paths) {
        if (ownPaths.has(path))
            continue;
        const slash = path.lastIndexOf("/");
        if (slash < 0 || MANIFEST.test(path.slice(slash + 1)))
            out.push(path);
    }
    return out;
}
async function fingerprint(git, commit, run, ownPaths) {
    const byPath = await git.treeFiles(commit);
    const hash = (0,external_node_crypto_.createHash)("sha256").update(`setup ${run}\0`);
    for (const path of setupInputs(byPath.keys(), new Set(ownPaths)))
        hash.update(`${byPath.get(path)} ${path}\0`);
    return hash.digest("hex");
}
/** Copies each path from the main checkout into the working copy; the first problem, or undefined. */
async function copyFiles(git, from, to, paths) {
    const realFrom = await (0,promises_.realpath)(from);
    const realTo = await (0,promises_.realpath)(to);
    for (const path of paths) {
        const source = (0,external_node_path_.join)(realFrom, path);
        const real = await (0,promises_.realpath)(source).catch(() => null);
        if (real === null)
            return `copy: ${path} is not in the main checkout (${from})`;
        if (!inside(realFrom, real))
            return `copy: ${path} leads out of the main checkout (to ${real}) through a symbolic link: refused`;
        const wc = git(to);
        if (await wc.isTracked(path))
            return `copy: ${path} is tracked in the repository: copy is for untracked files`;
        // A folder is asked about as one ("secrets/" patterns match folders only).
        if (!(await wc.isIgnored((await (0,promises_.lstat)(real)).isDirectory() ? `${path}/` : path))) {
            return `copy: ${path} is not ignored by git (.gitignore): it would be committed with the story's work`;
        }
        // The destination must be the working copy's own, not reached through a committed link to elsewhere.
        let dest;
        try {
            dest = confined(realTo, path);
        }
        catch (e) {
            if (e instanceof PathEscapeError)
                return `copy: ${path} would be written out of the working copy (to ${e.realPath}): refused`;
            throw e;
        }
        if ((await (0,promises_.lstat)(dest).catch(() => null))?.isSymbolicLink())
            return `copy: ${path} is a symbolic link in the working copy: refused`;
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(dest), { recursive: true });
        await (0,promises_.cp)(real, dest, { recursive: true, force: true });
    }
    return undefined;
}
/**
 * setup's relocatable `reuse` paths, from a prepared folder to another: each replaced whole, never written
 * through a link that leads out of `to`. `cp -a` where there is one: several times faster than Node's cp on
 * the thousands of files of a node_modules.
 */
async function copyKept(from, to, paths) {
    try {
        return await copyKeptPaths(from, to, paths);
    }
    catch (e) {
        return `could not copy ${paths.join(", ")} from ${from}: ${e instanceof Error ? e.message : String(e)}`;
    }
}
async function copyKeptPaths(from, to, paths) {
    await (0,promises_.mkdir)(to, { recursive: true });
    const realFrom = await (0,promises_.realpath)(from);
    const realTo = await (0,promises_.realpath)(to);
    for (const path of paths) {
        let dest;
        try {
            dest = confined(realTo, path);
        }
        catch (e) {
            if (e instanceof PathEscapeError)
                return `${path} would be written out of ${to} (to ${e.realPath}): refused`;
            throw e;
        }
        await (0,promises_.rm)(dest, { recursive: true, force: true });
        const source = (0,external_node_path_.join)(realFrom, path);
        if (!(await (0,promises_.lstat)(source).catch(() => null)))
            continue;
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(dest), { recursive: true });
        try {
            await execFileAsync("cp", ["-a", source, dest]);
        }
        catch (e) {
            if (e.code !== "ENOENT") {
                await (0,promises_.rm)(dest, { recursive: true, force: true });
                return `could not copy ${path}: ${e.stderr?.trim() || e.message}`;
            }
            await (0,promises_.cp)(source, dest, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
        }
    }
    return undefined;
}
function preparation(git) {
    return {
        workingCopiesRoot: async (repoDir) => workingCopiesRoot(repoDir, await git(repoDir).commonDir()),
        fingerprint: (dir, commit, run, ownPaths) => fingerprint(git(dir), commit, run, ownPaths),
        copyFiles: (from, to, paths) => copyFiles(git, from, to, paths),
        copyKept,
        removeFolder: (dir) => (0,promises_.rm)(dir, { recursive: true, force: true }),
    };
}

;// CONCATENATED MODULE: ./src/adapters/default-ports.ts






/** A log is written only inside its root, links resolved now (an agent may have made one since the last run). */
function confinedLog(o) {
    if (o.logRoot !== undefined) {
        confined(o.logRoot, o.logFile);
        if (o.stdoutFile !== undefined)
            confined(o.logRoot, o.stdoutFile);
    }
    return o;
}
function realPorts(opts) {
    // One Git per working copy: it learns the identity to commit with once, not once per call site.
    const gits = new Map();
    const git = (cwd) => gits.get(cwd) ?? gits.set(cwd, new adapters_git/* Git */.TU({ cwd })).get(cwd);
    return {
        workingCopy: git,
        integration: git,
        repository: git,
        plumbing: git,
        store: opts.store,
        agents: async (command, o) => runShell(command, confinedLog(o)),
        tests: async (o) => runTests({ ...confinedLog(o), removeReport: true }),
        files: textFiles,
        preparation: preparation(git),
        now: opts.now ?? (() => new Date().toISOString()),
        progress: opts.progress,
    };
}

// EXTERNAL MODULE: ./src/adapters/state-store.ts + 4 modules
var state_store = __webpack_require__(6308);
// EXTERNAL MODULE: ./src/core/story/acceptance-criteria.ts
var acceptance_criteria = __webpack_require__(1822);
// EXTERNAL MODULE: ./src/core/story/fields.ts
var fields = __webpack_require__(800);
// EXTERNAL MODULE: ./src/core/story/front-matter.ts
var front_matter = __webpack_require__(5410);
// EXTERNAL MODULE: ./src/core/story/lines.ts
var story_lines = __webpack_require__(5774);
// EXTERNAL MODULE: ./src/core/story/status.ts
var story_status = __webpack_require__(9311);
// EXTERNAL MODULE: ./src/core/story/story-document.ts
var story_document = __webpack_require__(6788);
// EXTERNAL MODULE: ./src/core/story/markdown-blocks.ts
var markdown_blocks = __webpack_require__(8375);
;// CONCATENATED MODULE: ./src/core/story/story-update.ts
// Surgical edits of a story file: field values, the front matter `status` and the `## Completion` body
// change; missing field lines (and, without any, a title) and a missing Completion section are inserted;
// every other byte stays, line endings included. Idempotent.






/**
 * Keeps a new Completion body inside its section whatever it holds: a `#`/`##` heading (ATX or setext)
 * would end the section early, an unclosed fence or HTML comment would swallow the next one, and a `---`
 * at column 0 would close a file's opening `---` rule into front matter (always indented: whether the file
 * opens with one changes as fields are inserted, and the result must not). The body follows a heading and
 * a blank line, where nothing is open: read on its own it reads as it will in the file.
 */
function sanitizeCompletionBody(body) {
    const texts = body.split(/\r\n|\r|\n/);
    while (texts.length && (0,story_lines/* isBlank */.z3)(texts[0]))
        texts.shift();
    while (texts.length && (0,story_lines/* isBlank */.z3)(texts[texts.length - 1]))
        texts.pop();
    // Escaping one heading can make the next line one (`a`, `---`, `---`): until none is left.
    for (;;) {
        const section = (0,markdown_blocks/* scanBlocks */.g)(texts).headings.filter((h) => h.level <= 2);
        if (section.length === 0)
            break;
        for (const h of section)
            texts[h.line] = "\\" + texts[h.line].replace(/^ +/, "");
    }
    // Indented by one space it renders the same and closes no front matter.
    const out = texts.map((t) => (/^(?:---|\.\.\.)[ \t]*$/.test(t) ? " " + t : t));
    const openEnd = (0,markdown_blocks/* scanBlocks */.g)(out).openEnd;
    if (openEnd !== undefined)
        out.push(openEnd);
    return out;
}
function writeCompletion(lines, doc, body) {
    // The body takes its heading's EOL: the file's dominant one can flip with the lines the body replaces,
    // which would make a second identical update rewrite it (mixed-EOL files).
    const eol = (doc.completion && lines[doc.completion.head].eol) || doc.eol;
    const bodyLines = sanitizeCompletionBody(body).map((text) => ({ text, eol }));
    const blank = () => ({ text: "", eol });
    if (doc.completion) {
        const { head, end } = doc.completion;
        const replacement = bodyLines.length ? [blank(), ...bodyLines] : [];
        if (end < lines.length)
            replacement.push(blank());
        lines.splice(head + 1, end - head - 1, ...replacement);
        return;
    }
    if (doc.blocks.openEnd !== undefined)
        lines.push({ text: doc.blocks.openEnd, eol });
    const last = lines[lines.length - 1];
    if (last && !(0,story_lines/* isBlank */.z3)(last.text))
        lines.push(blank());
    lines.push({ text: "## Completion", eol });
    if (bodyLines.length)
        lines.push(blank(), ...bodyLines);
}
function insertMissingFields(lines, doc, missing, ctx) {
    const eol = doc.eol;
    const fieldLine = ([key, value]) => ({ text: `**${fields/* FIELD_LABEL */.U2[key]}:** ${value}`, eol });
    if (doc.fields.size > 0) {
        insertBesideFields(lines, doc, missing.map((m) => [m[0], fieldLine(m)]));
        return;
    }
    const blank = () => ({ text: "", eol });
    const block = [];
    let at;
    if (doc.titleIndex !== undefined) {
        at = doc.titleIndex + 1;
        if (lines[at] && (0,story_lines/* isBlank */.z3)(lines[at].text))
            at++;
        else
            block.push(blank());
    }
    else {
        at = doc.bodyStart;
        if (doc.fmEnd !== undefined && lines[at] && (0,story_lines/* isBlank */.z3)(lines[at].text))
            at++;
        block.push({ text: `# ${(0,story_lines/* oneLine */.TN)(ctx.storyId)}: ${(0,story_lines/* oneLine */.TN)(ctx.title)}`, eol }, blank());
    }
    block.push(...missing.map(fieldLine));
    if (lines[at] && !(0,story_lines/* isBlank */.z3)(lines[at].text))
        block.push(blank());
    lines.splice(at, 0, ...block);
}
/** A missing field goes after the nearest present field before it in canonical order, else before the next one. */
function insertBesideFields(lines, doc, missing) {
    const groups = new Map();
    for (const [key, line] of missing) {
        const k = fields/* FIELD_ORDER */.ot.indexOf(key);
        const before = fields/* FIELD_ORDER */.ot.slice(0, k).reverse().find((f) => doc.fields.has(f));
        const after = fields/* FIELD_ORDER */.ot.slice(k + 1).find((f) => doc.fields.has(f));
        const at = before !== undefined ? doc.fields.get(before).index + 1 : doc.fields.get(after).index;
        groups.set(at, [...(groups.get(at) ?? []), line]);
    }
    for (const at of [...groups.keys()].sort((a, b) => b - a))
        lines.splice(at, 0, ...groups.get(at));
}
function updateFrontMatter(lines, doc, status) {
    if (doc.fmEnd === undefined)
        return;
    const s = (0,front_matter/* findFrontMatterStatus */.m)(lines, doc.fmEnd);
    if (s)
        lines[s.index] = { ...lines[s.index], text: s.head + (0,story_status/* statusToFrontMatter */.Et)(status) + s.tail };
}
/**
 * Applies an update surgically: field values, the front matter `status` and the Completion body change;
 * missing field lines (and, without any, a title) and a missing Completion section are inserted; every
 * other byte stays. Idempotent.
 */
function updateStoryFile(text, update, ctx) {
    const doc = (0,story_document/* parseDoc */.a)(text);
    const lines = doc.lines.map((l) => ({ ...l }));
    // Work with every line terminated; the last one loses its EOL again if the file had none.
    const finalNewline = lines.length === 0 || lines[lines.length - 1].eol !== "";
    if (!finalNewline)
        lines[lines.length - 1].eol = doc.eol;
    if (update.status !== undefined)
        updateFrontMatter(lines, doc, update.status);
    const missing = [];
    for (const key of fields/* FIELD_ORDER */.ot) {
        const value = (0,fields/* formatField */.Wd)(key, update);
        if (value === undefined)
            continue;
        const present = doc.fields.get(key);
        if (present)
            lines[present.index] = { ...lines[present.index], text: (0,fields/* withFieldValue */.Sw)(present.field, value) };
        else
            missing.push([key, value]);
    }
    // The Completion section lies after every field line: edit it first so field indices stay valid.
    if (update.completion !== undefined)
        writeCompletion(lines, doc, update.completion);
    if (missing.length)
        insertMissingFields(lines, doc, missing, ctx);
    if (!finalNewline && lines.length)
        lines[lines.length - 1].eol = "";
    return doc.bom + (0,story_lines/* joinLines */.cT)(lines);
}

;// CONCATENATED MODULE: ./src/core/story/story-file.ts
// Reads a story file (SPEC §2): title, field lines, acceptance criteria, front matter status and the
// `## Completion` body. Text in, text out — callers do the I/O. Edits are story-update.ts (re-exported here).







function splitTitle(title) {
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)[ \t]*:[ \t]*(.*)$/s.exec(title);
    return m ? { id: m[1], title: m[2] } : { title };
}
function readCompletion(doc) {
    if (!doc.completion)
        return undefined;
    const body = doc.lines.slice(doc.completion.head + 1, doc.completion.end).map((l) => l.text);
    while (body.length && (0,story_lines/* isBlank */.z3)(body[0]))
        body.shift();
    while (body.length && (0,story_lines/* isBlank */.z3)(body[body.length - 1]))
        body.pop();
    return body.join("\n");
}
function readStoryFile(text) {
    const doc = (0,story_document/* parseDoc */.a)(text);
    const info = { criteria: (0,acceptance_criteria/* criteriaOf */.pC)(doc), eol: doc.eol };
    const title = doc.blocks.headings.find((h) => h.line === doc.titleIndex);
    if (title) {
        info.title = title.text.replace(/\n/g, " ");
        info.heading = splitTitle(info.title);
    }
    const value = (key) => doc.fields.get(key)?.field.value;
    const statusText = value("status");
    if (statusText !== undefined) {
        info.statusText = statusText;
        const status = (0,story_status/* parseStatus */.i$)(statusText);
        if (status)
            info.status = status;
    }
    const assignee = value("assignee");
    if (assignee !== undefined && (0,fields/* readPlain */.rM)(assignee) !== undefined)
        info.assignee = (0,fields/* readPlain */.rM)(assignee);
    const testFile = value("testFile");
    if (testFile !== undefined && (0,fields/* readPlain */.rM)(testFile) !== undefined)
        info.testFile = (0,fields/* readPlain */.rM)(testFile);
    const verified = value("verified");
    if (verified !== undefined && (0,fields/* parseVerified */.QD)(verified) !== undefined)
        info.verified = (0,fields/* parseVerified */.QD)(verified);
    if (doc.fmEnd !== undefined) {
        const s = (0,front_matter/* findFrontMatterStatus */.m)(doc.lines, doc.fmEnd);
        info.frontMatter = s ? { status: s.value } : {};
    }
    const completion = readCompletion(doc);
    if (completion !== undefined)
        info.completion = completion;
    return info;
}

// EXTERNAL MODULE: ./src/core/own.ts
var own = __webpack_require__(6207);
;// CONCATENATED MODULE: ./src/core/state/progression.ts


/** story id -> ids of the stories that depend on it directly. */
function dependentsOf(plan) {
    const out = {};
    for (const s of plan.stories)
        for (const d of s.dependsOn)
            ((0,own/* own */.Z)(out, d) ?? (out[d] = [])).push(s.id);
    return out;
}
/** The first dependency that failed or is blocked, which blocks `story`; null when none does. */
function blockingDependency(state, story) {
    for (const d of story.dependsOn) {
        const s = (0,state_state/* statusOf */.c2)(state, d);
        if (s === "failed" || s === "blocked")
            return d;
    }
    return null;
}
function blockReason(state, dep) {
    return `dependency ${dep} is ${(0,state_state/* statusOf */.c2)(state, dep) === "failed" ? "failed" : "blocked"}`;
}
/** Every dependency is complete and merged into the target branch. */
function dependenciesIntegrated(state, story) {
    return story.dependsOn.every((d) => (0,state_state/* statusOf */.c2)(state, d) === "complete" && (0,own/* own */.Z)(state.runs, d)?.merged !== undefined);
}
/**
 * dag: whether merging `waiting` (complete, not merged yet) now lets a pending story start. Until it does,
 * they wait and join a larger batch: each batch costs a test run on the merged result (and its setup), so
 * dag merges only when someone needs it, or at the end, and never pays more of them than it gains from.
 */
function mergeUnlocks(state, plan, waiting) {
    return plan.stories.some((s) => (0,state_state/* statusOf */.c2)(state, s.id) === "pending" &&
        s.dependsOn.some((d) => waiting.has(d)) &&
        s.dependsOn.every((d) => (0,state_state/* statusOf */.c2)(state, d) === "complete" && (waiting.has(d) || (0,own/* own */.Z)(state.runs, d)?.merged !== undefined)));
}
/**
 * dag: whether the story is in its verify check (or just passed it): it ends within a test run's time, about
 * what a batch merged before it would spend on its own tests, so a batch waits for it and they go in together.
 */
function verifying(state, id) {
    const run = (0,own/* own */.Z)(state.runs, id);
    const last = run?.phases.at(-1);
    return last?.phase === "verify" && last.attempt === run.attempt && last.outcome !== "failed";
}
/** Completed stories whose branch has not been merged yet (an interrupted integration), in plan order. */
function unmergedCompleted(state, plan) {
    return plan.stories
        .filter((s) => (0,state_state/* statusOf */.c2)(state, s.id) === "complete" && (0,own/* own */.Z)(state.runs, s.id)?.merged === undefined)
        .map((s) => s.id);
}
/**
 * Of a wave's stories, the completed, unmerged ones that may be merged now, in plan order: those before
 * the first story still pending or in progress (merges keep plan order while the wave still runs).
 */
function mergeableNow(state, plan, wave) {
    const unmerged = new Set(unmergedCompleted(state, plan));
    const out = [];
    for (const s of plan.stories.filter((s) => wave.includes(s.id))) {
        const status = (0,state_state/* statusOf */.c2)(state, s.id);
        // A story waiting for (or in) its rebuild on the integrated target holds up no one: it merges when it is done.
        if (status !== "complete" && status !== "failed" && status !== "blocked" && (0,own/* own */.Z)(state.runs, s.id)?.rebuild)
            continue;
        if (status !== "complete" && status !== "failed" && status !== "blocked")
            break;
        if (unmerged.has(s.id))
            out.push(s.id);
    }
    return out;
}
function storyById(plan) {
    return new Map(plan.stories.map((s) => [s.id, s]));
}

;// CONCATENATED MODULE: ./src/core/retries/restart.ts
// `--restart`: a new execution of the (changed) plan that keeps the record of the old one, so that the report,
// the Gantt and the story files still show every earlier story's results, tests and bars.

/** `fresh` (a new state for the plan) with the earlier runs of the stories it still has, settled, and the lock held. */
function restartedState(fresh, previous, now) {
    const runs = {};
    for (const [id, run] of Object.entries(previous.runs)) {
        if (fresh.storyEpics[id] === undefined)
            continue;
        const { resume: _r, rebuild: _b, rebuilt: _d, feedback: _f, ...kept } = run;
        // Phases an execution left running were cut short: they stay on record as such.
        runs[id] = { ...kept, phases: (0,state_state/* cutShort */.VV)(kept.phases, now) };
    }
    return { ...fresh, runs, ...(previous.lock ? { lock: previous.lock } : {}) };
}

;// CONCATENATED MODULE: ./src/engine/execution.ts






/** The user asked for something that cannot be done as asked; nothing was changed. Exit code 2. */
class RefusedError extends Error {
}
function describeLock(l) {
    return l.kind === "local" ? `process ${l.pid} on ${l.host}, since ${l.since}` : `workflow run ${l.id}, since ${l.since}`;
}
/** Refusals that do not depend on the lock: a changed plan, another target branch. */
function checkResumable(state, source, target) {
    // A plan whose only change is its budget resumes: raising the budget is how a stopped execution continues.
    if (state.plan.digest !== source.digest && state.plan.digestWithoutBudget !== digestWithoutBudget(source.plan)) {
        throw new RefusedError(`${source.path}: the plan changed since its execution started (recorded ${state.plan.digest.slice(0, 19)}…, now ${source.digest.slice(0, 19)}…). ` +
            `Restore the plan to resume it, or run with --restart to go on under the changed plan (stories ✅ Complete on the target are kept with their record; the others run again).`);
    }
    if (state.target !== target) {
        throw new RefusedError(`${source.path}: the execution of plan "${state.plan.name}" targets branch "${state.target}", not "${target}". ` +
            `Check out "${state.target}" to resume it, or run with --restart to execute the plan on this branch instead.`);
    }
}
const acquire = (lock, judgedDead, now) => (state) => {
    if (state.lock && state.lock.id !== lock.id && state.lock.id !== judgedDead) {
        throw new RefusedError(`plan "${state.plan.name}" is already being executed (${describeLock(state.lock)}); a second execution is refused`);
    }
    return (0,state_state/* derive */.CX)({ ...state, lock, lastUpdate: now, status: state.status === "error" ? "executing" : state.status });
};
/** Creates or resumes the execution's state, holding the lock. Returns the state to run from. */
async function startExecution(ports, opts) {
    const { source, target } = opts;
    const now = ports.now();
    const created = (0,state_state/* createState */.ur)({ plan: source.plan, planPath: source.path, digest: source.digest, target, waves: source.waves, now });
    const planRecord = { ...created.plan, digest: source.digest, digestWithoutBudget: digestWithoutBudget(source.plan) };
    const fresh = { ...created, plan: planRecord };
    const current = await ports.store.read();
    if (current && !opts.restart)
        checkResumable(current, source, target);
    const held = current?.lock;
    const judgedDead = held && held.id !== opts.lock.id && !opts.lockAlive(held) ? held.id : undefined;
    if (current && held && held.id !== opts.lock.id && !judgedDead) {
        throw new RefusedError(`plan "${current.plan.name}" is already being executed (${describeLock(held)}); a second execution is refused`);
    }
    if (!current)
        await ports.store.init(fresh, "start execution");
    const done = await completeOnTarget(ports, source.plan, opts.targetDir);
    const head = (await ports.repository(opts.targetDir).revParse("HEAD")) ?? "";
    const retry = opts.retry ? (0,state_state/* retryStories */.Au)(opts.retry, dependentsOf(source.plan), now) : (state) => state;
    const begin = (state) => (0,state_state/* adoptCompleted */.EY)(done, head, now)((0,state_state/* requeueInProgress */.dp)(now)(retry(acquire(opts.lock, judgedDead, now)(opts.restart ? restartedState(fresh, state, now) : { ...state, plan: { ...state.plan, ...planRecord } }))));
    return ports.store.update(begin, opts.restart ? "restart execution" : current ? "resume execution" : "take the execution lock");
}
async function completeOnTarget(ports, plan, dir) {
    const done = [];
    for (const story of plan.stories) {
        // A story file leading out of the checkout (refused at plan time, or made since) says nothing here.
        const text = await ports.files.read(dir, story.file).catch((e) => {
            if (e instanceof PathEscapeError)
                return null;
            throw e;
        });
        if (text !== null && readStoryFile(text).status === "complete")
            done.push(story.id);
    }
    return done;
}
/** The plan's meaning without its budget (the resolved plan, not the file's bytes: comments and layout do not count). */
function digestWithoutBudget(plan) {
    const { budget: _budget, ...rest } = plan;
    return `sha256:${(0,external_node_crypto_.createHash)("sha256").update(JSON.stringify(rest)).digest("hex")}`;
}
const releaseLock = (lockId, now) => (state) => {
    if (state.lock?.id !== lockId)
        return state;
    const { lock: _l, ...rest } = state;
    return { ...rest, lastUpdate: now };
};

// EXTERNAL MODULE: ./src/core/plan/model.ts
var model = __webpack_require__(2082);
;// CONCATENATED MODULE: ./src/engine/blocking.ts


async function blockStuck(ports, plan, state, ids) {
    const scope = new Set(ids);
    // Plan order need not be dependency order: repeat until nothing more gets blocked.
    for (let changed = true; changed;) {
        changed = false;
        for (const story of plan.stories) {
            if (!scope.has(story.id) || (0,state_state/* statusOf */.c2)(state, story.id) !== "pending")
                continue;
            const dep = blockingDependency(state, story);
            if (!dep)
                continue;
            const reason = blockReason(state, dep);
            state = await ports.store.update((0,state_state/* blockStory */.ne)(story.id, reason, ports.now()), `${story.id}: blocked`);
            ports.progress({ type: "story", storyId: story.id, status: "blocked", reason });
            changed = true;
        }
    }
    return state;
}

// EXTERNAL MODULE: ./src/core/story/code-span.ts
var code_span = __webpack_require__(5669);
;// CONCATENATED MODULE: ./src/core/story/completion.ts
// Renders the body of a story file's `## Completion` section (SPEC §2) from what the run recorded.


const OUTCOME = {
    complete: "✅ Complete",
    failed: "❌ Failed",
    blocked: "⛔ Blocked",
};
/** Longer lists would drown the story file; the commit holds the full list. */
const MAX_FILES = 100;
const MAX_REASON = 500;
/** Builds the completion record from a story's run; duration spans its phases, first start to last end. */
function completionInfoFromRun(run, agents) {
    const outcome = run.status === "complete" ? "complete" : run.status === "blocked" ? "blocked" : "failed";
    const info = { outcome, testerAgent: agents.testerAgent, implAgent: agents.implAgent, attempt: run.attempt };
    if (outcome !== "complete" && run.reason)
        info.reason = run.reason;
    if (run.result) {
        info.filesModified = run.result.filesModified;
        if (run.result.red)
            info.red = run.result.red;
        if (run.result.green)
            info.green = run.result.green;
        if (run.result.commit)
            info.commit = run.result.commit;
    }
    const durationMs = (0,state_state/* runDuration */.Eo)(run);
    if (durationMs !== null)
        info.durationMs = durationMs;
    if (run.runUrl)
        info.runUrl = run.runUrl;
    return info;
}
/** `450ms`, `12s`, `1m 12s`, `2h 5s` — zero parts are left out. */
function formatDuration(ms) {
    if (!Number.isFinite(ms) || ms < 0)
        return "unknown";
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    const total = Math.round(ms / 1000);
    const parts = [
        [Math.floor(total / 3600), "h"],
        [Math.floor((total % 3600) / 60), "m"],
        [total % 60, "s"],
    ];
    return parts
        .filter(([n]) => n > 0)
        .map(([n, unit]) => `${n}${unit}`)
        .join(" ");
}
/** `exit 1, 0/3 passed`; `timed out`; `killed` when there was no exit code. */
function formatEvidence(e) {
    const parts = [e.timedOut ? "timed out" : e.exitCode === null ? "killed" : `exit ${e.exitCode}`];
    if (e.passed !== null && e.total !== null)
        parts.push(`${e.passed}/${e.total} passed`);
    return parts.join(", ");
}
function redGreen(red, green) {
    return `red: ${red ? formatEvidence(red) : "not checked"} → green: ${green ? formatEvidence(green) : "not reached"}`;
}
function testsLine(green) {
    if (green.passed !== null && green.total !== null)
        return `${green.passed}/${green.total} passed`;
    return green.exitCode === 0 && !green.timedOut ? "passed" : "failed";
}
/** Free text on one line, with the characters that could start Markdown markup escaped. */
function escapeInline(s) {
    let one = s.replace(/\s+/g, " ").trim();
    if (one.length > MAX_REASON)
        one = one.slice(0, MAX_REASON - 1) + "…";
    return one.replace(/[\\`*_[\]<>|~#&!]/g, "\\$&");
}
/** A code span on one line, whatever the text holds. */
function inlineCode(s) {
    return (0,code_span/* codeSpan */.S)(s.replace(/[\r\n\u2028\u2029]+/g, " "));
}
function runLink(url) {
    if (!/^https?:\/\//i.test(url))
        return inlineCode(url);
    // An autolink may hold no space, `<` or `>`: percent-encode them.
    return `<${url.replace(/[\s<>]/g, (c) => encodeURIComponent(c))}>`;
}
function agentsLine(c) {
    const parts = [];
    if (c.testerAgent)
        parts.push(`${inlineCode(c.testerAgent)} (tester)`);
    if (c.implAgent)
        parts.push(`${inlineCode(c.implAgent)} (implementation)`);
    return parts.length ? parts.join(" → ") : undefined;
}
function filesLines(files) {
    if (!files.length)
        return ["- **Files modified:** none"];
    const shown = files.slice(0, MAX_FILES).map((f) => `  - ${inlineCode(f)}`);
    if (files.length > MAX_FILES)
        shown.push(`  - … and ${files.length - MAX_FILES} more`);
    return [`- **Files modified:** ${files.length}`, ...shown];
}
/** The `## Completion` body: a Markdown list, lines joined with `eol`, no trailing line break. */
function renderCompletion(c, eol) {
    const outcome = OUTCOME[c.outcome] + (c.outcome !== "complete" && c.reason ? `: ${escapeInline(c.reason)}` : "");
    const lines = [`- **Outcome:** ${outcome}`];
    const item = (label, value) => {
        if (value !== undefined)
            lines.push(`- **${label}:** ${value}`);
    };
    item("Attempt", c.attempt !== undefined ? String(c.attempt) : undefined);
    item("Agents", agentsLine(c));
    item("Tests", c.green ? testsLine(c.green) : undefined);
    item("Red → green", c.red || c.green ? redGreen(c.red, c.green) : undefined);
    item("Duration", c.durationMs !== undefined ? formatDuration(c.durationMs) : undefined);
    item("Commit", c.commit ? inlineCode(c.commit.slice(0, 12)) : undefined);
    item("Run", c.runUrl ? runLink(c.runUrl) : undefined);
    if (c.filesModified)
        lines.push(...filesLines(c.filesModified));
    return lines.join(eol);
}

// EXTERNAL MODULE: ./src/core/retries/attempts.ts
var attempts = __webpack_require__(454);
;// CONCATENATED MODULE: ./src/core/retries/feedback.ts
// The feedback an agent gets on a retry or a rebuild (TDD_WAVES_FEEDBACK, the `{feedback}` placeholder):
// what failed and why, the criteria still unticked, and the tail of the output that shows it. Pure text.

/** How much of a log the feedback quotes: its last lines, within a size an agent's prompt can carry. */
const TAIL_LINES = 60;
const TAIL_CHARS = 6_000;
/** Feedback longer than this is cut (a story record carries it, and its schema bounds it). */
const FEEDBACK_MAX_CHARS = 16_000;
/** Lists (criteria, files) quote this many items, each cut to ITEM_CHARS. */
const LIST_ITEMS = 30;
const ITEM_CHARS = 200;
const bounded = (text) => (text.length <= FEEDBACK_MAX_CHARS ? text : `${text.slice(0, FEEDBACK_MAX_CHARS - 1)}…`);
function listOf(items) {
    const lines = items.slice(0, LIST_ITEMS).map((item) => {
        const one = item.replace(/\s+/g, " ").trim();
        return `- ${one.length <= ITEM_CHARS ? one : `${one.slice(0, ITEM_CHARS - 1)}…`}`;
    });
    return items.length > LIST_ITEMS ? [...lines, `- … and ${items.length - LIST_ITEMS} more`] : lines;
}
/** The last lines of `text` (at most TAIL_LINES lines and TAIL_CHARS characters), trailing blank lines dropped. */
function tailOf(text) {
    const lines = text.replace(/\r\n?/g, "\n").replace(/\s+$/, "").split("\n").slice(-TAIL_LINES);
    let out = lines.join("\n");
    if (out.length > TAIL_CHARS)
        out = `…${out.slice(out.length - TAIL_CHARS + 1)}`;
    return out;
}
const fence = (text) => {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
    const f = "`".repeat(Math.max(3, longest + 1));
    return `${f}\n${text}\n${f}`;
};
/** Feedback for the next attempt after a failed one. */
function renderRetryFeedback(f) {
    const lines = [`Attempt ${f.failedAttempt} of ${f.attempts} failed: ${f.reason}`, `This is attempt ${f.failedAttempt + 1} of ${f.attempts}: fix what failed.`];
    if (f.unchecked && f.unchecked.length > 0)
        lines.push("", "Acceptance criteria still unchecked:", ...listOf(f.unchecked));
    if (f.restoredTestFile)
        lines.push("", `The test file ${f.restoredTestFile} was restored to what the tester wrote: it is locked, change the production code instead.`);
    if (f.output && f.output.text.trim())
        lines.push("", `Tail of the failing output (${f.output.log}):`, fence(tailOf(f.output.text)));
    return bounded(lines.join("\n"));
}
/** Feedback for a rebuild on the integrated target after the story's integration failed. */
function renderRebuildFeedback(f) {
    const lines = [
        `${attempts/* REBUILD_HEADING */.rb}: ${f.reason}.`,
        "The story was implemented and verified, but stories merged into the target since then clash with it.",
        "This working copy is the integrated target with the story's tests and story file: implement the story again",
        "here, keeping what the target now holds, until its tests pass.",
    ];
    if (f.filesModified && f.filesModified.length > 0)
        lines.push("", "Files the earlier implementation changed:", ...listOf(f.filesModified));
    if (f.output && f.output.text.trim())
        lines.push("", `Tail of the failing output (${f.output.log}):`, fence(tailOf(f.output.text)));
    return bounded(lines.join("\n"));
}

;// CONCATENATED MODULE: ./src/core/retries/rebuild.ts
// What integration does with a story it cannot take (a merge conflict, tests failing on the merged result):
// once per set of attempts, and only when the story has retries, the story goes back for a rebuild on the
// integrated target; otherwise, or when the rebuild is rejected too, it is ❌ Failed with the reason.



const integrationRejected = (id, reason, retries, now, output, origin) => (state) => {
    const run = (0,own/* own */.Z)(state.runs, id);
    if (retries > 0 && run && !run.rebuilt) {
        const feedback = renderRebuildFeedback({ reason, filesModified: run.result?.filesModified, ...(output ? { output } : {}) });
        return (0,state_state/* scheduleRebuild */.P8)(id, reason, feedback, now, origin)(state);
    }
    const final = run?.rebuilt ? `${reason} (after a rebuild on the integrated target)` : reason;
    return (0,state_state/* chain */.cy)((0,state_state/* endPhase */.zN)(id, "integrate", "failed", now, final), (0,state_state/* failStory */.AE)(id, final, now, "integrate"))(state);
};

;// CONCATENATED MODULE: ./src/core/prompts.ts
// The briefs the tester and implementation agents receive (TDD_WAVES_PROMPT), and the rendering of
// a plan's own prompt templates.
const CONSTITUTION = `Working rules
1. Read before you write: the story file, the code around it, the conventions the repository already has.
2. Change only what this task needs. No drive-by refactoring, no unrelated clean-up.
3. When something breaks, fix the cause, not the symptom.
4. You are not done until you have run the check below and read its output.
5. Do what is asked, no more and no less. Where the story is unclear, take the plainest reading and say so at the end.`;
const STORY = `Story: {storyId} — {title}
Epic {epic}, wave {wave} of plan {planName}.
Read the story file first: {storyFile}

Acceptance criteria:
{acceptanceCriteria}`;
const TESTER_TEMPLATE = `# tdd-waves: {role} brief for {storyId}

${CONSTITUTION}

Role: tester. You write the tests for this story before anyone implements it. An implementation
agent takes over after you and has to make your tests pass, so they are the contract for the story.

${STORY}
{feedback}
Task
- Write tests that pin down every acceptance criterion above: at least one test per criterion, for the
  behaviour that must work and for the ways it must fail (bad input, errors, edge cases).
- Test behaviour through the interface the story describes, not implementation details, so that any
  correct implementation passes. Import production code where the story and the repository say it
  will live, even though it does not exist yet.

Files
- Write only {testFile} (create it, and its directory, if it is missing).
- Do not write production code, and do not edit the story file: its checkboxes are ticked by the
  implementation agent once each criterion is met, and its status fields belong to tdd-waves.

Check
- Run: {testCommand}
- {redRule}
- End with a short summary: the tests you wrote and the criterion each one covers.
`;
const IMPLEMENTATION_TEMPLATE = `# tdd-waves: {role} brief for {storyId}

${CONSTITUTION}

Role: implementation. The tests for this story are already written. You make them pass by writing
the production code the story asks for.

${STORY}

Then read the tests in {testFile}: they are the contract.
{feedback}
Task
- Implement the story in production code so that every test in {testFile} passes and every
  acceptance criterion holds.
- {testFileRule}
- In {storyFile}, tick each acceptance-criteria box (\`- [ ]\` becomes \`- [x]\`) once that criterion is
  met. Change nothing else in the story file: tdd-waves keeps its status fields and Completion section.

Files
- Change or create the production files the story needs, and nothing unrelated.

Check
- Run: {testCommand}
- Every test must pass. Run it again after your last change; tdd-waves runs it too before accepting the story.
- End with a short report: every file you changed or created, one line each on why.
`;
/** Every placeholder a prompt template may use. */
const PROMPT_PLACEHOLDERS = [
    "storyId",
    "storyFile",
    "testFile",
    "title",
    "testCommand",
    "planName",
    "wave",
    "epic",
    "acceptanceCriteria",
    "role",
    "redRule",
    "testFileRule",
    "feedback",
];
const KNOWN = new Set(PROMPT_PLACEHOLDERS);
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;
/** The placeholders a template uses, each once in order of appearance, split into known and unknown. */
function templatePlaceholders(template) {
    const names = [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ""))];
    return { known: names.filter((n) => KNOWN.has(n)), unknown: names.filter((n) => !KNOWN.has(n)) };
}
/**
 * The prompt for one agent: `template` (the plan's own, or the built-in one for the role) with its
 * placeholders replaced in a single pass, so that values containing `{…}` are never expanded again.
 * Unknown placeholders stay as written.
 */
function renderPrompt(role, ctx, template) {
    const text = template ?? (role === "tester" ? TESTER_TEMPLATE : IMPLEMENTATION_TEMPLATE);
    const values = placeholderValues(role, ctx);
    return text.replace(PLACEHOLDER, (match, name) => values.get(name) ?? match);
}
function placeholderValues(role, ctx) {
    return new Map([
        ["storyId", ctx.storyId],
        ["storyFile", ctx.storyFile],
        ["testFile", ctx.testFile],
        ["title", ctx.title],
        ["testCommand", ctx.testCommand],
        ["planName", ctx.planName],
        ["wave", String(ctx.wave)],
        ["epic", ctx.epic],
        ["acceptanceCriteria", bullets(ctx.acceptanceCriteria)],
        ["role", role],
        ["redRule", redRule(ctx)],
        ["testFileRule", testFileRule(ctx)],
        ["feedback", feedbackSection(ctx)],
    ]);
}
/** Empty on a first attempt, so that the brief reads as before; otherwise a section of its own. */
function feedbackSection(ctx) {
    return ctx.feedback ? `\nFeedback: this story was tried before\n${ctx.feedback.trim()}\n` : "";
}
function bullets(items) {
    if (items.length === 0)
        return "- (none listed: see the story file)";
    return items.map((item) => `- ${item.replace(/\r?\n/g, " ").trim()}`).join("\n");
}
function redRule(ctx) {
    if (!ctx.requireRed) {
        return "The tests will fail until the story is implemented; make sure they load and run.";
    }
    return [
        "Nothing is implemented yet, so the tests must run and FAIL now. tdd-waves runs this command when",
        "  you finish and rejects tests that pass, or a test file you did not create or change. Make them fail",
        "  for the right reason (the behaviour is missing), not because of a mistake in the test file itself.",
    ].join("\n");
}
function testFileRule(ctx) {
    if (!ctx.lockTests) {
        return `Keep ${ctx.testFile} as the tester wrote it. Change a test only where it contradicts the story, and explain why in your report.`;
    }
    return [
        `Never edit ${ctx.testFile}: it is locked. tdd-waves checks that it is byte-for-byte what the tester`,
        "  left and fails the story otherwise. If a test looks wrong, say so in your report instead.",
    ].join("\n");
}

// EXTERNAL MODULE: ./src/core/agents/budget.ts
var agents_budget = __webpack_require__(9081);
// EXTERNAL MODULE: ./src/core/agents/presets.ts
var presets = __webpack_require__(1214);
// EXTERNAL MODULE: ./src/core/agents/usage.ts
var usage = __webpack_require__(5785);
;// CONCATENATED MODULE: ./src/engine/agent-usage.ts
// Usage and budget around one agent phase (issue 13): whether the phase may start at all, where the agent's
// machine-readable output and usage file go, and what the phase reported once it has ended.





/** The execution's budget is used up: no new agent phase starts. The stories it refused are ⏳ Pending again. */
class BudgetReached extends Error {
}
/** Where an agent may write its usage (TDD_WAVES_USAGE_FILE): beside its prompt, outside the working copy. */
const usageFile = (job, role) => (0,external_node_path_.join)(job.logDir, `${role}-usage.json`);
/** Where a preset CLI's standard output goes, when it has a machine-readable one. */
function stdoutFile(job, role, agent) {
    return agent.preset && presets/* PRESETS */.fG[agent.preset].output ? (0,external_node_path_.join)(job.logDir, `${role}-output.jsonl`) : undefined;
}
/**
 * Before an agent phase: under the execution's budget the phase may start (undefined); over it, the story goes
 * back to pending, the state says why, and BudgetReached is thrown; over the story's own budget, the reason the
 * story fails is returned.
 */
async function checkBudget(ports, job, state) {
    const budget = job.plan.budget;
    if (!budget)
        return undefined;
    const current = state ?? (await ports.store.read());
    if (!current)
        return undefined;
    const verdict = (0,agents_budget/* budgetBeforePhase */.Od)(current, budget, job.story.id);
    if (verdict?.kind === "execution") {
        await ports.store.update((0,state_state/* chain */.cy)((0,agents_budget/* returnToPending */.vt)(job.story.id, ports.now()), (0,agents_budget/* recordStop */.GQ)(verdict.message, ports.now())), `${job.story.id}: budget reached, not started`);
        ports.progress({ type: "log", message: `${job.story.id}: ${verdict.message}` });
        throw new BudgetReached(verdict.message);
    }
    return verdict?.message;
}
/** Clears what a previous attempt left in the usage file, so that only this run's report is read. */
async function prepareUsage(ports, job, role) {
    await ports.files.remove(job.logDir, (0,external_node_path_.relative)(job.logDir, usageFile(job, role)));
}
/** What the phase reported (its CLI's output, then its usage file), recorded on the phase and in the story's totals. */
async function phaseUsage(ports, job, role, agent, phase) {
    const output = stdoutFile(job, role, agent);
    const format = agent.preset ? presets/* PRESETS */.fG[agent.preset].output : undefined;
    const printed = output && format ? (0,usage/* parseAgentOutput */._8)(format, (await ports.files.read(job.logDir, (0,external_node_path_.relative)(job.logDir, output))) ?? "") : undefined;
    const written = await ports.files.read(job.logDir, (0,external_node_path_.relative)(job.logDir, usageFile(job, role)));
    let fromFile;
    if (written !== null) {
        const parsed = (0,usage/* parseUsageFile */.Pf)(written);
        fromFile = parsed.usage;
        if (parsed.problems.length > 0)
            ports.progress({ type: "log", message: `${job.story.id}: ${usageFile(job, role)}: ${parsed.problems.join("; ")} (left out)` });
    }
    const configured = agent.model === undefined ? undefined : { model: agent.model };
    return (0,agents_budget/* recordUsage */.L2)(job.story.id, phase, (0,usage/* mergeUsage */._L)(configured, printed, fromFile));
}
/** After the phase: a story whose recorded cost went over its own budget fails ("budget"). */
function overStoryBudget(state, job) {
    return (0,agents_budget/* storyOverBudget */.V_)(state, job.plan.budget, job.story.id);
}

;// CONCATENATED MODULE: ./src/engine/story-context.ts
// What one story's phases need to know and where they write: the working copy, logs, prompts, the
// agents' environment, and the story-file edits every phase makes.





/** The priority of a story's next command, as the ports take it. */
async function priorityOf(job) {
    return (await job.background?.()) ? { background: true } : {};
}
class Interrupted extends Error {
    constructor() {
        super("interrupted");
    }
}
function throwIfAborted(job) {
    if (job.signal?.aborted)
        throw new Interrupted();
}
const logFile = (job, name) => (0,external_node_path_.join)(job.logDir, `${name}.log`);
const logRoot = (job) => job.logRoot ?? job.logDir;
/** Applies a surgical update to the story file in the working copy (atomic write). */
async function editStoryFile(ports, job, update) {
    const text = (await ports.files.read(job.dir, job.story.file)) ?? "";
    const next = updateStoryFile(text, update, { storyId: job.story.id, title: job.story.title });
    if (next !== text)
        await ports.files.write(job.dir, job.story.file, next);
}
async function acceptanceCriteria(ports, job) {
    const text = await ports.files.read(job.dir, job.story.file);
    return text === null ? [] : readStoryFile(text).criteria;
}
async function promptFor(ports, job, role) {
    const { plan, story } = job;
    const templatePath = role === "tester" ? plan.prompts.tester : plan.prompts.implementation;
    const template = templatePath ? ((await ports.files.read(job.dir, templatePath)) ?? undefined) : undefined;
    const criteria = await acceptanceCriteria(ports, job);
    return renderPrompt(role, {
        storyId: story.id,
        title: story.title,
        storyFile: story.file,
        testFile: story.testFile,
        testCommand: (0,shell_quote/* renderTestCommand */.A)(plan.test.command, story.testFile),
        planName: plan.name,
        wave: job.wave,
        epic: story.epic,
        acceptanceCriteria: criteria.map((c) => c.text),
        lockTests: plan.tdd.lockTests,
        requireRed: plan.tdd.requireRed,
        ...(job.feedback ? { feedback: job.feedback } : {}),
    }, template);
}
/** The environment an agent runs with (SPEC §3), plus the agent's own `env`. */
async function agentEnvironment(ports, job, role) {
    const prompt = await promptFor(ports, job, role);
    const promptFile = (0,external_node_path_.join)(job.logDir, `${role}-prompt.md`);
    await ports.files.write(logRoot(job), (0,external_node_path_.relative)(logRoot(job), promptFile), prompt);
    const agent = job.plan.agents[role === "tester" ? job.story.tester : job.story.implementer];
    const feedback = {};
    if (job.feedback) {
        const feedbackFile = (0,external_node_path_.join)(job.logDir, `${role}-feedback.md`);
        await ports.files.write(logRoot(job), (0,external_node_path_.relative)(logRoot(job), feedbackFile), `${job.feedback}\n`);
        Object.assign(feedback, { TDD_WAVES_FEEDBACK: job.feedback, TDD_WAVES_FEEDBACK_FILE: feedbackFile });
    }
    return {
        ...agent.env,
        TDD_WAVES_ROLE: role,
        TDD_WAVES_STORY_ID: job.story.id,
        TDD_WAVES_STORY_FILE: job.story.file,
        TDD_WAVES_TEST_FILE: job.story.testFile,
        TDD_WAVES_TEST_COMMAND: (0,shell_quote/* renderTestCommand */.A)(job.plan.test.command, job.story.testFile),
        TDD_WAVES_PLAN: job.planPath,
        TDD_WAVES_WAVE: String(job.wave),
        TDD_WAVES_ATTEMPT: String(job.attempt),
        TDD_WAVES_PROMPT: prompt,
        TDD_WAVES_PROMPT_FILE: promptFile,
        TDD_WAVES_USAGE_FILE: usageFile(job, role),
        ...feedback,
    };
}
function describeExit(who, r, timeoutMs) {
    if (r.timedOut)
        return `${who} timed out after ${formatMs(timeoutMs)}`;
    if (r.signal)
        return `${who} was killed by ${r.signal}`;
    return `${who} exited with code ${r.exitCode}`;
}
function formatMs(ms) {
    if (ms % 3_600_000 === 0)
        return `${ms / 3_600_000}h`;
    if (ms % 60_000 === 0)
        return `${ms / 60_000}m`;
    if (ms % 1000 === 0)
        return `${ms / 1000}s`;
    return `${ms}ms`;
}

;// CONCATENATED MODULE: ./src/engine/pool.ts
// A worker pool: `work` over `items`, at most `limit` at once, results in the items' order. It stops
// starting new items after the first failure (rethrown once the running ones end) or once `signal` aborts.

async function runPool(items, limit, work, signal) {
    const results = new Array(items.length);
    let next = 0;
    let failure;
    const lane = async () => {
        while (next < items.length && failure === undefined && !signal?.aborted) {
            const i = next++;
            try {
                results[i] = await work(items[i]);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, lane));
    if (failure !== undefined)
        throw failure.error;
    if (signal?.aborted)
        throw new Interrupted();
    return results;
}

;// CONCATENATED MODULE: ./src/engine/integrate.ts
// Integration: merge completed story branches into the target branch (plan order, one merge commit
// each), re-run their tests on the merged result, and commit the story file of every failed or
// blocked story on the target so that the target shows every story's status.









/** Merges the given completed stories (plan order) and checks their tests on the merged result. */
async function integrateStories(ports, plan, target, ids) {
    await retestMerged(ports, plan, target, await mergeStories(ports, plan, target, ids));
}
/** Merges the given completed stories in plan order, one merge commit each; returns those merged. */
async function mergeStories(ports, plan, target, ids) {
    const git = ports.integration(target.dir);
    const merged = [];
    // A tdd-waves killed inside `git merge` left MERGE_HEAD: that merge is redone below, from the start.
    if ((await git.unfinishedMerge()) === "ours")
        await git.abortMerge();
    // Merge first, record after: an execution killed in between finds the merges on the target (see
    // the ancestor check) and records them then; one state write for the whole batch.
    const outcomes = [];
    const rejected = [];
    for (const story of plan.stories.filter((s) => ids.includes(s.id))) {
        const ref = target.branchRef(story.id);
        const tip = await git.revParse(ref);
        if (!tip) {
            outcomes.push((0,state_state/* failStory */.AE)(story.id, `story branch ${ref} is missing`, ports.now(), "integrate"));
            continue;
        }
        if (await git.isAncestor(tip, "HEAD")) {
            // Merged already by an execution that stopped before recording it.
            outcomes.push((0,state_state/* annotateRun */.Eg)(story.id, { merged: (await git.revParse("HEAD")) }, ports.now()));
            merged.push(story);
            continue;
        }
        const r = await git.merge(ref, `tdd-waves: merge ${story.id}: ${story.title}`);
        if (r.ok) {
            outcomes.push((0,state_state/* annotateRun */.Eg)(story.id, { merged: r.sha }, ports.now()));
            ports.progress({ type: "log", message: `Merged ${story.id} into the target branch` });
            merged.push(story);
        }
        else {
            const reason = mergeFailure(r);
            // A conflict with what the target now holds is rebuilt on it (once); a merge git refused to start is not.
            outcomes.push(r.kind === "conflict" ? integrationRejected(story.id, reason, (0,model/* retriesOf */.Ko)(plan, story), ports.now()) : (0,state_state/* failStory */.AE)(story.id, reason, ports.now(), "integrate"));
            rejected.push({ story, reason });
        }
    }
    if (outcomes.length > 0)
        reportRejected(ports, await ports.store.update((0,state_state/* chain */.cy)(...outcomes), `integrate ${ids.join(", ")}`), rejected);
    return merged;
}
/** Why a merge failed, in words: a conflict (the stories disagree) is not a merge git refused to start. */
function mergeFailure(r) {
    if (r.kind === "conflict")
        return `merge conflict in ${r.conflicts.join(", ")}`;
    const lines = r.message.split("\n");
    const first = (lines.find((l) => l.trim() !== "") ?? "no reason given").replace(/^(error|fatal): /, "").replace(/:\s*$/, "").trim();
    // Git lists the files it names (untracked files a merge would overwrite) one per line, indented.
    const files = lines.filter((l) => /^\t/.test(l)).map((l) => l.trim());
    return `merge refused by git: ${first}${files.length ? `: ${files.join(", ")}` : ""}`;
}
/**
 * Runs the merged stories' tests once more on the merged result: a story whose tests now fail is rebuilt on
 * it (once, when it has retries), otherwise ❌ Failed.
 */
async function retestMerged(ports, plan, target, merged) {
    if (merged.length === 0)
        return;
    const copy = target.testCopy ? await target.testCopy() : { ok: true, dir: target.dir, done: async () => undefined };
    let failing;
    const priority = (await target.background?.(merged.map((s) => s.id))) ? { background: true } : {};
    if (!copy.ok)
        failing = merged.map(() => true);
    else {
        try {
            failing = await runPool(merged, plan.maxParallel, async (story) => {
                try {
                    const r = await ports.tests({ test: plan.test, testFile: story.testFile, storyId: story.id, cwd: copy.dir, logFile: integrationLog(target, story.id), logRoot: target.logRoot ?? target.logDir, ...priority });
                    return r.exitCode !== 0 || r.timedOut;
                }
                catch (e) {
                    // A JUnit report path that leads out of the checkout: these tests cannot be checked.
                    if (e instanceof PathEscapeError)
                        return true;
                    throw e;
                }
            });
        }
        finally {
            await copy.done();
        }
    }
    const broken = merged.filter((_, i) => failing[i]);
    if (broken.length === 0)
        return;
    if (!copy.ok) {
        // Setup could not prepare the merged result: its tests never ran, so nothing says a rebuild would pass them.
        const reason = `not tested after integration: ${copy.reason}`;
        await ports.store.update((0,state_state/* chain */.cy)(...broken.map((s) => (0,state_state/* failStory */.AE)(s.id, reason, ports.now(), "integrate"))), `not tested after integration: ${broken.map((s) => s.id).join(", ")}`);
        for (const s of broken)
            ports.progress({ type: "story", storyId: s.id, status: "failed", reason });
        return;
    }
    const reason = "fails after integration";
    const outcomes = [];
    for (const s of broken) {
        const output = await integrationOutput(ports, target, s.id);
        outcomes.push(integrationRejected(s.id, reason, (0,model/* retriesOf */.Ko)(plan, s), ports.now(), output));
    }
    const state = await ports.store.update((0,state_state/* chain */.cy)(...outcomes), `fails after integration: ${broken.map((s) => s.id).join(", ")}`);
    reportRejected(ports, state, broken.map((story) => ({ story, reason, log: integrationLog(target, story.id) })));
}
const integrationLog = (target, id) => (0,external_node_path_.join)(target.logDir, id, "integrate.log");
/** The post-merge test output of a story, for the feedback of its rebuild; undefined when there is none. */
async function integrationOutput(ports, target, id) {
    const root = target.logRoot ?? target.logDir;
    const text = await ports.files.read(root, (0,external_node_path_.relative)(root, integrationLog(target, id))).catch((e) => {
        if (e instanceof PathEscapeError)
            return null;
        throw e;
    });
    return text === null ? undefined : { log: `${id}/integrate.log`, text };
}
/** Says what became of stories integration rejected: back for a rebuild, or failed. */
function reportRejected(ports, state, rejected) {
    for (const { story, reason, log } of rejected) {
        if ((0,state_state/* statusOf */.c2)(state, story.id) === "failed")
            ports.progress({ type: "story", storyId: story.id, status: "failed", reason: (0,own/* own */.Z)(state.runs, story.id)?.reason ?? reason, ...(log ? { log } : {}) });
        else
            ports.progress({ type: "log", message: `${story.id}: ${reason}; it is rebuilt on the integrated target` });
    }
}
/**
 * Commits, on the target, the story file of every given story that failed or is blocked — one commit
 * each, that file alone. Stories whose file already says so get no commit (safe to repeat on resume).
 */
async function recordOutcomesOnTarget(ports, plan, target, ids) {
    const git = ports.integration(target.dir);
    const state = await ports.store.read();
    if (!state)
        return;
    for (const story of plan.stories.filter((s) => ids.includes(s.id))) {
        const status = (0,state_state/* statusOf */.c2)(state, story.id);
        if (status !== "failed" && status !== "blocked")
            continue;
        const text = await ports.files.read(target.dir, story.file).catch((e) => {
            if (e instanceof PathEscapeError)
                return null;
            throw e;
        });
        if (text === null)
            continue;
        const next = updateStoryFile(text, { status, verified: false, completion: outcomeCompletion(state, story, target.runUrl, readStoryFile(text).eol) }, { storyId: story.id, title: story.title });
        if (next === text)
            continue;
        await ports.files.write(target.dir, story.file, next);
        const reason = (0,own/* own */.Z)(state.runs, story.id)?.reason ?? status;
        await git.commitPaths(`tdd-waves: ${story.id} ${status === "failed" ? "❌ failed" : "⛔ blocked"}: ${reason}`, [story.file]);
    }
}
function outcomeCompletion(state, story, runUrl, eol) {
    const run = (0,own/* own */.Z)(state.runs, story.id);
    const info = run ? completionInfoFromRun(run, { testerAgent: story.tester, implAgent: story.implementer }) : {};
    return renderCompletion({ ...info, outcome: (0,state_state/* statusOf */.c2)(state, story.id) === "blocked" ? "blocked" : "failed", reason: run?.reason, runUrl: runUrl ?? run?.runUrl }, eol);
}

;// CONCATENATED MODULE: ./src/engine/story-phases.ts
// The phases of one story in its working copy: tester + red check, implementation, verify + commit.
// Each phase saves the state before its agent starts and after it ends; a failure ends the story
// (❌ Failed, reason recorded, work committed on the story branch) and the others go on.








const fail = (phase, reason) => ({ ok: false, phase, reason });
/**
 * Runs a phase; a path that leads out of the working copy through a symbolic link (one an agent made)
 * fails the story, not the execution: nothing is read or written there.
 */
async function guarded(phase, work) {
    try {
        return await work();
    }
    catch (e) {
        if (e instanceof PathEscapeError)
            return fail(phase, e.message);
        throw e;
    }
}
/** Agents work on the story branch: one that leaves it (another branch, a detached HEAD) fails the story. */
async function headMoved(wc, job, who) {
    const branch = (0,model/* storyBranch */.Q_)(job.plan.name, job.story.id);
    const now = await wc.currentBranch();
    if (now === branch)
        return undefined;
    return `the ${who} moved HEAD off the story branch ${branch} (${now ? `to branch ${now}` : "detached"}); tdd-waves verifies and commits on the story branch only`;
}
/** Nested repositories an agent made: their files would be committed as a gitlink to a commit that exists nowhere. */
async function nestedProblem(wc, since) {
    if (!since)
        return undefined;
    const nested = await wc.nestedRepositories(since);
    if (nested.length === 0)
        return undefined;
    return `nested git repositor${nested.length === 1 ? "y" : "ies"} at ${nested.join(", ")}: their files cannot be committed (remove the inner .git)`;
}
/** Runs the role's agent; the state is saved before it starts (with `atStart`) and its end returned to save. */
async function runAgent(ports, job, role, atStart) {
    const { story, plan } = job;
    const name = role === "tester" ? story.tester : story.implementer;
    const agent = plan.agents[name];
    const phase = role === "tester" ? "tester" : "implementation";
    const overBudget = await checkBudget(ports, job);
    if (overBudget)
        return { result: fail(phase, overBudget), end: atStart ?? ((s) => s) };
    ports.progress({ type: "log", message: `Spawning ${role === "tester" ? "tester" : "implementation"} agent (${name}) for ${story.id}` });
    await editStoryFile(ports, job, {
        status: role === "tester" ? "testing" : "implementing",
        assignee: name,
        testFile: story.testFile,
        ...(role === "tester" ? { verified: false } : {}),
    });
    const env = await agentEnvironment(ports, job, role);
    const log = logFile(job, phase);
    const begin = (0,state_state/* beginPhase */.tA)(story.id, phase, ports.now(), { agent: name, log, ...(job.feedback ? { feedback: job.feedback } : {}) });
    await ports.store.update(atStart ? (0,state_state/* chain */.cy)(atStart, begin) : begin, `${story.id}: ${phase} started`);
    ports.progress({ type: "phase", storyId: story.id, phase, agent: name });
    await prepareUsage(ports, job, role);
    const stdout = stdoutFile(job, role, agent);
    const r = await ports.agents(agent.run, {
        cwd: job.dir,
        env,
        timeoutMs: agent.timeoutMs,
        logFile: log,
        logRoot: logRoot(job),
        signal: job.signal,
        ...(stdout ? { stdoutFile: stdout } : {}),
        ...(await priorityOf(job)),
    });
    throwIfAborted(job);
    const usage = await phaseUsage(ports, job, role, agent, phase);
    let reason = r.exitCode === 0 && !r.timedOut ? undefined : describeExit(`${role} agent ${name}`, r, agent.timeoutMs);
    reason ??= await headMoved(ports.workingCopy(job.dir), job, `${role} agent ${name}`);
    if (reason === undefined && plan.budget?.perStoryCostUsd !== undefined) {
        const state = await ports.store.read();
        if (state)
            reason = overStoryBudget(usage((0,state_state/* endPhase */.zN)(story.id, phase, "ok", ports.now())(state)), job);
    }
    const end = (0,state_state/* chain */.cy)((0,state_state/* endPhase */.zN)(story.id, phase, reason === undefined ? "ok" : "failed", ports.now(), reason), usage);
    return { result: reason === undefined ? { ok: true } : fail(phase, reason), end };
}
async function runStoryTests(ports, job, name) {
    const { plan, story } = job;
    const r = await ports.tests({ test: plan.test, testFile: story.testFile, storyId: story.id, cwd: job.dir, logFile: logFile(job, name), logRoot: logRoot(job), signal: job.signal, ...(await priorityOf(job)) });
    throwIfAborted(job);
    const { durationMs: _d, ...evidence } = r;
    return evidence;
}
/** Tester agent, then the red check: the test file exists, was created or changed, and FAILS. */
async function testerPhase(ports, job) {
    const { story, plan } = job;
    const git = ports.workingCopy(job.dir);
    const base = (await git.head()) ?? undefined;
    const before = await ports.files.read(job.dir, story.testFile);
    const tester = await runAgent(ports, job, "tester", (0,state_state/* annotateRun */.Eg)(story.id, { base }, ports.now()));
    if (!tester.result.ok) {
        await ports.store.update(tester.end, `${story.id}: tester failed`);
        return tester.result;
    }
    await ports.store.update((0,state_state/* chain */.cy)(tester.end, (0,state_state/* beginPhase */.tA)(story.id, "red", ports.now(), { log: logFile(job, "red") })), `${story.id}: red check`);
    const after = await ports.files.read(job.dir, story.testFile);
    let problem = await nestedProblem(git, base);
    let red;
    if (problem) {
        // Reported as it is: the tests are not run.
    }
    else if (after === null)
        problem = `test file ${story.testFile} was not written by the tester`;
    else if (after === before)
        problem = `test file ${story.testFile} was not created or changed by the tester`;
    else if (plan.tdd.requireRed) {
        red = await runStoryTests(ports, job, "red");
        if (red.exitCode === 0 && !red.timedOut)
            problem = "red check: the tests pass before implementation (they must fail first)";
    }
    const evidence = red ? (0,state_state/* recordResult */.Pr)(story.id, { red }, ports.now()) : (s) => s;
    if (problem) {
        await ports.store.update((0,state_state/* chain */.cy)(evidence, (0,state_state/* endPhase */.zN)(story.id, "red", "failed", ports.now(), problem)), `${story.id}: red failed`);
        return fail("red", problem);
    }
    const testerCommit = (await git.commitAll(`tdd-waves: tests for ${story.id} (${story.tester})`)) ?? undefined;
    const testFileBlob = await git.hashFile(story.testFile);
    await ports.store.update((0,state_state/* chain */.cy)(evidence, (0,state_state/* endPhase */.zN)(story.id, "red", "ok", ports.now()), (0,state_state/* annotateRun */.Eg)(story.id, { testerCommit, testFileBlob }, ports.now())), `${story.id}: red ok, tests committed`);
    return { ok: true };
}
async function implementationPhase(ports, job) {
    const impl = await runAgent(ports, job, "implementation");
    await ports.store.update(impl.end, `${job.story.id}: implementation ${impl.result.ok ? "ok" : "failed"}`);
    return impl.result;
}
/** Production check: tests pass, the test file is what the tester left, every AC box is checked. */
async function verifyPhase(ports, job, lockedBlob) {
    const { story, plan } = job;
    const git = ports.workingCopy(job.dir);
    await ports.store.update((0,state_state/* beginPhase */.tA)(story.id, "verify", ports.now(), { log: logFile(job, "verify") }), `${story.id}: verify`);
    const green = await runStoryTests(ports, job, "verify");
    const criteria = await acceptanceCriteria(ports, job);
    const acComplete = criteria.length > 0 && criteria.every((c) => c.checked);
    const problems = [];
    const moved = await headMoved(git, job, "agents");
    if (moved)
        problems.push(moved);
    const recorded = await ports.store.read();
    const nested = await nestedProblem(git, recorded ? (0,own/* own */.Z)(recorded.runs, story.id)?.base : undefined);
    if (nested)
        problems.push(nested);
    if (green.timedOut)
        problems.push("tests timed out");
    else if (green.exitCode !== 0)
        problems.push(`tests fail (exit code ${green.exitCode})`);
    if (plan.tdd.lockTests) {
        const now = (await ports.files.read(job.dir, story.testFile)) === null ? null : await git.hashFile(story.testFile);
        if (now === null)
            problems.push(`the test file ${story.testFile} was deleted`);
        else if (lockedBlob !== undefined && now !== lockedBlob)
            problems.push(`the test file ${story.testFile} was changed after the tester wrote it`);
    }
    if (!acComplete) {
        const open = criteria.filter((c) => !c.checked).length;
        problems.push(criteria.length === 0 ? "the story file has no acceptance criteria" : `${open} acceptance criteria not checked`);
    }
    const verified = problems.length === 0;
    const reason = verified ? undefined : `verify: ${problems.join("; ")}`;
    await ports.store.update((0,state_state/* chain */.cy)((0,state_state/* recordResult */.Pr)(story.id, { acChecklistComplete: acComplete, verifiedProduction: verified, green }, ports.now()), (0,state_state/* endPhase */.zN)(story.id, "verify", verified ? "ok" : "failed", ports.now(), reason)), `${story.id}: verify ${verified ? "ok" : "failed"}`);
    return verified ? { ok: true } : fail("verify", reason);
}
/** Success: ✅ Complete, Verified yes, Completion filled, committed on the story branch. */
async function completeInWorkingCopy(ports, job) {
    const files = await finishStoryFile(ports, job, { outcome: "complete" });
    await ports.store.update((0,state_state/* chain */.cy)(files, (0,state_state/* completeStory */.X_)(job.story.id, ports.now())), `${job.story.id}: complete`);
    ports.progress({ type: "story", storyId: job.story.id, status: "complete" });
}
/** Failure: ❌ Failed with the reason; the work so far is committed on the story branch all the same. */
async function failInWorkingCopy(ports, job, result) {
    const files = await finishStoryFile(ports, job, { outcome: "failed", reason: result.reason });
    await ports.store.update((0,state_state/* chain */.cy)(files, (0,state_state/* failStory */.AE)(job.story.id, result.reason, ports.now(), result.phase)), `${job.story.id}: failed`);
    const log = ["setup", "tester", "red", "implementation", "verify"].includes(result.phase) ? logFile(job, result.phase) : undefined;
    ports.progress({ type: "story", storyId: job.story.id, status: "failed", reason: result.reason, ...(log ? { log } : {}) });
}
/** Commits the work with the finished story file; returns the files-modified record to save with the outcome. */
async function finishStoryFile(ports, job, end) {
    const { story } = job;
    const git = ports.workingCopy(job.dir);
    // Whatever an agent did with HEAD, the story's work is committed on the story branch and nowhere else.
    const branch = (0,model/* storyBranch */.Q_)(job.plan.name, story.id);
    if ((await git.currentBranch()) !== branch)
        await git.returnToBranch(branch);
    const state = await ports.store.read();
    const run = state && (0,own/* own */.Z)(state.runs, story.id);
    const base = run?.base;
    // What differs from the base in the working tree (untracked files too) is what the commit below holds.
    const filesModified = base ? await git.changedFiles(base) : [];
    const withStory = filesModified.includes(story.file) ? filesModified : [...filesModified, story.file].sort();
    try {
        const eol = readStoryFile((await ports.files.read(job.dir, story.file)) ?? "").eol;
        const info = run ? completionInfoFromRun(run, { testerAgent: story.tester, implAgent: story.implementer }) : {};
        const completion = renderCompletion({ ...info, outcome: end.outcome, reason: end.reason, filesModified: withStory, runUrl: job.runUrl ?? run?.runUrl }, eol);
        await editStoryFile(ports, job, { status: end.outcome, verified: end.outcome === "complete", completion });
    }
    catch (e) {
        // A story file that now leads out of the working copy is left alone; the outcome is in the state.
        if (!(e instanceof PathEscapeError))
            throw e;
    }
    const commit = await git.commitAll(`tdd-waves: ${story.id} ${end.outcome === "complete" ? "complete" : `failed: ${end.reason}`}`);
    return (0,state_state/* recordResult */.Pr)(story.id, { filesModified: withStory, commit: commit ?? undefined }, ports.now());
}

;// CONCATENATED MODULE: ./src/engine/attempts.ts
// A story's attempts in its working copy: the phases run in order, and a failed one is tried again (up to the
// story's `retries`) with feedback — the tester after a failed red check, the implementation agent after a
// failed verify, the locked test file restored first. Where to go next is read from the recorded phases
// (core/retries/attempts.ts), so a resumed execution or the next GitHub step continues where the last left off.









const ORDER = { tester: 0, implementation: 1, verify: 2 };
async function currentRun(ports, id) {
    const state = await ports.store.read();
    const run = state ? (0,own/* own */.Z)(state.runs, id) : undefined;
    if (!run)
        throw new Error(`${id}: no run recorded in the state`);
    return run;
}
/**
 * Runs the story's phases from where its record stands until it is verified, out of attempts, or (with
 * `until`) the next phase belongs to a later step. Does not complete or fail the story: the caller does.
 */
async function runAttempts(ports, base, opts) {
    const { story, plan } = base;
    const retries = (0,model/* retriesOf */.Ko)(plan, story);
    let fresh = opts.fresh;
    for (;;) {
        const run = await currentRun(ports, story.id);
        const step = (0,attempts/* nextStep */.sk)(run, retries, fresh);
        if (step.kind === "verified")
            return { kind: "verified" };
        if (step.kind === "exhausted")
            return { kind: "failed", result: { ok: false, phase: step.phase, reason: step.reason } };
        const job = { ...base, attempt: step.attempt, logDir: opts.logDirFor(step.attempt) };
        if (step.kind === "prepare-rebuild") {
            const problem = await prepareRebuild(ports, job, run).catch((e) => {
                // A story file that now leads out of the working copy: the rebuild cannot use it.
                if (e instanceof PathEscapeError)
                    return e.message;
                throw e;
            });
            if (problem)
                return { kind: "failed", result: { ok: false, phase: "integrate", reason: problem } };
            fresh = false;
            continue;
        }
        if (ORDER[step.phase] > ORDER[opts.until ?? "verify"])
            return { kind: "paused" };
        let feedback = step.feedback;
        if (step.newAttempt) {
            // The failed attempt's agent may have left the story branch: the next one works on it again.
            const wc = ports.workingCopy(job.dir);
            const branch = (0,model/* storyBranch */.Q_)(plan.name, story.id);
            if ((await wc.currentBranch()) !== branch)
                await wc.returnToBranch(branch);
            feedback = await feedbackFor(ports, job, run, step, retries + 1, fresh);
            await ports.store.update((0,state_state/* beginAttempt */.xF)(story.id, step.attempt, feedback, ports.now()), `${story.id}: attempt ${step.attempt}`);
            ports.progress({ type: "log", message: `Retrying ${story.id}: attempt ${step.attempt} of ${retries + 1}, after ${step.after?.message ?? "a failure"}` });
        }
        // Never before a verify: that would hide a change to the locked test file instead of catching it.
        if (step.newAttempt && step.phase === "implementation" && plan.tdd.lockTests && run.testerCommit) {
            await ports.workingCopy(job.dir).restoreFile(run.testerCommit, story.testFile);
        }
        // The red check asks for a test file the tester created or changed: against the one the attempt started
        // with, not the one the failed attempt left.
        if (step.newAttempt && step.phase === "tester" && run.base)
            await resetTestFile(ports, job, run.base);
        const withFeedback = { ...job, ...(feedback ? { feedback } : {}) };
        let r;
        if (step.phase === "tester")
            r = await guarded("tester", () => testerPhase(ports, withFeedback));
        else if (step.phase === "implementation")
            r = await guarded("implementation", () => implementationPhase(ports, withFeedback));
        else
            r = await guarded("verify", () => verifyPhase(ports, withFeedback, run.testFileBlob));
        // A failure no attempt can mend (a story over its budget fails before its agent starts: no phase records it).
        if (!r.ok && (0,attempts/* isFinalFailure */.ny)(r.reason))
            return { kind: "failed", result: r };
        if (!r.ok)
            await recordFailure(ports, story.id, step.attempt, r);
        fresh = false;
    }
}
/**
 * A phase that failed without saying so in the state (a path leading out of the working copy stopped it
 * midway) is recorded as failed, so that the next step reads a failed attempt, not one still running.
 */
async function recordFailure(ports, id, attempt, r) {
    const run = await currentRun(ports, id);
    const last = run.phases.filter((p) => (p.attempt ?? run.attempt) === attempt && !p.interrupted && p.phase !== "integrate").at(-1);
    if (last?.outcome === "failed")
        return;
    await ports.store.update((0,state_state/* endPhase */.zN)(id, r.phase, "failed", ports.now(), r.reason), `${id}: ${r.phase} failed`);
}
/** The test file as the commit the story's attempts start from has it (none when that commit has none). */
async function resetTestFile(ports, job, base) {
    if (await ports.workingCopy(job.dir).restoreFile(base, job.story.testFile))
        return;
    await ports.files.remove(job.dir, job.story.testFile).catch((e) => {
        // A link out of the working copy on the way: the red check reports it.
        if (!(e instanceof PathEscapeError))
            throw e;
    });
}
/** A log of the story's, or null when there is none (or it leads out of where logs are kept). */
async function readLog(ports, job, path) {
    const root = logRoot(job);
    return ports.files.read(root, (0,external_node_path_.relative)(root, path)).catch((e) => {
        if (e instanceof PathEscapeError)
            return null;
        throw e;
    });
}
async function feedbackFor(ports, job, run, step, attempts, fresh) {
    const failed = step.after;
    const output = failed?.log ? await readLog(ports, job, failed.log) : null;
    // A new checkout's story file says nothing about what the failed attempt ticked.
    const criteria = step.phase === "implementation" && !fresh ? await acceptanceCriteria(ports, job).catch(() => []) : [];
    return renderRetryFeedback({
        failedAttempt: run.attempt,
        attempts,
        reason: failed?.message ?? "the attempt failed",
        unchecked: criteria.filter((c) => !c.checked).map((c) => c.text),
        ...(output ? { output: { log: failed.log.split(/[\\/]/).slice(-2).join("/"), text: output } } : {}),
        ...(step.phase === "implementation" && job.plan.tdd.lockTests ? { restoredTestFile: job.story.testFile } : {}),
    });
}
/**
 * The rebuild's start: the working copy is the integrated target; the story's test file and story file come
 * from its verified commit and are committed there as the rebuild's locked tests. Returns why it cannot start.
 */
async function prepareRebuild(ports, job, run) {
    const { story } = job;
    const wc = ports.workingCopy(job.dir);
    const from = run.rebuild?.from;
    const base = (await wc.head());
    if (!from || !(await wc.restoreFile(from, story.testFile))) {
        return `${run.rebuild?.reason ?? "integration failed"}, and its rebuild cannot start: the verified commit ${from ? from.slice(0, 12) : "(not recorded)"} with its tests is not in this working copy`;
    }
    await wc.restoreFile(from, story.file);
    await editStoryFile(ports, job, { verified: false });
    const commit = (await wc.commitAll(`tdd-waves: ${story.id} rebuilt on the integrated target: its tests and story file`)) ?? base;
    const blob = await wc.hashFile(story.testFile);
    await ports.store.update((0,state_state/* rebuildPrepared */.LV)(story.id, commit, blob, base, ports.now()), `${story.id}: rebuild prepared`);
    ports.progress({ type: "log", message: `Rebuilding ${story.id} on the integrated target (${run.rebuild?.reason ?? "integration failed"})` });
}

;// CONCATENATED MODULE: ./src/engine/story-branches.ts
// Story branches (`tdd-waves/<plan>/<story>`) are tdd-waves' to reset: before an execution starts, a
// branch of that name holding someone's own work is refused, naming it, with nothing changed. Locally the
// branches are the repository's own; on GitHub they are origin's (the plan job's full checkout sees them as
// refs/remotes/origin/…), which publish would otherwise force-push over.



/** Subjects of tdd-waves' own commits on a story branch (tests, completion, failure). */
const OUR_SUBJECT = /^tdd-waves: /;
/**
 * A story branch is tdd-waves' when the state records a run of its story (the run made it), when it has
 * no commit the target lacks (nothing to lose), or when its tip is one of tdd-waves' own commits.
 */
async function refuseForeignStoryBranches(repo, plan, target, state, where = "local") {
    const ref = (branch) => (where === "local" ? `refs/heads/${branch}` : `refs/remotes/origin/${branch}`);
    const foreign = [];
    for (const story of plan.stories) {
        const branch = (0,model/* storyBranch */.Q_)(plan.name, story.id);
        if (state && (0,own/* own */.Z)(state.runs, story.id))
            continue;
        if ((await repo.revParse(ref(branch))) === null)
            continue;
        const [tip] = await repo.subjectsNotIn(ref(branch), ref(target), 1);
        if (tip === undefined || OUR_SUBJECT.test(tip))
            continue;
        foreign.push(branch);
    }
    if (foreign.length === 0)
        return;
    const one = foreign.length === 1;
    const it = one ? "it" : "them";
    throw new RefusedError(`branch${one ? "" : "es"} ${foreign.join(", ")}${where === "origin" ? " on origin" : ""} already exist${one ? "s" : ""} with commits tdd-waves did not make; ` +
        `tdd-waves would reset ${it}. Rename or delete ${it} (${where === "origin" ? "on GitHub, or git push origin --delete" : "git branch -m"}), then run again.`);
}

;// CONCATENATED MODULE: ./src/engine/setup-seeds.ts
// Setup once per set of inputs in a local run, when the plan says its kept paths are relocatable (setup
// `relocatable: true`): the first working copy that needs setup for a fingerprint runs it; its kept paths are
// then copied, before any agent works there, into every working copy waiting for the same fingerprint and
// aside (a seed), all at once; a working copy that needs the fingerprint later gets a copy of the seed. A
// run's first wave of N stories then pays one install, not N at once on the same cores.

class SetupSeeds {
    preparation;
    root;
    paths;
    /** Per fingerprint: the seed's folder once made, undefined when making it failed. */
    seeds = new Map();
    /** Per fingerprint whose setup runs: the working copies waiting for it, and how to hand on its seed. */
    making = new Map();
    constructor(preparation, root, paths) {
        this.preparation = preparation;
        this.root = root;
        this.paths = paths;
    }
    /**
     * Fills `dir` for `fingerprint`, waiting while another working copy runs its setup: true. False when there
     * is nothing to fill it from: the caller runs setup, then calls `made` (the first caller for a fingerprint).
     */
    async fill(fingerprint, dir) {
        const seed = this.seeds.get(fingerprint);
        if (seed === undefined) {
            this.seeds.set(fingerprint, new Promise((hand) => this.making.set(fingerprint, { waiting: [], hand })));
            return false;
        }
        const making = this.making.get(fingerprint);
        if (making)
            return new Promise((filled) => making.waiting.push({ dir, filled }));
        const from = await seed;
        return from !== undefined && (await this.preparation.copyKept(from, dir, this.paths)) === undefined;
    }
    /**
     * Setup ran in `dir` for `fingerprint` (undefined: it failed). Its kept paths go to the working copies waiting
     * and to the seed at once (one copy's time, not two in a row); the caller's agents start once they are done.
     */
    async made(fingerprint, dir) {
        const making = this.making.get(fingerprint);
        if (!making)
            return;
        this.making.delete(fingerprint);
        const seed = (0,external_node_path_.join)(this.root, `seed-${fingerprint.slice(0, 16)}`);
        const copied = dir === undefined
            ? [false, ...making.waiting.map(() => false)]
            : await Promise.all([seed, ...making.waiting.map((w) => w.dir)].map(async (to) => (await this.preparation.copyKept(dir, to, this.paths)) === undefined));
        making.waiting.forEach((w, i) => w.filled(copied[i + 1]));
        if (!copied[0])
            this.seeds.delete(fingerprint);
        making.hand(copied[0] ? seed : undefined);
    }
    /** Removes every seed (at the end of a run, and at its start: a killed run's). */
    async clear() {
        await this.preparation.removeFolder(this.root);
    }
}

;// CONCATENATED MODULE: ./src/engine/worktree-slots.ts
// Working copies of the local runner: one git worktree per story running at the same time, handed on to
// the next story (a checkout and a clean: as good as new, and many times cheaper than a new worktree),
// all removed when the run ends. A working copy remembers what the plan's setup prepared it for, so that
// the next story skips setup while that still holds (setup-phase.ts).

class WorktreeSlots {
    repo;
    workingCopy;
    root;
    free = [];
    made = new Set();
    /** Fingerprint (Preparation.fingerprint) each working copy's kept paths were prepared for by setup. */
    prepared = new Map();
    count = 0;
    /** `git worktree add` reads every other worktree's records: two at once may find one half made. */
    adding = Promise.resolve();
    constructor(repo, workingCopy, root) {
        this.repo = repo;
        this.workingCopy = workingCopy;
        this.root = root;
    }
    /**
     * Removes the worktrees an earlier run of this plan left behind (killed before it could), here and in the
     * `elsewhere` folders (where earlier versions kept them), then prunes.
     */
    async clear(elsewhere = []) {
        for (const root of [this.root, ...elsewhere])
            for (const dir of await this.repo.worktreesUnder(root))
                await this.repo.removeWorktree(dir);
        await this.repo.pruneWorktrees();
    }
    /**
     * A working copy with `branch` checked out (null: detached), (re)set to `startPoint`, with nothing else in it
     * but the untracked `keep` paths of a reused one (setup's `reuse`).
     */
    async checkout(branch, startPoint, keep = []) {
        const reused = this.free.pop();
        if (reused !== undefined) {
            try {
                await this.workingCopy(reused).resetTo(branch, startPoint, keep);
                return reused;
            }
            catch {
                // Left in a state a checkout cannot undo (say, an agent's half-done rebase): start afresh.
                await this.remove(reused);
            }
        }
        const dir = (0,external_node_path_.join)(this.root, `slot-${++this.count}`);
        this.made.add(dir);
        // Only the bookkeeping waits its turn; the files are checked out in parallel.
        const add = this.adding.then(() => this.repo.addWorktree(dir, branch, startPoint));
        this.adding = add.catch(() => undefined);
        await add;
        await this.workingCopy(dir).resetTo(branch, startPoint);
        return dir;
    }
    /** What setup last prepared `dir` for (undefined: nothing, or no longer known to hold). */
    preparedFor(dir) {
        return this.prepared.get(dir);
    }
    setPrepared(dir, fingerprint) {
        if (fingerprint === undefined)
            this.prepared.delete(dir);
        else
            this.prepared.set(dir, fingerprint);
    }
    release(dir) {
        this.free.push(dir);
    }
    /** Removes every worktree this run made, and their folders when nothing else is left in them. */
    async removeAll() {
        for (const dir of [...this.made])
            await this.remove(dir);
        // The plan's folder, then the repository's: whatever another run still has in them stays.
        for (const dir of [this.root, (0,external_node_path_.dirname)(this.root), (0,external_node_path_.dirname)((0,external_node_path_.dirname)(this.root))])
            if (!(await this.repo.removeEmptyDirectory(dir)))
                break;
    }
    async remove(dir) {
        this.made.delete(dir);
        this.prepared.delete(dir);
        await this.repo.removeWorktree(dir);
    }
}

;// CONCATENATED MODULE: ./src/engine/setup-phase.ts



/** Files a story's agents must find as the plan left them: never part of what setup depends on. */
const ownPaths = (plan) => plan.stories.flatMap((s) => [s.file, s.testFile]);
/** What setup prepares `dir` for now: undefined when nothing is kept between stories (setup always runs). */
async function setupFingerprint(ports, plan, dir, commit) {
    const setup = plan.setup;
    return setup && setup.reuse.length > 0 ? ports.preparation.fingerprint(dir, commit, setup.run, ownPaths(plan)) : undefined;
}
/** Copies the `copy` files in, then runs setup unless the working copy is already prepared for this commit. */
async function prepareWorkingCopy(ports, plan, o) {
    const setup = plan.setup;
    if (!setup)
        return { ok: true, skipped: true };
    if (o.mainDir !== undefined && setup.copy.length > 0) {
        const problem = await ports.preparation.copyFiles(o.mainDir, o.dir, setup.copy);
        if (problem)
            return { ok: false, reason: `setup failed: ${problem}` };
    }
    const fingerprint = o.fingerprint ?? (await setupFingerprint(ports, plan, o.dir, o.commit));
    if (fingerprint !== undefined && fingerprint === o.preparedFor)
        return { ok: true, skipped: true, fingerprint };
    const seeds = setup.relocatable && fingerprint !== undefined ? o.seeds : undefined;
    if (seeds && (await seeds.fill(fingerprint, o.dir)))
        return { ok: true, skipped: false, copied: true, fingerprint };
    const r = await runSetup(ports, setup, o);
    await seeds?.made(fingerprint, r.ok ? o.dir : undefined);
    return r.ok && fingerprint !== undefined ? { ...r, fingerprint } : r;
}
/** The setup command in a working copy, which must leave nothing git would commit. */
async function runSetup(ports, setup, o) {
    const r = await ports.agents(setup.run, {
        cwd: o.dir,
        env: {},
        timeoutMs: setup.timeoutMs,
        logFile: o.logFile,
        ...(o.logRoot !== undefined ? { logRoot: o.logRoot } : {}),
        ...(o.signal ? { signal: o.signal } : {}),
        ...(o.background ? { background: true } : {}),
    });
    if (r.aborted)
        return { ok: false, reason: "setup failed: interrupted" };
    if (r.exitCode !== 0 || r.timedOut)
        return { ok: false, reason: `setup failed: ${describeExit("setup", r, setup.timeoutMs)}` };
    // What setup makes (node_modules, .venv) must be ignored by git, or the tester's commit would carry it.
    const left = await ports.workingCopy(o.dir).changedFiles("HEAD");
    if (left.length > 0) {
        const shown = left.slice(0, 3).join(", ") + (left.length > 3 ? ` and ${left.length - 3} more` : "");
        return { ok: false, reason: `setup failed: it left files git would commit (${shown}): ignore them in .gitignore` };
    }
    return { ok: true, skipped: false };
}
/** A checkout used as it is (a runner's fresh one), prepared by setup for the tests on the merged result. */
async function preparedCheckout(ports, plan, dir, log) {
    const commit = (await ports.workingCopy(dir).head());
    const r = await prepareWorkingCopy(ports, plan, { dir, commit, ...log });
    ports.progress({ type: "log", message: r.ok ? "Testing the merged result (setup done)" : `Not testing the merged result: ${r.reason}` });
    return r.ok ? { ok: true, dir, done: async () => undefined } : { ok: false, reason: `${r.reason} (log: ${log.logFile})` };
}
/** A story's setup phase, recorded in the state like the others (phase `setup`, its log). */
async function setupPhase(ports, job, copy) {
    const { story, plan } = job;
    const log = logFile(job, "setup");
    const now = ports.now();
    // Known to be skipped: one record, no log.
    const fingerprint = await setupFingerprint(ports, plan, job.dir, copy.commit);
    const reusing = fingerprint !== undefined && fingerprint === copy.preparedFor;
    if (!reusing) {
        await ports.store.update((0,state_state/* beginPhase */.tA)(story.id, "setup", now, { log }), `${story.id}: setup`);
        ports.progress({ type: "phase", storyId: story.id, phase: "setup" });
    }
    const r = await prepareWorkingCopy(ports, plan, {
        dir: job.dir,
        logFile: log,
        logRoot: logRoot(job),
        ...copy,
        ...(fingerprint ? { fingerprint } : {}),
        ...(job.signal ? { signal: job.signal } : {}),
        ...(await priorityOf(job)),
    });
    throwIfAborted(job);
    const kept = plan.setup.reuse.join(", ");
    const message = !r.ok
        ? r.reason
        : r.skipped
            ? `skipped: the working copy kept ${kept} and nothing setup depends on changed`
            : r.copied
                ? `copied: ${kept} from the working copy setup prepared for the same inputs`
                : undefined;
    // The tester records the base its attempts start from; a story's first setup records it already, so that a
    // story failing there commits (and bundles) only its own work. Never over one recorded: a continued attempt
    // or a rebuild starts from another commit than the base.
    const unrecorded = (0,own/* own */.Z)((await ports.store.read())?.runs ?? {}, story.id)?.base === undefined;
    const end = (0,state_state/* endPhase */.zN)(story.id, "setup", r.ok ? "ok" : "failed", ports.now(), message);
    await ports.store.update(unrecorded ? (0,state_state/* chain */.cy)(end, (0,state_state/* annotateRun */.Eg)(story.id, { base: copy.commit }, ports.now())) : end, `${story.id}: setup ${r.ok ? "ok" : "failed"}`);
    if (!r.ok)
        return { result: { ok: false, phase: "setup", reason: r.reason } };
    return { result: { ok: true }, ...(r.fingerprint === undefined ? {} : { fingerprint: r.fingerprint }) };
}
/** The execution stops: setup failed for every story of a wave in the same way. */
class SetupBroken extends Error {
    constructor(message) {
        super(message);
        this.name = "SetupBroken";
    }
}
/**
 * When every story of `wave` that ran failed in its setup phase for one same reason (and none is still running
 * or pending): a SetupBroken naming it and one log. Blocked stories did not run and do not count.
 */
function setupBrokenIn(state, wave) {
    let reason;
    let log;
    for (const id of state.waves[wave - 1] ?? []) {
        const status = (0,state_state/* statusOf */.c2)(state, id);
        if (status === "blocked")
            continue;
        const run = (0,own/* own */.Z)(state.runs, id);
        const last = run?.phases.at(-1);
        if (status !== "failed" || last?.phase !== "setup" || last.outcome !== "failed")
            return undefined;
        if (reason !== undefined && run.reason !== reason)
            return undefined;
        reason = run.reason;
        log ??= last.log;
    }
    if (reason === undefined)
        return undefined;
    return new SetupBroken(`${reason}, for every story of wave ${wave}: fix the plan's setup and run again${log ? ` (log: ${log})` : ""}`);
}

;// CONCATENATED MODULE: ./src/engine/local-run.ts
// `tdd-waves run`: the whole execution on one machine — each running story in its own git worktree, a
// worker pool of at most maxParallel, integration into the checked-out branch, by waves (barrier) or as a DAG.




















class Mutex {
    tail = Promise.resolve();
    run(f) {
        const next = this.tail.then(f, f);
        this.tail = next.catch(() => undefined);
        return next;
    }
}
function pidAlive(pid) {
    if (!pid)
        return false;
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return e.code === "EPERM";
    }
}
async function runLocal(ports, opts) {
    const git = ports.repository(opts.repoDir);
    const target = await git.currentBranch();
    if (!target)
        throw new RefusedError("HEAD is detached: check out the branch the stories should be merged into");
    // A merge a killed tdd-waves left half done is cleared once the lock is held (below); anyone else's is theirs to finish.
    const merging = await ports.integration(opts.repoDir).unfinishedMerge();
    if (merging === "foreign") {
        throw new RefusedError(`a merge is in progress in ${opts.repoDir} (MERGE_HEAD exists): conclude it (git commit) or abort it (git merge --abort) first`);
    }
    const dirty = "the working tree has uncommitted changes to tracked files: commit or stash them first (untracked files are fine)";
    if (merging === "none" && (await git.hasTrackedChanges()))
        throw new RefusedError(dirty);
    await refuseForeignStoryBranches(git, opts.source.plan, target, await ports.store.read());
    const lock = { kind: "local", id: `local:${(0,external_node_os_.hostname)()}:${process.pid}`, host: (0,external_node_os_.hostname)(), pid: process.pid, since: ports.now() };
    await startExecution(ports, {
        source: opts.source,
        target,
        restart: opts.restart,
        ...(opts.retry ? { retry: opts.retry } : {}),
        lock,
        lockAlive: (l) => l.kind === "local" && (l.host !== (0,external_node_os_.hostname)() || pidAlive(l.pid)),
        targetDir: opts.repoDir,
    });
    const commonDir = await git.commonDir();
    const work = opts.workDir ?? (0,external_node_path_.join)(commonDir, "tdd-waves");
    // Logs stay in the repository's git directory: a link an agent puts on their way is refused.
    const logRoot = opts.workDir ?? commonDir;
    // Working copies live outside the repository's tree: Node's module lookup climbs up from a working copy,
    // and the project's own test runner collects whatever lies under the repository.
    const copies = opts.workDir ? (0,external_node_path_.join)(work, "worktrees") : await ports.preparation.workingCopiesRoot(opts.repoDir);
    const run = {
        ports,
        plan: opts.source.plan,
        opts,
        target,
        work,
        limit: Math.max(1, Math.min(opts.maxParallel ?? opts.source.plan.maxParallel, opts.source.plan.maxParallel)),
        integration: { dir: opts.repoDir, branchRef: (id) => `refs/heads/${(0,model/* storyBranch */.Q_)(opts.source.plan.name, id)}`, logDir: (0,external_node_path_.join)(work, "logs", opts.source.plan.name), logRoot },
        targetLock: new Mutex(),
        worktrees: new WorktreeSlots(git, ports.workingCopy, (0,external_node_path_.join)(copies, opts.source.plan.name)),
    };
    const setup = opts.source.plan.setup;
    if (setup?.relocatable)
        run.seeds = new SetupSeeds(ports.preparation, (0,external_node_path_.join)(copies, opts.source.plan.name, "seeds"), setup.reuse);
    run.integration.testCopy = opts.source.plan.setup ? () => preparedTestCopy(run) : undefined;
    try {
        if ((await ports.store.read())?.stopped)
            await ports.store.update((0,agents_budget/* clearStop */.eh)(ports.now()), "resume after a stop");
        if (merging === "ours") {
            await ports.integration(opts.repoDir).abortMerge();
            if (await git.hasTrackedChanges())
                throw new RefusedError(dirty);
        }
        // Versions before working copies moved out of the repository kept them in the git directory.
        await run.worktrees.clear(opts.workDir ? [] : [(0,external_node_path_.join)(work, "worktrees", run.plan.name)]);
        await run.seeds?.clear();
        // An execution killed between verify and merge left completed stories unmerged: merge them first.
        const stranded = unmergedCompleted((await ports.store.read()), run.plan);
        if (stranded.length > 0)
            await integrateStories(ports, run.plan, run.integration, stranded);
        if (opts.schedule === "dag")
            await runDag(run);
        else
            await runWaves(run);
    }
    catch (e) {
        // The budget is used up: the execution stops as planned, the stories left stay pending (state.stopped says why).
        if (e instanceof BudgetReached)
            await ports.store.update((0,agents_budget/* recordStop */.GQ)(e.message, ports.now()), "budget reached");
        else if (!(e instanceof Interrupted) && !(e instanceof RefusedError))
            await ports.store.update((0,state_state/* recordError */.Eq)(e instanceof Error ? e.message : String(e), ports.now(), true), "execution error");
        if (!(e instanceof BudgetReached))
            throw e;
    }
    finally {
        // Interrupted, agents may still be winding down in them: the next run clears them.
        if (!opts.signal?.aborted) {
            await run.seeds?.clear().catch(() => undefined);
            await run.worktrees.removeAll().catch(() => undefined);
        }
        await ports.store.update(releaseLock(lock.id, ports.now()), "release lock");
    }
    return (await ports.store.read());
}
async function runWaves(run) {
    const { ports, plan } = run;
    const waves = (await ports.store.read()).waves;
    for (let w = 1; w <= waves.length; w++) {
        const ids = waves[w - 1];
        let state = await ports.store.update((0,state_state/* startWave */.uT)(w, ports.now()), `wave ${w}`);
        // The wave's header first: the ⛔ lines of stories it blocks belong under it.
        ports.progress({ type: "wave", wave: w, stories: ids });
        state = await blockStuck(ports, plan, state, ids);
        const open = plan.stories.filter((s) => ids.includes(s.id) && (0,state_state/* statusOf */.c2)(state, s.id) === "pending");
        // Stories are merged while the wave still runs, as soon as every story before them (plan order) is
        // done: only the merges behind the wave's last story stay on its critical path.
        const merged = [];
        const mergeDone = () => run.targetLock.run(async () => {
            merged.push(...(await mergeStories(ports, plan, run.integration, mergeableNow((await ports.store.read()), plan, ids))));
        });
        // A used-up budget stops new stories; the ones that finished are still merged before the execution stops.
        let budget;
        // The wave is finished when its rebuilds are: stories that conflicted or fail on the merged result are
        // built again on the integrated target (once each), then merged and checked like the others.
        let stories = open;
        do {
            await runPool(stories, run.limit, async (s) => {
                await runStory(run, s, w);
                await mergeDone();
            }, run.opts.signal).catch((e) => {
                if (!(e instanceof BudgetReached))
                    throw e;
                budget = e;
            });
            await mergeDone();
            await run.targetLock.run(async () => {
                const checked = merged.splice(0);
                if (checked.length > 0)
                    ports.progress({ type: "stage", wave: w, what: `post-merge tests of ${checked.length} ${checked.length === 1 ? "story" : "stories"} on the target` });
                await retestMerged(ports, plan, run.integration, checked);
                ports.progress({ type: "stage", wave: w, what: null });
            });
            const now = (await ports.store.read());
            stories = budget ? [] : plan.stories.filter((s) => ids.includes(s.id) && (0,state_state/* statusOf */.c2)(now, s.id) === "pending" && (0,own/* own */.Z)(now.runs, s.id)?.rebuild);
        } while (stories.length > 0);
        await run.targetLock.run(() => recordOutcomesOnTarget(ports, plan, run.integration, ids));
        if (budget)
            throw budget;
        const broken = setupBrokenIn((await ports.store.read()), w);
        if (broken)
            throw broken;
    }
}
async function runDag(run) {
    const { ports, plan } = run;
    const waves = (await ports.store.read()).waves;
    const waveOf = (id) => waves.findIndex((w) => w.includes(id)) + 1;
    const running = new Map();
    // Finished stories not merged yet: they wait until a pending story needs them, or nothing else runs.
    const waiting = new Set();
    // Batches merged whose tests on the merged result still run: the stories that depend on them wait.
    const underTest = new Set();
    const checking = new Set();
    runAheadInBackground(run, waveOf, (id) => waiting.has(id) || underTest.has(id));
    let failure;
    const fail = (e) => {
        failure ??= e;
    };
    // A batch that could be merged waits for the stories verifying when it could first: they end within a test
    // run's time, and one batch costs one round of tests on the merged result (with its working copy), not two.
    // Only those: stories that start verifying meanwhile do not hold it up again.
    let holdFor;
    // Wakes the loop when a story's phase changes: a story held for whose verify failed goes on with its next attempt.
    const phases = watchPhases(run);
    for (;;) {
        // Taken before the state is read: a phase that changes while it is read still wakes the loop.
        const changed = phases.next();
        const state = await blockStuck(ports, plan, (await ports.store.read()), plan.stories.map((s) => s.id));
        const unstarted = plan.stories.filter((s) => (0,state_state/* statusOf */.c2)(state, s.id) === "pending" && !running.has(s.id));
        // Earlier waves first, as `waves` would start them.
        const ready = unstarted
            .filter((s) => dependenciesIntegrated(state, s) && !s.dependsOn.some((d) => underTest.has(d)))
            .sort((a, b) => waveOf(a.id) - waveOf(b.id));
        for (const story of ready) {
            if (failure !== undefined || run.opts.signal?.aborted || running.size >= run.limit)
                break;
            // A slot stays free for every story of an earlier wave not started yet: a story started ahead may run
            // long, and one `waves` would have started first must never wait for it.
            const before = unstarted.filter((s) => !running.has(s.id) && s.id !== story.id && waveOf(s.id) < waveOf(story.id)).length;
            if (running.size + before >= run.limit)
                continue;
            const task = runStory(run, story, waveOf(story.id))
                // Only a completed story is merged: a failed one's work stays on its branch (its story file reaches the
                // target with the next batch's record of outcomes, or at the end). Setup that failed every story of a
                // wave the same way stops the execution.
                .then(async (completed) => {
                if (completed)
                    waiting.add(story.id);
                else
                    stopIfSetupBroken((await ports.store.read()), [story.id], waveOf);
            })
                .catch(fail)
                .finally(() => running.delete(story.id));
            running.set(story.id, task);
        }
        // Interrupted: what completed stays unmerged, and the next run merges it before anything else.
        const stopping = run.opts.signal?.aborted === true;
        // With a working copy of their own for the tests (setup), a batch is merged while the one before it is
        // still being tested; without one the tests run in the checkout itself, one batch at a time.
        const free = run.integration.testCopy !== undefined || checking.size === 0;
        const unlocks = waiting.size > 0 && mergeUnlocks(state, plan, waiting);
        if (unlocks)
            holdFor ??= [...running.keys()].filter((id) => !waiting.has(id) && verifying(state, id));
        const held = unlocks && holdFor.some((id) => running.has(id) && verifying(state, id));
        if (free && !stopping && waiting.size > 0 && (running.size === 0 || failure !== undefined || (unlocks && !held))) {
            const batch = [...waiting];
            waiting.clear();
            holdFor = undefined;
            for (const id of batch)
                underTest.add(id);
            const check = checkBatch(run, batch, waveOf)
                .catch(fail)
                .finally(() => {
                for (const id of batch)
                    underTest.delete(id);
                checking.delete(check);
            });
            checking.add(check);
        }
        if (running.size === 0 && checking.size === 0 && (waiting.size === 0 || stopping))
            break;
        await Promise.race([...running.values(), ...checking, ...(held ? [changed] : [])]);
    }
    if (failure !== undefined)
        throw failure;
    if (run.opts.signal?.aborted)
        throw new Interrupted();
    // Stories blocked after the last integration still need their story file on the target.
    await run.targetLock.run(() => recordOutcomesOnTarget(ports, plan, run.integration, plan.stories.map((s) => s.id)));
}
/**
 * dag: what runs ahead of the wave front runs at a lower CPU priority, so starting it early never slows down
 * what `waves` would have done first. `finished(id)`: done, but not merged and tested yet.
 */
function runAheadInBackground(run, waveOf, finished) {
    const { ports, plan } = run;
    const done = (state, id) => ["complete", "failed", "blocked"].includes((0,state_state/* statusOf */.c2)(state, id));
    // A story of a later wave than the earliest one still open is ahead of the front.
    run.ahead = async (ids) => {
        const state = (await ports.store.read());
        const front = Math.min(...plan.stories.filter((s) => finished(s.id) || !done(state, s.id)).map((s) => waveOf(s.id)));
        return Math.min(...ids.map(waveOf)) > front;
    };
    // A batch's tests on the merged result are ahead while a story of the batch's earliest wave (or before) is
    // still pending or running: `waves` would test the batch with that wave's last stories.
    run.integration.background = async (ids) => {
        const state = (await ports.store.read());
        const earliest = Math.min(...ids.map(waveOf));
        return plan.stories.some((s) => !ids.includes(s.id) && !finished(s.id) && !done(state, s.id) && waveOf(s.id) <= earliest);
    };
}
/** The run's progress port, watched: `next()` resolves when a story next starts a phase. */
function watchPhases(run) {
    let changed;
    let next = new Promise((r) => (changed = r));
    const progress = run.ports.progress;
    run.ports = {
        ...run.ports,
        progress: (e) => {
            progress(e);
            if (e.type !== "phase")
                return;
            changed();
            next = new Promise((r) => (changed = r));
        },
    };
    return { next: () => next };
}
/**
 * dag: one batch, merged under the target lock, then tested on that merged result. With setup the tests run
 * in a working copy made at the batch's own tip, outside the lock, so the next batch can be merged meanwhile
 * (a failure after integration never takes a merge back, so the target is the same either way).
 */
async function checkBatch(run, batch, waveOf) {
    const { ports, plan } = run;
    const all = plan.stories.map((s) => s.id);
    const testCopy = run.integration.testCopy;
    if (!testCopy) {
        await run.targetLock.run(async () => {
            await integrateStories(ports, plan, run.integration, batch);
            await recordOutcomesOnTarget(ports, plan, run.integration, all);
        });
    }
    else {
        const { merged, copy } = await run.targetLock.run(async () => {
            const merged = await mergeStories(ports, plan, run.integration, batch);
            return { merged, copy: merged.length > 0 ? await testCopy() : undefined };
        });
        if (copy)
            await retestMerged(ports, plan, { ...run.integration, testCopy: () => Promise.resolve(copy) }, merged);
        await run.targetLock.run(() => recordOutcomesOnTarget(ports, plan, run.integration, all));
    }
    stopIfSetupBroken((await ports.store.read()), batch, waveOf);
}
/** Throws SetupBroken when setup failed every story of one of these stories' waves the same way. */
function stopIfSetupBroken(state, ids, waveOf) {
    for (const w of new Set(ids.map(waveOf))) {
        const broken = setupBrokenIn(state, w);
        if (broken)
            throw broken;
    }
}
/** One story in its working copy, from setup to its story branch's last commit: whether it completed. */
async function runStory(run, story, wave) {
    const { ports, plan } = run;
    const spent = plan.budget && (0,agents_budget/* executionBudgetReached */.Ov)((await ports.store.read()), plan.budget);
    if (spent)
        throw new BudgetReached(spent);
    const state = await ports.store.update((0,state_state/* startStory */.OA)(story.id, ports.now()), `${story.id}: start`);
    const record = (0,own/* own */.Z)(state.runs, story.id);
    // No lock: the branch moves atomically, and any tip from now on holds every merge this story waits for.
    const tip = (await ports.repository(run.opts.repoDir).revParse(`refs/heads/${run.target}`));
    // An attempt continued after a stop goes on from the tests it committed; anything else starts from the target.
    const start = (0,attempts/* testsCommitted */.Q9)(record) && record.testerCommit ? record.testerCommit : tip;
    const dir = await run.worktrees.checkout((0,model/* storyBranch */.Q_)(plan.name, story.id), start, plan.setup?.reuse);
    const logDirFor = (attempt) => (0,external_node_path_.join)(run.work, "logs", plan.name, story.id, `attempt-${attempt}`);
    const ahead = run.ahead;
    const base = {
        plan,
        planPath: run.opts.source.path,
        story,
        wave,
        dir,
        logRoot: run.integration.logRoot,
        signal: run.opts.signal,
        ...(ahead ? { background: () => ahead([story.id]) } : {}),
    };
    let verified = false;
    try {
        // The working copy is prepared once, before the attempts (its retries work in the same one).
        const prepared = plan.setup ? await prepareStory(run, { ...base, attempt: record.attempt, logDir: logDirFor(record.attempt) }, start) : { ok: true };
        const outcome = prepared.ok ? await runAttempts(ports, base, { fresh: true, logDirFor }) : { kind: "failed", result: prepared };
        const attempt = (0,own/* own */.Z)((await ports.store.read()).runs, story.id).attempt;
        const job = { ...base, attempt, logDir: logDirFor(attempt) };
        verified = outcome.kind === "verified";
        if (verified)
            await completeInWorkingCopy(ports, job);
        else if (outcome.kind === "failed")
            await failInWorkingCopy(ports, job, outcome.result);
    }
    finally {
        // What setup made is trusted again only where the story's tests passed: an agent whose story failed may
        // have broken it (deleted a package), and the next story there would fail for it. Setup runs there again.
        if (!verified)
            run.worktrees.setPrepared(dir, undefined);
        if (!run.opts.signal?.aborted)
            await releasePrepared(run, dir);
    }
    return verified;
}
/** The story's setup phase in its working copy, skipped while the copy is prepared for what setup depends on. */
async function prepareStory(run, job, commit) {
    const preparedFor = run.worktrees.preparedFor(job.dir);
    const r = await guarded("setup", async () => {
        const s = await setupPhase(run.ports, job, { commit, mainDir: run.opts.repoDir, ...(preparedFor ? { preparedFor } : {}), ...(run.seeds ? { seeds: run.seeds } : {}) });
        run.worktrees.setPrepared(job.dir, s.fingerprint);
        return s.result;
    });
    if (!r.ok)
        run.worktrees.setPrepared(job.dir, undefined);
    return r;
}
/** Hands a working copy back, still counted as prepared only if its last commit left what setup depends on alone. */
async function releasePrepared(run, dir) {
    const prepared = run.worktrees.preparedFor(dir);
    if (prepared !== undefined && (await setupFingerprint(run.ports, run.plan, dir, "HEAD").catch(() => undefined)) !== prepared) {
        run.worktrees.setPrepared(dir, undefined);
    }
    run.worktrees.release(dir);
}
/** A working copy at the target's tip, prepared by setup, for the tests on the merged result. */
async function preparedTestCopy(run) {
    const { ports, plan } = run;
    const head = (await ports.repository(run.opts.repoDir).revParse("HEAD"));
    const dir = await run.worktrees.checkout(null, head, plan.setup?.reuse);
    const logFile = (0,external_node_path_.join)(run.integration.logDir, "integration-setup.log");
    let r;
    try {
        r = await prepareWorkingCopy(ports, plan, {
            dir,
            commit: head,
            mainDir: run.opts.repoDir,
            preparedFor: run.worktrees.preparedFor(dir),
            logFile,
            logRoot: run.integration.logRoot ?? run.integration.logDir,
            ...(run.opts.signal ? { signal: run.opts.signal } : {}),
            ...(run.seeds ? { seeds: run.seeds } : {}),
        });
    }
    catch (e) {
        run.worktrees.setPrepared(dir, undefined);
        run.worktrees.release(dir);
        throw e;
    }
    run.worktrees.setPrepared(dir, r.ok ? r.fingerprint : undefined);
    if (!r.ok) {
        run.worktrees.release(dir);
        return { ok: false, reason: `${r.reason} (log: ${logFile})` };
    }
    const how = r.skipped ? "setup skipped: nothing it depends on changed" : r.copied ? `${plan.setup.reuse.join(", ")} copied from a prepared working copy` : "setup done";
    ports.progress({ type: "log", message: `Testing the merged result (${how})` });
    return { ok: true, dir, done: () => releasePrepared(run, dir) };
}

// EXTERNAL MODULE: ./src/cli/args.ts + 1 modules
var cli_args = __webpack_require__(5361);
// EXTERNAL MODULE: ./src/cli/progress.ts + 1 modules
var cli_progress = __webpack_require__(1655);
// EXTERNAL MODULE: ./src/cli/preset-check.ts
var preset_check = __webpack_require__(2302);
// EXTERNAL MODULE: ./src/core/render/usage.ts
var render_usage = __webpack_require__(9039);
// EXTERNAL MODULE: ./src/cli/terminal.ts
var terminal = __webpack_require__(1028);
;// CONCATENATED MODULE: ./src/cli/run-command.ts
// `tdd-waves run` and `tdd-waves retry`: flags -> a local execution, with live progress, the report file and
// SPEC §6 exit codes. `retry` is `run` after putting the named failed stories (and those they blocked) back.


















const USAGE = {
    run: "Usage: tdd-waves run <plan-file> [--max-parallel N] [--schedule waves|dag] [--restart] [--report PATH] [--state-branch B] [--no-color]",
    retry: "Usage: tdd-waves retry <plan-file> <story-id>... [--max-parallel N] [--schedule waves|dag] [--report PATH] [--state-branch B] [--no-color]",
};
const INTRO = {
    run: "Executes the plan locally, each story test-first in its own worktree; run it again to resume.",
    retry: "Puts the named failed (or blocked) stories and the stories they blocked back to pending, for a whole new set of attempts,\n" +
        "then executes the plan as `run` does; interrupted, `run` (or the same retry) resumes it. Earlier results stay on record.",
};
const HELP = `  --max-parallel N   stories at once, 1 to 10 (default: the plan's maxParallel)
  --schedule dag     start a story as soon as its own dependencies are merged (default: waves)
  --restart          (run) go on under a plan that changed since the recorded execution: completed stories keep their record
  --report PATH      where to write the report JSON (default: tdd-waves-report.json at the repository root, git-excluded)
  --state-branch B   the state branch (default: tdd-waves/state)
  --no-color         plain ASCII, no colours (also NO_COLOR)`;
async function runCommand(args, io, command = "run") {
    const usage = (message) => usageOf(io, command, message);
    let flags;
    try {
        flags = (0,cli_args/* parseFlags */.bQ)(args, {
            "max-parallel": "value",
            schedule: "value",
            ...(command === "run" ? { restart: "boolean" } : {}),
            report: "value",
            "state-branch": "value",
            "no-color": "boolean",
            help: "boolean",
        });
    }
    catch (e) {
        if (e instanceof cli_args/* UsageError */.eb)
            return usage(e.message);
        throw e;
    }
    if (flags.booleans.has("help")) {
        io.stdout(`${USAGE[command]}\n\n${INTRO[command]}\n${HELP}\n`);
        return 0;
    }
    const maxParallel = flags.values["max-parallel"] === undefined ? undefined : Number(flags.values["max-parallel"]);
    if (maxParallel !== undefined && !(Number.isInteger(maxParallel) && maxParallel >= 1 && maxParallel <= 10)) {
        return usage(`--max-parallel must be a whole number from 1 to 10, got "${flags.values["max-parallel"]}"`);
    }
    const schedule = flags.values.schedule ?? "waves";
    if (schedule !== "waves" && schedule !== "dag")
        return usage(`--schedule must be "waves" or "dag", got "${schedule}"`);
    if (command === "run" && flags.positional.length !== 1)
        return usage("run takes exactly one plan file");
    if (command === "retry" && flags.positional.length < 2)
        return usage("retry takes the plan file and at least one story id");
    const retry = command === "retry" ? [...new Set(flags.positional.slice(1))] : undefined;
    const opened = await (0,cli_args/* openPlan */.uD)(flags.positional[0], io);
    if (typeof opened === "number")
        return opened;
    const { loaded, repoRoot } = opened;
    const missing = (0,preset_check/* missingPresetCLIs */.T)(loaded.plan, io.env.PATH);
    if (missing.length > 0) {
        io.stderr(`${missing.map((m) => `tdd-waves: ${m}\n`).join("")}tdd-waves: install it (or change the agent) and run again; nothing was started\n`);
        return 2;
    }
    const store = (0,cli_args/* openStore */.Ch)(loaded.plan.name, repoRoot, flags.values["state-branch"], io);
    if (typeof store === "number")
        return store;
    if (retry) {
        let recorded;
        try {
            recorded = await store.read();
        }
        catch (e) {
            if (!(e instanceof state_store/* InvalidStateError */.Pp))
                throw e;
            io.stderr(`tdd-waves: ${e.message}\n`);
            return 2;
        }
        const refused = checkRetry(retry, loaded.plan.stories.map((s) => s.id), recorded, flags.positional[0]);
        if (refused) {
            io.stderr(`tdd-waves retry: ${refused}\n`);
            return 2;
        }
    }
    const progress = (0,cli_progress/* createProgress */.m)(io, loaded.plan);
    const controller = new AbortController();
    let interrupts = 0;
    const onSignal = () => {
        interrupts += 1;
        if (interrupts === 1) {
            progress.note("Interrupted: stopping agents and saving the state (Ctrl-C again to quit at once)");
            controller.abort();
        }
        else
            process.exit(130);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    let state;
    try {
        state = await runLocal(realPorts({ store, progress: progress.event }), {
            source: loaded,
            repoDir: repoRoot,
            maxParallel,
            schedule,
            restart: flags.booleans.has("restart"),
            ...(retry ? { retry } : {}),
            signal: controller.signal,
        });
    }
    catch (e) {
        progress.stop();
        if (e instanceof SetupBroken) {
            // Not the stories' fault: the plan's setup fails wherever it runs (state: error, what failed in each story).
            io.stderr(`tdd-waves: the execution stopped: ${e.message}\n`);
            return 2;
        }
        if (e instanceof RefusedError || e instanceof state_store/* InvalidStateError */.Pp) {
            io.stderr(`tdd-waves: ${e.message}\n`);
            return 2;
        }
        if (e instanceof Interrupted || controller.signal.aborted) {
            io.stderr("tdd-waves: interrupted; the state is saved — run the same command again to resume\n");
            return 130;
        }
        io.stderr(`tdd-waves: the execution stopped: ${e instanceof Error ? e.message : String(e)}\n`);
        return 1;
    }
    finally {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
    }
    progress.stop();
    const report = (0,render_report/* buildReport */.FK)(state, loaded.plan);
    // By default the report is tdd-waves-report.json at the repository root (SPEC §6), listed in the repository's
    // own exclude file so that it never shows as an untracked change.
    const reportPath = flags.values.report
        ? (0,external_node_path_.isAbsolute)(flags.values.report)
            ? flags.values.report
            : (0,external_node_path_.resolve)(io.cwd, flags.values.report)
        : (0,external_node_path_.join)(repoRoot, REPORT_FILE);
    if (!flags.values.report)
        await new adapters_git/* Git */.TU({ cwd: repoRoot }).excludeFromStatus(REPORT_FILE);
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(reportPath), { recursive: true });
    await (0,promises_.writeFile)(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    const titles = Object.fromEntries(loaded.plan.stories.map((s) => [s.id, s.title]));
    const gantt = (0,gantt_terminal/* renderGanttTerminal */.TN)(state, titles, (0,terminal/* terminalOptions */.Z)(io, flags.booleans.has("no-color")));
    io.stdout(gantt ? `\n${gantt}\n\n` : "\n");
    io.stdout(`${report.storiesCompleted.length} completed, ${report.storiesFailed.length} failed, ${report.storiesRemaining.length} not completed; ` +
        `${report.totalTestsPassed}/${report.totalTestsCovered} tests passed. Report: ${reportPath}\n`);
    const agentsLine = (0,render_usage/* usageLine */.U0)(state, loaded.plan);
    if (agentsLine)
        io.stdout(`${agentsLine}\n`);
    if (state.stopped)
        io.stdout(`Stopped: ${state.stopped.message}\n`);
    const hint = (0,retries/* retryHint */.IR)(state, loaded.plan, flags.positional[0]);
    if (hint)
        io.stdout(`${hint}\n`);
    return state.stories.completed.length === loaded.plan.stories.length ? 0 : 1;
}
function usageOf(io, command, message) {
    io.stderr(`tdd-waves ${command}: ${message}\n${USAGE[command]}\n`);
    return 2;
}
const REPORT_FILE = "tdd-waves-report.json";
/** Why the stories cannot be retried, or undefined: each is in the plan and not complete (pending ones are a retry already under way). */
function checkRetry(ids, known, state, planArg) {
    if (!state)
        return `the plan has no recorded execution to retry: start it with \`tdd-waves run ${planArg}\``;
    const problems = ids.flatMap((id) => {
        if (!known.includes(id))
            return [`"${id}" is not a story of the plan`];
        return (0,state_state/* statusOf */.c2)(state, id) === "complete" ? [`"${id}" is already complete`] : [];
    });
    return problems.length > 0 ? `${problems.join("; ")} (only failed or blocked stories can be retried)` : undefined;
}


/***/ })

};
;