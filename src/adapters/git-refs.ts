// Moving refs only through git: one long-lived `git update-ref --stdin` runs each change as a transaction
// (`start`, `update <ref> <new> <old>`, `prepare`, `commit`), so git takes and releases the lock, checks the
// old value (compare-and-swap), runs the reference-transaction hook and writes the reflog with the
// repository's modes. A lock held by another process is waited for, up to a bound (git's own
// core.filesRefLockTimeout), then reported with its path; it is never deleted.
import { lines, PlumbingExit, PlumbingProcess } from "./git-plumbing-process.js";
import type { Git } from "./git.js";

/** The ref's lock file stayed held by another process for longer than the bound. */
export class RefLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly waitedMs: number,
  ) {
    super(`${lockFile} is held by another git process (waited ${waitedMs} ms); if no git process is running any more, remove that file`);
    this.name = "RefLockedError";
  }
}

/** Git refused the change for another reason than a lost race (a hook, a name clash, …). */
export class RefUpdateError extends Error {
  constructor(ref: string, stderr: string) {
    super(`git refused to update ${ref}: ${stderr.replace(/^fatal: /gm, "").trim()}`);
    this.name = "RefUpdateError";
  }
}

/** Git's words for "the ref is not at the old value you gave": a lost compare-and-swap. */
const MOVED = /but expected|reference already exists|reference is missing|unable to resolve reference/i;
const LOCKED = /Unable to create '([^']+\.lock)': File exists/;

export interface RefTransactionOptions {
  /** How long git waits for a ref lock held by another process (core.filesRefLockTimeout). */
  lockTimeoutMs: number;
  /** The reflog message of every change. */
  reflogMessage: string;
}

export class RefTransactions {
  private readonly process: PlumbingProcess;

  constructor(
    git: Git,
    private readonly opts: RefTransactionOptions,
  ) {
    const timeout = Math.max(0, Math.round(opts.lockTimeoutMs));
    this.process = new PlumbingProcess(git, ["-c", `core.filesRefLockTimeout=${timeout}`, "update-ref", "-m", opts.reflogMessage, "--stdin"]);
  }

  /** Moves `ref` to `next` only if it is at `expected` (null: only if it does not exist); false when it is not. */
  compareAndSwap(ref: string, next: string, expected: string | null): Promise<boolean> {
    return this.transaction(ref, `update ${ref} ${next} ${expected ?? "0".repeat(next.length)}\n`);
  }

  async delete(ref: string): Promise<void> {
    await this.transaction(ref, `delete ${ref}\n`);
  }

  close(): void {
    this.process.close();
  }

  private async transaction(ref: string, commands: string): Promise<boolean> {
    if (/[\s]/.test(ref) || ref.startsWith("-")) throw new Error(`invalid ref for git: "${ref}"`);
    try {
      // A refused step ends the process (git dies on it): its stderr says why, and the next change starts another.
      await this.process.request(`start\n${commands}prepare\ncommit\n`, lines(3));
      return true;
    } catch (e) {
      if (!(e instanceof PlumbingExit)) throw e;
      if (MOVED.test(e.stderr)) return false;
      const locked = LOCKED.exec(e.stderr);
      if (locked) throw new RefLockedError(locked[1]!, this.opts.lockTimeoutMs);
      throw new RefUpdateError(ref, e.stderr || e.message);
    }
  }
}
