export const id = 706;
export const ids = [706];
export const modules = {

/***/ 7706:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W6: () => (/* binding */ PlanError),
  Yq: () => (/* binding */ loadPlan)
});

// UNUSED EXPORTS: firstInvalidUtf8

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/plan-model.ts
var plan_model = __webpack_require__(812);
;// CONCATENATED MODULE: ./src/core/plan-paths.ts
// Paths written in a plan are relative to the repository root and must stay inside it: one check and one
// normal form for all of them, so that "./a/b.ts" and "a/b.ts" are the same file everywhere.

/** Why `p` is not an acceptable repository-relative path, or undefined when it is. */
function repoPathProblem(p, kind = "file") {
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
    const n = external_node_path_.posix.normalize(p).replace(/\/+$/, "");
    return n === "" ? "." : n.replace(/^(\.\/)+/, "");
}
/** `<dir>/<name>` without a "./" when dir is the root. */
function joinRepoPath(dir, name) {
    const d = normalizeRepoPath(dir);
    return d === "." ? name : `${d}/${name}`;
}

;// CONCATENATED MODULE: ./src/core/did-you-mean.ts
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

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
;// CONCATENATED MODULE: ./src/core/plan-schema.ts
// The plan file's shape (SPEC §1) as one zod schema: the single source for validation, for the messages a
// user sees about types and formats, and for plan.schema.json (editors' completion and checking).

