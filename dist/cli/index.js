#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 6633:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ findExecutable)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
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

/***/ 4615:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  W6: () => (/* binding */ PlanError),
  Yq: () => (/* binding */ loadPlan)
});

// UNUSED EXPORTS: firstInvalidUtf8

;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/core/plan/acceptance.ts
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const TASK_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+\[[ xX]\](?:\s|$)/;
const ACCEPTANCE = /acceptance criteria/i;
/** True when a task-list item (`- [ ]`, `* [x]`, `1. [X]`, nested too) is under an "Acceptance Criteria" heading. */
function hasAcceptanceCheckbox(markdown) {
    const text = markdown.charCodeAt(0) === 0xfeff ? markdown.slice(1) : markdown;
    // Only a heading naming the criteria opens the section: without those words anywhere, there is none. And
    // when nothing before their first mention can change how the rest reads (front matter, a code fence), the
    // scan can start at that line.
    const mention = text.search(ACCEPTANCE);
    if (mention === -1)
        return false;
    const before = (marker) => {
        const at = text.indexOf(marker);
        return at !== -1 && at < mention;
    };
    const from = text.startsWith("---") || before("```") || before("~~~") ? 0 : Math.max(text.lastIndexOf("\n", mention), text.lastIndexOf("\r", mention)) + 1;
    const rest = from === 0 ? text : text.slice(from);
    const lines = rest.includes("\r") ? rest.split(/\r\n|\r|\n/) : rest.split("\n");
    let fence;
    let acLevel;
    for (let i = from === 0 ? skipFrontMatter(lines) : 0; i < lines.length; i++) {
        const line = lines[i];
        // Fences and headings start within three spaces: other lines skip those patterns.
        const lead = leadingSpaces(line);
        const first = lead <= 3 ? line.charCodeAt(lead) : -1;
        const f = first === 96 || first === 126 ? FENCE.exec(line)?.[1] : undefined;
        if (fence !== undefined) {
            if (f !== undefined && f[0] === fence[0] && f.length >= fence.length)
                fence = undefined;
            continue;
        }
        if (f !== undefined) {
            fence = f;
            continue;
        }
        const h = first === 35 ? HEADING.exec(line) : null;
        if (h) {
            const level = (h[1] ?? "").length;
            if (acLevel !== undefined && level <= acLevel)
                acLevel = undefined;
            if (ACCEPTANCE.test(h[2] ?? ""))
                acLevel = level;
            continue;
        }
        if (acLevel !== undefined && line.includes("[") && TASK_ITEM.test(line))
            return true;
    }
    return false;
}
function leadingSpaces(line) {
    let n = 0;
    while (line.charCodeAt(n) === 32)
        n++;
    return n;
}
/** Index of the first line after YAML front matter (`---` … `---`), 0 when there is none. */
function skipFrontMatter(lines) {
    if (lines[0]?.trimEnd() !== "---")
        return 0;
    for (let i = 1; i < lines.length; i++) {
        const l = lines[i]?.trimEnd();
        if (l === "---" || l === "...")
            return i + 1;
    }
    return 0;
}
/** What is wrong with a story's file given its text (null: missing or not a file), or undefined when nothing is. */
function storyFileProblem(story, content) {
    if (content === undefined || content === null)
        return `story file "${story.file}" is missing`;
    if (hasAcceptanceCheckbox(content))
        return undefined;
    return `story file "${story.file}" has no acceptance-criteria checkbox: add "- [ ] …" items under a "## Acceptance Criteria" heading`;
}
/** Stories whose file (`contents` maps it to its text, or null when missing or not a file) breaks the rule. */
function storyFileProblems(plan, contents) {
    const problems = [];
    for (const story of plan.stories) {
        const message = storyFileProblem(story, contents.get(story.file));
        if (message !== undefined)
            problems.push({ story, message });
    }
    return problems;
}

// EXTERNAL MODULE: ./src/core/plan/fast.ts + 2 modules
var plan_fast = __nccwpck_require__(5690);
// EXTERNAL MODULE: ./src/core/plan/issue.ts
var issue = __nccwpck_require__(9308);
// EXTERNAL MODULE: ./src/core/plan/waves.ts
var waves = __nccwpck_require__(9421);
;// CONCATENATED MODULE: ./src/adapters/plan-loader.ts
// Loads a plan from disk: reads and checks the file's bytes, parses and validates it, reads the story files the
// rules need, and computes the waves. Every bad input becomes one PlanError listing all problems.
// A valid plan takes the fast path (core/plan-fast.ts, core/plan-acceptance.ts), which loads neither the YAML
// library nor zod; only a plan with problems loads core/plan.ts, which locates and words each of them.








/** A plan that cannot be used, with every problem found; the message is all of them, one per line. */
class PlanError extends Error {
    issues;
    constructor(issues) {
        super(issues.map(issue/* formatIssue */.Hd).join("\n"));
        this.name = "PlanError";
        this.issues = issues;
    }
}
/** Plans larger than this are refused before parsing: no real plan comes near it. */
const MAX_PLAN_BYTES = 32 * 1024 * 1024;
/** Story files are read in chunks of this size (one chunk holds nearly every story file). */
const READ_CHUNK = 64 * 1024;
/** A directory is listed (instead of a stat per file) when it holds at least this many story files. */
const LIST_THRESHOLD = 32;
/** Reads, validates and resolves the plan at `planPath` (paths in it are relative to `repoRoot`). */
async function loadPlan(planPath, repoRoot, options = {}) {
    const cwd = options.cwd ?? process.cwd();
    const absolute = external_node_path_default().resolve(cwd, planPath);
    const fail = (message, line = 1, col = 1) => {
        throw new PlanError([{ file: planPath, line, col, path: "", message }]);
    };
    // Plain synchronous calls: a handful of them, and a CLI start-up spared loading the promise API.
    const bytes = readPlanBytes(absolute, fail);
    const text = decodePlanText(bytes, fail);
    const root = attempt(() => external_node_fs_.realpathSync.native(external_node_path_default().resolve(cwd, repoRoot)), () => fail(`repository root "${repoRoot}" does not exist`));
    const relative = external_node_path_default().relative(root, attempt(() => external_node_fs_.realpathSync.native(absolute), () => fail("plan file not found")));
    if (relative === ".." || relative.startsWith(`..${(external_node_path_default()).sep}`) || external_node_path_default().isAbsolute(relative)) {
        fail(`the plan file is outside the repository (${root})`);
    }
    const fast = (0,plan_fast/* parsePlanFast */.R)(text, planPath);
    const plan = fast?.plan ?? (await parseLocated(text, planPath));
    const problems = checkStoryFiles(root, plan);
    if (problems.length > 0) {
        const { locateStoryFileProblems } = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(816), __nccwpck_require__.e(388)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5388));
        throw new PlanError(locateStoryFileProblems(problems, planPath, text));
    }
    let digest;
    return {
        plan,
        waves: fast?.waves ?? (0,waves/* computeWaves */.Ss)(plan),
        path: relative.split((external_node_path_default()).sep).join("/"),
        // Hashed on first use: `tdd-waves plan` never needs it, nor the crypto module's start-up cost.
        get digest() {
            return (digest ??= sha256(bytes));
        },
    };
}
/** "sha256:" + the hex digest of `bytes`; node:crypto is loaded on the first call. */
function sha256(bytes) {
    const { createHash } = (0,external_node_module_namespaceObject.createRequire)(import.meta.url)("node:crypto");
    return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}
/** The full reader: the plan when the fast path merely could not tell, else a PlanError with every problem located. */
async function parseLocated(text, planPath) {
    const { parsePlanFull } = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(816), __nccwpck_require__.e(388)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5388));
    const { plan, errors } = parsePlanFull(text, planPath);
    if (!plan)
        throw new PlanError(errors);
    return plan;
}
function readPlanBytes(file, fail) {
    const failWith = (e) => fail(fileErrorMessage(e));
    const info = attempt(() => (0,external_node_fs_.statSync)(file), failWith);
    if (info.isDirectory())
        fail("is a directory, not a plan file");
    if (!info.isFile())
        fail("is not a regular file");
    if (info.size > MAX_PLAN_BYTES)
        fail(`is too large for a plan file (${info.size} bytes)`);
    return attempt(() => (0,external_node_fs_.readFileSync)(file), failWith);
}
/** `run()`, or what `failed` makes of its error (it throws). */
function attempt(run, failed) {
    try {
        return run();
    }
    catch (e) {
        return failed(e);
    }
}
function fileErrorMessage(e) {
    if (e.code === "ENOENT" || e.code === "ENOTDIR")
        return "plan file not found";
    if (e.code === "EACCES" || e.code === "EPERM")
        return "cannot read the plan file: permission denied";
    if (e.code === "EISDIR")
        return "is a directory, not a plan file";
    return `cannot read the plan file: ${e.message}`;
}
/** The file's text; binary content, invalid UTF-8 and emptiness are refused with where they are. */
function decodePlanText(bytes, fail) {
    const nul = bytes.indexOf(0);
    if (nul !== -1) {
        const at = bytePosition(bytes, nul);
        fail("binary content (a NUL byte): a plan is a YAML or JSON text file", at.line, at.col);
    }
    // isUtf8 is the same strict check, native: the byte-by-byte scan only runs to say where the problem is.
    const invalid = (0,external_node_buffer_namespaceObject.isUtf8)(bytes) ? -1 : firstInvalidUtf8(bytes);
    if (invalid !== -1) {
        const at = bytePosition(bytes, invalid);
        fail(`not UTF-8 text (byte 0x${(bytes[invalid] ?? 0).toString(16).padStart(2, "0")}): save the plan as UTF-8`, at.line, at.col);
    }
    // TextDecoder drops a leading byte-order mark.
    const text = new TextDecoder("utf-8").decode(bytes);
    if (text.trim() === "")
        fail("the plan file is empty");
    return text;
}
function bytePosition(bytes, offset) {
    const before = new TextDecoder("utf-8").decode(bytes.subarray(0, offset));
    const lines = before.split(/\r\n|\r|\n/);
    return { line: lines.length, col: (lines[lines.length - 1] ?? "").length + 1 };
}
/** Offset of the first byte that is not part of well-formed UTF-8 (no overlongs, no surrogates), or -1. */
function firstInvalidUtf8(bytes) {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i] ?? 0;
        const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
        if (len === 0)
            return i;
        if (len > 1) {
            const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
            const second = bytes[i + 1];
            if (second === undefined || second < lo || second > hi)
                return i;
            for (let k = 2; k < len; k++) {
                const c = bytes[i + k];
                if (c === undefined || c < 0x80 || c > 0xbf)
                    return i;
            }
        }
        i += len;
    }
    return -1;
}
/**
 * The story-file rule on disk: each story file is read and checked at once (its text is not kept). Plans can
 * have thousands of story files, so this makes only the system calls each really needs, without the overhead
 * of promises: one listing of a directory holding many story files says which names are regular files, and
 * each of those is opened, read and closed. Other files are checked with a stat first.
 */
