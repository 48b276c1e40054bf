// Loads a plan from disk: reads and checks the file's bytes, parses and validates it (core/plan.ts), reads the
// story files the rules need, and computes the waves. Every bad input becomes one PlanError listing all problems.
import { createHash } from "node:crypto";
import { readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { Plan } from "../core/plan-model.js";
import { checkStoryFiles, formatIssue, parsePlan } from "../core/plan.js";
import type { PlanIssue } from "../core/plan.js";
import { computeWaves } from "../core/waves.js";

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
/** Story files read at once. */
const READ_CONCURRENCY = 32;

/** Reads, validates and resolves the plan at `planPath` (paths in it are relative to `repoRoot`). */
export async function loadPlan(planPath: string, repoRoot: string, options: LoadPlanOptions = {}): Promise<LoadedPlan> {
  const cwd = options.cwd ?? process.cwd();
  const absolute = path.resolve(cwd, planPath);
  const fail = (message: string, line = 1, col = 1): never => {
    throw new PlanError([{ file: planPath, line, col, path: "", message }]);
  };
  const bytes = await readPlanBytes(absolute, fail);
  const text = decodePlanText(bytes, fail);
  const root = await realpath(path.resolve(cwd, repoRoot)).catch(() => fail(`repository root "${repoRoot}" does not exist`));
  const relative = path.relative(root, await realpath(absolute).catch(() => fail("plan file not found")));
  if (relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    fail(`the plan file is outside the repository (${root})`);
  }

  const { plan, errors } = parsePlan(text, planPath);
  if (!plan) throw new PlanError(errors);
  const storyIssues = checkStoryFiles(plan, planPath, text, await readStoryFiles(root, plan));
  if (storyIssues.length > 0) throw new PlanError(storyIssues);
  return {
    plan,
    waves: computeWaves(plan),
    path: relative.split(path.sep).join("/"),
    digest: `sha256:${createHash("sha256").update(bytes).digest("hex")}`,
  };
}

async function readPlanBytes(file: string, fail: (message: string) => never): Promise<Buffer> {
  const info = await stat(file).catch((e: NodeJS.ErrnoException) => fail(fileErrorMessage(e)));
  if (info.isDirectory()) fail("is a directory, not a plan file");
  if (!info.isFile()) fail("is not a regular file");
  if (info.size > MAX_PLAN_BYTES) fail(`is too large for a plan file (${info.size} bytes)`);
  return readFile(file).catch((e: NodeJS.ErrnoException) => fail(fileErrorMessage(e)));
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
  const invalid = firstInvalidUtf8(bytes);
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

/** Story file path -> its text, or null when it is missing or not a readable file. */
async function readStoryFiles(root: string, plan: Plan): Promise<Map<string, string | null>> {
  const files = [...new Set(plan.stories.map((s) => s.file))];
  const contents = new Map<string, string | null>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++] as string;
      contents.set(file, await readTextFile(path.join(root, file)));
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  return contents;
}

/** A regular file's text; null for anything else (missing, a directory, a pipe that would block). */
async function readTextFile(file: string): Promise<string | null> {
  try {
    return (await stat(file)).isFile() ? await readFile(file, "utf8") : null;
  } catch {
    return null;
  }
}
