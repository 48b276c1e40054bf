export const id = 185;
export const ids = [185];
export const modules = {

/***/ 4185:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  viewCommand: () => (/* binding */ viewCommand)
});

// EXTERNAL MODULE: ./src/core/render/gantt.ts
var gantt = __webpack_require__(2990);
// EXTERNAL MODULE: ./src/core/render/report.ts
var report = __webpack_require__(6640);
// EXTERNAL MODULE: ./src/core/render/usage.ts
var render_usage = __webpack_require__(9039);
// EXTERNAL MODULE: ./src/core/agents/usage.ts
var usage = __webpack_require__(5785);
// EXTERNAL MODULE: ./src/core/story/story-file.ts
var story_file = __webpack_require__(3699);
// EXTERNAL MODULE: ./src/core/state/state.ts
var state_state = __webpack_require__(6624);
// EXTERNAL MODULE: ./src/core/own.ts
var core_own = __webpack_require__(6207);
;// CONCATENATED MODULE: ./src/core/render/summary.ts
// Human-facing views of an execution (SPEC §5, §6): the GitHub run summary, the pull request comment and
// the terminal `status` (text and JSON). Pure: state and plan in, text out; the size limits of the places
// they are posted to are kept here, by truncating with a note, never silently.







/** The story-file status values (SPEC §2), used wherever a status is shown to a person. */
const STATUS_LABEL = story_file/* STATUS_DISPLAY */.ej;
/** GitHub refuses comments over 65,536 characters; a margin keeps edits by hand possible. */
const COMMENT_MAX_CHARS = 65_000;
/** GITHUB_STEP_SUMMARY takes at most 1 MiB per step. */
const SUMMARY_MAX_BYTES = 1_000_000;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const INVISIBLE = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu;
/** One line of plain text: no control characters (terminal escapes included), no bidi overrides. */
function plainText(text, max = 200) {
    const line = text.replace(LONE_SURROGATE, "\uFFFD").replace(INVISIBLE, " ").replace(/\s+/gu, " ").trim();
    const points = Array.from(line);
    return points.length <= max ? line : `${points.slice(0, max - 1).join("")}…`;
}
/**
 * Text for a Markdown table cell (or any inline Markdown): one line, HTML and Markdown syntax escaped,
 * `|` escaped, and `@mention` / `#123` references broken so that a title never pings anyone.
 */
