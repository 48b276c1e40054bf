// Working copies for the plan's setup (issue 10): where they live, what setup is taken to depend on, what a
// reset keeps, and the untracked files copied in from the main checkout.
import { afterEach, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { git, makeRepo, type TempRepo } from "../support/repo.js";
import { Git } from "../../src/adapters/git.js";
import { preparation, setupInputs, workingCopiesRoot } from "../../src/adapters/working-copies.js";

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function repo(files: Record<string, string>): string {
  const r = makeRepo(files, { agents: false });
  repos.push(r);
  return realpathSync(r.dir);
}

const prep = preparation((dir) => new Git({ cwd: dir }));

describe("working copies", () => {
  it("live in a per-repository folder of the user's cache, or of the temporary directory when the cache is inside the repository", async () => {
    const dir = repo({ "a.txt": "a" });
    const cache = mkdtempSync(join(tmpdir(), "tdd-waves-cache-"));
    try {
      const root = await workingCopiesRoot(dir, join(dir, ".git"), { XDG_CACHE_HOME: cache });
      expect(root.startsWith(join(cache, "tdd-waves", `${dir.split("/").at(-1)}-`))).toBe(true);
      expect(await workingCopiesRoot(dir, join(dir, ".git"), { XDG_CACHE_HOME: cache })).toBe(root);
      const inside = await workingCopiesRoot(dir, join(dir, ".git"), { XDG_CACHE_HOME: join(dir, ".cache") });
      expect(inside.startsWith(join(realpathSync(tmpdir()), "tdd-waves"))).toBe(true);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it("take setup to depend on the files at the root and on manifests and lock files anywhere, not on sources or the stories' files", () => {
    const paths = ["package.json", "README.md", "src/a.ts", "packages/x/package.json", "packages/x/src/b.ts", "py/requirements-dev.txt", "test/a.test.ts", "top.test.ts"];
    expect(setupInputs(paths, new Set(["top.test.ts"]))).toEqual(["package.json", "README.md", "packages/x/package.json", "py/requirements-dev.txt"]);
  });

  it("fingerprint: the same while only sources change, another once a lock file or the command changes", async () => {
    const dir = repo({ "package-lock.json": "{}", "src/a.ts": "1" });
    const g = (...args: string[]) => git(dir, ...args);
    const first = await prep.fingerprint(dir, "HEAD", "npm ci", []);
    writeFileSync(join(dir, "src/a.ts"), "2");
    g("commit", "-qam", "source");
    expect(await prep.fingerprint(dir, "HEAD", "npm ci", [])).toBe(first);
    expect(await prep.fingerprint(dir, "HEAD", "npm install", [])).not.toBe(first);
    writeFileSync(join(dir, "package-lock.json"), '{"v":2}');
    g("commit", "-qam", "lock");
    expect(await prep.fingerprint(dir, "HEAD", "npm ci", [])).not.toBe(first);
  });

  it("a reset keeps the untracked paths it is told to keep, at the root only", async () => {
    const dir = repo({ "a.txt": "a" });
    for (const d of ["deps", "sub/deps", "other"]) {
      mkdirSync(join(dir, d), { recursive: true });
      writeFileSync(join(dir, d, "f"), "x");
    }
    await new Git({ cwd: dir }).resetTo("main", "HEAD", ["deps"]);
    expect(["deps/f", "sub/deps/f", "other/f"].filter((p) => existsSync(join(dir, p)))).toEqual(["deps/f"]);
  });

  it("copy: untracked, ignored files of the main checkout; anything else refused with a reason", async () => {
    const main = repo({ ".gitignore": ".env.test\nsecrets/\nlink\n", "tracked.txt": "t" });
    const copy = repo({ ".gitignore": ".env.test\nsecrets/\nlink\n", "tracked.txt": "t" });
    writeFileSync(join(main, ".env.test"), "KEY=1");
    mkdirSync(join(main, "secrets"));
    writeFileSync(join(main, "secrets", "k"), "k");
    writeFileSync(join(main, "loose.txt"), "l");
    symlinkSync("/etc/hostname", join(main, "link"));
    expect(await prep.copyFiles(main, copy, [".env.test", "secrets"])).toBeUndefined();
    expect(existsSync(join(copy, ".env.test")) && existsSync(join(copy, "secrets", "k"))).toBe(true);
    expect(await prep.copyFiles(main, copy, ["missing"])).toBe(`copy: missing is not in the main checkout (${main})`);
    expect(await prep.copyFiles(main, copy, ["tracked.txt"])).toBe("copy: tracked.txt is tracked in the repository: copy is for untracked files");
    expect(await prep.copyFiles(main, copy, ["loose.txt"])).toBe("copy: loose.txt is not ignored by git (.gitignore): it would be committed with the story's work");
    expect(await prep.copyFiles(main, copy, ["link"])).toMatch(/^copy: link leads out of the main checkout \(to .*\) through a symbolic link: refused$/);
  });
});

describe("copies of setup's relocatable kept paths", () => {
  const temps: string[] = [];
  afterEach(() => {
    for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
  });
  const temp = () => {
    const t = realpathSync(mkdtempSync(join(tmpdir(), "tdd-waves-kept-")));
    temps.push(t);
    return t;
  };

  it("replace each path whole, keep links as links, and remove a path the source lacks", async () => {
    const from = temp();
    const to = temp();
    mkdirSync(join(from, "node_modules", "pkg"), { recursive: true });
    mkdirSync(join(from, "node_modules", ".bin"), { recursive: true });
    writeFileSync(join(from, "node_modules", "pkg", "index.js"), "new\n");
    symlinkSync("../pkg/index.js", join(from, "node_modules", ".bin", "pkg"));
    mkdirSync(join(to, "node_modules", "old"), { recursive: true });
    writeFileSync(join(to, "node_modules", "old", "stale.js"), "stale\n");
    mkdirSync(join(to, "vendor"), { recursive: true });
    writeFileSync(join(to, "vendor", "x"), "x\n");

    expect(await prep.copyKept(from, to, ["node_modules", "vendor"])).toBeUndefined();
    expect(readFileSync(join(to, "node_modules", "pkg", "index.js"), "utf8")).toBe("new\n");
    expect(existsSync(join(to, "node_modules", "old"))).toBe(false);
    expect(readlinkSync(join(to, "node_modules", ".bin", "pkg"))).toBe("../pkg/index.js");
    expect(existsSync(join(to, "vendor"))).toBe(false);
    // The source is untouched.
    expect(readFileSync(join(from, "node_modules", "pkg", "index.js"), "utf8")).toBe("new\n");
  });

  it("never write through a link that leads out of the destination", async () => {
    const from = temp();
    const to = temp();
    const elsewhere = temp();
    mkdirSync(join(from, "deps", "lib"), { recursive: true });
    writeFileSync(join(from, "deps", "lib", "a.js"), "a\n");
    symlinkSync(elsewhere, join(to, "deps"));
    writeFileSync(join(elsewhere, "keep.txt"), "mine\n");
    expect(await prep.copyKept(from, to, ["deps/lib"])).toMatch(/^deps\/lib would be written out of .* refused$/);
    expect(readFileSync(join(elsewhere, "keep.txt"), "utf8")).toBe("mine\n");
    expect(existsSync(join(elsewhere, "lib"))).toBe(false);
  });
});
