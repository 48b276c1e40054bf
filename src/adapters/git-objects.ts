// Reading and writing git objects through long-lived git processes: `cat-file --batch` reads, `hash-object
// -w --stdin-paths` writes blobs and commits, `mktree -z --batch` writes trees. Git writes every object
// (its modes, its shared-repository rules, its object format, its checks); nothing here touches
// `.git/objects`. Content goes to git through private temporary files, as `--stdin-paths` reads files.
import { lstatSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { line, PlumbingExit, PlumbingProcess, type AnswerReader } from "./git-plumbing-process.js";
import { checkEntryName, type Git, type TreeEntry } from "./git.js";

export interface GitObject {
  id: string;
  type: string;
  content: Buffer;
}

/** One object of `cat-file --batch`: `<id> <type> <size>\n<content>\n`, or `<name> missing\n`. */
const batchObject: AnswerReader<GitObject | null> = (out) => {
  const end = out.indexOf(10);
  if (end < 0) return undefined;
  const header = out.subarray(0, end).toString("utf8");
  if (/ (missing|ambiguous)$/.test(header)) return { value: null, used: end + 1 };
  const [id, type, size] = header.split(" ");
  const length = Number(size);
  if (out.length < end + 1 + length + 1) return undefined;
  return { value: { id: id!, type: type!, content: out.subarray(end + 1, end + 1 + length) }, used: end + 2 + length };
};

/**
 * Where this process hands content to git: one private directory named for the process, removed when it
 * exits. A process killed outright leaves its own behind: the next one removes it.
 */
let handOver: string | undefined;
let handOverCount = 0;
const HAND_OVER = "tdd-waves-objects-";
/** A hand-over directory's name: the prefix, the pid of the process it belongs to, mkdtemp's suffix. */
const HAND_OVER_NAME = new RegExp(`^${HAND_OVER}(\\d+)-`);

function handOverPath(): string {
  if (!handOver) {
    handOver = mkdtempSync(join(tmpdir(), `${HAND_OVER}${process.pid}-`));
    process.once("exit", releaseHandOver);
    removeStaleHandOvers(tmpdir());
  }
  return join(handOver, String(++handOverCount));
}

/** Removes the hand-over directories in `dir` of this user's processes that no longer run. */
export function removeStaleHandOvers(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = HAND_OVER_NAME.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || running(Number(pid))) continue;
    const path = join(dir, name);
    try {
      const stat = lstatSync(path);
      if (stat.isDirectory() && stat.uid === process.getuid?.()) rmSync(path, { recursive: true, force: true });
    } catch {
      // Gone meanwhile, or not ours to remove: nothing to do.
    }
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: a process runs with that id, another user's.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes the hand-over directory (made again when needed): at exit, and by a host that never exits, such as a test worker. */
export function releaseHandOver(): void {
  if (handOver) rmSync(handOver, { recursive: true, force: true });
  handOver = undefined;
}

/**
 * A write, tried again (it is content-addressed: the same object) when git could not make its temporary file:
 * a concurrent `git gc` removes an emptied `objects/xx` folder between git's mkdir and its open.
 */
async function againAfterGc(write: () => Promise<string>, tries = 3): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (e) {
      if (attempt >= tries || !(e instanceof PlumbingExit) || !/unable to create temporary file/.test(e.stderr)) throw e;
    }
  }
}

/** The ` <seconds> <offset>` that ends an ident as `git var` prints it. */
const IDENT_TIME = / (\d+) ([+-]\d{4})$/;

export class GitObjects {
  private readonly reader: PlumbingProcess;
  private readonly checker: PlumbingProcess;
  private readonly blobs: PlumbingProcess;
  private readonly commits: PlumbingProcess;
  private readonly trees: PlumbingProcess;
  private identities: Promise<[string, string]> | undefined;
  /** How to write again the objects written last: a concurrent `gc --prune=now` may delete them before they are reachable. */
  private readonly recent = new Map<string, () => Promise<string>>();

