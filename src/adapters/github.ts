// The GitHub REST API as tdd-waves uses it: a narrow port over Octokit, with Octokit's own retry and
// throttling plugins doing every retry (5xx, rate limits), so callers see one call that worked or a clear error.
import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";

export type Permission = "admin" | "maintain" | "write" | "triage" | "read" | "none";
export type Reaction = "eyes" | "rocket" | "confused";

export interface PullRequestInfo {
  headRef: string;
  /** `owner/name` of the head repository; null when it was deleted. */
  headRepo: string | null;
  baseRepo: string;
  /** The head lives in another repository (or a deleted one): its code is not the base repository's. */
  fork: boolean;
  /** "open" or "closed". */
  state: string;
}

export interface DispatchResult {
  /** The run's id, when GitHub returned the run's details. */
  runId?: number;
  /** The run's page, or the workflow's runs page when GitHub did not say which run it started. */
  runUrl: string;
}

export interface GitHubPort {
  /** The user's permission on the repository; "none" for a user GitHub does not know there. */
  permission(username: string): Promise<Permission>;
  pullRequest(number: number): Promise<PullRequestInfo>;
  react(commentId: number, content: Reaction): Promise<void>;
  reply(issueNumber: number, body: string): Promise<{ id: number }>;
  /** Edits the issue's comment containing `marker`, or creates one; `body` should contain the marker. */
  upsertComment(issueNumber: number, marker: string, body: string): Promise<{ id: number; created: boolean }>;
  /** The number of the open pull request whose head is `branch` of this repository, if there is one. */
  openPullFor(branch: string): Promise<number | undefined>;
  /** Opens a pull request of `head` into `base`. */
  createPull(pull: { head: string; base: string; title: string; body: string }): Promise<{ number: number; url: string }>;
  /** Starts `workflow` (its file name) on `ref` with `inputs`. */
  dispatch(workflow: string, ref: string, inputs: Record<string, string>): Promise<DispatchResult>;
}

export interface GitHubOptions {
  token: string;
  /** REST API root, e.g. https://api.github.com (given explicitly: @actions/github reads GITHUB_API_URL only once, at import). */
  baseUrl: string;
  owner: string;
  repo: string;
  /** Web root for links, e.g. https://github.com. */
  serverUrl?: string;
  log?: (line: string) => void;
  /**
   * Space write requests as GitHub asks (at least a second apart; three for ones that notify people).
   * Default true; tests against a local stand-in turn it off.
   */
  paceWrites?: boolean;
  /**
   * Milliseconds per second of the waits GitHub asks for (retry-after, and the 500-retry backoff):
   * Octokit's `retryAfterBaseValue`, default 1000. Tests shrink it to keep the waits but make them short.
   */
  retryAfterBaseMs?: number;
}

/** How often a rate-limited request is retried before the error reaches the caller. */
const RATE_LIMIT_RETRIES = 2;
/** Longest wait accepted for a rate limit; beyond it the step fails and says so instead of idling. */
const MAX_RATE_LIMIT_WAIT_S = 60;
const ROLES: readonly Permission[] = ["admin", "maintain", "write", "triage", "read", "none"];

