// Runs an agent's or a test's shell command as a child process, logs its output to a file, and makes
// sure that on timeout or abort nothing the command started survives it.
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, closeSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeSync } from "node:fs";
import { confined } from "./confined-paths.js";
import { dirname } from "node:path";

export interface ProcessOutcome {
  /** Exit code of the shell, null when it was ended by a signal or could not start. */
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  aborted: boolean;
  durationMs: number;
  logFile: string;
  /** Why the command could not start at all (e.g. a missing working directory). */
  error?: string;
}

export interface RunShellOptions {
  cwd: string;
  /** Added to (and winning over) the environment of this process. Passed as environment, never interpolated. */
  env: Record<string, string>;
  timeoutMs: number;
  logFile: string;
  /** What the log must stay inside: a later line is not written once a link leads it out (an agent may make one while it runs). */
  logRoot?: string;
  /** Label written into the log before the command, e.g. "tester agent unit-test for msm-auth-001". */
  header?: string;
  signal?: AbortSignal;
  /** Time between SIGTERM and SIGKILL when the process tree is stopped. Default 2000. */
  killGraceMs?: number;
  /**
   * Standard output goes to this file instead of the log (a preset CLI's machine-readable output, kept apart from
   * its progress on stderr); it is copied into the log once the command has ended.
   */
  stdoutFile?: string;
  /** At a lower CPU priority (nice 10), inherited by what the command starts. */
  background?: boolean;
}

/**
 * `background`: the shell execs `nice -n 10` on the command, so the priority is lowered before anything of the
 * command runs (lowering it from here after the spawn would race with the shell's first fork). Without a
 * `nice` on PATH the command runs at the usual priority.
 */
const BACKGROUND = 'command -v nice >/dev/null 2>&1 && exec nice -n 10 /bin/sh -c "$1"; exec /bin/sh -c "$1"';

const DEFAULT_KILL_GRACE_MS = 2000;
// setTimeout fires at once for delays beyond a signed 32-bit number of milliseconds.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Runs `command` with `/bin/sh -c` in `cwd`, stdout and stderr appended to `logFile`. Resolves once the
 * shell has exited and, after a timeout or an abort, its whole process tree is gone. Never rejects for
 * the command's sake: a failing or missing command is an exit code (127 for "not found").
 */
export async function runShell(command: string, opts: RunShellOptions): Promise<ProcessOutcome> {
  const started = Date.now();
  const graceMs = opts.killGraceMs ?? DEFAULT_KILL_GRACE_MS;
  const log = openLog(opts.logFile, headerLines(command, opts.header, started));
  const out = opts.stdoutFile === undefined ? undefined : openOutput(opts.stdoutFile);
  const appendLog = (text: string): void => {
    if (opts.logRoot !== undefined && !stays(opts.logRoot, opts.logFile)) return;
    appendFileSync(opts.logFile, text);
  };
  const outcome = (o: Partial<ProcessOutcome>): ProcessOutcome => {
    const result = { exitCode: null, signal: null, timedOut: false, aborted: false, ...o, durationMs: Date.now() - started, logFile: opts.logFile };
    if (opts.stdoutFile !== undefined && (opts.logRoot === undefined || stays(opts.logRoot, opts.stdoutFile))) appendLog(stdoutSection(opts.stdoutFile));
    appendLog(footerLine(result));
    return result;
  };

  const problem = opts.signal?.aborted ? "aborted before it started" : missingDirectory(opts.cwd);
  let child: ChildProcess | undefined;
  let spawnError: string | undefined;
  try {
    if (!problem) {
      child = spawn("/bin/sh", opts.background ? ["-c", BACKGROUND, "sh", command] : ["-c", command], {
        cwd: opts.cwd,
        env: { ...process.env, ...opts.env },
        // Own process group, so that the group can be signalled as a whole.
        detached: true,
        stdio: ["ignore", out ?? log, log],
      });
    }
  } catch (err) {
    spawnError = err instanceof Error ? err.message : String(err);
  } finally {
    // The child has its own copy of the descriptors.
    closeSync(log);
    if (out !== undefined) closeSync(out);
  }
  if (!child) return outcome({ aborted: Boolean(opts.signal?.aborted), error: problem ?? spawnError ?? "could not start /bin/sh" });

  const exited = waitForExit(child);
  const stopped = stopRequest(opts.timeoutMs, opts.signal);
  const reason = await Promise.race([exited.then(() => null), stopped.promise]);
  stopped.cancel();
  const pgid = child.pid;
  if (reason && pgid !== undefined) await killTree(pgid, graceMs);
  const exit = await exited;
  if (exit.error) return outcome({ error: exit.error });
  if (!reason && pgid !== undefined && groupAlive(pgid)) {
    appendLog("--- tdd-waves: stopping processes the command left running\n");
    await killTree(pgid, graceMs);
  }
  return outcome({ exitCode: exit.code, signal: exit.signal, timedOut: reason === "timeout", aborted: reason === "abort" });
}

function stays(root: string, path: string): boolean {
  try {
    confined(root, path);
    return true;
  } catch {
    return false;
  }
}

function openLog(logFile: string, header: string): number {
  mkdirSync(dirname(logFile), { recursive: true });
  const fd = openSync(logFile, "a");
  writeSync(fd, header);
  return fd;
}

function openOutput(file: string): number {
  mkdirSync(dirname(file), { recursive: true });
  return openSync(file, "w");
}

/** Most of a standard output worth reading in a log; the file keeps all of it. */
const STDOUT_IN_LOG_BYTES = 256 * 1024;

