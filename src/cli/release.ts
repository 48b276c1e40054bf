// This release of tdd-waves as users refer to it: the action reference the workflows written by `init` use,
// and the shipped workflows themselves (.github/workflows/, the ones this repository tests and runs).
import { readFileSync } from "node:fs";
import type { ActionReference } from "../core/init/starter.js";

/**
 * The released action: its repository and the moving major-version tag (`v0` while the version is 0.x).
 * One place to change for a fork; `tdd-waves init --action owner/name@ref` overrides it per repository.
 * test/integration/init.test.ts checks the tag against package.json's major version.
 */
export const ACTION_REFERENCE: ActionReference = { repository: "tdd-waves/tdd-waves", ref: "v0" };

export const SHIPPED_WORKFLOWS = ["tdd-waves.yml", "tdd-waves-command.yml"] as const;

/**
 * A shipped workflow's text. The paths are literal so that the bundler copies the files beside the bundle
 * (dist/cli/): the installed package carries the very workflows this repository runs.
 */
export function shippedWorkflow(file: (typeof SHIPPED_WORKFLOWS)[number]): string {
  return file === "tdd-waves.yml"
    ? readFileSync(new URL("../../.github/workflows/tdd-waves.yml", import.meta.url), "utf8")
    : readFileSync(new URL("../../.github/workflows/tdd-waves-command.yml", import.meta.url), "utf8");
}
