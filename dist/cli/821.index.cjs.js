"use strict";
exports.id = 821;
exports.ids = [821];
exports.modules = {

/***/ 7821:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W6: () => (/* binding */ PlanError),
  Yq: () => (/* binding */ loadPlan)
});

// UNUSED EXPORTS: firstInvalidUtf8

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/story/acceptance-criteria.ts
var acceptance_criteria = __webpack_require__(1822);
;// CONCATENATED MODULE: ./src/core/plan/acceptance.ts
// The story-file rule of SPEC §1 without locating anything: a story file exists and has at least one
// acceptance criterion. Which lines are criteria is the story reader's call (core/story/acceptance-criteria.ts),
// the same one verify makes: a file `plan` accepts is never one verify finds no criteria in.

/** True when the story file has an acceptance criterion: a task list item under an "Acceptance Criteria" heading. */
function hasAcceptanceCheckbox(markdown) {
    return (0,acceptance_criteria/* hasAcceptanceCriteria */.DN)(markdown);
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
function acceptance_storyFileProblems(plan, contents) {
    const problems = [];
    for (const story of plan.stories) {
        const message = storyFileProblem(story, contents.get(story.file));
        if (message !== undefined)
            problems.push({ story, message });
    }
    return problems;
}

// EXTERNAL MODULE: ./src/core/plan/issue.ts
var plan_issue = __webpack_require__(9308);
// EXTERNAL MODULE: ./src/core/agents/presets.ts
var presets = __webpack_require__(1214);
// EXTERNAL MODULE: ./src/core/plan/model.ts
var model = __webpack_require__(2082);
;// CONCATENATED MODULE: ./src/core/plan/paths.ts
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

// EXTERNAL MODULE: ./src/core/plan/patterns.ts
var patterns = __webpack_require__(1236);
;// CONCATENATED MODULE: ./src/core/plan/setup.ts


const SETUP_TIMEOUT_MS = 10 * 60_000;
/** The setup key of a plan file that passed every check, with its defaults. */
function buildSetup(file) {
    return {
        run: file.run,
        timeoutMs: (file.timeout === undefined ? undefined : (0,patterns/* parseDuration */.E9)(file.timeout)) ?? SETUP_TIMEOUT_MS,
        reuse: (file.reuse ?? []).map(normalizeRepoPath),
        copy: (file.copy ?? []).map(normalizeRepoPath),
        relocatable: file.relocatable ?? false,
    };
}
/**
 * `reuse` and `copy` name paths inside the repository, never the root, never a story's own file: a kept or
 * copied story or test file would hide the agents' work from the checks.
 */
function checkSetup(source, root, storyPaths) {
    const setup = root.setup;
    if (typeof setup !== "object" || setup === null || Array.isArray(setup))
        return [];
    const issues = [];
    const { relocatable, reuse } = setup;
    if (relocatable === true && !(Array.isArray(reuse) && reuse.length > 0)) {
        issues.push(source.issue(["setup", "relocatable"], "needs setup.reuse: it says that the kept paths may be copied to another working copy, and none are kept", "key"));
    }
    for (const key of ["reuse", "copy"]) {
        const list = setup[key];
        if (!Array.isArray(list))
            continue;
        list.forEach((value, i) => {
            if (typeof value !== "string" || value === "")
                return;
            const at = ["setup", key, i];
            const problem = repoPathProblem(value, "file");
            if (problem)
                return issues.push(source.issue(at, problem === "must name a file, not the repository root" ? "must name a path inside the repository, not its root" : problem));
            const path = normalizeRepoPath(value);
            for (const [own, what] of storyPaths()) {
                if (own === path || own.startsWith(`${path}/`))
                    return issues.push(source.issue(at, `"${path}" holds ${what}: setup must not ${key === "reuse" ? "keep" : "overwrite"} it`));
            }
        });
    }
    return issues;
}

;// CONCATENATED MODULE: ./src/core/plan/build.ts
// A plan file that passed every check, with the defaults of SPEC §1 applied: the Plan the rest of tdd-waves
// works with. Records keyed by names from the plan (agents, environments) have no prototype: a lookup by any
// name ("constructor", "toString") finds what the plan defines or nothing.





/** The stories directory a plan file names, in normal form. */
function storiesDirOf(file) {
    return file.storiesDir === undefined ? model/* DEFAULTS */.zY.storiesDir : normalizeRepoPath(file.storiesDir);
}
/** One story of a plan file that passed every check, with its defaults applied. */
function buildStory(s, index, storiesDir) {
    return {
        id: s.id,
        title: s.title.trim(),
        epic: s.epic ?? defaultEpic(s.id),
        file: s.file === undefined ? inDirectory(storiesDir, `${s.id}.md`) : normalizeRepoPath(s.file),
        testFile: normalizeRepoPath(s.testFile),
        tester: s.tester,
        implementer: s.implementer,
        // The parsed file is not used after this: its list can be the story's own.
        dependsOn: s.dependsOn ?? [],
        ...(s.retries === undefined ? {} : { retries: s.retries }),
        index,
    };
}
/** Applies the defaults of SPEC §1 to a plan file that passed every check. */
function buildPlan(file) {
    const storiesDir = storiesDirOf(file);
    const stories = file.stories.map((s, index) => buildStory(s, index, storiesDir));
    const agents = withoutPrototype(Object.entries(file.agents).map(([name, a]) => [name, buildAgent(name, a)]));
    const plan = {
        name: file.name,
        maxParallel: file.maxParallel ?? model/* DEFAULTS */.zY.maxParallel,
        storiesDir,
        test: {
            command: file.test.command,
            ...(file.test.junit === undefined ? {} : { junit: normalizeRepoPath(file.test.junit) }),
            timeoutMs: durationOr(file.test.timeout, model/* DEFAULTS */.zY.testTimeoutMs),
        },
        prompts: {
            ...(file.prompts?.tester === undefined ? {} : { tester: normalizeRepoPath(file.prompts.tester) }),
            ...(file.prompts?.implementation === undefined ? {} : { implementation: normalizeRepoPath(file.prompts.implementation) }),
        },
        tdd: { requireRed: file.tdd?.requireRed ?? model/* DEFAULTS */.zY.requireRed, lockTests: file.tdd?.lockTests ?? model/* DEFAULTS */.zY.lockTests },
        retries: file.retries ?? model/* DEFAULTS */.zY.retries,
        agents,
        stories,
    };
    if (file.waves)
        plan.waves = file.waves.map((w) => [...w]);
    if (file.budget)
        plan.budget = { ...file.budget };
    if (file.setup)
        plan.setup = buildSetup(file.setup);
    return plan;
}
/** An agent with its command: its own `run`, or its preset's command line with `model` and `args`. */
function buildAgent(name, a) {
    const agent = { name, run: a.run ?? "", timeoutMs: durationOr(a.timeout, model/* DEFAULTS */.zY.agentTimeoutMs), env: withoutPrototype(Object.entries(a.env ?? {})) };
    if (a.preset === undefined)
        return agent;
    const args = a.args ?? [];
    return { ...agent, run: (0,presets/* presetCommand */.ld)(a.preset, { model: a.model, args }), preset: a.preset, ...(a.model === undefined ? {} : { model: a.model }), args: [...args] };
}
/** `msm-auth-001` -> `msm-auth`; an id without "-" is its own epic. */
function defaultEpic(id) {
    const cut = id.lastIndexOf("-");
    return cut > 0 ? id.slice(0, cut) : id;
}
/** A record of `entries` that answers only for its own keys. */
function withoutPrototype(entries) {
    const record = Object.create(null);
    for (const [key, value] of entries)
        record[key] = value;
    return record;
}
function durationOr(text, fallback) {
    return text === undefined ? fallback : ((0,patterns/* parseDuration */.E9)(text) ?? fallback);
}

;// CONCATENATED MODULE: ./src/core/plan/did-you-mean.ts
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

// EXTERNAL MODULE: ./node_modules/zod/v4/core/registries.js
var registries = __webpack_require__(9396);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/api.js
var api = __webpack_require__(3759);
// EXTERNAL MODULE: ./node_modules/zod/v4/mini/schemas.js
var schemas = __webpack_require__(4343);
;// CONCATENATED MODULE: ./src/core/plan/ref-name.ts
// Git's rules for reference names (`git check-ref-format`, refs.c check_refname_format), as a pure rule: the
// plan name becomes part of branch names (`tdd-waves/<name>/<story>`), and a name git refuses must be refused by
// `plan`, not discovered by `run` halfway through. test/integration/ref-name.test.ts holds it to the real git.
/** Characters git never accepts in a reference name: controls, DEL, space and ~ ^ : ? * [ \ . */
// eslint-disable-next-line no-control-regex
const BAD_CHARACTER = /[\u0000-\u0020\u007f~^:?*[\\]/;
/** Why git refuses `ref` as a reference name, or undefined when `git check-ref-format` accepts it. */
function refNameProblem(ref, options = {}) {
    if (ref === "@")
        return 'must not be "@" alone';
    const parts = ref.split("/");
    for (const part of parts) {
        const problem = partProblem(part);
        if (problem)
            return problem;
    }
    if (ref.endsWith("."))
        return 'must not end with "."';
    if (!options.allowOneLevel && parts.length < 2)
        return 'needs at least two parts separated by "/"';
    return undefined;
}
function partProblem(part) {
    if (part === "")
        return 'must not start or end with "/", nor contain "//"';
    const bad = BAD_CHARACTER.exec(part);
    if (bad)
        return `must not contain ${describe(bad[0])}`;
    if (part.includes(".."))
        return 'must not contain ".."';
    if (part.includes("@{"))
        return 'must not contain "@{"';
    if (part.startsWith("."))
        return 'must not have a part starting with "."';
    if (part.endsWith(".lock"))
        return 'must not have a part ending in ".lock"';
    return undefined;
}
function describe(ch) {
    if (ch === " ")
        return "spaces";
    const code = ch.charCodeAt(0);
    if (code < 0x20 || code === 0x7f)
        return `control characters (U+${code.toString(16).toUpperCase().padStart(4, "0")})`;
    return `"${ch}"`;
}

;// CONCATENATED MODULE: ./src/core/plan/schema.ts
// The plan file's shape (SPEC §1) as one zod schema: the single check of types and formats, the source of the
// messages a user sees about them, and of plan.schema.json (editors' completion and checking). zod/mini: the
// same checks as classic zod, a lighter start-up for the CLI.






const quoteShort = (v) => {
    const s = JSON.stringify(v) ?? String(v);
    return s.length > 40 ? `${s.slice(0, 37)}…"` : s;
};
const present = (input) => input !== undefined;
const schema_text = (input) => (typeof input === "string" ? input : "");
const described = (schema, description) => {
    registries/* globalRegistry */.fd.add(schema, { description });
    return schema;
};
/** Any string that can reach a process (commands, environment values): a NUL never can. */
const noNul = () => api/* _regex */.Fk(patterns/* NO_NUL_RE */.si, { error: (iss) => `must not contain a NUL character (${(0,patterns/* codePoint */.yb)("\0")} at character ${schema_text(iss.input).indexOf("\0") + 1})` });
/** One line of text (titles, paths, durations): no line breaks, no control characters, not blank. */
const oneLine = () => api/* _regex */.Fk(patterns/* ONE_LINE_RE */.y$, { error: (iss) => (0,patterns/* oneLineProblem */.yw)(schema_text(iss.input)) ?? "must be one line of text" });
const DURATION_HINT = 'a number with h, m or s, like "10m", "90s" or "1h30m"';
const duration = () => schemas/* string */.YjP({ error: (iss) => (present(iss.input) ? `must be a duration: ${DURATION_HINT} (got ${quoteShort(iss.input)})` : undefined) })
    .check(api/* _regex */.Fk(patterns/* DURATION_RE */.Zf, { error: (iss) => `${quoteShort(iss.input)} is not a duration: write ${DURATION_HINT}` }));
const usdAmount = () => schemas/* number */.aig({ error: (iss) => (present(iss.input) ? `must be an amount of US dollars, like 20 or 2.5 (got ${quoteShort(iss.input)})` : undefined) })
    .check(api/* _positive */.NC({ error: (iss) => `must be more than 0 (got ${quoteShort(iss.input)})` }));
const repoPath = (what) => described(schemas/* string */.YjP().check(api/* _minLength */.m9(1, { error: "must not be empty" }), oneLine()), `${what}, relative to the repository root (no "..", not absolute)`);
/** The plan name is part of branch names (`tdd-waves/<name>/<story>`) and of the state file's path. */
function planNameProblem(name) {
    const problem = refNameProblem(name, { allowOneLevel: true }) ?? refNameProblem(`tdd-waves/${name}/story`);
    return problem && `${quoteShort(name)} cannot be part of a git branch name (tdd-waves/${name}/<story>): it ${problem}`;
}
const envNameMessage = (name) => `${quoteShort(name)} is not an environment variable name (letters, digits and "_", not starting with a digit)`;
const agentNameMessage = (name) => `${quoteShort(name)} is not an agent name: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters`;
const agentSchema = described(schemas/* strictObject */.rej({
    run: described(schemas/* optional */.lqM(schemas/* string */.YjP().check(api/* _regex */.Fk(patterns/* NON_BLANK_RE */.ZT, { error: "must not be empty: the shell command that runs the agent" }), noNul())), "Shell command, run in the story's working copy (or give a preset)"),
    preset: described(schemas/* optional */.lqM(schemas/* enum */.k5n(presets/* PRESET_NAMES */.dO, { error: (iss) => `${quoteShort(iss.input)} is not a preset: one of ${presets/* PRESET_NAMES */.dO.join(", ")}` })), "A coding-agent CLI run unattended on the prompt file, instead of run (`tdd-waves agents` lists them)"),
    model: described(schemas/* optional */.lqM(schemas/* string */.YjP().check(api/* _minLength */.m9(1, { error: "must not be empty" }), oneLine())), "Model the preset's CLI uses"),
    args: described(schemas/* optional */.lqM(schemas/* array */.YOg(schemas/* string */.YjP().check(noNul()))), "Extra arguments for the preset's CLI"),
    timeout: described(schemas/* optional */.lqM(duration()), "Agent time limit, default 30m"),
    env: described(schemas/* optional */.lqM(schemas/* record */.g1P(schemas/* string */.YjP().check(api/* _regex */.Fk(patterns/* ENV_NAME_RE */.mb, { error: (iss) => envNameMessage(iss.input) })), schemas/* string */.YjP({
        error: (iss) => typeof iss.input === "number" || typeof iss.input === "boolean"
            ? `environment values are strings: put it in quotes ("${String(iss.input)}")`
            : undefined,
    })
        .check(noNul()))), "Extra environment variables for the agent"),
}), "How to run an agent");
const agentName = (what) => described(schemas/* string */.YjP().check(api/* _minLength */.m9(1, { error: "must not be empty" }), oneLine()), `Agent that ${what} (a key of agents)`);
const retriesMessage = (iss) => `must be a whole number from 0 to 5 (got ${quoteShort(iss.input)})`;
const retries = (description) => described(schemas/* optional */.lqM(schemas/* int */.Whr({ error: (iss) => (present(iss.input) ? retriesMessage(iss) : undefined) }).check(api/* _gte */.qm(0, { error: (iss) => `must be from 0 to 5 (got ${quoteShort(iss.input)})` }), api/* _lte */.Zm(5, { error: (iss) => `must be from 0 to 5 (got ${quoteShort(iss.input)})` }))), description);
const storySchema = schemas/* strictObject */.rej({
    id: described(schemas/* string */.YjP().check(api/* _regex */.Fk(patterns/* STORY_ID_RE */.QC, {
        error: (iss) => `${quoteShort(iss.input)} is not a story id: lowercase letters, digits and "-", starting with a letter or digit, at most 64 characters`,
    })), "Unique story id"),
    title: described(schemas/* string */.YjP().check(oneLine()), "One-line title"),
    epic: described(schemas/* optional */.lqM(schemas/* string */.YjP().check(api/* _regex */.Fk(patterns/* STORY_ID_RE */.QC, { error: (iss) => `${quoteShort(iss.input)} is not an epic name: lowercase letters, digits and "-"` }))), 'Epic; default: the id without its last "-segment"'),
    file: schemas/* optional */.lqM(repoPath("Story file; default <storiesDir>/<id>.md")),
    testFile: repoPath("The story's test file"),
    tester: agentName("writes the tests"),
    implementer: agentName("makes the tests pass"),
    dependsOn: described(schemas/* optional */.lqM(schemas/* array */.YOg(schemas/* string */.YjP())), "Ids of stories that must complete first"),
    retries: retries("Retries for this story (overrides the plan's retries), 0..5"),
});
const maxParallelMessage = (iss) => `must be a whole number from 1 to 10 (got ${quoteShort(iss.input)})`;
const planFileSchema = schemas/* strictObject */.rej({
    name: described(schemas/* string */.YjP().check(api/* _regex */.Fk(patterns/* PLAN_NAME_RE */.eC, {
        error: (iss) => `${quoteShort(iss.input)} is not a plan name: lowercase letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters`,
    }), schemas/* superRefine */.zni((name, ctx) => {
        // Only a name of the right characters is worth asking git's rules about.
        const message = patterns/* PLAN_NAME_RE */.eC.test(name) ? planNameProblem(name) : undefined;
        if (message)
            ctx.addIssue({ code: "custom", message, input: name });
    })), "Names the execution (and its git branches: tdd-waves/<name>/<story>)"),
    maxParallel: described(schemas/* optional */.lqM(schemas/* int */.Whr({ error: (iss) => (present(iss.input) ? maxParallelMessage(iss) : undefined) }).check(api/* _gte */.qm(1, { error: (iss) => `must be from 1 to 10 (got ${quoteShort(iss.input)})` }), api/* _lte */.Zm(10, { error: (iss) => `must be from 1 to 10 (got ${quoteShort(iss.input)})` }))), "Stories run at once, 1..10, default 10"),
    storiesDir: schemas/* optional */.lqM(repoPath('Directory of the story files, default "stories"')),
    retries: retries("How often a failed story is tried again with feedback (and rebuilt once after a conflict), 0..5, default 1; 0 turns both off"),
    setup: described(schemas/* optional */.lqM(schemas/* strictObject */.rej({
        run: described(schemas/* string */.YjP().check(api/* _regex */.Fk(patterns/* NON_BLANK_RE */.ZT, { error: "must not be empty: the shell command that prepares a working copy" }), noNul()), "Shell command run once in each fresh working copy before its tester (and before the post-integration tests), e.g. npm ci"),
        timeout: described(schemas/* optional */.lqM(duration()), "Setup time limit, default 10m"),
        reuse: schemas/* optional */.lqM(schemas/* array */.YOg(repoPath("Kept when a working copy is reused for the next story (e.g. node_modules)"))),
        copy: schemas/* optional */.lqM(schemas/* array */.YOg(repoPath("Untracked file copied from the main checkout into each working copy (e.g. .env.test)"))),
        relocatable: described(schemas/* optional */.lqM(schemas/* boolean */.zMY()), "The reuse paths still work when copied to another working copy (node_modules yes, a Python virtual environment no): locally, setup then runs once per set of inputs and the other working copies get a copy. Default false"),
    })), "How to prepare a working copy: dependencies, toolchain, local files"),
    test: described(schemas/* strictObject */.rej({
        command: described(schemas/* string */.YjP().check(api/* _regex */.Fk(patterns/* TEST_FILE_PLACEHOLDER_RE */.Ew, { error: "must contain {testFile}, which is replaced by the story's test file" }), noNul()), "Test command; {testFile} is replaced by the shell-quoted test file path"),
        junit: described(schemas/* optional */.lqM(schemas/* string */.YjP().check(api/* _minLength */.m9(1, { error: "must not be empty" }), oneLine())), "JUnit XML report the command writes ({storyId} replaced)"),
        timeout: described(schemas/* optional */.lqM(duration()), "Test command time limit, default 10m"),
    }), "How to run a story's tests"),
    prompts: described(schemas/* optional */.lqM(schemas/* strictObject */.rej({
        tester: schemas/* optional */.lqM(repoPath("Tester prompt template")),
        implementation: schemas/* optional */.lqM(repoPath("Implementation prompt template")),
    })), "Own prompt templates"),
    tdd: schemas/* optional */.lqM(schemas/* strictObject */.rej({
        requireRed: described(schemas/* optional */.lqM(schemas/* boolean */.zMY()), "Tests must fail before implementation, default true"),
        lockTests: described(schemas/* optional */.lqM(schemas/* boolean */.zMY()), "Implementation may not change the test file, default true"),
    })),
    agents: described(schemas/* record */.g1P(schemas/* string */.YjP().check(api/* _regex */.Fk(patterns/* AGENT_NAME_RE */.U$, { error: (iss) => agentNameMessage(iss.input) })), agentSchema), "Agents by name"),
    budget: described(schemas/* optional */.lqM(schemas/* strictObject */.rej({
        costUsd: described(schemas/* optional */.lqM(usdAmount()), "The execution's budget: once its recorded cost reaches it, no new agent phase starts"),
        perStoryCostUsd: described(schemas/* optional */.lqM(usdAmount()), "One story's budget over all its attempts: reaching it fails the story"),
    })), "Cost limits in US dollars, from what the agents report"),
    stories: described(schemas/* array */.YOg(storySchema).check(api/* _minLength */.m9(1, { error: "a plan needs at least one story" })), "The stories, in plan order"),
    waves: described(schemas/* optional */.lqM(schemas/* array */.YOg(schemas/* array */.YOg(schemas/* string */.YjP()).check(api/* _minLength */.m9(1, { error: "a wave lists at least one story" })))
        .check(api/* _minLength */.m9(1, { error: "must list at least one wave (or leave waves out)" }))), "Explicit batching: every story exactly once, dependencies in earlier waves"),
}, {
    error: (iss) => {
        if (iss.code !== "invalid_type" || iss.path?.length)
            return undefined;
        return iss.input === null || iss.input === undefined
            ? "the plan is empty: it needs name, test, agents and stories"
            : `the plan must be a mapping of keys (name, test, agents, stories, …), got ${describeValue(iss.input)}`;
    },
})
    .register(registries/* globalRegistry */.fd, { title: "tdd-waves plan", description: "An execution plan of stories run test-first in dependency waves" });
/** plan.schema.json's text: the JSON Schema of planFileSchema (draft 2020-12), as committed at the repository root. */
function planJsonSchemaText() {
    return `${JSON.stringify(z.toJSONSchema(planFileSchema), null, 2)}\n`;
}
const defOf = (schema) => schema._zod.def;
/** Keys a strict object accepts at `path` (for "did you mean"), or [] when there is no object there. */
function knownKeysAt(path) {
    let schema = planFileSchema;
    for (const seg of path) {
        const def = defOf(unwrap(schema));
        if (def.type === "object")
            schema = Object.hasOwn(def.shape ?? {}, String(seg)) ? def.shape?.[String(seg)] : undefined;
        else if (def.type === "array")
            schema = def.element;
        else if (def.type === "record")
            schema = def.valueType;
        else
            return [];
        if (!schema)
            return [];
    }
    const def = defOf(unwrap(schema));
    return def.type === "object" ? Object.keys(def.shape ?? {}) : [];
}
function unwrap(schema) {
    const def = defOf(schema);
    return def.type === "optional" && def.innerType ? def.innerType : schema;
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

;// CONCATENATED MODULE: ./src/core/plan/waves.ts
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

;// CONCATENATED MODULE: ./src/core/plan/rules.ts
// The plan rules beyond the schema (SPEC §1): ids, dependencies, cycles, agents, paths, durations, waves.
// They read the parsed data defensively, so they still run — and report — when the schema found problems
// elsewhere in the file: every error is reported in one go. Names from the plan are only ever looked up in Maps
// and Sets, so no name ("constructor", "__proto__") can answer from an object's prototype.







/** Longest accepted duration: beyond a day a time limit is a typo. */
const MAX_DURATION_MS = 24 * 60 * 60 * 1000;
/** Above this many candidates, "did you mean" costs more than it helps. */
const SUGGEST_LIMIT = 2000;
/** Every rule violation in the parsed plan data (whatever shape it has). */
function checkPlanRules(source) {
    const root = record(source.data);
    if (!root)
        return [];
    const plan = loosePlan(root);
    const issues = [];
    for (const rule of RULES) {
        for (const issue of rule(source, plan))
            issues.push(issue);
    }
    return issues;
}
function record(v) {
    return typeof v === "object" && v !== null && !Array.isArray(v) ? v : undefined;
}
const str = (v) => (typeof v === "string" ? v : undefined);
/** A name from the plan in a message: quoted, its control characters escaped (they never reach a terminal raw). */
const rules_q = (text) => JSON.stringify(text ?? "");
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
    return size > SUGGEST_LIMIT ? "" : didYouMean(word, Array.isArray(candidates) ? candidates : candidates.keys());
};
const checkIds = (source, plan) => {
    const issues = [];
    for (const s of plan.stories) {
        const first = s.id === undefined ? undefined : plan.ids.get(s.id);
        if (first === undefined || first === s.index)
            continue;
        const line = source.locate(["stories", first, "id"]).line;
        issues.push(source.issue(["stories", s.index, "id"], `duplicate story id ${rules_q(s.id)} (first used by stories[${first}], line ${line})`));
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
                message = `${rules_q(id)} is listed twice`;
            else if (id === s.id)
                message = `story ${rules_q(s.id)} depends on itself`;
            else if (!plan.ids.has(id))
                message = `unknown story ${rules_q(id)}${suggest(id, plan.ids)}`;
            seen?.add(id);
            if (message !== undefined)
                issues.push(source.issue(["stories", s.index, "dependsOn", k], message));
        }
    }
    return issues;
};
const checkCycles = (source, plan) => {
    const nodes = plan.stories.map((s) => ({ id: s.id ?? `\0${s.index}`, dependsOn: stringDeps(s) }));
    return findCycles(nodes).map((cycle) => {
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
        // A name with control characters is the schema's to report; it names no agent either way.
        if (name === undefined || name === "" || known.has(name) || patterns/* CONTROL_RE */.Gr.test(name))
            return;
        const defined = agents.length === 0 ? "agents defines none" : `agents defines ${agents.slice(0, 8).map((a) => `${rules_q(a)}`).join(", ")}${agents.length > 8 ? ", …" : ""}`;
        const hint = suggest(name, agents) || ` (${defined})`;
        issues.push(source.issue(["stories", s.index, role], `unknown agent ${rules_q(name)}${hint}`));
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
const pathProblem = (value, kind) => typeof value === "string" && value !== "" ? repoPathProblem(value, kind) : undefined;
/** Two stories writing their status into one story file would overwrite each other. */
const checkSharedStoryFiles = (source, plan) => {
    // Default files (<storiesDir>/<id>.md) of distinct ids are distinct: only a `file` key can make two meet.
    if (!plan.stories.some((s) => s.file !== undefined))
        return [];
    const given = plan.root.storiesDir;
    const dir = normalizeRepoPath(typeof given === "string" && !repoPathProblem(given, "directory") ? given : model/* DEFAULTS */.zY.storiesDir);
    const owners = new Map();
    const issues = [];
    for (const s of plan.stories) {
        if (s.id === undefined || plan.ids.get(s.id) !== s.index)
            continue;
        if (s.file !== undefined && repoPathProblem(s.file))
            continue;
        const file = s.file !== undefined ? normalizeRepoPath(s.file) : inDirectory(dir, `${s.id}.md`);
        const owner = owners.get(file);
        if (!owner) {
            owners.set(file, s);
            continue;
        }
        const at = ["stories", s.index, s.file !== undefined ? "file" : "id"];
        issues.push(source.issue(at, `story file ${rules_q(file)} is also the story file of ${rules_q(owner.id)} (stories[${owner.index}]): each story needs its own`));
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
        [["setup", "timeout"], record(plan.root.setup)?.timeout],
        ...Object.entries(agents).map(([name, a]) => [["agents", name, "timeout"], record(a)?.timeout]),
    ];
    return candidates.flatMap(([path, value]) => {
        const ms = typeof value === "string" ? (0,patterns/* parseDuration */.E9)(value) : undefined;
        if (ms === undefined)
            return [];
        if (ms === 0)
            return [source.issue(path, "must be longer than 0s")];
        if (ms > MAX_DURATION_MS)
            return [source.issue(path, `${rules_q(String(value))} is too long: at most 24h`)];
        return [];
    });
};
/**
 * A "__proto__" key in a record (agents, env): zod's records leave it out of their output without a word (copying
 * it could replace an object's prototype), so it would vanish between `plan` and `run`. It is refused here.
 */
const checkPrototypeKeys = (source, plan) => {
    const agents = record(plan.root.agents);
    if (!agents)
        return [];
    const issues = [];
    if (Object.hasOwn(agents, "__proto__"))
        issues.push(source.issue(["agents", "__proto__"], agentNameMessage("__proto__"), "key"));
    for (const name of Object.keys(agents)) {
        const env = record(record(agents[name])?.env);
        if (env && Object.hasOwn(env, "__proto__"))
            issues.push(source.issue(["agents", name, "env", "__proto__"], envNameMessage("__proto__"), "key"));
    }
    return issues;
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
                issues.push(source.issue(path, `${rules_q(id)} is already in wave ${before.wave + 1} (waves[${before.wave}][${before.at}]): each story goes in exactly one wave`));
            else if (!plan.ids.has(id))
                issues.push(source.issue(path, `unknown story ${rules_q(id)}${suggest(id, plan.ids)}`));
            else
                placed.set(id, { wave: w, at });
        });
    });
    for (const [id, index] of plan.ids) {
        const own = placed.get(id);
        if (!own) {
            issues.push(source.issue(["waves"], `story ${rules_q(id)} is in no wave`, "key"));
            continue;
        }
        for (const d of plan.stories[index]?.deps ?? []) {
            if (typeof d !== "string")
                continue;
            const dep = placed.get(d);
            if (d === id || !dep || dep.wave < own.wave)
                continue;
            issues.push(source.issue(["waves", own.wave, own.at], `${rules_q(id)} depends on ${rules_q(d)}, which is in wave ${dep.wave + 1}: a dependency must be in an earlier wave`));
        }
    }
    return issues;
};
/** setup.reuse and setup.copy (issue 10): inside the repository, clear of every story's own files. */
const checkSetupPaths = (source, plan) => checkSetup(source, plan.root, () => {
    const given = plan.root.storiesDir;
    const dir = normalizeRepoPath(typeof given === "string" && !repoPathProblem(given, "directory") ? given : model/* DEFAULTS */.zY.storiesDir);
    const own = new Map();
    for (const s of plan.stories) {
        if (s.testFile !== undefined && !repoPathProblem(s.testFile))
            own.set(normalizeRepoPath(s.testFile), `the test file of ${rules_q(s.id)}`);
        if (s.file !== undefined ? !repoPathProblem(s.file) : s.id !== undefined) {
            own.set(s.file !== undefined ? normalizeRepoPath(s.file) : inDirectory(dir, `${s.id}.md`), `the story file of ${rules_q(s.id)}`);
        }
    }
    return own;
});
const RULES = [checkIds, checkDependencies, checkCycles, checkAgents, checkAgentCommands, checkPaths, checkSharedStoryFiles, checkDurations, checkPrototypeKeys, checkWaves, checkSetupPaths];

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
            return iss.keys.map((key) => source.issue([...path, key], `unknown key "${key}"${didYouMean(key, knownKeysAt(path))}`, "key"));
        case "invalid_key":
            return [source.issue(path, iss.issues[0]?.message ?? iss.message, "key")];
        default:
            return [source.issue(path, iss.message)];
    }
}

