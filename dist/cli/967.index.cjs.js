"use strict";
exports.id = 967;
exports.ids = [967];
exports.modules = {

/***/ 3244:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AN: () => (/* binding */ repoFromRemoteUrl),
/* harmony export */   Hi: () => (/* binding */ RemoteError),
/* harmony export */   Ut: () => (/* binding */ createRemoteGitHub),
/* harmony export */   ow: () => (/* binding */ tokenFrom)
/* harmony export */ });
/* harmony import */ var _octokit_rest__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(891);
// GitHub from the terminal (`tdd-waves dispatch`): start the execution workflow and follow its runs, with
// @octokit/rest. Every failure becomes a RemoteError whose message says what to do (token, permission,
// workflow not installed), never an HTTP stack.

class RemoteError extends Error {
}
function statusOf(error) {
    const status = error?.status;
    return typeof status === "number" ? status : undefined;
}
function createRemoteGitHub(opts) {
    const octokit = new _octokit_rest__WEBPACK_IMPORTED_MODULE_0__/* .Octokit */ .E({ auth: opts.token, baseUrl: (opts.baseUrl ?? "https://api.github.com").replace(/\/+$/, ""), userAgent: "tdd-waves", log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } } });
    const repo = { owner: opts.owner, repo: opts.repo };
    const full = `${opts.owner}/${opts.repo}`;
    const explain = (what, workflow, error) => {
        const status = statusOf(error);
        const detail = error instanceof Error ? error.message : String(error);
        if (status === 401)
            return new RemoteError(`${what}: GitHub refused the token (401 Bad credentials): check GITHUB_TOKEN / GH_TOKEN`);
        if (status === 403) {
            return new RemoteError(`${what}: the token may not do this (403: ${detail}). It needs the "actions: write" permission on ${full} ` +
                `(fine-grained token: Actions read and write; classic token: the "repo" and "workflow" scopes)`);
        }
        if (status === 404) {
            return new RemoteError(workflow
                ? `${what}: workflow ${workflow} is not installed in ${full} (404), or the token cannot see the repository: run \`tdd-waves init\`, commit .github/workflows/${workflow} and push it to the default branch`
                : `${what}: ${full} not found (404): check --repo and that the token can see the repository`);
        }
        if (status === 422)
            return new RemoteError(`${what}: GitHub refused the request (422: ${detail}); does the branch exist on GitHub and does the workflow have a workflow_dispatch trigger?`);
        return new RemoteError(`${what}: ${status ? `HTTP ${status}: ` : ""}${detail}`);
    };
    const toRun = (data) => ({
        id: data.id,
        status: data.status ?? "queued",
        conclusion: data.conclusion ?? null,
        url: data.html_url,
        createdAt: data.created_at,
    });
    return {
        async dispatch(workflow, ref, inputs) {
            try {
                const response = await octokit.rest.actions.createWorkflowDispatch({ ...repo, workflow_id: workflow, ref, inputs, return_run_details: true });
                const details = response.status === 200 ? response.data : undefined;
                const runId = typeof details?.workflow_run_id === "number" ? details.workflow_run_id : undefined;
                const runUrl = typeof details?.html_url === "string" ? details.html_url : `https://github.com/${full}/actions/workflows/${encodeURIComponent(workflow)}`;
                return runId === undefined ? { runUrl } : { runId, runUrl };
            }
            catch (error) {
                throw explain(`dispatching ${workflow} on ${ref}`, workflow, error);
            }
        },
        async runs(workflow, branch) {
            try {
                const { data } = await octokit.rest.actions.listWorkflowRuns({ ...repo, workflow_id: workflow, branch, event: "workflow_dispatch", per_page: 20 });
                return data.workflow_runs.map(toRun);
            }
            catch (error) {
                throw explain(`listing the runs of ${workflow}`, workflow, error);
            }
        },
        async run(id) {
            try {
                const { data } = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: id });
                return toRun(data);
            }
            catch (error) {
                throw explain(`reading workflow run ${id}`, undefined, error);
            }
        },
    };
}
/** The token: GITHUB_TOKEN, else GH_TOKEN (what the gh CLI uses). */
function tokenFrom(env) {
    return env.GITHUB_TOKEN || env.GH_TOKEN || undefined;
}
/** `owner/name` from a GitHub remote URL (https, ssh, scp-like), or undefined. */
function repoFromRemoteUrl(url) {
    const m = /^(?:https?:\/\/(?:[^@/]+@)?[^/]+\/|ssh:\/\/(?:[^@/]+@)?[^/]+\/|[^@/\s]+@[^:/\s]+:)([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(url.trim());
    return m ? { owner: m[1], repo: m[2] } : undefined;
}


/***/ }),

