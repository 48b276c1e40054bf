// Surgical edits of a story file: field values, the front matter `status` and the `## Completion` body
// change; missing field lines (and, without any, a title) and a missing Completion section are inserted;
// every other byte stays, line endings included. Idempotent.
import { FIELD_LABEL, FIELD_ORDER, formatField, withFieldValue } from "./fields.js";
import type { FieldKey } from "./fields.js";
import { findFrontMatterStatus } from "./front-matter.js";
import { isBlank, joinLines, oneLine } from "./lines.js";
import type { Line } from "./lines.js";
import { scanBlocks } from "./markdown-blocks.js";
import { statusToFrontMatter } from "./status.js";
import type { StoryStatus } from "./status.js";
import { parseDoc } from "./story-document.js";
import type { StoryDocument } from "./story-document.js";
import type { StoryFileUpdate } from "./story-file.js";

/**
 * Keeps a new Completion body inside its section whatever it holds: a `#`/`##` heading (ATX or setext)
 * would end the section early, an unclosed fence or HTML comment would swallow the next one, and a `---`
 * at column 0 would close a file's opening `---` rule into front matter (always indented: whether the file
 * opens with one changes as fields are inserted, and the result must not). The body follows a heading and
 * a blank line, where nothing is open: read on its own it reads as it will in the file.
 */
function sanitizeCompletionBody(body: string): string[] {
  const texts = body.split(/\r\n|\r|\n/);
  while (texts.length && isBlank(texts[0]!)) texts.shift();
  while (texts.length && isBlank(texts[texts.length - 1]!)) texts.pop();
  // Escaping one heading can make the next line one (`a`, `---`, `---`): until none is left.
  for (;;) {
    const section = scanBlocks(texts).headings.filter((h) => h.level <= 2);
    if (section.length === 0) break;
    for (const h of section) texts[h.line] = "\\" + texts[h.line]!.replace(/^ +/, "");
  }
  // Indented by one space it renders the same and closes no front matter.
  const out = texts.map((t) => (/^(?:---|\.\.\.)[ \t]*$/.test(t) ? " " + t : t));
  const openEnd = scanBlocks(out).openEnd;
  if (openEnd !== undefined) out.push(openEnd);
  return out;
}

function writeCompletion(lines: Line[], doc: StoryDocument, body: string): void {
  // The body takes its heading's EOL: the file's dominant one can flip with the lines the body replaces,
  // which would make a second identical update rewrite it (mixed-EOL files).
  const eol = (doc.completion && lines[doc.completion.head]!.eol) || doc.eol;
  const bodyLines = sanitizeCompletionBody(body).map((text) => ({ text, eol }));
  const blank = (): Line => ({ text: "", eol });
  if (doc.completion) {
    const { head, end } = doc.completion;
    const replacement = bodyLines.length ? [blank(), ...bodyLines] : [];
    if (end < lines.length) replacement.push(blank());
    lines.splice(head + 1, end - head - 1, ...replacement);
    return;
  }
  if (doc.blocks.openEnd !== undefined) lines.push({ text: doc.blocks.openEnd, eol });
  const last = lines[lines.length - 1];
  if (last && !isBlank(last.text)) lines.push(blank());
  lines.push({ text: "## Completion", eol });
  if (bodyLines.length) lines.push(blank(), ...bodyLines);
}

function insertMissingFields(lines: Line[], doc: StoryDocument, missing: [FieldKey, string][], ctx: { storyId: string; title: string }): void {
  const eol = doc.eol;
  const fieldLine = ([key, value]: [FieldKey, string]): Line => ({ text: `**${FIELD_LABEL[key]}:** ${value}`, eol });
  if (doc.fields.size > 0) {
    insertBesideFields(lines, doc, missing.map((m) => [m[0], fieldLine(m)]));
    return;
  }
  const blank = (): Line => ({ text: "", eol });
  const block: Line[] = [];
  let at: number;
  if (doc.titleIndex !== undefined) {
    at = doc.titleIndex + 1;
    if (lines[at] && isBlank(lines[at]!.text)) at++;
    else block.push(blank());
  } else {
    at = doc.bodyStart;
    if (doc.fmEnd !== undefined && lines[at] && isBlank(lines[at]!.text)) at++;
    block.push({ text: `# ${oneLine(ctx.storyId)}: ${oneLine(ctx.title)}`, eol }, blank());
  }
  block.push(...missing.map(fieldLine));
  if (lines[at] && !isBlank(lines[at]!.text)) block.push(blank());
  lines.splice(at, 0, ...block);
}

/** A missing field goes after the nearest present field before it in canonical order, else before the next one. */
function insertBesideFields(lines: Line[], doc: StoryDocument, missing: [FieldKey, Line][]): void {
  const groups = new Map<number, Line[]>();
  for (const [key, line] of missing) {
    const k = FIELD_ORDER.indexOf(key);
    const before = FIELD_ORDER.slice(0, k).reverse().find((f) => doc.fields.has(f));
    const after = FIELD_ORDER.slice(k + 1).find((f) => doc.fields.has(f));
    const at = before !== undefined ? doc.fields.get(before)!.index + 1 : doc.fields.get(after!)!.index;
    groups.set(at, [...(groups.get(at) ?? []), line]);
  }
  for (const at of [...groups.keys()].sort((a, b) => b - a)) lines.splice(at, 0, ...groups.get(at)!);
}

function updateFrontMatter(lines: Line[], doc: StoryDocument, status: StoryStatus): void {
  if (doc.fmEnd === undefined) return;
  const s = findFrontMatterStatus(lines, doc.fmEnd);
  if (s) lines[s.index] = { ...lines[s.index]!, text: s.head + statusToFrontMatter(status) + s.tail };
}

/**
 * Applies an update surgically: field values, the front matter `status` and the Completion body change;
 * missing field lines (and, without any, a title) and a missing Completion section are inserted; every
 * other byte stays. Idempotent.
 */
export function updateStoryFile(text: string, update: StoryFileUpdate, ctx: { storyId: string; title: string }): string {
  const doc = parseDoc(text);
  const lines = doc.lines.map((l) => ({ ...l }));
  // Work with every line terminated; the last one loses its EOL again if the file had none.
  const finalNewline = lines.length === 0 || lines[lines.length - 1]!.eol !== "";
  if (!finalNewline) lines[lines.length - 1]!.eol = doc.eol;

  if (update.status !== undefined) updateFrontMatter(lines, doc, update.status);
  const missing: [FieldKey, string][] = [];
  for (const key of FIELD_ORDER) {
    const value = formatField(key, update);
    if (value === undefined) continue;
    const present = doc.fields.get(key);
    if (present) lines[present.index] = { ...lines[present.index]!, text: withFieldValue(present.field, value) };
    else missing.push([key, value]);
  }
  // The Completion section lies after every field line: edit it first so field indices stay valid.
  if (update.completion !== undefined) writeCompletion(lines, doc, update.completion);
  if (missing.length) insertMissingFields(lines, doc, missing, ctx);

  if (!finalNewline && lines.length) lines[lines.length - 1]!.eol = "";
  return doc.bom + joinLines(lines);
}
