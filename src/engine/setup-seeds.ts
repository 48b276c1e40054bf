// Setup once per set of inputs in a local run, when the plan says its kept paths are relocatable (setup
// `relocatable: true`): the first working copy that needs setup for a fingerprint runs it; its kept paths are
// then copied, before any agent works there, into every working copy waiting for the same fingerprint and
// aside (a seed), all at once; a working copy that needs the fingerprint later gets a copy of the seed. A
// run's first wave of N stories then pays one install, not N at once on the same cores.
import { join } from "node:path";
import type { Preparation } from "./ports.js";

/** A working copy waiting for the setup of its fingerprint: where to copy, and how to say whether it went. */
interface Waiting {
  dir: string;
  filled: (ok: boolean) => void;
}

export class SetupSeeds {
  /** Per fingerprint: the seed's folder once made, undefined when making it failed. */
  private readonly seeds = new Map<string, Promise<string | undefined>>();
  /** Per fingerprint whose setup runs: the working copies waiting for it, and how to hand on its seed. */
  private readonly making = new Map<string, { waiting: Waiting[]; hand: (seed: string | undefined) => void }>();

  constructor(
    private readonly preparation: Pick<Preparation, "copyKept" | "removeFolder">,
    private readonly root: string,
    private readonly paths: readonly string[],
  ) {}

  /**
   * Fills `dir` for `fingerprint`, waiting while another working copy runs its setup: true. False when there
   * is nothing to fill it from: the caller runs setup, then calls `made` (the first caller for a fingerprint).
   */
  async fill(fingerprint: string, dir: string): Promise<boolean> {
    const seed = this.seeds.get(fingerprint);
    if (seed === undefined) {
      this.seeds.set(fingerprint, new Promise((hand) => this.making.set(fingerprint, { waiting: [], hand })));
      return false;
    }
    const making = this.making.get(fingerprint);
    if (making) return new Promise((filled) => making.waiting.push({ dir, filled }));
    const from = await seed;
    return from !== undefined && (await this.preparation.copyKept(from, dir, this.paths)) === undefined;
  }

  /**
   * Setup ran in `dir` for `fingerprint` (undefined: it failed). Its kept paths go to the working copies waiting
   * and to the seed at once (one copy's time, not two in a row); the caller's agents start once they are done.
   */
  async made(fingerprint: string, dir: string | undefined): Promise<void> {
    const making = this.making.get(fingerprint);
    if (!making) return;
    this.making.delete(fingerprint);
    const seed = join(this.root, `seed-${fingerprint.slice(0, 16)}`);
    const copied =
      dir === undefined
        ? [false, ...making.waiting.map(() => false)]
        : await Promise.all([seed, ...making.waiting.map((w) => w.dir)].map(async (to) => (await this.preparation.copyKept(dir, to, this.paths)) === undefined));
    making.waiting.forEach((w, i) => w.filled(copied[i + 1]!));
    if (!copied[0]) this.seeds.delete(fingerprint);
    making.hand(copied[0] ? seed : undefined);
  }

  /** Removes every seed (at the end of a run, and at its start: a killed run's). */
  async clear(): Promise<void> {
    await this.preparation.removeFolder(this.root);
  }
}
