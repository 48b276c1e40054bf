// A story file's YAML front matter as `tdd-waves plan --from` reads it: the key shapes design tools write
// (`id`/`story_id`, `dependencies`/`depends_on`/`dependsOn`, `test_file`/`testFile`, `epic`/`epic_id`, …)
// mapped to plan keys, each with the line it is on, and what is missing. Pure: text in, entry out.
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";

/** Plan key -> the front-matter keys that mean it, the plan's own spelling first. */
export const KEY_ALIASES = {
  id: ["id", "story_id", "storyId"],
  title: ["title"],
  dependsOn: ["dependsOn", "dependencies", "depends_on"],
  testFile: ["testFile", "test_file"],
  tester: ["tester"],
  implementer: ["implementer"],
  epic: ["epic", "epic_id", "epicId"],
} as const;

export type PlanKey = keyof typeof KEY_ALIASES;
export const REQUIRED: readonly PlanKey[] = ["id", "title", "testFile", "tester", "implementer"];

export interface StoryEntry {
  /** The story file, relative to the repository root. */
  file: string;
  values: Partial<Record<PlanKey, string | string[]>>;
  /** 1-based line of each key found (in the story file); the front matter's first line for defaults. */
  lines: Partial<Record<PlanKey, number>>;
  /** The key the file spells each plan key with (for messages). */
  spelled: Partial<Record<PlanKey, string>>;
  /** Problems with the front matter itself (not YAML, a key twice under two names, a wrong type). */
  problems: Array<{ line: number; message: string }>;
  /** True when the file has front matter at all. */
  hasFrontMatter: boolean;
}

const FENCE = /^---[ \t]*\r?$/;

/** Reads the front matter of a story file's text (`---` first line, up to the next `---`). */
export function readStoryFrontMatter(file: string, text: string): StoryEntry {
  const entry: StoryEntry = { file, values: {}, lines: {}, spelled: {}, problems: [], hasFrontMatter: false };
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  if (!FENCE.test(lines[0] ?? "")) return withHeadingTitle(entry, lines, 0);
  const end = lines.findIndex((l, i) => i > 0 && (FENCE.test(l) || /^\.\.\.[ \t]*\r?$/.test(l)));
  if (end < 0) {
    entry.problems.push({ line: 1, message: "front matter opened with --- is never closed" });
    return entry;
  }
  entry.hasFrontMatter = true;
  const counter = new LineCounter();
  const doc = parseDocument(lines.slice(1, end).join("\n"), { lineCounter: counter, uniqueKeys: true });
  const lineOf = (offset: number | undefined): number => (offset === undefined ? 1 : counter.linePos(offset).line + 1);
  if (doc.errors.length > 0) {
    for (const e of doc.errors) entry.problems.push({ line: lineOf(e.pos[0]), message: `front matter is not valid YAML: ${e.message.split("\n")[0]}` });
    return entry;
  }
  if (!isMap(doc.contents)) {
    if (doc.contents !== null) entry.problems.push({ line: 2, message: "front matter must be a mapping of keys (id: …, title: …)" });
    return withHeadingTitle(entry, lines, end + 1);
  }
  for (const [planKey, aliases] of Object.entries(KEY_ALIASES) as Array<[PlanKey, readonly string[]]>) {
    for (const alias of aliases) {
      const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === alias);
      if (!pair) continue;
      const line = lineOf((pair.key as { range?: [number, number, number] }).range?.[0]);
      if (entry.spelled[planKey] !== undefined) {
        entry.problems.push({ line, message: `${alias} and ${entry.spelled[planKey]} both give the story's ${planKey}: keep one` });
        continue;
      }
      entry.spelled[planKey] = alias;
      entry.lines[planKey] = line;
      const value = pair.value;
      if (planKey === "dependsOn") {
        if (isSeq(value) && value.items.every((i) => isScalar(i) && (typeof i.value === "string" || typeof i.value === "number"))) {
          entry.values.dependsOn = value.items.map((i) => String((i as { value: unknown }).value));
        } else if (isScalar(value) && value.value === null) entry.values.dependsOn = [];
        else if (isScalar(value) && typeof value.value === "string") entry.values.dependsOn = value.value.split(",").map((s) => s.trim()).filter(Boolean);
        else entry.problems.push({ line, message: `${alias} must be a list of story ids` });
      } else if (isScalar(value) && (typeof value.value === "string" || typeof value.value === "number")) {
        entry.values[planKey] = String(value.value);
      } else if (!(isScalar(value) && value.value === null)) {
        entry.problems.push({ line, message: `${alias} must be text` });
      }
    }
  }
  return withHeadingTitle(entry, lines, end + 1);
}

/** A story without a `title` key takes its first `# ` heading (without a leading `<id>:`). */
function withHeadingTitle(entry: StoryEntry, lines: string[], from: number): StoryEntry {
  if (entry.values.title !== undefined) return entry;
  for (let i = from; i < lines.length; i++) {
    const m = /^#[ \t]+(.+?)[ \t]*\r?$/.exec(lines[i]!);
    if (!m) continue;
    const id = typeof entry.values.id === "string" ? entry.values.id : undefined;
    const heading = id && m[1]!.startsWith(`${id}:`) ? m[1]!.slice(id.length + 1).trim() : m[1]!;
    if (heading) {
      entry.values.title = heading;
      entry.lines.title = i + 1;
    }
    break;
  }
  return entry;
}

/** The plan keys a story still lacks, each with the front-matter key to add. */
export function missingKeys(entry: StoryEntry, defaults: Partial<Record<"tester" | "implementer", string>>): Array<{ key: PlanKey; add: string }> {
  const toAdd: Record<PlanKey, string> = { id: "id", title: "title", dependsOn: "dependencies", testFile: "test_file", tester: "tester", implementer: "implementer", epic: "epic" };
  return REQUIRED.filter((k) => entry.values[k] === undefined && !((k === "tester" || k === "implementer") && defaults[k] !== undefined)).map((key) => ({ key, add: toAdd[key] }));
}