function checkStoryFiles(root, plan) {
    const base = root.endsWith((external_node_path_default()).sep) ? root : root + (external_node_path_default()).sep;
    const dirs = storyDirectories(plan);
    const listings = new Map();
    const buffer = Buffer.allocUnsafe(READ_CHUNK);
    const problems = [];
    plan.stories.forEach((story, i) => {
        const { file } = story;
        const dir = dirs.of[i];
        if (!listings.has(dir))
            listings.set(dir, (dirs.count.get(dir) ?? 0) >= LIST_THRESHOLD ? regularFiles(base + dir) : undefined);
        // Anything but a plainly listed regular file (a symlink, a name that differs only in case on a
        // case-insensitive disk, an unlistable directory) is checked the slow way.
        const full = base + file;
        const content = listings.get(dir)?.has(file.slice(dir.length)) ? readRegularFile(full, buffer) : readIfRegularFile(full, buffer);
        const message = storyFileProblem(story, content);
        if (message !== undefined)
            problems.push({ story, message });
    });
    return problems;
}
/** Each story file's directory ("a/b/" for "a/b/c.md", "" at the root), and how many story files each holds. */
function storyDirectories(plan) {
    const of = [];
    const count = new Map();
    let last = "";
    for (const { file } of plan.stories) {
        // Story paths are normalized and inside the repository: plain string work is enough. Most stories share a
        // directory, so the previous one is tried first (and the same string reused).
        const cut = file.lastIndexOf("/") + 1;
        const dir = cut === last.length && file.startsWith(last) ? last : file.slice(0, cut);
        of.push(dir);
        count.set(dir, (count.get(dir) ?? 0) + 1);
        last = dir;
    }
    return { of, count };
}
/** Names of the regular files in `dir` (one directory listing), or undefined when it cannot be listed. */
function regularFiles(dir) {
    try {
        const names = new Set();
        for (const entry of (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true }))
            if (entry.isFile())
                names.add(entry.name);
        return names;
    }
    catch {
        return undefined;
    }
}
/** A regular file's text; null for anything else (missing, a directory, a pipe that would block). */
function readIfRegularFile(file, buffer) {
    try {
        return (0,external_node_fs_.statSync)(file).isFile() ? readRegularFile(file, buffer) : null;
    }
    catch {
        return null;
    }
}
/** A file the directory listing says is regular: its text, or null when it cannot be read after all. */
function readRegularFile(file, buffer) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(file, "r");
    }
    catch {
        return null;
    }
    try {
        let length = (0,external_node_fs_.readSync)(fd, buffer, 0, buffer.length, null);
        // A regular file reads short only at its end: one read is the whole file.
        if (length < buffer.length)
            return buffer.toString("utf8", 0, length);
        const chunks = [Buffer.from(buffer.subarray(0, length))];
        while ((length = (0,external_node_fs_.readSync)(fd, buffer, 0, buffer.length, null)) > 0)
            chunks.push(Buffer.from(buffer.subarray(0, length)));
        return Buffer.concat(chunks).toString("utf8");
    }
    catch {
        return null;
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}


/***/ }),

/***/ 167:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   VV: () => (/* binding */ planCommand),
/* harmony export */   dN: () => (/* binding */ wavesTable),
/* harmony export */   ph: () => (/* binding */ wavesJson)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _adapters_plan_loader_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4615);
/* harmony import */ var _core_plan_model_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(2082);
/* harmony import */ var _preset_check_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(2302);
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
        const { execFile } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1421, 23));
        const { promisify } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7975, 23));
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
        if (ids.length > _core_plan_model_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULTS */ .z.matrixLimit) {
            big.push(`Wave ${w + 1} has ${ids.length} stories: on GitHub it runs as ${Math.ceil(ids.length / _core_plan_model_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULTS */ .z.matrixLimit)} consecutive matrices of at most ${_core_plan_model_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULTS */ .z.matrixLimit} jobs.`);
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
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ missingPresetCLIs)
/* harmony export */ });
/* harmony import */ var _core_agents_presets_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1214);
/* harmony import */ var _adapters_executables_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6633);
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

/***/ 1214:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   dO: () => (/* binding */ PRESET_NAMES),
/* harmony export */   fG: () => (/* binding */ PRESETS),
/* harmony export */   ld: () => (/* binding */ presetCommand)
/* harmony export */ });
/* unused harmony export isPresetName */
/* harmony import */ var _testing_shell_quote_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5199);
// Agent presets: the command line that runs each coding-agent CLI unattended on TDD_WAVES_PROMPT_FILE (edits
// inside the working copy only, no commits of its own, machine-readable output where the CLI has it), as pure
// data. Every flag comes from the CLI's own documentation, cited next to the preset; what a CLI cannot do is
// said in `limits` (and in the README's preset table). The command runs with /bin/sh in the story's working copy.

const PRESET_NAMES = ["claude-code", "codex", "gemini", "aider", "opencode"];
/** The prompt file, left for the shell to expand: tdd-waves sets it for every agent phase. */
const PROMPT_FILE = '"$TDD_WAVES_PROMPT_FILE"';
const modelFlag = (flag, model) => (model === undefined ? "" : ` ${flag} ${(0,_testing_shell_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .shellQuote */ .Z)(model)}`);
// opencode reads extra configuration from OPENCODE_CONFIG_CONTENT (highest precedence): edits allowed, nothing
// outside the working directory, shell commands allowed except commits and pushes (the last matching rule wins).
const OPENCODE_PERMISSIONS = JSON.stringify({
    permission: { edit: "allow", external_directory: "deny", bash: { "*": "allow", "git commit*": "deny", "git push*": "deny" } },
});
const PRESETS = {
    // Claude Code, print mode: https://code.claude.com/docs/en/headless (-p, --output-format json, the prompt on
    // stdin: `echo "…" | claude -p`, the JSON result with total_cost_usd, num_turns, session_id, usage) and
    // https://code.claude.com/docs/en/cli-reference (--permission-mode acceptEdits: file edits approved, nothing
    // else; --disallowedTools "Bash(git commit:*)"; --model). Writes stay in the directory it was started in:
    // https://code.claude.com/docs/en/security ("can only write to the folder where it was started").
    "claude-code": {
        name: "claude-code",
        title: "Claude Code",
        executable: "claude",
        output: "claude-json",
        reports: "model, input/output/cached tokens, cost in USD, turns, session id",
        docs: ["https://code.claude.com/docs/en/headless", "https://code.claude.com/docs/en/cli-reference", "https://code.claude.com/docs/en/security"],
        limits: "shell commands are not approved (acceptEdits): the agent cannot run the tests itself unless `args` allow it (--allowedTools)",
        render: (model, args) => `claude -p --output-format json --permission-mode acceptEdits --disallowedTools 'Bash(git commit:*)' 'Bash(git push:*)'${modelFlag("--model", model)}${args} < ${PROMPT_FILE}`,
    },
    // OpenAI Codex CLI, exec: https://developers.openai.com/codex/noninteractive (codex exec, --json JSONL events:
    // thread.started with thread_id, turn.completed with usage; --sandbox workspace-write allows edits in the
    // workspace) and https://developers.openai.com/codex/cli/reference#codex-exec (PROMPT `-` reads stdin, --model).
    codex: {
        name: "codex",
        title: "OpenAI Codex CLI",
        executable: "codex",
        output: "codex-jsonl",
        reports: "input/output/cached tokens, turns, session (thread) id; no cost, no model (the preset's `model` is recorded)",
        docs: ["https://developers.openai.com/codex/noninteractive", "https://developers.openai.com/codex/cli/reference#codex-exec"],
        limits: "no cost in USD in its output; no flag forbids commits (the sandbox keeps a worktree's git directory read-only, the prompt forbids them)",
        render: (model, args) => `codex exec --json --sandbox workspace-write${modelFlag("--model", model)}${args} - < ${PROMPT_FILE}`,
    },
    // Gemini CLI, headless: https://geminicli.com/docs/cli/headless/ (--output-format json: response,
    // stats.models.<model>.tokens, session_id) and https://geminicli.com/docs/cli/cli-reference/ (-p: the prompt,
    // forces non-interactive mode; --approval-mode auto_edit: edit tools approved, shell commands not; --model).
    gemini: {
        name: "gemini",
        title: "Gemini CLI",
        executable: "gemini",
        output: "gemini-json",
        reports: "model, input/output/cached tokens, session id; no cost, no turns",
        docs: ["https://geminicli.com/docs/cli/headless/", "https://geminicli.com/docs/cli/cli-reference/"],
        limits: "no cost in USD and no turns in its output; shell commands are not approved (auto_edit), so it cannot run the tests itself; the prompt goes on the command line",
        render: (model, args) => `gemini --output-format json --approval-mode auto_edit${modelFlag("--model", model)}${args} -p "$(cat ${PROMPT_FILE})"`,
    },
    // Aider, scripting: https://aider.chat/docs/scripting.html (--message-file: do one thing and exit, --yes-always)
    // and https://aider.chat/docs/config/options.html (--no-auto-commits, --no-dirty-commits, --no-gitignore,
    // --chat-history-file, --input-history-file, --no-suggest-shell-commands, --no-check-update, --no-pretty, --model).
    // The history files go beside the prompt file, outside the working copy.
    aider: {
        name: "aider",
        title: "Aider",
        executable: "aider",
        reports: "nothing machine-readable",
        docs: ["https://aider.chat/docs/scripting.html", "https://aider.chat/docs/config/options.html"],
        limits: "no machine-readable output: usage and cost stay unknown unless the agent writes TDD_WAVES_USAGE_FILE; its repo-map cache (.aider.tags.cache.*) lands in the working copy: list `.aider*` in .gitignore",
        render: (model, args) => `aider --message-file ${PROMPT_FILE} --yes-always --no-auto-commits --no-dirty-commits --no-gitignore --no-suggest-shell-commands --no-check-update --no-pretty` +
            ` --chat-history-file "$TDD_WAVES_PROMPT_FILE.chat.md" --input-history-file "$TDD_WAVES_PROMPT_FILE.input"${modelFlag("--model", model)}${args}`,
    },
    // opencode, run: https://opencode.ai/docs/cli/#run (opencode run [message], --format json: JSON events with
    // sessionID, step_finish parts with tokens and cost; --model provider/model), https://opencode.ai/docs/permissions/
    // (edit, bash and external_directory rules) and https://opencode.ai/docs/config/ (OPENCODE_CONFIG_CONTENT).
    opencode: {
        name: "opencode",
        title: "opencode",
        executable: "opencode",
        output: "opencode-jsonl",
        reports: "input/output/cached tokens, cost in USD, steps (as turns), session id; no model (the preset's `model` is recorded)",
        docs: ["https://opencode.ai/docs/cli/#run", "https://opencode.ai/docs/permissions/", "https://opencode.ai/docs/config/"],
        limits: "the prompt goes on the command line (run takes a message, not a prompt file)",
        render: (model, args) => `OPENCODE_CONFIG_CONTENT=${(0,_testing_shell_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .shellQuote */ .Z)(OPENCODE_PERMISSIONS)} opencode run --format json${modelFlag("--model", model)}${args} "$(cat ${PROMPT_FILE})"`,
    },
};
function isPresetName(name) {
    return PRESET_NAMES.includes(name);
}
/** The shell command a preset runs, with its `model` and extra `args` (each one shell word). */
function presetCommand(name, options = {}) {
    const args = (options.args ?? []).map((a) => ` ${(0,_testing_shell_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .shellQuote */ .Z)(a)}`).join("");
    return PRESETS[name].render(options.model, args);
}


/***/ }),

/***/ 1103:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gg: () => (/* binding */ buildPlan),
/* harmony export */   qS: () => (/* binding */ buildStory),
/* harmony export */   u4: () => (/* binding */ storiesDirOf)
/* harmony export */ });
/* unused harmony export defaultEpic */
/* harmony import */ var _agents_presets_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1214);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2082);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8219);
/* harmony import */ var _patterns_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(1236);
// A plan file that passed every check, with the defaults of SPEC §1 applied: the Plan the rest of tdd-waves
// works with. Shared by the full reader (plan.ts) and the fast path for valid plans (plan-fast.ts).




