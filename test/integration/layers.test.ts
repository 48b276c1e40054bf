// The architecture's layer rules (eslint.config.js) catch what they promise: each snippet is linted as if it
// stood in the named file, with the project's real configuration.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith("no-restricted")).map((m) => m.message);
}

describe("layer rules", () => {
  it.each([
    ["a node: module", `import { readFileSync } from "node:fs";\nexport const x = readFileSync;`],
    ["a bare built-in", `import { join } from "path";\nexport const x = join;`],
    ["a dynamic import()", `export const load = () => import("./other.js");`],
    ["createRequire", `import { createRequire } from "module";\nexport const r = createRequire("x");`],
    ["require", `export const r = require("fs");`],
    ["process", `export const env = process.env;`],
    ["an adapter", `import { Git } from "../../adapters/git.js";\nexport const g = Git;`],
    ["the engine", `import { x } from "../../engine/local-run.js";\nexport const g = x;`],
    ["the Actions runtime", `import * as core from "@actions/core";\nexport const c = core;`],
  ])("src/core refuses %s", async (_what, code) => {
    expect(await ruleMessages("src/core/plan/example.ts", code)).not.toEqual([]);
  });

  it("src/core may import src/core", async () => {
    expect(await ruleMessages("src/core/render/example.ts", `import { x } from "../state/state.js";\nimport { y } from "./gantt.js";\nexport const z = [x, y];`)).toEqual([]);
  });

  it("src/adapters may implement the engine's ports but use nothing else of it", async () => {
    expect(await ruleMessages("src/adapters/example.ts", `import type { Ports } from "../engine/ports.js";\nexport type P = Ports;`)).toEqual([]);
    expect(await ruleMessages("src/adapters/example.ts", `import { x } from "../engine/local-run.js";\nexport const y = x;`)).not.toEqual([]);
    expect(await ruleMessages("src/adapters/example.ts", `import { x } from "../cli/main.js";\nexport const y = x;`)).not.toEqual([]);
  });

  it.each([
    ["a concrete adapter", `import { Git } from "../adapters/git.js";\nexport const g = Git;`],
    ["a concrete adapter's types", `import type { Git } from "../adapters/git.js";\nexport type G = Git;`],
    ["the file system", `import { rm } from "node:fs/promises";\nexport const r = rm;`],
    ["the file system (bare)", `import { readFileSync } from "fs";\nexport const r = readFileSync;`],
    ["child processes", `import { spawn } from "node:child_process";\nexport const s = spawn;`],
  ])("src/engine refuses %s: it is given ports", async (_what, code) => {
    expect(await ruleMessages("src/engine/example.ts", code)).not.toEqual([]);
  });

  it("src/engine may use its ports and core", async () => {
    expect(await ruleMessages("src/engine/example.ts", `import type { Ports } from "./ports.js";\nimport { x } from "../core/state/state.js";\nexport type P = [Ports, typeof x];`)).toEqual([]);
  });

  it("src/engine never reaches the action, the command line or the Actions runtime", async () => {
    expect(await ruleMessages("src/engine/example.ts", `import { x } from "../action/main.js";\nexport const y = x;`)).not.toEqual([]);
    expect(await ruleMessages("src/engine/example.ts", `import * as core from "@actions/core";\nexport const y = core;`)).not.toEqual([]);
  });

  it("src/action and src/cli never use each other", async () => {
    expect(await ruleMessages("src/action/example.ts", `import { main } from "../cli/main.js";\nexport const y = main;`)).not.toEqual([]);
    expect(await ruleMessages("src/cli/example.ts", `import { main } from "../action/main.js";\nexport const y = main;`)).not.toEqual([]);
  });
});
