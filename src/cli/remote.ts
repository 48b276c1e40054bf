// What the commands that talk to GitHub share: the repository (--repo or the `origin` remote), the token
// (GITHUB_TOKEN / GH_TOKEN), the API root, and the state branch as `origin` has it.
import { Git } from "../adapters/git.js";
import { createStateStore, StateStoreError, type StateStore } from "../adapters/state-store.js";
import { repoFromRemoteUrl, tokenFrom } from "../adapters/github-remote.js";
import type { CliIO } from "./io.js";

export const REMOTE = "origin";

/** `owner/name` from --repo, else from the `origin` remote's URL; a message when neither says it. */
export async function resolveRepo(repoFlag: string | undefined, repoRoot: string): Promise<{ owner: string; repo: string } | string> {
  if (repoFlag !== undefined) {
    const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repoFlag);
    return m ? { owner: m[1]!, repo: m[2]! } : `--repo must be owner/name, got "${repoFlag}"`;
  }
  const r = await new Git({ cwd: repoRoot }).run(["remote", "get-url", REMOTE], { allowFail: true });
  if (r.code !== 0) return `no --repo given and the repository has no "${REMOTE}" remote: pass --repo owner/name`;
  const url = r.stdout.trim();
  return repoFromRemoteUrl(url) ?? `the "${REMOTE}" remote (${url}) does not look like a GitHub repository: pass --repo owner/name`;
}

/** The token, or a message saying how to give one. */
export function requireToken(io: CliIO, repo: string): string | { error: string } {
  return (
    tokenFrom(io.env) ?? {
      error: `no GitHub token: set GITHUB_TOKEN or GH_TOKEN (for example GH_TOKEN=$(gh auth token)); it needs "actions: write" on ${repo}`,
    }
  );
}

export function apiUrl(io: CliIO): string {
  return io.env.GITHUB_API_URL || "https://api.github.com";
}

/** The plan's state as the `origin` remote holds it (fetched with git, validated like the local one). */
export function openRemoteStore(planName: string, repoRoot: string, branch: string | undefined, io: CliIO): StateStore | number {
  try {
    return createStateStore({ git: new Git({ cwd: repoRoot }), planName, branch, remote: REMOTE });
  } catch (e) {
    if (!(e instanceof StateStoreError)) throw e;
    io.stderr(`tdd-waves: ${e.message}\n`);
    return 2;
  }
}
