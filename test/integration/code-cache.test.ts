// The CLI bundle compiles its chunks from V8's code cache after a command's first run (adapters/code-cache.ts):
// driven through the real bundle, with the cache in a temp XDG_CACHE_HOME. The data must be accepted on the
// next start (an accepted entry is never written again), bad data must cost nothing but speed, and a folder
// that others may write must never be used.
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync, cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { EXAMPLES } from "../support/examples.js";
import { git } from "../support/repo.js";

let repo: string;
let cacheHome: string;
const folderName = `${process.version}-${process.arch}-no-opt`;
const cacheFolder = () => join(cacheHome, "tdd-waves", "code-cache", folderName);
const plan = (env: Record<string, string> = {}) => runCli(["plan", "plan.yml"], repo, { XDG_CACHE_HOME: cacheHome, ...env });

/** Each entry's name with its inode and size: a saved entry is renamed into place, so a new inode means written again. */
function entries(): Map<string, string> {
  const dir = cacheFolder();
  if (!existsSync(dir)) return new Map();
  return new Map(readdirSync(dir).map((name) => {
    const st = statSync(join(dir, name));
    return [name, `${st.ino}:${st.size}`];
  }));
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "tdd-waves-code-cache-"));
  cpSync(EXAMPLES, repo, { recursive: true });
  git(repo, "init", "-q", "-b", "main");
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("the CLI's code cache", () => {
  beforeAll(() => {
    cacheHome = mkdtempSync(join(tmpdir(), "tdd-waves-xdg-"));
  });
  afterAll(() => rmSync(cacheHome, { recursive: true, force: true }));

  it("saves what `plan` compiled, privately, and uses it unchanged on the next start", async () => {
    const first = await plan();
    expect(first.code).toBe(0);
    const saved = entries();
    // The plan command's chunks: the plan reader (yaml, zod) among them, each the size of real compiled code.
    expect(saved.size).toBeGreaterThanOrEqual(2);
    for (const [name, stamp] of saved) {
      expect(name).toMatch(/^\d+\.index\.cjs\.js-0\.\d+\.\d+-\d+-\d+-\d+$/);
      expect(Number(stamp.split(":")[1])).toBeGreaterThan(1000);
      expect(statSync(join(cacheFolder(), name)).mode & 0o777).toBe(0o600);
    }
    expect(statSync(join(cacheHome, "tdd-waves", "code-cache")).mode & 0o777).toBe(0o700);

    const second = await plan();
    expect(second).toEqual(first);
    // Accepted by V8: nothing was saved again.
    expect(entries()).toEqual(saved);
  });

  it("replaces data V8 rejects, with the same output, and then keeps it", async () => {
    const before = await plan();
    const [name] = [...entries().keys()].sort((a, b) => Number(entries().get(b)!.split(":")[1]) - Number(entries().get(a)!.split(":")[1]));
    writeFileSync(join(cacheFolder(), name!), Buffer.alloc(5000, 7));
    const garbage = entries().get(name!);

    const after = await plan();
    expect(after).toEqual(before);
    const replaced = entries().get(name!);
    expect(replaced).not.toBe(garbage);
    expect(replaced!.split(":")[1]).not.toBe("5000");

    await plan();
    expect(entries().get(name!)).toBe(replaced);
  });

  it("removes the same chunk's data from an older build when it saves", async () => {
    await plan();
    const [name] = [...entries().keys()];
    const chunk = name!.slice(0, name!.indexOf("-"));
    const stale = `${chunk}-0.0.1-12-34-56`;
    writeFileSync(join(cacheFolder(), stale), "old build");
    rmSync(join(cacheFolder(), name!));

    expect((await plan()).code).toBe(0);
    expect(entries().has(stale)).toBe(false);
    expect(entries().has(name!)).toBe(true);
  });
});

describe("when the code cache is not used", () => {
  let home: string;
  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), "tdd-waves-xdg-"));
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it("never uses a folder that others may write", async () => {
    cacheHome = join(home, "shared");
    mkdirSync(join(cacheHome, "tdd-waves", "code-cache"), { recursive: true });
    chmodSync(join(cacheHome, "tdd-waves", "code-cache"), 0o777);
    const result = await plan();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Wave");
    expect(readdirSync(join(cacheHome, "tdd-waves", "code-cache"))).toEqual([]);
  });

  it("is off with NODE_DISABLE_COMPILE_CACHE, Node's own switch", async () => {
    cacheHome = join(home, "off");
    const result = await plan({ NODE_DISABLE_COMPILE_CACHE: "1" });
    expect(result.code).toBe(0);
    expect(existsSync(join(cacheHome, "tdd-waves"))).toBe(false);
  });
});