/** The stories directory a plan file names, in normal form. */
function storiesDirOf(file) {
    return file.storiesDir === undefined ? _model_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULTS */ .z.storiesDir : (0,_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeRepoPath */ .NP)(file.storiesDir);
}
/** One story of a plan file that passed every check, with its defaults applied. */
function buildStory(s, index, storiesDir) {
    return {
        id: s.id,
        title: s.title.trim(),
        epic: s.epic ?? defaultEpic(s.id),
        file: s.file === undefined ? (0,_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .inDirectory */ .zX)(storiesDir, `${s.id}.md`) : (0,_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeRepoPath */ .NP)(s.file),
        testFile: (0,_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeRepoPath */ .NP)(s.testFile),
        tester: s.tester,
        implementer: s.implementer,
        // The parsed file is not used after this: its list can be the story's own.
        dependsOn: s.dependsOn ?? [],
        index,
    };
}
/** Applies the defaults of SPEC §1 to a plan file that passed every check (`stories`: already built). */
function buildPlan(file, built) {
    const storiesDir = storiesDirOf(file);
    const stories = built ?? file.stories.map((s, index) => buildStory(s, index, storiesDir));
    const agents = Object.fromEntries(Object.entries(file.agents).map(([name, a]) => [name, buildAgent(name, a)]));
    const plan = {
        name: file.name,
        maxParallel: file.maxParallel ?? _model_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULTS */ .z.maxParallel,
        storiesDir,
        test: {
            command: file.test.command,
            ...(file.test.junit === undefined ? {} : { junit: (0,_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeRepoPath */ .NP)(file.test.junit) }),
            timeoutMs: durationOr(file.test.timeout, _model_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULTS */ .z.testTimeoutMs),
        },
        prompts: {
            ...(file.prompts?.tester === undefined ? {} : { tester: (0,_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeRepoPath */ .NP)(file.prompts.tester) }),
            ...(file.prompts?.implementation === undefined ? {} : { implementation: (0,_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeRepoPath */ .NP)(file.prompts.implementation) }),
        },
        tdd: { requireRed: file.tdd?.requireRed ?? _model_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULTS */ .z.requireRed, lockTests: file.tdd?.lockTests ?? _model_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULTS */ .z.lockTests },
        agents,
        stories,
    };
    if (file.waves)
        plan.waves = file.waves.map((w) => [...w]);
    if (file.budget)
        plan.budget = { ...file.budget };
    return plan;
}
/** An agent with its command: its own `run`, or its preset's command line with `model` and `args`. */
function buildAgent(name, a) {
    const agent = { name, run: a.run ?? "", timeoutMs: durationOr(a.timeout, _model_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULTS */ .z.agentTimeoutMs), env: { ...(a.env ?? {}) } };
    if (a.preset === undefined)
        return agent;
    const args = a.args ?? [];
    return { ...agent, run: (0,_agents_presets_js__WEBPACK_IMPORTED_MODULE_0__/* .presetCommand */ .ld)(a.preset, { model: a.model, args }), preset: a.preset, ...(a.model === undefined ? {} : { model: a.model }), args: [...args] };
}
/** `msm-auth-001` -> `msm-auth`; an id without "-" is its own epic. */
function defaultEpic(id) {
    const cut = id.lastIndexOf("-");
    return cut > 0 ? id.slice(0, cut) : id;
}
function durationOr(text, fallback) {
    return text === undefined ? fallback : ((0,_patterns_js__WEBPACK_IMPORTED_MODULE_3__/* .parseDuration */ .E9)(text) ?? fallback);
}


/***/ }),

/***/ 4261:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  q: () => (/* binding */ readPlanData)
});

// EXTERNAL MODULE: ./src/core/plan/json-syntax.ts
var json_syntax = __nccwpck_require__(5573);
// EXTERNAL MODULE: ./src/core/plan/issue.ts
var issue = __nccwpck_require__(9308);
;// CONCATENATED MODULE: ./src/core/plan/yaml-subset.ts
// A fast reader for the YAML plan files are written in: block mappings and sequences, one-line plain or quoted
// scalars and keys, one-line flow lists and mappings, comments. It returns exactly the data the full YAML library
// (plan-source.ts) would, or nothing at all when the text uses anything else — anchors, tags, block or
// multi-line scalars, escapes, unusual indentation, duplicate keys, any syntax error — and the caller then
// falls back to the full library, which also locates every error. Large valid plans so parse in milliseconds.
/** Thrown (and caught in parseYamlSubset) when the text leaves the subset. */
const OUTSIDE = Symbol("outside the YAML subset");
/** Tabs, control characters, non-ASCII line breaks, a BOM inside the text, a CR that is not part of CRLF. */
// eslint-disable-next-line no-control-regex
const UNSUPPORTED_CHARS = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]|\r(?!\n)/;
/** A plain scalar inside a flow collection: ids, paths, words, numbers (no indicators at all). */
const FLOW_PLAIN = /[A-Za-z0-9_./~$][A-Za-z0-9_./~$ +()-]*/y;
/** Characters a block plain scalar may not start with here (YAML indicators; "-", "?" and ":" to be safe). */
const PLAIN_BAD_START = new Uint8Array(128);
for (const c of "-?:,[]{}#&*!|>'\"%@`")
    PLAIN_BAD_START[c.charCodeAt(0)] = 1;
const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
/** Keys longer than this are left to the full library (YAML limits implicit keys to 1024 characters). */
const MAX_KEY = 128;
// YAML 1.2 core schema, as the yaml library resolves plain scalars (first match wins).
const WORDS = new Map([
    ["~", null],
    ["null", null],
    ["Null", null],
    ["NULL", null],
    ["true", true],
    ["True", true],
    ["TRUE", true],
    ["false", false],
    ["False", false],
    ["FALSE", false],
]);
const INT_RE = /^[-+]?[0-9]+$/;
/** Octal, hexadecimal, infinities, NaN and floats: rare in plans, left to the full library. */
const OTHER_NUMBER_RE = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
/** The data of a YAML text in the subset (BOM already removed), or undefined when it is not in it. */
function parseYamlSubset(text) {
    if (UNSUPPORTED_CHARS.test(text))
        return undefined;
    try {
        return { data: new SubsetParser(text).document() };
    }
    catch (e) {
        // RangeError: nesting deep enough to exhaust the stack is for the full library to report.
        if (e === OUTSIDE || e instanceof RangeError)
            return undefined;
        throw e;
    }
}
function outside() {
    throw OUTSIDE;
}
/**
 * Recursive descent over the lines that carry data (blank and comment lines carry none). A line is its
 * indentation and the offsets of its content in the text, so nothing is copied but the values themselves.
 */
