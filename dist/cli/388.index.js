export const id = 388;
export const ids = [388];
export const modules = {

/***/ 5388:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  locateStoryFileProblems: () => (/* reexport */ locateStoryFileProblems),
  parsePlanFull: () => (/* binding */ parsePlanFull)
});

// UNUSED EXPORTS: checkStoryFiles, defaultEpic, formatIssue, formatPath, hasAcceptanceCheckbox, parseDuration, parsePlan, parsePlanFast, planFileSchema, planFormat, planJsonSchemaText

// EXTERNAL MODULE: ./src/core/plan/build.ts
var build = __webpack_require__(1103);
// EXTERNAL MODULE: ./src/core/plan/fast.ts + 2 modules
var fast = __webpack_require__(5690);
// EXTERNAL MODULE: ./src/core/plan/rules.ts
var rules = __webpack_require__(9320);
// EXTERNAL MODULE: ./src/core/plan/did-you-mean.ts
var did_you_mean = __webpack_require__(9808);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./src/core/agents/presets.ts
var presets = __webpack_require__(1214);
// EXTERNAL MODULE: ./src/core/plan/patterns.ts
var patterns = __webpack_require__(1236);
;// CONCATENATED MODULE: ./src/core/plan/schema.ts
// The plan file's shape (SPEC §1) as one zod schema: the single source for validation, for the messages a
// user sees about types and formats, and for plan.schema.json (editors' completion and checking). Valid plans
// normally skip it: plan-shape.ts accepts exactly the plans this schema accepts, without loading zod.




const quoteShort = (v) => {
    const s = JSON.stringify(v) ?? String(v);
    return s.length > 40 ? `${s.slice(0, 37)}…"` : s;
};
const present = (input) => input !== undefined;
const DURATION_HINT = 'a number with h, m or s, like "10m", "90s" or "1h30m"';
const duration = () => schemas/* string */.YjP({ error: (iss) => (present(iss.input) ? `must be a duration: ${DURATION_HINT} (got ${quoteShort(iss.input)})` : undefined) })
    .regex(patterns/* DURATION_RE */.Zf, { error: (iss) => `${quoteShort(iss.input)} is not a duration: write ${DURATION_HINT}` });
const usdAmount = () => schemas/* number */.aig({ error: (iss) => (present(iss.input) ? `must be an amount of US dollars, like 20 or 2.5 (got ${quoteShort(iss.input)})` : undefined) })
    .positive({ error: (iss) => `must be more than 0 (got ${quoteShort(iss.input)})` });
const repoPath = (what) => schemas/* string */.YjP().min(1, { error: "must not be empty" }).meta({ description: `${what}, relative to the repository root (no "..", not absolute)` });
const agentSchema = schemas/* strictObject */.rej({
    run: schemas/* string */.YjP()
        .regex(patterns/* NON_BLANK_RE */.ZT, { error: "must not be empty: the shell command that runs the agent" })
        .optional()
        .meta({ description: "Shell command, run in the story's working copy (or give a preset)" }),
    preset: schemas/* enum */.k5n(presets/* PRESET_NAMES */.dO, { error: (iss) => `${quoteShort(iss.input)} is not a preset: one of ${presets/* PRESET_NAMES */.dO.join(", ")}` })
        .optional()
        .meta({ description: "A coding-agent CLI run unattended on the prompt file, instead of run (`tdd-waves agents` lists them)" }),
    model: schemas/* string */.YjP().min(1, { error: "must not be empty" }).optional().meta({ description: "Model the preset's CLI uses" }),
    args: schemas/* array */.YOg(schemas/* string */.YjP()).optional().meta({ description: "Extra arguments for the preset's CLI" }),
    timeout: duration().optional().meta({ description: "Agent time limit, default 30m" }),
    env: schemas/* record */.g1P(schemas/* string */.YjP().regex(patterns/* ENV_NAME_RE */.mb, {
        error: (iss) => `${quoteShort(iss.input)} is not an environment variable name (letters, digits and "_", not starting with a digit)`,
    }), schemas/* string */.YjP({
        error: (iss) => typeof iss.input === "number" || typeof iss.input === "boolean"
            ? `environment values are strings: put it in quotes ("${String(iss.input)}")`
            : undefined,
    }))
        .optional()
        .meta({ description: "Extra environment variables for the agent" }),
})
    .meta({ description: "How to run an agent" });
