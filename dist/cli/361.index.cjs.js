"use strict";
exports.id = 361;
exports.ids = [361];
exports.modules = {

/***/ 6960:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TU: () => (/* binding */ Git),
/* harmony export */   XS: () => (/* binding */ GitError),
/* harmony export */   _$: () => (/* binding */ checkEntryName)
/* harmony export */ });
/* unused harmony exports MERGE_SUBJECT_PREFIX, BOT_IDENTITY */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
// The one place that runs git: every git command of tdd-waves goes through `Git.run` (no shell, fixed
// options, identity fallback) and the small typed helpers built on it, or through `Git.spawn` for the
// long-lived plumbing processes of the state store (git-plumbing-process.ts).



/** The subject tdd-waves gives its merges: a MERGE_HEAD with it was left by a tdd-waves killed mid-merge. */
const MERGE_SUBJECT_PREFIX = "tdd-waves: merge ";
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
    /**
     * A long-lived git process (a plumbing command serving requests read on its stdin, e.g. `cat-file
     * --batch`) in the same environment, identity fallback included, as `run` gives its commands.
     */
    async spawn(args) {
        const env = { ...this.baseEnv(), ...(await this.identityEnv()) };
        return (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)("git", ["-c", "core.quotepath=off", ...args], { cwd: this.cwd, env, stdio: "pipe" });
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
    async head() {
        return this.revParse("HEAD");
    }
    async startBranch(branch) {
        await this.run(["checkout", "-q", "-B", operand(branch, "branch")]);
    }
    async returnToBranch(branch) {
        await this.run(["symbolic-ref", "HEAD", `refs/heads/${operand(branch, "branch")}`]);
    }
    /**
     * Directories holding a repository of their own, new since commit `since`: untracked ones (git lists
     * them with a trailing slash and does not look inside) and gitlinks added to the index or committed.
     */
    async nestedRepositories(since) {
        const untracked = splitZ(await this.stdout(["ls-files", "--others", "--exclude-standard", "--full-name", "-z"]))
            .filter((p) => p.endsWith("/"))
            .map((p) => p.slice(0, -1));
        const raw = splitZ(await this.stdout(["diff", "--raw", "--no-renames", "-z", operand(since, "revision"), "--"]));
        const linked = [];
        // -z --raw: ":<old mode> <new mode> <old> <new> <status>" then the path, as separate fields.
        for (let i = 0; i + 1 < raw.length; i += 2)
            if (raw[i].split(" ")[1] === "160000")
                linked.push(raw[i + 1]);
        return [...new Set([...untracked, ...linked])].sort();
    }
    async subjectsNotIn(ref, base, limit) {
        const out = await this.stdout(["log", `--max-count=${limit}`, "--format=%s", operand(ref, "revision"), "--not", operand(base, "revision"), "--"]);
        return out.split("\n").filter((l) => l !== "");
    }
    async worktreesUnder(root) {
        const onDisk = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(root).catch(() => [])).map((name) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, name));
        // Git's records too: a worktree whose directory was half made or is gone still holds its branch.
        const recorded = (await this.worktreePaths()).filter((p) => p.startsWith(`${root}${node_path__WEBPACK_IMPORTED_MODULE_2__.sep}`));
        return [...new Set([...onDisk, ...recorded])];
    }
    async addWorktree(dir, branch, startPoint) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, ".."), { recursive: true });
        await this.worktreeAdd(dir, branch, startPoint, { prune: false, checkout: false });
    }
    async removeWorktree(dir) {
        await this.worktreeRemove(dir, { prune: false });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dir, { recursive: true, force: true });
    }
    async pruneWorktrees() {
        await this.worktreePrune();
    }
    async removeEmptyDirectory(dir) {
        return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rmdir)(dir).then(() => true, () => false);
    }
    /**
     * A worktree at `dir` on `branch`, (re)created at `startPoint`; with `checkout: false` its files are not
     * checked out (`resetTo` does that). Stale worktree records are pruned first unless `prune: false`.
     */
    async worktreeAdd(dir, branch, startPoint, opts = {}) {
        if (opts.prune !== false)
            await this.worktreePrune();
        const noCheckout = opts.checkout === false ? ["--no-checkout"] : [];
        const on = branch === null ? ["--detach"] : ["-B", operand(branch, "branch")];
        await this.run(["worktree", "add", ...noCheckout, ...on, operand(dir, "directory"), operand(startPoint, "start point")]);
    }
    /**
     * This worktree on `branch` (null: detached), (re)set to `startPoint`, as a fresh checkout would be: changes,
     * untracked and ignored files all gone, except the untracked `keep` paths (repository-relative).
     */
    async resetTo(branch, startPoint, keep = []) {
        const to = branch === null ? ["--detach", operand(startPoint, "start point")] : ["-B", operand(branch, "branch"), operand(startPoint, "start point")];
        await this.run(["checkout", "-q", "-f", ...to, "--"]);
        // A leading "/" anchors each kept path at the root, as in .gitignore.
        await this.run(["clean", "-q", "-ffdx", ...keep.flatMap((p) => ["-e", `/${p}`])]);
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
    async restoreFile(commit, path) {
        if ((await this.revParse(`${operand(commit, "revision")}^{commit}:${operand(path, "path")}`)) === null)
            return false;
        // `:(literal)`: the path is a name, not a pattern; git writes nothing through a symbolic link on the way
        // (it refuses: the file is then left as it is, for the checks that follow to report).
        return (await this.run(["checkout", "-q", commit, "--", `:(literal)${path}`], { allowFail: true })).code === 0;
    }
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
    /** Lists `/<name>` (a file at the repository root) in .git/info/exclude, once, so `git status` never shows it. */
    async excludeFromStatus(name) {
        const exclude = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(await this.commonDir(), "info", "exclude");
        const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(exclude, "utf8").catch(() => "");
        if (text.split(/\r?\n/).includes(`/${name}`))
            return;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(exclude, ".."), { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.appendFile)(exclude, `${text === "" || text.endsWith("\n") ? "" : "\n"}/${name}\n`);
    }
    /** The repository's common git directory (shared by all its worktrees), absolute. */
    async commonDir() {
        return (await this.stdout(["rev-parse", "--path-format=absolute", "--git-common-dir"])).trim();
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
     * A `--no-ff` merge of `branch` into the current branch. Nothing is left half-merged: on a conflict the
     * merge is aborted and the conflicting paths returned; a merge git refused (untracked files it would
     * overwrite, a hook) is aborted too and git's message returned. A branch that does not exist throws.
     */
    async merge(branch, message) {
        const r = await this.run(["merge", "--no-ff", "--no-edit", "--no-verify", "-m", message, operand(branch, "branch")], { allowFail: true, env: { LC_ALL: "C" } });
        if (r.code === 0)
            return { ok: true, sha: (await this.stdout(["rev-parse", "HEAD"])).trim() };
        const said = (r.stderr || r.stdout).trim();
        if ((await this.revParse("MERGE_HEAD")) === null) {
            if ((await this.revParse(branch)) === null)
                throw new GitError(["merge", branch], r.code, said);
            return { ok: false, kind: "refused", message: said };
        }
        const conflicts = [...new Set(splitZ(await this.stdout(["diff", "--name-only", "--diff-filter=U", "-z"])))].sort();
        await this.run(["merge", "--abort"]);
        return conflicts.length > 0 ? { ok: false, kind: "conflict", conflicts } : { ok: false, kind: "refused", message: said };
    }
    /** Whether a merge is unfinished here (MERGE_HEAD), and whether tdd-waves started it (its merge message). */
    async unfinishedMerge() {
        if ((await this.revParse("MERGE_HEAD")) === null)
            return "none";
        const msgPath = (await this.stdout(["rev-parse", "--path-format=absolute", "--git-path", "MERGE_MSG"])).trim();
        const msg = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(msgPath, "utf8").catch(() => "");
        return msg.startsWith(MERGE_SUBJECT_PREFIX) ? "ours" : "foreign";
    }
    /** Abandons the unfinished merge: index and files back to HEAD for what the merge touched. */
    async abortMerge() {
        await this.run(["merge", "--abort"]);
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
    /** A push that reports a rejection (the remote branch moved on) instead of throwing. */
    async tryPush(remote, refspec) {
        const r = await this.run(["push", operand(remote, "remote"), operand(refspec, "refspec")], { allowFail: true, env: { LC_ALL: "C" } });
        if (r.code === 0)
            return { ok: true };
        return { ok: false, rejected: PUSH_REJECTED.test(r.stderr), message: redact(r.stderr.trim()) };
    }
    async branchExists(name) {
        const r = await this.run(["show-ref", "--verify", "--quiet", `refs/heads/${operand(name, "branch")}`], { allowFail: true });
        return r.code === 0;
    }
    async deleteBranch(name) {
        await this.run(["branch", "-D", operand(name, "branch")]);
    }
    /** A file's content at a revision, or null when the revision or the file does not exist. */
    async makeDirectory(path) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(path, { recursive: true });
    }
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
    /** Every file of a commit's tree at any depth, path -> its `ls-tree` entry ("mode type sha"). */
    async treeFiles(commit) {
        const lines = splitZ(await this.stdout(["ls-tree", "-r", "-z", "--full-tree", operand(commit, "revision")]));
        return new Map(lines.map((line) => [line.slice(line.indexOf("\t") + 1), line.slice(0, line.indexOf("\t"))]));
    }
    /** Whether `path` (a file, or a folder with files in it) is tracked. */
    async isTracked(path) {
        return (await this.stdout(["ls-files", "-z", "--", path])) !== "";
    }
    /** Whether git ignores `path` (end a folder's path with "/": some patterns match folders only). */
    async isIgnored(path) {
        return (await this.run(["check-ignore", "-q", "--no-index", "--", path], { allowFail: true })).code === 0;
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
/** A push refused because the remote branch moved on (someone pushed to it meanwhile). */
const PUSH_REJECTED = /\[rejected\]|\(fetch first\)|non-fast-forward/;
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

/***/ 6308:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Pp: () => (/* binding */ InvalidStateError),
  zI: () => (/* binding */ StateStoreError),
  J$: () => (/* binding */ createStateStore)
});

// UNUSED EXPORTS: isPushRace

// EXTERNAL MODULE: ./src/core/plan/model.ts
var model = __webpack_require__(2082);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 6 modules
var schemas = __webpack_require__(0);
;// CONCATENATED MODULE: ./src/core/state/schema.ts
// The execution state's shape (SPEC §4, plus the optional facts the engine records) as one zod schema,
// checked on every read of the state branch: a state edited by hand fails with the key that is wrong,
// never deep inside the engine. Objects are loose: keys a newer version adds are kept, not refused.

const schema_text = schemas/* string */.YjP();
const count = schemas/* number */.aig().int().min(0);
const optionalText = schema_text.optional();
const storyStatus = schemas/* enum */.k5n(["pending", "testing", "implementing", "complete", "failed", "blocked"]);
const phaseRecord = schemas/* looseObject */._H3({
    // Phase names stay open: a newer version may record a phase this one does not run (shown, not refused).
    phase: schemas/* custom */.IeY((v) => typeof v === "string" && v !== "", { error: "expected a phase name" }),
    agent: optionalText,
    start: schema_text,
    end: optionalText,
    outcome: schemas/* enum */.k5n(["running", "ok", "failed"]),
    message: optionalText,
    log: optionalText,
    attempt: schemas/* number */.aig().int().min(1).optional(),
    feedback: optionalText,
    interrupted: schemas/* boolean */.zMY().optional(),
});
const testEvidence = schemas/* looseObject */._H3({
    exitCode: schemas/* number */.aig().int().nullable(),
    passed: count.nullable(),
    total: count.nullable(),
    timedOut: schemas/* boolean */.zMY().optional(),
    junitFound: schemas/* boolean */.zMY().optional(),
});
const storyRun = schemas/* looseObject */._H3({
    attempt: count,
    wave: count,
    status: storyStatus,
    phases: schemas/* array */.YOg(phaseRecord),
    result: schemas/* looseObject */._H3({
        filesModified: schemas/* array */.YOg(schema_text),
        acChecklistComplete: schemas/* boolean */.zMY(),
        verifiedProduction: schemas/* boolean */.zMY(),
        red: testEvidence.optional(),
        green: testEvidence.optional(),
        commit: optionalText,
    })
        .optional(),
    reason: optionalText,
    runUrl: optionalText,
    testerCommit: optionalText,
    testFileBlob: optionalText,
    base: optionalText,
    merged: optionalText,
    // Retries (issue 12): absent in states written before them, which read as one attempt per run.
    firstAttempt: count.optional(),
    feedback: optionalText,
    resume: schemas/* boolean */.zMY().optional(),
    rebuild: schemas/* looseObject */._H3({
        reason: schema_text,
        feedback: schema_text,
        from: optionalText,
        testFileBlob: optionalText,
        attempt: schemas/* number */.aig().int().min(1).optional(),
        commit: optionalText,
    })
        .optional(),
    rebuilt: schemas/* boolean */.zMY().optional(),
});
const ids = schemas/* array */.YOg(schema_text);
const workflowStateSchema = schemas/* looseObject */._H3({
    version: schemas/* literal */.euz(1),
    plan: schemas/* looseObject */._H3({ name: schema_text, path: schema_text, digest: schema_text, digestWithoutBudget: optionalText }),
    target: schema_text,
    status: schemas/* enum */.k5n(["pending", "executing", "complete", "error"]),
    currentWave: count,
    waves: schemas/* array */.YOg(ids),
    stories: schemas/* looseObject */._H3({ pending: ids, inProgress: ids, completed: ids, failed: ids, blocked: ids }),
    epics: schemas/* record */.g1P(schema_text, schemas/* looseObject */._H3({ total: count, completed: count, failed: count })),
    runs: schemas/* record */.g1P(schema_text, storyRun),
    errors: schemas/* array */.YOg(schemas/* looseObject */._H3({ at: schema_text, story: optionalText, phase: optionalText, message: schema_text })),
    lastUpdate: schema_text,
    storyEpics: schemas/* record */.g1P(schema_text, schema_text),
    lock: schemas/* looseObject */._H3({
        kind: schemas/* enum */.k5n(["local", "github"]),
        id: schema_text,
        host: optionalText,
        pid: schemas/* number */.aig().int().optional(),
        since: schema_text,
    })
        .optional(),
});
// The schema accepts only what the engine's type describes (a mismatch is a compile error here).
const _sameShape = (parsed) => parsed;
void _sameShape;
const article = (noun) => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);
/** `stories.completed`, `runs.s-01.phases[2].outcome`. */
function keyPath(path) {
    return path.reduce((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), "") || "(the whole state)";
}
function describe(issue) {
    switch (issue.code) {
        case "invalid_type":
            return issue.input === undefined ? `missing (expected ${article(issue.expected)})` : `expected ${article(issue.expected)}, found ${JSON.stringify(issue.input)}`;
        case "invalid_value":
            return `expected ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}, found ${JSON.stringify(issue.input)}`;
        case "too_small":
            return `expected at least ${String(issue.minimum)}, found ${JSON.stringify(issue.input)}`;
        default:
            return issue.message;
    }
}
/** The problems of a state that does not have the shape, one `key: what is wrong` each; empty when it does. */
function checkState(value) {
    const result = workflowStateSchema.safeParse(value, { reportInput: true });
    if (result.success)
        return { state: result.data, problems: [] };
    return { problems: result.error.issues.map((issue) => `${keyPath(issue.path)}: ${describe(issue)}`) };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/adapters/git-plumbing-process.ts
/** The process ended (or could not start) with requests unanswered: its exit code and what it said on stderr. */
class PlumbingExit extends Error {
    command;
    code;
    stderr;
    constructor(command, code, stderr) {
        super(`git ${command} ended (exit ${code ?? "by signal"})${stderr.trim() ? `: ${stderr.trim()}` : ""}`);
        this.command = command;
        this.code = code;
        this.stderr = stderr;
        this.name = "PlumbingExit";
    }
}
/** Keeps at most this much of stderr: the end of it says why git stopped. */
const STDERR_KEPT = 64 * 1024;
/** One started process and the requests it owes answers to. */
class Running {
    child;
    out = Buffer.alloc(0);
    waiting = [];
    stderr = "";
    ended = false;
    constructor(child, command, onEnd) {
        this.child = child;
        child.stdout.on("data", (chunk) => this.answer(chunk));
        child.stderr.on("data", (chunk) => {
            this.stderr = (this.stderr + chunk.toString("utf8")).slice(-STDERR_KEPT);
        });
        // A closed stdin is reported by the exit that follows, with git's own reason on stderr.
        child.stdin.on("error", () => undefined);
        const end = (code, why) => {
            if (this.ended)
                return;
            this.ended = true;
            onEnd();
            const error = new PlumbingExit(command, code, why);
            for (const w of this.waiting.splice(0))
                w.reject(error);
        };
        child.on("error", (e) => end(null, e.message));
        child.on("close", (code) => end(code, this.stderr));
        this.hold(false);
    }
    request(input, read) {
        return new Promise((resolve, reject) => {
            this.waiting.push({ read, resolve: resolve, reject });
            this.hold(true);
            this.child.stdin.write(input);
        });
    }
    answer(chunk) {
        this.out = this.out.length === 0 ? chunk : Buffer.concat([this.out, chunk]);
        while (this.waiting.length > 0) {
            const answer = this.waiting[0].read(this.out);
            if (!answer)
                break;
            this.out = this.out.subarray(answer.used);
            this.waiting.shift().resolve(answer.value);
        }
        if (this.waiting.length === 0)
            this.hold(false);
    }
    /** A process waiting for nothing must not keep Node running; one with an answer due must. */
    hold(busy) {
        const c = this.child;
        for (const handle of [c, c.stdin, c.stdout, c.stderr]) {
            if (busy)
                handle.ref?.();
            else
                handle.unref?.();
        }
    }
}
class PlumbingProcess {
    git;
    args;
    running;
    constructor(git, args) {
        this.git = git;
        this.args = args;
    }
    /** Writes `input`, then resolves with what `read` takes from the output (answers come in request order). */
    async request(input, read) {
        let running = await this.start();
        // It may have ended meanwhile (a request before this one was refused): then this one gets a new process.
        while (running.ended)
            running = await this.start();
        return running.request(input, read);
    }
    /** Ends the process (it exits at the end of its input); a later request starts a new one. */
    close() {
        const running = this.running;
        this.running = undefined;
        void running?.then((r) => r.child.stdin.end(), () => undefined);
    }
    start() {
        if (this.running)
            return this.running;
        const started = this.git.spawn(this.args).then((child) => new Running(child, this.args.join(" "), () => {
            if (this.running === started)
                this.running = undefined;
        }), (e) => {
            if (this.running === started)
                this.running = undefined;
            throw e;
        });
        this.running = started;
        return started;
    }
}
/** An answer that is one line (without its newline). */
const line = (out) => {
    const end = out.indexOf(10);
    return end < 0 ? undefined : { value: out.subarray(0, end).toString("utf8"), used: end + 1 };
};
/** `n` one-line answers. */
function lines(n) {
    return (out) => {
        const value = [];
        let used = 0;
        for (let i = 0; i < n; i++) {
            const next = line(out.subarray(used));
            if (!next)
                return undefined;
            value.push(next.value);
            used += next.used;
        }
        return { value, used };
    };
}

// EXTERNAL MODULE: ./src/adapters/git.ts
var adapters_git = __webpack_require__(6960);
;// CONCATENATED MODULE: ./src/adapters/git-objects.ts
// Reading and writing git objects through long-lived git processes: `cat-file --batch` reads, `hash-object
// -w --stdin-paths` writes blobs and commits, `mktree -z --batch` writes trees. Git writes every object
// (its modes, its shared-repository rules, its object format, its checks); nothing here touches
// `.git/objects`. Content goes to git through private temporary files, as `--stdin-paths` reads files.






/** One object of `cat-file --batch`: `<id> <type> <size>\n<content>\n`, or `<name> missing\n`. */
const batchObject = (out) => {
    const end = out.indexOf(10);
    if (end < 0)
        return undefined;
    const header = out.subarray(0, end).toString("utf8");
    if (/ (missing|ambiguous)$/.test(header))
        return { value: null, used: end + 1 };
    const [id, type, size] = header.split(" ");
    const length = Number(size);
    if (out.length < end + 1 + length + 1)
        return undefined;
    return { value: { id: id, type: type, content: out.subarray(end + 1, end + 1 + length) }, used: end + 2 + length };
};
/**
 * Where this process hands content to git: one private directory named for the process, removed when it
 * exits. A process killed outright leaves its own behind: the next one removes it.
 */
let handOver;
let handOverCount = 0;
const HAND_OVER = "tdd-waves-objects-";
/** A hand-over directory's name: the prefix, the pid of the process it belongs to, mkdtemp's suffix. */
const HAND_OVER_NAME = new RegExp(`^${HAND_OVER}(\\d+)-`);
function handOverPath() {
    if (!handOver) {
        handOver = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), `${HAND_OVER}${process.pid}-`));
        process.once("exit", releaseHandOver);
        removeStaleHandOvers((0,external_node_os_.tmpdir)());
    }
    return (0,external_node_path_.join)(handOver, String(++handOverCount));
}
/** Removes the hand-over directories in `dir` of this user's processes that no longer run. */
function removeStaleHandOvers(dir) {
    let names;
    try {
        names = (0,external_node_fs_.readdirSync)(dir);
    }
    catch {
        return;
    }
    for (const name of names) {
        const pid = HAND_OVER_NAME.exec(name)?.[1];
        if (pid === undefined || Number(pid) === process.pid || running(Number(pid)))
            continue;
        const path = (0,external_node_path_.join)(dir, name);
        try {
            const stat = (0,external_node_fs_.lstatSync)(path);
            if (stat.isDirectory() && stat.uid === process.getuid?.())
                (0,external_node_fs_.rmSync)(path, { recursive: true, force: true });
        }
        catch {
            // Gone meanwhile, or not ours to remove: nothing to do.
        }
    }
}
function running(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        // EPERM: a process runs with that id, another user's.
        return e.code === "EPERM";
    }
}
/** Removes the hand-over directory (made again when needed): at exit, and by a host that never exits, such as a test worker. */
function releaseHandOver() {
    if (handOver)
        (0,external_node_fs_.rmSync)(handOver, { recursive: true, force: true });
    handOver = undefined;
}
/**
 * A write, tried again (it is content-addressed: the same object) when git could not make its temporary file:
 * a concurrent `git gc` removes an emptied `objects/xx` folder between git's mkdir and its open.
 */