class SubsetParser {
    text;
    // Per line with content: its indentation and the offsets where its content starts and ends. Typed arrays,
    // sized once: they hold no objects, so the garbage collector has nothing to copy in them.
    indents;
    starts;
    ends;
    count;
    at = 0;
    /** Keys met so far, by length: the same few keys repeat on every story, and reusing them spares a string each time. */
    keys = [];
    knownKeys = 0;
    /** Next offset of " #" and of ": " at or after some earlier offset (-1: none, -2: not searched yet). */
    nextComment = -2;
    nextColon = -2;
    /** End of the value just read by quoted(), flowCollection() or flowScalar(). */
    after = 0;
    /** keyEnd(start) memoized for the last start asked about. */
    keyEndFor = -1;
    keyEndWas = -1;
    constructor(text) {
        this.text = text;
        let lines = 1;
        for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1))
            lines++;
        this.indents = new Int32Array(lines);
        this.starts = new Int32Array(lines);
        this.ends = new Int32Array(lines);
        let count = 0;
        for (let start = 0; start <= text.length;) {
            let end = text.indexOf("\n", start);
            if (end === -1)
                end = text.length;
            const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
            let content = start;
            while (content < stop && text.charCodeAt(content) === SPACE)
                content++;
            if (content < stop && text.charCodeAt(content) !== HASH) {
                // "---", "..." and "%" directives: several documents and directives are not in the subset.
                if (content === start && (text.startsWith("---", start) || text.startsWith("...", start) || text.charCodeAt(start) === 37))
                    outside();
                this.indents[count] = content - start;
                this.starts[count] = content;
                this.ends[count] = stop;
                count++;
            }
            start = end + 1;
        }
        this.count = count;
    }
    document() {
        if (this.count === 0 || this.indents[0] !== 0)
            outside();
        const value = this.blockMap(0);
        if (this.at < this.count)
            outside();
        return value;
    }
    blockMap(indent) {
        const map = {};
        const { text } = this;
        while (this.at < this.count) {
            const lineIndent = this.indents[this.at];
            if (lineIndent < indent)
                break;
            if (lineIndent > indent)
                outside();
            const start = this.starts[this.at];
            const end = this.ends[this.at];
            const afterKey = this.keyEnd(start, end);
            if (afterKey < 0)
                outside();
            const key = this.key(start, afterKey - 1, map);
            const rest = skipSpaces(text, afterKey);
            this.at++;
            map[key] = rest === end || text.charCodeAt(rest) === HASH ? this.nestedValue(indent) : this.inlineValue(rest, end);
        }
        return map;
    }
    /**
     * The value of `key:` with nothing after it: a more indented block or one-line value, a sequence at the
     * key's own indentation, or null.
     */
    nestedValue(indent) {
        if (this.at >= this.count)
            return null;
        const next = this.indents[this.at];
        if (next < indent)
            return null;
        const seq = this.isSeqItem(this.at);
        if (next === indent)
            return seq ? this.blockSeq(indent) : null;
        if (seq)
            return this.blockSeq(next);
        const start = this.starts[this.at];
        const end = this.ends[this.at];
        if (this.keyEnd(start, end) >= 0)
            return this.blockMap(next);
        // A value on a line of its own ("dependsOn:\n  []"); a following line indented further would continue it.
        this.at++;
        const value = this.inlineValue(start, end);
        if (this.at < this.count && this.indents[this.at] > indent)
            outside();
        return value;
    }
    isSeqItem(line) {
        const start = this.starts[line];
        return this.text.charCodeAt(start) === DASH && (start + 1 === this.ends[line] || this.text.charCodeAt(start + 1) === SPACE);
    }
    blockSeq(indent) {
        const seq = [];
        const { text } = this;
        while (this.at < this.count) {
            const lineIndent = this.indents[this.at];
            if (lineIndent < indent)
                break;
            if (lineIndent > indent)
                outside();
            if (!this.isSeqItem(this.at))
                break;
            const start = this.starts[this.at];
            const end = this.ends[this.at];
            const rest = skipSpaces(text, start + 1);
            if (rest === end || text.charCodeAt(rest) === HASH)
                outside();
            this.starts[this.at] = rest;
            const nested = this.isSeqItem(this.at);
            if (nested || this.keyEnd(rest, end) >= 0) {
                // A sequence ("- - a") or mapping ("- id: a") that starts on the item's line: its further items or
                // keys line up with the first one.
                const column = indent + rest - start;
                this.indents[this.at] = column;
                seq.push(nested ? this.blockSeq(column) : this.blockMap(column));
            }
            else {
                this.at++;
                seq.push(this.inlineValue(rest, end));
            }
        }
        return seq;
    }
    /** After a key at `start` — a plain word or a one-line quoted string — and its ":" (followed by a space or the line's end): the offset after the ":", else -1. */
    keyEnd(start, end) {
        // The same line is often asked twice (is this item a mapping? then its first key).
        if (start === this.keyEndFor)
            return this.keyEndWas;
        this.keyEndFor = start;
        return (this.keyEndWas = this.findKeyEnd(start, end));
    }
    findKeyEnd(start, end) {
        const { text } = this;
        const c = text.charCodeAt(start);
        if (c !== 34 && c !== 39)
            return plainKeyEnd(text, start, end);
        let close = text.indexOf(c === 34 ? '"' : "'", start + 1);
        // '' inside a single-quoted key is an escaped quote.
        while (c === 39 && close !== -1 && close < end && text.charCodeAt(close + 1) === 39)
            close = text.indexOf("'", close + 2);
        if (close === -1 || close >= end || text.charCodeAt(close + 1) !== COLON)
            return -1;
        const after = close + 2;
        return after === end || text.charCodeAt(after) === SPACE ? after : -1;
    }
    /** The key written at text[start, colon) of `map`, checked: a string, not already in the mapping. */
    key(start, colon, map) {
        const { text, keys } = this;
        const c = text.charCodeAt(start);
        let key;
        if (c === 34 || c === 39)
            key = this.quoted(start, colon);
        else {
            const sameLength = keys[colon - start];
            if (sameLength) {
                for (const known of sameLength) {
                    if (text.startsWith(known, start)) {
                        key = known;
                        break;
                    }
                }
            }
            if (key === undefined) {
                key = text.slice(start, colon);
                if (typeof resolvePlain(key) !== "string")
                    outside();
                if (this.knownKeys++ < 64)
                    (keys[key.length] ??= []).push(key);
            }
        }
        if (key === "__proto__" || Object.hasOwn(map, key))
            outside();
        return key;
    }
    /**
     * Offset of the next " #" (or ": ") at or after `from`, or -1. The parser only moves forward, so a search
     * resumes where the last one ended: an occurrence before `from` is stale, and none means none after it.
     */
    nextCommentAt(from) {
        if (this.nextComment === -2 || (this.nextComment !== -1 && this.nextComment < from))
            this.nextComment = this.text.indexOf(" #", from);
        return this.nextComment;
    }
    nextColonAt(from) {
        if (this.nextColon === -2 || (this.nextColon !== -1 && this.nextColon < from))
            this.nextColon = this.text.indexOf(": ", from);
        return this.nextColon;
    }
    /** A value written after `key: ` or `- `, from `start` to the line's `end`. */
    inlineValue(start, end) {
        const { text } = this;
        const c = text.charCodeAt(start);
        if (c === 34 || c === 39 || c === 91 || c === 123) {
            const value = c === 91 || c === 123 ? this.flowCollection(start, end) : this.quoted(start, end);
            const rest = skipSpaces(text, this.after);
            if (rest !== end && !(rest > this.after && text.charCodeAt(rest) === HASH))
                outside();
            return value;
        }
        if (PLAIN_BAD_START[c] === 1)
            outside();
        // The scalar ends at a comment (" #"); ": " inside it would start a nested mapping.
        const comment = this.nextCommentAt(start);
        let stop = comment === -1 || comment > end ? end : comment;
        while (text.charCodeAt(stop - 1) === SPACE)
            stop--;
        const colon = this.nextColonAt(start);
        if ((colon !== -1 && colon < stop) || text.charCodeAt(stop - 1) === COLON)
            outside();
        return resolvePlain(text.slice(start, stop));
    }
    /** A one-line quoted scalar starting at `at`. */
    quoted(at, end) {
        const { text } = this;
        if (text.charCodeAt(at) === 34) {
            const close = text.indexOf('"', at + 1);
            if (close === -1 || close >= end)
                outside();
            const body = text.slice(at + 1, close);
            if (body.includes("\\"))
                outside();
            this.after = close + 1;
            return body;
        }
        let out = "";
        for (let from = at + 1;;) {
            const close = text.indexOf("'", from);
            if (close === -1 || close >= end)
                outside();
            if (text.charCodeAt(close + 1) !== 39) {
                this.after = close + 1;
                return out + text.slice(from, close);
            }
            out += text.slice(from, close + 1);
            from = close + 2;
        }
    }
    /** A one-line flow list or mapping (of scalars and flow collections) starting at `at`. */
    flowCollection(at, end) {
        const { text } = this;
        const isMap = text.charCodeAt(at) === 123;
        const close = isMap ? 125 : 93;
        const seq = [];
        const map = {};
        let i = skipSpaces(text, at + 1);
        for (let first = true;; first = false) {
            if (text.charCodeAt(i) === close) {
                // "[a, ]" (a trailing comma) is left to the full library.
                if (!first)
                    outside();
                break;
            }
            let key = "";
            if (isMap) {
                const afterKey = this.keyEnd(i, end);
                if (afterKey < 0 || afterKey === end)
                    outside();
                key = this.key(i, afterKey - 1, map);
                i = skipSpaces(text, afterKey);
            }
            const item = text.charCodeAt(i);
            const value = item === 91 || item === 123 ? this.flowCollection(i, end) : this.flowScalar(i, end);
            if (isMap)
                map[key] = value;
            else
                seq.push(value);
            i = skipSpaces(text, this.after);
            if (text.charCodeAt(i) === close)
                break;
            if (text.charCodeAt(i) !== 44)
                outside();
            i = skipSpaces(text, i + 1);
        }
        this.after = i + 1;
        return isMap ? map : seq;
    }
    flowScalar(at, end) {
        const { text } = this;
        const c = text.charCodeAt(at);
        if (c === 34 || c === 39)
            return this.quoted(at, end);
        FLOW_PLAIN.lastIndex = at;
        if (!FLOW_PLAIN.test(text))
            outside();
        let stop = FLOW_PLAIN.lastIndex;
        while (text.charCodeAt(stop - 1) === SPACE)
            stop--;
        this.after = stop;
        return resolvePlain(text.slice(at, stop));
    }
}
/** A plain key and its ":" (keys are plain words: letters, digits, "_", and after the first character "." and "-"). */
const PLAIN_KEY = /[A-Za-z0-9_][A-Za-z0-9_.-]*:/y;
/** After a plain `key:` at `start` (followed by a space or the line's end): the offset after the ":", else -1. */
function plainKeyEnd(text, start, end) {
    PLAIN_KEY.lastIndex = start;
    if (!PLAIN_KEY.test(text))
        return -1;
    const after = PLAIN_KEY.lastIndex;
    if (after - start > MAX_KEY + 1)
        return -1;
    return after === end || text.charCodeAt(after) === SPACE ? after : -1;
}
function skipSpaces(text, at) {
    while (text.charCodeAt(at) === SPACE)
        at++;
    return at;
}
/** A plain scalar's value under the YAML 1.2 core schema. */
function resolvePlain(raw) {
    const c = raw.charCodeAt(0);
    // Only short words can be null or booleans, and numbers start with a digit, a sign or a dot.
    if (raw.length <= 5) {
        const word = WORDS.get(raw);
        if (word !== undefined)
            return word;
    }
    if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
        if (INT_RE.test(raw))
            return parseInt(raw, 10);
        if (OTHER_NUMBER_RE.test(raw))
            outside();
    }
    return raw;
}

;// CONCATENATED MODULE: ./src/core/plan/data.ts
// A plan file's data by the cheapest route that is still exact: JSON.parse (plus the duplicate-key check
// JSON.parse skips) for JSON, the YAML subset reader (plan-yaml-subset.ts) for YAML. Nothing when the text
// has a syntax error or leaves the subset: then plan-source.ts reads it with the full YAML library and
// locates every problem.



/** The data of a syntactically valid plan text, or undefined when only the full reader can tell. */
function readPlanData(text, fileName) {
    const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
    const format = (0,issue/* planFormat */.Tz)(fileName);
    if (format === "yaml")
        return parseYamlSubset(body);
    if (format === "json")
        return readJsonData(body);
    return undefined;
}
function readJsonData(body) {
    let data;
    try {
        data = JSON.parse(body);
    }
    catch {
        return undefined;
    }
    return (0,json_syntax/* findDuplicateJsonKey */.I)(body) === -1 ? { data } : undefined;
}


/***/ }),

/***/ 9808:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ didYouMean)
/* harmony export */ });
/* unused harmony export closest */
// "Did you mean …?" for names a user probably mistyped (keys, story ids, agent names).
/** The closest candidate within a small edit distance, or undefined when nothing is close. */
function closest(word, candidates) {
    const limit = Math.min(3, Math.floor(word.length / 3));
    if (limit === 0)
        return undefined;
    let best;
    let bestDistance = limit + 1;
    for (const c of candidates) {
        if (Math.abs(c.length - word.length) > limit || sameButNumber(word, c))
            continue;
        const d = editDistance(word.toLowerCase(), c.toLowerCase());
        if (d < bestDistance) {
            best = c;
            bestDistance = d;
        }
    }
    return best;
}
/** ` (did you mean "x"?)`, or "" when nothing is close. */
function didYouMean(word, candidates) {
    const c = closest(word, candidates);
    return c === undefined || c === word ? "" : ` (did you mean "${c}"?)`;
}
/** "msm-auth-009" is not a typo of "msm-auth-001": a different number of the same length is another name. */
function sameButNumber(a, b) {
    return a.length === b.length && a.replace(/\d/g, "") === b.replace(/\d/g, "");
}
function editDistance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
        }
        prev = cur;
    }
    return prev[b.length] ?? 0;
}


/***/ }),

/***/ 5690:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  R: () => (/* binding */ parsePlanFast)
});

// EXTERNAL MODULE: ./src/core/plan/build.ts
var build = __nccwpck_require__(1103);
// EXTERNAL MODULE: ./src/core/plan/data.ts + 1 modules
var data = __nccwpck_require__(4261);
// EXTERNAL MODULE: ./src/core/plan/paths.ts
var paths = __nccwpck_require__(8219);
// EXTERNAL MODULE: ./src/core/plan/patterns.ts
var patterns = __nccwpck_require__(1236);
;// CONCATENATED MODULE: ./src/core/plan/shape.ts
// A zod-free check that parsed plan data fits the plan schema (plan-schema.ts) exactly: when it says yes, the
// schema accepts the data and returns it unchanged, so a valid plan needs neither zod nor its start-up cost.
// When it says no, the schema runs and words every problem. It only ever errs towards "no".