// EXTERNAL MODULE: ./node_modules/jsonc-parser/lib/umd/main.js
var main = __webpack_require__(9547);
;// CONCATENATED MODULE: ./src/core/plan/document.ts
/** Line and column (1-based, in UTF-16 code units like the yaml library's LineCounter) of `offset` in `text`. */
function positionAt(text, offset) {
    let line = 1;
    let lineStart = 0;
    const end = Math.min(Math.max(0, offset), text.length);
    for (let i = 0; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, col: end - lineStart + 1 };
}

;// CONCATENATED MODULE: ./src/core/plan/json-source.ts
// A JSON plan: JSON.parse gives the verdict and the data (exactly JSON's grammar, "__proto__" an ordinary key);
// jsonc-parser, a maintained located JSON parser, says where and why a text is not JSON — comments, trailing
// commas, single quotes and other YAML-only syntax included — finds duplicate keys (JSON.parse keeps the last one
// silently) and where each key path is written.


const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };
function readJsonDocument(body) {
    let tree;
    const locate = (path, target = "value") => {
        tree ??= (0,main.parseTree)(body, [], STRICT);
        return positionAt(body, locateOffset(tree, path, target));
    };
    let data;
    try {
        data = JSON.parse(body);
    }
    catch (e) {
        return { data: undefined, syntax: [syntaxError(body, e)], locate };
    }
    const duplicates = duplicateKeys(body);
    return duplicates.length > 0 ? { data: undefined, syntax: duplicates, locate } : { data, syntax: [], locate };
}
/** Where and why JSON.parse refused `body`, in words. */
function syntaxError(body, e) {
    const errors = [];
    (0,main.parse)(body, errors, STRICT);
    const first = errors[0];
    if (!first) {
        // jsonc-parser saw nothing wrong: JSON.parse's own words, where it says where.
        const message = e instanceof Error ? e.message : String(e);
        const at = /at position (\d+)/.exec(message);
        return { ...positionAt(body, at ? Number(at[1]) : 0), message: `JSON syntax error: ${message}` };
    }
    return { ...positionAt(body, first.offset), message: `JSON syntax error: ${explain(body, first)}` };
}
function explain(body, error) {
    const found = foundAt(body, error.offset, error.length);
    const afterComma = /,\s*$/.test(body.slice(0, error.offset));
    switch ((0,main.printParseErrorCode)(error.error)) {
        case "InvalidCommentToken":
        case "UnexpectedEndOfComment":
            return "comments are not allowed in JSON";
        case "ValueExpected":
        case "PropertyNameExpected":
            if (afterComma && (found === '"]"' || found === '"}"'))
                return `trailing comma before ${found}`;
            if (found === `"'"`)
                return "strings and keys take double quotes in JSON, not single quotes";
            return (0,main.printParseErrorCode)(error.error) === "ValueExpected" ? `expected a value, found ${found}` : `expected a key in double quotes, found ${found}`;
        case "InvalidSymbol":
            if (found.startsWith(`"'`))
                return "strings and keys take double quotes in JSON, not single quotes";
            return (0,main.getLocation)(body, error.offset).isAtPropertyKey ? `expected a key in double quotes, found ${found}` : `expected a value, found ${found}`;
        case "ColonExpected":
            return `expected ":" after the key, found ${found}`;
        case "CommaExpected":
            return `expected "," between items, found ${found}`;
        case "CloseBraceExpected":
            return error.offset >= body.length ? 'unexpected end of file: missing "}"' : `expected "," or "}", found ${found}`;
        case "CloseBracketExpected":
            return error.offset >= body.length ? 'unexpected end of file: missing "]"' : `expected "," or "]", found ${found}`;
        case "EndOfFileExpected":
            return `unexpected ${found} after the end of the JSON value`;
        case "UnexpectedEndOfString":
            return "a string is not closed";
        case "InvalidNumberFormat":
        case "UnexpectedEndOfNumber":
            return "not a valid JSON number";
        case "InvalidUnicode":
            return 'invalid "\\u" escape in a string';
        case "InvalidEscapeCharacter":
            return "invalid escape sequence in a string";
        case "InvalidCharacter":
            return "control characters in strings must be escaped (\\n, \\t, \\u0000 …)";
        default:
            return `unexpected ${found}`;
    }
}
function foundAt(body, offset, length) {
    if (offset >= body.length)
        return "end of file";
    const token = body.slice(offset, offset + Math.max(1, Math.min(length, 20)));
    return JSON.stringify(token);
}
/** Every key that appears twice in one object, located at its second appearance. */
function duplicateKeys(body) {
    const found = [];
    const open = [];
    (0,main.visit)(body, {
        onObjectBegin: () => void open.push(new Set()),
        onObjectEnd: () => void open.pop(),
        onObjectProperty: (key, offset) => {
            const keys = open[open.length - 1];
            if (!keys)
                return;
            if (keys.has(key))
                found.push({ ...positionAt(body, offset), message: `JSON syntax error: duplicate key ${JSON.stringify(key)} (each key may appear once in an object)` });
            keys.add(key);
        },
    }, STRICT);
    return found;
}
/** The offset a key path is written at, or the nearest enclosing value's when part of it is missing. */
function locateOffset(tree, path, target) {
    let node = tree;
    let offset = tree?.offset ?? 0;
    for (let i = 0; i < path.length && node; i++) {
        const seg = path[i];
        const last = i === path.length - 1;
        if (node.type === "object") {
            const property = node.children?.find((p) => p.children?.[0]?.value === String(seg));
            if (!property)
                break;
            offset = property.offset;
            if (last && target === "key")
                break;
            node = property.children?.[1];
            if (node)
                offset = node.offset;
        }
        else if (node.type === "array" && typeof seg === "number") {
            node = (0,main.findNodeAtLocation)(node, [seg]);
            if (node)
                offset = node.offset;
        }
        else {
            break;
        }
    }
    return offset;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/core/plan/yaml-source.ts
// A YAML plan read by the `yaml` library: its LineCounter gives every error and every key path a line and column.

/** Syntax errors beyond this many are dropped: after a few, the rest are usually echoes of the first. */
const MAX_SYNTAX_ERRORS = 20;
function readYamlDocument(body) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(body, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
    const at = (offset) => lineCounter.linePos(offset);
    const result = { data: undefined, syntax: [], locate: makeLocator(doc, lineCounter) };
    const errors = [...doc.errors, ...doc.warnings];
    if (errors.length > 0) {
        const seen = new Set();
        for (const e of errors) {
            const syntax = { ...at(e.pos[0]), message: `YAML syntax error: ${yamlMessage(e.code, e.message)}` };
            const key = `${syntax.line}:${syntax.col}:${syntax.message}`;
            if (!seen.has(key) && seen.size < MAX_SYNTAX_ERRORS)
                result.syntax.push(syntax);
            seen.add(key);
        }
        return result;
    }
    try {
        result.data = doc.toJS({ maxAliasCount: 100 });
    }
    catch (e) {
        result.syntax.push({ ...aliasPosition(doc, lineCounter), message: `YAML error: ${e instanceof Error ? e.message : String(e)}` });
    }
    return result;
}
function yamlMessage(code, message) {
    if (code === "DUPLICATE_KEY")
        return "duplicate key (each key may appear once in a mapping)";
    if (code === "TAB_AS_INDENT")
        return "tabs are not allowed for indentation; use spaces";
    if (code === "MULTIPLE_DOCS")
        return 'the file holds several YAML documents ("---"); a plan is one document';
    return message.replace(/\s+/g, " ").trim();
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
function makeLocator(doc, lc) {
    return (path, target = "value") => {
        let offset = nodeStart(doc.contents) ?? 0;
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

;// CONCATENATED MODULE: ./src/core/plan/source.ts
// A plan file's text as data with positions: syntax errors located by line and column, and a locator that maps
// a key path (["stories", 2, "dependsOn", 0]) back to where it is written, so that every later error can be
// reported as FILE:LINE:COL path: message. YAML is read by the `yaml` library (yaml-source.ts), JSON by
// JSON.parse with jsonc-parser to say where and why it is not JSON (json-source.ts).




/** Parses plan text (YAML, or JSON held to JSON's own grammar) into data with positions. */
function readPlanSource(text, fileName) {
    const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
    const format = (0,plan_issue/* planFormat */.Tz)(fileName);
    const doc = format === "yaml"
        ? readYamlDocument(body)
        : format === "json"
            ? readJsonDocument(body)
            : { data: undefined, syntax: [{ line: 1, col: 1, message: "unsupported plan file extension: use .yml, .yaml or .json" }], locate: () => ({ line: 1, col: 1 }) };
    const locate = doc.locate;
    return {
        fileName,
        data: doc.data,
        issues: doc.syntax.map(({ line, col, message }) => ({ file: fileName, line, col, path: "", message })),
        locate,
        issue: (path, message, target) => ({ file: fileName, ...locate(path, target), path: (0,plan_issue/* formatPath */.jV)(path), message }),
    };
}

;// CONCATENATED MODULE: ./src/core/plan/story-files.ts



/**
 * Story-file issues of a valid plan: `contents` maps each story's `file` to its text, or null when it is
 * missing or not a file. Located at the story's `file` key when the plan gives one, else at its `id`.
 */
function checkStoryFiles(plan, fileName, text, contents) {
    return locateStoryFileProblems(storyFileProblems(plan, contents), fileName, text);
}
/** Story-file problems (acceptance.ts) located in the plan file `fileName` whose text is `text`. */
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
// FILE:LINE:COL path: message (SPEC §1): one reader per format (source.ts), one schema (schema.ts), then the plan
// rules once (rules.ts). Pure: reading files is the loader's job (adapters/plan-loader.ts).








/** Parses and validates a plan file's text; `fileName` picks YAML or JSON and names the file in errors. */
function parsePlan(text, fileName) {
    try {
        const source = readPlanSource(text, fileName);
        if (source.issues.length > 0)
            return { errors: source.issues, source };
        const schema = checkPlanSchema(source);
        const errors = sortIssues([...schema.issues, ...checkPlanRules(source)]);
        if (errors.length > 0 || !schema.file)
            return { errors, source };
        return { plan: buildPlan(schema.file), errors: [], source };
    }
    catch (e) {
        // The readers and zod are deep recursive walkers: absurd input (nesting thousands deep) can exhaust the
        // stack. That is still bad input, so it gets a located message like any other.
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

;// CONCATENATED MODULE: ./src/core/plan/repo-paths.ts

/** Every path of `plan` that must resolve inside the repository, in plan-file order. `fileGiven(i)`: stories[i] has a `file` key. */
function planPaths(plan, fileGiven) {
    const paths = [{ key: ["storiesDir"], path: plan.storiesDir }];
    if (plan.test.junit !== undefined && !plan.test.junit.includes("{storyId}"))
        paths.push({ key: ["test", "junit"], path: plan.test.junit });
    if (plan.prompts.tester !== undefined)
        paths.push({ key: ["prompts", "tester"], path: plan.prompts.tester });
    if (plan.prompts.implementation !== undefined)
        paths.push({ key: ["prompts", "implementation"], path: plan.prompts.implementation });
    for (const story of plan.stories) {
        const given = fileGiven(story.index);
        paths.push({ key: ["stories", story.index, given ? "file" : "id"], path: story.file, ...(given ? {} : { under: plan.storiesDir }) });
        paths.push({ key: ["stories", story.index, "testFile"], path: story.testFile });
        if (plan.test.junit?.includes("{storyId}"))
            paths.push({ key: ["test", "junit"], path: plan.test.junit.replaceAll("{storyId}", story.id) });
    }
    return paths;
}
function escapeMessage(path, escape) {
    const through = escape.link === path ? `is a symbolic link to "${escape.target}"` : `passes through "${escape.link}", a symbolic link to "${escape.target}"`;
    return `"${path}" leaves the repository: it ${through}; tdd-waves reads and writes only inside the repository`;
}
/** The default story files under the stories directory: `dir` itself escaping is said once, at storiesDir. */
function underDirectory(path, dir) {
    return path.under !== undefined && (dir === "." || path.path.startsWith(inDirectory(dir, "")));
}

;// CONCATENATED MODULE: ./src/adapters/plan-loader.ts
// Loads a plan from disk: reads and checks the file's bytes, parses and validates it (core/plan/parse.ts), checks
// on disk what only the disk can tell — story files exist with acceptance criteria, no path leaves the repository
// through a symbolic link — and computes the waves. Every bad input becomes one PlanError listing all problems.









/** A plan that cannot be used, with every problem found; the message is all of them, one per line. */
class PlanError extends Error {
    issues;
    constructor(issues) {
        super(issues.map(plan_issue/* formatIssue */.Hd).join("\n"));
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
    const { plan, errors, source } = parsePlan(text, planPath);
    if (!plan || !source)
        throw new PlanError(errors);
    const escapes = findEscapes(root, plan, source);
    const escaped = new Set(escapes.flatMap((e) => (e.story === undefined ? [] : [e.story])));
    const problems = plan_loader_checkStoryFiles(root, plan, escaped);
    if (escapes.length > 0 || problems.length > 0) {
        const issues = [...escapes.map((e) => e.issue), ...locateStoryFileProblems(problems, planPath, text)];
        throw new PlanError(issues.sort((a, b) => a.line - b.line || a.col - b.col));
    }
    let digest;
    return {
        plan,
        waves: computeWaves(plan),
        path: relative.split((external_node_path_default()).sep).join("/"),
        // Hashed on first use: `tdd-waves plan` never needs it, nor the crypto module's start-up cost.
        get digest() {
            return (digest ??= sha256(bytes));
        },
    };
}
/** "sha256:" + the hex digest of `bytes`; node:crypto is loaded on the first call. */
function sha256(bytes) {
    const { createHash } = (0,external_node_module_.createRequire)(require("url").pathToFileURL(__filename).href)("node:crypto");
    return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}
/**
 * Plan paths that leave the repository through a symbolic link (core/plan/repo-paths.ts): each is resolved
 * component by component, and a link's real target must be inside the repository. A link out of the stories
 * directory is reported once, at storiesDir, not again for each default story file in it.
 */
function findEscapes(root, plan, source) {
    const written = source.data.stories;
    const fileGiven = (i) => typeof written?.[i]?.file === "string";
    const links = new LinkResolver(root);
    const found = [];
    const said = new Set();
    let storiesDirEscapes = false;
    for (const p of planPaths(plan, fileGiven)) {
        if (storiesDirEscapes && underDirectory(p, plan.storiesDir))
            continue;
        const escape = links.escape(p.path);
        if (!escape)
            continue;
        if (p.key[0] === "storiesDir")
            storiesDirEscapes = true;
        // A JUnit template names one report per story: one message per link is enough.
        const once = `${p.key.join("/")} ${escape.link}`;
        if (said.has(once))
            continue;
        said.add(once);
        const story = p.key[0] === "stories" && p.key[2] !== "testFile" ? p.key[1] : undefined;
        found.push({ issue: source.issue(p.key, escapeMessage(p.path, escape)), ...(story === undefined ? {} : { story }) });
    }
    return found;
}
/** Resolves repository-relative paths one component at a time, each component once. */
class LinkResolver {
    root;
    resolved = new Map();
    constructor(root) {
        this.root = root;
    }
    /** The link through which `relative` leaves the repository, or undefined when it stays inside (or does not exist yet). */
    escape(relative) {
        let real = this.root;
        let prefix = "";
        for (const part of relative === "." ? [] : relative.split("/")) {
            prefix = prefix === "" ? part : `${prefix}/${part}`;
            let step = this.resolved.get(prefix);
            if (step === undefined) {
                step = this.step(real, part, prefix);
                this.resolved.set(prefix, step);
            }
            if (step === "missing")
                return undefined;
            if ("escape" in step)
                return step.escape;
            real = step.real;
        }
        return undefined;
    }
    step(parent, part, prefix) {
        const next = external_node_path_default().join(parent, part);
        let info;
        try {
            info = (0,external_node_fs_.lstatSync)(next, { throwIfNoEntry: false });
        }
        catch {
            return "missing";
        }
        if (!info)
            return "missing";
        if (!info.isSymbolicLink())
            return { real: next };
        let target;
        try {
            target = external_node_fs_.realpathSync.native(next);
        }
        catch {
            // A link to nothing yet: writing through it would create its target, so where it points is what counts.
            try {
                target = external_node_path_default().resolve(parent, (0,external_node_fs_.readlinkSync)(next));
            }
            catch {
                return "missing";
            }
        }
        return inside(this.root, target) ? { real: target } : { escape: { link: prefix, target } };
    }
}
function inside(root, target) {
    return target === root || target.startsWith(root.endsWith((external_node_path_default()).sep) ? root : root + (external_node_path_default()).sep);
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
    const invalid = (0,external_node_buffer_.isUtf8)(bytes) ? -1 : firstInvalidUtf8(bytes);
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
function plan_loader_checkStoryFiles(root, plan, skip) {
    const base = root.endsWith((external_node_path_default()).sep) ? root : root + (external_node_path_default()).sep;
    const dirs = storyDirectories(plan);
    const listings = new Map();
    const buffer = Buffer.allocUnsafe(READ_CHUNK);
    const problems = [];
    plan.stories.forEach((story, i) => {
        if (skip.has(i))
            return;
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

/***/ 1214:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dO: () => (/* binding */ PRESET_NAMES),
/* harmony export */   fG: () => (/* binding */ PRESETS),
/* harmony export */   ld: () => (/* binding */ presetCommand)
/* harmony export */ });
/* unused harmony export isPresetName */
/* harmony import */ var _testing_shell_quote_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5199);
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

/***/ 9308:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hd: () => (/* binding */ formatIssue),
/* harmony export */   Tz: () => (/* binding */ planFormat),
/* harmony export */   jV: () => (/* binding */ formatPath)
/* harmony export */ });
// A located plan problem and how it is written (FILE:LINE:COL path: message, SPEC §1), and the format a plan
// file name implies.
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

/***/ 2082:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ko: () => (/* binding */ retriesOf),
/* harmony export */   Q_: () => (/* binding */ storyBranch),
/* harmony export */   zY: () => (/* binding */ DEFAULTS)
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
    retries: 1,
};
/** Retries a story gets (its own, else the plan's, else 1): it has at most retries + 1 attempts. */
const retriesOf = (plan, story) => story.retries ?? plan.retries ?? DEFAULTS.retries;
/** Branch a story's work is committed on. */
const storyBranch = (planName, storyId) => `tdd-waves/${planName}/${storyId}`;


/***/ }),

/***/ 1236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   Ew: () => (/* binding */ TEST_FILE_PLACEHOLDER_RE),
/* harmony export */   Gr: () => (/* binding */ CONTROL_RE),
/* harmony export */   QC: () => (/* binding */ STORY_ID_RE),
/* harmony export */   U$: () => (/* binding */ AGENT_NAME_RE),
/* harmony export */   ZT: () => (/* binding */ NON_BLANK_RE),
/* harmony export */   Zf: () => (/* binding */ DURATION_RE),
/* harmony export */   eC: () => (/* binding */ PLAN_NAME_RE),
/* harmony export */   mb: () => (/* binding */ ENV_NAME_RE),
/* harmony export */   si: () => (/* binding */ NO_NUL_RE),
/* harmony export */   y$: () => (/* binding */ ONE_LINE_RE),
/* harmony export */   yb: () => (/* binding */ codePoint),
/* harmony export */   yw: () => (/* binding */ oneLineProblem)
/* harmony export */ });
// The value formats of a plan file (names, ids, durations, one-line text): the zod schema (schema.ts) checks
// them, and plan.schema.json carries them as patterns for editors.
const PLAN_NAME_RE = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const STORY_ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Agent names start with a letter or digit: no "__proto__", no name an object's prototype could answer for. */
const AGENT_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Environment variable names; "__proto__" is refused (it is no variable anyone needs, and a trap for objects). */
const ENV_NAME_RE = /^(?!__proto__$)[A-Za-z_][A-Za-z0-9_]*$/;
/** `10m`, `30s`, `1h`, `90s`, `1h30m`, `1h30m15s`: hours, minutes, seconds in that order, at least one. */
const DURATION_RE = /^(?=\d)(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
/** C0 and C1 control characters and DEL: never part of one line of text (a NUL cannot even reach a process). */
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f]/;
/** One line of text with something other than spaces on it, and no control characters. */
// eslint-disable-next-line no-control-regex
const ONE_LINE_RE = /^(?=[^\u0000-\u001f\u007f-\u009f]*\S)[^\u0000-\u001f\u007f-\u009f]*$/;
/** Any text that can reach a process (a command, an environment value): everything but NUL. */
// eslint-disable-next-line no-control-regex
const NO_NUL_RE = /^[^\u0000]*$/;
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
/** Why `text` is not one line of text, or undefined when it is. */
function oneLineProblem(text) {
    if (ONE_LINE_RE.test(text))
        return undefined;
    if (/[\r\n]/.test(text))
        return "must be a single line";
    const control = CONTROL_RE.exec(text);
    if (control)
        return `must not contain control characters (${codePoint(control[0])} at character ${control.index + 1})`;
    return "must not be empty";
}
/** `U+0000` for a character. */
function codePoint(ch) {
    return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}


/***/ }),

