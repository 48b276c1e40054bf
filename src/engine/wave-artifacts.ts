// The files the jobs of one wave's run hand each other as artifacts (SPEC §7, issue 11): read-only jobs
// never push; they leave git bundles (made and read by git itself) and small JSON records. Whatever
// arrives was made where agents ran, so reading it checks it: a bundle must hold exactly the one ref
// it is meant to hold, and a record must pass its schema.
import { dirname, join } from "node:path";
import { storyRecordSchema, type StoryRecord } from "../core/state/story-record.js";
import type { Plumbing as Git } from "./ports.js";
import type { Ports } from "./ports.js";

/** Artifact names and the files in them. `<id>` is a story id. */
export const ARTIFACTS = {
  tester: (id: string) => `tdd-waves-tester-${id}`,
  story: (id: string) => `tdd-waves-story-${id}`,
  integrated: "tdd-waves-integrated",
  testerBundle: "tester.bundle",
  storyBundle: "story.bundle",
  record: "record.json",
  mergedBundle: "merged.bundle",
  verdicts: "verdicts.json",
} as const;

/** Where incoming bundles are fetched to: private refs, never a branch anyone pushes. */
export const INCOMING = {
  story: (id: string) => `refs/tdd-waves/incoming/story/${id}`,
  tester: (id: string) => `refs/tdd-waves/incoming/tester/${id}`,
  merged: "refs/tdd-waves/incoming/merged",
};

const LOG_TAIL_LINES = 20;
const LOG_TAIL_CHARS = 4000;

/** Bundles `ref` with the commits it has beyond `base` (all of them when `base` is not an ancestor). */
export async function writeBundle(git: Git, file: string, ref: string, base: string | undefined): Promise<void> {
  const tip = await git.revParse(ref);
  if (tip === null) throw new Error(`cannot bundle ${ref}: it does not exist`);
  const exclude = base && base !== tip && (await git.isAncestor(base, tip)) ? [`^${base}`] : [];
  await git.makeDirectory(dirname(file));
  await git.run(["bundle", "create", "--quiet", file, ref, ...exclude]);
}

export type Imported = { ok: true; tip: string } | { ok: false; problem: string };

/**
 * Fetches `ref` out of the bundle `file` into `into`, refusing a bundle that holds any other ref (or
 * none), or whose prerequisites this repository lacks. Returns the tip, or why it was refused.
 */
export async function importBundle(git: Git, file: string, ref: string, into: string): Promise<Imported> {
  const heads = await git.run(["bundle", "list-heads", file], { allowFail: true });
  if (heads.code !== 0) return { ok: false, problem: `${file} is not a git bundle` };
  const refs = heads.stdout.split("\n").filter(Boolean).map((line) => line.split(" ")[1] ?? "");
  if (refs.length !== 1 || refs[0] !== ref) {
    return { ok: false, problem: `its bundle holds ${refs.length === 0 ? "no branch" : refs.join(", ")}; only ${ref} was expected` };
  }
  const verified = await git.run(["bundle", "verify", "--quiet", file], { allowFail: true });
  if (verified.code !== 0) return { ok: false, problem: `its bundle does not apply here: ${verified.stderr.trim().split("\n")[0] ?? ""}` };
  await git.run(["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", file, `+${ref}:${into}`]);
  return { ok: true, tip: (await git.revParse(into))! };
}

/** The last lines of each log in `logDir` (setup, tester, red, implementation, verify): what a summary can quote. */
export async function logTails(ports: Ports, logDir: string): Promise<Record<string, string>> {
  const tails: Record<string, string> = {};
  for (const name of ["setup", "tester", "red", "implementation", "verify"]) {
    const text = await ports.files.read(logDir, `${name}.log`);
    if (text === null) continue;
    tails[name] = text.trimEnd().split("\n").slice(-LOG_TAIL_LINES).join("\n").slice(-LOG_TAIL_CHARS);
  }
  return tails;
}

export type StoryArtifact = { record: StoryRecord; bundle: string } | { problem: string } | null;

/** A story job's artifact in `dir` (downloaded): null when there is none, else its record or what is wrong with it. */
export async function readStoryArtifact(ports: Ports, dir: string, id: string): Promise<StoryArtifact> {
  const text = await ports.files.read(dir, ARTIFACTS.record);
  if (text === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { problem: `its ${ARTIFACTS.record} is not JSON` };
  }
  const parsed = storyRecordSchema.safeParse(raw);
  if (!parsed.success) return { problem: `its ${ARTIFACTS.record} is not a story record (${parsed.error.issues[0]?.message ?? "invalid"})` };
  if (parsed.data.story !== id) return { problem: `its ${ARTIFACTS.record} is about ${parsed.data.story}` };
  return { record: parsed.data, bundle: join(dir, ARTIFACTS.storyBundle) };
}

/** What integrate concluded about the stories it merged (or could not). */
export interface Verdicts {
  version: 1;
  /** The target commit integrate started from, and the merged result it uploaded. */
  start: string;
  head: string;
  /** `failed.output`: the tail of the story's post-merge test run, for the feedback of a rebuild. */
  stories: Record<string, { merged?: string; failed?: { reason: string; output?: string } }>;
}

export async function readVerdicts(ports: Ports, dir: string): Promise<Verdicts | null> {
  const text = await ports.files.read(dir, ARTIFACTS.verdicts);
  if (text === null) return null;
  try {
    const v = JSON.parse(text) as Verdicts;
    const sha = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
    if (v.version !== 1 || !sha.test(v.start) || !sha.test(v.head) || typeof v.stories !== "object" || v.stories === null) return null;
    return v;
  } catch {
    return null;
  }
}
