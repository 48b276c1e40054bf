export const id = 294;
export const ids = [294];
export const modules = {

/***/ 6640:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ buildReport)
/* harmony export */ });
/* unused harmony exports REPORT_KEYS, RESULT_KEYS, evidencePassed, durationOf */
/* harmony import */ var _state_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6624);

/** The keys SPEC §5 requires first, in this order. */
const REPORT_KEYS = [
    "totalWaves",
    "totalStories",
    "storiesCompleted",
    "storiesFailed",
    "storiesRemaining",
    "results",
    "totalTestsCovered",
    "totalTestsPassed",
];
/** The keys SPEC §5 requires first in each `results[]` entry, in this order. */
const RESULT_KEYS = (/* unused pure expression or super */ null && ([
    "storyId",
    "wave",
    "testerAgent",
    "testFile",
    "testsPassed",
    "implAgent",
    "implStatus",
    "filesModified",
    "acChecklistComplete",
    "verifiedProduction",
]));
const OWN_KEYS = new Set([...REPORT_KEYS, "storiesBlocked", "plan", "target", "status", "lastUpdate"]);
/** A test run that passed: exit code 0, not timed out, and no test counted as failing. */
function evidencePassed(e) {
    if (!e || e.exitCode !== 0 || e.timedOut)
        return false;
    return e.passed === null || e.total === null || e.passed === e.total;
}
/** `ids` in plan order; ids the plan does not know follow, in their own order. */
function inPlanOrder(ids, plan) {
    const index = new Map(plan.stories.map((s) => [s.id, s.index]));
    const known = ids.filter((id) => index.has(id)).sort((a, b) => index.get(a) - index.get(b));
    return [...known, ...ids.filter((id) => !index.has(id))];
}
function agentOf(run, phase, fallback) {
    return run?.phases.find((p) => p.phase === phase && p.agent)?.agent ?? fallback;
}
function implStatusOf(run, status) {
    const impl = run?.phases.filter((p) => p.phase === "implementation") ?? [];
    if (status === "blocked" || impl.length === 0)
        return "skipped";
    if (status === "complete")
        return "success";
    if (status === "failed")
        return "failed";
    const last = impl[impl.length - 1];
    return last.outcome === "ok" ? "success" : last.outcome === "failed" ? "failed" : "skipped";
}
/** Wall time of the attempt: first phase start to last phase end. */
/** From the first phase's start to the last phase's end; null when no phase has ended. */
function durationOf(run) {
    return run ? (0,_state_state_js__WEBPACK_IMPORTED_MODULE_0__/* .runDuration */ .Eo)(run) : null;
}
function resultOf(state, story) {
    const run = state.runs[story.id];
    const status = (0,_state_state_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(state, story.id);
    const result = run?.result;
    const green = result?.green;
    return {
        storyId: story.id,
        wave: run?.wave || state.waves.findIndex((w) => w.includes(story.id)) + 1,
        testerAgent: agentOf(run, "tester", story.tester),
        testFile: story.testFile,
        testsPassed: evidencePassed(green),
        implAgent: agentOf(run, "implementation", story.implementer),
        implStatus: implStatusOf(run, status),
        filesModified: result?.filesModified ?? [],
        acChecklistComplete: result?.acChecklistComplete ?? false,
        verifiedProduction: result?.verifiedProduction ?? false,
        status,
        attempt: run?.attempt ?? 0,
        testsPassedCount: green?.passed ?? null,
        testsTotal: green?.total ?? null,
        red: result?.red ?? null,
        green: green ?? null,
        durationMs: durationOf(run),
        ...(run?.reason ? { reason: run.reason } : {}),
        ...(result?.commit ? { commit: result.commit } : {}),
        ...(run?.runUrl ? { runUrl: run.runUrl } : {}),
        ...logsOf(run),
    };
}
function logsOf(run) {
    const logs = {};
    for (const p of run?.phases ?? [])
        if (p.log)
            logs[p.phase] = p.log;
    return Object.keys(logs).length > 0 ? { logs } : {};
}
function checkExtra(extra) {
    for (const key of Object.keys(extra)) {
        // Integer-like keys would be moved before the contract's keys by every JSON serialiser.
        if (/^(0|[1-9]\d*)$/.test(key))
            throw new RangeError(`buildReport: extra key "${key}" is integer-like and would be ordered first`);
        if (OWN_KEYS.has(key))
            throw new RangeError(`buildReport: extra key "${key}" is one of the report's own keys`);
    }
}
/**
 * The report: SPEC §5 keys first, in order, then `storiesBlocked`, `plan`, `target`, `status`,
 * `lastUpdate`, then `extra`. `results` has one entry per story (in plan order) that has run or was
 * failed or blocked; stories never started have none. Test totals sum the green runs' counts.
 */
function buildReport(state, plan, extra = {}) {
    checkExtra(extra);
    const b = state.stories;
    const stories = [...plan.stories].sort((x, y) => x.index - y.index);
    const results = stories
        .filter((s) => state.runs[s.id] !== undefined || b.failed.includes(s.id) || b.blocked.includes(s.id))
        .map((s) => resultOf(state, s));
    const sum = (f) => results.reduce((n, r) => n + (f(r) ?? 0), 0);
    return {
        totalWaves: state.waves.length,
        totalStories: plan.stories.length,
        storiesCompleted: inPlanOrder(b.completed, plan),
        storiesFailed: inPlanOrder(b.failed, plan),
        storiesRemaining: inPlanOrder([...b.pending, ...b.inProgress, ...b.blocked], plan),
        results,
        totalTestsCovered: sum((r) => r.testsTotal),
        totalTestsPassed: sum((r) => r.testsPassedCount),
        storiesBlocked: inPlanOrder(b.blocked, plan),
        plan: state.plan.name,
        target: state.target,
        status: state.status,
        lastUpdate: state.lastUpdate,
        ...extra,
    };
}


/***/ }),

