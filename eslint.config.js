// Lint rules that guard the architecture. Layers, from the inside out:
//   src/core      pure rules: no I/O, no process, no network, no Actions runtime, no dynamic loading
//   src/adapters  the edges (git, files, processes, GitHub): may use core, and implement the engine's ports
//   src/engine    the wave loop: uses core and its own ports; never a concrete adapter, the file system or a process
//   src/action, src/cli  translate inputs and outputs: may use everything above, never each other
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { builtinModules } from "node:module";

// Every Node built-in, with and without the node: prefix: core may use none of them (not even path or util,
// whose behaviour depends on the platform).
const builtins = builtinModules.filter((name) => !name.startsWith("_"));
const nodeModules = [...builtins, ...builtins.map((name) => `node:${name}`)];
const layer = (message, group) => ({ group, message });
// The engine's file system and processes are its ports' business.
const engineEdges = ["fs", "fs/promises", "child_process"].flatMap((name) => [name, `node:${name}`]);

// Bans that no-restricted-imports cannot see: dynamic import() and require made by hand.
const noDynamicLoading = (where) => [
  { selector: "ImportExpression", message: `${where}: no dynamic import(); import statically so the layer rules see it.` },
  { selector: "CallExpression[callee.name='createRequire']", message: `${where}: no createRequire.` },
  { selector: "CallExpression[callee.name='require']", message: `${where}: no require.` },
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
        paths: nodeModules.map((name) => ({ name, message: "src/core is pure: do I/O in src/adapters and pass results in." })),
        patterns: [
          layer("src/core is pure: the Actions runtime and GitHub API belong in src/adapters or src/action.", ["@actions/*", "@octokit/*"]),
          layer("src/core is pure: no Node built-ins.", ["node:*"]),
          layer("src/core depends on nothing outside src/core.", ["**/adapters/**", "**/engine/**", "**/action/**", "**/cli/**", "../../*", "!../../core/**"]),
        ],
      }],
      "no-restricted-syntax": ["error", ...noDynamicLoading("src/core is pure")],
      "no-restricted-globals": ["error",
        { name: "process", message: "src/core is pure: take values as parameters." },
        { name: "fetch", message: "src/core is pure: no network." },
        { name: "require", message: "src/core is pure: no require." },
      ],
    },
  },
  {
    files: ["src/adapters/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          layer("src/adapters may use src/core and implement the engine's ports (engine/ports.js), nothing else of the engine.", ["**/engine/*", "!**/engine/ports.js"]),
          layer("src/adapters never use src/action or src/cli.", ["**/action/**", "**/cli/**"]),
        ],
      }],
    },
  },
  {
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: engineEdges.map((name) => ({ name, message: "src/engine reaches files and processes only through its ports (engine/ports.ts)." })),
        patterns: [
          layer("src/engine never uses a concrete adapter: it is given ports (engine/ports.ts), wired in src/adapters/default-ports.ts.", ["**/adapters/**"]),
          layer("src/engine never uses src/action or src/cli.", ["**/action/**", "**/cli/**"]),
          layer("src/engine never uses the Actions runtime or GitHub API directly: take an adapter through its ports.", ["@actions/*", "@octokit/*"]),
        ],
      }],
    },
  },
  {
    // The CLI bundle's CommonJS entry (src/cli/bin.cjs says why): one require of the TypeScript entry.
    files: ["src/cli/bin.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["src/action/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [layer("src/action and src/cli never use each other.", ["**/cli/**"])] }] },
  },
  {
    files: ["src/cli/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [layer("src/action and src/cli never use each other.", ["**/action/**", "@actions/*"])] }] },
  },
);