/***/ 3478:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bn: () => (/* binding */ REMOTE),
/* harmony export */   Fw: () => (/* binding */ requireToken),
/* harmony export */   J9: () => (/* binding */ resolveRepo),
/* harmony export */   e_: () => (/* binding */ openRemoteStore),
/* harmony export */   y0: () => (/* binding */ apiUrl)
/* harmony export */ });
/* harmony import */ var _adapters_git_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6960);
/* harmony import */ var _adapters_state_store_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6308);
/* harmony import */ var _adapters_github_remote_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3244);
// What the commands that talk to GitHub share: the repository (--repo or the `origin` remote), the token
// (GITHUB_TOKEN / GH_TOKEN), the API root, and the state branch as `origin` has it.



const REMOTE = "origin";
/** `owner/name` from --repo, else from the `origin` remote's URL; a message when neither says it. */
async function resolveRepo(repoFlag, repoRoot) {
    if (repoFlag !== undefined) {
        const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repoFlag);
        return m ? { owner: m[1], repo: m[2] } : `--repo must be owner/name, got "${repoFlag}"`;
    }
    const r = await new _adapters_git_js__WEBPACK_IMPORTED_MODULE_0__/* .Git */ .TU({ cwd: repoRoot }).run(["remote", "get-url", REMOTE], { allowFail: true });
    if (r.code !== 0)
        return `no --repo given and the repository has no "${REMOTE}" remote: pass --repo owner/name`;
    const url = r.stdout.trim();
    return (0,_adapters_github_remote_js__WEBPACK_IMPORTED_MODULE_2__/* .repoFromRemoteUrl */ .AN)(url) ?? `the "${REMOTE}" remote (${url}) does not look like a GitHub repository: pass --repo owner/name`;
}
/** The token, or a message saying how to give one. */
function requireToken(io, repo) {
    return ((0,_adapters_github_remote_js__WEBPACK_IMPORTED_MODULE_2__/* .tokenFrom */ .ow)(io.env) ?? {
        error: `no GitHub token: set GITHUB_TOKEN or GH_TOKEN (for example GH_TOKEN=$(gh auth token)); it needs "actions: write" on ${repo}`,
    });
}
function apiUrl(io) {
    return io.env.GITHUB_API_URL || "https://api.github.com";
}
/** The plan's state as the `origin` remote holds it (fetched with git, validated like the local one). */
function openRemoteStore(planName, repoRoot, branch, io) {
    try {
        return (0,_adapters_state_store_js__WEBPACK_IMPORTED_MODULE_1__/* .createStateStore */ .J$)({ git: new _adapters_git_js__WEBPACK_IMPORTED_MODULE_0__/* .Git */ .TU({ cwd: repoRoot }), planName, branch, remote: REMOTE });
    }
    catch (e) {
        if (!(e instanceof _adapters_state_store_js__WEBPACK_IMPORTED_MODULE_1__/* .StateStoreError */ .zI))
            throw e;
        io.stderr(`tdd-waves: ${e.message}\n`);
        return 2;
    }
}


/***/ }),

/***/ 6967:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  viewCommand: () => (/* binding */ viewCommand)
});

