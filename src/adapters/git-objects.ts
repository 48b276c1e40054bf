// Git objects (blobs, trees, commits) written in-process as loose objects, in git's own format. The state
// store writes several objects per update; a git process each costs a fork of this whole Node process,
// which on a busy run is most of tdd-waves' own CPU time. Anything unusual falls back to git itself.
import { createHash } from "node:crypto";
import { link, mkdir, rename, unlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { deflateSync } from "node:zlib";
import { checkEntryName, type Git, type TreeEntry } from "./git.js";

/** What the state store writes: content-addressed objects, by whichever means. */
export interface ObjectWriter {
  writeBlob(text: string): Promise<string>;
  /** Entries in any order; names must be single path components. */
  writeTree(entries: TreeEntry[]): Promise<string>;
  writeCommit(tree: string, parents: string[], message: string): Promise<string>;
}

/** Where a repository keeps its objects and how it names them, as git reports it. */
export interface ObjectLayout {
  objectsDir: string;
  format: "sha1" | "sha256";
}

/** The writer that asks git for everything (one process per object). */
export function gitProcessObjects(git: Git): ObjectWriter {
  return {
    writeBlob: (text) => git.hashObject(text),
    writeTree: (entries) => git.mkTree(entries),
    writeCommit: (tree, parents, message) => git.commitTree(tree, parents, message),
  };
}

/** Git orders tree entries by name bytes, a tree's name compared as if it ended with "/". */
function treeOrder(a: TreeEntry, b: TreeEntry): number {
  const key = (e: TreeEntry) => Buffer.from(e.type === "tree" ? `${e.name}/` : e.name);
  return Buffer.compare(key(a), key(b));
}

/** Git's seconds-and-offset form of a moment: `1700000000 +0100`. */
export function gitTimestamp(date: Date): string {
  const offset = -date.getTimezoneOffset() || 0;
  const abs = Math.abs(offset);
  const tz = `${offset < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
  return `${Math.floor(date.getTime() / 1000)} ${tz}`;
}

/** The `<seconds> <offset>` that ends a full ident (`Name <email> 1700000000 +0100`). */
const IDENT_TIME = / \d+ [+-]\d{4}$/;

/** `Name <email>` of a full ident. */
export function withoutTime(ident: string): string {
  return ident.replace(IDENT_TIME, "");
}

export interface Identities {
  /** `Name <email>`, or a full ident with its timestamp when the environment fixed the date. */
  author: string;
  committer: string;
}

/** The writer that writes loose objects itself: no process at all. */
export function looseObjects(layout: ObjectLayout, identities: Identities, clock: () => Date = () => new Date()): ObjectWriter {
  const hashName = layout.format === "sha256" ? "sha256" : "sha1";

  async function write(type: "blob" | "tree" | "commit", body: Buffer): Promise<string> {
    const data = Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body]);
    const id = createHash(hashName).update(data).digest("hex");
    const path = join(layout.objectsDir, id.slice(0, 2), id.slice(2));
    const temp = join(layout.objectsDir, id.slice(0, 2), `tmp_obj_${process.pid}_${Math.random().toString(36).slice(2)}`);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temp, deflateSync(data, { level: 1 }), { mode: 0o444 });
    try {
      // link, not rename, as git does: an object that exists already is left as it is (objects never change).
      await link(temp, path);
    } catch (e) {
      // Some file systems have no hard links: then rename, as git falls back to.
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") await rename(temp, path);
    } finally {
      await unlink(temp).catch(() => undefined);
    }
    return id;
  }

  const stamp = (ident: string) => (IDENT_TIME.test(ident) ? ident : `${ident} ${gitTimestamp(clock())}`);

  return {
    writeBlob: (text) => write("blob", Buffer.from(text, "utf8")),
    async writeTree(entries) {
      for (const e of entries) checkEntryName(e.name);
      const parts = [...entries].sort(treeOrder).map((e) => {
        // In the object a tree's mode has no leading zero (`40000`), unlike what ls-tree prints.
        const mode = e.mode.replace(/^0+/, "");
        return Buffer.concat([Buffer.from(`${mode} ${e.name}\0`), Buffer.from(e.sha, "hex")]);
      });
      return await write("tree", Buffer.concat(parts));
    },
    writeCommit(tree, parents, message) {
      const lines = [`tree ${tree}`, ...parents.map((p) => `parent ${p}`), `author ${stamp(identities.author)}`, `committer ${stamp(identities.committer)}`];
      return write("commit", Buffer.from(`${lines.join("\n")}\n\n${message.endsWith("\n") ? message : `${message}\n`}`, "utf8"));
    },
  };
}
