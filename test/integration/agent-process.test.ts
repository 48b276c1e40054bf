// runShell against real processes: exit codes, environment, the log file, and killing whole process trees.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { getPriority, tmpdir } from "node:os";
import { join } from "node:path";
import { runShell } from "../../src/adapters/agent-process.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tdd-waves-proc-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const base = (over: Partial<Parameters<typeof runShell>[1]> = {}): Parameters<typeof runShell>[1] => ({
  cwd: dir,
  env: {},
  timeoutMs: 20_000,
  logFile: join(dir, "logs", "run.log"),
  ...over,
});

/** A process is gone when /proc no longer has it, or it is a zombie nobody reaps (it holds nothing). */
function isGone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return true;
  }
}

async function expectAllGone(pids: number[], withinMs = 1000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline && !pids.every(isGone)) await new Promise((r) => setTimeout(r, 25));
  expect(pids.filter((p) => !isGone(p))).toEqual([]);
}

function readPids(file: string): number[] {
  return readFileSync(file, "utf8").split(/\s+/).filter(Boolean).map(Number);
}

async function waitForLines(file: string, n: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (existsSync(file) && readPids(file).length >= n) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${file} never got ${n} pids`);
}

describe("runShell", () => {
  it("reports the exit code of the command", async () => {
    expect((await runShell("exit 3", base())).exitCode).toBe(3);
    const ok = await runShell("true", base());
    expect(ok).toMatchObject({ exitCode: 0, signal: null, timedOut: false, aborted: false });
    expect(ok.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("records a command that does not exist as exit 127, without throwing", async () => {
    const out = await runShell("definitely-not-a-command-tdd-waves", base());
    expect(out.exitCode).toBe(127);
    expect(readFileSync(out.logFile, "utf8")).toMatch(/definitely-not-a-command-tdd-waves.*not found/);
  });

  it("passes env values as environment, never through the shell, and keeps the inherited environment", async () => {
    const tricky = `$(touch pwned) \`touch pwned2\` 'q' "dq" \n next line; rm -rf /nope`;
    const out = await runShell(`printf '%s' "$TDD_WAVES_PROMPT" > prompt.txt; printf '%s' "$PATH" > path.txt; printf '%s' "$HOME" > home.txt`, base({
      env: { TDD_WAVES_PROMPT: tricky, HOME: "/overridden-home" },
    }));
    expect(out.exitCode).toBe(0);
    expect(readFileSync(join(dir, "prompt.txt"), "utf8")).toBe(tricky);
    expect(readFileSync(join(dir, "path.txt"), "utf8")).toBe(process.env.PATH);
    expect(readFileSync(join(dir, "home.txt"), "utf8")).toBe("/overridden-home");
    expect(existsSync(join(dir, "pwned"))).toBe(false);
    expect(existsSync(join(dir, "pwned2"))).toBe(false);
  });

  it("runs in cwd and appends stdout and stderr to the log, after a header naming the command", async () => {
    const logFile = join(dir, "deep", "nested", "agent.log");
    await runShell("pwd; echo to-out; echo to-err >&2", base({ logFile, header: "tester agent unit-test for s-1" }));
    await runShell("echo second-run", base({ logFile }));
    const log = readFileSync(logFile, "utf8");
    expect(log).toMatch(/^=== \d{4}-\d\d-\d\dT[\d:.]+Z tester agent unit-test for s-1\n\$ pwd; echo to-out; echo to-err >&2\n/);
    expect(log).toContain(`${dir}\n`);
    expect(log).toContain("to-out\n");
    expect(log).toContain("to-err\n");
    expect(log).toMatch(/--- exit 0 after [\d.]+ s\n/);
    expect(log.indexOf("to-err")).toBeLessThan(log.indexOf("second-run"));
  });

  it("keeps standard output apart in stdoutFile (a preset CLI's JSON) and copies it into the log afterwards", async () => {
    const logFile = join(dir, "agent.log");
    const stdoutFile = join(dir, "out", "tester-output.jsonl");
    await runShell(`echo progress >&2; echo '{"type":"result"}'`, base({ logFile, stdoutFile }));
    expect(readFileSync(stdoutFile, "utf8")).toBe('{"type":"result"}\n');
    const log = readFileSync(logFile, "utf8");
    expect(log).toContain("progress\n");
    expect(log).toContain(`--- standard output (${stdoutFile}):\n{"type":"result"}\n--- exit 0`);
  });

  it("on timeout kills the whole tree, including grandchildren that ignore SIGTERM or left the group", async () => {
    const pids = join(dir, "pids");
    // Two grandchildren that ignore SIGTERM (and pass that on to their sleeps): one in the group,
    // one that made itself a session of its own with setsid.
    const script = [
      `echo $$ >> pids`,
      `sh -c 'trap "" TERM; echo $$ >> pids; sleep 600 & echo $! >> pids; wait' &`,
      `setsid sh -c 'trap "" TERM; echo $$ >> pids; sleep 600 & echo $! >> pids; wait' &`,
      `wait`,
    ].join("\n");
    const run = runShell(script, base({ timeoutMs: 1500, killGraceMs: 300 }));
    await waitForLines(pids, 5);
    const all = readPids(pids);
    expect(all).toHaveLength(5);
    expect(all.some((p) => !isGone(p))).toBe(true);
    const out = await run;
    expect(out).toMatchObject({ timedOut: true, aborted: false, exitCode: null });
    expect(out.durationMs).toBeLessThan(10_000);
    await expectAllGone(all, 500);
    expect(readFileSync(out.logFile, "utf8")).toContain("timed out, process tree killed");
  });

  it("falls back to SIGKILL after the grace time when the command itself ignores SIGTERM", async () => {
    const started = Date.now();
    const out = await runShell(`trap '' TERM; echo $$ > pid; sleep 600 & echo $! >> pid; wait`, base({ timeoutMs: 500, killGraceMs: 400 }));
    expect(out.timedOut).toBe(true);
    expect(out.signal).toBe("SIGKILL");
    expect(Date.now() - started).toBeGreaterThanOrEqual(850);
    await expectAllGone(readPids(join(dir, "pid")));
  });

  it("stops the tree when the abort signal fires", async () => {
    const ctl = new AbortController();
    const run = runShell(`sleep 600 & echo $! > pid; echo $$ >> pid; wait`, base({ signal: ctl.signal }));
    await waitForLines(join(dir, "pid"), 2);
    ctl.abort();
    const out = await run;
    expect(out).toMatchObject({ aborted: true, timedOut: false, exitCode: null, signal: "SIGTERM" });
    expect(out.durationMs).toBeLessThan(5000);
    await expectAllGone(readPids(join(dir, "pid")));
  });

  it("does not start a command whose signal is already aborted", async () => {
    const ctl = new AbortController();
    ctl.abort();
    const out = await runShell("touch ran", base({ signal: ctl.signal }));
    expect(out).toMatchObject({ aborted: true, exitCode: null });
    expect(existsSync(join(dir, "ran"))).toBe(false);
  });

  it("stops background processes a command leaves behind in its group", async () => {
    const out = await runShell(`sleep 600 & echo $! > pid; exit 0`, base({ killGraceMs: 300 }));
    expect(out.exitCode).toBe(0);
    await expectAllGone(readPids(join(dir, "pid")));
  });

  it("reports a missing working directory instead of throwing", async () => {
    const out = await runShell("true", base({ cwd: join(dir, "nope") }));
    expect(out.exitCode).toBeNull();
    expect(out.error).toMatch(/working directory does not exist/);
    expect(readFileSync(out.logFile, "utf8")).toContain("not run: working directory does not exist");
  });
});

describe("background commands", () => {
  const niceOf = async (background: boolean) => {
    const probe = `"${process.execPath}" -e "require('fs').writeFileSync('nice.txt', String(require('os').getPriority()))"`;
    // The shell starts the probe as a child of its own: the lowered priority reaches what a command starts.
    const r = await runShell(`${probe}; true`, base(background ? { background: true } : {}));
    expect(r.exitCode).toBe(0);
    return Number(readFileSync(join(dir, "nice.txt"), "utf8"));
  };

  it("run at a lower CPU priority, inherited by what the command starts; others at the usual one", async () => {
    const usual = getPriority();
    expect(await niceOf(false)).toBe(usual);
    expect(await niceOf(true)).toBe(Math.min(19, usual + 10));
  });
});

