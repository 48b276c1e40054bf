export const id = 51;
export const ids = [51];
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
// EXTERNAL MODULE: ./src/adapters/plan-loader.ts + 3 modules
var plan_loader = __webpack_require__(4615);
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
    const branch = opts.branch ?? model/* DEFAULTS */.z.stateBranch;
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


/***/ }),

/***/ 2990:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZK: () => (/* binding */ renderGantt),
/* harmony export */   kU: () => (/* binding */ renderGanttText)
/* harmony export */ });
/* unused harmony exports MERMAID_MAX_CHARS, neutraliseLabel, barKeys */
/* harmony import */ var _state_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6624);
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
/**
 * The short key of each story in bar names (`T-<key>`): the id's trailing number (`msm-auth-002` → `002`),
 * or the whole id when it has no trailing number or shares its number with another story.
 */
function barKeys(state) {
    const ids = allStoryIds(state);
    const numberOf = (id) => /(\d+)$/.exec(id)?.[1];
    const uses = new Map();
    for (const id of ids) {
        const n = numberOf(id);
        if (n !== undefined)
            uses.set(n, (uses.get(n) ?? 0) + 1);
    }
    const keys = {};
    for (const id of ids) {
        const n = numberOf(id);
        keys[id] = n !== undefined && uses.get(n) === 1 && !ids.includes(n) ? n : id;
    }
    return keys;
}
/** Every story the state knows, waves first (in wave order), then any with a run but no wave. */
function allStoryIds(state) {
    const seen = new Set(state.waves.flat());
    const extra = Object.keys(state.runs).filter((id) => !seen.has(id));
    return [...seen, ...extra];
}
const TESTER_PHASES = ["tester", "red"];
const IMPL_PHASES = ["implementation", "verify"];
/** Mermaid dates: UTC, whole seconds, in the chart's `dateFormat`. */
function mermaidDate(ms) {
    return new Date(ms).toISOString().slice(0, 19);
}
function timeOf(iso) {
    if (iso === undefined)
        return undefined;
    const ms = Date.parse(iso);
    return Number.isNaN(ms) || ms < 0 || ms > 253_402_300_799_000 ? undefined : ms;
}
/**
 * A bar's mark. A failed phase is `crit`; a phase still running is `active` while its story is in progress.
 * A phase left running by an execution that stopped (its story failed or went back to pending) is not
 * active: it is `crit` when the story failed, unmarked when it waits to be run again.
 */