export function createGitHub(opts: GitHubOptions): GitHubPort {
  const log = opts.log ?? (() => {});
  const octokit = makeOctokit(opts, log);
  const repo = { owner: opts.owner, repo: opts.repo };
  const serverUrl = (opts.serverUrl ?? "https://github.com").replace(/\/+$/, "");

  return {
    async permission(username) {
      try {
        const { data } = await octokit.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", { ...repo, username });
        return toPermission(data.role_name, data.permission);
      } catch (error) {
        if (statusOf(error) === 404) return "none";
        throw apiError(`reading the permission of ${username}`, error);
      }
    },

    async pullRequest(number) {
      const { data } = await call(`reading pull request #${number}`, () =>
        octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", { ...repo, pull_number: number }));
      const head = data.head.repo;
      const base = data.base.repo;
      const fork = head === null || head.id !== base.id || head.full_name.toLowerCase() !== base.full_name.toLowerCase();
      return { headRef: data.head.ref, headRepo: head?.full_name ?? null, baseRepo: base.full_name, fork, state: data.state };
    },

    async react(commentId, content) {
      await call(`adding a reaction to comment ${commentId}`, () =>
        octokit.request("POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", { ...repo, comment_id: commentId, content }));
    },

    reply,

    async upsertComment(issueNumber, marker, body) {
      const existing = await call(`listing the comments of #${issueNumber}`, () => findComment(issueNumber, marker));
      if (existing !== undefined) {
        await call(`editing comment ${existing}`, () =>
          octokit.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", { ...repo, comment_id: existing, body }));
        return { id: existing, created: false };
      }
      const { id } = await reply(issueNumber, body);
      return { id, created: true };
    },

    async openPullFor(branch) {
      const { data } = await call(`looking for an open pull request of ${branch}`, () =>
        octokit.request("GET /repos/{owner}/{repo}/pulls", { ...repo, head: `${opts.owner}:${branch}`, state: "open", per_page: 1 }));
      return data[0]?.number;
    },

    async createPull(pull) {
      const { data } = await call(`opening a pull request of ${pull.head} into ${pull.base}`, () =>
        octokit.request("POST /repos/{owner}/{repo}/pulls", { ...repo, ...pull }));
      return { number: data.number, url: data.html_url };
    },

    async dispatch(workflow, ref, inputs) {
      const response = await call(`dispatching workflow ${workflow} on ${ref}`, () =>
        octokit.request("POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", {
          ...repo, workflow_id: workflow, ref, inputs, return_run_details: true,
        }));
      const details = response.status === 200 ? (response.data as { workflow_run_id?: unknown; html_url?: unknown }) : undefined;
      const runsPage = `${serverUrl}/${opts.owner}/${opts.repo}/actions/workflows/${encodeURIComponent(workflow)}`;
      const runId = typeof details?.workflow_run_id === "number" ? details.workflow_run_id : undefined;
      const runUrl = typeof details?.html_url === "string" ? details.html_url : runsPage;
      return runId === undefined ? { runUrl } : { runId, runUrl };
    },
  };

  async function reply(issueNumber: number, body: string): Promise<{ id: number }> {
    const { data } = await call(`commenting on #${issueNumber}`, () =>
      octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...repo, issue_number: issueNumber, body }));
    return { id: Number(data.id) };
  }

  async function findComment(issueNumber: number, marker: string): Promise<number | undefined> {
    const pages = octokit.paginate.iterator("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      ...repo, issue_number: issueNumber, per_page: 100,
    });
    for await (const page of pages) {
      // Only a bot's comment that opens with the marker: anyone can paste the marker into a comment of
      // their own, and a write token could edit it.
      const found = page.data.find((comment) => comment.body?.startsWith(marker) && comment.user?.type === "Bot");
      if (found !== undefined) return found.id;
    }
    return undefined;
  }
}

function makeOctokit(opts: GitHubOptions, log: (line: string) => void) {
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
    const what = `${kind} on ${request.method} ${request.url}`;
    if (retryCount < RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_S) {
      log(`GitHub API ${what}: retrying in ${retryAfter}s (retry ${retryCount + 1} of ${RATE_LIMIT_RETRIES})`);
      return true;
    }
    log(`GitHub API ${what}: giving up after ${retryCount} retries (GitHub asks to wait ${retryAfter}s)`);
    return false;
  };
  return getOctokit(opts.token, {
    baseUrl: opts.baseUrl.replace(/\/+$/, ""),
    log: { debug: () => {}, info: () => {}, warn: log, error: log },
    retry: { retries: 3, retryAfterBaseValue: opts.retryAfterBaseMs ?? 1000 },
    throttle: {
      retryAfterBaseValue: opts.retryAfterBaseMs ?? 1000,
      onRateLimit: onLimit("rate limit"),
      onSecondaryRateLimit: onLimit("secondary rate limit"),
      // `as never`: the plugin types these as Bottleneck groups; only key().schedule() is ever called on them.
      ...(opts.paceWrites === false ? { write: unpaced as never, notifications: unpaced as never } : {}),
    },
  }, retry, throttling);
}

/**
 * Stands in for the throttling plugin's write and notification limiter groups (`group.key(id).schedule(job)`)
 * when pacing is off: jobs run at once. Everything else (rate-limit retries) still goes through the plugin.
 */
const unpaced = {
  key: () => ({
    schedule: async (_options: unknown, job: (...args: unknown[]) => unknown, ...args: unknown[]): Promise<unknown> => job(...args),
  }),
};

function toPermission(roleName: string | undefined, permission: string): Permission {
  // role_name says maintain/triage where the legacy `permission` field rounds them to write/read;
  // a custom role's name means nothing here, so its base permission decides.
  if (roleName !== undefined && (ROLES as readonly string[]).includes(roleName)) return roleName as Permission;
  return (ROLES as readonly string[]).includes(permission) ? (permission as Permission) : "none";
}

async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw apiError(what, error);
  }
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}

function apiError(what: string, error: unknown): Error {
  const status = statusOf(error);
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`GitHub API: ${what} failed${status === undefined ? "" : ` (HTTP ${status})`}: ${message}`, { cause: error });
}
