// Script tester agent for tests: writes a node:test file for the story, behaviour chosen by TESTER_MODE.
// normal: a test that fails until src/<id>.mjs exports value() === "<id>"; passing: a test that already
// passes; passing-once: a passing test on attempt 1, then normal; none: writes nothing; fail: exits 3;
// hang: leaves a grandchild that ignores SIGTERM and hangs; hostile: a normal test that also runs
// agents/hostile.mjs (every attempt) wherever it is run. The retry feedback is checked (feedback-check.mjs).
// LINK="<path>=<target>": then replaces <path> with a symbolic link to <target> (a way out of the repository).
import { appendFileSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { checkFeedback } from "./feedback-check.mjs";
import { dirname } from "node:path";
import { spawn } from "node:child_process";
import { getPriority } from "node:os";

const id = process.env.TDD_WAVES_STORY_ID;
const file = process.env.TDD_WAVES_TEST_FILE;
const mode = process.env.TESTER_MODE ?? "normal";
if (process.env.AGENT_TRACE) appendFileSync(process.env.AGENT_TRACE, `${Date.now()} tester ${id} start attempt=${process.env.TDD_WAVES_ATTEMPT} wave=${process.env.TDD_WAVES_WAVE} role=${process.env.TDD_WAVES_ROLE} nice=${getPriority()}\n`);
if (!process.env.TDD_WAVES_PROMPT?.includes(id)) {
  console.error("the prompt does not name the story");
  process.exit(9);
}
checkFeedback();
if (mode === "fail") process.exit(3);
// HOSTILE: misbehave first (hostile.mjs), then do the job as asked.
if (process.env.HOSTILE) await import("./hostile.mjs");
// MUST_NOT_EXIST: a file an earlier story may have left; a working copy must start without it.
if (process.env.MUST_NOT_EXIST && existsSync(process.env.MUST_NOT_EXIST)) {
  console.error(`${process.env.MUST_NOT_EXIST} is left over from another story`);
  process.exit(5);
}
if (process.env.TOUCH) writeFileSync(process.env.TOUCH, id);
if (mode === "hang") {
  const child = spawn("sh", ["-c", 'trap "" TERM; echo $$ > "${PID_FILE:-tester-grandchild.pid}"; sleep 600'], { stdio: "ignore" });
  child.unref();
  await new Promise(() => setTimeout(() => undefined, 600_000));
}
if (mode !== "none") {
  mkdirSync(dirname(file), { recursive: true });
  const depth = file.split("/").length - 1;
  const up = depth === 0 ? "./" : "../".repeat(depth);
  const attack = mode === "hostile"
    ? `import { spawnSync } from "node:child_process";\nspawnSync(process.execPath, ["agents/hostile.mjs"], { stdio: "inherit", env: { ...process.env, HOSTILE: "scan,push-target,push-state,dispatch", ATTACK_WHO: "test", ATTACK_LOG: ${JSON.stringify(process.env.ATTACK_LOG ?? "")} } });\n`
    : "";
  const body = attack + (
    mode === "passing" || (mode === "passing-once" && process.env.TDD_WAVES_ATTEMPT === "1")
      ? `import { test } from "node:test";\ntest("${id} trivially", () => {});\n`
      : `import { test } from "node:test";\nimport assert from "node:assert/strict";\n\ntest("${id} returns its id", async () => {\n  const { value } = await import("${up}src/${id}.mjs");\n  assert.equal(value(), "${id}");\n});\n`);
  writeFileSync(file, body);
}
if (process.env.LINK) {
  const [path, target] = process.env.LINK.split("=");
  rmSync(path, { recursive: true, force: true });
  symlinkSync(target, path);
}
console.log(`tester wrote ${file}`);
