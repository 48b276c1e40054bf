// The user's cache folder, where tdd-waves keeps what it may rebuild at any time: working copies, compiled code.
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";

/** `$XDG_CACHE_HOME/tdd-waves` when that is an absolute path, else `~/.cache/tdd-waves`. */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const cache = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(homedir(), ".cache");
  return join(cache, "tdd-waves");
}
