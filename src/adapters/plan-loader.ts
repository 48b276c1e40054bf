// Loads a plan from disk: reads and checks the file's bytes, parses and validates it (core/plan/parse.ts), checks
// on disk what only the disk can tell — story files exist with acceptance criteria, no path leaves the repository
// through a symbolic link — and computes the waves. Every bad input becomes one PlanError listing all problems.
import { isUtf8 } from "node:buffer";
import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, realpathSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { storyFileProblem } from "../core/plan/acceptance.js";
import type { StoryFileProblem } from "../core/plan/acceptance.js";
import { formatIssue } from "../core/plan/issue.js";
import type { PlanIssue } from "../core/plan/issue.js";
import type { Plan } from "../core/plan/model.js";
import { locateStoryFileProblems, parsePlan } from "../core/plan/parse.js";
import { escapeMessage, planPaths, underDirectory } from "../core/plan/repo-paths.js";
import type { Escape } from "../core/plan/repo-paths.js";
import type { PlanSource } from "../core/plan/source.js";
import { computeWaves } from "../core/plan/waves.js";

export interface LoadedPlan {
  plan: Plan;
  waves: string[][];
  /** The plan file relative to the repository root, with "/" separators. */
  path: string;
  /** "sha256:" + hex digest of the file's bytes. */
  digest: string;
}

export interface LoadPlanOptions {
  /** Directory a relative planPath (and repoRoot) is resolved against; default process.cwd(). */
  cwd?: string;
}

/** A plan that cannot be used, with every problem found; the message is all of them, one per line. */
export class PlanError extends Error {
  readonly issues: PlanIssue[];

