"use strict";
exports.id = 228;
exports.ids = [228,167];
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

/***/ 5228:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  planFromCommand: () => (/* binding */ planFromCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/adapters/git.ts
var git = __webpack_require__(6960);
// EXTERNAL MODULE: ./src/adapters/plan-loader.ts + 17 modules
var plan_loader = __webpack_require__(7821);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/core/plan-from/story-front-matter.ts
// A story file's YAML front matter as `tdd-waves plan --from` reads it: the key shapes design tools write
// (`id`/`story_id`, `dependencies`/`depends_on`/`dependsOn`, `test_file`/`testFile`, `epic`/`epic_id`, …)
// mapped to plan keys, each with the line it is on, and what is missing. Pure: text in, entry out.

/** Plan key -> the front-matter keys that mean it, the plan's own spelling first. */
const KEY_ALIASES = {
    id: ["id", "story_id", "storyId"],
    title: ["title"],
    dependsOn: ["dependsOn", "dependencies", "depends_on"],
    testFile: ["testFile", "test_file"],
    tester: ["tester"],
    implementer: ["implementer"],
    epic: ["epic", "epic_id", "epicId"],
};
const REQUIRED = ["id", "title", "testFile", "tester", "implementer"];
const FENCE = /^---[ \t]*\r?$/;
/** Reads the front matter of a story file's text (`---` first line, up to the next `---`). */
function readStoryFrontMatter(file, text) {
    const entry = { file, values: {}, lines: {}, spelled: {}, problems: [], hasFrontMatter: false };
    const lines = text.replace(/^\uFEFF/, "").split("\n");
    if (!FENCE.test(lines[0] ?? ""))
        return withHeadingTitle(entry, lines, 0);
    const end = lines.findIndex((l, i) => i > 0 && (FENCE.test(l) || /^\.\.\.[ \t]*\r?$/.test(l)));
    if (end < 0) {
        entry.problems.push({ line: 1, message: "front matter opened with --- is never closed" });
        return entry;
    }
    entry.hasFrontMatter = true;
    const counter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(lines.slice(1, end).join("\n"), { lineCounter: counter, uniqueKeys: true });
    const lineOf = (offset) => (offset === undefined ? 1 : counter.linePos(offset).line + 1);
    if (doc.errors.length > 0) {
        for (const e of doc.errors)
            entry.problems.push({ line: lineOf(e.pos[0]), message: `front matter is not valid YAML: ${e.message.split("\n")[0]}` });
        return entry;
    }
    if (!(0,dist/* isMap */.jh)(doc.contents)) {
        if (doc.contents !== null)
            entry.problems.push({ line: 2, message: "front matter must be a mapping of keys (id: …, title: …)" });
        return withHeadingTitle(entry, lines, end + 1);
    }
    for (const [planKey, aliases] of Object.entries(KEY_ALIASES)) {
        for (const alias of aliases) {
            const pair = doc.contents.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === alias);
            if (!pair)
                continue;
            const line = lineOf(pair.key.range?.[0]);
            if (entry.spelled[planKey] !== undefined) {
                entry.problems.push({ line, message: `${alias} and ${entry.spelled[planKey]} both give the story's ${planKey}: keep one` });
                continue;
            }
            entry.spelled[planKey] = alias;
            entry.lines[planKey] = line;
            const value = pair.value;
            if (planKey === "dependsOn") {
                if ((0,dist/* isSeq */.oP)(value) && value.items.every((i) => (0,dist/* isScalar */.jn)(i) && (typeof i.value === "string" || typeof i.value === "number"))) {
                    entry.values.dependsOn = value.items.map((i) => String(i.value));
                }
                else if ((0,dist/* isScalar */.jn)(value) && value.value === null)
                    entry.values.dependsOn = [];
                else if ((0,dist/* isScalar */.jn)(value) && typeof value.value === "string")
                    entry.values.dependsOn = value.value.split(",").map((s) => s.trim()).filter(Boolean);
                else
                    entry.problems.push({ line, message: `${alias} must be a list of story ids` });
            }
            else if ((0,dist/* isScalar */.jn)(value) && (typeof value.value === "string" || typeof value.value === "number")) {
                entry.values[planKey] = String(value.value);
            }
            else if (!((0,dist/* isScalar */.jn)(value) && value.value === null)) {
                entry.problems.push({ line, message: `${alias} must be text` });
            }
        }
    }
    return withHeadingTitle(entry, lines, end + 1);
}
/** A story without a `title` key takes its first `# ` heading (without a leading `<id>:`). */
function withHeadingTitle(entry, lines, from) {
    if (entry.values.title !== undefined)
        return entry;
    for (let i = from; i < lines.length; i++) {
        const m = /^#[ \t]+(.+?)[ \t]*\r?$/.exec(lines[i]);
        if (!m)
            continue;
        const id = typeof entry.values.id === "string" ? entry.values.id : undefined;
        const heading = id && m[1].startsWith(`${id}:`) ? m[1].slice(id.length + 1).trim() : m[1];
        if (heading) {
            entry.values.title = heading;
            entry.lines.title = i + 1;
        }
        break;
    }
    return entry;
}
/** The plan keys a story still lacks, each with the front-matter key to add. */
function missingKeys(entry, defaults) {
    const toAdd = { id: "id", title: "title", dependsOn: "dependencies", testFile: "test_file", tester: "tester", implementer: "implementer", epic: "epic" };
    return REQUIRED.filter((k) => entry.values[k] === undefined && !((k === "tester" || k === "implementer") && defaults[k] !== undefined)).map((key) => ({ key, add: toAdd[key] }));
}

