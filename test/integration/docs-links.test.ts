// The README and docs/ link only to files inside the repository that exist (a clone has nothing beside it),
// and every docs page is reachable from docs/README.md.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const pages = ["README.md", ...readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

/** Relative link targets of a Markdown page (inline links), without their #fragment. */
function localLinks(page: string): string[] {
  const text = readFileSync(join(ROOT, page), "utf8").replace(/```[\s\S]*?```/g, "");
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/i.test(t) && !t.startsWith("#")).map((t) => t.split("#")[0]!);
}

describe("documentation links", () => {
  it.each(pages)("%s links only to files inside the repository", (page) => {
    for (const target of localLinks(page)) {
      const file = resolve(ROOT, dirname(page), target);
      expect(relative(ROOT, file).startsWith(".."), `${page} -> ${target} leaves the repository`).toBe(false);
      expect(existsSync(file), `${page} -> ${target} does not exist`).toBe(true);
    }
  });

  it("reaches every docs page from docs/README.md", () => {
    const linked = new Set(localLinks("docs/README.md").map((t) => `docs/${t}`));
    for (const page of pages.filter((p) => p.startsWith("docs/") && p !== "docs/README.md")) expect(linked, page).toContain(page);
  });
});