/***/ 1822:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DN: () => (/* binding */ hasAcceptanceCriteria),
/* harmony export */   pC: () => (/* binding */ criteriaOf)
/* harmony export */ });
/* unused harmony export acceptanceCriteria */
/* harmony import */ var _story_document_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6788);
// A story's acceptance criteria: the one reading that both `plan` (a story file must have at least one) and
// verify (every one must be checked) use, so the two never disagree.
//
// A criterion is what GitHub renders as a task list item under an acceptance-criteria heading:
// - The file is Markdown as CommonMark 0.31 reads it (markdown-blocks.ts): lines end at `\r\n`, `\n` or a
//   lone `\r`; tabs stop every 4 columns; a leading byte order mark and YAML front matter (`---` … `---`/`...`
//   on the first line) are not Markdown, so nothing in them counts.
// - A section opens at a heading (ATX `##` or setext `===`/`---`) at the top level of the document (not in a
//   list or block quote) whose text contains the words "acceptance criteria" (any case, any whitespace
//   between). It runs to the next top-level heading of the same or a higher level. Headings nested deeper,
//   even another "More acceptance criteria", stay inside it. A later acceptance-criteria heading after the
//   section ended opens another one.
// - Inside, a criterion is a GFM task list item: a list item (`-`, `*`, `+`, `1.`, `1)`), at any depth, in a
//   block quote too, whose first block is a paragraph that starts with `[ ]` (or a tab inside), `[x]` or
//   `[X]`, followed by a space, a tab or the end of the line, and that has text after the checkbox (on that
//   line or the next).
//   A non-breaking space is no space there: `- [ ]\u00a0x` is plain text, as GitHub shows it.
// - Nothing in fenced code (``` or ~~~; a backtick in a backtick fence's info string makes the line inline
//   code, no fence), indented code or an HTML block (`<!-- … -->`, `<details>` …) counts, and a line four
//   columns in after a blank line is code, not a list item.
// - Its text is the rest of the checkbox's line (or of the next line when that is empty), spaces and tabs
//   trimmed; its line number is 1-based in the whole file.