const ROOT_KEYS = new Set(["name", "maxParallel", "storiesDir", "test", "prompts", "tdd", "agents", "stories", "waves"]);
const TEST_KEYS = new Set(["command", "junit", "timeout"]);
const PROMPT_KEYS = new Set(["tester", "implementation"]);
const TDD_KEYS = new Set(["requireRed", "lockTests"]);
const AGENT_KEYS = new Set(["run", "timeout", "env"]);
const STORY_KEYS = new Set(["id", "title", "epic", "file", "testFile", "tester", "implementer", "dependsOn"]);
/** True when `data` is a plan file the schema accepts as it is. */
function fitsPlanSchema(data) {
    return fitsPlanRoot(data) && data.stories.every(fitsStory);
}
/** fitsPlanSchema except for the stories themselves (`stories` must still be a non-empty list). */
function fitsPlanRoot(data) {
    if (!fields(data, ROOT_KEYS))
        return false;
    return (matches(data.name, patterns/* PLAN_NAME_RE */.eC) &&
        (data.maxParallel === undefined || (Number.isInteger(data.maxParallel) && data.maxParallel >= 1 && data.maxParallel <= 10)) &&
        optional(data.storiesDir, nonEmpty) &&
        fitsTest(data.test) &&
        optional(data.prompts, (p) => fields(p, PROMPT_KEYS) && optional(p.tester, nonEmpty) && optional(p.implementation, nonEmpty)) &&
        optional(data.tdd, (t) => fields(t, TDD_KEYS) && optional(t.requireRed, isBoolean) && optional(t.lockTests, isBoolean)) &&
        fitsAgents(data.agents) &&
        Array.isArray(data.stories) &&
        data.stories.length > 0 &&
        optional(data.waves, fitsWaves));
}
/** A plain mapping whose keys are all in `known`. */
function fields(v, known) {
    if (typeof v !== "object" || v === null || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype)
        return false;
    for (const key in v)
        if (!known.has(key))
            return false;
    return true;
}
const optional = (v, check) => v === undefined || check(v);
const matches = (v, re) => typeof v === "string" && re.test(v);
const nonEmpty = (v) => typeof v === "string" && v.length > 0;
const isBoolean = (v) => typeof v === "boolean";
const isDuration = (v) => matches(v, patterns/* DURATION_RE */.Zf);
function fitsTest(v) {
    return fields(v, TEST_KEYS) && matches(v.command, patterns/* TEST_FILE_PLACEHOLDER_RE */.Ew) && optional(v.junit, nonEmpty) && optional(v.timeout, isDuration);
}
function fitsAgents(v) {
    if (typeof v !== "object" || v === null || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype)
        return false;
    for (const name in v) {
        const agent = v[name];
        if (!patterns/* AGENT_NAME_RE */.U$.test(name) || !fields(agent, AGENT_KEYS))
            return false;
        if (!matches(agent.run, patterns/* NON_BLANK_RE */.ZT) || !optional(agent.timeout, isDuration) || !optional(agent.env, fitsEnv))
            return false;
    }
    return true;
}
function fitsEnv(v) {
    if (typeof v !== "object" || v === null || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype)
        return false;
    for (const name in v)
        if (!patterns/* ENV_NAME_RE */.mb.test(name) || typeof v[name] !== "string")
            return false;
    return true;
}
/** True when one entry of `stories` fits the schema's story. */
function fitsStory(s) {
    return (fields(s, STORY_KEYS) &&
        matches(s.id, patterns/* STORY_ID_RE */.QC) &&
        matches(s.title, patterns/* TITLE_RE */.jM) &&
        (s.epic === undefined || matches(s.epic, patterns/* STORY_ID_RE */.QC)) &&
        optional(s.file, nonEmpty) &&
        nonEmpty(s.testFile) &&
        nonEmpty(s.tester) &&
        nonEmpty(s.implementer) &&
        (s.dependsOn === undefined || isStringList(s.dependsOn, 0)));
}
function fitsWaves(v) {
    if (!Array.isArray(v) || v.length === 0)
        return false;
    for (const wave of v)
        if (!isStringList(wave, 1))
            return false;
    return true;
}
function isStringList(v, minLength) {
    if (!Array.isArray(v) || v.length < minLength)
        return false;
    for (const item of v)
        if (typeof item !== "string")
            return false;
    return true;
}

;// CONCATENATED MODULE: ./src/core/plan/fast-stories.ts
// The stories of a plan in the common case, checked, resolved and put in waves in one pass: each fits the
// schema, ids are unique, agents are known, the test file is a plain path, there is no `file` key, and every
// dependency is a distinct story written earlier in the plan (so there is no cycle, and a story's wave is 1 + the
// highest wave of its dependencies, known by the time it is read). That is exactly what the schema, the plan
// rules and computeWaves would conclude for such stories; anything else returns undefined and takes that
// general route (plan-fast.ts). Thousands of stories so cost one loop instead of five.



/** The common case of `list` (a plan's `stories`), or undefined when it is not that case. */
function storiesInPlanOrder(list, agents, storiesDir) {
    const index = new Map();
    const waveOf = new Int32Array(list.length);
    const stories = [];
    const waves = [];
    for (let i = 0; i < list.length; i++) {
        const s = list[i];
        if (!fitsStory(s) || s.file !== undefined || index.has(s.id))
            return undefined;
        if (!agents.has(s.tester) || !agents.has(s.implementer) || (0,paths/* repoPathProblem */.Js)(s.testFile) !== undefined)
            return undefined;
        const deps = s.dependsOn ?? [];
        let wave = 1;
        for (let k = 0; k < deps.length; k++) {
            const d = deps[k];
            const j = index.get(d);
            // Unknown, later, itself, or listed twice: the rules have something to say.
            if (j === undefined || deps.indexOf(d) < k)
                return undefined;
            if (waveOf[j] >= wave)
                wave = waveOf[j] + 1;
        }
        index.set(s.id, i);
        waveOf[i] = wave;
        stories.push((0,build/* buildStory */.qS)(s, i, storiesDir));
        (waves[wave - 1] ??= []).push(s.id);
    }
    return { stories, waves };
}

// EXTERNAL MODULE: ./src/core/plan/rules.ts
var rules = __nccwpck_require__(9320);
// EXTERNAL MODULE: ./src/core/plan/waves.ts
var waves = __nccwpck_require__(9421);
;// CONCATENATED MODULE: ./src/core/plan/fast.ts
// The fast path for a valid plan: the cheapest exact parser (plan-data.ts), the zod-free schema check
// (plan-shape.ts) and the plan rules (plan-rules.ts) — for the stories, in the common case, all in one pass
// (plan-fast-stories.ts). It neither locates nor words problems — it only says "valid, here is the plan" or
// "not sure": then plan.ts reads the file with the full YAML library and zod and reports every problem,
// located. None of this module's imports load yaml or zod, so a valid plan, however large, costs
// milliseconds and a small CLI start-up.






/** The plan when the text is certainly a valid plan file; undefined when it is not, or when only the full reader can tell. */
function parsePlanFast(text, fileName) {
    try {
        const read = (0,data/* readPlanData */.q)(text, fileName);
        if (!read)
            return undefined;
        const common = commonCase(read.data);
        if (common)
            return common;
        if (!fitsPlanSchema(read.data))
            return undefined;
        // Without explicit waves, computing them proves there is no cycle (computeWaves throws on one), so the
        // rules need not search for cycles as well.
        const explicitWaves = read.data.waves !== undefined;
        if ((0,rules/* checkPlanRules */.h)(unlocatedSource(read.data), { cycles: explicitWaves }).length > 0)
            return undefined;
        const plan = (0,build/* buildPlan */.Gg)(read.data);
        return { plan, waves: (0,waves/* computeWaves */.Ss)(plan) };
    }
    catch {
        // Whatever went wrong (absurd nesting, say), the full reader will say it properly.
        return undefined;
    }
}
/** A plan whose stories are the common case of plan-fast-stories.ts, and whose other parts pass every check. */
function commonCase(data) {
    if (!fitsPlanRoot(data) || data.waves !== undefined)
        return undefined;
    // The rules about everything but the stories (paths, durations): the stories are checked below.
    if ((0,rules/* checkPlanRules */.h)(unlocatedSource({ ...data, stories: [] })).length > 0)
        return undefined;
    const file = data;
    const stories = storiesInPlanOrder(file.stories, new Set(Object.keys(file.agents)), (0,build/* storiesDirOf */.u4)(file));
    return stories && { plan: (0,build/* buildPlan */.Gg)(file, stories.stories), waves: stories.waves };
}
/** The rules' view of the data without positions: the issues they raise only need counting here. */
function unlocatedSource(data) {
    const nowhere = { line: 1, col: 1 };
    return {
        data,
        locate: () => nowhere,
        issue: (_path, message) => ({ file: "", ...nowhere, path: "", message }),
    };
}


/***/ }),

/***/ 9308:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Hd: () => (/* binding */ formatIssue),
/* harmony export */   Tz: () => (/* binding */ planFormat),
/* harmony export */   jV: () => (/* binding */ formatPath)
/* harmony export */ });
// A located plan problem and how it is written (FILE:LINE:COL path: message, SPEC §1). Kept apart from the
// YAML and zod machinery so that the fast path for valid plans (plan-fast.ts) never has to load them.
/** The format a plan file name implies, or undefined for an unsupported extension. */
function planFormat(fileName) {
    const lower = fileName.toLowerCase();
    if (lower.endsWith(".yml") || lower.endsWith(".yaml"))
        return "yaml";
    if (lower.endsWith(".json"))
        return "json";
    return undefined;
}
/** `FILE:LINE:COL path: message` (or `FILE:LINE:COL: message` when there is no key path). */
function formatIssue(i) {
    return i.path === "" ? `${i.file}:${i.line}:${i.col}: ${i.message}` : `${i.file}:${i.line}:${i.col} ${i.path}: ${i.message}`;
}
/** `["stories", 2, "dependsOn", 0]` -> `stories[2].dependsOn[0]`; odd keys are quoted: `agents["a b"]`. */
function formatPath(path) {
    let out = "";
    for (const seg of path) {
        if (typeof seg === "number")
            out += `[${seg}]`;
        else if (/^[A-Za-z_$][\w$-]*$/.test(seg))
            out += out === "" ? seg : `.${seg}`;
        else
            out += `[${JSON.stringify(seg)}]`;
    }
    return out;
}


/***/ }),

