export const id = 236;
export const ids = [236];
export const modules = {

/***/ 236:
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
// EXTERNAL MODULE: ./src/core/state/state.ts
var state_state = __webpack_require__(6624);
// EXTERNAL MODULE: ./src/core/own.ts
var own = __webpack_require__(6207);
// EXTERNAL MODULE: ./src/core/render/usage.ts
var render_usage = __webpack_require__(9039);
;// CONCATENATED MODULE: ./src/core/render/progress.ts



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

// EXTERNAL MODULE: ./src/core/render/retries.ts
var retries = __webpack_require__(3478);
;// CONCATENATED MODULE: ./src/core/render/status-json.ts





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
                const reason = (0,own/* own */.Z)(state.runs, id)?.reason;
                const status = (0,state_state/* statusOf */.c2)(state, id);
                return {
                    id,
                    title: byId.get(id)?.title ?? "",
                    epic: byId.get(id)?.epic ?? (0,own/* own */.Z)(state.storyEpics, id) ?? id,
                    status,
                    ...(reason && (status === "failed" || status === "blocked") ? { reason } : {}),
                    ...(state.usage?.[id] ? { usage: state.usage[id] } : {}),
                };
            }),
        })),
        epics: epicOrder(state, plan).map((epic) => {
            const e = (0,own/* own */.Z)(state.epics, epic);
            return { epic, ...e, percentComplete: percent(e.completed, e.total) };
        }),
        errors: state.errors,
        ...(state.lock ? { lock: state.lock } : {}),
        ...(0,render_usage/* reportUsage */.gu)(state, plan),
        retried: (0,retries/* retriedStories */.vH)(state, plan),
    };
}
function epicOrder(state, plan) {
    return [...new Set([...plan.stories.map((s) => s.epic), ...Object.keys(state.epics)])].filter((e) => (0,own/* own */.Z)(state.epics, e));
}

// EXTERNAL MODULE: ./src/core/agents/usage.ts
var usage = __webpack_require__(5785);
// EXTERNAL MODULE: ./src/core/story/status.ts
var story_status = __webpack_require__(9311);
;// CONCATENATED MODULE: ./src/core/render/safe-text.ts
// Text from plans, agents and git made safe for where it is shown: one plain line for a terminal (no control
// characters or bidi overrides), inline Markdown that stays a table cell and pings no one, code blocks and
// links no content can break out of.
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
function safe_text_markdownCell(text, max = 200) {
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
function safe_text_link(text, url) {
    const safe = url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
    return `[${text}](${safe})`;
}

;// CONCATENATED MODULE: ./src/core/render/status-text.ts
// `tdd-waves status`: the status JSON as plain text for the terminal, with no control characters.







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
    const [icon, word] = story_status/* STATUS_DISPLAY */.ej[s.status].split(" ");
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
        ...(0,retries/* retryLines */.OK)(state, plan, (t) => plainText(t, 160)).map((l, i) => (i === 0 ? `Retries: ${l}` : `  ${l}`)),
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

// EXTERNAL MODULE: ./src/cli/args.ts + 4 modules
var cli_args = __webpack_require__(8261);
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
        const hint = (0,retries/* retryHint */.IR)(state, loaded.plan, flags.positional[0]);
        io.stdout(`${renderStatusText(state, loaded.plan)}\n${hint ? `\n${hint}\n` : ""}`);
    }
    return 0;
}


/***/ })

};