const storySchema = schemas/* strictObject */.rej({
    id: schemas/* string */.YjP()
        .regex(patterns/* STORY_ID_RE */.QC, {
        error: (iss) => `${quoteShort(iss.input)} is not a story id: lowercase letters, digits and "-", starting with a letter or digit, at most 64 characters`,
    })
        .meta({ description: "Unique story id" }),
    title: schemas/* string */.YjP()
        .regex(patterns/* TITLE_RE */.jM, {
        error: (iss) => (typeof iss.input === "string" && /\S/.test(iss.input) ? "must be a single line" : "must not be empty"),
    })
        .meta({ description: "One-line title" }),
    epic: schemas/* string */.YjP()
        .regex(patterns/* STORY_ID_RE */.QC, { error: (iss) => `${quoteShort(iss.input)} is not an epic name: lowercase letters, digits and "-"` })
        .optional()
        .meta({ description: 'Epic; default: the id without its last "-segment"' }),
    file: repoPath("Story file; default <storiesDir>/<id>.md").optional(),
    testFile: repoPath("The story's test file"),
    tester: schemas/* string */.YjP().min(1, { error: "must not be empty" }).meta({ description: "Agent that writes the tests (a key of agents)" }),
    implementer: schemas/* string */.YjP().min(1, { error: "must not be empty" }).meta({ description: "Agent that makes the tests pass (a key of agents)" }),
    dependsOn: schemas/* array */.YOg(schemas/* string */.YjP()).optional().meta({ description: "Ids of stories that must complete first" }),
});
const planFileSchema = schemas/* strictObject */.rej({
    name: schemas/* string */.YjP()
        .regex(patterns/* PLAN_NAME_RE */.eC, {
        error: (iss) => `${quoteShort(iss.input)} is not a plan name: lowercase letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters`,
    })
        .meta({ description: "Names the execution" }),
    maxParallel: schemas/* number */.aig({ error: (iss) => (present(iss.input) ? `must be a whole number from 1 to 10 (got ${quoteShort(iss.input)})` : undefined) })
        .int({ error: (iss) => `must be a whole number from 1 to 10 (got ${quoteShort(iss.input)})` })
        .min(1, { error: (iss) => `must be from 1 to 10 (got ${quoteShort(iss.input)})` })
        .max(10, { error: (iss) => `must be from 1 to 10 (got ${quoteShort(iss.input)})` })
        .optional()
        .meta({ description: "Stories run at once, 1..10, default 10" }),
    storiesDir: repoPath('Directory of the story files, default "stories"').optional(),
    test: schemas/* strictObject */.rej({
        command: schemas/* string */.YjP()
            .regex(patterns/* TEST_FILE_PLACEHOLDER_RE */.Ew, { error: "must contain {testFile}, which is replaced by the story's test file" })
            .meta({ description: "Test command; {testFile} is replaced by the shell-quoted test file path" }),
        junit: schemas/* string */.YjP().min(1, { error: "must not be empty" }).optional().meta({ description: "JUnit XML report the command writes ({storyId} replaced)" }),
        timeout: duration().optional().meta({ description: "Test command time limit, default 10m" }),
    })
        .meta({ description: "How to run a story's tests" }),
    prompts: schemas/* strictObject */.rej({
        tester: repoPath("Tester prompt template").optional(),
        implementation: repoPath("Implementation prompt template").optional(),
    })
        .optional()
        .meta({ description: "Own prompt templates" }),
    tdd: schemas/* strictObject */.rej({
        requireRed: schemas/* boolean */.zMY().optional().meta({ description: "Tests must fail before implementation, default true" }),
        lockTests: schemas/* boolean */.zMY().optional().meta({ description: "Implementation may not change the test file, default true" }),
    })
        .optional(),
    agents: schemas/* record */.g1P(schemas/* string */.YjP().regex(patterns/* AGENT_NAME_RE */.U$, {
        error: (iss) => `${quoteShort(iss.input)} is not an agent name: letters, digits, ".", "_" and "-", at most 64 characters`,
    }), agentSchema)
        .meta({ description: "Agents by name" }),
    budget: schemas/* strictObject */.rej({
        costUsd: usdAmount().optional().meta({ description: "The execution's budget: once its recorded cost reaches it, no new agent phase starts" }),
        perStoryCostUsd: usdAmount().optional().meta({ description: "One story's budget over all its attempts: reaching it fails the story" }),
    })
        .optional()
        .meta({ description: "Cost limits in US dollars, from what the agents report" }),
    stories: schemas/* array */.YOg(storySchema).min(1, { error: "a plan needs at least one story" }).meta({ description: "The stories, in plan order" }),
    waves: schemas/* array */.YOg(schemas/* array */.YOg(schemas/* string */.YjP()).min(1, { error: "a wave lists at least one story" }))
        .min(1, { error: "must list at least one wave (or leave waves out)" })
        .optional()
        .meta({ description: "Explicit batching: every story exactly once, dependencies in earlier waves" }),
}, {
    error: (iss) => {
        if (iss.code !== "invalid_type" || iss.path?.length)
            return undefined;
        return iss.input === null || iss.input === undefined
            ? "the plan is empty: it needs name, test, agents and stories"
            : `the plan must be a mapping of keys (name, test, agents, stories, …), got ${describeValue(iss.input)}`;
    },
})
    .meta({ title: "tdd-waves plan", description: "An execution plan of stories run test-first in dependency waves" });
