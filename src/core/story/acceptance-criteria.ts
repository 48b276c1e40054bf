// A story's acceptance criteria: the one reading that both `plan` (a story file must have at least one) and
// verify (every one must be checked) use, so the two never disagree.
//
// A criterion is what GitHub renders as a task list item under an acceptance-criteria heading:
// - The file is Markdown as CommonMark 0.31 reads it (markdown-blocks.ts): lines end at `\r\n`, `\n` or a
//   lone `\r`; tabs stop every 4 columns; a leading byte order mark and YAML front matter (`---` … `---`/`...`
//   on the first line) are not Markdown, so nothing in them counts.
// - A section opens at a heading (ATX `##` or setext `===`/`---`) at the top level of the document (not in a
//   list or block quote) whose text contains the words "acceptance criteria" (any case, any whitespace
//   between). It runs to the next top-level heading of the same or a higher level. Headings nested deeper,
//   even another "More acceptance criteria", stay inside it. A later acceptance-criteria heading after the
//   section ended opens another one.
// - Inside, a criterion is a GFM task list item: a list item (`-`, `*`, `+`, `1.`, `1)`), at any depth, in a
//   block quote too, whose first block is a paragraph that starts with `[ ]` (or a tab inside), `[x]` or
//   `[X]`, followed by a space, a tab or the end of the line, and that has text after the checkbox (on that
//   line or the next).
//   A non-breaking space is no space there: `- [ ]\u00a0x` is plain text, as GitHub shows it.
// - Nothing in fenced code (``` or ~~~; a backtick in a backtick fence's info string makes the line inline
//   code, no fence), indented code or an HTML block (`<!-- … -->`, `<details>` …) counts, and a line four
//   columns in after a blank line is code, not a list item.
// - Its text is the rest of the checkbox's line (or of the next line when that is empty), spaces and tabs
//   trimmed; its line number is 1-based in the whole file.
import { readMarkdown } from "./story-document.js";
import type { MarkdownDocument } from "./story-document.js";

export interface Criterion {
  text: string;
  checked: boolean;
  /** 1-based line number in the whole file (front matter included). */
  line: number;
}

const ACCEPTANCE = /acceptance\s+criteria/i;

/** The criteria of a document read by readMarkdown. */
export function criteriaOf(doc: MarkdownDocument): Criterion[] {
  const { headings, tasks } = doc.blocks;
  const sections: [from: number, to: number][] = [];
  let open: { level: number; from: number } | undefined;
  for (const h of headings) {
    if (open && h.level <= open.level) {
      sections.push([open.from, h.start]);
      open = undefined;
    }
    if (!open && ACCEPTANCE.test(h.text)) open = { level: h.level, from: h.line + 1 };
  }
  if (open) sections.push([open.from, doc.lines.length]);
  return tasks
    .filter((t) => sections.some(([from, to]) => t.line >= from && t.line < to))
    .map((t) => ({ text: t.text, checked: t.checked, line: t.line + 1 }));
}

export function acceptanceCriteria(text: string): Criterion[] {
  return criteriaOf(readMarkdown(text));
}

/** True when the story has at least one acceptance criterion (checked or not). */
export function hasAcceptanceCriteria(text: string): boolean {
  // Cheap answers first for the plan loader, which asks of every story file: without the heading's words or
  // anything like a checkbox there is none.
  if (!ACCEPTANCE.test(text) || !/\[[ \txX]\]/.test(text)) return false;
  return acceptanceCriteria(text).length > 0;
}
