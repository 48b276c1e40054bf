// Script implementation agent for tests: writes src/<id>.mjs and ticks the story's acceptance criteria;
// (WAIT_FOR below); IMPL_MODE: normal | fail (exit 1) | edit-test (also rewrites the test file) | no-tick | conflict (also
// writes shared.txt, which other "conflict" stories write differently) | sleep (SLEEP_MS before working) |
// nested (also makes vendor/lib a git repository of its own) | switch-branch (then commits on a new branch "stray") |
// second-try (attempt 1 writes a wrong value) | cheat-once (attempt 1 weakens the test file and ticks nothing;
// later attempts check it was restored) | suffix (its value() appends src/common.mjs's suffix, except in a rebuild on
// the integrated target) | set-suffix (also sets that suffix to "!": stories in "suffix" mode then fail after
// integration without any conflict). FAIL_WHILE (a directory): exit 1 while it holds a file named for the story. SLEEP_ON_ATTEMPT: sleep
// only on that attempt. WRECK (a path in the working copy): deleted first, as an agent breaking what setup made.
// The retry feedback is checked (feedback-check.mjs).
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { getPriority } from "node:os";
import { checkFeedback } from "./feedback-check.mjs";

const id = process.env.TDD_WAVES_STORY_ID;
if (process.env.WRECK) rmSync(process.env.WRECK, { recursive: true, force: true });
const mode = process.env.IMPL_MODE ?? "normal";
if (process.env.AGENT_TRACE) appendFileSync(process.env.AGENT_TRACE, `${Date.now()} implementation ${id} start attempt=${process.env.TDD_WAVES_ATTEMPT} wave=${process.env.TDD_WAVES_WAVE} role=${process.env.TDD_WAVES_ROLE} nice=${getPriority()}\n`);
const attempt = Number(process.env.TDD_WAVES_ATTEMPT);
checkFeedback();
if (process.env.SLEEP_MS && (!process.env.SLEEP_ON_ATTEMPT || Number(process.env.SLEEP_ON_ATTEMPT) === attempt)) await new Promise((r) => setTimeout(r, Number(process.env.SLEEP_MS)));
// WAIT_FOR: wait (up to 30 s) until another agent creates that file; proves two stories ran at the same time.
if (process.env.WAIT_FOR) {
  const until = Date.now() + 30_000;
  while (!existsSync(process.env.WAIT_FOR)) {
    if (Date.now() > until) {
      console.error(`${process.env.WAIT_FOR} never appeared`);
      process.exit(4);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
// HOSTILE: misbehave first (hostile.mjs), then do the job as asked.
if (process.env.HOSTILE) await import("./hostile.mjs");
if (mode === "fail" || (process.env.FAIL_WHILE && existsSync(`${process.env.FAIL_WHILE}/${id}`))) {
  console.error("cannot implement this");
  process.exit(1);
}
mkdirSync("src", { recursive: true });
// LEAVE_BEHIND: a file (ignored by git, so never committed) left in the working copy.
if (process.env.LEAVE_BEHIND) writeFileSync(process.env.LEAVE_BEHIND, id);
const rebuild = process.env.TDD_WAVES_FEEDBACK?.startsWith("Rebuild on the integrated target") ?? false;
writeFileSync(
  `src/${id}.mjs`,
  mode === "suffix" && !rebuild
    ? `import { suffix } from "./common.mjs";\nexport const value = () => "${id}" + suffix;\n`
    : `export const value = () => "${mode === "second-try" && attempt === 1 ? "wrong" : id}";\n`,
);
if (mode === "set-suffix") writeFileSync("src/common.mjs", `export const suffix = "!";\n`);
const first = attempt === 1 && mode === "cheat-once";
if (mode === "cheat-once" && !first && readFileSync(process.env.TDD_WAVES_TEST_FILE, "utf8").includes("weakened")) {
  console.error("the test file was not restored");
  process.exit(6);
}
if (mode === "conflict") writeFileSync("shared.txt", `written by ${id}\n`);
if (mode === "edit-test" || first) writeFileSync(process.env.TDD_WAVES_TEST_FILE, `import { test } from "node:test";\ntest("weakened", () => {});\n`);
if (mode !== "no-tick" && !first) {
  const story = process.env.TDD_WAVES_STORY_FILE;
  writeFileSync(story, readFileSync(story, "utf8").replace(/^(\s*[-*+] )\[ \]/gm, "$1[x]"));
}
if (mode === "nested") {
  mkdirSync("vendor/lib", { recursive: true });
  writeFileSync("vendor/lib/index.mjs", "export default 1;\n");
  execFileSync("git", ["init", "-q"], { cwd: "vendor/lib" });
  execFileSync("git", ["add", "-A"], { cwd: "vendor/lib" });
  execFileSync("git", ["commit", "-q", "-m", "inner"], { cwd: "vendor/lib" });
}
if (mode === "switch-branch") {
  execFileSync("git", ["checkout", "-q", "-b", "stray"]);
  execFileSync("git", ["add", "-A"]);
  execFileSync("git", ["commit", "-q", "-m", "stray work"]);
}
if (process.env.AGENT_TRACE) appendFileSync(process.env.AGENT_TRACE, `${Date.now()} implementation ${id} end attempt=${process.env.TDD_WAVES_ATTEMPT}\n`);
console.log(`implemented ${id}`);