;// CONCATENATED MODULE: ./src/core/plan-from/assemble.ts
// Builds plan text from a base plan (name, test command, agents, settings) and story entries read from front
// matter, keeping, for every line of the result, where it came from, so that the plan checks' findings are
// reported in the story file (or the base plan) they concern. Pure.


const q = (s) => JSON.stringify(s);
/**
 * Problems that stop the plan from being built at all: front matter that does not read, and every story
 * missing a required key (all of them together, each with its file and the key to add).
 */
function entryProblems(entries, defaults) {
    const problems = [];
    for (const e of entries) {
        for (const p of e.problems)
            problems.push({ file: e.file, line: p.line, message: p.message });
        if (e.problems.length > 0)
            continue;
        const missing = missingKeys(e, defaults);
        if (missing.length > 0) {
            const where = e.hasFrontMatter ? "to its front matter" : "in front matter (a --- block at the top of the file)";
            problems.push({ file: e.file, line: 1, message: `missing ${missing.map((m) => m.add).join(", ")}: add ${missing.map((m) => `${m.add}: …`).join(", ")} ${where}` });
        }
    }
    return problems;
}
/**
 * The plan: the base plan's text with its `stories:` replaced by one entry per story file (each with its
 * `file:`), in the order given. Lines of the base keep their origin in `baseFile`.
 */
