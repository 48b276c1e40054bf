// Whether a command can be found on PATH, the way a shell looks it up: the first directory holding an
// executable file of that name. Used to warn about (plan) or refuse (run) a preset whose CLI is not installed.
import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";

/** The full path of `name` on `pathEnv` (a PATH value), or undefined when no directory holds it as an executable file. */
export function findExecutable(name: string, pathEnv: string | undefined): string | undefined {
  for (const dir of (pathEnv ?? "").split(path.delimiter)) {
    // An empty entry means the current directory, as in the shell.
    const candidate = path.resolve(dir === "" ? "." : dir, name);
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here: try the next directory.
    }
  }
  return undefined;
}