/** plan.schema.json's text: the JSON Schema of planFileSchema (draft 2020-12), as committed at the repository root. */
function planJsonSchemaText() {
    return `${JSON.stringify(z.toJSONSchema(planFileSchema), null, 2)}\n`;
}
/** Keys a strict object accepts at `path` (for "did you mean"), or [] when there is no object there. */
function knownKeysAt(path) {
    let schema = planFileSchema;
    for (const seg of path) {
        schema = unwrap(schema);
        if (schema instanceof schemas/* ZodObject */.bvH)
            schema = schema.shape[String(seg)];
        else if (schema instanceof schemas/* ZodArray */.naA)
            schema = schema.element;
        else if (schema instanceof schemas/* ZodRecord */.b8S)
            schema = schema.valueType;
        else
            return [];
    }
    schema = unwrap(schema);
    return schema instanceof schemas/* ZodObject */.bvH ? Object.keys(schema.shape) : [];
}
function unwrap(schema) {
    return schema instanceof schemas/* ZodOptional */.IiU ? schema.unwrap() : schema;
}
/** "a list", "a mapping", "the number 3", `"text"` — how a value reads in a message. */
function describeValue(v) {
    if (v === null)
        return "nothing";
    if (Array.isArray(v))
        return "a list";
    if (typeof v === "object")
        return "a mapping";
    if (typeof v === "number")
        return `the number ${v}`;
    if (typeof v === "boolean")
        return `${v}`;
    if (typeof v === "string")
        return quoteShort(v);
    return typeof v;
}

;// CONCATENATED MODULE: ./src/core/plan/schema-check.ts