  constructor(issues: PlanIssue[]) {
    super(issues.map(formatIssue).join("\n"));
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
export async function loadPlan(planPath: string, repoRoot: string, options: LoadPlanOptions = {}): Promise<LoadedPlan> {
  const cwd = options.cwd ?? process.cwd();
  const absolute = path.resolve(cwd, planPath);
  const fail = (message: string, line = 1, col = 1): never => {
    throw new PlanError([{ file: planPath, line, col, path: "", message }]);
  };
  // Plain synchronous calls: a handful of them, and a CLI start-up spared loading the promise API.
  const bytes = readPlanBytes(absolute, fail);
  const text = decodePlanText(bytes, fail);
  const root = attempt(() => realpathSync.native(path.resolve(cwd, repoRoot)), () => fail(`repository root "${repoRoot}" does not exist`));
  const relative = path.relative(root, attempt(() => realpathSync.native(absolute), () => fail("plan file not found")));
  if (relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    fail(`the plan file is outside the repository (${root})`);
  }

  const { plan, errors, source } = parsePlan(text, planPath);
  if (!plan || !source) throw new PlanError(errors);
  const escapes = findEscapes(root, plan, source);
  const escaped = new Set(escapes.flatMap((e) => (e.story === undefined ? [] : [e.story])));
  const problems = checkStoryFiles(root, plan, escaped);
  if (escapes.length > 0 || problems.length > 0) {
    const issues = [...escapes.map((e) => e.issue), ...locateStoryFileProblems(problems, planPath, text)];
    throw new PlanError(issues.sort((a, b) => a.line - b.line || a.col - b.col));
  }
  let digest: string | undefined;
  return {
    plan,
    waves: computeWaves(plan),
    path: relative.split(path.sep).join("/"),
    // Hashed on first use: `tdd-waves plan` never needs it, nor the crypto module's start-up cost.
    get digest(): string {
      return (digest ??= sha256(bytes));
    },
  };
}

/** "sha256:" + the hex digest of `bytes`; node:crypto is loaded on the first call. */
function sha256(bytes: Buffer): string {
  const { createHash } = createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}

interface Escaped {
  issue: PlanIssue;
  /** The story whose file it is, when it is a story file. */
  story?: number;
}

/**
 * Plan paths that leave the repository through a symbolic link (core/plan/repo-paths.ts): each is resolved
 * component by component, and a link's real target must be inside the repository. A link out of the stories
 * directory is reported once, at storiesDir, not again for each default story file in it.
 */
function findEscapes(root: string, plan: Plan, source: PlanSource): Escaped[] {
  const written = (source.data as { stories?: { file?: unknown }[] }).stories;
  const fileGiven = (i: number): boolean => typeof written?.[i]?.file === "string";
  const links = new LinkResolver(root);
  const found: Escaped[] = [];
  const said = new Set<string>();
  let storiesDirEscapes = false;
  for (const p of planPaths(plan, fileGiven)) {
    if (storiesDirEscapes && underDirectory(p, plan.storiesDir)) continue;
    const escape = links.escape(p.path);
    if (!escape) continue;
    if (p.key[0] === "storiesDir") storiesDirEscapes = true;
    // A JUnit template names one report per story: one message per link is enough.
    const once = `${p.key.join("/")} ${escape.link}`;
    if (said.has(once)) continue;
    said.add(once);
    const story = p.key[0] === "stories" && p.key[2] !== "testFile" ? (p.key[1] as number) : undefined;
    found.push({ issue: source.issue(p.key, escapeMessage(p.path, escape)), ...(story === undefined ? {} : { story }) });
  }
  return found;
}

type Resolved = { real: string } | { escape: Escape } | "missing";

/** Resolves repository-relative paths one component at a time, each component once. */
class LinkResolver {
  private readonly resolved = new Map<string, Resolved>();

  constructor(private readonly root: string) {}

  /** The link through which `relative` leaves the repository, or undefined when it stays inside (or does not exist yet). */
  escape(relative: string): Escape | undefined {
    let real = this.root;
    let prefix = "";
    for (const part of relative === "." ? [] : relative.split("/")) {
      prefix = prefix === "" ? part : `${prefix}/${part}`;
      let step = this.resolved.get(prefix);
      if (step === undefined) {
        step = this.step(real, part, prefix);
        this.resolved.set(prefix, step);
      }
      if (step === "missing") return undefined;
      if ("escape" in step) return step.escape;
      real = step.real;
    }
    return undefined;
  }

  private step(parent: string, part: string, prefix: string): Resolved {
    const next = path.join(parent, part);
    let info;
    try {
      info = lstatSync(next, { throwIfNoEntry: false });
    } catch {
      return "missing";
    }
    if (!info) return "missing";
    if (!info.isSymbolicLink()) return { real: next };
    let target: string;
    try {
      target = realpathSync.native(next);
    } catch {
      // A link to nothing yet: writing through it would create its target, so where it points is what counts.
      try {
        target = path.resolve(parent, readlinkSync(next));
      } catch {
        return "missing";
      }
    }
    return inside(this.root, target) ? { real: target } : { escape: { link: prefix, target } };
  }
}

function inside(root: string, target: string): boolean {
  return target === root || target.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

function readPlanBytes(file: string, fail: (message: string) => never): Buffer {
  const failWith = (e: NodeJS.ErrnoException): never => fail(fileErrorMessage(e));
  const info = attempt(() => statSync(file), failWith);
  if (info.isDirectory()) fail("is a directory, not a plan file");
  if (!info.isFile()) fail("is not a regular file");
  if (info.size > MAX_PLAN_BYTES) fail(`is too large for a plan file (${info.size} bytes)`);
  return attempt(() => readFileSync(file), failWith);
}

/** `run()`, or what `failed` makes of its error (it throws). */
function attempt<T>(run: () => T, failed: (e: NodeJS.ErrnoException) => never): T {
  try {
    return run();
  } catch (e) {
    return failed(e as NodeJS.ErrnoException);
  }
}

function fileErrorMessage(e: NodeJS.ErrnoException): string {
  if (e.code === "ENOENT" || e.code === "ENOTDIR") return "plan file not found";
  if (e.code === "EACCES" || e.code === "EPERM") return "cannot read the plan file: permission denied";
  if (e.code === "EISDIR") return "is a directory, not a plan file";
  return `cannot read the plan file: ${e.message}`;
}

/** The file's text; binary content, invalid UTF-8 and emptiness are refused with where they are. */
function decodePlanText(bytes: Buffer, fail: (message: string, line?: number, col?: number) => never): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const at = bytePosition(bytes, nul);
    fail("binary content (a NUL byte): a plan is a YAML or JSON text file", at.line, at.col);
  }
  // isUtf8 is the same strict check, native: the byte-by-byte scan only runs to say where the problem is.
  const invalid = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (invalid !== -1) {
    const at = bytePosition(bytes, invalid);
    fail(`not UTF-8 text (byte 0x${(bytes[invalid] ?? 0).toString(16).padStart(2, "0")}): save the plan as UTF-8`, at.line, at.col);
  }
  // TextDecoder drops a leading byte-order mark.
  const text = new TextDecoder("utf-8").decode(bytes);
  if (text.trim() === "") fail("the plan file is empty");
  return text;
}

function bytePosition(bytes: Buffer, offset: number): { line: number; col: number } {
  const before = new TextDecoder("utf-8").decode(bytes.subarray(0, offset));
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, col: (lines[lines.length - 1] ?? "").length + 1 };
}