/***/ 5573:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ findDuplicateJsonKey),
/* harmony export */   L: () => (/* binding */ findJsonSyntaxError)
/* harmony export */ });
// Strict JSON syntax check with the offset of the first error. The plan loader reads .json plans with the
// YAML parser (for node positions), and YAML accepts things JSON does not (trailing commas, comments,
// unquoted keys) and JSON.parse silently keeps the last of duplicate keys, so JSON's own grammar is checked
// first, duplicate keys included. Iterative, so deep nesting cannot overflow the stack. Valid plans only take
// findDuplicateJsonKey, a much cheaper pass over text JSON.parse has already accepted.
const WS = new Set([" ", "\t", "\n", "\r"]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
/** The first JSON syntax error in `text`, or undefined when it is valid JSON (RFC 8259). */
function findJsonSyntaxError(text) {
    return new JsonScanner(text).run();
}
/**
 * Offset of the first key that repeats an earlier key of the same object, or -1. Only for text JSON.parse
 * accepted: with the grammar known to be right, only strings, brackets and commas need looking at.
 */
function findDuplicateJsonKey(text) {
    /** Per open container: the keys seen so far in an object, null for an array. */
    const open = [];
    let expectKey = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x22) {
            const start = i;
            i = closingQuote(text, i);
            if (!expectKey)
                continue;
            expectKey = false;
            const raw = text.slice(start + 1, i);
            const key = raw.includes("\\") ? JSON.parse(text.slice(start, i + 1)) : raw;
            const keys = open[open.length - 1];
            if (keys?.has(key))
                return start;
            keys?.add(key);
        }
        else if (c === 0x7b) {
            open.push(new Set());
            expectKey = true;
        }
        else if (c === 0x5b) {
            open.push(null);
        }
        else if (c === 0x7d || c === 0x5d) {
            open.pop();
        }
        else if (c === 0x2c) {
            expectKey = open[open.length - 1] !== null;
        }
    }
    return -1;
}
/** Offset of the quote that closes the string opening at `start`. */
function closingQuote(text, start) {
    for (let i = text.indexOf('"', start + 1);; i = text.indexOf('"', i + 1)) {
        if (i === -1)
            return text.length;
        let backslashes = 0;
        while (text.charCodeAt(i - 1 - backslashes) === 0x5c)
            backslashes++;
        if (backslashes % 2 === 0)
            return i;
    }
}
class JsonScanner {
    text;
    pos = 0;
    /** Open containers: "{" or "[". */
    stack = [];
    /** Keys seen so far in each open object, innermost last. */
    keys = [];
    /** True right after "," or an opening bracket: a closing bracket here is misplaced. */
    afterComma = false;
    constructor(text) {
        this.text = text;
    }
    run() {
        let expect = "value";
        for (;;) {
            this.skipWhitespace();
            const ch = this.text[this.pos];
            if (ch === undefined)
                return this.atEnd(expect);
            if (ch === "/" || ch === "#")
                return this.fail("comments are not allowed in JSON");
            const next = this.step(expect, ch);
            if (typeof next !== "string")
                return next;
            expect = next;
        }
    }
    step(expect, ch) {
        switch (expect) {
            case "value": return this.value(ch);
            case "afterValue": return this.afterValue(ch);
            case "key": return this.key(ch);
            case "colon":
                if (ch !== ":")
                    return this.fail(`expected ":" after the key, found ${show(ch)}`);
                this.pos++;
                return "value";
        }
    }
    atEnd(expect) {
        if (expect === "afterValue" && this.stack.length === 0)
            return undefined;
        if (this.stack.length > 0) {
            const close = this.stack[this.stack.length - 1] === "{" ? "}" : "]";
            return this.fail(`unexpected end of file: missing "${close}"`);
        }
        return this.fail("unexpected end of file: expected a value");
    }
    value(ch) {
        if (ch === "{" || ch === "[") {
            this.stack.push(ch);
            if (ch === "{")
                this.keys.push(new Set());
            this.pos++;
            this.afterComma = false;
            return ch === "{" ? "key" : this.closesEmpty("]") ?? "value";
        }
        if (ch === "]" && this.stack[this.stack.length - 1] === "[" && this.afterComma) {
            return this.fail('trailing comma before "]"');
        }
        if (ch === '"')
            return this.string() ?? "afterValue";
        if (ch === "'")
            return this.fail("strings must use double quotes in JSON");
        for (const re of [NUMBER, LITERAL]) {
            re.lastIndex = this.pos;
            const m = re.exec(this.text);
            if (m && !/[\w.]/.test(this.text[this.pos + m[0].length] ?? "")) {
                this.pos += m[0].length;
                return "afterValue";
            }
        }
        return this.fail(`expected a value, found ${show(ch)}`);
    }
    /** After "[": an immediate "]" closes the empty array. */
    closesEmpty(close) {
        this.skipWhitespace();
        if (this.text[this.pos] !== close)
            return undefined;
        this.stack.pop();
        this.pos++;
        return "afterValue";
    }
    key(ch) {
        if (ch === "}") {
            if (this.afterComma)
                return this.fail('trailing comma before "}"');
            this.stack.pop();
            this.keys.pop();
            this.pos++;
            return "afterValue";
        }
        if (ch !== '"')
            return this.fail(`expected a key in double quotes, found ${show(ch)}`);
        const start = this.pos;
        const error = this.string();
        if (error)
            return error;
        const key = JSON.parse(this.text.slice(start, this.pos));
        const seen = this.keys[this.keys.length - 1];
        if (seen?.has(key))
            return this.failAt(start, `duplicate key ${JSON.stringify(key)} (each key may appear once in an object)`);
        seen?.add(key);
        return "colon";
    }
    afterValue(ch) {
        const top = this.stack[this.stack.length - 1];
        if (top === undefined)
            return this.fail(`unexpected ${show(ch)} after the end of the document`);
        const close = top === "{" ? "}" : "]";
        if (ch === ",") {
            this.pos++;
            this.afterComma = true;
            return top === "{" ? "key" : "value";
        }
        if (ch === close) {
            this.stack.pop();
            if (close === "}")
                this.keys.pop();
            this.pos++;
            this.afterComma = false;
            return "afterValue";
        }
        return this.fail(`expected "," or "${close}", found ${show(ch)}`);
    }
    /** Consumes a string starting at the opening quote; an error, or undefined when it is well formed. */
    string() {
        this.afterComma = false;
        let i = this.pos + 1;
        for (;;) {
            const c = this.text[i];
            if (c === undefined || c === "\n" || c === "\r")
                return this.failAt(this.pos, "unterminated string");
            if (c === '"')
                break;
            if (c < " ")
                return this.failAt(i, "control characters must be escaped in JSON strings");
            if (c === "\\") {
                const e = this.text[i + 1] ?? "";
                if (e === "u") {
                    if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(i + 2, i + 6)))
                        return this.failAt(i, 'invalid "\\u" escape');
                    i += 6;
                    continue;
                }
                if (!'"\\/bfnrt'.includes(e) || e === "")
                    return this.failAt(i, `invalid escape "\\${e}"`);
                i += 2;
                continue;
            }
            i++;
        }
        this.pos = i + 1;
        return undefined;
    }
    skipWhitespace() {
        while (WS.has(this.text[this.pos] ?? ""))
            this.pos++;
    }
    fail(message) {
        return this.failAt(this.pos, message);
    }
    failAt(offset, message) {
        return { offset, message };
    }
}
function show(ch) {
    return JSON.stringify(ch);
}


/***/ }),

/***/ 2082:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ storyBranch),
/* harmony export */   z: () => (/* binding */ DEFAULTS)
/* harmony export */ });
const DEFAULTS = {
    maxParallel: 10,
    storiesDir: "stories",
    testTimeoutMs: 10 * 60_000,
    agentTimeoutMs: 30 * 60_000,
    requireRed: true,
    lockTests: true,
    /** A GitHub job matrix holds at most this many jobs. */
    matrixLimit: 256,
    stateBranch: "tdd-waves/state",
};
/** Branch a story's work is committed on. */
const storyBranch = (planName, storyId) => `tdd-waves/${planName}/${storyId}`;


/***/ }),

/***/ 8219:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Js: () => (/* binding */ repoPathProblem),
/* harmony export */   NP: () => (/* binding */ normalizeRepoPath),
/* harmony export */   zX: () => (/* binding */ inDirectory)
/* harmony export */ });
/* unused harmony export joinRepoPath */
// Paths written in a plan are relative to the repository root and must stay inside it: one check and one
// normal form for all of them, so that "./a/b.ts" and "a/b.ts" are the same file everywhere.
/**
 * Paths that are already in normal form and plainly inside the repository: segments of ordinary characters,
 * none starting with "." (so no "..", no ".git"), no drive letter, no doubled or trailing "/". Most plan paths
 * are like this, and they need no further checking or normalising.
 */
const PLAIN_PATH = /^[A-Za-z0-9_@+-][A-Za-z0-9_.@+-]*(?:\/[A-Za-z0-9_@+-][A-Za-z0-9_.@+-]*)*$/;
/** Why `p` is not an acceptable repository-relative path, or undefined when it is. */
function repoPathProblem(p, kind = "file") {
    if (PLAIN_PATH.test(p))
        return undefined;
    if (p.trim() === "")
        return "must not be empty";
    if (p.includes("\0"))
        return "must not contain a NUL character";
    if (/^[A-Za-z]:/.test(p))
        return `must be relative to the repository root, not a drive path (${q(p)})`;
    if (p.startsWith("/") || p.startsWith("\\"))
        return `must be relative to the repository root, not absolute (${q(p)})`;
    if (p.startsWith("~"))
        return `must be relative to the repository root ("~" is not expanded)`;
    if (p.includes("\\"))
        return `use "/" between directories, not "\\" (${q(p)})`;
    const segments = p.split("/");
    if (segments.includes("..")) {
        return leavesRoot(segments) ? `leaves the repository (${q(p)})` : `must not contain ".." (${q(p)})`;
    }
    const normal = normalizeRepoPath(p);
    if (normal === ".")
        return kind === "directory" ? undefined : "must name a file, not the repository root";
    if (normal === ".git" || normal.startsWith(".git/"))
        return "must not point into .git";
    return undefined;
}
function leavesRoot(segments) {
    let depth = 0;
    for (const s of segments) {
        if (s === "..")
            depth--;
        else if (s !== "" && s !== ".")
            depth++;
        if (depth < 0)
            return true;
    }
    return false;
}
const q = (p) => `"${p}"`;
/** `./a//b/` -> `a/b`; "." for the root. Assumes repoPathProblem(p) found nothing. */
function normalizeRepoPath(p) {
    if (PLAIN_PATH.test(p))
        return p;
    // No ".." is left by then (repoPathProblem refuses it), so normalising is dropping "" and "." segments.
    const kept = p.split("/").filter((s) => s !== "" && s !== ".");
    return kept.length === 0 ? "." : kept.join("/");
}
/** `<dir>/<name>` without a "./" when dir is the root. */
function joinRepoPath(dir, name) {
    return inDirectory(normalizeRepoPath(dir), name);
}
/** joinRepoPath for a directory already in normal form (as from normalizeRepoPath). */
function inDirectory(normalDir, name) {
    return normalDir === "." ? name : `${normalDir}/${name}`;
}


/***/ }),

/***/ 1236:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   Ew: () => (/* binding */ TEST_FILE_PLACEHOLDER_RE),
/* harmony export */   QC: () => (/* binding */ STORY_ID_RE),
/* harmony export */   U$: () => (/* binding */ AGENT_NAME_RE),
/* harmony export */   ZT: () => (/* binding */ NON_BLANK_RE),
/* harmony export */   Zf: () => (/* binding */ DURATION_RE),
/* harmony export */   eC: () => (/* binding */ PLAN_NAME_RE),
/* harmony export */   jM: () => (/* binding */ TITLE_RE),
/* harmony export */   mb: () => (/* binding */ ENV_NAME_RE)
/* harmony export */ });
// The value formats of a plan file (names, ids, durations): shared by the zod schema (plan-schema.ts) and the
// zod-free fast check (plan-shape.ts), so both accept exactly the same values.
const PLAN_NAME_RE = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const STORY_ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const AGENT_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const ENV_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** `10m`, `30s`, `1h`, `90s`, `1h30m`, `1h30m15s`: hours, minutes, seconds in that order, at least one. */
const DURATION_RE = /^(?=\d)(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
/** A story title: one line with something other than spaces on it. */
const TITLE_RE = /^(?=[^\r\n]*\S)[^\r\n]*$/;
/** Where the test command takes the test file. */
const TEST_FILE_PLACEHOLDER_RE = /\{testFile\}/;
/** An agent's command has something to run. */
const NON_BLANK_RE = /\S/;
/** A duration such as `1h30m` in milliseconds, or undefined when it is not one. */
function parseDuration(text) {
    const m = DURATION_RE.exec(text);
    if (!m)
        return undefined;
    const [h, min, s] = [m[1], m[2], m[3]].map((v) => (v === undefined ? 0 : Number(v)));
    return ((h * 60 + min) * 60 + s) * 1000;
}


/***/ }),

/***/ 9320:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ checkPlanRules)
/* harmony export */ });
/* harmony import */ var _did_you_mean_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9808);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8219);
/* harmony import */ var _patterns_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(1236);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2082);
/* harmony import */ var _waves_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9421);
// The plan rules beyond the schema (SPEC §1): ids, dependencies, cycles, agents, paths, durations, waves.
// They read the parsed data defensively, so they still run — and report — when the schema found problems
// elsewhere in the file: every error is reported in one go. They run on every plan, large valid ones included
// (plan-fast.ts), so they are plain loops that allocate little when there is nothing to report.





