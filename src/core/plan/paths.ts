// Paths written in a plan are relative to the repository root and must stay inside it: one check and one
// normal form for all of them, so that "./a/b.ts" and "a/b.ts" are the same file everywhere.

/**
 * Paths that are already in normal form and plainly inside the repository: segments of ordinary characters,
 * none starting with "." (so no "..", no ".git"), no drive letter, no doubled or trailing "/". Most plan paths
 * are like this, and they need no further checking or normalising.
 */
const PLAIN_PATH = /^[A-Za-z0-9_@+-][A-Za-z0-9_.@+-]*(?:\/[A-Za-z0-9_@+-][A-Za-z0-9_.@+-]*)*$/;

/** Why `p` is not an acceptable repository-relative path, or undefined when it is. */
export function repoPathProblem(p: string, kind: "file" | "directory" = "file"): string | undefined {
  if (PLAIN_PATH.test(p)) return undefined;
  if (p.trim() === "") return "must not be empty";
  if (p.includes("\0")) return "must not contain a NUL character";
  if (/^[A-Za-z]:/.test(p)) return `must be relative to the repository root, not a drive path (${q(p)})`;
  if (p.startsWith("/") || p.startsWith("\\")) return `must be relative to the repository root, not absolute (${q(p)})`;
  if (p.startsWith("~")) return `must be relative to the repository root ("~" is not expanded)`;
  if (p.includes("\\")) return `use "/" between directories, not "\\" (${q(p)})`;
  const segments = p.split("/");
  if (segments.includes("..")) {
    return leavesRoot(segments) ? `leaves the repository (${q(p)})` : `must not contain ".." (${q(p)})`;
  }
  const normal = normalizeRepoPath(p);
  if (normal === ".") return kind === "directory" ? undefined : "must name a file, not the repository root";
  if (normal === ".git" || normal.startsWith(".git/")) return "must not point into .git";
  return undefined;
}

function leavesRoot(segments: string[]): boolean {
  let depth = 0;
  for (const s of segments) {
    if (s === "..") depth--;
    else if (s !== "" && s !== ".") depth++;
    if (depth < 0) return true;
  }
  return false;
}

const q = (p: string): string => `"${p}"`;

/** `./a//b/` -> `a/b`; "." for the root. Assumes repoPathProblem(p) found nothing. */
export function normalizeRepoPath(p: string): string {
  if (PLAIN_PATH.test(p)) return p;
  // No ".." is left by then (repoPathProblem refuses it), so normalising is dropping "" and "." segments.
  const kept = p.split("/").filter((s) => s !== "" && s !== ".");
  return kept.length === 0 ? "." : kept.join("/");
}

/** `<dir>/<name>` without a "./" when dir is the root. */
export function joinRepoPath(dir: string, name: string): string {
  return inDirectory(normalizeRepoPath(dir), name);
}

/** joinRepoPath for a directory already in normal form (as from normalizeRepoPath). */
export function inDirectory(normalDir: string, name: string): string {
  return normalDir === "." ? name : `${normalDir}/${name}`;
}
