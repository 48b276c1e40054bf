// Working copies of the local runner: one git worktree per story running at the same time, handed on to
// the next story (a checkout and a clean: as good as new, and many times cheaper than a new worktree),
// all removed when the run ends.
import { join } from "node:path";
import type { Repository, WorkingCopy } from "./ports.js";

export class WorktreeSlots {
  private readonly free: string[] = [];
  private readonly made = new Set<string>();
  private count = 0;
  /** `git worktree add` reads every other worktree's records: two at once may find one half made. */
  private adding: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly repo: Repository,
    private readonly workingCopy: (dir: string) => WorkingCopy,
    private readonly root: string,
  ) {}

  /** Removes the worktrees an earlier run of this plan left behind (killed before it could), then prunes. */
  async clear(): Promise<void> {
    for (const dir of await this.repo.worktreesUnder(this.root)) await this.repo.removeWorktree(dir);
    await this.repo.pruneWorktrees();
  }

  /** A working copy with `branch` checked out, (re)set to `startPoint`, with nothing else in it. */
  async checkout(branch: string, startPoint: string): Promise<string> {
    const reused = this.free.pop();
    if (reused !== undefined) {
      try {
        await this.workingCopy(reused).resetTo(branch, startPoint);
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

  release(dir: string): void {
    this.free.push(dir);
  }

  /** Removes every worktree this run made. */
  async removeAll(): Promise<void> {
    for (const dir of [...this.made]) await this.remove(dir);
  }

  private async remove(dir: string): Promise<void> {
    this.made.delete(dir);
    await this.repo.removeWorktree(dir);
  }
}