function markdownCell(text, max = 200) {
    return plainText(text, max)
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/[\\`*_[\]~|!]/g, (c) => `\\${c}`)
        .replace(/([@#])(?=[\w-])/g, "$1\u200B");
}
/** A fenced code block whose fence no run of backticks in `content` can close. */
function fenced(content, lang) {
    const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((r) => r.length));
    const fence = "`".repeat(Math.max(3, longest + 1));
    return `${fence}${lang}\n${content.replace(/\n$/, "")}\n${fence}`;
}
/** `[text](url)` with the characters that would end the link destination encoded. */
function summary_link(text, url) {
    const safe = url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
    return `[${text}](${safe})`;
}
function formatDuration(ms) {
    if (ms === null)
        return "—";
    const s = Math.round(ms / 1000);
    if (s < 60)
        return `${s}s`;
    const m = Math.floor(s / 60);
    if (m < 60)
        return `${m}m ${String(s % 60).padStart(2, "0")}s`;
    return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, "0")}m`;
}
function evidence(e) {
    if (!e)
        return null;
    const icon = e.timedOut ? "⏱" : e.exitCode === 0 ? "✓" : "✗";
    return e.passed !== null && e.total !== null ? `${icon} ${e.passed}/${e.total}` : icon;
}
function redGreen(r) {
    const red = evidence(r?.red ?? null);
    const green = evidence(r?.green ?? null);
    return red === null && green === null ? "—" : `${red ?? "—"} → ${green ?? "—"}`;
}
const percent = (part, total) => (total === 0 ? 0 : Math.floor((part / total) * 100));
function countOf(state, ids) {
    const c = { total: ids.length, completed: 0, failed: 0, blocked: 0, inProgress: 0, pending: 0 };
    for (const id of ids) {
        const s = (0,state_state/* statusOf */.c2)(state, id);
        if (s === "complete")
            c.completed++;
        else if (s === "failed")
            c.failed++;
        else if (s === "blocked")
            c.blocked++;
        else if (s === "pending")
            c.pending++;
        else
            c.inProgress++;
    }
    return c;
}
const allIds = (state) => state.waves.flat();
function countsLine(c) {
    return `${c.completed}/${c.total} complete (${percent(c.completed, c.total)}%) · ${c.failed} failed · ${c.blocked} blocked · ${c.inProgress} in progress · ${c.pending} pending`;
}
function headline(state) {
    const wave = state.currentWave > 0 ? ` — wave ${state.currentWave} of ${state.waves.length}` : "";
    return `**${state.status}**${wave} · ${countsLine(countOf(state, allIds(state)))}`;
}
/** What the agents cost, and why the execution stopped, under the headline (nothing when there is neither). */
function usageParagraphs(state, plan) {
    const usage = usageLine(state, plan);
    const stopped = state.stopped ? `\n\n**Stopped:** ${markdownCell(state.stopped.message, 300)}` : "";
    return `${usage ? `\n\n${markdownCell(usage, 300)}` : ""}${stopped}`;
}
const chars = (t) => t.length;
/** UTF-8 length, without TextEncoder so that core stays free of runtime globals. */
const utf8 = (t) => {
    let n = 0;
    for (const ch of t) {
        const c = ch.codePointAt(0);
        n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
    return n;
};
/** A table with as many rows as fit `budget`, and a note naming how many were left out and where they are. */
function fitTable(head, rows, budget, measure, note) {
    const full = [head, ...rows].join("\n");
    if (measure(full) <= budget)
        return full;
    const kept = [];
    let used = measure(head) + measure(note(rows.length)) + 4;
    for (const row of rows) {
        if (used + measure(row) + 1 > budget)
            break;
        kept.push(row);
        used += measure(row) + 1;
    }
    if (kept.length === 0 && used > budget)
        return measure(note(rows.length)) <= budget ? note(rows.length) : "";
    return `${[head, ...kept].join("\n")}\n\n${note(rows.length - kept.length)}`;
}
/** Whole Gantt charts, in order, as many as fit; a note for the rest. */
function fitGantt(charts, budget, measure, where) {
    const blocks = charts.map((c) => fenced(c, "mermaid"));
    const kept = [];
    const note = (n) => `_${n} more Gantt chart${n === 1 ? "" : "s"} left out for size: ${where}._`;
    let used = measure(note(charts.length)) + 2;
    for (const b of blocks) {
        if (used + measure(b) + 2 > budget)
            break;
        kept.push(b);
        used += measure(b) + 2;
    }
    const parts = kept.length === blocks.length ? kept : [...kept, note(blocks.length - kept.length)];
    return measure(parts.join("\n\n")) <= budget ? parts.join("\n\n") : "";
}
/** Sections rendered in priority order against what is left of the budget, then put in display order. */
function assemble(sections, budget, measure) {
    let left = budget;
    const out = [];
    for (const s of sections) {
        const text = s.render(left - 2);
        if (!text)
            continue;
        left -= measure(text) + 2;
        out.push({ order: s.order, text });
    }
    return `${out.sort((a, b) => a.order - b.order).map((s) => s.text).join("\n\n")}\n`;
}
// ---------------------------------------------------------------------------------------------------
// Tables.
function storyRows(state, plan, report) {
    const results = new Map(report.results.map((r) => [r.storyId, r]));
    const withCost = hasUsage(state);
    return [...plan.stories]
        .sort((a, b) => a.index - b.index)
        .map((story) => {
        const r = results.get(story.id);
        const status = statusOf(state, story.id);
        const reason = r?.reason && (status === "failed" || status === "blocked") ? `: ${markdownCell(r.reason, 100)}` : "";
        const tests = r?.testsTotal != null ? `${r.testsPassedCount ?? 0}/${r.testsTotal}` : "—";
        const wave = r?.wave || state.waves.findIndex((w) => w.includes(story.id)) + 1;
        const cells = [
            markdownCell(story.id),
            markdownCell(story.title, 80),
            String(wave),
            `${STATUS_LABEL[status]}${reason}`,
            markdownCell(r?.testerAgent ?? story.tester),
            markdownCell(r?.implAgent ?? story.implementer),
            tests,
            redGreen(r),
            formatDuration(r?.durationMs ?? null),
            ...(withCost ? [costCell(state, story.id)] : []),
        ];
        return `| ${cells.join(" | ")} |`;
    });
}
const STORY_HEAD = "| Story | Title | Wave | Status | Tester | Implementer | Tests | Red → green | Duration |\n|---|---|--:|---|---|---|--:|---|--:|";
/** The story table's head: with a Cost column once agents have reported usage. */
const storyHead = (state) => (hasUsage(state) ? STORY_HEAD.replace(" |\n", " | Cost |\n").concat("--:|") : STORY_HEAD);
function progressBar(p) {
    const filled = Math.floor(p / 10);
    return `${"█".repeat(filled)}${"░".repeat(10 - filled)} ${p}%`;
}
function epicRows(state, plan) {
    const order = [...new Set([...plan.stories.map((s) => s.epic), ...Object.keys(state.epics)])];
    return order.flatMap((epic) => {
        const e = own(state.epics, epic);
        if (!e)
            return [];
        return [`| ${markdownCell(epic)} | ${e.completed} | ${e.failed} | ${e.total} | ${progressBar(percent(e.completed, e.total))} |`];
    });
}
const EPIC_HEAD = "| Epic | Complete | Failed | Total | Progress |\n|---|--:|--:|--:|---|";
function reportBlock(report, budget, measure) {
    const wrap = (json) => `<details><summary>Report</summary>\n\n${fenced(json, "json")}\n\n</details>`;
    for (const json of [JSON.stringify(report, null, 2), JSON.stringify(report)]) {
        const block = wrap(json);
        if (measure(block) <= budget)
            return block;
    }
    const note = "_The report is too large for this summary: see `tdd-waves-report.json` or `tdd-waves report`._";
    return measure(note) <= budget ? note : "";
}
// ---------------------------------------------------------------------------------------------------
// The run summary and the pull request comment.
function titleOf(plan) {
    return Object.fromEntries(plan.stories.map((s) => [s.id, s.title]));
}
/** True once some phase has been recorded: before that there is no Gantt worth drawing. */
const hasRun = (state) => Object.values(state.runs).some((r) => r.phases.length > 0);
function ganttSection(charts, budget, measure) {
    if (charts.length === 0)
        return "### Gantt\n\n_No phase has run yet._";
    const heading = "### Gantt\n\n";
    const body = fitGantt(charts, budget - measure(heading), measure, "`tdd-waves gantt` prints them all");
    return body ? heading + body : "";
}
/**
 * Markdown for GITHUB_STEP_SUMMARY: headline, the Gantt (```mermaid blocks) and its text form, the story
 * table, epic progress, and the report in a collapsed block. Kept under `maxBytes` (default 1,000,000):
 * what does not fit is cut with a note saying where to find it.
 */
