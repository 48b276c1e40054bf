export const id = 228;
export const ids = [228];
export const modules = {

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
// EXTERNAL MODULE: ./src/adapters/plan-loader.ts + 3 modules
var plan_loader = __webpack_require__(4615);
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
// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(7593);
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
        io.stdout(flags.booleans.has("json") ? `${JSON.stringify((0,plan_command/* wavesJson */.ph)(loaded), null, 2)}\n` : (0,plan_command/* wavesTable */.dN)(loaded));
        return 0;
    }
    io.stdout(flags.booleans.has("json") ? `${JSON.stringify((0,plan_command/* wavesJson */.ph)(loaded), null, 2)}\n` : assembled.text);
    return 0;
}


/***/ })

};
