export const id = 261;
export const ids = [261];
export const modules = {

/***/ 6960:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TU: () => (/* binding */ Git),
/* harmony export */   XS: () => (/* binding */ GitError),
/* harmony export */   _$: () => (/* binding */ checkEntryName)
/* harmony export */ });
/* unused harmony export BOT_IDENTITY */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
// The one place that runs git: every git command of tdd-waves goes through `Git.run` (no shell, fixed
// options, identity fallback) and the small typed helpers built on it. (The state store's objects and
// ref are written in-process, in git's own formats: git-objects.ts, git-refs.ts.)

/** Authored as this only when neither the repository, the user nor the environment names anyone. */
const BOT_IDENTITY = {
    name: "github-actions[bot]",
    email: "41898282+github-actions[bot]@users.noreply.github.com",
};
/** Subcommands that write commits and therefore need an identity. */
const IDENTITY_COMMANDS = new Set(["var", "commit", "merge", "commit-tree", "tag", "cherry-pick", "revert", "rebase", "am", "stash", "notes", "pull"]);
const MAX_BUFFER = 256 * 1024 * 1024;
/**
 * Variables that point git at another repository or index. Inherited ones are dropped (tdd-waves may be
 * started from a git hook, which sets them): a Git works on the repository at its cwd.
 */
