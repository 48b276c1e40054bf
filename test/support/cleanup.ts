// Run before every test file (vitest.config.ts setupFiles): what the code under test keeps for its process's
// lifetime is released after the file, because vitest's workers outlive files and are stopped without an exit.
import { afterAll } from "vitest";
import { releaseHandOver } from "../../src/adapters/git-objects.js";

afterAll(() => releaseHandOver());