/***/ 3699:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ho: () => (/* binding */ updateStoryFile),
/* harmony export */   KC: () => (/* binding */ readStoryFile),
/* harmony export */   SS: () => (/* binding */ codeSpan),
/* harmony export */   ej: () => (/* binding */ STATUS_DISPLAY)
/* harmony export */ });
/* unused harmony exports statusToDisplay, parseStatus, statusToFrontMatter, statusFromFrontMatter */
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
function splitLines(s) {
    const out = [];
    let i = 0;
    while (i < s.length) {
        const nl = s.indexOf("\n", i);
        if (nl < 0) {
            out.push({ text: s.slice(i), eol: "" });
            break;
        }
        const crlf = nl - 1 >= i && s[nl - 1] === "\r";
        out.push({ text: s.slice(i, crlf ? nl - 1 : nl), eol: crlf ? "\r\n" : "\n" });
        i = nl + 1;
    }
    return out;
}
function joinLines(lines) {
    return lines.map((l) => l.text + l.eol).join("");
}
function dominantEol(lines) {
    let crlf = 0;
    let lf = 0;
    for (const l of lines) {
        if (l.eol === "\r\n")
            crlf++;
        else if (l.eol === "\n")
            lf++;
    }
    return crlf > lf ? "\r\n" : "\n";
}
const isBlank = (text) => /^[ \t]*$/.test(text);
const trimTabs = (s) => s.replace(/^[ \t]+|[ \t]+$/g, "");
/** A value must stay on its own line, whatever the caller passes. */
const oneLine = (s) => trimTabs(s.replace(/[\r\n\u2028\u2029]+/g, " "));
function parseHeading(text) {
    const m = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/s.exec(text);
    if (!m)
        return undefined;
    const content = (m[2] ?? "").replace(/(?:^|[ \t]+)#+[ \t]*$/, "");
    return { level: m[1].length, text: trimTabs(content) };
}
function fenceOpening(text) {
    const m = /^ {0,3}(`{3,}|~{3,})(.*)$/s.exec(text);
    if (!m)
        return undefined;
    // A backtick fence's info string may not contain a backtick (CommonMark): that is inline code.
    if (m[1].startsWith("`") && m[2].includes("`"))
        return undefined;
    return m[1];
}
function closesFence(text, opening) {
    const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(text);
    return !!m && m[1][0] === opening[0] && m[1].length >= opening.length;
}
function scanBlocks(texts) {
    const heading = [];
    const code = [];
    let fence;
    for (const text of texts) {
        if (fence !== undefined) {
            code.push(true);
            heading.push(undefined);
            if (closesFence(text, fence))
                fence = undefined;
            continue;
        }
        fence = fenceOpening(text);
        code.push(fence !== undefined);
        heading.push(fence === undefined ? parseHeading(text) : undefined);
    }
    return { heading, code, ...(fence !== undefined ? { openFence: fence } : {}) };
}
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
/** Renders a code span that survives any content: a fence longer than any backtick run inside. */
function codeSpan(s) {
    const longest = Math.max(0, ...Array.from(s.matchAll(/`+/g), (m) => m[0].length));
    const fence = "`".repeat(longest + 1);
    const pad = s.startsWith("`") || s.endsWith("`") || (s.startsWith(" ") && s.endsWith(" ") && s.trim() !== "") ? " " : "";
    return fence + pad + s + pad + fence;
}
function unCodeSpan(v) {
    const run = /^`+/.exec(v)?.[0];
    if (!run || v.length <= run.length * 2 || !v.endsWith(run) || v[v.length - run.length - 1] === "`")
        return v;
    const inner = v.slice(run.length, v.length - run.length);
    return inner.length > 1 && inner.startsWith(" ") && inner.endsWith(" ") && inner.trim() !== "" ? inner.slice(1, -1) : inner;
}
function readPlain(value) {
    const v = unCodeSpan(value);
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
function formatField(key, update) {
    switch (key) {
        case "status":
            return update.status === undefined ? undefined : STATUS_DISPLAY[update.status];
        case "assignee":
            return update.assignee === undefined ? undefined : oneLine(update.assignee) || "—";
        case "testFile": {
            if (update.testFile === undefined)
                return undefined;
            const path = oneLine(update.testFile);
            return path === "" ? "—" : codeSpan(path);
        }
        case "verified":
            return update.verified === undefined ? undefined : update.verified ? "yes" : "no";
    }
}
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
function parseDoc(text) {
    const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
    const lines = splitLines(text.slice(bom.length));
    const fmEnd = frontMatterEnd(lines);
    const bodyStart = fmEnd === undefined ? 0 : fmEnd + 1;
    // Front matter lines are scanned as code: a YAML `# comment` is no heading.
    const scanned = scanBlocks(lines.slice(bodyStart).map((l) => l.text));
    const blocks = {
        heading: [...Array(bodyStart).fill(undefined), ...scanned.heading],
        code: [...Array(bodyStart).fill(true), ...scanned.code],
        ...(scanned.openFence !== undefined ? { openFence: scanned.openFence } : {}),
    };
    const header = readHeader(lines, blocks, bodyStart);
    return {
        bom,
        lines,
        eol: dominantEol(lines),
        ...(fmEnd !== undefined ? { fmEnd } : {}),
        bodyStart,
        blocks,
        ...header,
        ...findCompletion(blocks, header.headerEnd, lines.length),
    };
}
/** The part before the first `##` heading: where the title and the field lines are. */
function readHeader(lines, blocks, bodyStart) {
    let headerEnd = lines.length;
    for (let i = bodyStart; i < lines.length; i++) {
        if ((blocks.heading[i]?.level ?? 0) >= 2) {
            headerEnd = i;
            break;
        }
    }
    let titleIndex;
    const fields = new Map();
    for (let i = bodyStart; i < headerEnd; i++) {
        if (blocks.code[i])
            continue;
        if (blocks.heading[i]?.level === 1)
            titleIndex ??= i;
        const field = parseField(lines[i].text);
        if (field && !fields.has(field.key))
            fields.set(field.key, { index: i, field });
    }
    return { headerEnd, fields, ...(titleIndex !== undefined ? { titleIndex } : {}) };
}
function findCompletion(blocks, from, length) {
    for (let i = from; i < length; i++) {
        const h = blocks.heading[i];
        if (!h || h.level !== 2 || h.text.toLowerCase() !== "completion")
            continue;
        let end = i + 1;
        while (end < length && !((blocks.heading[end]?.level ?? 99) <= 2))
            end++;
        return { completion: { head: i, end } };
    }
    return {};
}
// ---------------------------------------------------------------------------------------------------
// Reading
const TASK_RE = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[([ xX])\](?:[ \t]+(.*))?$/s;
function readCriteria(doc) {
    const criteria = [];
    let sectionLevel;
    for (let i = doc.bodyStart; i < doc.lines.length; i++) {
        if (doc.blocks.code[i])
            continue;
        const h = doc.blocks.heading[i];
        if (h) {
            if (sectionLevel !== undefined && h.level <= sectionLevel)
                sectionLevel = undefined;
            if (sectionLevel === undefined && /acceptance criteria/i.test(h.text))
                sectionLevel = h.level;
            continue;
        }
        if (sectionLevel === undefined)
            continue;
        const m = TASK_RE.exec(doc.lines[i].text);
        if (m)
            criteria.push({ text: trimTabs(m[2] ?? ""), checked: m[1] !== " ", line: i + 1 });
    }
    return criteria;
}
function splitTitle(title) {
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)[ \t]*:[ \t]*(.*)$/s.exec(title);
    return m ? { id: m[1], title: m[2] } : { title };
}
function readCompletion(doc) {
    if (!doc.completion)
        return undefined;
    const body = doc.lines.slice(doc.completion.head + 1, doc.completion.end).map((l) => l.text);
    while (body.length && isBlank(body[0]))
        body.shift();
    while (body.length && isBlank(body[body.length - 1]))
        body.pop();
    return body.join("\n");
}
function readStoryFile(text) {
    const doc = parseDoc(text);
    const info = { criteria: readCriteria(doc), eol: doc.eol };
    if (doc.titleIndex !== undefined) {
        info.title = doc.blocks.heading[doc.titleIndex].text;
        info.heading = splitTitle(info.title);
    }
    const value = (key) => doc.fields.get(key)?.field.value;
    const statusText = value("status");
    if (statusText !== undefined) {
        info.statusText = statusText;
        const status = parseStatus(statusText);
        if (status)
            info.status = status;
    }
    const assignee = value("assignee");
    if (assignee !== undefined && readPlain(assignee) !== undefined)
        info.assignee = readPlain(assignee);
    const testFile = value("testFile");
    if (testFile !== undefined && readPlain(testFile) !== undefined)
        info.testFile = readPlain(testFile);
    const verified = value("verified");
    if (verified !== undefined && parseVerified(verified) !== undefined)
        info.verified = parseVerified(verified);
    if (doc.fmEnd !== undefined) {
        const s = findFrontMatterStatus(doc.lines, doc.fmEnd);
        info.frontMatter = s ? { status: s.value } : {};
    }
    const completion = readCompletion(doc);
    if (completion !== undefined)
        info.completion = completion;
    return info;
}
// ---------------------------------------------------------------------------------------------------
// Writing
/**
 * Keeps a new Completion body inside its section whatever it holds: a `#`/`##` heading line would end
 * the section early, an unclosed fence would swallow the next one, and a `---` at column 0 would close a
 * file's opening `---` rule into front matter (always indented: whether the file opens with one changes
 * as fields are inserted, and the result must not).
 */
