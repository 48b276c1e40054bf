// The real-project examples (examples/ts-vitest, examples/py-pytest) laid out as repositories of their own, as
// their plans say: the example's tracked files, the fixture agents in agents/, one commit on main.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { git, type TempRepo } from "./repo.js";

export const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "examples");

/**
 * npm's cache of the user running the tests. The tests' processes get an empty HOME, and a runner restores
 * its cache the same way (actions/setup-node's `cache: npm`): `npm ci --prefer-offline` reads packages from it.
 */
export const npmCache = { npm_config_cache: process.env.npm_config_cache ?? join(homedir(), ".npm") };

export type Example = "ts-vitest" | "py-pytest";

export function exampleRepo(name: Example): TempRepo {
  const src = join(EXAMPLES, name);
  const dir = mkdtempSync(join(tmpdir(), `tdd-waves-${name}-`));
  const tracked = execFileSync("git", ["ls-files", "-z", "."], { cwd: src, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const path of tracked) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    copyFileSync(join(src, path), join(dir, path));
  }
  for (const agent of readdirSync(join(EXAMPLES, "fixture-agents"))) copyFileSync(join(EXAMPLES, "fixture-agents", agent), join(dir, "agents", agent));
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", `example ${name}`);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** How many tests the fixture test file of a story holds (what the tester agent writes). */
export function fixtureTests(name: Example, storyId: string): number {
  const text = readFileSync(join(EXAMPLES, name, "agents", "fixtures", storyId, "test"), "utf8");
  return (text.match(name === "ts-vitest" ? /^\s*(?:it|test)\(/gm : /^def test_/gm) ?? []).length;
}
