"use strict";
exports.id = 134;
exports.ids = [134];
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

/***/ 7134:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dispatchCommand: () => (/* binding */ dispatchCommand)
/* harmony export */ });
/* harmony import */ var _adapters_git_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6960);
/* harmony import */ var _adapters_github_remote_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3244);
/* harmony import */ var _core_render_gantt_terminal_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7751);
/* harmony import */ var _core_own_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6207);
/* harmony import */ var _core_state_state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6624);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5361);
/* harmony import */ var _progress_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1655);
/* harmony import */ var _remote_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3478);
/* harmony import */ var _terminal_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1028);
// `tdd-waves dispatch <plan> [--repo owner/name] [--ref branch] [--pr N] [--watch]`: starts the execution
// workflow on GitHub; with --watch follows it wave by wave (the live view of `run`, read from the workflow's
// runs and from the state branch on origin) until it ends, with `run`'s exit codes.









const USAGE = "Usage: tdd-waves dispatch <plan-file> [--repo owner/name] [--ref branch] [--pr N] [--watch] [--workflow FILE] [--interval SECONDS] [--no-color]";
const HELP = `Starts the execution workflow (.github/workflows/tdd-waves.yml) on GitHub for the plan.
  --repo owner/name   the repository (default: the origin remote's)
  --ref branch        the branch to build (default: the current branch; it must be pushed)
  --pr N              report progress on pull request N
  --watch             follow the execution wave by wave until it ends; exit code as \`run\`'s
  --workflow FILE     the execution workflow's file name (default: tdd-waves.yml)
  --interval SECONDS  how often --watch looks (default: 10)
Token: GITHUB_TOKEN or GH_TOKEN, with "actions: write" on the repository. API root: GITHUB_API_URL.`;
async function dispatchCommand(args, io) {
    let flags;
    try {
        flags = (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .parseFlags */ .bQ)(args, { repo: "value", ref: "value", pr: "value", watch: "boolean", workflow: "value", interval: "value", "state-branch": "value", "no-color": "boolean", help: "boolean" });
        if (flags.booleans.has("help")) {
            io.stdout(`${USAGE}\n\n${HELP}\n`);
            return 0;
        }
        if (flags.positional.length !== 1)
            throw new _args_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb("dispatch takes exactly one plan file");
        if (flags.values.pr !== undefined && !/^[1-9]\d{0,9}$/.test(flags.values.pr))
            throw new _args_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`--pr must be a pull request number, got "${flags.values.pr}"`);
        if (flags.values.workflow !== undefined && !/^[A-Za-z0-9_.-]+\.ya?ml$/.test(flags.values.workflow))
            throw new _args_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`--workflow must be a workflow file name such as tdd-waves.yml, got "${flags.values.workflow}"`);
        if (flags.values.interval !== undefined && !(Number(flags.values.interval) > 0))
            throw new _args_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`--interval must be a number of seconds, got "${flags.values.interval}"`);
    }
    catch (e) {
        if (!(e instanceof _args_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb))
            throw e;
        io.stderr(`tdd-waves dispatch: ${e.message}\n${USAGE}\n`);
        return 2;
    }
    // The plan is checked here first: a plan GitHub would refuse is refused before anything starts.
    const opened = await (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .openPlan */ .uD)(flags.positional[0], io);
    if (typeof opened === "number")
        return opened;
    const { loaded, repoRoot } = opened;
    const fail = (message) => {
        io.stderr(`tdd-waves dispatch: ${message}\n`);
        return 2;
    };
    const repo = await (0,_remote_js__WEBPACK_IMPORTED_MODULE_5__/* .resolveRepo */ .J9)(flags.values.repo, repoRoot);
    if (typeof repo === "string")
        return fail(repo);
    const full = `${repo.owner}/${repo.repo}`;
    const token = (0,_remote_js__WEBPACK_IMPORTED_MODULE_5__/* .requireToken */ .Fw)(io, full);
    if (typeof token !== "string")
        return fail(token.error);
    const ref = flags.values.ref ?? (await new _adapters_git_js__WEBPACK_IMPORTED_MODULE_0__/* .Git */ .TU({ cwd: repoRoot }).currentBranch());
    if (!ref)
        return fail("HEAD is detached: pass --ref <branch>");
    const workflow = flags.values.workflow ?? "tdd-waves.yml";
    const github = (0,_adapters_github_remote_js__WEBPACK_IMPORTED_MODULE_6__/* .createRemoteGitHub */ .Ut)({ token, ...repo, baseUrl: (0,_remote_js__WEBPACK_IMPORTED_MODULE_5__/* .apiUrl */ .y0)(io) });
    const inputs = { plan: loaded.path, ...(flags.values.pr ? { pr: flags.values.pr } : {}) };
    const startedAt = Date.now();
    let dispatched;
    try {
        dispatched = await github.dispatch(workflow, ref, inputs);
    }
    catch (e) {
        if (e instanceof _adapters_github_remote_js__WEBPACK_IMPORTED_MODULE_6__/* .RemoteError */ .Hi)
            return fail(e.message);
        throw e;
    }
    io.stdout(`Dispatched ${workflow} on ${full}@${ref} for ${loaded.path}: ${dispatched.runUrl}\n`);
    if (!flags.booleans.has("watch"))
        return 0;
    const store = (0,_remote_js__WEBPACK_IMPORTED_MODULE_5__/* .openRemoteStore */ .e_)(loaded.plan.name, repoRoot, flags.values["state-branch"], io);
    if (typeof store === "number")
        return store;
    const intervalMs = Number(flags.values.interval ?? 10) * 1000;
    try {
        const state = await watch({ github, store, plan: loaded.plan, workflow, ref, startedAt, intervalMs, progress: (0,_progress_js__WEBPACK_IMPORTED_MODULE_4__/* .createProgress */ .m)(io, loaded.plan) });
        const titles = Object.fromEntries(loaded.plan.stories.map((s) => [s.id, s.title]));
        const gantt = state ? (0,_core_render_gantt_terminal_js__WEBPACK_IMPORTED_MODULE_1__/* .renderGanttTerminal */ .TN)(state, titles, (0,_terminal_js__WEBPACK_IMPORTED_MODULE_7__/* .terminalOptions */ .Z)(io, flags.booleans.has("no-color"))) : "";
        io.stdout(gantt ? `\n${gantt}\n\n` : "\n");
        if (!state)
            return 1;
        const done = state.stories.completed.length;
        io.stdout(`${done} completed, ${state.stories.failed.length} failed, ${state.stories.blocked.length} blocked of ${loaded.plan.stories.length}.\n`);
        return done === loaded.plan.stories.length ? 0 : 1;
    }
    catch (e) {
        if (e instanceof _adapters_github_remote_js__WEBPACK_IMPORTED_MODULE_6__/* .RemoteError */ .Hi) {
            io.stderr(`tdd-waves dispatch: ${e.message}\n`);
            return 1;
        }
        throw e;
    }
}
/** Runs started since the dispatch (a minute of clock skew allowed), oldest first. */
async function runsSince(w) {
    const runs = await w.github.runs(w.workflow, w.ref);
    return runs.filter((r) => Date.parse(r.createdAt) >= w.startedAt - 60_000).sort((a, b) => a.id - b.id);
}
/**
 * Polls the state branch and the workflow's runs, turning what changed into the progress events `run`
 * prints, until the execution ends: the state is complete or in error with no run still going, or the last
 * run ended (failed, cancelled) and no next one followed. Returns the last state read.
 */