/** Longest accepted duration: beyond a day a time limit is a typo. */
const MAX_DURATION_MS = 24 * 60 * 60 * 1000;
/** Above this many candidates, "did you mean" costs more than it helps. */
const SUGGEST_LIMIT = 2000;
/** Every rule violation in the parsed plan data (whatever shape it has). */
function checkPlanRules(source, options = {}) {
    const root = record(source.data);
    if (!root)
        return [];
    const plan = loosePlan(root);
    const issues = [];
    for (const rule of RULES) {
        if (rule === checkCycles && options.cycles === false)
            continue;
        for (const issue of rule(source, plan))
            issues.push(issue);
    }
    return issues;
}
function record(v) {
    return typeof v === "object" && v !== null && !Array.isArray(v) ? v : undefined;
}
const str = (v) => (typeof v === "string" ? v : undefined);
function loosePlan(root) {
    const list = Array.isArray(root.stories) ? root.stories : [];
    const stories = new Array(list.length);
    const ids = new Map();
    for (let index = 0; index < list.length; index++) {
        const s = record(list[index]) ?? {};
        const deps = Array.isArray(s.dependsOn) ? s.dependsOn : NO_DEPS;
        const story = { index, id: str(s.id), deps, tester: str(s.tester), implementer: str(s.implementer), file: str(s.file), testFile: str(s.testFile) };
        stories[index] = story;
        if (story.id !== undefined && !ids.has(story.id))
            ids.set(story.id, index);
    }
    const agentMap = record(root.agents);
    return { root, stories, ids, agents: agentMap ? Object.keys(agentMap) : undefined };
}
const NO_DEPS = [];
/** The string entries of a story's dependsOn. */
const stringDeps = (s) => s.deps.filter((d) => typeof d === "string");
const suggest = (word, candidates) => {
    const size = Array.isArray(candidates) ? candidates.length : candidates.size;
    return size > SUGGEST_LIMIT ? "" : (0,_did_you_mean_js__WEBPACK_IMPORTED_MODULE_2__/* .didYouMean */ .a)(word, Array.isArray(candidates) ? candidates : candidates.keys());
};
const checkIds = (source, plan) => {
    const issues = [];
    for (const s of plan.stories) {
        const first = s.id === undefined ? undefined : plan.ids.get(s.id);
        if (first === undefined || first === s.index)
            continue;
        const line = source.locate(["stories", first, "id"]).line;
        issues.push(source.issue(["stories", s.index, "id"], `duplicate story id "${s.id}" (first used by stories[${first}], line ${line})`));
    }
    return issues;
};
const checkDependencies = (source, plan) => {
    const issues = [];
    for (const s of plan.stories) {
        // Dependency lists are short: an earlier duplicate is found by scanning, long lists use a set.
        const seen = s.deps.length > 16 ? new Set() : undefined;
        for (let k = 0; k < s.deps.length; k++) {
            const id = s.deps[k];
            if (typeof id !== "string")
                continue;
            let message;
            if (seen ? seen.has(id) : s.deps.indexOf(id) < k)
                message = `"${id}" is listed twice`;
            else if (id === s.id)
                message = `story "${s.id}" depends on itself`;
            else if (!plan.ids.has(id))
                message = `unknown story "${id}"${suggest(id, plan.ids)}`;
            seen?.add(id);
            if (message !== undefined)
                issues.push(source.issue(["stories", s.index, "dependsOn", k], message));
        }
    }
    return issues;
};
const checkCycles = (source, plan) => {
    const nodes = plan.stories.map((s) => ({ id: s.id ?? `\0${s.index}`, dependsOn: stringDeps(s) }));
    return (0,_waves_js__WEBPACK_IMPORTED_MODULE_1__/* .findCycles */ .p4)(nodes).map((cycle) => {
        const from = plan.ids.get(cycle[0] ?? "") ?? 0;
        const at = Math.max(0, plan.stories[from]?.deps.indexOf(cycle[1 % cycle.length]) ?? 0);
        return source.issue(["stories", from, "dependsOn", at], `cycle: ${[...cycle, cycle[0]].join(" -> ")}`);
    });
};
const checkAgents = (source, plan) => {
    const agents = plan.agents;
    if (!agents)
        return [];
    const known = new Set(agents);
    const issues = [];
    const check = (s, role) => {
        const name = s[role];
        if (name === undefined || name === "" || known.has(name))
            return;
        const defined = agents.length === 0 ? "agents defines none" : `agents defines ${agents.slice(0, 8).map((a) => `"${a}"`).join(", ")}${agents.length > 8 ? ", …" : ""}`;
        const hint = suggest(name, agents) || ` (${defined})`;
        issues.push(source.issue(["stories", s.index, role], `unknown agent "${name}"${hint}`));
    };
    for (const s of plan.stories) {
        check(s, "tester");
        check(s, "implementer");
    }
    return issues;
};
const checkPaths = (source, plan) => {
    const { root } = plan;
    const test = record(root.test);
    const prompts = record(root.prompts);
    const issues = [];
    const check = (path, value, kind = "file") => {
        const problem = pathProblem(value, kind);
        if (problem)
            issues.push(source.issue(path, problem));
    };
    check(["storiesDir"], root.storiesDir, "directory");
    check(["prompts", "tester"], prompts?.tester);
    check(["prompts", "implementation"], prompts?.implementation);
    check(["test", "junit"], typeof test?.junit === "string" ? test.junit.replaceAll("{storyId}", "story") : undefined);
    for (const s of plan.stories) {
        // Key paths are only built for a problem: this loop runs over every story of a valid plan.
        if (pathProblem(s.file, "file"))
            check(["stories", s.index, "file"], s.file);
        if (pathProblem(s.testFile, "file"))
            check(["stories", s.index, "testFile"], s.testFile);
    }
    return issues;
};
const pathProblem = (value, kind) => typeof value === "string" && value !== "" ? (0,_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .repoPathProblem */ .Js)(value, kind) : undefined;
/** Two stories writing their status into one story file would overwrite each other. */
const checkSharedStoryFiles = (source, plan) => {
    // Default files (<storiesDir>/<id>.md) of distinct ids are distinct: only a `file` key can make two meet.
    if (!plan.stories.some((s) => s.file !== undefined))
        return [];
    const given = plan.root.storiesDir;
    const dir = (0,_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeRepoPath */ .NP)(typeof given === "string" && !(0,_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .repoPathProblem */ .Js)(given, "directory") ? given : _model_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULTS */ .z.storiesDir);
    const owners = new Map();
    const issues = [];
    for (const s of plan.stories) {
        if (s.id === undefined || plan.ids.get(s.id) !== s.index)
            continue;
        if (s.file !== undefined && (0,_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .repoPathProblem */ .Js)(s.file))
            continue;
        const file = s.file !== undefined ? (0,_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeRepoPath */ .NP)(s.file) : (0,_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .inDirectory */ .zX)(dir, `${s.id}.md`);
        const owner = owners.get(file);
        if (!owner) {
            owners.set(file, s);
            continue;
        }
        const at = ["stories", s.index, s.file !== undefined ? "file" : "id"];
        issues.push(source.issue(at, `story file "${file}" is also the story file of "${owner.id}" (stories[${owner.index}]): each story needs its own`));
    }
    return issues;
};
/** An agent runs either its own shell command (`run`) or a preset; `model` and `args` belong to a preset. */
const checkAgentCommands = (source, plan) => {
    const agents = record(plan.root.agents);
    if (!agents)
        return [];
    const issues = [];
    for (const [name, value] of Object.entries(agents)) {
        const a = record(value);
        if (!a)
            continue;
        const hasRun = a.run !== undefined;
        const hasPreset = a.preset !== undefined;
        if (hasRun && hasPreset)
            issues.push(source.issue(["agents", name, "preset"], "give either run (a shell command) or preset, not both"));
        else if (!hasRun && !hasPreset)
            issues.push(source.issue(["agents", name], "needs run (a shell command) or preset (see `tdd-waves agents`)", "key"));
        else if (hasRun) {
            for (const key of ["model", "args"]) {
                if (a[key] !== undefined)
                    issues.push(source.issue(["agents", name, key], `${key} is for a preset's CLI: with run, put it in the command itself`, "key"));
            }
        }
    }
    return issues;
};
const checkDurations = (source, plan) => {
    const agents = record(plan.root.agents) ?? {};
    const candidates = [
        [["test", "timeout"], record(plan.root.test)?.timeout],
        ...Object.entries(agents).map(([name, a]) => [["agents", name, "timeout"], record(a)?.timeout]),
    ];
    return candidates.flatMap(([path, value]) => {
        const ms = typeof value === "string" ? (0,_patterns_js__WEBPACK_IMPORTED_MODULE_4__/* .parseDuration */ .E9)(value) : undefined;
        if (ms === undefined)
            return [];
        if (ms === 0)
            return [source.issue(path, "must be longer than 0s")];
        if (ms > MAX_DURATION_MS)
            return [source.issue(path, `"${String(value)}" is too long: at most 24h`)];
        return [];
    });
};
const checkWaves = (source, plan) => {
    if (!Array.isArray(plan.root.waves))
        return [];
    const issues = [];
    const placed = new Map();
    plan.root.waves.forEach((wave, w) => {
        if (!Array.isArray(wave))
            return;
        wave.forEach((id, at) => {
            if (typeof id !== "string")
                return;
            const path = ["waves", w, at];
            const before = placed.get(id);
            if (before)
                issues.push(source.issue(path, `"${id}" is already in wave ${before.wave + 1} (waves[${before.wave}][${before.at}]): each story goes in exactly one wave`));
            else if (!plan.ids.has(id))
                issues.push(source.issue(path, `unknown story "${id}"${suggest(id, plan.ids)}`));
            else
                placed.set(id, { wave: w, at });
        });
    });
    for (const [id, index] of plan.ids) {
        const own = placed.get(id);
        if (!own) {
            issues.push(source.issue(["waves"], `story "${id}" is in no wave`, "key"));
            continue;
        }
        for (const d of plan.stories[index]?.deps ?? []) {
            if (typeof d !== "string")
                continue;
            const dep = placed.get(d);
            if (d === id || !dep || dep.wave < own.wave)
                continue;
            issues.push(source.issue(["waves", own.wave, own.at], `"${id}" depends on "${d}", which is in wave ${dep.wave + 1}: a dependency must be in an earlier wave`));
        }
    }
    return issues;
};
const RULES = [checkIds, checkDependencies, checkCycles, checkAgents, checkAgentCommands, checkPaths, checkSharedStoryFiles, checkDurations, checkWaves];


/***/ }),

/***/ 9421:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ss: () => (/* binding */ computeWaves),
/* harmony export */   p4: () => (/* binding */ findCycles)
/* harmony export */ });
/* unused harmony export chunkWave */
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2082);
// Waves of a plan (SPEC §1): a story's wave is 1 + the highest wave of its dependencies, plan order inside a
// wave; plus the dependency-cycle search the plan checks use. Linear in stories + edges: plans may be large.

/** The plan's waves: `plan.waves` when given, else computed from the dependencies. Throws on a cycle. */
function computeWaves(plan) {
    if (plan.waves)
        return plan.waves.map((w) => [...w]);
    const wave = wavesInPlanOrder(plan.stories) ?? wavesInDependencyOrder(plan.stories);
    const waves = [];
    for (let i = 0; i < plan.stories.length; i++) {
        const w = wave[i] - 1;
        (waves[w] ??= []).push(plan.stories[i].id);
    }
    return waves;
}
/**
 * Each story's wave (1-based) in one pass, when every dependency comes earlier in the plan than its dependent
 * (as plans are usually written; it also rules out cycles). Undefined as soon as one does not.
 */
function wavesInPlanOrder(nodes) {
    const index = firstIndexes(nodes);
    const wave = new Int32Array(nodes.length);
    for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i];
        let w = 1;
        // Of repeated ids only the first counts: the others have no edges (as in indexGraph).
        if (index.get(node.id) === i) {
            for (const d of node.dependsOn) {
                const j = index.get(d);
                if (j === undefined)
                    continue;
                if (j >= i)
                    return undefined;
                if (wave[j] >= w)
                    w = wave[j] + 1;
            }
        }
        wave[i] = w;
    }
    return wave;
}
/** Each story's wave (1-based), in topological order. Throws on a cycle. */
function wavesInDependencyOrder(nodes) {
    const { adjacency } = indexGraph(nodes);
    const order = topologicalOrder(adjacency);
    if (order.length < nodes.length)
        throw new Error("computeWaves: the plan has a dependency cycle");
    const wave = new Int32Array(nodes.length);
    for (const v of order) {
        let w = 1;
        for (const d of adjacency[v])
            if (wave[d] >= w)
                w = wave[d] + 1;
        wave[v] = w;
    }
    return wave;
}
/** A wave as consecutive chunks of at most `size` stories (a GitHub job matrix holds 256 jobs). */
function chunkWave(ids, size = DEFAULTS.matrixLimit) {
    if (!Number.isInteger(size) || size < 1)
        throw new RangeError(`chunkWave: size must be a positive integer, got ${size}`);
    const chunks = [];
    for (let i = 0; i < ids.length; i += size)
        chunks.push(ids.slice(i, i + size));
    return chunks;
}
/**
 * Dependency cycles, each once, as the ids along it (`[a, b, c]` reads "a depends on b depends on c depends
 * on a"), starting at the story that comes first in plan order. Self-dependencies and unknown ids are left
 * to other checks; of repeated ids only the first counts. At most `limit` cycles: every story on a cycle is
 * on at least one reported cycle until the limit is hit.
 */