const ACCEPTANCE = /acceptance\s+criteria/i;
/** The criteria of a document read by readMarkdown. */
function criteriaOf(doc) {
    const { headings, tasks } = doc.blocks;
    const sections = [];
    let open;
    for (const h of headings) {
        if (open && h.level <= open.level) {
            sections.push([open.from, h.start]);
            open = undefined;
        }
        if (!open && ACCEPTANCE.test(h.text))
            open = { level: h.level, from: h.line + 1 };
    }
    if (open)
        sections.push([open.from, doc.lines.length]);
    return tasks
        .filter((t) => sections.some(([from, to]) => t.line >= from && t.line < to))
        .map((t) => ({ text: t.text, checked: t.checked, line: t.line + 1 }));
}
function acceptanceCriteria(text) {
    return criteriaOf((0,_story_document_js__WEBPACK_IMPORTED_MODULE_0__/* .readMarkdown */ .k)(text));
}
/** True when the story has at least one acceptance criterion (checked or not). */
function hasAcceptanceCriteria(text) {
    // Cheap answers first for the plan loader, which asks of every story file: without the heading's words or
    // anything like a checkbox there is none.
    if (!ACCEPTANCE.test(text) || !/\[[ \txX]\]/.test(text))
        return false;
    return acceptanceCriteria(text).length > 0;
}


