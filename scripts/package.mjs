// Builds the committed bundles: the action (dist/index.js) and the CLI (dist/cli/index.js).
// Usage: node scripts/package.mjs <outDir>. check-dist.mjs builds into a temp dir with it.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

const out = resolve(process.argv[2] ?? "dist");
const ncc = resolve("node_modules/@vercel/ncc/dist/ncc/cli.js");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const build = (entry, dir) =>
  execFileSync(process.execPath, [ncc, "build", entry, "-o", dir, "--license", "licenses.txt", "-q"], {
    stdio: ["ignore", "inherit", "inherit"],
  });
build("src/action/index.ts", out);
build("src/cli/index.ts", join(out, "cli"));
chmodSync(join(out, "cli", "index.js"), 0o755);