  constructor(private readonly git: Git) {
    this.reader = new PlumbingProcess(git, ["cat-file", "--batch"]);
    this.checker = new PlumbingProcess(git, ["cat-file", "--batch-check"]);
    this.blobs = new PlumbingProcess(git, ["hash-object", "-w", "--no-filters", "--stdin-paths"]);
    this.commits = new PlumbingProcess(git, ["hash-object", "-w", "-t", "commit", "--stdin-paths"]);
    this.trees = new PlumbingProcess(git, ["mktree", "-z", "--batch"]);
  }

  /** The object a revision names (`<id>`, `refs/…`, `<commit>:<path>`), or null when it names none. */
  read(revision: string): Promise<GitObject | null> {
    if (/[\n\r]/.test(revision) || revision.startsWith("-")) throw new Error(`invalid revision for git: "${revision}"`);
    return this.reader.request(`${revision}\n`, batchObject);
  }

  writeBlob(text: string): Promise<string> {
    return this.remember(() => this.hashFile(this.blobs, text));
  }

  /** Entries in any order (git sorts them); names must be single path components. */
  writeTree(entries: TreeEntry[]): Promise<string> {
    for (const e of entries) checkEntryName(e.name);
    const input = `${entries.map((e) => `${e.mode} ${e.type} ${e.sha}\t${e.name}\0`).join("")}\0`;
    return this.remember(() => this.trees.request(input, line));
  }

  /** A commit by the configured author and committer, dated now (or as the environment fixes dates). */
  async writeCommit(tree: string, parents: string[], message: string): Promise<string> {
    const [author, committer] = await this.stamps();
    const header = [`tree ${tree}`, ...parents.map((p) => `parent ${p}`), `author ${author}`, `committer ${committer}`];
    const text = `${header.join("\n")}\n\n${message.endsWith("\n") ? message : `${message}\n`}`;
    return this.remember(() => this.hashFile(this.commits, text));
  }

  /**
   * Writes again, from what this process still holds, those of `ids` (written here lately) that the object
   * database no longer has; false when one is missing that it cannot write again.
   */
  async restore(ids: string[]): Promise<boolean> {
    const found = await Promise.all(ids.map((id) => this.checker.request(`${id}\n`, line)));
    for (const [i, id] of ids.entries()) {
      if (!/ missing$/.test(found[i]!)) continue;
      const write = this.recent.get(id);
      if (!write || (await write()) !== id) return false;
    }
    return true;
  }

  close(): void {
    for (const p of [this.reader, this.checker, this.blobs, this.commits, this.trees]) p.close();
  }

  private async remember(write: () => Promise<string>): Promise<string> {
    const id = await againAfterGc(write);
    this.recent.delete(id);
    this.recent.set(id, write);
    // A few writes' worth: what the store may need to restore after its latest publish.
    if (this.recent.size > 64) this.recent.delete(this.recent.keys().next().value!);
    return id;
  }

  private async hashFile(writer: PlumbingProcess, content: string): Promise<string> {
    const path = handOverPath();
    await writeFile(path, content, { mode: 0o600 });
    try {
      return await writer.request(`${path}\n`, line);
    } finally {
      await unlink(path).catch(() => undefined);
    }
  }

  /** `Name <email> <seconds> <offset>` for author and committer: git's idents, with the time of this commit. */
  private async stamps(): Promise<[string, string]> {
    this.identities ??= Promise.all([this.git.ident("author"), this.git.ident("committer")]).catch((e: unknown) => {
      this.identities = undefined;
      throw e;
    });
    const idents = await this.identities;
    if (this.git.fixedDates) return idents;
    const now = Math.floor(Date.now() / 1000);
    return idents.map((ident) => ident.replace(IDENT_TIME, (_all, _seconds, offset: string) => ` ${now} ${offset}`)) as [string, string];
  }
}