async function againAfterGc(write, tries = 3) {
    for (let attempt = 1;; attempt++) {
        try {
            return await write();
        }
        catch (e) {
            if (attempt >= tries || !(e instanceof PlumbingExit) || !/unable to create temporary file/.test(e.stderr))
                throw e;
        }
    }
}
/** The ` <seconds> <offset>` that ends an ident as `git var` prints it. */
const IDENT_TIME = / (\d+) ([+-]\d{4})$/;
class GitObjects {
    git;
    reader;
    checker;
    blobs;
    commits;
    trees;
    identities;
    /** How to write again the objects written last: a concurrent `gc --prune=now` may delete them before they are reachable. */
    recent = new Map();
    constructor(git) {
        this.git = git;
        this.reader = new PlumbingProcess(git, ["cat-file", "--batch"]);
        this.checker = new PlumbingProcess(git, ["cat-file", "--batch-check"]);
        this.blobs = new PlumbingProcess(git, ["hash-object", "-w", "--no-filters", "--stdin-paths"]);
        this.commits = new PlumbingProcess(git, ["hash-object", "-w", "-t", "commit", "--stdin-paths"]);
        this.trees = new PlumbingProcess(git, ["mktree", "-z", "--batch"]);
    }
    /** The object a revision names (`<id>`, `refs/…`, `<commit>:<path>`), or null when it names none. */
    read(revision) {
        if (/[\n\r]/.test(revision) || revision.startsWith("-"))
            throw new Error(`invalid revision for git: "${revision}"`);
        return this.reader.request(`${revision}\n`, batchObject);
    }
    writeBlob(text) {
        return this.remember(() => this.hashFile(this.blobs, text));
    }
    /** Entries in any order (git sorts them); names must be single path components. */
    writeTree(entries) {
        for (const e of entries)
            (0,adapters_git/* checkEntryName */._$)(e.name);
        const input = `${entries.map((e) => `${e.mode} ${e.type} ${e.sha}\t${e.name}\0`).join("")}\0`;
        return this.remember(() => this.trees.request(input, line));
    }
    /** A commit by the configured author and committer, dated now (or as the environment fixes dates). */
    async writeCommit(tree, parents, message) {
        const [author, committer] = await this.stamps();
        const header = [`tree ${tree}`, ...parents.map((p) => `parent ${p}`), `author ${author}`, `committer ${committer}`];
        const text = `${header.join("\n")}\n\n${message.endsWith("\n") ? message : `${message}\n`}`;
        return this.remember(() => this.hashFile(this.commits, text));
    }
    /**
     * Writes again, from what this process still holds, those of `ids` (written here lately) that the object
     * database no longer has; false when one is missing that it cannot write again.
     */
    async restore(ids) {
        const found = await Promise.all(ids.map((id) => this.checker.request(`${id}\n`, line)));
        for (const [i, id] of ids.entries()) {
            if (!/ missing$/.test(found[i]))
                continue;
            const write = this.recent.get(id);
            if (!write || (await write()) !== id)
                return false;
        }
        return true;
    }
    close() {
        for (const p of [this.reader, this.checker, this.blobs, this.commits, this.trees])
            p.close();
    }
    async remember(write) {
        const id = await againAfterGc(write);
        this.recent.delete(id);
        this.recent.set(id, write);
        // A few writes' worth: what the store may need to restore after its latest publish.
        if (this.recent.size > 64)
            this.recent.delete(this.recent.keys().next().value);
        return id;
    }
    async hashFile(writer, content) {
        const path = handOverPath();
        await (0,promises_.writeFile)(path, content, { mode: 0o600 });
        try {
            return await writer.request(`${path}\n`, line);
        }
        finally {
            await (0,promises_.unlink)(path).catch(() => undefined);
        }
    }
    /** `Name <email> <seconds> <offset>` for author and committer: git's idents, with the time of this commit. */
    async stamps() {
        this.identities ??= Promise.all([this.git.ident("author"), this.git.ident("committer")]).catch((e) => {
            this.identities = undefined;
            throw e;
        });
        const idents = await this.identities;
        if (this.git.fixedDates)
            return idents;
        const now = Math.floor(Date.now() / 1000);
        return idents.map((ident) => ident.replace(IDENT_TIME, (_all, _seconds, offset) => ` ${now} ${offset}`));
    }
}