const REPOSITORY_VARIABLES = ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_PREFIX", "GIT_NAMESPACE", "GIT_QUARANTINE_PATH"];
function inheritedEnv() {
    const env = { ...process.env };
    for (const name of REPOSITORY_VARIABLES)
        delete env[name];
    return env;
}
/** Tokens in remote URLs must never reach a log or an error message. */
function redact(text) {
    return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, "$1***@");
}
class GitError extends Error {
    command;
    code;
    stderr;
    constructor(args, code, stderr) {
        const command = redact(`git ${args.join(" ")}`);
        const detail = redact(stderr.trim());
        super(`${command} failed (exit ${code})${detail ? `: ${detail}` : ""}`);
        this.name = "GitError";
        this.command = command;
        this.code = code;
        this.stderr = redact(stderr);
    }
}
/** Refuses values git would read as an option (a branch named "--upload-pack=…" and the like). */
function operand(value, what) {
    if (value === "" || value.startsWith("-"))
        throw new Error(`invalid ${what} for git: "${value}"`);
    return value;
}
/** The subcommand of an argument list, skipping leading `-c key=value` / `-C dir` pairs. */
function subcommandOf(args) {
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === "-c" || a === "-C")
            i++;
        else if (!a.startsWith("-"))
            return a;
    }
    return undefined;
}
/** A tree entry's name is one path component. */
function checkEntryName(name) {
    if (name === "" || name.includes("/") || name.includes("\0"))
        throw new Error(`invalid tree entry name: "${name}"`);
}
function splitZ(text) {
    return text.split("\0").filter((s) => s !== "");
}
class Git {
    cwd;
    env;
    identity;
    constructor(opts) {
        this.cwd = opts.cwd;
        this.env = opts.env ?? {};
    }
    async run(args, opts = {}) {
        const sub = subcommandOf(args);
        if (sub === "config")
            this.identity = undefined;
        const identity = sub && IDENTITY_COMMANDS.has(sub) ? await this.identityEnv() : {};
        const env = { ...this.baseEnv(), ...identity, ...opts.env };
        const result = await execGit(["-c", "core.quotepath=off", ...args], this.cwd, env, opts.input);
        if (result.code !== 0 && !opts.allowFail)
            throw new GitError(args, result.code, result.stderr);
        return result;
    }
    baseEnv() {
        return { ...inheritedEnv(), ...this.env, GIT_TERMINAL_PROMPT: "0" };
    }
    /** GIT_AUTHOR_* / GIT_COMMITTER_* for the parts of the identity nobody configured; computed once. */
    identityEnv() {
        this.identity ??= this.computeIdentityEnv().catch((e) => {
            this.identity = undefined;
            throw e;
        });
        return this.identity;
    }
    async computeIdentityEnv() {
        const r = await execGit(["config", "--get-regexp", "^(user|author|committer)\\.(name|email)$"], this.cwd, this.baseEnv());
        const keys = new Set(r.stdout
            .split("\n")
            .map((line) => line.split(" ", 2))
            .filter(([, value]) => value !== undefined && value.trim() !== "")
            .map(([key]) => key.toLowerCase()));
        const present = this.baseEnv();
        const env = {};
        for (const role of ["author", "committer"]) {
            for (const part of ["name", "email"]) {
                const variable = `GIT_${role.toUpperCase()}_${part.toUpperCase()}`;
                if (present[variable] || keys.has(`user.${part}`) || keys.has(`${role}.${part}`))
                    continue;
                env[variable] = BOT_IDENTITY[part];
            }
        }
        return env;
    }
    async stdout(args, opts = {}) {
        return (await this.run(args, opts)).stdout;
    }
    /** The object a revision names, or null when it names nothing. */
    async revParse(ref) {
        const r = await this.run(["rev-parse", "--verify", "--quiet", "--end-of-options", ref], { allowFail: true });
        return r.code === 0 ? r.stdout.trim() : null;
    }
    /** The checked-out branch (short name), or null on a detached HEAD. */
    async currentBranch() {
        const r = await this.run(["symbolic-ref", "--quiet", "--short", "HEAD"], { allowFail: true });
        return r.code === 0 ? r.stdout.trim() : null;
    }
    async topLevel() {
        return (await this.stdout(["rev-parse", "--show-toplevel"])).trim();
    }
    /** Staged or unstaged changes to tracked files; untracked files do not count. */
    async hasTrackedChanges() {
        return (await this.stdout(["status", "--porcelain", "-z", "--untracked-files=no"])) !== "";
    }
    /**
     * A worktree at `dir` on `branch`, (re)created at `startPoint`; with `checkout: false` its files are not
     * checked out (`resetTo` does that). Stale worktree records are pruned first unless `prune: false`.
     */
    async worktreeAdd(dir, branch, startPoint, opts = {}) {
        if (opts.prune !== false)
            await this.worktreePrune();
        const noCheckout = opts.checkout === false ? ["--no-checkout"] : [];
        await this.run(["worktree", "add", ...noCheckout, "-B", operand(branch, "branch"), operand(dir, "directory"), operand(startPoint, "start point")]);
    }
    /**
     * This worktree on `branch`, (re)set to `startPoint`, as a fresh checkout would be: changes, untracked
     * and ignored files all gone.
     */
    async resetTo(branch, startPoint) {
        await this.run(["checkout", "-q", "-f", "-B", operand(branch, "branch"), operand(startPoint, "start point"), "--"]);
        await this.run(["clean", "-q", "-ffdx"]);
    }
    /**
     * Removes a worktree even when dirty, locked (a `worktree add` killed half-way leaves its lock) or
     * already deleted from disk.
     */
    async worktreeRemove(dir, opts = {}) {
        const r = await this.run(["worktree", "remove", "--force", "--force", operand(dir, "directory")], { allowFail: true });
        if (r.code !== 0)
            await this.run(["worktree", "unlock", operand(dir, "directory")], { allowFail: true });
        if (opts.prune !== false)
            await this.worktreePrune();
    }
    /** Paths of the repository's worktrees, the main one first. */
    async worktreePaths() {
        return splitZ(await this.stdout(["worktree", "list", "--porcelain", "-z"]))
            .filter((line) => line.startsWith("worktree "))
            .map((line) => line.slice("worktree ".length));
    }
    /** Forgets worktrees whose directory is gone. */
    async worktreePrune() {
        await this.run(["worktree", "prune"]);
    }
    async addAll() {
        await this.run(["add", "-A"]);
    }
    /**
     * Commits the index; returns the new commit, or null when nothing is staged (unless allowEmpty).
     * Hooks are skipped: these are tdd-waves' own bookkeeping commits, in working copies where the
     * tools a hook needs may not be installed.
     */
    async commit(message, opts = {}) {
        const args = ["commit", "--no-verify", ...(opts.allowEmpty ? ["--allow-empty"] : []), "-F", "-"];
        const r = await this.run(args, { input: message, allowFail: true });
        if (r.code !== 0) {
            // Nothing staged: git says so and exits 1 (asking first would cost a process on every commit).
            if (r.code === 1 && (await this.run(["diff", "--cached", "--quiet"], { allowFail: true })).code === 0)
                return null;
            throw new GitError(args, r.code, r.stderr || r.stdout);
        }
        return (await this.stdout(["rev-parse", "HEAD"])).trim();
    }
    /** Stages everything (add -A) and commits it; null when there was nothing to commit. */
    async commitAll(message) {
        await this.addAll();
        return this.commit(message);
    }
    /** Commits only `paths` as they are in the working tree, whatever else is staged. */
    async commitPaths(message, paths) {
        const files = paths.map((p) => operand(p, "path"));
        await this.run(["add", "--", ...files]);
        const staged = await this.run(["diff", "--cached", "--quiet", "--", ...files], { allowFail: true });
        if (staged.code === 0)
            return null;
        await this.run(["commit", "--no-verify", "-F", "-", "--only", "--", ...files], { input: message });
        return (await this.stdout(["rev-parse", "HEAD"])).trim();
    }
    /** The blob id the working tree's file at `path` would have (not written to the object store). */
    async hashFile(path) {
        return (await this.stdout(["hash-object", "--", operand(path, "path")])).trim();
    }
    /** Whether commit `a` is an ancestor of (or equal to) `b`. */
    async isAncestor(a, b) {
        const r = await this.run(["merge-base", "--is-ancestor", operand(a, "revision"), operand(b, "revision")], { allowFail: true });
        if (r.code > 1)
            throw new GitError(["merge-base", "--is-ancestor", a, b], r.code, r.stderr);
        return r.code === 0;
    }
    /** The repository's common git directory (shared by all its worktrees), absolute. */
    async commonDir() {
        return (await this.stdout(["rev-parse", "--path-format=absolute", "--git-common-dir"])).trim();
    }
    /** Where the repository keeps its refs and objects, and how it names objects. */
    async layout() {
        const [commonDir, objectsDir, bare, format] = (await this.stdout(["rev-parse", "--path-format=absolute", "--git-common-dir", "--git-path", "objects", "--is-bare-repository", "--show-object-format"]))
            .trim()
            .split("\n");
        const storage = await this.run(["config", "--get", "extensions.refStorage"], { allowFail: true });
        return { commonDir: commonDir, objectsDir: objectsDir, bare: bare === "true", format: format, refStorage: storage.stdout.trim() || "files" };
    }
    /** `Name <email> <seconds> <offset>` that git would write as the author or committer of a commit now. */
    async ident(role) {
        return (await this.stdout(["var", role === "author" ? "GIT_AUTHOR_IDENT" : "GIT_COMMITTER_IDENT"])).trim();
    }
    /** Whether the environment fixes commit dates (GIT_AUTHOR_DATE / GIT_COMMITTER_DATE), as tests do. */
    get fixedDates() {
        const env = this.baseEnv();
        return Boolean(env.GIT_AUTHOR_DATE || env.GIT_COMMITTER_DATE);
    }
    /**
     * Paths (relative to the repository root, sorted, renames as delete + add) that differ:
     * with `to`, between the commits `from` and `to`; without it, between `from` and the working tree,
     * counting staged, unstaged and untracked (not ignored) files.
     */
    async changedFiles(from, to) {
        const range = to === undefined ? [operand(from, "revision")] : [operand(from, "revision"), operand(to, "revision")];
        const changed = splitZ(await this.stdout(["diff", "--name-only", "--no-renames", "-z", ...range, "--"]));
        const untracked = to === undefined ? splitZ(await this.stdout(["ls-files", "--others", "--exclude-standard", "--full-name", "-z"])) : [];
        return [...new Set([...changed, ...untracked])].sort();
    }
    /**
     * A `--no-ff` merge of `branch` into the current branch. On conflict the merge is aborted, so the
     * working tree is left as it was, and the conflicting paths are returned.
     */
    async merge(branch, message) {
        const r = await this.run(["merge", "--no-ff", "--no-edit", "--no-verify", "-m", message, operand(branch, "branch")], { allowFail: true });
        if (r.code === 0)
            return { ok: true, sha: (await this.stdout(["rev-parse", "HEAD"])).trim() };
        if ((await this.revParse("MERGE_HEAD")) === null)
            throw new GitError(["merge", branch], r.code, r.stderr || r.stdout);
        const conflicts = splitZ(await this.stdout(["diff", "--name-only", "--diff-filter=U", "-z"]));
        await this.run(["merge", "--abort"]);
        return { ok: false, conflicts: [...new Set(conflicts)].sort() };
    }
    /** Messages are forced to English (LC_ALL=C) so that callers can tell a rejection from other failures. */
    async push(remote, refspecs, opts = {}) {
        const force = opts.force ? ["--force"] : [];
        await this.run(["push", ...force, operand(remote, "remote"), ...refspecs.map((r) => operand(r, "refspec"))], { env: { LC_ALL: "C" } });
    }
    /** Fetches without tags, without touching FETCH_HEAD (which concurrent fetches would fight over) and without starting maintenance. */
    async fetch(remote, refspecs) {
        await this.run(["fetch", "--no-tags", "--no-write-fetch-head", "--no-auto-gc", operand(remote, "remote"), ...refspecs.map((r) => operand(r, "refspec"))], {
            env: { LC_ALL: "C" },
        });
    }
    async branchExists(name) {
        const r = await this.run(["show-ref", "--verify", "--quiet", `refs/heads/${operand(name, "branch")}`], { allowFail: true });
        return r.code === 0;
    }
    async deleteBranch(name) {
        await this.run(["branch", "-D", operand(name, "branch")]);
    }
    /** A file's content at a revision, or null when the revision or the file does not exist. */
    async showFile(ref, path) {
        const r = await this.run(["cat-file", "blob", `${operand(ref, "revision")}:${path}`], { allowFail: true });
        return r.code === 0 ? r.stdout : null;
    }
    /** Writes `text` as a blob into the object database (no filters), returning its id. */
    async hashObject(text) {
        return (await this.stdout(["hash-object", "-w", "--stdin"], { input: text })).trim();
    }
    /** The top-level entries of a tree (or of a commit's tree). */
    async lsTree(treeish) {
        return splitZ(await this.stdout(["ls-tree", "-z", "--full-tree", operand(treeish, "tree")])).map((line) => {
            const tab = line.indexOf("\t");
            const [mode, type, sha] = line.slice(0, tab).split(" ");
            return { mode: mode, type: type, sha: sha, name: line.slice(tab + 1) };
        });
    }
    /** Writes a tree object from entries (any order), returning its id. */
    async mkTree(entries) {
        for (const e of entries)
            checkEntryName(e.name);
        const input = entries.map((e) => `${e.mode} ${e.type} ${e.sha}\t${e.name}\0`).join("");
        return (await this.stdout(["mktree", "-z"], { input })).trim();
    }
    /** Writes a commit object for `tree` with `parents`, without touching any ref, returning its id. */
    async commitTree(tree, parents, message) {
        const p = parents.flatMap((sha) => ["-p", operand(sha, "parent")]);
        return (await this.stdout(["commit-tree", operand(tree, "tree"), ...p], { input: message })).trim();
    }
    /**
     * Compare-and-swap of a ref: moves `ref` to `newSha` only if it is still at `oldSha` (null: only if
     * it does not exist yet). Returns false, instead of throwing, when the ref moved or was locked.
     */
    async updateRef(ref, newSha, oldSha) {
        const old = oldSha ?? "0".repeat(newSha.length);
        const args = ["update-ref", operand(ref, "ref"), operand(newSha, "object"), operand(old, "object")];
        const r = await this.run(args, { allowFail: true, env: { LC_ALL: "C" } });
        if (r.code === 0)
            return true;
        if (/cannot lock ref|reference already exists|but expected/i.test(r.stderr))
            return false;
        throw new GitError(args, r.code, r.stderr);
    }
}
function execGit(args, cwd, env, input) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)("git", args, { cwd, env, maxBuffer: MAX_BUFFER, encoding: "utf8" }, (error, stdout, stderr) => {
            if (!error)
                return resolve({ stdout, stderr, code: 0 });
            const code = error.code;
            // A spawn failure, a signal or an overflowing buffer is no answer from git: always an error.
            if (typeof code !== "number")
                return reject(new GitError(args, -1, `${error.message}\n${stderr}`));
            resolve({ stdout, stderr, code });
        });
        // git may exit before reading all of its input (an error); that is reported by its exit code.
        child.stdin?.on("error", () => undefined);
        child.stdin?.end(input ?? "");
    });
}