// EXTERNAL MODULE: ./src/core/state/state.ts
var state_state = __webpack_require__(6624);
// EXTERNAL MODULE: ./src/core/render/timeline.ts
var render_timeline = __webpack_require__(2829);
;// CONCATENATED MODULE: ./src/core/render/gantt.ts
// Renders the recorded execution as Mermaid gantt charts and as the one-line-per-wave text form (SPEC §5).
// Pure: state in, text out. Every piece of user text is neutralised so that no title can break or steer
// Mermaid, and charts are split below Mermaid's text limit without ever dropping a story.


/** Mermaid refuses diagrams longer than this (its `maxTextSize`). */
const MERMAID_MAX_CHARS = 50_000;
/** Below this a chart could not hold its header and one bar. */
const MIN_CHARS = 1_000;
/** Titles longer than this are cut (in code points) so that a bar stays readable. */
const MAX_TITLE = 80;
/** Mermaid syntax characters mapped to look-alikes that Mermaid (and Markdown fences) read as plain text. */
const LOOK_ALIKES = {
    ":": "∶",
    ";": "；",
    "#": "＃",
    "%": "％",
    '"': "”",
    "'": "’",
    "`": "’",
    "<": "‹",
    ">": "›",
    "&": "＆",
    "{": "｛",
    "}": "｝",
};
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Control characters, zero-width spaces and the bidirectional controls that could disguise what a label
// says; the joiners (U+200C, U+200D) stay, emoji sequences and some scripts need them.
const INVISIBLE = /[\p{Cc}\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/gu;
/**
 * Makes arbitrary text safe inside a Mermaid gantt label: one line, none of the characters Mermaid reads as
 * syntax (`:` ends a label, `%%` starts comments and directives, `#…;` entities, HTML, quotes, braces),
 * replaced with look-alikes so that it stays readable. Cut to `max` code points.
 */
function neutraliseLabel(text, max = MAX_TITLE) {
    const oneLine = text.replace(LONE_SURROGATE, "\uFFFD").replace(INVISIBLE, " ");
    const safe = Array.from(oneLine, (ch) => LOOK_ALIKES[ch] ?? ch).join("");
    const squeezed = safe.replace(/\s+/gu, " ").trim();
    const points = Array.from(squeezed);
    return points.length <= max ? squeezed : `${points.slice(0, max - 1).join("").trimEnd()}…`;
}
function taskId(kind, id, used) {
    const base = `${kind.toLowerCase()}_${id.replace(/[^A-Za-z0-9_]/g, "_")}`;
    let task = base;
    for (let n = 2; used.has(task); n++)
        task = `${base}_${n}`;
    used.add(task);
    return task;
}
/** Mermaid dates: UTC, whole seconds, in the chart's `dateFormat`. */
function mermaidDate(ms) {
    return new Date(ms).toISOString().slice(0, 19);
}
function waveBars(timeline) {
    const used = new Set();
    return timeline.groups.map(({ name, rows }) => ({
        name,
        lines: rows.flatMap((row) => {
            const title = neutraliseLabel(row.title);
            return row.bars.map((bar) => {
                const label = `${neutraliseLabel(bar.label, 200)}${bar.note ? ` (${bar.note})` : ""}${title ? ` — ${title}` : ""}`;
                const tags = bar.mark ? `${bar.mark}, ` : "";
                return `    ${label} :${tags}${taskId(bar.kind, row.id, used)}, ${mermaidDate(bar.start)}, ${mermaidDate(bar.end)}`;
            });
        }),
    }));
}
function header(planName, part, axisFormat) {
    const title = neutraliseLabel(`tdd-waves · ${planName}${part}`, 120);
    return `gantt\n    title ${title}\n    dateFormat YYYY-MM-DDTHH:mm:ss\n    axisFormat ${axisFormat}\n    todayMarker off\n`;
}
const sectionLine = (name) => `    section ${name}\n`;
const size = (lines) => lines.reduce((n, l) => n + l.length + 1, 0);
/** Cuts one wave's bars into parts that each fit a chart of `room` characters, section line included. */
function cutWave(wave, room) {
    const sectionRoom = room - sectionLine(`${wave.name} (part 99999/99999)`).length;
    const parts = [[]];
    for (const line of wave.lines) {
        const current = parts[parts.length - 1];
        if (current.length > 0 && size(current) + line.length + 1 > sectionRoom)
            parts.push([line]);
        else
            current.push(line);
    }
    return parts;
}
/** Packs whole waves into charts of `room` characters; a wave too big for one chart gets charts of its own. */
function pack(waves, room) {
    const bodies = [];
    let body = "";
    const flush = () => {
        if (body)
            bodies.push(body);
        body = "";
    };
    for (const wave of waves) {
        const whole = sectionLine(wave.name) + wave.lines.map((l) => `${l}\n`).join("");
        if (body.length + whole.length <= room)
            body += whole;
        else if (whole.length <= room) {
            flush();
            body = whole;
        }
        else {
            flush();
            const parts = cutWave(wave, room);
            parts.forEach((lines, k) => {
                body = sectionLine(`${wave.name} (part ${k + 1}/${parts.length})`) + lines.map((l) => `${l}\n`).join("");
                if (k < parts.length - 1)
                    flush();
            });
        }
    }
    flush();
    return bodies;
}
/**
 * Mermaid gantt sources (without fences) of the recorded execution: one section per wave, one bar per
 * phase that has started (`T-<key>` tester and red check, `I-<key>` implementation and verify), for every
 * attempt (later ones labelled `I-<key> (attempt 2)`, `I-<key> (rebuild)`), failed bars `crit`, running ones `active`, finished ones `done`. Stories not yet run have no bar. Charts over
 * `maxChars` are split (whole waves per chart where possible). Always at least one chart; a chart with no
 * section means nothing has run yet.
 */
function renderGantt(state, titles, opts = {}) {
    const maxChars = opts.maxChars ?? MERMAID_MAX_CHARS;
    if (!(maxChars >= MIN_CHARS))
        throw new RangeError(`renderGantt: maxChars must be at least ${MIN_CHARS}, got ${maxChars}`);
    const timeline = (0,render_timeline/* timelineOf */.hf)(state, titles);
    const axis = (0,render_timeline/* axisFormatFor */.qX)(timeline.end - timeline.start);
    const room = maxChars - header(state.plan.name, " (99999/99999)", "%b %d %H:%M:%S").length;
    const bodies = pack(waveBars(timeline), room);
    if (bodies.length === 0)
        return [header(state.plan.name, "", axis)];
    return bodies.map((body, i) => header(state.plan.name, bodies.length > 1 ? ` (${i + 1}/${bodies.length})` : "", axis) + body);
}
const TEXT_STATUS = {
    pending: " (pending)",
    testing: " (testing)",
    implementing: " (implementing)",
    complete: "",
    failed: " (failed)",
    blocked: " (blocked)",
};
/**
 * The PM text form, one line per wave: `Wave 2: [T-auth-002]→[I-auth-002] | [T-auth-003]→[I-auth-003]`. A story that is not
 * complete carries its status after its pair, e.g. `[T-auth-003]→[I-auth-003] (pending)`.
 */
function renderGanttText(state) {
    return state.waves
        .map((ids, i) => {
        const pairs = ids.map((id) => {
            return `[${barLabel("T", id)}]→[${barLabel("I", id)}]${TEXT_STATUS[statusOf(state, id)]}`;
        });
        return `Wave ${i + 1}: ${pairs.join(" | ")}`;
    })
        .join("\n");
}

;// CONCATENATED MODULE: ./src/core/render/gantt-svg.ts
// The recorded execution as a self-contained SVG picture (for a README or a browser): the same timeline as
// the Mermaid and terminal charts, one row per story grouped by wave, bars placed to scale. No scripts, no
// external fonts or styles: every user string is XML-escaped. Pure: timeline in, text out.

/** Geometry, in SVG user units (px): exported so that tests can check bars against recorded times. */
const SVG_LAYOUT = { width: 960, labelWidth: 260, rightMargin: 20, top: 44, rowHeight: 22, groupHeight: 24, barHeight: 14, axisHeight: 36 };
const FILL = { T: "#58a6ff", I: "#3fb950", crit: "#f85149", active: "#d29922", "": "#8b949e" };
function xml(text) {
    // Characters XML 1.0 forbids are dropped; the five special ones are escaped.
    // eslint-disable-next-line no-control-regex
    const allowed = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "");
    return allowed.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}