/***/ }),

/***/ 5669:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ codeSpan),
/* harmony export */   l: () => (/* binding */ unCodeSpan)
/* harmony export */ });
// Markdown code spans for field values such as the test file: written so that any content survives, and
// read back to the content.
/** Renders a code span that survives any content: a fence longer than any backtick run inside. */
function codeSpan(s) {
    const longest = Math.max(0, ...Array.from(s.matchAll(/`+/g), (m) => m[0].length));
    const fence = "`".repeat(longest + 1);
    const pad = s.startsWith("`") || s.endsWith("`") || (s.startsWith(" ") && s.endsWith(" ") && s.trim() !== "") ? " " : "";
    return fence + pad + s + pad + fence;
}
/** The content of a value that is one code span, else the value itself. */
function unCodeSpan(v) {
    const run = /^`+/.exec(v)?.[0];
    if (!run || v.length <= run.length * 2 || !v.endsWith(run) || v[v.length - run.length - 1] === "`")
        return v;
    const inner = v.slice(run.length, v.length - run.length);
    return inner.length > 1 && inner.startsWith(" ") && inner.endsWith(" ") && inner.trim() !== "" ? inner.slice(1, -1) : inner;
}


/***/ }),

/***/ 800:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QD: () => (/* binding */ parseVerified),
/* harmony export */   Sw: () => (/* binding */ withFieldValue),
/* harmony export */   U2: () => (/* binding */ FIELD_LABEL),
/* harmony export */   Wd: () => (/* binding */ formatField),
/* harmony export */   cn: () => (/* binding */ parseField),
/* harmony export */   ot: () => (/* binding */ FIELD_ORDER),
/* harmony export */   rM: () => (/* binding */ readPlain)
/* harmony export */ });
/* harmony import */ var _code_span_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5669);
/* harmony import */ var _lines_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5774);
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9311);
// Field lines of a story file's header: `**Status:** x`, `**Status**: x`, `Status: x` (also `__`), the label
// in any case. Split into the part kept as written and the value, which alone an update rewrites.