function markOf(phases, story) {
    if (phases.some((p) => p.outcome === "failed"))
        return "crit";
    if (phases.some((p) => p.outcome === "running" || p.end === undefined)) {
        if (story === "testing" || story === "implementing")
            return "active";
        return story === "failed" ? "crit" : "";
    }
    return "done";
}
/** The latest instant the state records: where bars still running end, for now. */
function latestOf(state) {
    let latest = timeOf(state.lastUpdate) ?? 0;
    for (const run of Object.values(state.runs)) {
        for (const p of run.phases)
            latest = Math.max(latest, timeOf(p.start) ?? 0, timeOf(p.end) ?? 0);
    }
    return latest;
}
/** Start and end of a bar from its phases; a bar still running ends at `now`. */
function spanOf(phases, now) {
    const starts = phases.map((p) => timeOf(p.start) ?? timeOf(p.end) ?? now);
    const ends = phases.map((p) => timeOf(p.end) ?? now);
    const start = Math.floor(Math.min(...starts) / 1000) * 1000;
    const end = Math.max(Math.ceil(Math.max(...ends) / 1000) * 1000, start + 1000);
    return { start, end };
}
function taskId(kind, key, used) {
    const base = `${kind.toLowerCase()}_${key.replace(/[^A-Za-z0-9_]/g, "_")}`;
    let id = base;
    for (let n = 2; used.has(id); n++)
        id = `${base}_${n}`;
    used.add(id);
    return id;
}
function barsOf(state, id, key, title, used, now) {
    const run = state.runs[id];
    if (!run)
        return [];
    const story = (0,_state_state_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(state, id);
    const safeId = neutraliseLabel(id, 200);
    const name = key === id ? "" : ` ${safeId}`;
    const safeTitle = neutraliseLabel(title);
    const bars = [];
    for (const [kind, names] of [["T", TESTER_PHASES], ["I", IMPL_PHASES]]) {
        const phases = run.phases.filter((p) => names.includes(p.phase));
        if (phases.length === 0)
            continue;
        const { start, end } = spanOf(phases, now);
        let mark = markOf(phases, story);
        // The implementation was rejected at integration (merge conflict, tests failing on the merge).
        if (kind === "I" && run.phases.some((p) => p.phase === "integrate" && p.outcome === "failed"))
            mark = "crit";
        const label = `${kind}-${neutraliseLabel(key, 200)}${name}${safeTitle ? ` — ${safeTitle}` : ""}`;
        const tags = mark ? `${mark}, ` : "";
        bars.push({ kind, line: `    ${label} :${tags}${taskId(kind, key, used)}, ${mermaidDate(start)}, ${mermaidDate(end)}` });
    }
    return bars;
}
function waveBars(state, titles) {
    const keys = barKeys(state);
    const used = new Set();
    const now = latestOf(state);
    const inWaves = new Set(state.waves.flat());
    const groups = state.waves.map((ids, i) => ({ name: `Wave ${i + 1}`, ids }));
    const stray = Object.keys(state.runs).filter((id) => !inWaves.has(id));
    if (stray.length > 0)
        groups.push({ name: "Outside the waves", ids: stray });
    return groups
        .map(({ name, ids }) => ({
        name,
        lines: ids.flatMap((id) => barsOf(state, id, keys[id] ?? id, titles[id] ?? "", used, now)).map((b) => b.line),
    }))
        .filter((w) => w.lines.length > 0);
}
function header(planName, part) {
    const title = neutraliseLabel(`tdd-waves · ${planName}${part}`, 120);
    return `gantt\n    title ${title}\n    dateFormat YYYY-MM-DDTHH:mm:ss\n    axisFormat %H:%M\n    todayMarker off\n`;
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
 * phase that has started (`T-<key>` tester and red check, `I-<key>` implementation and verify), failed
 * bars `crit`, running ones `active`, finished ones `done`. Stories not yet run have no bar. Charts over
 * `maxChars` are split (whole waves per chart where possible). Always at least one chart; a chart with no
 * section means nothing has run yet.
 */
function renderGantt(state, titles, opts = {}) {
    const maxChars = opts.maxChars ?? MERMAID_MAX_CHARS;
    if (!(maxChars >= MIN_CHARS))
        throw new RangeError(`renderGantt: maxChars must be at least ${MIN_CHARS}, got ${maxChars}`);
    const room = maxChars - header(state.plan.name, " (99999/99999)").length;
    const bodies = pack(waveBars(state, titles), room);
    if (bodies.length === 0)
        return [header(state.plan.name, "")];
    return bodies.map((body, i) => header(state.plan.name, bodies.length > 1 ? ` (${i + 1}/${bodies.length})` : "") + body);
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
 * The PM text form, one line per wave: `Wave 2: [T-002]→[I-002] | [T-003]→[I-003]`. A story that is not
 * complete carries its status after its pair, e.g. `[T-003]→[I-003] (pending)`.
 */
function renderGanttText(state) {
    const keys = barKeys(state);
    return state.waves
        .map((ids, i) => {
        const pairs = ids.map((id) => {
            const key = keys[id] ?? id;
            return `[T-${key}]→[I-${key}]${TEXT_STATUS[(0,_state_state_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(state, id)]}`;
        });
        return `Wave ${i + 1}: ${pairs.join(" | ")}`;
    })
        .join("\n");
}


/***/ }),

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

/***/ 6624:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AE: () => (/* binding */ failStory),
/* harmony export */   CX: () => (/* binding */ derive),
/* harmony export */   EY: () => (/* binding */ adoptCompleted),
/* harmony export */   Eg: () => (/* binding */ annotateRun),
/* harmony export */   Eo: () => (/* binding */ runDuration),
/* harmony export */   Eq: () => (/* binding */ recordError),
/* harmony export */   OA: () => (/* binding */ startStory),
/* harmony export */   Pr: () => (/* binding */ recordResult),
/* harmony export */   X_: () => (/* binding */ completeStory),
/* harmony export */   c2: () => (/* binding */ statusOf),
/* harmony export */   cy: () => (/* binding */ chain),
/* harmony export */   dp: () => (/* binding */ requeueInProgress),
/* harmony export */   ne: () => (/* binding */ blockStory),
/* harmony export */   tA: () => (/* binding */ beginPhase),
/* harmony export */   uT: () => (/* binding */ startWave),
/* harmony export */   ur: () => (/* binding */ createState),
/* harmony export */   zN: () => (/* binding */ endPhase)
/* harmony export */ });
/* unused harmony exports waveOf, retryStories, setLock, openStoriesOf, nextOpenWave */
/** Several transitions applied as one (one state write for steps that happen at the same moment). */
const chain = (...transitions) => (state) => transitions.reduce((acc, t) => t(acc), state);
function createState(args) {
    const { plan } = args;
    const storyEpics = Object.fromEntries(plan.stories.map((s) => [s.id, s.epic]));
    return derive({
        version: 1,
        plan: { name: plan.name, path: args.planPath, digest: args.digest },
        target: args.target,
        status: "pending",
        currentWave: 0,
        waves: args.waves,
        stories: { pending: plan.stories.map((s) => s.id), inProgress: [], completed: [], failed: [], blocked: [] },
        epics: {},
        runs: {},
        errors: [],
        lastUpdate: args.now,
        storyEpics,
    });
}
/** Where a story stands, from the buckets (the buckets are the truth; runs hold the detail). */
function statusOf(state, id) {
    if (state.stories.completed.includes(id))
        return "complete";
    if (state.stories.failed.includes(id))
        return "failed";
    if (state.stories.blocked.includes(id))
        return "blocked";
    if (state.stories.inProgress.includes(id))
        return state.runs[id]?.status ?? "testing";
    return "pending";
}
function waveOf(state, id) {
    const i = state.waves.findIndex((w) => w.includes(id));
    return i < 0 ? 0 : i + 1;
}
function moveTo(buckets, id, to) {
    const next = {
        pending: buckets.pending.filter((x) => x !== id),
        inProgress: buckets.inProgress.filter((x) => x !== id),
        completed: buckets.completed.filter((x) => x !== id),
        failed: buckets.failed.filter((x) => x !== id),
        blocked: buckets.blocked.filter((x) => x !== id),
    };
    next[to] = [...next[to], id];
    return next;
}
/** Recomputes everything derivable: epic counts and the overall status. Applied on every write. */
function derive(state) {
    const epics = {};
    const all = [
        ...state.stories.pending,
        ...state.stories.inProgress,
        ...state.stories.completed,
        ...state.stories.failed,
        ...state.stories.blocked,
    ];
    for (const id of all) {
        const epic = state.storyEpics[id] ?? id;
        const e = (epics[epic] ??= { total: 0, completed: 0, failed: 0 });
        e.total += 1;
        if (state.stories.completed.includes(id))
            e.completed += 1;
        if (state.stories.failed.includes(id))
            e.failed += 1;
    }
    let status = state.status;
    if (status !== "error") {
        const open = state.stories.pending.length + state.stories.inProgress.length;
        if (open === 0)
            status = "complete";
        else if (status === "complete")
            status = "executing";
    }
    return { ...state, epics, status };
}
function touch(state, now) {
    return derive({ ...state, lastUpdate: now });
}
function withRun(state, id, f) {
    const run = state.runs[id] ?? { attempt: 0, wave: waveOf(state, id), status: "pending", phases: [] };
    return { ...state, runs: { ...state.runs, [id]: f(run) } };
}
/** A wave starts: it becomes the current wave and the execution is under way. */
const startWave = (wave, now) => (state) => touch({ ...state, currentWave: Math.max(state.currentWave, wave), status: state.status === "error" ? "error" : "executing" }, now);
/** A story starts a new attempt (from the tester phase). Idempotent for an attempt already started. */
const startStory = (id, now, runUrl) => (state) => {
    if (statusOf(state, id) === "complete")
        return state;
    const next = withRun(state, id, (run) => ({
        attempt: run.attempt + 1,
        wave: waveOf(state, id),
        status: "testing",
        phases: [],
        ...(runUrl ? { runUrl } : {}),
    }));
    return touch({ ...next, stories: moveTo(next.stories, id, "inProgress"), status: "executing" }, now);
};
const phaseStatus = { tester: "testing", red: "testing", implementation: "implementing", verify: "implementing" };
const beginPhase = (id, phase, now, extra = {}) => (state) => touch(withRun(state, id, (run) => ({
    ...run,
    status: phaseStatus[phase] ?? run.status,
    phases: [...run.phases, { phase, ...extra, start: now, outcome: "running" }],
})), now);
const endPhase = (id, phase, outcome, now, message) => (state) => touch(withRun(state, id, (run) => {
    const phases = [...run.phases];
    for (let i = phases.length - 1; i >= 0; i--) {
        const p = phases[i];
        if (p.phase === phase && p.outcome === "running") {
            phases[i] = { ...p, end: now, outcome, ...(message ? { message } : {}) };
            return { ...run, phases };
        }
    }
    phases.push({ phase, start: now, end: now, outcome, ...(message ? { message } : {}) });
    return { ...run, phases };
}), now);
/** Records what verify found, before integration decides the story's fate. */
const recordResult = (id, result, now) => (state) => touch(withRun(state, id, (run) => ({
    ...run,
    result: { filesModified: [], acChecklistComplete: false, verifiedProduction: false, ...run.result, ...result },
})), now);
/** Extra facts of the current attempt (tester commit, base, merge commit, …). */
const annotateRun = (id, facts, now) => (state) => touch(withRun(state, id, (run) => ({ ...run, ...facts })), now);
const completeStory = (id, now) => (state) => {
    const next = withRun(state, id, (run) => ({ ...run, status: "complete", reason: undefined }));
    return touch({ ...next, stories: moveTo(next.stories, id, "completed") }, now);
};
/**
 * Stories whose story file on the target already says ✅ Complete (done before this execution, or by a
 * design tool) count as complete and merged: they are skipped, not run again.
 */
