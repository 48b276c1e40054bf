"use strict";
exports.id = 167;
exports.ids = [167];
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

/***/ 167:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   planCommand: () => (/* binding */ planCommand),
/* harmony export */   wavesJson: () => (/* binding */ wavesJson),
/* harmony export */   wavesTable: () => (/* binding */ wavesTable)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _adapters_plan_loader_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7821);
/* harmony import */ var _core_plan_model_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2082);
/* harmony import */ var _preset_check_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2302);
// `tdd-waves plan <plan-file> [--json]` (SPEC §6): validates a plan and prints its waves, as a table or JSON.





const USAGE = `Usage: tdd-waves plan <plan-file> [--json]
       tdd-waves plan --from <dir> [--base PLAN] [--write FILE]   (see tdd-waves plan --from . --help)

Validates the plan and prints its waves.
  --json    print {"name", "totalWaves", "waves": [{"wave", "stories"}]} instead of a table`;
const TITLE_WIDTH = 60;
const DEPENDS_SHOWN = 3;
/** Runs the `plan` command; returns the exit code (0 valid, 2 invalid plan or usage). */
async function planCommand(args, io) {
    const parsed = parseArgs(args);
    if (parsed === "help") {
        io.stdout(`${USAGE}\n`);
        return 0;
    }
    if (typeof parsed === "string") {
        io.stderr(`tdd-waves plan: ${parsed}\n\n${USAGE}\n`);
        return 2;
    }
    let loaded;
    try {
        const repoRoot = await repositoryRoot(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(io.cwd, parsed.planFile), io);
        loaded = await (0,_adapters_plan_loader_js__WEBPACK_IMPORTED_MODULE_2__/* .loadPlan */ .Yq)(parsed.planFile, repoRoot, { cwd: io.cwd });
    }
    catch (e) {
        if (!(e instanceof _adapters_plan_loader_js__WEBPACK_IMPORTED_MODULE_2__/* .PlanError */ .W6))
            throw e;
        io.stderr(`${e.message}\n`);
        return 2;
    }
    io.stdout(parsed.json ? `${JSON.stringify(wavesJson(loaded), null, 2)}\n` : wavesTable(loaded));
    // A preset whose CLI is missing here may be installed where the plan runs: a warning, not an error.
    if (Object.values(loaded.plan.agents).some((a) => a.preset)) {
        for (const message of (0,_preset_check_js__WEBPACK_IMPORTED_MODULE_4__/* .missingPresetCLIs */ .T)(loaded.plan, io.env.PATH))
            io.stderr(`tdd-waves plan: warning: ${message}\n`);
    }
    return 0;
}
/** The plan file and flags, "help", or a usage error message. */
function parseArgs(args) {
    const positional = [];
    let json = false;
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === "--") {
            positional.push(...args.slice(i + 1));
            break;
        }
        if (arg === "--help" || arg === "-h")
            return "help";
        if (arg === "--json")
            json = true;
        else if (arg.startsWith("-") && arg !== "-")
            return `unknown option "${arg}"`;
        else
            positional.push(arg);
    }
    if (positional.length === 0)
        return "a plan file is required";
    if (positional.length > 1)
        return `expected one plan file, got ${positional.length}: ${positional.join(" ")}`;
    return { planFile: positional[0], json };
}
/** The git repository holding the plan file; the working directory when it is in none. */
async function repositoryRoot(planFile, io) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(planFile);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir))
        return io.cwd;
    // Looking for ".git" the way git does spares starting a process, most of a small plan's run time. Set-ups
    // that move the repository elsewhere (GIT_DIR, GIT_WORK_TREE) are left to git itself.
    if (io.env.GIT_DIR === undefined && io.env.GIT_WORK_TREE === undefined)
        return findWorkTree(dir, io.env.GIT_CEILING_DIRECTORIES) ?? io.cwd;
    try {
        const { execFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1421, 23));
        const { promisify } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7975, 23));
        const { stdout } = await promisify(execFile)("git", ["rev-parse", "--show-toplevel"], { cwd: dir, env: definedEnv(io.env) });
        const root = stdout.trim();
        return root === "" ? io.cwd : root;
    }
    catch {
        return io.cwd;
    }
}
/**
 * The nearest directory at or above `dir` (symbolic links resolved) with a ".git" repository or ".git" file
 * (worktrees, submodules) in it, not going up into any of the `ceilings` (GIT_CEILING_DIRECTORIES: a list
 * separated like PATH), as git does.
 */