const FIELD_ORDER = ["status", "assignee", "testFile", "verified"];
const FIELD_LABEL = {
    status: "Status",
    assignee: "Assignee",
    testFile: "Test file",
    verified: "Verified",
};
const FIELD_RE = /^([ \t]{0,3})(\*\*|__)?(status|assignee|test[ _-]?file|verified)(\*\*|__)?:(\*\*|__)?([ \t]*)(.*?)([ \t]*\\?[ \t]*)$/is;
function parseField(text) {
    const m = FIELD_RE.exec(text);
    if (!m)
        return undefined;
    const [, , open, label, closeBefore, closeAfter] = m;
    // Bold markers pair up around the label, with the colon inside or outside: `**Status:**`, `**Status**:`.
    const balanced = open
        ? (closeBefore === open && !closeAfter) || (!closeBefore && closeAfter === open)
        : !closeBefore && !closeAfter;
    if (!balanced)
        return undefined;
    const value = m[7];
    const trail = m[8];
    const normalized = label.toLowerCase().replace(/[ _-]/g, "");
    const key = normalized === "testfile" ? "testFile" : normalized;
    return { key, head: text.slice(0, text.length - value.length - trail.length), value, trail };
}
function withFieldValue(f, value) {
    const gap = value !== "" && !/[ \t]$/.test(f.head) ? " " : "";
    return f.head + gap + value + f.trail;
}
const PLACEHOLDERS = new Set(["", "—", "–", "-"]);
/** A plain value (a code span's content), undefined for a placeholder. */
function readPlain(value) {
    const v = (0,_code_span_js__WEBPACK_IMPORTED_MODULE_1__/* .unCodeSpan */ .l)(value);
    return PLACEHOLDERS.has(v) ? undefined : v;
}
function parseVerified(value) {
    const word = /\p{L}+/u.exec(value)?.[0]?.toLowerCase();
    if (word === "yes" || word === "true" || word === "y")
        return true;
    if (word === "no" || word === "false" || word === "n")
        return false;
    if (word === undefined && value.includes("✅"))
        return true;
    if (word === undefined && value.includes("❌"))
        return false;
    return undefined;
}
/** The value written for `key`, or undefined when the update leaves it alone. */
function formatField(key, update) {
    switch (key) {
        case "status":
            return update.status === undefined ? undefined : _status_js__WEBPACK_IMPORTED_MODULE_0__/* .STATUS_DISPLAY */ .ej[update.status];
        case "assignee":
            return update.assignee === undefined ? undefined : (0,_lines_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(update.assignee) || "—";
        case "testFile": {
            if (update.testFile === undefined)
                return undefined;
            const path = (0,_lines_js__WEBPACK_IMPORTED_MODULE_2__/* .oneLine */ .TN)(update.testFile);
            return path === "" ? "—" : (0,_code_span_js__WEBPACK_IMPORTED_MODULE_1__/* .codeSpan */ .S)(path);
        }
        case "verified":
            return update.verified === undefined ? undefined : update.verified ? "yes" : "no";
    }
}


/***/ }),

/***/ 5410:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ frontMatterEnd),
/* harmony export */   m: () => (/* binding */ findFrontMatterStatus)
/* harmony export */ });
/** Index of the closing `---` (or `...`) line, when the file opens with front matter. */
function frontMatterEnd(lines) {
    if (!lines[0] || !/^---[ \t]*$/.test(lines[0].text))
        return undefined;
    for (let i = 1; i < lines.length; i++)
        if (/^(?:---|\.\.\.)[ \t]*$/.test(lines[i].text))
            return i;
    return undefined;
}
/** Splits a YAML scalar after `key:`; undefined for anything but a one-line plain or quoted scalar. */
function splitScalar(rest) {
    const ws = /^[ \t]*/.exec(rest)[0];
    const r = rest.slice(ws.length);
    const quote = r[0];
    if (quote === '"' || quote === "'") {
        let j = 1;
        for (; j < r.length; j++) {
            if (quote === '"' && r[j] === "\\")
                j++;
            else if (quote === "'" && r[j] === "'" && r[j + 1] === "'")
                j++;
            else if (r[j] === quote)
                break;
        }
        if (j >= r.length)
            return undefined;
        return { lead: ws + quote, value: r.slice(1, j), tail: r.slice(j) };
    }
    if (ws === "" || r === "" || /^[|>&*!{[#]/.test(r))
        return undefined;
    const end = /[ \t]+#|[ \t]*$/.exec(r).index;
    return { lead: ws, value: r.slice(0, end), tail: r.slice(end) };
}
/** The top-level `status:` line of the front matter ending at `fmEnd`, when its value is one scalar. */
function findFrontMatterStatus(lines, fmEnd) {
    for (let i = 1; i < fmEnd; i++) {
        const text = lines[i].text;
        const m = /^(["']?)status\1[ \t]*:/i.exec(text);
        if (!m)
            continue;
        const scalar = splitScalar(text.slice(m[0].length));
        if (!scalar)
            return undefined;
        return { index: i, head: m[0] + scalar.lead, value: scalar.value, tail: scalar.tail };
    }
    return undefined;
}


/***/ }),

/***/ 5774:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   V1: () => (/* binding */ dominantEol),
/* harmony export */   cT: () => (/* binding */ joinLines),
/* harmony export */   uz: () => (/* binding */ splitLines),
/* harmony export */   z3: () => (/* binding */ isBlank)
/* harmony export */ });
/* unused harmony export trimTabs */
// A story file as lines that keep their own line endings, so that an edit rewrites only the lines it means
// to and every other byte survives. Line endings are CommonMark's: `\r\n`, `\n`, or a lone `\r`.
function splitLines(s) {
    const out = [];
    const re = /\r\n|\r|\n/g;
    let start = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
        out.push({ text: s.slice(start, m.index), eol: m[0] });
        start = m.index + m[0].length;
    }
    if (start < s.length)
        out.push({ text: s.slice(start), eol: "" });
    return out;
}
function joinLines(lines) {
    return lines.map((l) => l.text + l.eol).join("");
}
/** The line ending most lines have (a tie goes to `\n`, then `\r\n`): new lines are written with it. */
function dominantEol(lines) {
    const count = { "\n": 0, "\r\n": 0, "\r": 0 };
    for (const l of lines)
        if (l.eol !== "")
            count[l.eol]++;
    if (count["\r"] > count["\n"] && count["\r"] > count["\r\n"])
        return "\r";
    return count["\r\n"] > count["\n"] ? "\r\n" : "\n";
}
const isBlank = (text) => /^[ \t]*$/.test(text);
const trimTabs = (s) => s.replace(/^[ \t]+|[ \t]+$/g, "");
/** A value must stay on its own line, whatever the caller passes. */
const oneLine = (s) => trimTabs(s.replace(/[\r\n\u2028\u2029]+/g, " "));


/***/ }),

