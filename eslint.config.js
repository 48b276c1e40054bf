// Lint rules that guard the architecture: src/core is pure (no I/O, no process, no network, no Actions runtime).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const ioModules = [
  "fs", "node:fs", "fs/promises", "node:fs/promises", "child_process", "node:child_process",
  "net", "node:net", "http", "node:http", "https", "node:https", "dgram", "node:dgram",
  "worker_threads", "node:worker_threads", "os", "node:os", "process", "node:process",
];

export default tseslint.config(
  { ignores: ["dist/**", "dist.*/**", "build/**", "node_modules/**", "coverage/**", "examples/**/node_modules/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly", Buffer: "readonly", setInterval: "readonly", clearInterval: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: ioModules.map((name) => ({ name, message: "src/core is pure: do I/O in src/adapters and pass results in." })),
        patterns: [
          { group: ["@actions/*", "@octokit/*"], message: "src/core is pure: the Actions runtime and GitHub API belong in src/adapters or src/action." },
          { group: ["../adapters/*", "../engine/*", "../action/*", "../cli/*"], message: "src/core depends on nothing outside src/core." },
        ],
      }],
      "no-restricted-globals": ["error",
        { name: "process", message: "src/core is pure: take values as parameters." },
        { name: "fetch", message: "src/core is pure: no network." },
      ],
    },
  },
);