const EXPECTED = {
    string: "a string",
    number: "a number",
    int: "a whole number",
    boolean: "true or false",
    array: "a list",
    object: "a mapping (key: value)",
    record: "a mapping (key: value)",
};
/** Fallback wording for issues the schema does not word itself (mostly wrong types). */
const fallbackMessages = (iss) => {
    if (iss.code !== "invalid_type")
        return undefined;
    if (iss.input === undefined)
        return "required";
    const expected = EXPECTED[iss.expected] ?? iss.expected;
    const quoteHint = iss.expected === "string" && (typeof iss.input === "number" || typeof iss.input === "boolean") ? " (put the value in quotes)" : "";
    return iss.input === null ? `has no value (expected ${expected})` : `must be ${expected}, got ${describeValue(iss.input)}${quoteHint}`;
};
/** Validates `source.data` against the plan schema. */
function checkPlanSchema(source) {
    const result = planFileSchema.safeParse(source.data, { reportInput: true, error: fallbackMessages });
    if (result.success)
        return { file: result.data, issues: [] };
    return { issues: result.error.issues.flatMap((iss) => toPlanIssues(source, iss)) };
}
function toPlanIssues(source, iss) {
    const path = iss.path.filter((p) => typeof p !== "symbol");
    switch (iss.code) {
        case "unrecognized_keys":
            return iss.keys.map((key) => source.issue([...path, key], `unknown key "${key}"${(0,did_you_mean/* didYouMean */.a)(key, knownKeysAt(path))}`, "key"));
        case "invalid_key":
            return [source.issue(path, iss.issues[0]?.message ?? iss.message, "key")];
        default:
            return [source.issue(path, iss.message)];
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/core/plan/json-syntax.ts
var json_syntax = __webpack_require__(5573);
// EXTERNAL MODULE: ./src/core/plan/data.ts + 1 modules
var data = __webpack_require__(4261);
// EXTERNAL MODULE: ./src/core/plan/issue.ts
var plan_issue = __webpack_require__(9308);
;// CONCATENATED MODULE: ./src/core/plan/source.ts
// A plan file's text as a YAML document with positions: syntax errors located by line and column, and a
// locator that maps a key path (["stories", 2, "dependsOn", 0]) back to where it is written, so that
// every later error can be reported as FILE:LINE:COL path: message.





/** Syntax errors beyond this many are dropped: after a few, the rest are usually echoes of the first. */
const MAX_SYNTAX_ERRORS = 20;
/** Parses plan text (YAML, or JSON checked against JSON's own grammar) into data with positions. */
function readPlanSource(text, fileName) {
    const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
    const lineCounter = new dist/* LineCounter */.HN();
    // The data comes from the fast exact readers when they can (plan-data.ts: JSON.parse, the YAML subset); the
    // YAML document, for positions, is only built when an error needs locating or the fast readers cannot tell.
    let doc;
    const document = () => (doc ??= (0,dist/* parseDocument */.Tp)(body, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true }));
    const locate = makeLocator(document, lineCounter);
    const source = {
        fileName,
        data: undefined,
        issues: [],
        locate,
        issue: (path, message, target) => ({ file: fileName, ...locate(path, target), path: (0,plan_issue/* formatPath */.jV)(path), message }),
    };
    const format = (0,plan_issue/* planFormat */.Tz)(fileName);
    if (format === undefined) {
        source.issues.push(fileIssue(fileName, { line: 1, col: 1 }, "unsupported plan file extension: use .yml, .yaml or .json"));
    }
    else {
        const fast = (0,data/* readPlanData */.q)(text, fileName);
        if (fast)
            source.data = fast.data;
        else if (format === "json")
            readJson(body, source);
        else
            readYaml(document(), lineCounter, source);
    }
    return source;
}
function fileIssue(file, pos, message) {
    return { file, ...pos, path: "", message };
}
function positionAt(text, offset) {
    const lines = text.slice(0, Math.max(0, offset)).split(/\r\n|\r|\n/);
    return { line: lines.length, col: (lines[lines.length - 1] ?? "").length + 1 };
}
function readJson(body, source) {
    const err = (0,json_syntax/* findJsonSyntaxError */.L)(body);
    if (err)
        source.issues.push(fileIssue(source.fileName, positionAt(body, err.offset), `JSON syntax error: ${err.message}`));
    else
        source.data = JSON.parse(body);
}
function readYaml(doc, lineCounter, source) {
    const at = (offset) => lineCounter.linePos(offset);
    const syntax = [...doc.errors, ...doc.warnings].map((e) => fileIssue(source.fileName, at(e.pos[0]), `YAML syntax error: ${yamlMessage(e.code, e.message)}`));
    if (syntax.length > 0) {
        source.issues.push(...dedupe(syntax).slice(0, MAX_SYNTAX_ERRORS));
        return;
    }
    try {
        source.data = doc.toJS({ maxAliasCount: 100 });
    }
    catch (e) {
        source.issues.push(fileIssue(source.fileName, aliasPosition(doc, lineCounter), `YAML error: ${e instanceof Error ? e.message : String(e)}`));
    }
}
function yamlMessage(code, message) {
    if (code === "DUPLICATE_KEY")
        return "duplicate key (each key may appear once in a mapping)";
    if (code === "TAB_AS_INDENT")
        return "tabs are not allowed for indentation; use spaces";
    if (code === "MULTIPLE_DOCS")
        return "the file holds several YAML documents (\"---\"); a plan is one document";
    return message.replace(/\s+/g, " ").trim();
}
function dedupe(issues) {
    const seen = new Set();
    return issues.filter((i) => {
        const key = `${i.line}:${i.col}:${i.message}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/** Where the first alias is: toJS only fails on aliases (unknown anchor, too many aliases). */
function aliasPosition(doc, lc) {
    let offset = 0;
    (0,dist/* visit */.YR)(doc, {
        Alias(_key, node) {
            offset = node.range?.[0] ?? 0;
            return dist/* visit */.YR.BREAK;
        },
    });
    return lc.linePos(offset);
}
function makeLocator(document, lc) {
    return (path, target = "value") => {
        const doc = document();
        const start = nodeStart(doc.contents);
        let offset = start ?? 0;
        let node = doc.contents;
        for (let i = 0; i < path.length; i++) {
            const seg = path[i];
            const last = i === path.length - 1;
            if ((0,dist/* isMap */.jh)(node)) {
                const pair = node.items.find((p) => (0,dist/* isPair */.tO)(p) && (0,dist/* isScalar */.jn)(p.key) && String(p.key.value) === String(seg));
                if (!pair)
                    break;
                const keyStart = nodeStart(pair.key);
                if (keyStart !== undefined)
                    offset = keyStart;
                if (last && target === "key")
                    break;
                node = pair.value;
                const valueStart = hasSource(node) ? nodeStart(node) : undefined;
                if (valueStart !== undefined)
                    offset = valueStart;
            }
            else if ((0,dist/* isSeq */.oP)(node) && typeof seg === "number") {
                node = node.items[seg];
                const itemStart = nodeStart(node);
                if (itemStart === undefined)
                    break;
                offset = itemStart;
            }
            else {
                break;
            }
            if ((0,dist/* isAlias */.Vj)(node))
                break;
        }
        return lc.linePos(offset);
    };
}
/** A value node that is written in the file (`key:` with nothing after it is not worth pointing at). */
function hasSource(node) {
    if (!node)
        return false;
    if ((0,dist/* isScalar */.jn)(node))
        return !(node.value === null && (node.source === "" || node.source === undefined));
    return true;
}
function nodeStart(node) {
    const range = node && node.range;
    return range ? range[0] : undefined;
}

;// CONCATENATED MODULE: ./src/core/plan/story-files.ts



/**
 * Story-file issues of a valid plan: `contents` maps each story's `file` to its text, or null when it is
 * missing or not a file. Located at the story's `file` key when the plan gives one, else at its `id`.
 */
function checkStoryFiles(plan, fileName, text, contents) {
    return locateStoryFileProblems(storyFileProblems(plan, contents), fileName, text);
}
/** Story-file problems (plan-acceptance.ts) located in the plan file `fileName` whose text is `text`. */
function locateStoryFileProblems(problems, fileName, text) {
    if (problems.length === 0)
        return [];
    // Parsing the plan again only to locate problems: a large valid plan is not parsed twice.
    const source = readPlanSource(text, fileName);
    const written = source.data?.stories;
    return problems.map(({ story, message }) => {
        const fileGiven = Array.isArray(written) && typeof written[story.index]?.file === "string";
        return source.issue(["stories", story.index, fileGiven ? "file" : "id"], message);
    });
}

;// CONCATENATED MODULE: ./src/core/plan/parse.ts
// Plan file text -> validated Plan with defaults applied, or every problem in it, each located as
// FILE:LINE:COL path: message (SPEC §1). Pure: reading files is the loader's job (adapters/plan-loader.ts).










/** Parses and validates a plan file's text; `fileName` picks YAML or JSON and names the file in errors. */
function parsePlan(text, fileName) {
    const fast = parsePlanFast(text, fileName);
    return fast ? { plan: fast.plan, errors: [] } : parsePlanFull(text, fileName);
}
/** parsePlan without the fast path: the schema (zod) and every rule, each problem located in the YAML document. */
function parsePlanFull(text, fileName) {
    try {
        const source = readPlanSource(text, fileName);
        if (source.issues.length > 0)
            return { errors: source.issues };
        const schema = checkPlanSchema(source);
        const errors = sortIssues([...schema.issues, ...(0,rules/* checkPlanRules */.h)(source)]);
        if (errors.length > 0 || !schema.file)
            return { errors };
        return { plan: (0,build/* buildPlan */.Gg)(schema.file), errors: [] };
    }
    catch (e) {
        // The YAML library and zod are deep recursive walkers: absurd input (nesting thousands deep) can exhaust
        // the stack. That is still bad input, so it gets a located message like any other.
        const reason = e instanceof RangeError ? "it is nested too deeply" : e instanceof Error ? e.message : String(e);
        return { errors: [{ file: fileName, line: 1, col: 1, path: "", message: `cannot read the plan: ${reason}` }] };
    }
}
/** Messages in file order, each once. */
function sortIssues(issues) {
    const seen = new Set();
    return issues
        .map((issue, order) => ({ issue, order }))
        .sort((a, b) => a.issue.line - b.issue.line || a.issue.col - b.issue.col || a.order - b.order)
        .map(({ issue }) => issue)
        .filter((issue) => {
        const key = (0,plan_issue/* formatIssue */.Hd)(issue);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}


/***/ })

};