const PLAN_NAME_RE = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const STORY_ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const AGENT_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const ENV_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** `10m`, `30s`, `1h`, `90s`, `1h30m`, `1h30m15s`: hours, minutes, seconds in that order, at least one. */
const DURATION_RE = /^(?=\d)(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
/** A duration such as `1h30m` in milliseconds, or undefined when it is not one. */
function parseDuration(text) {
    const m = DURATION_RE.exec(text);
    if (!m)
        return undefined;
    const [h, min, s] = [m[1], m[2], m[3]].map((v) => (v === undefined ? 0 : Number(v)));
    return ((h * 60 + min) * 60 + s) * 1000;
}
const quoteShort = (v) => {
    const s = JSON.stringify(v) ?? String(v);
    return s.length > 40 ? `${s.slice(0, 37)}…"` : s;
};
const present = (input) => input !== undefined;
const DURATION_HINT = 'a number with h, m or s, like "10m", "90s" or "1h30m"';
const duration = () => schemas/* string */.YjP({ error: (iss) => (present(iss.input) ? `must be a duration: ${DURATION_HINT} (got ${quoteShort(iss.input)})` : undefined) })
    .regex(DURATION_RE, { error: (iss) => `${quoteShort(iss.input)} is not a duration: write ${DURATION_HINT}` });
const repoPath = (what) => schemas/* string */.YjP().min(1, { error: "must not be empty" }).meta({ description: `${what}, relative to the repository root (no "..", not absolute)` });
const agentSchema = schemas/* strictObject */.rej({
    run: schemas/* string */.YjP()
        .regex(/\S/, { error: "must not be empty: the shell command that runs the agent" })
        .meta({ description: "Shell command, run in the story's working copy" }),
    timeout: duration().optional().meta({ description: "Agent time limit, default 30m" }),
    env: schemas/* record */.g1P(schemas/* string */.YjP().regex(ENV_NAME_RE, {
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
        .regex(STORY_ID_RE, {
        error: (iss) => `${quoteShort(iss.input)} is not a story id: lowercase letters, digits and "-", starting with a letter or digit, at most 64 characters`,
    })
        .meta({ description: "Unique story id" }),
    title: schemas/* string */.YjP()
        .regex(/^(?=[^\r\n]*\S)[^\r\n]*$/, {
        error: (iss) => (typeof iss.input === "string" && /\S/.test(iss.input) ? "must be a single line" : "must not be empty"),
    })
        .meta({ description: "One-line title" }),
    epic: schemas/* string */.YjP()
        .regex(STORY_ID_RE, { error: (iss) => `${quoteShort(iss.input)} is not an epic name: lowercase letters, digits and "-"` })
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
        .regex(PLAN_NAME_RE, {
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
            .regex(/\{testFile\}/, { error: "must contain {testFile}, which is replaced by the story's test file" })
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
    agents: schemas/* record */.g1P(schemas/* string */.YjP().regex(AGENT_NAME_RE, {
        error: (iss) => `${quoteShort(iss.input)} is not an agent name: letters, digits, ".", "_" and "-", at most 64 characters`,
    }), agentSchema)
        .meta({ description: "Agents by name" }),
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

;// CONCATENATED MODULE: ./src/core/waves.ts
// Waves of a plan (SPEC §1): a story's wave is 1 + the highest wave of its dependencies, plan order inside a
// wave; plus the dependency-cycle search the plan checks use. Linear in stories + edges: plans may be large.

/** The plan's waves: `plan.waves` when given, else computed from the dependencies. Throws on a cycle. */
function computeWaves(plan) {
    if (plan.waves)
        return plan.waves.map((w) => [...w]);
    const { adjacency } = indexGraph(plan.stories);
    const order = topologicalOrder(adjacency);
    if (order.length < plan.stories.length)
        throw new Error("computeWaves: the plan has a dependency cycle");
    const wave = new Int32Array(plan.stories.length);
    for (const v of order) {
        let w = 1;
        for (const d of adjacency[v] ?? [])
            w = Math.max(w, (wave[d] ?? 0) + 1);
        wave[v] = w;
    }
    const waves = [];
    plan.stories.forEach((s, i) => {
        const w = (wave[i] ?? 1) - 1;
        (waves[w] ??= []).push(s.id);
    });
    return waves;
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
    const { adjacency } = indexGraph(nodes);
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
/** Node indexes and, per node, the indexes of its known dependencies (deduplicated, no self-loops). */
function indexGraph(nodes) {
    const index = new Map();
    nodes.forEach((n, i) => {
        if (!index.has(n.id))
            index.set(n.id, i);
    });
    const adjacency = nodes.map((n, i) => {
        if (index.get(n.id) !== i)
            return [];
        const deps = new Set();
        for (const d of n.dependsOn) {
            const j = index.get(d);
            if (j !== undefined && j !== i)
                deps.add(j);
        }
        return [...deps];
    });
    return { adjacency };
}
/** Kahn's algorithm on "depends on" edges: dependencies come before their dependents. */
function topologicalOrder(adjacency) {
    const n = adjacency.length;
    const remaining = new Int32Array(n);
    const dependents = Array.from({ length: n }, () => []);
    adjacency.forEach((deps, v) => {
        remaining[v] = deps.length;
        for (const d of deps)
            dependents[d]?.push(v);
    });
    const order = [];
    for (let v = 0; v < n; v++)
        if (remaining[v] === 0)
            order.push(v);
    for (let head = 0; head < order.length; head++) {
        for (const u of dependents[order[head] ?? 0] ?? []) {
            remaining[u] = (remaining[u] ?? 0) - 1;
            if (remaining[u] === 0)
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

;// CONCATENATED MODULE: ./src/core/plan-rules.ts
// The plan rules beyond the schema (SPEC §1): ids, dependencies, cycles, agents, paths, durations, waves.
// They read the parsed data defensively, so they still run — and report — when the schema found problems
// elsewhere in the file: every error is reported in one go.





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
    const rules = [checkIds, checkDependencies, checkCycles, checkAgents, checkPaths, checkSharedStoryFiles, checkDurations, checkWaves];
    return rules.flatMap((rule) => rule(source, plan));
}
function record(v) {
    return typeof v === "object" && v !== null && !Array.isArray(v) ? v : undefined;
}
const str = (v) => (typeof v === "string" ? v : undefined);
function loosePlan(root) {
    const list = Array.isArray(root.stories) ? root.stories : [];
    const stories = list.map((raw, index) => {
        const s = record(raw) ?? {};
        const deps = Array.isArray(s.dependsOn) ? s.dependsOn : [];
        return {
            index,
            id: str(s.id),
            deps: deps.flatMap((d, at) => (typeof d === "string" ? [{ id: d, at }] : [])),
            tester: str(s.tester),
            implementer: str(s.implementer),
            file: str(s.file),
            testFile: str(s.testFile),
        };
    });
    const ids = new Map();
    for (const s of stories)
        if (s.id !== undefined && !ids.has(s.id))
            ids.set(s.id, s.index);
    const agentMap = record(root.agents);
    return { root, stories, ids, agents: agentMap ? Object.keys(agentMap) : undefined };
}
const suggest = (word, candidates) => {
    const size = Array.isArray(candidates) ? candidates.length : candidates.size;
    return size > SUGGEST_LIMIT ? "" : didYouMean(word, Array.isArray(candidates) ? candidates : candidates.keys());
};
const checkIds = (source, plan) => plan.stories.flatMap((s) => {
    const first = s.id === undefined ? undefined : plan.ids.get(s.id);
    if (first === undefined || first === s.index)
        return [];
    const line = source.locate(["stories", first, "id"]).line;
    return [source.issue(["stories", s.index, "id"], `duplicate story id "${s.id}" (first used by stories[${first}], line ${line})`)];
});
const checkDependencies = (source, plan) => plan.stories.flatMap((s) => {
    const seen = new Set();
    return s.deps.flatMap((d) => {
        const at = ["stories", s.index, "dependsOn", d.at];
        if (seen.has(d.id))
            return [source.issue(at, `"${d.id}" is listed twice`)];
        seen.add(d.id);
        if (d.id === s.id)
            return [source.issue(at, `story "${s.id}" depends on itself`)];
        if (!plan.ids.has(d.id))
            return [source.issue(at, `unknown story "${d.id}"${suggest(d.id, plan.ids)}`)];
        return [];
    });
});
const checkCycles = (source, plan) => {
    const nodes = plan.stories.map((s) => ({ id: s.id ?? `\0${s.index}`, dependsOn: s.deps.map((d) => d.id) }));
    return findCycles(nodes).map((cycle) => {
        const from = plan.ids.get(cycle[0] ?? "") ?? 0;
        const next = cycle[1 % cycle.length];
        const at = plan.stories[from]?.deps.find((d) => d.id === next)?.at ?? 0;
        return source.issue(["stories", from, "dependsOn", at], `cycle: ${[...cycle, cycle[0]].join(" -> ")}`);
    });
};
const checkAgents = (source, plan) => {
    const agents = plan.agents;
    if (!agents)
        return [];
    const known = new Set(agents);
    const defined = agents.length === 0 ? "agents defines none" : `agents defines ${agents.slice(0, 8).map((a) => `"${a}"`).join(", ")}${agents.length > 8 ? ", …" : ""}`;
    return plan.stories.flatMap((s) => ["tester", "implementer"].flatMap((role) => {
        const name = s[role];
        if (name === undefined || name === "" || known.has(name))
            return [];
        const hint = suggest(name, agents) || ` (${defined})`;
        return [source.issue(["stories", s.index, role], `unknown agent "${name}"${hint}`)];
    }));
};
const checkPaths = (source, plan) => {
    const { root } = plan;
    const test = record(root.test);
    const prompts = record(root.prompts);
    const checks = [
        [["storiesDir"], root.storiesDir, "directory"],
        [["prompts", "tester"], prompts?.tester, "file"],
        [["prompts", "implementation"], prompts?.implementation, "file"],
        [["test", "junit"], typeof test?.junit === "string" ? test.junit.replaceAll("{storyId}", "story") : undefined, "file"],
        ...plan.stories.flatMap((s) => [
            [["stories", s.index, "file"], s.file, "file"],
            [["stories", s.index, "testFile"], s.testFile, "file"],
        ]),
    ];
    return checks.flatMap(([path, value, kind]) => {
        if (typeof value !== "string" || value === "")
            return [];
        const problem = repoPathProblem(value, kind);
        return problem ? [source.issue(path, problem)] : [];
    });
};
/** Two stories writing their status into one story file would overwrite each other. */
const checkSharedStoryFiles = (source, plan) => {
    const dir = typeof plan.root.storiesDir === "string" && !repoPathProblem(plan.root.storiesDir, "directory") ? plan.root.storiesDir : plan_model/* DEFAULTS */.z.storiesDir;
    const owners = new Map();
    return plan.stories.flatMap((s) => {
        if (s.id === undefined || plan.ids.get(s.id) !== s.index)
            return [];
        if (s.file !== undefined && repoPathProblem(s.file))
            return [];
        const file = s.file !== undefined ? normalizeRepoPath(s.file) : joinRepoPath(dir, `${s.id}.md`);
        const owner = owners.get(file);
        if (!owner) {
            owners.set(file, s);
            return [];
        }
        const at = ["stories", s.index, s.file !== undefined ? "file" : "id"];
        return [source.issue(at, `story file "${file}" is also the story file of "${owner.id}" (stories[${owner.index}]): each story needs its own`)];
    });
};
const checkDurations = (source, plan) => {
    const agents = record(plan.root.agents) ?? {};
    const candidates = [
        [["test", "timeout"], record(plan.root.test)?.timeout],
        ...Object.entries(agents).map(([name, a]) => [["agents", name, "timeout"], record(a)?.timeout]),
    ];
    return candidates.flatMap(([path, value]) => {
        const ms = typeof value === "string" ? parseDuration(value) : undefined;
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
            const dep = placed.get(d.id);
            if (d.id === id || !dep || dep.wave < own.wave)
                continue;
            issues.push(source.issue(["waves", own.wave, own.at], `"${id}" depends on "${d.id}", which is in wave ${dep.wave + 1}: a dependency must be in an earlier wave`));
        }
    }
    return issues;
};

;// CONCATENATED MODULE: ./src/core/plan-schema-check.ts


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

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/core/json-syntax.ts
// Strict JSON syntax check with the offset of the first error. The plan loader reads .json plans with the
// YAML parser (for node positions), and YAML accepts things JSON does not (trailing commas, comments,
// unquoted keys) and JSON.parse silently keeps the last of duplicate keys, so JSON's own grammar is checked
// first, duplicate keys included. Iterative, so deep nesting cannot overflow the stack.
const WS = new Set([" ", "\t", "\n", "\r"]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
/** The first JSON syntax error in `text`, or undefined when it is valid JSON (RFC 8259). */
function findJsonSyntaxError(text) {
    return new JsonScanner(text).run();
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

;// CONCATENATED MODULE: ./src/core/plan-source.ts
// A plan file's text as a YAML document with positions: syntax errors located by line and column, and a
// locator that maps a key path (["stories", 2, "dependsOn", 0]) back to where it is written, so that
// every later error can be reported as FILE:LINE:COL path: message.


/** Syntax errors beyond this many are dropped: after a few, the rest are usually echoes of the first. */
const MAX_SYNTAX_ERRORS = 20;
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
/** Parses plan text (YAML, or JSON checked against JSON's own grammar) into data with positions. */
function readPlanSource(text, fileName) {
    const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
    const lineCounter = new dist/* LineCounter */.HN();
    // JSON data comes from JSON.parse (many times faster than the YAML parser on large plans); the YAML
    // document, for positions, is only built when an error needs locating.
    let doc;
    const document = () => (doc ??= (0,dist/* parseDocument */.Tp)(body, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true }));
    const locate = makeLocator(document, lineCounter);
    const source = {
        fileName,
        data: undefined,
        issues: [],
        locate,
        issue: (path, message, target) => ({ file: fileName, ...locate(path, target), path: formatPath(path), message }),
    };
    const format = planFormat(fileName);
    if (format === undefined) {
        source.issues.push(fileIssue(fileName, { line: 1, col: 1 }, "unsupported plan file extension: use .yml, .yaml or .json"));
    }
    else if (format === "json") {
        readJson(body, source);
    }
    else {
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
    const err = findJsonSyntaxError(body);
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

;// CONCATENATED MODULE: ./src/core/plan-story-files.ts

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const TASK_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+\[[ xX]\](?:\s|$)/;
/** True when a task-list item (`- [ ]`, `* [x]`, `1. [X]`, nested too) is under an "Acceptance Criteria" heading. */
function hasAcceptanceCheckbox(markdown) {
    const lines = markdown.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
    let fence;
    let acLevel;
    for (let i = skipFrontMatter(lines); i < lines.length; i++) {
        const line = lines[i] ?? "";
        const f = FENCE.exec(line)?.[1];
        if (fence !== undefined) {
            if (f !== undefined && f[0] === fence[0] && f.length >= fence.length)
                fence = undefined;
            continue;
        }
        if (f !== undefined) {
            fence = f;
            continue;
        }
        const h = HEADING.exec(line);
        if (h) {
            const level = (h[1] ?? "").length;
            if (acLevel !== undefined && level <= acLevel)
                acLevel = undefined;
            if (/acceptance criteria/i.test(h[2] ?? ""))
                acLevel = level;
            continue;
        }
        if (acLevel !== undefined && TASK_ITEM.test(line))
            return true;
    }
    return false;
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
/**
 * Story-file issues of a valid plan: `contents` maps each story's `file` to its text, or null when it is
 * missing or not a file. Located at the story's `file` key when the plan gives one, else at its `id`.
 */
function checkStoryFiles(plan, fileName, text, contents) {
    const problems = plan.stories.flatMap((story) => {
        const content = contents.get(story.file);
        if (content === undefined || content === null)
            return [{ story, message: `story file "${story.file}" is missing` }];
        if (hasAcceptanceCheckbox(content))
            return [];
        const message = `story file "${story.file}" has no acceptance-criteria checkbox: add "- [ ] …" items under a "## Acceptance Criteria" heading`;
        return [{ story, message }];
    });
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

;// CONCATENATED MODULE: ./src/core/plan.ts
// Plan file text -> validated Plan with defaults applied, or every problem in it, each located as
// FILE:LINE:COL path: message (SPEC §1). Pure: reading files is the loader's job (adapters/plan-loader.ts).









/** Parses and validates a plan file's text; `fileName` picks YAML or JSON and names the file in errors. */
function parsePlan(text, fileName) {
    try {
        const source = readPlanSource(text, fileName);
        if (source.issues.length > 0)
            return { errors: source.issues };
        const schema = checkPlanSchema(source);
        const errors = sortIssues([...schema.issues, ...checkPlanRules(source)]);
        if (errors.length > 0 || !schema.file)
            return { errors };
        return { plan: buildPlan(schema.file), errors: [] };
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
        const key = formatIssue(issue);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/** Applies the defaults of SPEC §1 to a plan file that passed every check. */
function buildPlan(file) {
    const storiesDir = file.storiesDir === undefined ? plan_model/* DEFAULTS */.z.storiesDir : normalizeRepoPath(file.storiesDir);
    const stories = file.stories.map((s, index) => ({
        id: s.id,
        title: s.title.trim(),
        epic: s.epic ?? defaultEpic(s.id),
        file: s.file === undefined ? joinRepoPath(storiesDir, `${s.id}.md`) : normalizeRepoPath(s.file),
        testFile: normalizeRepoPath(s.testFile),
        tester: s.tester,
        implementer: s.implementer,
        dependsOn: [...(s.dependsOn ?? [])],
        index,
    }));
    const agents = Object.fromEntries(Object.entries(file.agents).map(([name, a]) => [
        name,
        { name, run: a.run, timeoutMs: durationOr(a.timeout, plan_model/* DEFAULTS */.z.agentTimeoutMs), env: { ...(a.env ?? {}) } },
    ]));
    const plan = {
        name: file.name,
        maxParallel: file.maxParallel ?? plan_model/* DEFAULTS */.z.maxParallel,
        storiesDir,
        test: {
            command: file.test.command,
            ...(file.test.junit === undefined ? {} : { junit: normalizeRepoPath(file.test.junit) }),
            timeoutMs: durationOr(file.test.timeout, plan_model/* DEFAULTS */.z.testTimeoutMs),
        },
        prompts: {
            ...(file.prompts?.tester === undefined ? {} : { tester: normalizeRepoPath(file.prompts.tester) }),
            ...(file.prompts?.implementation === undefined ? {} : { implementation: normalizeRepoPath(file.prompts.implementation) }),
        },
        tdd: { requireRed: file.tdd?.requireRed ?? plan_model/* DEFAULTS */.z.requireRed, lockTests: file.tdd?.lockTests ?? plan_model/* DEFAULTS */.z.lockTests },
        agents,
        stories,
    };
    if (file.waves)
        plan.waves = file.waves.map((w) => [...w]);
    return plan;
}
/** `msm-auth-001` -> `msm-auth`; an id without "-" is its own epic. */
function defaultEpic(id) {
    const cut = id.lastIndexOf("-");
    return cut > 0 ? id.slice(0, cut) : id;
}
function durationOr(text, fallback) {
    return text === undefined ? fallback : (parseDuration(text) ?? fallback);
}

;// CONCATENATED MODULE: ./src/adapters/plan-loader.ts
// Loads a plan from disk: reads and checks the file's bytes, parses and validates it (core/plan.ts), reads the
// story files the rules need, and computes the waves. Every bad input becomes one PlanError listing all problems.





/** A plan that cannot be used, with every problem found; the message is all of them, one per line. */
class PlanError extends Error {
    issues;
    constructor(issues) {
        super(issues.map(formatIssue).join("\n"));
        this.name = "PlanError";
        this.issues = issues;
    }
}
/** Plans larger than this are refused before parsing: no real plan comes near it. */
const MAX_PLAN_BYTES = 32 * 1024 * 1024;
/** Story files read at once. */
const READ_CONCURRENCY = 32;
/** Reads, validates and resolves the plan at `planPath` (paths in it are relative to `repoRoot`). */
async function loadPlan(planPath, repoRoot, options = {}) {
    const cwd = options.cwd ?? process.cwd();
    const absolute = external_node_path_default().resolve(cwd, planPath);
    const fail = (message, line = 1, col = 1) => {
        throw new PlanError([{ file: planPath, line, col, path: "", message }]);
    };
    const bytes = await readPlanBytes(absolute, fail);
    const text = decodePlanText(bytes, fail);
    const root = await (0,promises_.realpath)(external_node_path_default().resolve(cwd, repoRoot)).catch(() => fail(`repository root "${repoRoot}" does not exist`));
    const relative = external_node_path_default().relative(root, await (0,promises_.realpath)(absolute).catch(() => fail("plan file not found")));
    if (relative === ".." || relative.startsWith(`..${(external_node_path_default()).sep}`) || external_node_path_default().isAbsolute(relative)) {
        fail(`the plan file is outside the repository (${root})`);
    }
    const { plan, errors } = parsePlan(text, planPath);
    if (!plan)
        throw new PlanError(errors);
    const storyIssues = checkStoryFiles(plan, planPath, text, await readStoryFiles(root, plan));
    if (storyIssues.length > 0)
        throw new PlanError(storyIssues);
    return {
        plan,
        waves: computeWaves(plan),
        path: relative.split((external_node_path_default()).sep).join("/"),
        digest: `sha256:${(0,external_node_crypto_.createHash)("sha256").update(bytes).digest("hex")}`,
    };
}
async function readPlanBytes(file, fail) {
    const info = await (0,promises_.stat)(file).catch((e) => fail(fileErrorMessage(e)));
    if (info.isDirectory())
        fail("is a directory, not a plan file");
    if (!info.isFile())
        fail("is not a regular file");
    if (info.size > MAX_PLAN_BYTES)
        fail(`is too large for a plan file (${info.size} bytes)`);
    return (0,promises_.readFile)(file).catch((e) => fail(fileErrorMessage(e)));
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
    const invalid = firstInvalidUtf8(bytes);
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
/** Story file path -> its text, or null when it is missing or not a readable file. */
async function readStoryFiles(root, plan) {
    const files = [...new Set(plan.stories.map((s) => s.file))];
    const contents = new Map();
    let next = 0;
    const worker = async () => {
        while (next < files.length) {
            const file = files[next++];
            contents.set(file, await readTextFile(external_node_path_default().join(root, file)));
        }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
    return contents;
}
/** A regular file's text; null for anything else (missing, a directory, a pipe that would block). */
async function readTextFile(file) {
    try {
        return (await (0,promises_.stat)(file)).isFile() ? await (0,promises_.readFile)(file, "utf8") : null;
    }
    catch {
        return null;
    }
}


/***/ }),

/***/ 812:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ storyBranch),
/* harmony export */   z: () => (/* binding */ DEFAULTS)
/* harmony export */ });
// The resolved execution plan: what the rest of tdd-waves works with once a plan file has been
// parsed, validated and had its defaults applied (see plan.ts for parsing, SPEC §1 for the format).
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


/***/ })

};
