// Setup once per set of inputs in a local run, when the plan says its kept paths are relocatable (setup
// `relocatable: true`): the first working copy that needs setup for a fingerprint runs it, and its kept paths
// are copied aside at once, before any agent works there (a seed); every working copy that needs the same
// fingerprint, meanwhile or later, gets a copy of the seed instead of a setup of its own. A run's first wave
// of N stories then pays one install, not N at once on the same cores.
import { join } from "node:path";
import type { Preparation } from "./ports.js";

export class SetupSeeds {
  /** Per fingerprint: the seed's folder once made, undefined when making it failed. */
  private readonly seeds = new Map<string, Promise<string | undefined>>();
  /** Per fingerprint being made: how to hand its outcome to the working copies waiting for it. */
  private readonly making = new Map<string, (seed: string | undefined) => void>();

  constructor(
    private readonly preparation: Pick<Preparation, "copyKept" | "removeFolder">,
    private readonly root: string,
    private readonly paths: readonly string[],
  ) {}

  /**
   * Fills `dir` from the seed for `fingerprint`, waiting while another working copy makes it: true. False when
   * there is none: the caller runs setup, then calls `made` (the first caller for a fingerprint makes it).
   */
  async fill(fingerprint: string, dir: string): Promise<boolean> {
    const seed = this.seeds.get(fingerprint);
    if (seed === undefined) {
      this.seeds.set(fingerprint, new Promise((resolve) => this.making.set(fingerprint, resolve)));
      return false;
    }
    const from = await seed;
    return from !== undefined && (await this.preparation.copyKept(from, dir, this.paths)) === undefined;
  }

  /** Setup ran in `dir` for `fingerprint` (undefined: it failed): the seed is copied from it, or the next one tries. */
  async made(fingerprint: string, dir: string | undefined): Promise<void> {
    const hand = this.making.get(fingerprint);
    if (!hand) return;
    this.making.delete(fingerprint);
    const seed = join(this.root, `seed-${fingerprint.slice(0, 16)}`);
    const copied = dir !== undefined && (await this.preparation.copyKept(dir, seed, this.paths)) === undefined;
    if (!copied) this.seeds.delete(fingerprint);
    hand(copied ? seed : undefined);
  }

  /** Removes every seed (at the end of a run, and at its start: a killed run's). */
  async clear(): Promise<void> {
    await this.preparation.removeFolder(this.root);
  }
}