async function watch(w) {
    const seen = new Map();
    const announced = new Set();
    let wave = 0;
    let state = null;
    let quietPolls = 0;
    for (;;) {
        state = (await w.store.read()) ?? state;
        if (state) {
            for (; wave < state.currentWave; wave++)
                w.progress.event({ type: "wave", wave: wave + 1, stories: state.waves[wave] ?? [] });
            for (const id of Object.keys(state.runs)) {
                const status = (0,_core_state_state_js__WEBPACK_IMPORTED_MODULE_2__/* .statusOf */ .c2)(state, id);
                if (seen.get(id) === status)
                    continue;
                seen.set(id, status);
                if (status === "testing" || status === "implementing")
                    w.progress.event({ type: "phase", storyId: id, phase: status === "testing" ? "tester" : "implementation" });
                else if (status === "complete" || status === "failed" || status === "blocked")
                    w.progress.event({ type: "story", storyId: id, status, ...((0,_core_own_js__WEBPACK_IMPORTED_MODULE_8__/* .own */ .Z)(state.runs, id)?.reason ? { reason: (0,_core_own_js__WEBPACK_IMPORTED_MODULE_8__/* .own */ .Z)(state.runs, id).reason } : {}) });
            }
        }
        const runs = await runsSince(w);
        for (const run of runs) {
            const key = `${run.id}:${run.status === "completed" ? run.conclusion : "going"}`;
            if (announced.has(key))
                continue;
            announced.add(key);
            w.progress.event({ type: "log", message: run.status === "completed" ? `Workflow run ${run.id} ${run.conclusion}: ${run.url}` : `Workflow run ${run.id} ${run.status}: ${run.url}` });
        }
        const going = runs.some((r) => r.status !== "completed");
        const finished = state !== null && (state.status === "complete" || state.status === "error");
        if (!going && finished)
            break;
        const last = runs[runs.length - 1];
        // Between two waves the finished run has dispatched the next one, which may take a poll or two to appear;
        // after a failed run the next one never comes.
        quietPolls = !going && last !== undefined ? quietPolls + 1 : 0;
        if (quietPolls >= (last?.conclusion === "success" ? 6 : 2)) {
            w.progress.note(`The execution stopped: workflow run ${last.id} ended ${last.conclusion} and no next run started (${last.url})`);
            break;
        }
        await new Promise((resolve) => setTimeout(resolve, w.intervalMs));
    }
    w.progress.stop();
    return state;
}