const adoptCompleted = (ids, targetCommit, now) => (state) => {
    let next = state;
    for (const id of ids) {
        if (statusOf(next, id) !== "pending")
            continue;
        next = withRun(next, id, (run) => ({ ...run, status: "complete", merged: targetCommit, reason: "already complete on the target branch" }));
        next = { ...next, stories: moveTo(next.stories, id, "completed") };
    }
    return next === state ? state : touch(next, now);
};
const failStory = (id, reason, now, phase) => (state) => {
    const next = withRun(state, id, (run) => ({ ...run, status: "failed", reason }));
    const errors = [...next.errors, { at: now, story: id, ...(phase ? { phase } : {}), message: reason }];
    return touch({ ...next, errors, stories: moveTo(next.stories, id, "failed") }, now);
};
const blockStory = (id, reason, now) => (state) => {
    if (statusOf(state, id) === "complete")
        return state;
    const next = withRun(state, id, (run) => ({ ...run, status: "blocked", reason }));
    return touch({ ...next, stories: moveTo(next.stories, id, "blocked") }, now);
};
/** Stories that were in progress when an execution stopped go back to pending: they restart from the tester. */
const requeueInProgress = (now) => (state) => {
    if (state.stories.inProgress.length === 0)
        return state;
    let next = state;
    for (const id of state.stories.inProgress) {
        next = withRun(next, id, (run) => ({ ...run, status: "pending" }));
        next = { ...next, stories: moveTo(next.stories, id, "pending") };
    }
    return touch(next, now);
};
/**
 * `/build retry`: the named failed stories, and every story blocked (transitively) behind them, go back
 * to pending. `dependents` maps a story to the stories that depend on it directly.
 */
