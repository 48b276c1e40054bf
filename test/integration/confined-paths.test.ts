// Paths confined to a directory, on a real file system: links inside are followed, links out refused,
// whether the link is the file, a directory above it, or a path not created yet.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { confined } from "../../src/adapters/confined-paths.js";
import { textFiles } from "../../src/adapters/text-files.js";
import { PathEscapeError } from "../../src/engine/ports.js";

let base: string;
let repo: string;
let outside: string;
beforeEach(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), "tdd-waves-confined-")));
  repo = join(base, "repo");
  outside = join(base, "outside");
  mkdirSync(join(repo, "stories"), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, "secret.md"), "secret\n");
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe("confined paths", () => {
  it("accept paths inside, existing or not, and links that stay inside", () => {
    symlinkSync(join(repo, "stories"), join(repo, "alias"));
    expect(confined(repo, "stories/a.md")).toBe(join(repo, "stories", "a.md"));
    expect(confined(repo, "new/deep/file.xml")).toBe(join(repo, "new", "deep", "file.xml"));
    expect(confined(repo, "alias/a.md")).toBe(join(repo, "alias", "a.md"));
  });

  it.each([
    ["a directory link", () => symlinkSync(outside, join(repo, "reports")), "reports/secret.md"],
    ["a directory link, file not there yet", () => symlinkSync(outside, join(repo, "reports")), "reports/new/a.xml"],
    ["a file link", () => symlinkSync(join(outside, "secret.md"), join(repo, "stories", "a.md")), "stories/a.md"],
    ["dot-dots", () => undefined, "../outside/secret.md"],
  ])("refuse %s out of the directory", (_what, arrange, path) => {
    arrange();
    expect(() => confined(repo, path)).toThrow(PathEscapeError);
  });

  it("text files neither read nor write through a link out", async () => {
    symlinkSync(outside, join(repo, "linked"));
    await expect(textFiles.read(repo, "linked/secret.md")).rejects.toThrow(/linked\/secret\.md leads out of .* through a symbolic link: refused/);
    await expect(textFiles.write(repo, "linked/secret.md", "overwritten\n")).rejects.toThrow(PathEscapeError);
    await textFiles.write(repo, "stories/a.md", "a\n");
    expect(await textFiles.read(repo, "stories/a.md")).toBe("a\n");
  });
});