function sanitizeCompletionBody(body) {
    const texts = body.split(/\r\n|\r|\n/);
    while (texts.length && isBlank(texts[0]))
        texts.shift();
    while (texts.length && isBlank(texts[texts.length - 1]))
        texts.pop();
    const scan = scanBlocks(texts);
    const out = texts.map((t, i) => {
        if ((scan.heading[i]?.level ?? 99) <= 2)
            return "\\" + t.replace(/^ +/, "");
        // Indented by one space it renders the same and closes no front matter.
        return /^(?:---|\.\.\.)[ \t]*$/.test(t) ? " " + t : t;
    });
    if (scan.openFence !== undefined)
        out.push(scan.openFence);
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
    if (doc.blocks.openFence !== undefined)
        lines.push({ text: doc.blocks.openFence, eol });
    const last = lines[lines.length - 1];
    if (last && !isBlank(last.text))
        lines.push(blank());
    lines.push({ text: "## Completion", eol });
    if (bodyLines.length)
        lines.push(blank(), ...bodyLines);
}
function insertMissingFields(lines, doc, missing, ctx) {
    const eol = doc.eol;
    const fieldLine = ([key, value]) => ({ text: `**${FIELD_LABEL[key]}:** ${value}`, eol });
    if (doc.fields.size > 0) {
        insertBesideFields(lines, doc, missing.map((m) => [m[0], fieldLine(m)]));
        return;
    }
    const blank = () => ({ text: "", eol });
    const block = [];
    let at;
    if (doc.titleIndex !== undefined) {
        at = doc.titleIndex + 1;
        if (lines[at] && isBlank(lines[at].text))
            at++;
        else
            block.push(blank());
    }
    else {
        at = doc.bodyStart;
        if (doc.fmEnd !== undefined && lines[at] && isBlank(lines[at].text))
            at++;
        block.push({ text: `# ${oneLine(ctx.storyId)}: ${oneLine(ctx.title)}`, eol }, blank());
    }
    block.push(...missing.map(fieldLine));
    if (lines[at] && !isBlank(lines[at].text))
        block.push(blank());
    lines.splice(at, 0, ...block);
}
/** A missing field goes after the nearest present field before it in canonical order, else before the next one. */
function insertBesideFields(lines, doc, missing) {
    const groups = new Map();
    for (const [key, line] of missing) {
        const k = FIELD_ORDER.indexOf(key);
        const before = FIELD_ORDER.slice(0, k).reverse().find((f) => doc.fields.has(f));
        const after = FIELD_ORDER.slice(k + 1).find((f) => doc.fields.has(f));
        const at = before !== undefined ? doc.fields.get(before).index + 1 : doc.fields.get(after).index;
        groups.set(at, [...(groups.get(at) ?? []), line]);
    }
    for (const at of [...groups.keys()].sort((a, b) => b - a))
        lines.splice(at, 0, ...groups.get(at));
}
function updateFrontMatter(lines, doc, status) {
    if (doc.fmEnd === undefined)
        return;
    const s = findFrontMatterStatus(lines, doc.fmEnd);
    if (s)
        lines[s.index] = { ...lines[s.index], text: s.head + statusToFrontMatter(status) + s.tail };
}
/**
 * Applies an update surgically: field values, the front matter `status` and the Completion body change;
 * missing field lines (and, without any, a title) and a missing Completion section are inserted; every
 * other byte stays. Idempotent.
 */
function updateStoryFile(text, update, ctx) {
    const doc = parseDoc(text);
    const lines = doc.lines.map((l) => ({ ...l }));
    // Work with every line terminated; the last one loses its EOL again if the file had none.
    const finalNewline = lines.length === 0 || lines[lines.length - 1].eol !== "";
    if (!finalNewline)
        lines[lines.length - 1].eol = doc.eol;
    if (update.status !== undefined)
        updateFrontMatter(lines, doc, update.status);
    const missing = [];
    for (const key of FIELD_ORDER) {
        const value = formatField(key, update);
        if (value === undefined)
            continue;
        const present = doc.fields.get(key);
        if (present)
            lines[present.index] = { ...lines[present.index], text: withFieldValue(present.field, value) };
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
    return doc.bom + joinLines(lines);
}


/***/ })

};
