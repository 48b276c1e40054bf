// Real git repositories in temp dirs for tests, with a fixed identity and no global git config.
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";

export const AGENTS_DIR = join(dirname(fileURLToPath(import.meta.url)), "agents");

// One home per test file (each file loads this module afresh), removed with the file's last test: the
// worker processes that run the files are stopped without an "exit" event, so a process hook would leak it.
const home = mkdtempSync(join(tmpdir(), "tdd-waves-home-"));
afterAll(() => rmSync(home, { recursive: true, force: true }));
export const gitEnv: Record<string, string> = {
  HOME: home,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_AUTHOR_NAME: "Test",
  GIT_AUTHOR_EMAIL: "test@example.com",
  GIT_COMMITTER_NAME: "Test",
  GIT_COMMITTER_EMAIL: "test@example.com",
};

export function git(dir: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd: dir, env: { ...process.env, ...gitEnv }, encoding: "utf8" }).trim();
}

export interface TempRepo {
  dir: string;
  cleanup: () => void;
}

/** A repository on branch main with `files` committed (and the script agents in agents/). */
export function makeRepo(files: Record<string, string>, opts: { agents?: boolean } = {}): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), "tdd-waves-repo-"));
  git(dir, "init", "-q", "-b", "main");
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  if (opts.agents !== false) {
    mkdirSync(join(dir, "agents"), { recursive: true });
    for (const name of ["tester.mjs", "implementer.mjs", "hostile.mjs", "feedback-check.mjs"]) copyFileSync(join(AGENTS_DIR, name), join(dir, "agents", name));
  }
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "initial");
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface StorySpec {
  id: string;
  dependsOn?: string[];
  tester?: string;
  implementer?: string;
  title?: string;
  /** The story's own `retries`. */
  retries?: number;
}

export function storyFile(id: string, title = `Story ${id}`): string {
  return `# ${id}: ${title}\n\n**Status:** ⏳ Pending\n**Assignee:** —\n**Test file:** \`test/${id}.test.mjs\`\n**Verified:** no\n\n## Acceptance Criteria\n- [ ] ${id} returns its id\n\n## Completion\n`;
}

/** Files of a plan `plan.yml` with script agents: tester, implementer, and the given extra agents. */
export function planFiles(
  name: string,
  stories: StorySpec[],
  extra: { agents?: Record<string, Record<string, string>>; timeouts?: Record<string, string>; yaml?: string; testCommand?: string } = {},
): Record<string, string> {
  const agents = { tester: {}, implementer: {}, ...extra.agents };
  const agentYaml = Object.entries(agents)
    .map(([agent, env]) => {
      const script = agent.startsWith("tester") ? "tester" : "implementer";
      const envYaml = Object.keys(env).length ? `\n    env: ${JSON.stringify(env)}` : "";
      const timeout = extra.timeouts?.[agent] ? `\n    timeout: ${extra.timeouts[agent]}` : "";
      return `  ${agent}:\n    run: node agents/${script}.mjs${envYaml}${timeout}`;
    })
    .join("\n");
  const storyYaml = stories
    .map(
      (s) =>
        `  - id: ${s.id}\n    title: ${JSON.stringify(s.title ?? `Story ${s.id}`)}\n    testFile: test/${s.id}.test.mjs\n    tester: ${s.tester ?? "tester"}\n    implementer: ${s.implementer ?? "implementer"}\n    dependsOn: ${JSON.stringify(s.dependsOn ?? [])}${s.retries === undefined ? "" : `\n    retries: ${s.retries}`}`,
    )
    .join("\n");
  const files: Record<string, string> = {
    "plan.yml": `name: ${name}\ntest:\n  command: ${extra.testCommand ?? "node --test {testFile}"}\n  timeout: 1m\n${extra.yaml ?? ""}agents:\n${agentYaml}\nstories:\n${storyYaml}\n`,
  };
  for (const s of stories) files[`stories/${s.id}.md`] = storyFile(s.id, s.title);
  return files;
}

/** A repository with the plan `plan.yml` (see planFiles) and where its script agents write their trace. */
export function planRepo(name: string, stories: StorySpec[], extra: Parameters<typeof planFiles>[2] = {}, files: Record<string, string> = {}) {
  const repo = makeRepo({ ...planFiles(name, stories, extra), ...files });
  const trace = join(repo.dir, ".git", "agent-trace.log");
  return { ...repo, trace, env: { AGENT_TRACE: trace } as Record<string, string> };
}
