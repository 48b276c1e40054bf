// Working copies of the local runner: one git worktree per story running at the same time, handed on to
// the next story (a checkout and a clean: as good as new, and many times cheaper than a new worktree),
// all removed when the run ends. A working copy remembers what the plan's setup prepared it for, so that
// the next story skips setup while that still holds (setup-phase.ts).
import { dirname, join } from "node:path";
import type { Repository, WorkingCopy } from "./ports.js";

export class WorktreeSlots {
  private readonly free: string[] = [];
  private readonly made = new Set<string>();
  /** Fingerprint (Preparation.fingerprint) each working copy's kept paths were prepared for by setup. */
  private readonly prepared = new Map<string, string>();
  private count = 0;
  /** `git worktree add` reads every other worktree's records: two at once may find one half made. */
  private adding: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly repo: Repository,
    private readonly workingCopy: (dir: string) => WorkingCopy,
    private readonly root: string,
  ) {}

  /**
   * Removes the worktrees an earlier run of this plan left behind (killed before it could), here and in the
   * `elsewhere` folders (where earlier versions kept them), then prunes.
   */
  async clear(elsewhere: readonly string[] = []): Promise<void> {
    for (const root of [this.root, ...elsewhere]) for (const dir of await this.repo.worktreesUnder(root)) await this.repo.removeWorktree(dir);
    await this.repo.pruneWorktrees();
  }

  /**
   * A working copy with `branch` checked out (null: detached), (re)set to `startPoint`, with nothing else in it
   * but the untracked `keep` paths of a reused one (setup's `reuse`).
   */
  async checkout(branch: string | null, startPoint: string, keep: readonly string[] = []): Promise<string> {
    const reused = this.free.pop();
    if (reused !== undefined) {
      try {
        await this.workingCopy(reused).resetTo(branch, startPoint, keep);
        return reused;
      } catch {
        // Left in a state a checkout cannot undo (say, an agent's half-done rebase): start afresh.
        await this.remove(reused);
      }
    }
    const dir = join(this.root, `slot-${++this.count}`);
    this.made.add(dir);
    // Only the bookkeeping waits its turn; the files are checked out in parallel.
    const add = this.adding.then(() => this.repo.addWorktree(dir, branch, startPoint));
    this.adding = add.catch(() => undefined);
    await add;
    await this.workingCopy(dir).resetTo(branch, startPoint);
    return dir;
  }

  /** What setup last prepared `dir` for (undefined: nothing, or no longer known to hold). */
  preparedFor(dir: string): string | undefined {
    return this.prepared.get(dir);
  }

  setPrepared(dir: string, fingerprint: string | undefined): void {
    if (fingerprint === undefined) this.prepared.delete(dir);
    else this.prepared.set(dir, fingerprint);
  }

  release(dir: string): void {
    this.free.push(dir);
  }

  /** Removes every worktree this run made, and their folders when nothing else is left in them. */
  async removeAll(): Promise<void> {
    for (const dir of [...this.made]) await this.remove(dir);
    // The plan's folder, then the repository's: whatever another run still has in them stays.
    for (const dir of [this.root, dirname(this.root), dirname(dirname(this.root))]) if (!(await this.repo.removeEmptyDirectory(dir))) break;
  }

  private async remove(dir: string): Promise<void> {
    this.made.delete(dir);
    this.prepared.delete(dir);
    await this.repo.removeWorktree(dir);
  }
}