function clip(text, max) {
    const points = Array.from(text.replace(/\s+/g, " ").trim());
    return points.length > max ? `${points.slice(0, max - 1).join("")}…` : points.join("");
}
const round = (n) => String(Math.round(n * 100) / 100);
function fillOf(bar) {
    if (bar.mark === "crit" || bar.mark === "active" || bar.mark === "")
        return FILL[bar.mark];
    return FILL[bar.kind];
}
/** The SVG document of a timeline; a small picture saying so when nothing has run. */
function renderTimelineSvg(timeline, planName) {
    const L = SVG_LAYOUT;
    const plotWidth = L.width - L.labelWidth - L.rightMargin;
    const span = Math.max(timeline.end - timeline.start, 1000);
    const x = (t) => L.labelWidth + ((t - timeline.start) / span) * plotWidth;
    const body = [];
    let y = L.top;
    for (const group of timeline.groups) {
        body.push(`<text class="wave" x="8" y="${y + 16}">${xml(group.name)}</text>`);
        y += L.groupHeight;
        for (const row of group.rows) {
            const label = clip(row.title ? `${row.id} — ${row.title}` : row.id, 40);
            body.push(`<g class="story" data-story="${xml(row.id)}">`, `<title>${xml(row.title ? `${row.id} — ${row.title}` : row.id)}</title>`);
            body.push(`<text class="label" x="16" y="${y + 15}">${xml(label)}</text>`);
            for (const bar of row.bars) {
                const x0 = x(bar.start);
                const width = Math.max(x(bar.end) - x0, 1);
                const failed = bar.mark === "crit" ? ' stroke="#b62324" stroke-width="1.5"' : "";
                body.push(`<rect class="bar" data-label="${xml(bar.label)}" data-kind="${bar.kind}" data-mark="${bar.mark}" data-start="${new Date(bar.start).toISOString()}" data-end="${new Date(bar.end).toISOString()}" x="${round(x0)}" y="${y + (L.rowHeight - L.barHeight) / 2}" width="${round(width)}" height="${L.barHeight}" rx="2" fill="${fillOf(bar)}"${failed}><title>${xml(bar.note ? `${bar.label} (${bar.note})` : bar.label)}</title></rect>`);
                if (bar.mark === "crit")
                    body.push(`<text class="fail" x="${round(x0 + width + 3)}" y="${y + 15}">✗</text>`);
            }
            body.push("</g>");
            y += L.rowHeight;
        }
    }
    const height = y + L.axisHeight + (timeline.groups.length > 0 ? 22 : 0);
    const axisY = y + 8;
    const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
        const t = timeline.start + f * span;
        // The last label ends at its tick, so that it stays inside the picture.
        const anchor = f === 1 ? "end" : "middle";
        return `<line x1="${round(x(t))}" x2="${round(x(t))}" y1="${L.top - 4}" y2="${axisY}" class="tick"/><text class="axis" x="${round(x(t))}" y="${axisY + 14}" text-anchor="${anchor}">${new Date(t).toISOString().slice(11, 19)} UTC</text>`;
    });
    const legendY = axisY + 30;
    const legend = [["T", "tester + red check"], ["I", "implementation + verify"], ["crit", "failed"], ["active", "running"]]
        .map(([key, word], i) => `<rect x="${L.labelWidth + i * 160}" y="${legendY - 9}" width="10" height="10" rx="2" fill="${FILL[key]}"/><text class="axis" x="${L.labelWidth + i * 160 + 14}" y="${legendY}">${word}</text>`);
    const empty = timeline.groups.length === 0 ? `<text class="label" x="16" y="${L.top + 16}">No phase has run yet.</text>` : "";
    return [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${L.width}" height="${height}" viewBox="0 0 ${L.width} ${height}" role="img" aria-label="tdd-waves Gantt of ${xml(planName)}">`,
        `<style>text{font-family:ui-sans-serif,system-ui,sans-serif;font-size:12px;fill:#24292f}.wave{font-weight:600}.title{font-size:15px;font-weight:600}.axis{font-size:10px;fill:#57606a}.fail{fill:#cf222e;font-weight:700}.tick{stroke:#d0d7de;stroke-width:1}</style>`,
        `<rect width="100%" height="100%" fill="#ffffff"/>`,
        `<text class="title" x="8" y="24">${xml(`tdd-waves · ${planName}`)}</text>`,
        ...(timeline.groups.length > 0 ? [...ticks, ...legend] : []),
        ...body,
        empty,
        `</svg>`,
        "",
    ]
        .filter((l) => l !== "")
        .join("\n")
        .concat("\n");
}
/** The SVG Gantt of the recorded execution. */
function renderGanttSvg(state, titles) {
    return renderTimelineSvg((0,render_timeline/* timelineOf */.hf)(state, titles), state.plan.name);
}