/** Offset of the first byte that is not part of well-formed UTF-8 (no overlongs, no surrogates), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) return i;
    if (len > 1) {
      const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
      const second = bytes[i + 1];
      if (second === undefined || second < lo || second > hi) return i;
      for (let k = 2; k < len; k++) {
        const c = bytes[i + k];
        if (c === undefined || c < 0x80 || c > 0xbf) return i;
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
function checkStoryFiles(root: string, plan: Plan, skip: ReadonlySet<number>): StoryFileProblem[] {
  const base = root.endsWith(path.sep) ? root : root + path.sep;
  const dirs = storyDirectories(plan);
  const listings = new Map<string, Set<string> | undefined>();
  const buffer = Buffer.allocUnsafe(READ_CHUNK);
  const problems: StoryFileProblem[] = [];
  plan.stories.forEach((story, i) => {
    if (skip.has(i)) return;
    const { file } = story;
    const dir = dirs.of[i] as string;
    if (!listings.has(dir)) listings.set(dir, (dirs.count.get(dir) ?? 0) >= LIST_THRESHOLD ? regularFiles(base + dir) : undefined);
    // Anything but a plainly listed regular file (a symlink, a name that differs only in case on a
    // case-insensitive disk, an unlistable directory) is checked the slow way.
    const full = base + file;
    const content = listings.get(dir)?.has(file.slice(dir.length)) ? readRegularFile(full, buffer) : readIfRegularFile(full, buffer);
    const message = storyFileProblem(story, content);
    if (message !== undefined) problems.push({ story, message });
  });
  return problems;
}

/** Each story file's directory ("a/b/" for "a/b/c.md", "" at the root), and how many story files each holds. */
function storyDirectories(plan: Plan): { of: string[]; count: Map<string, number> } {
  const of: string[] = [];
  const count = new Map<string, number>();
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
function regularFiles(dir: string): Set<string> | undefined {
  try {
    const names = new Set<string>();
    for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isFile()) names.add(entry.name);
    return names;
  } catch {
    return undefined;
  }
}

/** A regular file's text; null for anything else (missing, a directory, a pipe that would block). */
function readIfRegularFile(file: string, buffer: Buffer): string | null {
  try {
    return statSync(file).isFile() ? readRegularFile(file, buffer) : null;
  } catch {
    return null;
  }
}

/** A file the directory listing says is regular: its text, or null when it cannot be read after all. */
function readRegularFile(file: string, buffer: Buffer): string | null {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return null;
  }
  try {
    let length = readSync(fd, buffer, 0, buffer.length, null);
    // A regular file reads short only at its end: one read is the whole file.
    if (length < buffer.length) return buffer.toString("utf8", 0, length);
    const chunks = [Buffer.from(buffer.subarray(0, length))];
    while ((length = readSync(fd, buffer, 0, buffer.length, null)) > 0) chunks.push(Buffer.from(buffer.subarray(0, length)));
    return Buffer.concat(chunks).toString("utf8");
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
