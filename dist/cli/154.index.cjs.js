"use strict";
exports.id = 154;
exports.ids = [154];
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

/***/ 9154:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   agentsCommand: () => (/* binding */ agentsCommand)
/* harmony export */ });
/* harmony import */ var _core_agents_presets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1214);
/* harmony import */ var _adapters_executables_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6633);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5361);
// `tdd-waves agents [<plan-file>] [--json]`: the agent presets and the command line each runs (issue 13); with a
// plan, its agents and the command line each of them runs. Says which CLIs are not on PATH.



const USAGE = "Usage: tdd-waves agents [<plan-file>] [--json]";
async function agentsCommand(args, io) {
    let flags;
    try {
        flags = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .parseFlags */ .bQ)(args, { json: "boolean" });
        if (flags.positional.length > 1)
            throw new _args_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb("agents takes at most one plan file");
    }
    catch (e) {
        if (!(e instanceof _args_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb))
            throw e;
        io.stderr(`tdd-waves agents: ${e.message}\n${USAGE}\n`);
        return 2;
    }
    const onPath = (exe) => (0,_adapters_executables_js__WEBPACK_IMPORTED_MODULE_1__/* .findExecutable */ .o)(exe, io.env.PATH) !== undefined;
    let rows;
    if (flags.positional[0] === undefined) {
        rows = _core_agents_presets_js__WEBPACK_IMPORTED_MODULE_0__/* .PRESET_NAMES */ .dO.map((name) => {
            const p = _core_agents_presets_js__WEBPACK_IMPORTED_MODULE_0__/* .PRESETS */ .fG[name];
            return { name, executable: p.executable, onPath: onPath(p.executable), command: (0,_core_agents_presets_js__WEBPACK_IMPORTED_MODULE_0__/* .presetCommand */ .ld)(name), reports: p.reports, limits: p.limits, docs: p.docs };
        });
    }
    else {
        const opened = await (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .openPlan */ .uD)(flags.positional[0], io);
        if (typeof opened === "number")
            return opened;
        rows = Object.values(opened.loaded.plan.agents).map((a) => {
            if (!a.preset)
                return { name: a.name, command: a.run };
            const p = _core_agents_presets_js__WEBPACK_IMPORTED_MODULE_0__/* .PRESETS */ .fG[a.preset];
            return { name: a.name, preset: a.preset, executable: p.executable, onPath: onPath(p.executable), command: a.run, reports: p.reports, limits: p.limits };
        });
    }
    if (flags.booleans.has("json")) {
        io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
        return 0;
    }
    const blocks = rows.map((r) => {
        const cli = r.executable === undefined ? "" : ` (${r.executable}: ${r.onPath ? "on PATH" : "not on PATH"})`;
        const lines = [`${r.name}${r.preset ? ` — preset ${r.preset}` : ""}${cli}`, `  $ ${r.command}`];
        if (r.reports)
            lines.push(`  reports: ${r.reports}`);
        if (r.limits)
            lines.push(`  cannot: ${r.limits}`);
        if (r.docs)
            lines.push(`  docs: ${r.docs.join(" ")}`);
        return lines.join("\n");
    });
    io.stdout(`${blocks.join("\n\n")}\n`);
    return 0;
}


/***/ })

};
;