function findCycles(nodes, limit = 50) {
    // Dependencies that all come earlier, or else a complete topological order, prove there is no cycle: the
    // common case, and much cheaper than Tarjan.
    if (wavesInPlanOrder(nodes))
        return [];
    const { adjacency } = indexGraph(nodes);
    if (topologicalOrder(adjacency).length === nodes.length)
        return [];
    const cycles = [];
    for (const component of stronglyConnected(adjacency)) {
        if (component.length < 2)
            continue;
        const members = new Set(component);
        const covered = new Set();
        for (const start of [...component].sort((a, b) => a - b)) {
            if (cycles.length >= limit)
                break;
            if (covered.has(start))
                continue;
            const cycle = shortestCycleThrough(start, adjacency, members);
            cycle.forEach((v) => covered.add(v));
            cycles.push(rotateToSmallest(cycle));
        }
    }
    cycles.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
    return cycles.map((c) => c.map((v) => nodes[v]?.id ?? ""));
}
/** Per node, the indexes of its known dependencies (first occurrence of an id, deduplicated, no self-loops). */
function indexGraph(nodes) {
    const index = firstIndexes(nodes);
    const adjacency = new Array(nodes.length);
    for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i];
        adjacency[i] = index.get(node.id) === i ? dependencyIndexes(node.dependsOn, index, i) : [];
    }
    return { adjacency };
}
/** Each id's first index. */
function firstIndexes(nodes) {
    const index = new Map();
    for (let i = 0; i < nodes.length; i++) {
        const id = nodes[i].id;
        if (!index.has(id))
            index.set(id, i);
    }
    return index;
}
/** Small lists are deduplicated by scanning: a Set per story costs more than it saves. */
const SCAN_LIMIT = 16;
function dependencyIndexes(dependsOn, index, self) {
    const deps = [];
    const seen = dependsOn.length > SCAN_LIMIT ? new Set() : undefined;
    for (const d of dependsOn) {
        const j = index.get(d);
        if (j === undefined || j === self || (seen ? seen.has(j) : deps.includes(j)))
            continue;
        seen?.add(j);
        deps.push(j);
    }
    return deps;
}
/** Kahn's algorithm on "depends on" edges: dependencies come before their dependents. */
function topologicalOrder(adjacency) {
    const n = adjacency.length;
    const remaining = new Int32Array(n);
    // Dependents as one flat array (CSR): per node, its slice of `dependents` starts at `first[node]`.
    const first = new Int32Array(n + 1);
    for (let v = 0; v < n; v++) {
        const deps = adjacency[v];
        remaining[v] = deps.length;
        for (const d of deps)
            first[d + 1] = first[d + 1] + 1;
    }
    for (let v = 0; v < n; v++)
        first[v + 1] = first[v + 1] + first[v];
    const fill = first.slice(0, n);
    const dependents = new Int32Array(first[n]);
    for (let v = 0; v < n; v++) {
        for (const d of adjacency[v]) {
            const at = fill[d];
            dependents[at] = v;
            fill[d] = at + 1;
        }
    }
    const order = [];
    for (let v = 0; v < n; v++)
        if (remaining[v] === 0)
            order.push(v);
    for (let head = 0; head < order.length; head++) {
        const v = order[head];
        for (let k = first[v], end = first[v + 1]; k < end; k++) {
            const u = dependents[k];
            const left = remaining[u] - 1;
            remaining[u] = left;
            if (left === 0)
                order.push(u);
        }
    }
    return order;
}
/** Tarjan's strongly connected components, iterative so long chains cannot overflow the call stack. */
function stronglyConnected(adjacency) {
    const n = adjacency.length;
    const order = new Int32Array(n).fill(-1);
    const low = new Int32Array(n);
    const onStack = new Uint8Array(n);
    const stack = [];
    const components = [];
    let counter = 0;
    const enter = (v, frames) => {
        order[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = 1;
        frames.push([v, 0]);
    };
    for (let root = 0; root < n; root++) {
        if (order[root] !== -1)
            continue;
        const frames = [];
        enter(root, frames);
        while (frames.length > 0) {
            const frame = frames[frames.length - 1];
            const v = frame[0];
            const edges = adjacency[v] ?? [];
            if (frame[1] < edges.length) {
                const w = edges[frame[1]++];
                if (order[w] === -1)
                    enter(w, frames);
                else if (onStack[w])
                    low[v] = Math.min(low[v] ?? 0, order[w] ?? 0);
                continue;
            }
            frames.pop();
            const parent = frames[frames.length - 1];
            if (parent)
                low[parent[0]] = Math.min(low[parent[0]] ?? 0, low[v] ?? 0);
            if (low[v] === order[v])
                components.push(popComponent(v, stack, onStack));
        }
    }
    return components;
}
function popComponent(v, stack, onStack) {
    const component = [];
    for (;;) {
        const w = stack.pop();
        onStack[w] = 0;
        component.push(w);
        if (w === v)
            return component;
    }
}
/** Breadth-first search from `start` back to itself inside one component: the shortest cycle through it. */
function shortestCycleThrough(start, adjacency, members) {
    const parent = new Map([[start, -1]]);
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
        const v = queue[head];
        for (const w of adjacency[v] ?? []) {
            if (w === start)
                return pathTo(v, parent);
            if (!members.has(w) || parent.has(w))
                continue;
            parent.set(w, v);
            queue.push(w);
        }
    }
    return [start];
}
function pathTo(end, parent) {
    const path = [];
    for (let v = end; v !== -1; v = parent.get(v) ?? -1)
        path.push(v);
    return path.reverse();
}
function rotateToSmallest(cycle) {
    let at = 0;
    cycle.forEach((v, i) => {
        if (v < (cycle[at] ?? Infinity))
            at = i;
    });
    return [...cycle.slice(at), ...cycle.slice(0, at)];
}


/***/ }),

/***/ 5199:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ renderTestCommand),
/* harmony export */   Z: () => (/* binding */ shellQuote)
/* harmony export */ });
// POSIX shell quoting, so that a path from a plan can be put into the plan's test command safely.
// Characters that mean nothing to a POSIX shell anywhere in a word. `=` and `~` are left out on
// purpose: `a=b` as a first word is an assignment and a leading `~` is expanded.
const SAFE_WORD = /^[A-Za-z0-9_@%+,./:-]+$/;
/** One shell word that the shell turns back into exactly `s`. */
function shellQuote(s) {
    if (s.includes("\0"))
        throw new RangeError("a shell word cannot contain a NUL character");
    if (SAFE_WORD.test(s))
        return s;
    // Inside single quotes nothing is special except the closing quote itself: end the quoted
    // part, add an escaped quote, open a new quoted part.
    return `'${s.replace(/'/g, `'\\''`)}'`;
}
// A placeholder the plan author already wrapped in quotes ("{testFile}" or '{testFile}') takes the
// quotes with it, so that the quoted path is not quoted twice.
const PLACEHOLDER = /(["']?)\{(testFile|storyId)\}\1/g;
/**
 * The test command for one test file: every `{testFile}` becomes the shell-quoted path (and every
 * `{storyId}`, when given, the quoted story id). One pass: a path containing `{storyId}` stays as is.
 */
function renderTestCommand(template, testFile, vars = {}) {
    return template.replace(PLACEHOLDER, (match, _quote, name) => {
        if (name === "testFile")
            return shellQuote(testFile);
        return vars.storyId === undefined ? match : shellQuote(vars.storyId);
    });
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: ./src/cli/plan-command.ts
var plan_command = __nccwpck_require__(167);
;// CONCATENATED MODULE: ./src/cli/main.ts

const USAGE = `Usage: tdd-waves <command> [options]

Commands:
  init [--force]                       set up a repository: starting plan, story template, the two workflows
  plan <plan-file> [--json]            validate a plan and print its waves
  plan --from <dir> [--base PLAN] [--write FILE]
                                       build a plan from story files' YAML front matter
  run <plan-file> [--max-parallel N] [--schedule waves|dag] [--restart] [--report PATH] [--state-branch B]
                                       execute the plan locally (resumes an interrupted execution)
  status <plan-file> [--json] [--remote]
                                       progress per wave and epic, and the Gantt (--remote: the execution on GitHub)
  gantt <plan-file> [--format mermaid|text|svg]
                                       the Gantt of the recorded execution
  report <plan-file>                   the report JSON
  agents [<plan-file>] [--json]        the agent presets (or the plan's agents) and the command line each runs
  dispatch <plan-file> [--repo owner/name] [--ref branch] [--pr N] [--watch]
                                       start the execution on GitHub Actions (and follow it)

Every command takes --help. Colours and block characters: off with --no-color or NO_COLOR.

Exit codes: 0 all complete (plan: valid), 1 failed or blocked stories, 2 invalid input, 130 interrupted.`;
async function main(argv, io) {
    const [command, ...args] = argv;
    switch (command) {
        case "plan":
            return args.some((a) => a === "--from" || a.startsWith("--from="))
                ? (await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(593), __nccwpck_require__.e(228)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5228))).planFromCommand(args, io)
                : (0,plan_command/* planCommand */.VV)(args, io);
        case "init":
            return (await Promise.all(/* import() */[__nccwpck_require__.e(593), __nccwpck_require__.e(471)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9471))).initCommand(args, io);
        case "dispatch":
            return (await Promise.all(/* import() */[__nccwpck_require__.e(891), __nccwpck_require__.e(593), __nccwpck_require__.e(948), __nccwpck_require__.e(134)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7134))).dispatchCommand(args, io);
        case "run":
            return (await Promise.all(/* import() */[__nccwpck_require__.e(893), __nccwpck_require__.e(593), __nccwpck_require__.e(948), __nccwpck_require__.e(294), __nccwpck_require__.e(231)]).then(__nccwpck_require__.bind(__nccwpck_require__, 231))).runCommand(args, io);
        case "status":
        case "gantt":
        case "report":
            return (await Promise.all(/* import() */[__nccwpck_require__.e(891), __nccwpck_require__.e(593), __nccwpck_require__.e(948), __nccwpck_require__.e(294), __nccwpck_require__.e(852)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9852))).viewCommand(command, args, io);
        case "agents":
            return (await Promise.all(/* import() */[__nccwpck_require__.e(593), __nccwpck_require__.e(154)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9154))).agentsCommand(args, io);
        case "-h":
        case "--help":
        case "help":
            io.stdout(`${USAGE}\n`);
            return 0;
        case "-v":
        case "--version":
            io.stdout(`tdd-waves ${process.env.npm_package_version ?? "0.1.0"}\n`);
            return 0;
        default:
            io.stderr(`${command ? `tdd-waves: unknown command "${command}"` : "tdd-waves: a command is required"}\n\n${USAGE}\n`);
            return 2;
    }
}

;// CONCATENATED MODULE: ./src/cli/index.ts

const io = {
    cwd: process.cwd(),
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY) && !process.env.CI,
    env: process.env,
};
main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
}, (e) => {
    // Every expected failure is handled by its command; this is a bug, still reported without a stack unless asked.
    process.stderr.write(`tdd-waves: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.TDD_WAVES_DEBUG && e instanceof Error)
        process.stderr.write(`${e.stack}\n`);
    process.exitCode = 1;
});