const retryStories = (ids, dependents, now) => (state) => {
    const reset = new Set();
    const visit = (id) => {
        for (const d of dependents[id] ?? []) {
            if (state.stories.blocked.includes(d) && !reset.has(d)) {
                reset.add(d);
                visit(d);
            }
        }
    };
    for (const id of ids) {
        if (state.stories.failed.includes(id) || state.stories.blocked.includes(id)) {
            reset.add(id);
            visit(id);
        }
    }
    if (reset.size === 0)
        return state;
    let next = { ...state, status: state.status === "error" ? "error" : "executing" };
    for (const id of reset) {
        next = withRun(next, id, (run) => ({ ...run, status: "pending", reason: undefined }));
        next = { ...next, stories: moveTo(next.stories, id, "pending") };
    }
    return touch(next, now);
};
const recordError = (message, now, fatal = false) => (state) => touch({ ...state, errors: [...state.errors, { at: now, message }], ...(fatal ? { status: "error" } : {}) }, now);
const setLock = (lock, now) => (state) => {
    const { lock: _old, ...rest } = state;
    return touch(lock ? { ...rest, lock } : rest, now);
};
/** A run's duration: first phase start to last phase end; null when no phase has ended. */
function runDuration(run) {
    const starts = run.phases.map((p) => Date.parse(p.start)).filter(Number.isFinite);
    const ends = run.phases.flatMap((p) => (p.end ? [Date.parse(p.end)] : [])).filter(Number.isFinite);
    if (starts.length === 0 || ends.length === 0)
        return null;
    return Math.max(0, Math.max(...ends) - Math.min(...starts));
}
/** Stories of a wave that have not finished yet (pending or in progress). */
function openStoriesOf(state, wave) {
    return (state.waves[wave - 1] ?? []).filter((id) => {
        const s = statusOf(state, id);
        return s !== "complete" && s !== "failed" && s !== "blocked";
    });
}
/** The first wave that still has open stories, or 0 when none has. */
function nextOpenWave(state) {
    for (let w = 1; w <= state.waves.length; w++)
        if (openStoriesOf(state, w).length > 0)
            return w;
    return 0;
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