function stdoutSection(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return "";
  }
  if (text === "") return "";
  const shown = text.length > STDOUT_IN_LOG_BYTES ? `${text.slice(0, STDOUT_IN_LOG_BYTES)}\n… (cut: ${file} holds all of it)\n` : text;
  return `--- standard output (${file}):\n${shown}${shown.endsWith("\n") ? "" : "\n"}`;
}

function headerLines(command: string, header: string | undefined, started: number): string {
  return `=== ${new Date(started).toISOString()}${header ? ` ${header}` : ""}\n$ ${command}\n`;
}

function footerLine(o: ProcessOutcome): string {
  const took = `${(o.durationMs / 1000).toFixed(1)} s`;
  if (o.error) return `--- tdd-waves: not run: ${o.error}\n`;
  const end = o.exitCode !== null ? `exit ${o.exitCode}` : `signal ${o.signal ?? "?"}`;
  const why = o.timedOut ? "timed out, process tree killed; " : o.aborted ? "aborted, process tree killed; " : "";
  return `--- ${why}${end} after ${took}\n`;
}

function missingDirectory(cwd: string): string | undefined {
  try {
    return statSync(cwd).isDirectory() ? undefined : `working directory is not a directory: ${cwd}`;
  } catch {
    return `working directory does not exist: ${cwd}`;
  }
}

interface Exit {
  code: number | null;
  signal: string | null;
  error?: string;
}

function waitForExit(child: ChildProcess): Promise<Exit> {
  return new Promise((resolve) => {
    child.once("error", (err) => resolve({ code: null, signal: null, error: err.message }));
    child.once("close", (code, signal) => resolve({ code, signal }));
  });
}

type StopReason = "timeout" | "abort";

function stopRequest(timeoutMs: number, signal: AbortSignal | undefined): { promise: Promise<StopReason>; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const promise = new Promise<StopReason>((resolve) => {
    if (Number.isFinite(timeoutMs)) timer = setTimeout(() => resolve("timeout"), Math.min(Math.max(0, timeoutMs), MAX_TIMER_MS));
    onAbort = () => resolve("abort");
    signal?.addEventListener("abort", onAbort, { once: true });
  });
  return {
    promise,
    cancel: () => {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener("abort", onAbort);
    },
  };
}

// ---- the process tree, from /proc (Linux) ----

interface Proc {
  pid: number;
  ppid: number;
  pgrp: number;
  /** Start time in clock ticks: tells a process from a later one that reuses its pid. */
  start: string;
}

/** Live (not zombie) processes; null where there is no /proc (then only the group is signalled). */
function scanProcs(): Proc[] | null {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return null;
  }
  const procs: Proc[] = [];
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    const p = readStat(name);
    if (p) procs.push(p);
  }
  return procs;
}

function readStat(pid: string): Proc | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may itself contain spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const state = fields[0];
    if (state === "Z" || state === "X" || state === "x") return null;
    return { pid: Number(pid), ppid: Number(fields[1]), pgrp: Number(fields[2]), start: fields[19] ?? "" };
  } catch {
    return null;
  }
}

function groupAlive(pgid: number): boolean {
  const procs = scanProcs();
  return procs ? procs.some((p) => p.pgrp === pgid) : sendSignal(-pgid, 0);
}

/** Nothing of the tree is left. Zombies count as gone: they hold no resources and cannot be killed. */
function treeGone(pgid: number, targets: Map<number, Proc>): boolean {
  if (scanProcs() === null) return !sendSignal(-pgid, 0);
  return collectTree(pgid, targets).length === 0;
}

/**
 * Adds to `targets` every live member of the group and every live descendant of a target, which
 * catches children that left the group (setsid) while their parent still lives.
 */
function collectTree(pgid: number, targets: Map<number, Proc>): Proc[] {
  const live = (scanProcs() ?? []).filter((p) => p.pid !== process.pid);
  const byPid = new Map(live.map((p) => [p.pid, p]));
  const isTarget = (pid: number): boolean => {
    const known = targets.get(pid);
    return known !== undefined && byPid.get(pid)?.start === known.start;
  };
  for (const p of live) if (p.pgrp === pgid) targets.set(p.pid, p);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of live) {
      if (!targets.has(p.pid) && isTarget(p.ppid)) {
        targets.set(p.pid, p);
        grew = true;
      }
    }
  }
  return live.filter((p) => isTarget(p.pid));
}

/** SIGTERM to the group and every target outside it; SIGKILL to whatever is left after the grace time. */
async function killTree(pgid: number, graceMs: number): Promise<void> {
  const targets = new Map<number, Proc>();
  let alive = collectTree(pgid, targets);
  signalTree(pgid, alive, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    await sleep(Math.min(50, Math.max(1, deadline - Date.now())));
    if (treeGone(pgid, targets)) return;
  }
  // A few rounds: a process may fork between the scan and the signal.
  for (let round = 0; round < 10; round++) {
    alive = collectTree(pgid, targets);
    signalTree(pgid, alive, "SIGKILL");
    await sleep(20);
    if (treeGone(pgid, targets)) return;
  }
}

function signalTree(pgid: number, alive: Proc[], sig: NodeJS.Signals): void {
  sendSignal(-pgid, sig);
  for (const p of alive) if (p.pgrp !== pgid) sendSignal(p.pid, sig);
}

/** True when the signal was delivered (ESRCH and EPERM are not errors here). */
function sendSignal(pid: number, sig: NodeJS.Signals | 0): boolean {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
