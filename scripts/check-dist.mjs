// Fails when the committed dist/ differs from a fresh build of src/ (GitHub runs dist/ as is).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

const fresh = mkdtempSync(join(tmpdir(), "tdd-waves-dist-"));
try {
  execFileSync(process.execPath, ["scripts/package.mjs", fresh], { stdio: "inherit" });
  const list = (root) => {
    const files = [];
    const walk = (dir) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else files.push(relative(root, p));
      }
    };
    try { walk(root); } catch { /* a missing dist/ lists as empty */ }
    return files.sort();
  };
  const want = list(fresh);
  const have = list("dist");
  const differ = [
    ...want.filter((f) => !have.includes(f)).map((f) => `missing in dist/: ${f}`),
    ...have.filter((f) => !want.includes(f)).map((f) => `not produced by the build: dist/${f}`),
    ...want
      .filter((f) => have.includes(f))
      .filter((f) => !readFileSync(join(fresh, f)).equals(readFileSync(join("dist", f))))
      .map((f) => `stale: dist/${f}`),
  ];
  if (differ.length > 0) {
    console.error(`dist/ does not match the source; run \`npm run package\` and commit dist/:\n  ${differ.join("\n  ")}`);
    process.exitCode = 1;
  } else {
    console.log(`dist/ matches the source (${want.length} files)`);
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
