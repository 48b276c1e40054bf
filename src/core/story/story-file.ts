// Reads a story file (SPEC §2): title, field lines, acceptance criteria, front matter status and the
// `## Completion` body. Text in, text out — callers do the I/O. Edits are story-update.ts (re-exported here).
import { criteriaOf } from "./acceptance-criteria.js";
import type { Criterion } from "./acceptance-criteria.js";
import { parseVerified, readPlain } from "./fields.js";
import type { FieldKey, FieldValues } from "./fields.js";
import { findFrontMatterStatus } from "./front-matter.js";
import { isBlank } from "./lines.js";
import type { Eol } from "./lines.js";
import { parseStatus } from "./status.js";
import type { StoryStatus } from "./status.js";
import { parseDoc } from "./story-document.js";
import type { StoryDocument } from "./story-document.js";

export type { Criterion, StoryStatus };
export { updateStoryFile } from "./story-update.js";

export interface StoryFileInfo {
  /** Text of the first level-1 heading before the first deeper one. */
  title?: string;
  /** That heading split as `<id>: <title>` (no id when it has no such prefix). */
  heading?: { id?: string; title?: string };
  status?: StoryStatus;
  /** The Status field's value as written. */
  statusText?: string;
  assignee?: string;
  testFile?: string;
  verified?: boolean;
  /** The acceptance criteria (acceptance-criteria.ts says which they are). */
  criteria: Criterion[];
  /** Present when the file opens with YAML front matter; `status` is its top-level status value, unquoted. */
  frontMatter?: { status?: string };
  /** Body of `## Completion`, without surrounding blank lines, lines joined with "\n"; absent without the section. */
  completion?: string;
  /** The file's dominant line ending; new lines are written with it. */
  eol: Eol;
}

export interface StoryFileUpdate extends FieldValues {
  /** The new body of `## Completion` (e.g. from renderCompletion). */
  completion?: string;
}

function splitTitle(title: string): { id?: string; title?: string } {
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)[ \t]*:[ \t]*(.*)$/s.exec(title);
  return m ? { id: m[1]!, title: m[2]! } : { title };
}

function readCompletion(doc: StoryDocument): string | undefined {
  if (!doc.completion) return undefined;
  const body = doc.lines.slice(doc.completion.head + 1, doc.completion.end).map((l) => l.text);
  while (body.length && isBlank(body[0]!)) body.shift();
  while (body.length && isBlank(body[body.length - 1]!)) body.pop();
  return body.join("\n");
}

export function readStoryFile(text: string): StoryFileInfo {
  const doc = parseDoc(text);
  const info: StoryFileInfo = { criteria: criteriaOf(doc), eol: doc.eol };
  const title = doc.blocks.headings.find((h) => h.line === doc.titleIndex);
  if (title) {
    info.title = title.text.replace(/\n/g, " ");
    info.heading = splitTitle(info.title);
  }
  const value = (key: FieldKey): string | undefined => doc.fields.get(key)?.field.value;
  const statusText = value("status");
  if (statusText !== undefined) {
    info.statusText = statusText;
    const status = parseStatus(statusText);
    if (status) info.status = status;
  }
  const assignee = value("assignee");
  if (assignee !== undefined && readPlain(assignee) !== undefined) info.assignee = readPlain(assignee)!;
  const testFile = value("testFile");
  if (testFile !== undefined && readPlain(testFile) !== undefined) info.testFile = readPlain(testFile)!;
  const verified = value("verified");
  if (verified !== undefined && parseVerified(verified) !== undefined) info.verified = parseVerified(verified)!;
  if (doc.fmEnd !== undefined) {
    const s = findFrontMatterStatus(doc.lines, doc.fmEnd);
    info.frontMatter = s ? { status: s.value } : {};
  }
  const completion = readCompletion(doc);
  if (completion !== undefined) info.completion = completion;
  return info;
}
