// The npm package as a user gets it: `npm pack`, then `npm install -g <tarball>` into a clean prefix with a
// registry that cannot be reached (dist/ bundles every runtime dependency, so none is fetched), then the
// installed `tdd-waves`: --version, --help, every command's --help, `plan` and `run` in a real repository.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gitEnv, makeRepo, planFiles } from "../support/repo.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const work = mkdtempSync(join(tmpdir(), "tdd-waves-pack-"));
const prefix = join(work, "prefix");
const bin = join(prefix, "bin", "tdd-waves");
afterAll(() => rmSync(work, { recursive: true, force: true }));

const npmEnv = {
  ...process.env,
  // A cache of its own and a registry nobody answers: anything the install tried to download would fail.
  npm_config_cache: join(work, "cache"),
  npm_config_registry: "http://127.0.0.1:9/",
  npm_config_audit: "false",
  npm_config_fund: "false",
  npm_config_update_notifier: "false",
};

function tdd(args: string[], cwd: string) {
  const r = spawnSync(bin, args, { cwd, encoding: "utf8", env: { ...process.env, ...gitEnv, CI: "true", PATH: `${join(prefix, "bin")}:${process.env.PATH}` } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  execFileSync("npm", ["pack", "--ignore-scripts", "--pack-destination", work], { cwd: ROOT, env: npmEnv, stdio: "ignore" });
  const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"));
  if (!tarball) throw new Error("npm pack made no tarball");
  execFileSync("npm", ["install", "-g", "--offline", "--prefix", prefix, join(work, tarball)], { cwd: work, env: npmEnv, stdio: "pipe" });
}, 120_000);

describe("the installed package", () => {
  it("ships the bundles, the docs, the schema and the workflows, and no runtime dependency", () => {
    const pkg = join(prefix, "lib", "node_modules", "tdd-waves");
    for (const f of ["dist/cli/index.js", "dist/index.js", "dist/cli/tdd-waves.yml", "action.yml", "plan.schema.json", "README.md", "docs/plan.md"]) {
      expect(existsSync(join(pkg, f)), f).toBe(true);
    }
    expect(existsSync(join(pkg, "node_modules"))).toBe(false);
    expect(JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).dependencies).toBeUndefined();
  });

  it("answers --version, --help and every command's --help", () => {
    const dir = work;
    const version = tdd(["--version"], dir);
    expect(version.stdout).toBe(`tdd-waves ${JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version}\n`);
    expect(tdd(["--help"], dir).stdout).toContain("Usage: tdd-waves <command>");
    for (const command of ["init", "plan", "run", "status", "gantt", "report", "dispatch"]) {
      const r = tdd([command, "--help"], dir);
      expect(r.code, `${command} --help: ${r.stderr}`).toBe(0);
      expect(r.stdout, command).toMatch(new RegExp(`Usage: tdd-waves ${command}`));
    }
  });

  it("validates and runs a plan, and init writes a repository's set-up", () => {
    const repo = makeRepo(planFiles("packed", [{ id: "a-001" }, { id: "b-001", dependsOn: ["a-001"] }]));
    try {
      const plan = tdd(["plan", "plan.yml"], repo.dir);
      expect(plan.code, plan.stderr).toBe(0);
      expect(plan.stdout).toContain("2 stories in 2 waves");
      const run = tdd(["run", "plan.yml", "--no-color"], repo.dir);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toMatch(/Wave 2\n {2}b-001 +[-=]+/);
      const init = tdd(["init"], repo.dir);
      expect(init.code, init.stderr).toBe(0);
      expect(readFileSync(join(repo.dir, ".github/workflows/tdd-waves.yml"), "utf8")).toContain("uses: tdd-waves/tdd-waves@v0");
    } finally {
      repo.cleanup();
    }
  }, 60_000);
});