;// CONCATENATED MODULE: ./src/adapters/git-refs.ts
// Moving refs only through git: one long-lived `git update-ref --stdin` runs each change as a transaction
// (`start`, `update <ref> <new> <old>`, `prepare`, `commit`), so git takes and releases the lock, checks the
// old value (compare-and-swap), runs the reference-transaction hook and writes the reflog with the
// repository's modes. A lock held by another process is waited for, up to a bound (git's own
// core.filesRefLockTimeout), then reported with its path; it is never deleted.

/** The ref's lock file stayed held by another process for longer than the bound. */
class RefLockedError extends Error {
    lockFile;
    waitedMs;
    constructor(lockFile, waitedMs) {
        super(`${lockFile} is held by another git process (waited ${waitedMs} ms); if no git process is running any more, remove that file`);
        this.lockFile = lockFile;
        this.waitedMs = waitedMs;
        this.name = "RefLockedError";
    }
}
/** Git refused the change for another reason than a lost race (a hook, a name clash, …). */
class RefUpdateError extends Error {
    constructor(ref, stderr) {
        super(`git refused to update ${ref}: ${stderr.replace(/^fatal: /gm, "").trim()}`);
        this.name = "RefUpdateError";
    }
}
/** Git's words for "the ref is not at the old value you gave": a lost compare-and-swap. */
const MOVED = /but expected|reference already exists|reference is missing|unable to resolve reference/i;
const LOCKED = /Unable to create '([^']+\.lock)': File exists/;
class RefTransactions {
    opts;
    process;
    constructor(git, opts) {
        this.opts = opts;
        const timeout = Math.max(0, Math.round(opts.lockTimeoutMs));
        this.process = new PlumbingProcess(git, ["-c", `core.filesRefLockTimeout=${timeout}`, "update-ref", "-m", opts.reflogMessage, "--stdin"]);
    }
    /** Moves `ref` to `next` only if it is at `expected` (null: only if it does not exist); false when it is not. */
    compareAndSwap(ref, next, expected) {
        return this.transaction(ref, `update ${ref} ${next} ${expected ?? "0".repeat(next.length)}\n`);
    }
    async delete(ref) {
        await this.transaction(ref, `delete ${ref}\n`);
    }
    close() {
        this.process.close();
    }
    async transaction(ref, commands) {
        if (/[\s]/.test(ref) || ref.startsWith("-"))
            throw new Error(`invalid ref for git: "${ref}"`);
        try {
            // A refused step ends the process (git dies on it): its stderr says why, and the next change starts another.
            await this.process.request(`start\n${commands}prepare\ncommit\n`, lines(3));
            return true;
        }
        catch (e) {
            if (!(e instanceof PlumbingExit))
                throw e;
            if (MOVED.test(e.stderr))
                return false;
            const locked = LOCKED.exec(e.stderr);
            if (locked)
                throw new RefLockedError(locked[1], this.opts.lockTimeoutMs);
            throw new RefUpdateError(ref, e.stderr || e.message);
        }
    }
}

