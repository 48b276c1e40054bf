// What the Actions runner tells a step through its environment (GITHUB_*, RUNNER_TEMP), as one object.
import { join } from "node:path";
import { tmpdir } from "node:os";

export interface RunnerContext {
  workspace: string;
  /** owner/name */
  repository: string;
  owner: string;
  repo: string;
  apiUrl: string;
  serverUrl: string;
  runId: string;
  runUrl: string;
  /** The branch the workflow runs on: the execution's target branch. */
  refName: string;
  refIsBranch: boolean;
  eventPath?: string;
  logDir: string;
  /** Where a job leaves the files it uploads as artifacts, and where downloaded artifacts land (one directory each). */
  artifacts: { tester: string; story: string; integrated: string; downloaded: string };
  eventName: string;
}

export function runnerContext(env: NodeJS.ProcessEnv = process.env): RunnerContext {
  const repository = env.GITHUB_REPOSITORY ?? "";
  const [owner = "", repo = ""] = repository.split("/");
  const serverUrl = (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/$/, "");
  const runId = env.GITHUB_RUN_ID ?? "0";
  return {
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    repository,
    owner,
    repo,
    apiUrl: (env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/$/, ""),
    serverUrl,
    runId,
    runUrl: `${serverUrl}/${repository}/actions/runs/${runId}`,
    refName: env.GITHUB_REF_NAME ?? "",
    refIsBranch: (env.GITHUB_REF ?? "").startsWith("refs/heads/"),
    eventPath: env.GITHUB_EVENT_PATH,
    eventName: env.GITHUB_EVENT_NAME ?? "",
    logDir: join(env.RUNNER_TEMP ?? tmpdir(), "tdd-waves-logs"),
    artifacts: artifactDirs(join(env.RUNNER_TEMP ?? tmpdir(), "tdd-waves")),
  };
}

/** `$RUNNER_TEMP/tdd-waves/…`: the shipped workflow uploads and downloads exactly these (README, Security model). */
function artifactDirs(root: string): RunnerContext["artifacts"] {
  return { tester: join(root, "tester"), story: join(root, "story"), integrated: join(root, "integrated"), downloaded: join(root, "in") };
}