/***/ 8375:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ scanBlocks)
/* harmony export */ });
// The Markdown block structure of a story file, read line by line the way CommonMark 0.31 (and so GitHub)
// reads it: block quotes and list items (with tab stops), ATX and setext headings, fenced and indented code,
// HTML blocks, thematic breaks, paragraphs with lazy continuation lines, and GFM task list items. Only what the
// story file format needs comes out: the document-level headings, which lines are literal (code, HTML), the
// task list items, and what closes a block left open at the end. Inline content is not parsed.
//
// The algorithm is CommonMark's own (the reference implementation's block phase): for each line, the open
// containers it continues, then the new blocks it starts, then the rest as paragraph text. Not modelled,
// since no story file needs them: link reference definitions (a paragraph of nothing but definitions
// followed by `===` is still read as a heading here) and the tight/loose distinction of lists.
/** Spaces and tabs trimmed from both ends, in linear time whatever the text (a regex `[ \t]+$` is not). */
function trim(text) {
    let start = 0;
    let end = text.length;
    while (start < end && (text[start] === " " || text[start] === "\t"))
        start++;
    while (end > start && (text[end - 1] === " " || text[end - 1] === "\t"))
        end--;
    return text.slice(start, end);
}
/** An ATX heading's text: without the optional closing run of `#` (after a space or tab, or alone). */
function atxText(rest) {
    const text = trim(rest);
    let i = text.length;
    while (i > 0 && text[i - 1] === "#")
        i--;
    if (i === text.length)
        return text;
    if (i === 0)
        return "";
    return text[i - 1] === " " || text[i - 1] === "\t" ? trim(text.slice(0, i)) : text;
}
const ATX = /^#{1,6}(?:[ \t]+|$)/;
/** A backtick fence's info string may not contain a backtick: that line is inline code. */
const FENCE_OPEN = /^`{3,}(?!.*`)|^~{3,}/;
const FENCE_CLOSE = /^(?:`{3,}|~{3,})(?=[ \t]*$)/;
const SETEXT = /^(?:=+|-+)[ \t]*$/;
const THEMATIC = /^(?:\*[ \t]*){3,}$|^(?:_[ \t]*){3,}$|^(?:-[ \t]*){3,}$/;
const BULLET = /^[*+-]/;
const ORDERED = /^(\d{1,9})([.)])/;
const TASK = /^\[([ \txX])\](?:[ \t]|$)/;
/** Characters a block start can begin with: any other line is paragraph text. */
const MAYBE_SPECIAL = /^[#`~*+_=<>0-9-]/;
const TAG_NAME = "[A-Za-z][A-Za-z0-9-]*";
const ATTRIBUTE = `(?:\\s+[a-zA-Z_:][a-zA-Z0-9_.:-]*(?:\\s*=\\s*(?:[^"'=<>\`\\x00-\\x20]+|'[^']*'|"[^"]*"))?)`;
const HTML_OPEN = [
    /^<(?:script|pre|textarea|style)(?:\s|>|$)/i,
    /^<!--/,
    /^<[?]/,
    /^<![A-Za-z]/,
    /^<!\[CDATA\[/,
    /^<[/]?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[123456]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\s|[/]?[>]|$)/i,
    new RegExp(`^(?:<${TAG_NAME}${ATTRIBUTE}*\\s*/?>|</${TAG_NAME}\\s*>)\\s*$`, "i"),
];
/** How HTML blocks of kinds 1–5 end (6 and 7 end at a blank line). */
const HTML_CLOSE = [/<\/(?:script|pre|textarea|style)>/i, /-->/, /\?>/, />/, /\]\]>/];
/** A line that ends an HTML block of kind 1–5. */
function htmlCloser(block) {
    if (block.kind === 1)
        return `</${/^<([a-z]+)/i.exec(block.opening)[1].toLowerCase()}>`;
    return ["-->", "?>", ">", "]]>"][block.kind - 2];
}
const isLeaf = (b) => b.type !== "document" && b.type !== "quote" && b.type !== "item";
/** Reads the block structure of `lines` (line texts without their line endings). */
function scanBlocks(lines) {
    const scanner = new Scanner();
    lines.forEach((text, index) => scanner.line(text, index));
    return scanner.finish(lines.length);
}
class Scanner {
    /** The open blocks, outermost (the document) first: in CommonMark only a last child can be open. */
    open = [{ type: "document" }];
    out = { headings: [], literal: [], tasks: [] };
    /** How many of the open blocks the current line continues (the document always). */
    matched = 1;
    // The cursor on the current line, in characters (offset) and in columns (tabs stop every 4).
    text = "";
    index = 0;
    offset = 0;
    column = 0;
    nextNonspace = 0;
    nextNonspaceColumn = 0;
    indent = 0;
    blank = false;
    /** The run from spacesFrom to nextNonspace was spaces only: findNextNonspace can answer from it. */
    spacesOnly = false;
    spacesFrom = 0;
    get tip() {
        return this.open[this.open.length - 1];
    }
    finish(length) {
        for (let i = 0; i < length; i++)
            this.out.literal[i] ??= false;
        const top = this.open[1];
        if (top?.type === "fence")
            this.out.openEnd = top.marker;
        else if (top?.type === "html" && top.kind <= 5)
            this.out.openEnd = htmlCloser(top);
        while (this.open.length > 1)
            this.pop();
        return this.out;
    }
    line(text, index) {
        this.text = text;
        this.index = index;
        this.offset = 0;
        this.column = 0;
        this.spacesOnly = false;
        // 1. Which open blocks does this line continue?
        this.matched = 1;
        while (this.matched < this.open.length) {
            this.findNextNonspace();
            const r = this.continues(this.open[this.matched]);
            if (r === "done")
                return;
            if (r === "no")
                break;
            this.matched++;
        }
        const allClosed = this.matched === this.open.length;
        let container = this.open[this.matched - 1];
        // 2. New blocks this line starts.
        let leaf = container.type !== "paragraph" && isLeaf(container);
        while (!leaf) {
            this.findNextNonspace();
            if (this.indent < 4 && !MAYBE_SPECIAL.test(this.text.slice(this.nextNonspace))) {
                this.advanceNextNonspace();
                break;
            }
            const started = this.start(container, allClosed);
            if (started === undefined) {
                this.advanceNextNonspace();
                break;
            }
            container = this.tip;
            leaf = started === "leaf";
        }
        // 3. The rest of the line.
        if (!allClosed && !this.blank && this.tip.type === "paragraph" && this.matched < this.open.length) {
            this.addParagraphLine(this.tip); // a lazy continuation line
            return;
        }
        this.closeUnmatched();
        if (container.type === "fence" || container.type === "indented") {
            this.out.literal[index] = true;
        }
        else if (container.type === "html") {
            this.out.literal[index] = true;
            if (container.kind <= 5 && HTML_CLOSE[container.kind - 1].test(this.text.slice(this.offset)))
                this.pop();
        }
        else if (container.type === "paragraph") {
            this.addParagraphLine(container);
        }
        else if (this.offset < this.text.length && !this.blank) {
            this.advanceNextNonspace();
            this.startParagraph();
        }
    }
    closeUnmatched() {
        while (this.open.length > this.matched)
            this.pop();
    }
    pop() {
        const block = this.open.pop();
        if (block.type === "paragraph" && block.task?.confirmed)
            this.out.tasks.push(block.task.item);
    }
    continues(block) {
        switch (block.type) {
            case "quote":
                if (this.indent < 4 && this.text[this.nextNonspace] === ">") {
                    this.advanceNextNonspace();
                    this.advanceOffset(1, false);
                    if (this.isSpaceOrTab(this.offset))
                        this.advanceOffset(1, true);
                    return "yes";
                }
                return "no";
            case "item":
                if (this.blank) {
                    if (!block.hasChild)
                        return "no"; // a list item may begin with at most one blank line
                    this.advanceNextNonspace();
                    return "yes";
                }
                if (this.indent >= block.contentOffset) {
                    this.advanceOffset(block.contentOffset, true);
                    return "yes";
                }
                return "no";
            case "fence": {
                this.out.literal[this.index] = true;
                const m = this.indent < 4 && this.text[this.nextNonspace] === block.char ? FENCE_CLOSE.exec(this.text.slice(this.nextNonspace)) : null;
                if (m && m[0].length >= block.length) {
                    this.matched++;
                    this.closeUnmatched();
                    this.pop();
                    return "done";
                }
                for (let i = block.indent; i > 0 && this.isSpaceOrTab(this.offset); i--)
                    this.advanceOffset(1, true);
                return "yes";
            }
            case "indented":
                if (this.indent >= 4) {
                    this.advanceOffset(4, true);
                    return "yes";
                }
                if (this.blank) {
                    this.advanceNextNonspace();
                    return "yes";
                }
                return "no";
            case "html":
                return this.blank && block.kind >= 6 ? "no" : "yes";
            case "paragraph":
                return this.blank ? "no" : "yes";
            case "document":
                return "yes";
        }
    }
    /** Tries each block start in CommonMark's order: a container, a leaf, or nothing. */
    start(container, allClosed) {
        const rest = this.text.slice(this.nextNonspace);
        const indented = this.indent >= 4;
        if (!indented && rest[0] === ">") {
            this.advanceNextNonspace();
            this.advanceOffset(1, false);
            if (this.isSpaceOrTab(this.offset))
                this.advanceOffset(1, true);
            this.add({ type: "quote" });
            return "container";
        }
        let m;
        if (!indented && (m = ATX.exec(rest))) {
            this.advanceNextNonspace();
            this.advanceOffset(m[0].length, false);
            const text = atxText(this.text.slice(this.offset));
            this.heading(trim(m[0]).length, text, this.index);
            return "leaf";
        }
        if (!indented && (m = FENCE_OPEN.exec(rest))) {
            this.out.literal[this.index] = true;
            this.add({ type: "fence", char: m[0][0], length: m[0].length, indent: this.indent, marker: m[0] });
            this.advanceNextNonspace();
            this.advanceOffset(m[0].length, false);
            return "leaf";
        }
        if (!indented && rest[0] === "<") {
            for (let kind = 1; kind <= 7; kind++) {
                if (!HTML_OPEN[kind - 1].test(rest))
                    continue;
                // The last kind (any other tag alone on its line) cannot interrupt a paragraph, even a lazy one.
                if (kind === 7 && (container.type === "paragraph" || (!allClosed && !this.blank && this.tip.type === "paragraph")))
                    continue;
                this.add({ type: "html", kind, opening: rest });
                return "leaf";
            }
        }
        if (!indented && container.type === "paragraph" && (m = SETEXT.exec(rest))) {
            // The paragraph so far becomes the heading's text: no paragraph, so no task either.
            delete container.task;
            this.matched--;
            this.closeUnmatched();
            this.heading(m[0][0] === "=" ? 1 : 2, trim(container.lines.join("\n")), container.start);
            return "leaf";
        }
        if (!indented && THEMATIC.test(rest)) {
            this.closeUnmatched();
            this.closeLeaf();
            this.noteChild();
            this.offset = this.text.length;
            return "leaf";
        }
        const contentOffset = this.listItem(container);
        if (contentOffset !== undefined) {
            this.add({ type: "item", contentOffset, hasChild: false });
            return "container";
        }
        if (indented && this.tip.type !== "paragraph" && !this.blank) {
            this.advanceOffset(4, true);
            this.add({ type: "indented" });
            return "leaf";
        }
        return undefined;
    }
    /** When the line opens a list item: the column its content starts at (CommonMark's rules for the gap). */
    listItem(container) {
        if (this.indent >= 4)
            return undefined;
        const rest = this.text.slice(this.nextNonspace);
        const m = BULLET.exec(rest) ?? ORDERED.exec(rest);
        if (!m)
            return undefined;
        // Interrupting a paragraph, an ordered list starts at 1 and no item is empty.
        if (m[2] !== undefined && container.type === "paragraph" && m[1] !== "1")
            return undefined;
        const after = this.text[this.nextNonspace + m[0].length];
        if (after !== undefined && after !== " " && after !== "\t")
            return undefined;
        if (container.type === "paragraph" && !/[^ \t]/.test(this.text.slice(this.nextNonspace + m[0].length)))
            return undefined;
        const markerColumn = this.indent;
        this.advanceNextNonspace();
        this.advanceOffset(m[0].length, true);
        const spacesStartColumn = this.column;
        const spacesStartOffset = this.offset;
        do
            this.advanceOffset(1, true);
        while (this.column - spacesStartColumn < 5 && this.isSpaceOrTab(this.offset));
        const spaces = this.column - spacesStartColumn;
        if (spaces >= 5 || spaces < 1 || this.offset >= this.text.length) {
            // Content five columns in is code inside the item (and an empty first line says nothing): one space.
            this.column = spacesStartColumn;
            this.offset = spacesStartOffset;
            if (this.isSpaceOrTab(this.offset))
                this.advanceOffset(1, true);
            return markerColumn + m[0].length + 1;
        }
        return markerColumn + m[0].length + spaces;
    }
    /** Adds a block as the last child of the innermost open container, closing what this line did not continue. */
    add(block) {
        this.closeUnmatched();
        this.closeLeaf();
        this.noteChild();
        this.open.push(block);
        this.matched = this.open.length;
    }
    /** A leaf holds no blocks: a new block beside one closes it. */
    closeLeaf() {
        while (isLeaf(this.tip))
            this.pop();
        this.matched = this.open.length;
    }
    noteChild() {
        const parent = this.tip;
        if (parent.type === "item")
            parent.hasChild = true;
    }
    heading(level, text, start) {
        this.closeUnmatched();
        this.closeLeaf();
        this.noteChild();
        if (this.open.length === 1)
            this.out.headings.push({ level, text, start, line: this.index });
        this.offset = this.text.length;
    }
    startParagraph() {
        const text = this.text.slice(this.offset);
        const parent = this.tip;
        const firstInItem = parent.type === "item" && !parent.hasChild;
        const paragraph = { type: "paragraph", start: this.index, lines: [text] };
        this.add(paragraph);
        const m = firstInItem ? TASK.exec(text) : null;
        if (m) {
            const rest = trim(text.slice(3));
            paragraph.task = { item: { line: this.index, checked: m[1] === "x" || m[1] === "X", text: rest }, confirmed: rest !== "" };
        }
    }
    addParagraphLine(paragraph) {
        if (paragraph.type !== "paragraph")
            return;
        const text = this.text.slice(this.offset);
        paragraph.lines.push(text);
        const task = paragraph.task;
        if (task && !task.confirmed) {
            task.confirmed = true;
            task.item.text = trim(text);
        }
    }
    findNextNonspace() {
        // Each open container asks again from a little further on: a run of spaces already scanned is not scanned
        // again (with thousands of nested items, that would make a line cost the square of its indentation).
        if (this.spacesOnly && this.offset >= this.spacesFrom && this.offset <= this.nextNonspace) {
            this.nextNonspaceColumn = this.column + (this.nextNonspace - this.offset);
            this.indent = this.nextNonspaceColumn - this.column;
            return;
        }
        let i = this.offset;
        let cols = this.column;
        let tabs = false;
        for (;;) {
            const c = this.text[i];
            if (c === " ")
                cols++;
            else if (c === "\t") {
                cols += 4 - (cols % 4);
                tabs = true;
            }
            else
                break;
            i++;
        }
        this.spacesOnly = !tabs;
        this.spacesFrom = this.offset;
        this.blank = i >= this.text.length;
        this.nextNonspace = i;
        this.nextNonspaceColumn = cols;
        this.indent = cols - this.column;
    }
    advanceNextNonspace() {
        this.offset = this.nextNonspace;
        this.column = this.nextNonspaceColumn;
    }
    /** Moves `count` characters, or with `columns` that many columns (a tab may then be consumed in part). */
    advanceOffset(count, columns) {
        while (count > 0 && this.offset < this.text.length) {
            if (this.text[this.offset] === "\t") {
                const toTab = 4 - (this.column % 4);
                if (columns) {
                    const step = Math.min(toTab, count);
                    this.column += step;
                    if (step === toTab)
                        this.offset++;
                    count -= step;
                }
                else {
                    this.column += toTab;
                    this.offset++;
                    count--;
                }
            }
            else {
                this.offset++;
                this.column++;
                count--;
            }
        }
    }
    isSpaceOrTab(at) {
        const c = this.text[at];
        return c === " " || c === "\t";
    }
}


