import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/support/cleanup.ts"],
    // Whole executions run real agents, git and test processes; on two busy cores they take a while.
    testTimeout: 120_000,
    hookTimeout: 30_000,
    // Two cores in CI: integration tests spawn git and node processes of their own.
    maxWorkers: 2,
    reporters: ["default"],
  },
});
