export const id = 167;
export const ids = [167];
export const modules = {

/***/ 167:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   planCommand: () => (/* binding */ planCommand),
/* harmony export */   wavesJson: () => (/* binding */ wavesJson),
/* harmony export */   wavesTable: () => (/* binding */ wavesTable)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _adapters_plan_loader_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7706);
/* harmony import */ var _core_plan_model_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(812);
// `tdd-waves plan <plan-file> [--json]` (SPEC §6): validates a plan and prints its waves, as a table or JSON.






const USAGE = `Usage: tdd-waves plan <plan-file> [--json]

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
        const repoRoot = await repositoryRoot(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(io.cwd, parsed.planFile), io);
        loaded = await (0,_adapters_plan_loader_js__WEBPACK_IMPORTED_MODULE_4__/* .loadPlan */ .Yq)(parsed.planFile, repoRoot, { cwd: io.cwd });
    }
    catch (e) {
        if (!(e instanceof _adapters_plan_loader_js__WEBPACK_IMPORTED_MODULE_4__/* .PlanError */ .W6))
            throw e;
        io.stderr(`${e.message}\n`);
        return 2;
    }
    io.stdout(parsed.json ? `${JSON.stringify(wavesJson(loaded), null, 2)}\n` : wavesTable(loaded));
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
    const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(planFile);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(dir))
        return io.cwd;
    try {
        const { stdout } = await (0,node_util__WEBPACK_IMPORTED_MODULE_3__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)("git", ["rev-parse", "--show-toplevel"], { cwd: dir, env: definedEnv(io.env) });
        const root = stdout.trim();
        return root === "" ? io.cwd : root;
    }
    catch {
        return io.cwd;
    }
}
function definedEnv(env) {
    return Object.fromEntries(Object.entries(env).filter((e) => e[1] !== undefined));
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
    const byId = new Map(plan.stories.map((s) => [s.id, s]));
    const rows = waves.flatMap((ids, w) => ids.map((id) => {
        const s = byId.get(id);
        return [String(w + 1), id, clip(oneLine(s?.title ?? ""), TITLE_WIDTH), dependsOn(s?.dependsOn ?? []), s ? `${s.tester} → ${s.implementer}` : ""];
    }));
    const header = ["Wave", "Story", "Title", "Depends on", "Tester → Implementer"];
    const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
    const line = (cells) => cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join("  ").trimEnd();
    const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;
    const big = waves.flatMap((ids, w) => ids.length > _core_plan_model_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULTS */ .z.matrixLimit
        ? [`Wave ${w + 1} has ${ids.length} stories: on GitHub it runs as ${Math.ceil(ids.length / _core_plan_model_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULTS */ .z.matrixLimit)} consecutive matrices of at most ${_core_plan_model_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULTS */ .z.matrixLimit} jobs.`]
        : []);
    return [
        `Plan ${plan.name}: ${count(plan.stories.length, "story", "stories")} in ${count(waves.length, "wave", "waves")}, up to ${plan.maxParallel} at once`,
        "",
        line(header),
        ...rows.map(line),
        ...(big.length > 0 ? ["", ...big] : []),
        "",
    ].join("\n");
}
function dependsOn(ids) {
    if (ids.length === 0)
        return "—";
    const shown = ids.slice(0, DEPENDS_SHOWN).join(", ");
    return ids.length > DEPENDS_SHOWN ? `${shown} (+${ids.length - DEPENDS_SHOWN})` : shown;
}
/** Titles come from the plan file: control characters (escape sequences) must not reach the terminal. */
function oneLine(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ");
}
function clip(text, width) {
    return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}


/***/ })

};
