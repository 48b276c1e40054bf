// Text files with atomic writes (temporary file in the same directory, then rename), so a story file
// is never seen half-written, even when the process is killed mid-write; and never read or written
// through a symbolic link that leads out of the directory they belong to (confined-paths.ts).
import { mkdir, readFile, rename, writeFile, rm } from "node:fs/promises";
import { dirname, basename, join } from "node:path";
import { randomBytes } from "node:crypto";
import type { TextFiles } from "../engine/ports.js";
import { confined } from "./confined-paths.js";

export async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "EISDIR") return null;
    throw e;
  }
}

export async function writeTextAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(tmp, text, "utf8");
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

export const textFiles: TextFiles = {
  // Async so that a refused path is a rejected promise like any other failure.
  read: async (root, path) => readText(confined(root, path)),
  write: async (root, path, text) => writeTextAtomic(confined(root, path), text),
  remove: async (root, path) => rm(confined(root, path), { force: true }),
};