/***/ }),

/***/ 1655:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  m: () => (/* binding */ createProgress)
});

;// CONCATENATED MODULE: ./src/engine/progress-text.ts
const ICON = { complete: "✅", failed: "❌", blocked: "⛔" };
function describeProgress(e) {
    switch (e.type) {
        case "wave":
            return `Wave ${e.wave}: ${e.stories.join(", ")}`;
        case "log":
            return e.message;
        case "story":
            return `${ICON[e.status] ?? ""} ${e.storyId} ${e.status}${e.reason ? `: ${e.reason}` : ""}${e.log ? ` (log: ${e.log})` : ""}`.trim();
        case "stage":
            return e.what === null ? null : `Wave ${e.wave}: ${e.what}`;
        case "phase":
            return null;
    }
}

;// CONCATENATED MODULE: ./src/cli/progress.ts

function createProgress(io, plan, now = Date.now) {
    if (!io.isTTY) {
        const line = (s) => io.stdout(`${new Date(now()).toISOString()} ${s}\n`);
        return {
            event: (e) => {
                const text = describeProgress(e);
                if (text)
                    line(text);
            },
            note: line,
            stop: () => undefined,
        };
    }
    return liveProgress(io, plan, now);
}
function liveProgress(io, plan, now) {
    const started = now();
    const running = new Map();
    const done = new Map();
    let wave = 0;
    let stage = null;
    let drawn = 0;
    const clock = (ms) => {
        const s = Math.floor(ms / 1000);
        return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
    };
    const erase = () => {
        if (drawn > 0)
            io.stdout(`\x1b[${drawn}A\x1b[0J`);
        drawn = 0;
    };
    const draw = () => {
        erase();
        const lines = [
            `\x1b[1mtdd-waves\x1b[0m ${plan.name} · wave ${wave} · ${done.size}/${plan.stories.length} finished · ${running.size} running${stage ? ` · ${stage}` : ""} · ${clock(now() - started)}`,
            ...[...running].map(([id, r]) => `  ${id.padEnd(24)} ${r.phase.padEnd(15)} ${(r.agent ?? "").padEnd(16)} ${clock(now() - r.since)}`),
        ];
        io.stdout(`${lines.join("\n")}\n`);
        drawn = lines.length;
    };
    const timer = setInterval(draw, 1000);
    timer.unref();
    const print = (s) => {
        erase();
        io.stdout(`${s}\n`);
        draw();
    };
    return {
        event: (e) => {
            if (e.type === "wave")
                wave = e.wave;
            if (e.type === "stage")
                stage = e.what;
            if (e.type === "phase")
                running.set(e.storyId, { phase: e.phase, agent: e.agent, since: now() });
            if (e.type === "story") {
                running.delete(e.storyId);
                done.set(e.storyId, e.status);
            }
            const text = describeProgress(e);
            if (text)
                print(text);
            else
                draw();
        },
        note: print,
        stop: () => {
            clearInterval(timer);
            draw();
        },
    };
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


/***/ })

};
;