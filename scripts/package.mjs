// Builds the committed bundles: the action (dist/index.js) and the CLI (dist/cli/index.js).
// Usage: node scripts/package.mjs <outDir>. check-dist.mjs builds into a temp dir with it.
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const final = resolve(process.argv[2] ?? "dist");
// Build beside the target and swap it in at the end, so that nothing ever runs a half-written bundle.
const out = `${final}.building-${process.pid}`;
const ncc = resolve("node_modules/@vercel/ncc/dist/ncc/cli.js");
// The two bundles are built at once (each in a folder of its own): half the time on two cores.
const build = (entry, dir) =>
  new Promise((done, fail) => {
    rmSync(dir, { recursive: true, force: true });
    const child = spawn(process.execPath, [ncc, "build", entry, "-o", dir, "--license", "licenses.txt", "-q"], {
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("error", fail);
    child.on("close", (code) => (code === 0 ? done() : fail(new Error(`ncc build ${entry} exited with ${code}`))));
  });
const cli = `${out}-cli`;
try {
  await Promise.all([build("src/action/index.ts", out), build("src/cli/bin.cjs", cli)]);
} catch (e) {
  rmSync(out, { recursive: true, force: true });
  rmSync(cli, { recursive: true, force: true });
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
// The CLI is CommonJS (src/cli/bin.cjs says why): its entry keeps the name package.json's `bin` gives it, and
// its own package.json tells Node that the folder's .js files are CommonJS.
mkdirSync(out, { recursive: true });
renameSync(cli, join(out, "cli"));
renameSync(join(out, "cli", "index.cjs"), join(out, "cli", "index.js"));
writeFileSync(join(out, "cli", "package.json"), `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);
chmodSync(join(out, "cli", "index.js"), 0o755);
const old = `${final}.old-${process.pid}`;
if (existsSync(final)) renameSync(final, old);
renameSync(out, final);
rmSync(old, { recursive: true, force: true });