function renderRunSummary(state, plan, opts = {}) {
    const report = buildReport(state, plan);
    const measure = utf8;
    const head = [`## tdd-waves · ${markdownCell(plan.name)}`, "", `${headline(state)} · target ${markdownCell(state.target)}${opts.runUrl ? ` · ${summary_link("workflow run", opts.runUrl)}` : ""}${usageParagraphs(state, plan)}`].join("\n");
    const charts = hasRun(state) ? renderGantt(state, titleOf(plan), { maxChars: MERMAID_MAX_CHARS }) : [];
    const textForm = renderGanttText(state);
    return assemble([
        { order: 0, render: () => head },
        { order: 5, render: (b) => fitTable(`### Epics\n\n${EPIC_HEAD}`, epicRows(state, plan), b, measure, (n) => `_${n} more epics left out for size._`) },
        { order: 1, render: (b) => ganttSection(charts, b, measure) },
        { order: 4, render: (b) => fitTable(`### Stories\n\n${storyHead(state)}`, storyRows(state, plan, report), b, measure, (n) => `_${n} more stories left out for size: \`tdd-waves status\` lists them all._`) },
        { order: 2, render: (b) => (measure(fenced(textForm, "text")) <= b ? fenced(textForm, "text") : "") },
        { order: 6, render: (b) => reportBlock(report, b, measure) },
    ], opts.maxBytes ?? SUMMARY_MAX_BYTES, measure);
}
/** The hidden first line by which the plan's comment is found again and edited in place. */
function commentMarker(planName) {
    // Anything but the plan-name characters is percent-encoded, and so is a "--" that could end the comment.
    const safe = planName.replace(/[^A-Za-z0-9._-]/gu, (c) => `%${c.codePointAt(0).toString(16).toUpperCase()}`);
    return `<!-- tdd-waves:plan=${safe.replace(/--/g, "-%2D")} -->`;
}
/**
 * The pull request comment: the marker, progress, the Gantt, the story table and epic progress. Kept under
 * GitHub's 65,536-character limit (default `maxChars` 65,000): the table is cut first, with a note; the
 * marker and the progress line never are.
 */
