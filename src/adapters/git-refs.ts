// Reading a ref and moving it by compare-and-swap in-process, in the "files" ref backend's own format and
// with its lock-file protocol (`<ref>.lock` created exclusively, checked, renamed into place), so that
// it interleaves safely with git processes doing the same. What it cannot read with certainty (a
// symbolic ref, an odd file, another ref backend) it leaves to git.
import { access, appendFile, link, mkdir, open, readFile, rename, stat, unlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Git } from "./git.js";

export interface RefStore {
  /** The object id `ref` (a full name, `refs/…`) points at, or null when it does not exist. */
  read(ref: string): Promise<string | null>;
  /** Moves `ref` to `next` only if it is still at `expected` (null: only if it does not exist). False when it moved or was locked. */
  compareAndSwap(ref: string, next: string, expected: string | null, message: string): Promise<boolean>;
}

export function gitProcessRefs(git: Git): RefStore {
  return {
    read: (ref) => git.revParse(`${ref}^{commit}`),
    compareAndSwap: (ref, next, expected) => git.updateRef(ref, next, expected),
  };
}

export interface RefLayout {
  /** The repository's common git directory, where shared refs live. */
  commonDir: string;
  /** Whether git keeps reflogs of branches here by default (a non-bare repository). */
  logBranches: boolean;
  /** `Name <email>` for reflog entries. */
  committer: string;
}

const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** Not for us to interpret: git will. */
const UNSURE = Symbol("ask git");

async function readText(path: string): Promise<string | null | typeof UNSURE> {
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? null : UNSURE;
  }
}

/**
 * A ref is locked for milliseconds; a lock this old was left by a writer that died holding it (kill -9).
 * Git leaves such locks for the user to delete; an execution that resumes after a kill cannot wait for that.
 */
export const STALE_LOCK_MS = 5_000;

/**
 * Clears `lock` if it is stale. It is moved aside first and deleted only if what was moved is the file
 * found stale; a fresh lock moved aside by a race of microseconds is put back.
 */
async function clearStaleLock(lock: string, now = Date.now()): Promise<void> {
  let found;
  try {
    found = await stat(lock);
  } catch {
    return;
  }
  if (now - found.mtimeMs < STALE_LOCK_MS) return;
  const aside = `${lock}.stale-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    await rename(lock, aside);
  } catch {
    return;
  }
  const moved = await stat(aside);
  if (moved.ino !== found.ino || moved.dev !== found.dev) await link(aside, lock).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

export function looseRefs(layout: RefLayout, fallback: RefStore, stamp: () => string): RefStore {
  async function current(ref: string): Promise<string | null | typeof UNSURE> {
    const loose = await readText(join(layout.commonDir, ref));
    if (loose === UNSURE) return UNSURE;
    if (loose !== null) {
      const id = loose.trim();
      return OBJECT_ID.test(id) ? id : UNSURE;
    }
    const packed = await readText(join(layout.commonDir, "packed-refs"));
    if (packed === UNSURE) return UNSURE;
    for (const line of (packed ?? "").split("\n")) {
      if (line.endsWith(` ${ref}`) && !line.startsWith("#") && !line.startsWith("^")) {
        const id = line.slice(0, line.indexOf(" "));
        return OBJECT_ID.test(id) ? id : UNSURE;
      }
    }
    return null;
  }

  /** The reflog is kept where git would keep it: a log that exists, or a branch's in a non-bare repository. */
  async function appendReflog(ref: string, entry: string): Promise<void> {
    const log = join(layout.commonDir, "logs", ref);
    const always = layout.logBranches && ref.startsWith("refs/heads/");
    try {
      if (always) await mkdir(dirname(log), { recursive: true });
      else await access(log);
      await appendFile(log, entry);
    } catch {
      // A reflog is a convenience; the ref itself is what counts.
    }
  }

  return {
    async read(ref) {
      const id = await current(ref);
      return id === UNSURE ? fallback.read(ref) : id;
    },

    async compareAndSwap(ref, next, expected, message) {
      const path = join(layout.commonDir, ref);
      const lock = `${path}.lock`;
      let handle;
      try {
        await mkdir(dirname(path), { recursive: true });
      } catch {
        return fallback.compareAndSwap(ref, next, expected, message);
      }
      try {
        handle = await open(lock, "wx");
      } catch (e) {
        // Locked: somebody is writing it right now, which is a lost race (or a writer was killed while
        // holding it: the lock is cleared then, and the retry finds it free). Anything else, git explains.
        if ((e as NodeJS.ErrnoException).code === "EEXIST") {
          await clearStaleLock(lock);
          return false;
        }
        return fallback.compareAndSwap(ref, next, expected, message);
      }
      let held = true;
      const release = async () => {
        await handle.close().catch(() => undefined);
        if (held) await unlink(lock).catch(() => undefined);
        held = false;
      };
      try {
        const found = await current(ref);
        if (found === UNSURE) {
          await release();
          return fallback.compareAndSwap(ref, next, expected, message);
        }
        if (found !== expected) return false;
        await handle.writeFile(`${next}\n`);
        await handle.close();
        await appendReflog(ref, `${expected ?? "0".repeat(next.length)} ${next} ${layout.committer} ${stamp()}\t${message.split("\n")[0]}\n`);
        try {
          await rename(lock, path);
        } catch (e) {
          // Our lock was taken for stale and cleared while we held it: the ref is untouched, try again.
          if ((e as NodeJS.ErrnoException).code === "ENOENT") return false;
          throw e;
        }
        held = false;
        return true;
      } finally {
        await release();
      }
    },
  };
}