/***/ }),

/***/ 8261:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  eb: () => (/* binding */ UsageError),
  uD: () => (/* binding */ openPlan),
  Ch: () => (/* binding */ openStore),
  bQ: () => (/* binding */ parseFlags)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/adapters/git.ts
var adapters_git = __webpack_require__(6960);
// EXTERNAL MODULE: ./src/adapters/plan-loader.ts + 18 modules
var plan_loader = __webpack_require__(6223);
// EXTERNAL MODULE: ./src/core/plan/model.ts
var model = __webpack_require__(2082);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/adapters/git-objects.ts
// Git objects (blobs, trees, commits) written in-process as loose objects, in git's own format. The state
// store writes several objects per update; a git process each costs a fork of this whole Node process,
// which on a busy run is most of tdd-waves' own CPU time. Anything unusual falls back to git itself.





/** The writer that asks git for everything (one process per object). */
function gitProcessObjects(git) {
    return {
        writeBlob: (text) => git.hashObject(text),
        writeTree: (entries) => git.mkTree(entries),
        writeCommit: (tree, parents, message) => git.commitTree(tree, parents, message),
    };
}
/** Git orders tree entries by name bytes, a tree's name compared as if it ended with "/". */
function treeOrder(a, b) {
    const key = (e) => Buffer.from(e.type === "tree" ? `${e.name}/` : e.name);
    return Buffer.compare(key(a), key(b));
}
/** Git's seconds-and-offset form of a moment: `1700000000 +0100`. */
function gitTimestamp(date) {
    const offset = -date.getTimezoneOffset() || 0;
    const abs = Math.abs(offset);
    const tz = `${offset < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
    return `${Math.floor(date.getTime() / 1000)} ${tz}`;
}
/** The `<seconds> <offset>` that ends a full ident (`Name <email> 1700000000 +0100`). */
const IDENT_TIME = / \d+ [+-]\d{4}$/;
/** `Name <email>` of a full ident. */
function withoutTime(ident) {
    return ident.replace(IDENT_TIME, "");
}
/** The writer that writes loose objects itself: no process at all. */
function looseObjects(layout, identities, clock = () => new Date()) {
    const hashName = layout.format === "sha256" ? "sha256" : "sha1";
    async function write(type, body) {
        const data = Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body]);
        const id = (0,external_node_crypto_.createHash)(hashName).update(data).digest("hex");
        const path = (0,external_node_path_.join)(layout.objectsDir, id.slice(0, 2), id.slice(2));
        const temp = (0,external_node_path_.join)(layout.objectsDir, id.slice(0, 2), `tmp_obj_${process.pid}_${Math.random().toString(36).slice(2)}`);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
        await (0,promises_.writeFile)(temp, (0,external_node_zlib_.deflateSync)(data, { level: 1 }), { mode: 0o444 });
        try {
            // link, not rename, as git does: an object that exists already is left as it is (objects never change).
            await (0,promises_.link)(temp, path);
        }
        catch (e) {
            // Some file systems have no hard links: then rename, as git falls back to.
            if (e.code !== "EEXIST")
                await (0,promises_.rename)(temp, path);
        }
        finally {
            await (0,promises_.unlink)(temp).catch(() => undefined);
        }
        return id;
    }
    const stamp = (ident) => (IDENT_TIME.test(ident) ? ident : `${ident} ${gitTimestamp(clock())}`);
    return {
        writeBlob: (text) => write("blob", Buffer.from(text, "utf8")),
        async writeTree(entries) {
            for (const e of entries)
                (0,adapters_git/* checkEntryName */._$)(e.name);
            const parts = [...entries].sort(treeOrder).map((e) => {
                // In the object a tree's mode has no leading zero (`40000`), unlike what ls-tree prints.
                const mode = e.mode.replace(/^0+/, "");
                return Buffer.concat([Buffer.from(`${mode} ${e.name}\0`), Buffer.from(e.sha, "hex")]);
            });
            return await write("tree", Buffer.concat(parts));
        },
        writeCommit(tree, parents, message) {
            const lines = [`tree ${tree}`, ...parents.map((p) => `parent ${p}`), `author ${stamp(identities.author)}`, `committer ${stamp(identities.committer)}`];
            return write("commit", Buffer.from(`${lines.join("\n")}\n\n${message.endsWith("\n") ? message : `${message}\n`}`, "utf8"));
        },
    };
}

;// CONCATENATED MODULE: ./src/adapters/git-refs.ts
// Reading a ref and moving it by compare-and-swap in-process, in the "files" ref backend's own format and
// with its lock-file protocol (`<ref>.lock` created exclusively, checked, renamed into place), so that
// it interleaves safely with git processes doing the same. What it cannot read with certainty (a
// symbolic ref, an odd file, another ref backend) it leaves to git.


function gitProcessRefs(git) {
    return {
        read: (ref) => git.revParse(`${ref}^{commit}`),
        compareAndSwap: (ref, next, expected) => git.updateRef(ref, next, expected),
    };
}
const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** Not for us to interpret: git will. */
const UNSURE = Symbol("ask git");
async function readText(path) {
    try {
        return await (0,promises_.readFile)(path, "utf8");
    }
    catch (e) {
        const code = e.code;
        return code === "ENOENT" ? null : UNSURE;
    }
}
/**
 * A ref is locked for milliseconds; a lock this old was left by a writer that died holding it (kill -9).
 * Git leaves such locks for the user to delete; an execution that resumes after a kill cannot wait for that.
 */
const STALE_LOCK_MS = 5_000;
/**
 * Clears `lock` if it is stale. It is moved aside first and deleted only if what was moved is the file
 * found stale; a fresh lock moved aside by a race of microseconds is put back.
 */
async function clearStaleLock(lock, now = Date.now()) {
    let found;
    try {
        found = await (0,promises_.stat)(lock);
    }
    catch {
        return;
    }
    if (now - found.mtimeMs < STALE_LOCK_MS)
        return;
    const aside = `${lock}.stale-${process.pid}-${Math.random().toString(36).slice(2)}`;
    try {
        await (0,promises_.rename)(lock, aside);
    }
    catch {
        return;
    }
    const moved = await (0,promises_.stat)(aside);
    if (moved.ino !== found.ino || moved.dev !== found.dev)
        await (0,promises_.link)(aside, lock).catch(() => undefined);
    await (0,promises_.unlink)(aside).catch(() => undefined);
}
function looseRefs(layout, fallback, stamp) {
    async function current(ref) {
        const loose = await readText((0,external_node_path_.join)(layout.commonDir, ref));
        if (loose === UNSURE)
            return UNSURE;
        if (loose !== null) {
            const id = loose.trim();
            return OBJECT_ID.test(id) ? id : UNSURE;
        }
        const packed = await readText((0,external_node_path_.join)(layout.commonDir, "packed-refs"));
        if (packed === UNSURE)
            return UNSURE;
        for (const line of (packed ?? "").split("\n")) {
            if (line.endsWith(` ${ref}`) && !line.startsWith("#") && !line.startsWith("^")) {
                const id = line.slice(0, line.indexOf(" "));
                return OBJECT_ID.test(id) ? id : UNSURE;
            }
        }
        return null;
    }
    /** The reflog is kept where git would keep it: a log that exists, or a branch's in a non-bare repository. */
    async function appendReflog(ref, entry) {
        const log = (0,external_node_path_.join)(layout.commonDir, "logs", ref);
        const always = layout.logBranches && ref.startsWith("refs/heads/");
        try {
            if (always)
                await (0,promises_.mkdir)((0,external_node_path_.dirname)(log), { recursive: true });
            else
                await (0,promises_.access)(log);
            await (0,promises_.appendFile)(log, entry);
        }
        catch {
            // A reflog is a convenience; the ref itself is what counts.
        }
    }
    return {
        async read(ref) {
            const id = await current(ref);
            return id === UNSURE ? fallback.read(ref) : id;
        },
        async compareAndSwap(ref, next, expected, message) {
            const path = (0,external_node_path_.join)(layout.commonDir, ref);
            const lock = `${path}.lock`;
            let handle;
            try {
                await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
            }
            catch {
                return fallback.compareAndSwap(ref, next, expected, message);
            }
            try {
                handle = await (0,promises_.open)(lock, "wx");
            }
            catch (e) {
                // Locked: somebody is writing it right now, which is a lost race (or a writer was killed while
                // holding it: the lock is cleared then, and the retry finds it free). Anything else, git explains.
                if (e.code === "EEXIST") {
                    await clearStaleLock(lock);
                    return false;
                }
                return fallback.compareAndSwap(ref, next, expected, message);
            }
            let held = true;
            const release = async () => {
                await handle.close().catch(() => undefined);
                if (held)
                    await (0,promises_.unlink)(lock).catch(() => undefined);
                held = false;
            };
            try {
                const found = await current(ref);
                if (found === UNSURE) {
                    await release();
                    return fallback.compareAndSwap(ref, next, expected, message);
                }
                if (found !== expected)
                    return false;
                await handle.writeFile(`${next}\n`);
                await handle.close();
                await appendReflog(ref, `${expected ?? "0".repeat(next.length)} ${next} ${layout.committer} ${stamp()}\t${message.split("\n")[0]}\n`);
                try {
                    await (0,promises_.rename)(lock, path);
                }
                catch (e) {
                    // Our lock was taken for stale and cleared while we held it: the ref is untouched, try again.
                    if (e.code === "ENOENT")
                        return false;
                    throw e;
                }
                held = false;
                return true;
            }
            finally {
                await release();
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/adapters/git-direct.ts
// Chooses how the state store writes objects and moves refs: in-process in git's own formats when the
// repository's layout is one this code knows (sha1 or sha256 objects, the "files" ref backend), else
// through git processes. Asked once per store: a few git processes, then none per write.


function gitProcessWriters(git) {
    return { objects: gitProcessObjects(git), refs: gitProcessRefs(git) };
}
async function repositoryWriters(git) {
    const processes = gitProcessWriters(git);
    const layout = await git.layout();
    if (layout.format !== "sha1" && layout.format !== "sha256")
        return processes;
    const [author, committer] = await Promise.all([git.ident("author"), git.ident("committer")]);
    // A date fixed by the environment is kept as git would keep it; otherwise each object gets its moment.
    const who = (ident) => (git.fixedDates ? ident : withoutTime(ident));
    const objects = looseObjects({ objectsDir: layout.objectsDir, format: layout.format }, { author: who(author), committer: who(committer) });
    const refs = layout.refStorage === "files"
        ? looseRefs({ commonDir: layout.commonDir, logBranches: !layout.bare, committer: withoutTime(committer) }, processes.refs, () => gitTimestamp(new Date()))
        : processes.refs;
    return { objects, refs };
}

;// CONCATENATED MODULE: ./src/adapters/state-store.ts
// The execution state (SPEC §4) kept as `<plan>/workflow-state.json` on a git branch, written as commits
// made with plumbing (never the working tree or the index) and published by compare-and-swap: a lost
// race is re-read, re-applied and retried, so concurrent writers never lose an update.



class StateStoreError extends Error {
    constructor(message) {
        super(message);
        this.name = "StateStoreError";
    }
}
const PLAN_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const STATE_FILE = "workflow-state.json";
/** Rejections of a push that mean "someone else wrote first": re-read and try again. */
function isPushRace(stderr) {
    return /\[rejected\]|fetch first|non-fast-forward|failed to update ref|cannot lock ref|stale info|incorrect old value|but expected/i.test(stderr);
}
/** An attempt whose compare-and-swap found the branch moved. */
const LOST = Symbol("lost race");
/** Thrown inside an attempt when it lost a race that is not a failed publish (a locked ref on fetch). */
class LostRace extends Error {
}
function localBackend(refs, branch) {
    const ref = `refs/heads/${branch}`;
    return {
        tip: () => refs.read(ref),
        publish: (sha, old, message) => refs.compareAndSwap(ref, sha, old, message),
    };
}
function remoteBackend(git, remote, branch) {
    // A private ref keeps the fetched tip's objects alive without touching the user's remote-tracking refs.
    const mirror = `refs/tdd-waves/remote-state/${branch}`;
    return {
        async tip() {
            try {
                await git.fetch(remote, [`+refs/heads/${branch}:${mirror}`]);
            }
            catch (e) {
                if (!(e instanceof adapters_git/* GitError */.XS))
                    throw e;
                if (/couldn't find remote ref/i.test(e.stderr)) {
                    await git.run(["update-ref", "-d", mirror], { allowFail: true });
                    return null;
                }
                if (/cannot lock ref/i.test(e.stderr))
                    throw new LostRace();
                throw e;
            }
            return git.revParse(`${mirror}^{commit}`);
        },
        async publish(sha) {
            try {
                await git.push(remote, [`${sha}:refs/heads/${branch}`]);
            }
            catch (e) {
                if (e instanceof adapters_git/* GitError */.XS && isPushRace(e.stderr))
                    return false;
                throw e;
            }
            await git.run(["update-ref", mirror, sha], { allowFail: true });
            return true;
        },
    };
}
/**
 * Trees listed or built by this store. Git objects never change, so a listing cached by object id stays
 * true forever; it spares an `ls-tree` per level on every write.
 */
class TreeCache {
    git;
    objects;
    entries = new Map();
    constructor(git, objects) {
        this.git = git;
        this.objects = objects;
    }
    async list(treeish) {
        const known = this.entries.get(treeish);
        if (known)
            return known;
        const listed = await this.git.lsTree(treeish);
        this.entries.set(treeish, listed);
        return listed;
    }
    async make(entries) {
        const sha = await this.objects.writeTree(entries);
        this.entries.set(sha, entries);
        return sha;
    }
    remember(commit, tree) {
        const entries = this.entries.get(tree);
        if (entries)
            this.entries.set(commit, entries);
    }
}
/** `tree` with the blob at `path` replaced (or added), every other entry kept; returns the new tree. */
async function replaceInTree(trees, tree, path, blob) {
    const [name, ...rest] = path;
    if (name === undefined)
        throw new Error("empty path");
    const entries = tree ? await trees.list(tree) : [];
    const existing = entries.find((e) => e.name === name);
    const entry = rest.length === 0
        ? { mode: "100644", type: "blob", sha: blob, name }
        : { mode: "040000", type: "tree", sha: await replaceInTree(trees, existing?.type === "tree" ? existing.sha : null, rest, blob), name };
    return trees.make([...entries.filter((e) => e.name !== name), entry]);
}
function serialize(state) {
    return `${JSON.stringify(state, null, 2)}\n`;
}
function parseState(text, where) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (e) {
        throw new StateStoreError(`${where}: not valid JSON (${e.message})`);
    }
    const v = value;
    if (typeof v !== "object" || v === null || Array.isArray(v))
        throw new StateStoreError(`${where}: not a JSON object`);
    if (v.version !== 1)
        throw new StateStoreError(`${where}: version: expected 1, found ${JSON.stringify(v.version)}`);
    if (typeof v.plan?.name !== "string")
        throw new StateStoreError(`${where}: plan.name: missing`);
    return v;
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** The commit message of a batch: the first write's message, every message in the body. */
function batchMessage(batch) {
    if (batch.length === 1)
        return batch[0].message;
    return `${batch[0].message} (+${batch.length - 1} more)\n\n${batch.map((w) => w.message).join("\n")}`;
}
class GitStateStore {
    git;
    branch;
    backend;
    retry;
    file;
    where;
    io;
    /** Writes not yet started; one writer at a time takes them all (racing ourselves would only lose compare-and-swaps). */
    pending = [];
    writing = false;
    /** The tip this store last read or wrote, and the state there: the base of the next optimistic write. */
    last;
    constructor(git, branch, backend, retry, planName, remote) {
        this.git = git;
        this.branch = branch;
        this.backend = backend;
        this.retry = retry;
        this.file = `${planName}/${STATE_FILE}`;
        this.where = `${remote ? `${remote}/` : ""}${branch}:${this.file}`;
    }
    setup() {
        this.io ??= repositoryWriters(this.git).then((writers) => ({ objects: writers.objects, backend: this.backend(writers), trees: new TreeCache(this.git, writers.objects) }), (e) => {
            this.io = undefined;
            throw e;
        });
        return this.io;
    }
    async read() {
        const io = await this.setup();
        return this.withRetry(async () => (await this.current(io)).state);
    }
    async init(state, message) {
        let created = false;
        const result = await this.cas(message, (current) => {
            created = current === null;
            return current === null ? { write: state } : { keep: current };
        });
        return { created, state: result };
    }
    async update(transition, message) {
        return this.cas(message, (current) => {
            if (current === null)
                throw new StateStoreError(`${this.where}: no state to update (the execution was never started)`);
            return { write: transition(current) };
        });
    }
    async current(io) {
        const tip = await io.backend.tip();
        // The tip names the state exactly: when it is the one this store last saw, so is the state.
        if (this.last && this.last.tip === tip)
            return this.last;
        const text = tip ? await this.git.showFile(tip, this.file) : null;
        const current = { tip, state: text === null ? null : parseState(text, this.where) };
        this.last = current;
        return current;
    }
    cas(message, decide) {
        return new Promise((resolve, reject) => {
            this.pending.push({ decide, message, resolve, reject });
            if (!this.writing)
                void this.drain();
        });
    }
    /** Publishes the pending writes, all those waiting at each turn as one commit. */
    async drain() {
        this.writing = true;
        try {
            while (this.pending.length > 0) {
                const batch = this.pending.splice(0);
                try {
                    await this.write(batch);
                }
                catch (e) {
                    for (const w of batch)
                        w.reject(e);
                }
            }
        }
        finally {
            this.writing = false;
        }
    }
    /**
     * Decide, write on top of the base, publish with compare-and-swap. The first try builds on the tip this
     * store saw last, without reading (usually nobody else wrote meanwhile); when that base turns out stale
     * it re-reads at once, and a race lost on a fresh read backs off and retries.
     */
    async write(batch) {
        const io = await this.setup();
        const base = this.last;
        // A transition may refuse what it sees; on the optimistic base it gets to see the fresh state before that counts.
        if (base && (await this.attempt(io, base, batch, false)) !== LOST)
            return;
        await this.withRetry(async () => {
            if ((await this.attempt(io, await this.current(io), batch, true)) === LOST)
                throw new LostRace();
        });
    }
    /** Applies the batch to `base` and publishes the result; settles every write unless the race was lost. */
    async attempt(io, { tip, state }, batch, fresh) {
        let next = state;
        const refused = new Map();
        for (const w of batch) {
            try {
                const decision = w.decide(next);
                next = "keep" in decision ? decision.keep : decision.write;
            }
            catch (e) {
                if (!fresh)
                    return LOST;
                refused.set(w, e);
            }
        }
        const settle = (written) => {
            for (const w of batch) {
                const error = refused.get(w);
                if (refused.has(w))
                    w.reject(error);
                else
                    w.resolve(written);
            }
        };
        const text = next === null ? null : serialize(next);
        if (next === null || (state !== null && text === serialize(state))) {
            // Nothing to write: every write kept (or refused) what is there.
            if (next !== null)
                settle(next);
            else
                for (const w of batch)
                    w.reject(refused.get(w));
            return;
        }
        const tree = await replaceInTree(io.trees, tip, this.file.split("/"), await io.objects.writeBlob(text));
        const message = batchMessage(batch.filter((w) => !refused.has(w)));
        const commit = await io.objects.writeCommit(tree, tip ? [tip] : [], message);
        io.trees.remember(commit, tree);
        if (!(await io.backend.publish(commit, tip, message))) {
            this.last = undefined;
            return LOST;
        }
        const written = JSON.parse(text);
        this.last = { tip: commit, state: written };
        settle(written);
    }
    async withRetry(attempt) {
        for (let i = 0; i < this.retry.attempts; i++) {
            const started = Date.now();
            try {
                return await attempt();
            }
            catch (e) {
                if (!(e instanceof LostRace))
                    throw e;
            }
            // Full jitter over a window that grows from one attempt's duration, so that writers that collided
            // spread out instead of colliding again in lockstep. The ceiling stays short (a slow remote gets
            // at least two attempts' worth): long sleeps cost more than the cheap attempts they would save.
            const unit = Math.max(this.retry.baseDelayMs, Date.now() - started);
            const ceiling = Math.min(Math.max(this.retry.maxDelayMs, 2 * unit), unit * 2 ** i);
            await sleep(Math.random() * ceiling);
        }
        throw new StateStoreError(`${this.where}: gave up after ${this.retry.attempts} attempts: other writers kept updating the state branch`);
    }
}
function createStateStore(opts) {
    if (!PLAN_NAME.test(opts.planName))
        throw new StateStoreError(`invalid plan name for the state branch: "${opts.planName}"`);
    const branch = opts.branch ?? model/* DEFAULTS */.zY.stateBranch;
    if (branch === "" || branch.startsWith("-") || /[\s~^:?*[\\]|\.\.|@\{/.test(branch)) {
        throw new StateStoreError(`invalid state branch name: "${branch}"`);
    }
    // Git cannot hold both a branch `a/b` and branches `a/b/…`: story branches live under tdd-waves/<plan>/.
    const storyPrefix = `tdd-waves/${opts.planName}`;
    if (branch === storyPrefix || branch.startsWith(`${storyPrefix}/`) || storyPrefix.startsWith(`${branch}/`)) {
        throw new StateStoreError(`plan "${opts.planName}": its story branches (${storyPrefix}/<story>) would clash with the state branch "${branch}"; rename the plan or choose another state branch`);
    }
    const retry = {
        attempts: opts.retry?.attempts ?? 50,
        baseDelayMs: opts.retry?.baseDelayMs ?? 10,
        maxDelayMs: opts.retry?.maxDelayMs ?? 1000,
    };
    const remote = opts.remote;
    const backend = (writers) => (remote ? remoteBackend(opts.git, remote, branch) : localBackend(writers.refs, branch));
    return new GitStateStore(opts.git, branch, backend, retry, opts.planName, remote);
}

;// CONCATENATED MODULE: ./src/cli/args.ts
// Command-line flags and the plan every command starts from (located errors, exit 2, nothing changed).




class UsageError extends Error {
}
/** `--name value`, `--name=value` and `--flag`; anything unknown is a usage error. */
function parseFlags(args, spec) {
    const flags = { positional: [], values: {}, booleans: new Set() };
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === "--") {
            flags.positional.push(...args.slice(i + 1));
            break;
        }
        if (!arg.startsWith("--")) {
            flags.positional.push(arg);
            continue;
        }
        const eq = arg.indexOf("=");
        const name = arg.slice(2, eq < 0 ? undefined : eq);
        const kind = spec[name];
        if (!kind)
            throw new UsageError(`unknown option --${name}`);
        if (kind === "boolean") {
            if (eq >= 0)
                throw new UsageError(`--${name} takes no value`);
            flags.booleans.add(name);
        }
        else {
            const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
            if (value === undefined || (eq < 0 && value.startsWith("--")))
                throw new UsageError(`--${name} needs a value`);
            flags.values[name] = value;
        }
    }
    return flags;
}
/** Loads the plan of the repository it lives in; prints located errors and returns 2 when it cannot. */
async function openPlan(planArg, io) {
    const planPath = (0,external_node_path_.resolve)(io.cwd, planArg);
    let repoRoot;
    try {
        repoRoot = await new adapters_git/* Git */.TU({ cwd: (0,external_node_path_.dirname)(planPath) }).topLevel();
    }
    catch {
        try {
            repoRoot = await new adapters_git/* Git */.TU({ cwd: io.cwd }).topLevel();
        }
        catch {
            io.stderr(`tdd-waves: ${planArg}: not inside a git repository (tdd-waves executes plans in a git repository)\n`);
            return 2;
        }
    }
    try {
        return { loaded: await (0,plan_loader/* loadPlan */.Yq)(planArg, repoRoot, { cwd: io.cwd }), repoRoot };
    }
    catch (e) {
        if (e instanceof plan_loader/* PlanError */.W6) {
            io.stderr(`${e.message}\n`);
            return 2;
        }
        throw e;
    }
}
/** The plan's state store in the repository; prints why and returns 2 when the names cannot work. */
function openStore(planName, repoRoot, branch, io) {
    try {
        return createStateStore({ git: new adapters_git/* Git */.TU({ cwd: repoRoot }), planName, branch });
    }
    catch (e) {
        if (!(e instanceof StateStoreError))
            throw e;
        io.stderr(`tdd-waves: ${e.message}\n`);
        return 2;
    }
}


/***/ })

};