function renderPrComment(state, plan, opts = {}) {
    const report = buildReport(state, plan);
    const measure = chars;
    const marker = commentMarker(plan.name);
    const footer = `_Updated ${markdownCell(state.lastUpdate)}${opts.runUrl ? ` · ${summary_link("workflow run", opts.runUrl)}` : ""}_`;
    const head = `### tdd-waves · ${markdownCell(plan.name)}\n\n${headline(state)}${usageParagraphs(state, plan)}`;
    const charts = hasRun(state) ? renderGantt(state, titleOf(plan)) : [];
    const where = "see the run summary, or `tdd-waves gantt`";
    const body = assemble([
        { order: 0, render: () => head },
        { order: 9, render: () => footer },
        { order: 3, render: (b) => fitTable(EPIC_HEAD, epicRows(state, plan), b, measure, (n) => `_${n} more epics left out for size._`) },
        { order: 1, render: (b) => (charts.length === 0 ? "" : fitGantt(charts, b - 2_000, measure, where)) },
        { order: 2, render: (b) => fitTable(storyHead(state), storyRows(state, plan, report), b, measure, (n) => `_${n} more stories left out for size: see the run summary._`) },
    ], (opts.maxChars ?? COMMENT_MAX_CHARS) - marker.length - 1, measure);
    return `${marker}\n${body}`;
}
/** Progress per wave and epic, for `tdd-waves status --json`. */
function renderStatusJson(state, plan) {
    const byId = new Map(plan.stories.map((s) => [s.id, s]));
    const totals = countOf(state, allIds(state));
    return {
        plan: state.plan.name,
        path: state.plan.path,
        target: state.target,
        status: state.status,
        currentWave: state.currentWave,
        totalWaves: state.waves.length,
        lastUpdate: state.lastUpdate,
        totals: { ...totals, percentComplete: percent(totals.completed, totals.total) },
        waves: state.waves.map((ids, i) => ({
            wave: i + 1,
            ...countOf(state, ids),
            stories: ids.map((id) => {
                const reason = (0,core_own/* own */.Z)(state.runs, id)?.reason;
                const status = (0,state_state/* statusOf */.c2)(state, id);
                return {
                    id,
                    title: byId.get(id)?.title ?? "",
                    epic: byId.get(id)?.epic ?? (0,core_own/* own */.Z)(state.storyEpics, id) ?? id,
                    status,
                    ...(reason && (status === "failed" || status === "blocked") ? { reason } : {}),
                    ...(state.usage?.[id] ? { usage: state.usage[id] } : {}),
                };
            }),
        })),
        epics: epicOrder(state, plan).map((epic) => {
            const e = (0,core_own/* own */.Z)(state.epics, epic);
            return { epic, ...e, percentComplete: percent(e.completed, e.total) };
        }),
        errors: state.errors,
        ...(state.lock ? { lock: state.lock } : {}),
        ...(0,render_usage/* reportUsage */.gu)(state, plan),
    };
}
function epicOrder(state, plan) {
    return [...new Set([...plan.stories.map((s) => s.epic), ...Object.keys(state.epics)])].filter((e) => (0,core_own/* own */.Z)(state.epics, e));
}
function waveLine(w) {
    const rest = [
        w.failed ? `${w.failed} failed` : "",
        w.blocked ? `${w.blocked} blocked` : "",
        w.inProgress ? `${w.inProgress} in progress` : "",
        w.pending ? `${w.pending} pending` : "",
    ].filter(Boolean);
    return `Wave ${w.wave}: ${w.completed}/${w.total} complete${rest.length ? `, ${rest.join(", ")}` : ""}`;
}
function storyLine(s, idWidth) {
    const [icon, word] = STATUS_LABEL[s.status].split(" ");
    const reason = s.reason ? ` — ${plainText(s.reason, 120)}` : "";
    const cost = s.usage?.costUsd === undefined ? "" : `  ${(0,usage/* formatCost */.BD)(s.usage)}`;
    return `  ${icon} ${plainText(s.id).padEnd(idWidth)}  ${word.padEnd(12)}  ${plainText(s.title, 80)}${cost}${reason}`;
}
/** Progress per wave and epic as plain text for the terminal (`tdd-waves status`); no control characters. */
function renderStatusText(state, plan) {
    const j = renderStatusJson(state, plan);
    const idWidth = Math.max(0, ...j.waves.flatMap((w) => w.stories.map((s) => plainText(s.id).length)));
    const lines = [
        `tdd-waves · ${plainText(j.plan)} (${plainText(j.path)}) → ${plainText(j.target)}`,
        `Status: ${j.status}${j.currentWave ? ` · wave ${j.currentWave} of ${j.totalWaves}` : ""} · updated ${plainText(j.lastUpdate)}`,
        `Stories: ${countsLine(j.totals)}`,
    ];
    const usage = (0,render_usage/* usageLine */.U0)(state, plan);
    if (usage)
        lines.push(usage);
    if (state.stopped)
        lines.push(`Stopped: ${plainText(state.stopped.message, 300)}`);
    if (j.lock)
        lines.push(`Running: ${j.lock.kind} ${plainText(j.lock.id)}${j.lock.host ? ` on ${plainText(j.lock.host)}` : ""}${j.lock.pid ? ` (pid ${j.lock.pid})` : ""} since ${plainText(j.lock.since)}`);
    for (const w of j.waves)
        lines.push("", waveLine(w), ...w.stories.map((s) => storyLine(s, idWidth)));
    lines.push("", "Epics:", ...j.epics.map((e) => `  ${plainText(e.epic)}  ${e.completed}/${e.total} complete (${e.percentComplete}%), ${e.failed} failed`));
    if (j.errors.length > 0) {
        lines.push("", `Errors (${j.errors.length}${j.errors.length > 5 ? ", last 5" : ""}):`);
        for (const e of j.errors.slice(-5))
            lines.push(`  ${plainText(e.at)}  ${[e.story, e.phase].filter(Boolean).map((x) => plainText(x)).join(" ")}${e.story || e.phase ? ": " : ""}${plainText(e.message, 200)}`);
    }
    return lines.join("\n");
}