function assemblePlan(baseFile, baseText, entries, defaults) {
    const doc = (0,dist/* parseDocument */.Tp)(baseText);
    let before = baseText;
    let after = "";
    if ((0,dist/* isMap */.jh)(doc.contents) && !baseText.trimStart().startsWith("{")) {
        const pair = doc.contents.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === "stories");
        const start = pair?.key?.range?.[0];
        const end = pair?.value?.range?.[2];
        if (start !== undefined && end !== undefined) {
            // Cut from the start of the `stories:` line to the end of its value's last line.
            const lineStart = baseText.lastIndexOf("\n", start - 1) + 1;
            const lineEnd = baseText.indexOf("\n", end - 1);
            before = baseText.slice(0, lineStart);
            after = lineEnd < 0 ? "" : baseText.slice(lineEnd + 1);
        }
    }
    else if ((0,dist/* isMap */.jh)(doc.contents)) {
        // A JSON base: written again as YAML without its stories (its lines then say little: the base file, line 1).
        const data = doc.toJS();
        delete data.stories;
        before = (0,dist/* stringify */.As)(data);
    }
    const baseLines = (s) => (s === "" ? [] : s.replace(/\n$/, "").split("\n"));
    const head = baseLines(before);
    const tail = baseLines(after);
    const lines = [];
    const origins = [];
    const json = baseText.trimStart().startsWith("{");
    head.forEach((l, i) => {
        lines.push(l);
        origins.push({ file: baseFile, line: json ? 1 : i + 1 });
    });
    lines.push("stories:");
    origins.push({ file: baseFile, line: head.length + 1 });
    if (entries.length === 0) {
        lines[lines.length - 1] = "stories: []";
    }
    for (const e of entries) {
        const at = (key) => ({ file: e.file, line: e.lines[key] ?? 1 });
        const push = (text, origin) => {
            lines.push(text);
            origins.push(origin);
        };
        push(`  - id: ${q(String(e.values.id))}`, at("id"));
        push(`    title: ${q(String(e.values.title))}`, at("title"));
        push(`    file: ${q(e.file)}`, { file: e.file, line: 1 });
        push(`    testFile: ${q(String(e.values.testFile))}`, at("testFile"));
        push(`    tester: ${q(String(e.values.tester ?? defaults.tester))}`, at("tester"));
        push(`    implementer: ${q(String(e.values.implementer ?? defaults.implementer))}`, at("implementer"));
        if (e.values.epic !== undefined)
            push(`    epic: ${q(String(e.values.epic))}`, at("epic"));
        const deps = Array.isArray(e.values.dependsOn) ? e.values.dependsOn : [];
        if (deps.length === 0)
            push("    dependsOn: []", at("dependsOn"));
        else {
            push("    dependsOn:", at("dependsOn"));
            for (const d of deps)
                push(`      - ${q(d)}`, at("dependsOn"));
        }
    }
    const baseCount = baseLines(baseText).length;
    tail.forEach((l, i) => {
        lines.push(l);
        origins.push({ file: baseFile, line: json ? 1 : baseCount - tail.length + i + 1 });
    });
    return { text: `${lines.join("\n")}\n`, origins };
}
/** A finding of the plan checks on the assembled text, moved to the file and line it came from. */
function relocate(issue, plan) {
    const origin = plan.origins[issue.line - 1];
    if (!origin)
        return issue;
    return { ...issue, file: origin.file, line: origin.line, col: 1 };
}

// EXTERNAL MODULE: ./src/core/plan/issue.ts
var issue = __webpack_require__(9308);
// EXTERNAL MODULE: ./src/cli/args.ts + 1 modules
var cli_args = __webpack_require__(5361);
// EXTERNAL MODULE: ./src/cli/plan-command.ts
var plan_command = __webpack_require__(167);
;// CONCATENATED MODULE: ./src/cli/plan-from-command.ts
// `tdd-waves plan --from <dir> [--base PLAN] [--write FILE] [--tester A] [--implementer B] [--json]`: a plan
// built from the YAML front matter of the story files in <dir>, the rest (name, test command, agents) from
// the base plan (default .tdd-waves/plan.yml); checked like any plan, findings located in the story files.









const USAGE = "Usage: tdd-waves plan --from <dir> [--base PLAN] [--write FILE] [--tester AGENT] [--implementer AGENT] [--json]";
const HELP = `Builds a plan from the story files (*.md) in <dir>, from their YAML front matter:
  id | story_id, title (else the first # heading), dependencies | depends_on | dependsOn,
  test_file | testFile, tester, implementer, epic | epic_id.
Everything else (name, test command, agents, settings) comes from the base plan: --base, default
.tdd-waves/plan.yml (its stories: are replaced). Files named README.md or starting with _ or . are skipped.
  --write FILE         write the plan there (only when it is valid); otherwise it is printed
  --tester AGENT       the tester of stories that name none (likewise --implementer)
  --json               print the waves as JSON (as \`plan --json\`) instead of the plan`;
