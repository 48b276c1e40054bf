// One long-lived git plumbing process (`cat-file --batch`, `mktree --batch`, `update-ref --stdin`, …)
// serving requests in order: a request writes to its stdin and reads its answer off its stdout. Starting a
// git process costs a fork of this whole Node process; one per kind of request for the store's lifetime
// keeps each state write at a few pipe round trips. The process is started on first use and again after
// it exits (some commands exit on a refused request), and it never keeps Node alive while idle.
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import type { Git } from "./git.js";

/** Reads one answer from the front of `out`: the value and the bytes it took, or undefined while incomplete. */
export type AnswerReader<T> = (out: Buffer) => { value: T; used: number } | undefined;

/** The process ended (or could not start) with requests unanswered: its exit code and what it said on stderr. */
export class PlumbingExit extends Error {
  constructor(
    readonly command: string,
    readonly code: number | null,
    readonly stderr: string,
  ) {
    super(`git ${command} ended (exit ${code ?? "by signal"})${stderr.trim() ? `: ${stderr.trim()}` : ""}`);
    this.name = "PlumbingExit";
  }
}

interface Waiting {
  read: AnswerReader<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Keeps at most this much of stderr: the end of it says why git stopped. */
const STDERR_KEPT = 64 * 1024;

/** One started process and the requests it owes answers to. */
class Running {
  private out: Buffer = Buffer.alloc(0);
  private readonly waiting: Waiting[] = [];
  private stderr = "";
  ended = false;

  constructor(
    readonly child: ChildProcessWithoutNullStreams,
    command: string,
    onEnd: () => void,
  ) {
    child.stdout.on("data", (chunk: Buffer) => this.answer(chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString("utf8")).slice(-STDERR_KEPT);
    });
    // A closed stdin is reported by the exit that follows, with git's own reason on stderr.
    child.stdin.on("error", () => undefined);
    const end = (code: number | null, why: string) => {
      if (this.ended) return;
      this.ended = true;
      onEnd();
      const error = new PlumbingExit(command, code, why);
      for (const w of this.waiting.splice(0)) w.reject(error);
    };
    child.on("error", (e) => end(null, e.message));
    child.on("close", (code) => end(code, this.stderr));
    this.hold(false);
  }

  request<T>(input: string | Buffer, read: AnswerReader<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ read, resolve: resolve as (v: unknown) => void, reject });
      this.hold(true);
      this.child.stdin.write(input);
    });
  }

  private answer(chunk: Buffer): void {
    this.out = this.out.length === 0 ? chunk : Buffer.concat([this.out, chunk]);
    while (this.waiting.length > 0) {
      const answer = this.waiting[0]!.read(this.out);
      if (!answer) break;
      this.out = this.out.subarray(answer.used);
      this.waiting.shift()!.resolve(answer.value);
    }
    if (this.waiting.length === 0) this.hold(false);
  }

  /** A process waiting for nothing must not keep Node running; one with an answer due must. */
  private hold(busy: boolean): void {
    const c = this.child;
    for (const handle of [c, c.stdin, c.stdout, c.stderr] as { ref?: () => void; unref?: () => void }[]) {
      if (busy) handle.ref?.();
      else handle.unref?.();
    }
  }
}

export class PlumbingProcess {
  private running: Promise<Running> | undefined;

  constructor(
    private readonly git: Git,
    private readonly args: string[],
  ) {}

  /** Writes `input`, then resolves with what `read` takes from the output (answers come in request order). */
  async request<T>(input: string | Buffer, read: AnswerReader<T>): Promise<T> {
    let running = await this.start();
    // It may have ended meanwhile (a request before this one was refused): then this one gets a new process.
    while (running.ended) running = await this.start();
    return running.request(input, read);
  }

  /** Ends the process (it exits at the end of its input); a later request starts a new one. */
  close(): void {
    const running = this.running;
    this.running = undefined;
    void running?.then((r) => r.child.stdin.end(), () => undefined);
  }

  private start(): Promise<Running> {
    if (this.running) return this.running;
    const started: Promise<Running> = this.git.spawn(this.args).then(
      (child) =>
        new Running(child, this.args.join(" "), () => {
          if (this.running === started) this.running = undefined;
        }),
      (e: unknown) => {
        if (this.running === started) this.running = undefined;
        throw e;
      },
    );
    this.running = started;
    return started;
  }
}

/** An answer that is one line (without its newline). */
export const line: AnswerReader<string> = (out) => {
  const end = out.indexOf(10);
  return end < 0 ? undefined : { value: out.subarray(0, end).toString("utf8"), used: end + 1 };
};

/** `n` one-line answers. */
export function lines(n: number): AnswerReader<string[]> {
  return (out) => {
    const value: string[] = [];
    let used = 0;
    for (let i = 0; i < n; i++) {
      const next = line(out.subarray(used));
      if (!next) return undefined;
      value.push(next.value);
      used += next.used;
    }
    return { value, used };
  };
}
