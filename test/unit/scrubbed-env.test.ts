// Before agents or the repository's tests run, nothing in the action's environment may grant access.
import { describe, expect, it } from "vitest";
import { scrubEnvironment } from "../../src/action/scrubbed-env.js";

describe("scrubEnvironment", () => {
  it("removes inputs, the runner's credentials and GitHub tokens; keeps the rest (agents' own keys included)", () => {
    const env: NodeJS.ProcessEnv = {
      INPUT_TOKEN: "ghs_x", "INPUT_STATE-BRANCH": "s", ACTIONS_RUNTIME_TOKEN: "r", ACTIONS_ID_TOKEN_REQUEST_TOKEN: "o",
      ACTIONS_ID_TOKEN_REQUEST_URL: "u", ACTIONS_CACHE_URL: "c", ACTIONS_RESULTS_URL: "x", GITHUB_TOKEN: "g", GH_TOKEN: "h",
      ANTHROPIC_API_KEY: "k", GITHUB_WORKSPACE: "/w", GITHUB_REF_NAME: "b", PATH: "/bin", ACTIONS_STEP_DEBUG: "true",
    };
    expect(scrubEnvironment(env).sort()).toEqual([
      "ACTIONS_CACHE_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_RESULTS_URL", "ACTIONS_RUNTIME_TOKEN",
      "GH_TOKEN", "GITHUB_TOKEN", "INPUT_STATE-BRANCH", "INPUT_TOKEN",
    ]);
    expect(env).toEqual({ ANTHROPIC_API_KEY: "k", GITHUB_WORKSPACE: "/w", GITHUB_REF_NAME: "b", PATH: "/bin", ACTIONS_STEP_DEBUG: "true" });
  });
});