const DEFAULT_BASE = ".tdd-waves/plan.yml";
async function planFromCommand(args, io) {
    let flags;
    try {
        flags = (0,cli_args/* parseFlags */.bQ)(args, { from: "value", base: "value", write: "value", tester: "value", implementer: "value", json: "boolean", help: "boolean" });
        if (flags.booleans.has("help")) {
            io.stdout(`${USAGE}\n\n${HELP}\n`);
            return 0;
        }
        if (flags.positional.length > 0)
            throw new cli_args/* UsageError */.eb(`plan --from takes no plan file (got "${flags.positional.join(" ")}"): the plan is built from the story files`);
    }
    catch (e) {
        if (!(e instanceof cli_args/* UsageError */.eb))
            throw e;
        io.stderr(`tdd-waves plan: ${e.message}\n${USAGE}\n`);
        return 2;
    }
    const fail = (message) => {
        io.stderr(`tdd-waves plan: ${message}\n`);
        return 2;
    };
    const dir = (0,external_node_path_.resolve)(io.cwd, flags.values.from);
    if (!(0,external_node_fs_.existsSync)(dir) || !(0,external_node_fs_.statSync)(dir).isDirectory())
        return fail(`--from ${flags.values.from}: not a directory`);
    let root;
    try {
        root = await new git/* Git */.TU({ cwd: dir }).topLevel();
    }
    catch {
        return fail(`--from ${flags.values.from}: not inside a git repository`);
    }
    const rel = (p) => (0,external_node_path_.relative)(root, p).split(external_node_path_.sep).join("/");
    const basePath = (0,external_node_path_.resolve)(io.cwd, flags.values.base ?? (0,external_node_path_.join)((0,external_node_path_.relative)(io.cwd, root) || ".", DEFAULT_BASE));
    if (!(0,external_node_fs_.existsSync)(basePath)) {
        return fail(`no base plan at ${(0,external_node_path_.relative)(io.cwd, basePath) || basePath}: it gives the plan's name, test command and agents. Run \`tdd-waves init\` or pass --base PLAN`);
    }
    const baseText = (0,external_node_fs_.readFileSync)(basePath, "utf8");
    const baseName = (0,external_node_path_.relative)(io.cwd, basePath) || (0,external_node_path_.basename)(basePath);
    const files = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })
        .filter((d) => d.isFile() && d.name.toLowerCase().endsWith(".md") && d.name.toLowerCase() !== "readme.md" && !/^[_.]/.test(d.name))
        .map((d) => (0,external_node_path_.join)(dir, d.name))
        .sort();
    if (files.length === 0)
        return fail(`--from ${flags.values.from}: no story files (*.md) there`);
    const entries = files.map((f) => readStoryFrontMatter(rel(f), (0,external_node_fs_.readFileSync)(f, "utf8")));
    const defaults = { tester: flags.values.tester, implementer: flags.values.implementer };
    const problems = entryProblems(entries, defaults);
    if (problems.length > 0) {
        io.stderr(`${problems.map((p) => `${p.file}:${p.line}:1: ${p.message}`).join("\n")}\n`);
        io.stderr(`tdd-waves plan: ${problems.length} story file${problems.length === 1 ? "" : "s"} to fix; nothing written\n`);
        return 2;
    }
    const assembled = assemblePlan(baseName, baseText, entries, defaults);
    // Checked exactly as `tdd-waves plan` checks a plan file: written beside the repository root for the
    // loader (plan files must be inside the repository), removed at once.
    const scratch = (0,external_node_path_.join)(root, `.tdd-waves-plan-from-${process.pid}.yml`);
    let loaded;
    try {
        (0,external_node_fs_.writeFileSync)(scratch, assembled.text);
        loaded = await (0,plan_loader/* loadPlan */.Yq)(scratch, root, { cwd: root });
    }
    catch (e) {
        if (!(e instanceof plan_loader/* PlanError */.W6))
            throw e;
        io.stderr(`${e.issues.map((i) => (0,issue/* formatIssue */.Hd)(relocate(i, assembled))).join("\n")}\n`);
        return 2;
    }
    finally {
        (0,external_node_fs_.rmSync)(scratch, { force: true });
    }
    if (flags.values.write !== undefined) {
        const target = (0,external_node_path_.resolve)(io.cwd, flags.values.write);
        if (!(0,external_node_fs_.existsSync)((0,external_node_path_.dirname)(target)))
            return fail(`--write ${flags.values.write}: directory ${(0,external_node_path_.dirname)(flags.values.write)} does not exist`);
        (0,external_node_fs_.writeFileSync)(target, assembled.text);
        io.stderr(`Wrote ${flags.values.write} (${entries.length} stories from ${rel(dir) || "."})\n`);
        io.stdout(flags.booleans.has("json") ? `${JSON.stringify((0,plan_command.wavesJson)(loaded), null, 2)}\n` : (0,plan_command.wavesTable)(loaded));
        return 0;
    }
    io.stdout(flags.booleans.has("json") ? `${JSON.stringify((0,plan_command.wavesJson)(loaded), null, 2)}\n` : assembled.text);
    return 0;
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