// Paths that must stay inside a directory (a working copy, a log directory): resolved to their real
// location at the moment of use, since an agent can make a symbolic link at any time, and refused when
// that location is outside.
import { realpathSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { PathEscapeError } from "../engine/ports.js";

/**
 * The absolute path of `path` (relative to `root`, or absolute) once it is known to stay inside `root`:
 * the real location of the path, or of its nearest existing ancestor plus the rest, must be `root`'s real
 * location or below it. Throws PathEscapeError otherwise.
 */
export function confined(root: string, path: string): string {
  const full = resolve(root, path);
  const rootReal = realLocation(resolve(root));
  const real = realLocation(full);
  if (real !== rootReal && !real.startsWith(rootReal.endsWith(sep) ? rootReal : `${rootReal}${sep}`)) throw new PathEscapeError(path, real, root);
  return full;
}

/** Where `path` really is: its real path, or that of its nearest existing ancestor with the rest added. */
function realLocation(path: string): string {
  const rest: string[] = [];
  for (let at = path; ; ) {
    try {
      return join(realpathSync(at), ...rest);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if ((code !== "ENOENT" && code !== "ENOTDIR") || dirname(at) === at) throw e;
      rest.unshift(basename(at));
      at = dirname(at);
    }
  }
}