function findWorkTree(dir, ceilings) {
    const stops = new Set((ceilings ?? "").split((node_path__WEBPACK_IMPORTED_MODULE_1___default().delimiter)).filter((c) => node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(c)).flatMap((c) => [node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(c), realpathOr(c)]));
    for (let at = realpathOr(dir);;) {
        const git = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(at, ".git");
        const kind = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(git, { throwIfNoEntry: false });
        if (kind?.isFile() || (kind?.isDirectory() && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(git, "HEAD"))))
            return at;
        const parent = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(at);
        if (parent === at || stops.has(parent))
            return undefined;
        at = parent;
    }
}
function definedEnv(env) {
    return Object.fromEntries(Object.entries(env).filter((e) => e[1] !== undefined));
}
function realpathOr(p) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(p);
    }
    catch {
        return node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(p);
    }
}
function wavesJson(loaded) {
    return {
        name: loaded.plan.name,
        totalWaves: loaded.waves.length,
        waves: loaded.waves.map((stories, i) => ({ wave: i + 1, stories })),
    };
}
/** A plain-text table, one row per story in wave order, and a note for waves larger than a job matrix. */
function wavesTable({ plan, waves }) {
    const byId = new Map();
    for (const s of plan.stories)
        byId.set(s.id, s);
    const header = ["Wave", "Story", "Title", "Depends on", "Tester → Implementer"];
    // Column widths come from lengths alone, then each row is written once: plans can have thousands of stories,
    // and cells kept around until the end would only be copied again and again by the garbage collector.
    const widths = header.map((h) => h.length);
    const widen = (c, length) => {
        if (length > widths[c])
            widths[c] = length;
    };
    waves.forEach((ids, w) => {
        widen(0, String(w + 1).length);
        for (const id of ids) {
            const s = byId.get(id);
            widen(1, id.length);
            widen(2, Math.min((s?.title ?? "").length, TITLE_WIDTH));
            widen(3, dependsOnLength(s?.dependsOn ?? []));
        }
    });
    const [w0, w1, w2, w3] = widths;
    const line = (wave, story, title, depends, agents) => {
        const row = `${wave.padEnd(w0)}  ${story.padEnd(w1)}  ${title.padEnd(w2)}  ${depends.padEnd(w3)}  ${agents}`;
        return row.endsWith(" ") ? row.trimEnd() : row;
    };
    const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;
    const out = [`Plan ${plan.name}: ${count(plan.stories.length, "story", "stories")} in ${count(waves.length, "wave", "waves")}, up to ${plan.maxParallel} at once`, "", line(...header)];
    const big = [];
    let agents = "";
    let agentsOf;
    waves.forEach((ids, w) => {
        const label = String(w + 1);
        for (const id of ids) {
            const s = byId.get(id);
            // Neighbouring stories mostly have the same agents: one string serves them all.
            const same = s && agentsOf && s.tester === agentsOf.tester && s.implementer === agentsOf.implementer;
            if (!same)
                agents = s ? `${s.tester} → ${s.implementer}` : "";
            agentsOf = s;
            out.push(line(label, id, clip(oneLine(s?.title ?? ""), TITLE_WIDTH), dependsOn(s?.dependsOn ?? []), agents));
        }
        if (ids.length > _core_plan_model_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULTS */ .zY.matrixLimit) {
            big.push(`Wave ${w + 1} has ${ids.length} stories: on GitHub it runs as ${Math.ceil(ids.length / _core_plan_model_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULTS */ .zY.matrixLimit)} consecutive matrices of at most ${_core_plan_model_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULTS */ .zY.matrixLimit} jobs.`);
        }
    });
    if (big.length > 0)
        out.push("", ...big);
    out.push("");
    return out.join("\n");
}
/** The "Depends on" cell: up to three ids, then how many more. */
function dependsOn(ids) {
    if (ids.length === 0)
        return "—";
    if (ids.length <= DEPENDS_SHOWN)
        return ids.join(", ");
    return `${ids.slice(0, DEPENDS_SHOWN).join(", ")} (+${ids.length - DEPENDS_SHOWN})`;
}
/** dependsOn(ids).length, without building the string. */
function dependsOnLength(ids) {
    if (ids.length === 0)
        return 1;
    const shown = Math.min(ids.length, DEPENDS_SHOWN);
    let length = 2 * (shown - 1);
    for (let i = 0; i < shown; i++)
        length += ids[i].length;
    return ids.length > DEPENDS_SHOWN ? length + ` (+${ids.length - DEPENDS_SHOWN})`.length : length;
}
/** Titles come from the plan file: control characters (escape sequences) must not reach the terminal. */
function oneLine(text) {
    return CONTROL.test(text) ? text.replace(CONTROL_ALL, " ") : text;
}
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f]/g;
function clip(text, width) {
    return text.length > width ? `${text.slice(0, width - 1)}…` : text;
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


/***/ })

};
;