/***/ }),

/***/ 9311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Et: () => (/* binding */ statusToFrontMatter),
/* harmony export */   ej: () => (/* binding */ STATUS_DISPLAY),
/* harmony export */   i$: () => (/* binding */ parseStatus)
/* harmony export */ });
/* unused harmony exports statusToDisplay, statusFromFrontMatter */
const STATUS_DISPLAY = {
    pending: "⏳ Pending",
    testing: "🧪 Testing",
    implementing: "🔄 Implementing",
    complete: "✅ Complete",
    failed: "❌ Failed",
    blocked: "⛔ Blocked",
};
// Maps, not records: a lookup with a word such as "constructor" must not find Object.prototype.
const STATUS_WORDS = new Map([
    ["pending", "pending"],
    ["testing", "testing"],
    ["implementing", "implementing"],
    ["complete", "complete"],
    ["completed", "complete"],
    ["failed", "failed"],
    ["blocked", "blocked"],
]);
/** The emoji that opens each status' display form. */
const STATUS_EMOJI = Object.entries(STATUS_DISPLAY).map(([status, display]) => [display.split(" ")[0], status]);
/** Front matter says `in-progress` for both testing and implementing. */
const FRONT_MATTER_WORDS = new Map([...STATUS_WORDS, ["in-progress", "testing"], ["inprogress", "testing"]]);
function statusToDisplay(status) {
    return STATUS_DISPLAY[status];
}
/** Lenient: `✅ Complete`, `complete`, `COMPLETE`, `✅`, `❌ Failed (merge conflict)`; unknown → undefined. */
function parseStatus(text) {
    const word = /\p{L}+/u.exec(text)?.[0]?.toLowerCase();
    if (word !== undefined)
        return STATUS_WORDS.get(word);
    return STATUS_EMOJI.find(([emoji]) => text.includes(emoji))?.[1];
}
function statusToFrontMatter(status) {
    return status === "testing" || status === "implementing" ? "in-progress" : status;
}
/** `in-progress` reads as `testing`: a story caught in progress restarts from the tester (SPEC §3). */
function statusFromFrontMatter(value) {
    return FRONT_MATTER_WORDS.get(value.trim().toLowerCase().replace(/[ _]+/g, "-"));
}


/***/ }),

/***/ 6788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ parseDoc),
/* harmony export */   k: () => (/* binding */ readMarkdown)
/* harmony export */ });
/* harmony import */ var _fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(800);
/* harmony import */ var _front_matter_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5410);
/* harmony import */ var _lines_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5774);
/* harmony import */ var _markdown_blocks_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8375);
// A story file read as a document: its lines, front matter, Markdown blocks (markdown-blocks.ts), and the
// places the format gives meaning to: the title, the field lines before the first section heading, and the
// `## Completion` section. Reading (story-file.ts) and editing (story-update.ts) both start here.




function readMarkdown(text) {
    const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
    const lines = (0,_lines_js__WEBPACK_IMPORTED_MODULE_2__/* .splitLines */ .uz)(text.slice(bom.length));
    const fmEnd = (0,_front_matter_js__WEBPACK_IMPORTED_MODULE_3__/* .frontMatterEnd */ .Q)(lines);
    const bodyStart = fmEnd === undefined ? 0 : fmEnd + 1;
    const body = (0,_markdown_blocks_js__WEBPACK_IMPORTED_MODULE_1__/* .scanBlocks */ .g)(lines.slice(bodyStart).map((l) => l.text));
    const blocks = {
        headings: body.headings.map((h) => ({ ...h, start: h.start + bodyStart, line: h.line + bodyStart })),
        literal: [...Array(bodyStart).fill(true), ...body.literal],
        tasks: body.tasks.map((t) => ({ ...t, line: t.line + bodyStart })),
        ...(body.openEnd !== undefined ? { openEnd: body.openEnd } : {}),
    };
    return { bom, lines, ...(fmEnd !== undefined ? { fmEnd } : {}), bodyStart, blocks };
}
function parseDoc(text) {
    const doc = readMarkdown(text);
    const header = readHeader(doc);
    return { ...doc, eol: (0,_lines_js__WEBPACK_IMPORTED_MODULE_2__/* .dominantEol */ .V1)(doc.lines), ...header, ...findCompletion(doc) };
}
/** The part before the first section heading: where the title and the field lines are. */
function readHeader(doc) {
    const { lines, blocks } = doc;
    // A setext heading's text lines still belong to the header: field lines above a `---` are fields.
    const headerEnd = blocks.headings.find((h) => h.level >= 2)?.line ?? lines.length;
    const title = blocks.headings.find((h) => h.level === 1 && h.line < headerEnd);
    const fields = new Map();
    for (let i = doc.bodyStart; i < headerEnd; i++) {
        if (blocks.literal[i])
            continue;
        const field = (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .parseField */ .cn)(lines[i].text);
        if (field && !fields.has(field.key))
            fields.set(field.key, { index: i, field });
    }
    return { headerEnd, fields, ...(title ? { titleIndex: title.line } : {}) };
}
function findCompletion(doc) {
    const headings = doc.blocks.headings;
    const at = headings.findIndex((h) => h.level === 2 && h.text.toLowerCase() === "completion");
    if (at < 0)
        return {};
    const next = headings.slice(at + 1).find((h) => h.level <= 2);
    return { completion: { head: headings[at].line, end: next?.start ?? doc.lines.length } };
}


/***/ }),

/***/ 5199:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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


/***/ })

};
;