// Before a command runs agents or the repository's tests, this process's environment loses everything
// that grants access: the action's inputs (a token among them), the runner's ACTIONS_* credentials
// (artifacts, caches, OIDC) and any GITHUB_TOKEN. Children inherit the environment, so they get none.
const GRANTS = /^(INPUT_|ACTIONS_(RUNTIME|ID_TOKEN|CACHE|RESULTS)|GITHUB_TOKEN$|GH_TOKEN$)/;

export function scrubEnvironment(env: NodeJS.ProcessEnv = process.env): string[] {
  const removed = Object.keys(env).filter((k) => GRANTS.test(k));
  for (const k of removed) delete env[k];
  return removed;
}
