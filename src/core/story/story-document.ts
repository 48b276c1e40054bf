// A story file read as a document: its lines, front matter, Markdown blocks (markdown-blocks.ts), and the
// places the format gives meaning to: the title, the field lines before the first section heading, and the
// `## Completion` section. Reading (story-file.ts) and editing (story-update.ts) both start here.
import { parseField } from "./fields.js";
import type { FieldKey, FieldLine } from "./fields.js";
import { frontMatterEnd } from "./front-matter.js";
import { dominantEol, splitLines } from "./lines.js";
import type { Eol, Line } from "./lines.js";
import { scanBlocks } from "./markdown-blocks.js";
import type { BlockScan } from "./markdown-blocks.js";

/** The text as lines and Markdown blocks, every line index counted in the whole file (front matter included). */
export interface MarkdownDocument {
  bom: string;
  lines: Line[];
  /** Index of the closing `---` of front matter. */
  fmEnd?: number;
  /** The first line after the front matter. */
  bodyStart: number;
  /** Front matter lines are literal: a YAML `# comment` is no heading, a `- [ ]` no checkbox. */
  blocks: BlockScan;
}

export interface StoryDocument extends MarkdownDocument {
  eol: Eol;
  /** Where the header ends: the last line of the first heading of level 2 or deeper (or lines.length). */
  headerEnd: number;
  /** The last line of the title heading. */
  titleIndex?: number;
  fields: Map<FieldKey, { index: number; field: FieldLine }>;
  /** The `## Completion` heading's last line and the line where its body ends (next `#`/`##` heading, or EOF). */
  completion?: { head: number; end: number };
}

export function readMarkdown(text: string): MarkdownDocument {
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const lines = splitLines(text.slice(bom.length));
  const fmEnd = frontMatterEnd(lines);
  const bodyStart = fmEnd === undefined ? 0 : fmEnd + 1;
  const body = scanBlocks(lines.slice(bodyStart).map((l) => l.text));
  const blocks: BlockScan = {
    headings: body.headings.map((h) => ({ ...h, start: h.start + bodyStart, line: h.line + bodyStart })),
    literal: [...Array<boolean>(bodyStart).fill(true), ...body.literal],
    tasks: body.tasks.map((t) => ({ ...t, line: t.line + bodyStart })),
    ...(body.openEnd !== undefined ? { openEnd: body.openEnd } : {}),
  };
  return { bom, lines, ...(fmEnd !== undefined ? { fmEnd } : {}), bodyStart, blocks };
}

export function parseDoc(text: string): StoryDocument {
  const doc = readMarkdown(text);
  const header = readHeader(doc);
  return { ...doc, eol: dominantEol(doc.lines), ...header, ...findCompletion(doc) };
}

/** The part before the first section heading: where the title and the field lines are. */
function readHeader(doc: MarkdownDocument): Pick<StoryDocument, "headerEnd" | "titleIndex" | "fields"> {
  const { lines, blocks } = doc;
  // A setext heading's text lines still belong to the header: field lines above a `---` are fields.
  const headerEnd = blocks.headings.find((h) => h.level >= 2)?.line ?? lines.length;
  const title = blocks.headings.find((h) => h.level === 1 && h.line < headerEnd);
  const fields = new Map<FieldKey, { index: number; field: FieldLine }>();
  for (let i = doc.bodyStart; i < headerEnd; i++) {
    if (blocks.literal[i]) continue;
    const field = parseField(lines[i]!.text);
    if (field && !fields.has(field.key)) fields.set(field.key, { index: i, field });
  }
  return { headerEnd, fields, ...(title ? { titleIndex: title.line } : {}) };
}

function findCompletion(doc: MarkdownDocument): Pick<StoryDocument, "completion"> {
  const headings = doc.blocks.headings;
  const at = headings.findIndex((h) => h.level === 2 && h.text.toLowerCase() === "completion");
  if (at < 0) return {};
  const next = headings.slice(at + 1).find((h) => h.level <= 2);
  return { completion: { head: headings[at]!.line, end: next?.start ?? doc.lines.length } };
}
