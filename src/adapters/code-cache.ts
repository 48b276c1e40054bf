// V8's code cache for the CLI bundle's chunks, kept in the user's cache folder (issue 9: `plan` of 200 stories
// within 3x bare node). A short command spends about a fifth of its time compiling the chunks it loads, the same
// bytes every time. On Node 20 only a CommonJS script can be given V8's cached data (vm.Script), hence the CLI
// bundle is CommonJS (src/cli/bin.cjs). The data is made when the command ends, so it holds every function the
// command compiled, not only the top level: that is where the time goes (`npm run bench` prints both figures).
// Anything amiss (no cache folder, one others may write, an unreadable or rejected file) means compiling as usual.
import { lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { Script } from "node:vm";

export interface CodeCacheOptions {
  /** The bundle's folder: only the scripts loaded from it are cached. */
  bundleDir: string;
  /** The folder of cached data (it is made private to the user; one that others may write is not used). */
  cacheDir: string;
  /** The release, part of every entry's name with the script's size, time and inode: which bytes were compiled. */
  version: string;
  /** The V8 flags the command set ("--no-opt"): V8 rejects data made under other flags, so each set has its own. */
  flags: string;
}

/** What the loader sees of a module: Node's CommonJS compile step, which this replaces for the bundle's chunks. */
interface LoadingModule {
  exports: unknown;
  _compile(content: string, filename: string): unknown;
}

// Node's own CommonJS wrapper: the chunk sees the same five variables as under require().
const WRAP_START = "(function (exports, require, module, __filename, __dirname) { ";
const WRAP_END = "\n});";

/** From now on, the bundle's chunks are compiled with their cached data, and the data is saved when the process ends. */
export function installCodeCache(options: CodeCacheOptions): void {
  const folder = join(options.cacheDir, `${process.version}-${process.arch}${options.flags.replace(/[^A-Za-z0-9]+/g, "-")}`);
  const toSave: Array<{ entry: string; script: Script }> = [];
  let usable: boolean | undefined;
  const proto = Module.prototype as unknown as LoadingModule;
  const compile = proto._compile;
  proto._compile = function (this: LoadingModule, content: string, filename: string): unknown {
    if (dirname(filename) !== options.bundleDir) return compile.call(this, content, filename);
    usable ??= privateFolder(options.cacheDir);
    const entry = usable ? entryName(filename, options.version) : undefined;
    const cachedData = entry ? readOrNothing(join(folder, entry)) : undefined;
    const script = new Script(WRAP_START + content + WRAP_END, { filename, cachedData });
    if (entry && (!cachedData || script.cachedDataRejected)) toSave.push({ entry, script });
    const run = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return run.call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename));
  };
  process.once("exit", () => {
    for (const { entry, script } of toSave) save(folder, entry, script);
  });
}

/** Makes the folder (private) if needed; usable only when it is a real folder of this user that no one else may write. */
function privateFolder(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    const mine = typeof process.getuid !== "function" || st.uid === process.getuid();
    return st.isDirectory() && mine && (st.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** `<chunk>-<version>-<size>-<mtime ns>-<inode>`: a rebuilt or reinstalled chunk never meets another's data. */
function entryName(filename: string, version: string): string | undefined {
  try {
    const st = statSync(filename, { bigint: true });
    return `${basename(filename)}-${safe(version)}-${st.size}-${st.mtimeNs}-${st.ino}`;
  } catch {
    return undefined;
  }
}

function readOrNothing(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Written whole (a temporary file renamed over), then the same chunk's data from older builds is removed. */
function save(folder: string, entry: string, script: Script): void {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const temp = join(folder, `${entry}.${process.pid}.tmp`);
    writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
    renameSync(temp, join(folder, entry));
    const chunk = `${entry.slice(0, entry.indexOf("-"))}-`;
    for (const name of readdirSync(folder)) {
      if (name.startsWith(chunk) && name !== entry && !name.endsWith(".tmp")) rmSync(join(folder, name), { force: true });
    }
  } catch {
    // A cache that cannot be written is only a slower next start.
  }
}

const safe = (s: string): string => s.replace(/[^A-Za-z0-9._]+/g, "_");