;// CONCATENATED MODULE: ./src/adapters/state-store.ts
// The execution state (SPEC §4) kept as `<plan>/workflow-state.json` on a git branch, written as commits
// made with plumbing (never the working tree or the index) and published by compare-and-swap: a lost
// race is re-read, re-applied and retried, so concurrent writers never lose an update. Every object and
// ref is written by git itself, through long-lived plumbing processes (git-objects.ts, git-refs.ts); every
// state read is checked against the state's schema.





class StateStoreError extends Error {
    constructor(message) {
        super(message);
        this.name = "StateStoreError";
    }
}
/** The state on the branch is not a state (not JSON, or not the shape): invalid input, exit 2. */
class InvalidStateError extends StateStoreError {
    constructor(message) {
        super(message);
        this.name = "InvalidStateError";
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
/** The commit a ref points at; null when the ref does not exist. */
async function commitAt(git, objects, ref) {
    for (let waited = 0;; waited += MISSING_POLL_MS) {
        const found = await objects.read(ref);
        if (found?.type === "commit")
            return found.id;
        // Missing for cat-file: no such ref, or a ref whose commit is gone (which must not read as "no state").
        const id = await git.revParse(ref);
        if (id === null)
            return null;
        if (found)
            throw new StateStoreError(`${ref} points at a ${found.type}, not a commit`);
        if (await objects.restore([id]))
            return id;
        // Deleted by a concurrent prune just after it was published: its writer writes it again shortly.
        if (waited >= MISSING_WAIT_MS) {
            throw new StateStoreError(`${ref} points at commit ${id}, which the repository does not have (deleted by a concurrent \`git gc --prune=now\`?)`);
        }
        await sleep(MISSING_POLL_MS);
    }
}
function localBackend(git, objects, refs, branch) {
    const ref = `refs/heads/${branch}`;
    return {
        local: true,
        tip: () => commitAt(git, objects, ref),
        publish: (sha, old) => refs.compareAndSwap(ref, sha, old),
    };
}
function remoteBackend(git, objects, refs, remote, branch) {
    // A private ref keeps the fetched tip's objects alive without touching the user's remote-tracking refs.
    const mirror = `refs/tdd-waves/remote-state/${branch}`;
    return {
        local: false,
        async tip() {
            try {
                await git.fetch(remote, [`+refs/heads/${branch}:${mirror}`]);
            }
            catch (e) {
                if (!(e instanceof adapters_git/* GitError */.XS))
                    throw e;
                if (/couldn't find remote ref/i.test(e.stderr)) {
                    await refs.delete(mirror).catch(() => undefined);
                    return null;
                }
                if (/cannot lock ref/i.test(e.stderr))
                    throw new LostRace();
                throw e;
            }
            return commitAt(git, objects, mirror);
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
            // The mirror follows at the next fetch: moving it now would cost a process per store for nothing.
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
    /** Trees made since the last `take`, deepest first: what a publish must find in the repository. */
    made = [];
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
        this.made.push(sha);
        return sha;
    }
    take() {
        return this.made.splice(0);
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
/** The state in `text`, checked against the schema; what is wrong, by key, when it is not a state. */
function parseState(text, where) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (e) {
        throw new InvalidStateError(`${where}: not valid JSON (${e.message})`);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value))
        throw new InvalidStateError(`${where}: not a JSON object`);
    const checked = checkState(value);
    if ("state" in checked)
        return checked.state;
    const shown = checked.problems.slice(0, 10).map((p) => `${where}: ${p}`);
    if (checked.problems.length > shown.length)
        shown.push(`${where}: … and ${checked.problems.length - shown.length} more`);
    throw new InvalidStateError(shown.join("\n"));
}
/** How long a ref's missing commit is waited for (its writer's re-check restores it), and how often it is looked for. */
const MISSING_WAIT_MS = 3_000;
const MISSING_POLL_MS = 100;
/** Git's words for an object it was given and no longer finds. */
const PRUNED = /nonexistent object|is unavailable|missing object|unable to read|unable to write file/i;
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
    lockTimeoutMs;
    file;
    where;
    io;
    /** Writes not yet started; one writer at a time takes them all (racing ourselves would only lose compare-and-swaps). */
    pending = [];
    writing = false;
    /** The tip this store last read or wrote, and the state there: the base of the next optimistic write. */
    last;
    /** Objects of this store's latest publishes, newest first. */
    published = [];
    constructor(git, branch, backend, retry, lockTimeoutMs, planName, remote) {
        this.git = git;
        this.branch = branch;
        this.backend = backend;
        this.retry = retry;
        this.lockTimeoutMs = lockTimeoutMs;
        this.file = `${planName}/${STATE_FILE}`;
        this.where = `${remote ? `${remote}/` : ""}${branch}:${this.file}`;
    }
    /** The store's git processes, started when first used. */
    setup() {
        if (!this.io) {
            const objects = new GitObjects(this.git);
            const refs = new RefTransactions(this.git, { lockTimeoutMs: this.lockTimeoutMs, reflogMessage: "tdd-waves: update the execution state" });
            this.io = { objects, refs, backend: this.backend(objects, refs), trees: new TreeCache(this.git, objects) };
        }
        return this.io;
    }
    close() {
        this.io?.objects.close();
        this.io?.refs.close();
        this.io = undefined;
        this.last = undefined;
    }
    async read() {
        const io = this.setup();
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
        const text = tip ? await this.stateText(io, tip) : null;
        const current = { tip, state: text === null ? null : parseState(text, this.where) };
        this.last = current;
        return current;
    }
    /** The state file's text at `tip`; null when `tip` has no such file (never when only its blob is gone). */
    async stateText(io, tip) {
        for (let waited = 0;; waited += MISSING_POLL_MS) {
            const blob = await io.objects.read(`${tip}:${this.file}`);
            if (blob)
                return blob.content.toString("utf8");
            const listed = (await this.git.run(["ls-tree", "-z", tip, "--", this.file])).stdout;
            if (listed === "")
                return null;
            // Listed but not there: deleted by a concurrent prune just after it was published; its writer writes it again.
            const id = listed.split(/[ \t]/)[2];
            if (await io.objects.restore([id]))
                continue;
            if (waited >= MISSING_WAIT_MS)
                throw new StateStoreError(`${this.where}: blob ${id} is missing from the repository (deleted by a concurrent \`git gc --prune=now\`?)`);
            await sleep(MISSING_POLL_MS);
        }
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
        const io = this.setup();
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
        const message = batchMessage(batch.filter((w) => !refused.has(w)));
        const commit = await this.publish(io, tip, text, message);
        if (commit === LOST) {
            this.last = undefined;
            return LOST;
        }
        const written = JSON.parse(text);
        this.last = { tip: commit, state: written };
        settle(written);
    }
    /**
     * Writes the objects of a commit holding `text` on top of `tip` and publishes it. A concurrent
     * `git gc --prune=now` may delete objects written but not yet reachable: git then refuses them
     * (a tree entry unavailable, a ref to a nonexistent object) and they are written again.
     */
    async publish(io, tip, text, message) {
        let written;
        for (let attempt = 1;; attempt++) {
            try {
                const blob = await io.objects.writeBlob(text);
                io.trees.take();
                const tree = await replaceInTree(io.trees, tip, this.file.split("/"), blob);
                const commit = await io.objects.writeCommit(tree, tip ? [tip] : [], message);
                io.trees.remember(commit, tree);
                written = [blob, ...io.trees.take(), commit];
                if (!(await io.backend.publish(commit, tip, message)))
                    return LOST;
                break;
            }
            catch (e) {
                if (attempt < 5 && PRUNED.test(e instanceof Error ? e.message : ""))
                    continue;
                throw this.refusal(e);
            }
        }
        // Published: from here on nothing is retried (that would apply the batch twice). A prune that listed
        // what was reachable before this update may still delete its objects for a few moments: those of the
        // latest updates are checked and, if gone, written again (same content, same ids).
        if (!io.backend.local)
            return written.at(-1);
        this.published = [written, ...this.published.slice(0, 7)];
        for (let attempt = 1;; attempt++) {
            try {
                if (await io.objects.restore(this.published.flat()))
                    return written.at(-1);
            }
            catch (e) {
                if (attempt < 5 && PRUNED.test(e instanceof Error ? e.message : ""))
                    continue;
                throw e;
            }
            throw new StateStoreError(`${this.where}: objects of commit ${written.at(-1)} were deleted as it was published (a concurrent \`git gc --prune=now\`?)`);
        }
    }
    /** Why git would not move the branch, said with the branch and file. */
    refusal(e) {
        if (e instanceof RefLockedError || e instanceof RefUpdateError)
            return new StateStoreError(`${this.where}: ${e.message}`);
        return e;
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
    const backend = (objects, refs) => remote ? remoteBackend(opts.git, objects, refs, remote, branch) : localBackend(opts.git, objects, refs, branch);
    return new GitStateStore(opts.git, branch, backend, retry, opts.lockTimeoutMs ?? 10_000, opts.planName, remote);
}


/***/ }),

/***/ 5361:
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
var git = __webpack_require__(6960);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/adapters/git-version.ts
// The oldest git tdd-waves works with, checked once per process before anything is changed. The newest
// option relied on is `git worktree list --porcelain -z` (2.36); `rev-parse --path-format` needs 2.31. The
// action's publish step checks merges with `git merge-tree --write-tree`, which needs 2.38.

const MIN_GIT = [2, 36];
/** What the GitHub publish step needs (`merge-tree --write-tree`); GitHub's runners have far newer. */
const MIN_GIT_PUBLISH = (/* unused pure expression or super */ null && ([2, 38]));
let reported;
/** Why the installed git cannot serve (too old, missing), or null when it can. Asks git once per process. */
async function gitVersionProblem(min = MIN_GIT) {
    reported ??= new Promise((resolve) => {
        (0,external_node_child_process_.execFile)("git", ["--version"], { encoding: "utf8" }, (error, stdout) => resolve(error ? { error: error.message } : { line: stdout.trim() }));
    });
    const r = await reported;
    if ("error" in r)
        return `tdd-waves needs git ${min.join(".")} or later, and running "git --version" failed: ${r.error}`;
    return versionProblem(r.line, min);
}
/** `git version 2.39.5` (or `git version 2.39.5.windows.1`, `… (Apple Git-154)`) against `min`. */
function versionProblem(line, min = MIN_GIT) {
    const m = /^git version (\d+)\.(\d+)/.exec(line);
    if (!m)
        return `tdd-waves needs git ${min.join(".")} or later, and cannot read the version git reports: "${line}"`;
    const [major, minor] = [Number(m[1]), Number(m[2])];
    if (major > min[0] || (major === min[0] && minor >= min[1]))
        return null;
    return `tdd-waves needs git ${min.join(".")} or later; this is ${line.replace(/^git version /, "git ")}. Install a newer git.`;
}

// EXTERNAL MODULE: ./src/adapters/plan-loader.ts + 17 modules
var plan_loader = __webpack_require__(7821);
// EXTERNAL MODULE: ./src/adapters/state-store.ts + 4 modules
var state_store = __webpack_require__(6308);
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
    const old = await gitVersionProblem();
    if (old) {
        io.stderr(`${old}\n`);
        return 2;
    }
    let repoRoot;
    try {
        repoRoot = await new git/* Git */.TU({ cwd: (0,external_node_path_.dirname)(planPath) }).topLevel();
    }
    catch {
        try {
            repoRoot = await new git/* Git */.TU({ cwd: io.cwd }).topLevel();
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
        return (0,state_store/* createStateStore */.J$)({ git: new git/* Git */.TU({ cwd: repoRoot }), planName, branch });
    }
    catch (e) {
        if (!(e instanceof state_store/* StateStoreError */.zI))
            throw e;
        io.stderr(`tdd-waves: ${e.message}\n`);
        return 2;
    }
}


/***/ })

};
;