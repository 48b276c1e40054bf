// GitHub from the terminal (`tdd-waves dispatch`): start the execution workflow and follow its runs, with
// @octokit/rest. Every failure becomes a RemoteError whose message says what to do (token, permission,
// workflow not installed), never an HTTP stack.
import { Octokit } from "@octokit/rest";

export class RemoteError extends Error {}

export interface WorkflowRun {
  id: number;
  /** queued, in_progress, completed, … */
  status: string;
  /** success, failure, cancelled, … once completed. */
  conclusion: string | null;
  url: string;
  createdAt: string;
}

export interface RemoteOptions {
  token: string;
  owner: string;
  repo: string;
  /** REST API root (GITHUB_API_URL for GitHub Enterprise Server; the tests' stand-in). */
  baseUrl?: string;
}

export interface RemoteGitHub {
  /** Starts `workflow` (its file name) on `ref`; the run's id when GitHub says which run it started. */
  dispatch(workflow: string, ref: string, inputs: Record<string, string>): Promise<{ runId?: number; runUrl: string }>;
  /** The workflow's runs on `branch`, newest first (one page: the newest 20). */
  runs(workflow: string, branch: string): Promise<WorkflowRun[]>;
  run(id: number): Promise<WorkflowRun>;
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}

export function createRemoteGitHub(opts: RemoteOptions): RemoteGitHub {
  const octokit = new Octokit({ auth: opts.token, baseUrl: (opts.baseUrl ?? "https://api.github.com").replace(/\/+$/, ""), userAgent: "tdd-waves", log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} } });
  const repo = { owner: opts.owner, repo: opts.repo };
  const full = `${opts.owner}/${opts.repo}`;

  const explain = (what: string, workflow: string | undefined, error: unknown): RemoteError => {
    const status = statusOf(error);
    const detail = error instanceof Error ? error.message : String(error);
    if (status === 401) return new RemoteError(`${what}: GitHub refused the token (401 Bad credentials): check GITHUB_TOKEN / GH_TOKEN`);
    if (status === 403) {
      return new RemoteError(
        `${what}: the token may not do this (403: ${detail}). It needs the "actions: write" permission on ${full} ` +
          `(fine-grained token: Actions read and write; classic token: the "repo" and "workflow" scopes)`,
      );
    }
    if (status === 404) {
      return new RemoteError(
        workflow
          ? `${what}: workflow ${workflow} is not installed in ${full} (404), or the token cannot see the repository: run \`tdd-waves init\`, commit .github/workflows/${workflow} and push it to the default branch`
          : `${what}: ${full} not found (404): check --repo and that the token can see the repository`,
      );
    }
    if (status === 422) return new RemoteError(`${what}: GitHub refused the request (422: ${detail}); does the branch exist on GitHub and does the workflow have a workflow_dispatch trigger?`);
    return new RemoteError(`${what}: ${status ? `HTTP ${status}: ` : ""}${detail}`);
  };

  const toRun = (data: { id: number; status?: string | null; conclusion?: string | null; html_url: string; created_at: string }): WorkflowRun => ({
    id: data.id,
    status: data.status ?? "queued",
    conclusion: data.conclusion ?? null,
    url: data.html_url,
    createdAt: data.created_at,
  });

  return {
    async dispatch(workflow, ref, inputs) {
      try {
        const response = await octokit.rest.actions.createWorkflowDispatch({ ...repo, workflow_id: workflow, ref, inputs, return_run_details: true } as Parameters<typeof octokit.rest.actions.createWorkflowDispatch>[0]);
        const details = (response.status as number) === 200 ? (response.data as unknown as { workflow_run_id?: unknown; html_url?: unknown }) : undefined;
        const runId = typeof details?.workflow_run_id === "number" ? details.workflow_run_id : undefined;
        const runUrl = typeof details?.html_url === "string" ? details.html_url : `https://github.com/${full}/actions/workflows/${encodeURIComponent(workflow)}`;
        return runId === undefined ? { runUrl } : { runId, runUrl };
      } catch (error) {
        throw explain(`dispatching ${workflow} on ${ref}`, workflow, error);
      }
    },
    async runs(workflow, branch) {
      try {
        const { data } = await octokit.rest.actions.listWorkflowRuns({ ...repo, workflow_id: workflow, branch, event: "workflow_dispatch", per_page: 20 });
        return data.workflow_runs.map(toRun);
      } catch (error) {
        throw explain(`listing the runs of ${workflow}`, workflow, error);
      }
    },
    async run(id) {
      try {
        const { data } = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: id });
        return toRun(data);
      } catch (error) {
        throw explain(`reading workflow run ${id}`, undefined, error);
      }
    },
  };
}

/** The token: GITHUB_TOKEN, else GH_TOKEN (what the gh CLI uses). */
export function tokenFrom(env: Record<string, string | undefined>): string | undefined {
  return env.GITHUB_TOKEN || env.GH_TOKEN || undefined;
}

/** `owner/name` from a GitHub remote URL (https, ssh, scp-like), or undefined. */
export function repoFromRemoteUrl(url: string): { owner: string; repo: string } | undefined {
  const m = /^(?:https?:\/\/(?:[^@/]+@)?[^/]+\/|ssh:\/\/(?:[^@/]+@)?[^/]+\/|[^@/\s]+@[^:/\s]+:)([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(url.trim());
  return m ? { owner: m[1]!, repo: m[2]! } : undefined;
}