// EXTERNAL MODULE: ./src/cli/args.ts + 5 modules
var cli_args = __webpack_require__(5390);
;// CONCATENATED MODULE: ./src/cli/view-commands.ts
// `status`, `gantt` and `report`: read-only views of the recorded execution on the state branch.




async function viewCommand(command, args, io) {
    let flags;
    try {
        flags = (0,cli_args/* parseFlags */.bQ)(args, command === "status" ? { json: "boolean", "state-branch": "value" } : { "state-branch": "value" });
        if (flags.positional.length !== 1)
            throw new cli_args/* UsageError */.eb(`${command} takes exactly one plan file`);
    }
    catch (e) {
        if (!(e instanceof cli_args/* UsageError */.eb))
            throw e;
        io.stderr(`tdd-waves ${command}: ${e.message}\nUsage: tdd-waves ${command} <plan-file>${command === "status" ? " [--json]" : ""}\n`);
        return 2;
    }
    const opened = await (0,cli_args/* openPlan */.uD)(flags.positional[0], io);
    if (typeof opened === "number")
        return opened;
    const { loaded, repoRoot } = opened;
    const store = (0,cli_args/* openStore */.Ch)(loaded.plan.name, repoRoot, flags.values["state-branch"], io);
    if (typeof store === "number")
        return store;
    const state = await store.read();
    if (!state) {
        io.stderr(`tdd-waves: plan "${loaded.plan.name}" has no recorded execution on branch ${store.branch}: start one with \`tdd-waves run ${flags.positional[0]}\`\n`);
        return 2;
    }
    const titles = Object.fromEntries(loaded.plan.stories.map((s) => [s.id, s.title]));
    if (command === "gantt") {
        for (const chart of (0,gantt/* renderGantt */.ZK)(state, titles))
            io.stdout(`\`\`\`mermaid\n${chart}\n\`\`\`\n`);
    }
    else if (command === "report") {
        io.stdout(`${JSON.stringify((0,report/* buildReport */.FK)(state, loaded.plan), null, 2)}\n`);
    }
    else if (flags.booleans.has("json")) {
        io.stdout(`${JSON.stringify(renderStatusJson(state, loaded.plan), null, 2)}\n`);
    }
    else {
        io.stdout(`${renderStatusText(state, loaded.plan)}\n`);
    }
    return 0;
}


/***/ })

};