// EXTERNAL MODULE: ./src/core/render/gantt-terminal.ts
var gantt_terminal = __webpack_require__(7751);
// EXTERNAL MODULE: ./src/core/render/report.ts
var report = __webpack_require__(6640);
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
var retries = __webpack_require__(1097);
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
const safe_text_LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const safe_text_INVISIBLE = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu;
/** One line of plain text: no control characters (terminal escapes included), no bidi overrides. */
function plainText(text, max = 200) {
    const line = text.replace(safe_text_LONE_SURROGATE, "\uFFFD").replace(safe_text_INVISIBLE, " ").replace(/\s+/gu, " ").trim();
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

// EXTERNAL MODULE: ./src/adapters/state-store.ts + 4 modules
var state_store = __webpack_require__(6308);
// EXTERNAL MODULE: ./src/cli/args.ts + 1 modules
var cli_args = __webpack_require__(5361);
// EXTERNAL MODULE: ./src/cli/remote.ts
var cli_remote = __webpack_require__(3478);
// EXTERNAL MODULE: ./src/cli/terminal.ts
var terminal = __webpack_require__(1028);
;// CONCATENATED MODULE: ./src/cli/view-commands.ts
// `status`, `gantt` and `report`: read-only views of the recorded execution on the state branch.











const FLAGS = {
    status: { json: "boolean", "state-branch": "value", "no-color": "boolean", remote: "boolean", help: "boolean" },
    gantt: { format: "value", "state-branch": "value", "no-color": "boolean", help: "boolean" },
    report: { "state-branch": "value", help: "boolean" },
};
const USAGE = {
    status: "tdd-waves status <plan-file> [--json] [--no-color] [--state-branch B] [--remote]",
    gantt: "tdd-waves gantt <plan-file> [--format mermaid|text|svg] [--no-color] [--state-branch B]",
    report: "tdd-waves report <plan-file> [--state-branch B]",
};
const HELP = {
    status: "Progress per wave and epic, then the terminal Gantt. --remote reads the state branch as the origin remote has it (an execution on GitHub), with git.",
    gantt: "The Gantt of the recorded execution: mermaid (default, Markdown fences), text (for a terminal) or svg (a self-contained picture).",
    report: "The report JSON of the recorded execution.",
};
async function viewCommand(command, args, io) {
    let flags;
    try {
        flags = (0,cli_args/* parseFlags */.bQ)(args, FLAGS[command]);
        if (flags.booleans.has("help")) {
            io.stdout(`Usage: ${USAGE[command]}\n\n${HELP[command]}\n`);
            return 0;
        }
        if (flags.positional.length !== 1)
            throw new cli_args/* UsageError */.eb(`${command} takes exactly one plan file`);
        const format = flags.values.format ?? "mermaid";
        if (!["mermaid", "text", "svg"].includes(format))
            throw new cli_args/* UsageError */.eb(`--format must be mermaid, text or svg, got "${format}"`);
    }
    catch (e) {
        if (!(e instanceof cli_args/* UsageError */.eb))
            throw e;
        io.stderr(`tdd-waves ${command}: ${e.message}\nUsage: ${USAGE[command]}\n`);
        return 2;
    }
    const opened = await (0,cli_args/* openPlan */.uD)(flags.positional[0], io);
    if (typeof opened === "number")
        return opened;
    const { loaded, repoRoot } = opened;
    const remote = flags.booleans.has("remote");
    const store = (remote ? cli_remote/* openRemoteStore */.e_ : cli_args/* openStore */.Ch)(loaded.plan.name, repoRoot, flags.values["state-branch"], io);
    if (typeof store === "number")
        return store;
    let state;
    try {
        state = await store.read();
    }
    catch (e) {
        if (e instanceof state_store/* InvalidStateError */.Pp) {
            io.stderr(`tdd-waves: ${e.message}\n`);
            return 2;
        }
        if (!remote)
            throw e;
        io.stderr(`tdd-waves: cannot read the state branch ${store.branch} from ${cli_remote/* REMOTE */.Bn}: ${e instanceof Error ? e.message : String(e)}\n`);
        return 2;
    }
    if (!state) {
        const where = remote ? `${cli_remote/* REMOTE */.Bn}/${store.branch}` : `branch ${store.branch}`;
        const start = remote ? `tdd-waves dispatch ${flags.positional[0]}` : `tdd-waves run ${flags.positional[0]}`;
        io.stderr(`tdd-waves: plan "${loaded.plan.name}" has no recorded execution on ${where}: start one with \`${start}\`\n`);
        return 2;
    }
    const titles = Object.fromEntries(loaded.plan.stories.map((s) => [s.id, s.title]));
    if (command === "gantt") {
        const format = flags.values.format ?? "mermaid";
        if (format === "svg")
            io.stdout(renderGanttSvg(state, titles));
        else if (format === "text")
            io.stdout(`${(0,gantt_terminal/* renderGanttTerminal */.TN)(state, titles, (0,terminal/* terminalOptions */.Z)(io, flags.booleans.has("no-color"))) || "No phase has run yet."}\n`);
        else
            for (const chart of renderGantt(state, titles))
                io.stdout(`\`\`\`mermaid\n${chart}\n\`\`\`\n`);
    }
    else if (command === "report") {
        io.stdout(`${JSON.stringify((0,report/* buildReport */.FK)(state, loaded.plan), null, 2)}\n`);
    }
    else if (flags.booleans.has("json")) {
        io.stdout(`${JSON.stringify(renderStatusJson(state, loaded.plan), null, 2)}\n`);
    }
    else {
        const gantt = (0,gantt_terminal/* renderGanttTerminal */.TN)(state, titles, (0,terminal/* terminalOptions */.Z)(io, flags.booleans.has("no-color")));
        const hint = (0,retries/* retryHint */.IR)(state, loaded.plan, flags.positional[0], remote ? "github" : "local");
        io.stdout(`${renderStatusText(state, loaded.plan)}\n${hint ? `\n${hint}\n` : ""}${gantt ? `\n${gantt}\n` : ""}`);
    }
    return 0;
}


/***/ })

};
;