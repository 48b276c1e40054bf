// The Markdown block structure of a story file, read line by line the way CommonMark 0.31 (and so GitHub)
// reads it: block quotes and list items (with tab stops), ATX and setext headings, fenced and indented code,
// HTML blocks, thematic breaks, paragraphs with lazy continuation lines, and GFM task list items. Only what the
// story file format needs comes out: the document-level headings, which lines are literal (code, HTML), the
// task list items, and what closes a block left open at the end. Inline content is not parsed.
//
// The algorithm is CommonMark's own (the reference implementation's block phase): for each line, the open
// containers it continues, then the new blocks it starts, then the rest as paragraph text. Not modelled,
// since no story file needs them: link reference definitions (a paragraph of nothing but definitions
// followed by `===` is still read as a heading here) and the tight/loose distinction of lists.

/** A heading at the top level of the document (not inside a list or a block quote). */
export interface MarkdownHeading {
  level: number;
  /** Its text as written, inline markup and all; a setext heading's lines joined by "\n". */
  text: string;
  /** Its first line (a setext heading starts at its first text line). */
  start: number;
  /** Its last line: the ATX line, or the setext underline. */
  line: number;
}

/** A GFM task list item: a list item whose first block is a paragraph opening with `[ ]`, `[x]` or `[X]`. */
export interface TaskItem {
  /** The line of the checkbox. */
  line: number;
  checked: boolean;
  /** The rest of that line (or, when it has nothing else, of the next), spaces and tabs trimmed. */
  text: string;
}

export interface BlockScan {
  headings: MarkdownHeading[];
  /** Per line: inside fenced or indented code or an HTML block, where no heading, field or checkbox is. */
  literal: boolean[];
  tasks: TaskItem[];
  /**
   * A line that closes the document-level block still open at the end, when only such a line can: a fence's
   * marker, or an HTML block's end (`-->`, …). A heading appended after it then starts a section.
   */
  openEnd?: string;
}

type Block =
  | { type: "document" }
  | { type: "quote" }
  | { type: "item"; contentOffset: number; hasChild: boolean }
  | { type: "paragraph"; start: number; lines: string[]; task?: PendingTask }
  | { type: "fence"; char: string; length: number; indent: number; marker: string }
  | { type: "indented" }
  | { type: "html"; kind: number; opening: string };

interface PendingTask {
  item: TaskItem;
  /** Known to be a task: something follows the checkbox in its paragraph. */
  confirmed: boolean;
}

/** Spaces and tabs trimmed from both ends, in linear time whatever the text (a regex `[ \t]+$` is not). */
function trim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text[start] === " " || text[start] === "\t")) start++;
  while (end > start && (text[end - 1] === " " || text[end - 1] === "\t")) end--;
  return text.slice(start, end);
}

/** An ATX heading's text: without the optional closing run of `#` (after a space or tab, or alone). */
function atxText(rest: string): string {
  const text = trim(rest);
  let i = text.length;
  while (i > 0 && text[i - 1] === "#") i--;
  if (i === text.length) return text;
  if (i === 0) return "";
  return text[i - 1] === " " || text[i - 1] === "\t" ? trim(text.slice(0, i)) : text;
}
const ATX = /^#{1,6}(?:[ \t]+|$)/;
/** A backtick fence's info string may not contain a backtick: that line is inline code. */
const FENCE_OPEN = /^`{3,}(?!.*`)|^~{3,}/;
const FENCE_CLOSE = /^(?:`{3,}|~{3,})(?=[ \t]*$)/;
const SETEXT = /^(?:=+|-+)[ \t]*$/;
const THEMATIC = /^(?:\*[ \t]*){3,}$|^(?:_[ \t]*){3,}$|^(?:-[ \t]*){3,}$/;
const BULLET = /^[*+-]/;
const ORDERED = /^(\d{1,9})([.)])/;
const TASK = /^\[([ \txX])\](?:[ \t]|$)/;
/** Characters a block start can begin with: any other line is paragraph text. */
const MAYBE_SPECIAL = /^[#`~*+_=<>0-9-]/;

const TAG_NAME = "[A-Za-z][A-Za-z0-9-]*";
const ATTRIBUTE = `(?:\\s+[a-zA-Z_:][a-zA-Z0-9_.:-]*(?:\\s*=\\s*(?:[^"'=<>\`\\x00-\\x20]+|'[^']*'|"[^"]*"))?)`;
const HTML_OPEN: readonly RegExp[] = [
  /^<(?:script|pre|textarea|style)(?:\s|>|$)/i,
  /^<!--/,
  /^<[?]/,
  /^<![A-Za-z]/,
  /^<!\[CDATA\[/,
  /^<[/]?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[123456]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\s|[/]?[>]|$)/i,
  new RegExp(`^(?:<${TAG_NAME}${ATTRIBUTE}*\\s*/?>|</${TAG_NAME}\\s*>)\\s*$`, "i"),
];
/** How HTML blocks of kinds 1–5 end (6 and 7 end at a blank line). */
const HTML_CLOSE: readonly RegExp[] = [/<\/(?:script|pre|textarea|style)>/i, /-->/, /\?>/, />/, /\]\]>/];

/** A line that ends an HTML block of kind 1–5. */
function htmlCloser(block: { kind: number; opening: string }): string {
  if (block.kind === 1) return `</${/^<([a-z]+)/i.exec(block.opening)![1]!.toLowerCase()}>`;
  return ["-->", "?>", ">", "]]>"][block.kind - 2]!;
}

const isLeaf = (b: Block): boolean => b.type !== "document" && b.type !== "quote" && b.type !== "item";

/** Reads the block structure of `lines` (line texts without their line endings). */
export function scanBlocks(lines: readonly string[]): BlockScan {
  const scanner = new Scanner();
  lines.forEach((text, index) => scanner.line(text, index));
  return scanner.finish(lines.length);
}

class Scanner {
  /** The open blocks, outermost (the document) first: in CommonMark only a last child can be open. */
  private readonly open: Block[] = [{ type: "document" }];
  private readonly out: BlockScan = { headings: [], literal: [], tasks: [] };
  /** How many of the open blocks the current line continues (the document always). */
  private matched = 1;
  // The cursor on the current line, in characters (offset) and in columns (tabs stop every 4).
  private text = "";
  private index = 0;
  private offset = 0;
  private column = 0;
  private nextNonspace = 0;
  private nextNonspaceColumn = 0;
  private indent = 0;
  private blank = false;
  /** The run from spacesFrom to nextNonspace was spaces only: findNextNonspace can answer from it. */
  private spacesOnly = false;
  private spacesFrom = 0;

  private get tip(): Block {
    return this.open[this.open.length - 1]!;
  }

  finish(length: number): BlockScan {
    for (let i = 0; i < length; i++) this.out.literal[i] ??= false;
    const top = this.open[1];
    if (top?.type === "fence") this.out.openEnd = top.marker;
    else if (top?.type === "html" && top.kind <= 5) this.out.openEnd = htmlCloser(top);
    while (this.open.length > 1) this.pop();
    return this.out;
  }

  line(text: string, index: number): void {
    this.text = text;
    this.index = index;
    this.offset = 0;
    this.column = 0;
    this.spacesOnly = false;

    // 1. Which open blocks does this line continue?
    this.matched = 1;
    while (this.matched < this.open.length) {
      this.findNextNonspace();
      const r = this.continues(this.open[this.matched]!);
      if (r === "done") return;
      if (r === "no") break;
      this.matched++;
    }
    const allClosed = this.matched === this.open.length;
    let container = this.open[this.matched - 1]!;

    // 2. New blocks this line starts.
    let leaf = container.type !== "paragraph" && isLeaf(container);
    while (!leaf) {
      this.findNextNonspace();
      if (this.indent < 4 && !MAYBE_SPECIAL.test(this.text.slice(this.nextNonspace))) {
        this.advanceNextNonspace();
        break;
      }
      const started = this.start(container, allClosed);
      if (started === undefined) {
        this.advanceNextNonspace();
        break;
      }
      container = this.tip;
      leaf = started === "leaf";
    }

    // 3. The rest of the line.
    if (!allClosed && !this.blank && this.tip.type === "paragraph" && this.matched < this.open.length) {
      this.addParagraphLine(this.tip); // a lazy continuation line
      return;
    }
    this.closeUnmatched();
    if (container.type === "fence" || container.type === "indented") {
      this.out.literal[index] = true;
    } else if (container.type === "html") {
      this.out.literal[index] = true;
      if (container.kind <= 5 && HTML_CLOSE[container.kind - 1]!.test(this.text.slice(this.offset))) this.pop();
    } else if (container.type === "paragraph") {
      this.addParagraphLine(container);
    } else if (this.offset < this.text.length && !this.blank) {
      this.advanceNextNonspace();
      this.startParagraph();
    }
  }

  private closeUnmatched(): void {
    while (this.open.length > this.matched) this.pop();
  }

  private pop(): void {
    const block = this.open.pop()!;
    if (block.type === "paragraph" && block.task?.confirmed) this.out.tasks.push(block.task.item);
  }

  private continues(block: Block): "yes" | "no" | "done" {
    switch (block.type) {
      case "quote":
        if (this.indent < 4 && this.text[this.nextNonspace] === ">") {
          this.advanceNextNonspace();
          this.advanceOffset(1, false);
          if (this.isSpaceOrTab(this.offset)) this.advanceOffset(1, true);
          return "yes";
        }
        return "no";
      case "item":
        if (this.blank) {
          if (!block.hasChild) return "no"; // a list item may begin with at most one blank line
          this.advanceNextNonspace();
          return "yes";
        }
        if (this.indent >= block.contentOffset) {
          this.advanceOffset(block.contentOffset, true);
          return "yes";
        }
        return "no";
      case "fence": {
        this.out.literal[this.index] = true;
        const m = this.indent < 4 && this.text[this.nextNonspace] === block.char ? FENCE_CLOSE.exec(this.text.slice(this.nextNonspace)) : null;
        if (m && m[0].length >= block.length) {
          this.matched++;
          this.closeUnmatched();
          this.pop();
          return "done";
        }
        for (let i = block.indent; i > 0 && this.isSpaceOrTab(this.offset); i--) this.advanceOffset(1, true);
        return "yes";
      }
      case "indented":
        if (this.indent >= 4) {
          this.advanceOffset(4, true);
          return "yes";
        }
        if (this.blank) {
          this.advanceNextNonspace();
          return "yes";
        }
        return "no";
      case "html":
        return this.blank && block.kind >= 6 ? "no" : "yes";
      case "paragraph":
        return this.blank ? "no" : "yes";
      case "document":
        return "yes";
    }
  }

  /** Tries each block start in CommonMark's order: a container, a leaf, or nothing. */
  private start(container: Block, allClosed: boolean): "container" | "leaf" | undefined {
    const rest = this.text.slice(this.nextNonspace);
    const indented = this.indent >= 4;
    if (!indented && rest[0] === ">") {
      this.advanceNextNonspace();
      this.advanceOffset(1, false);
      if (this.isSpaceOrTab(this.offset)) this.advanceOffset(1, true);
      this.add({ type: "quote" });
      return "container";
    }
    let m: RegExpExecArray | null;
    if (!indented && (m = ATX.exec(rest))) {
      this.advanceNextNonspace();
      this.advanceOffset(m[0].length, false);
      const text = atxText(this.text.slice(this.offset));
      this.heading(trim(m[0]).length, text, this.index);
      return "leaf";
    }
    if (!indented && (m = FENCE_OPEN.exec(rest))) {
      this.out.literal[this.index] = true;
      this.add({ type: "fence", char: m[0][0]!, length: m[0].length, indent: this.indent, marker: m[0] });
      this.advanceNextNonspace();
      this.advanceOffset(m[0].length, false);
      return "leaf";
    }
    if (!indented && rest[0] === "<") {
      for (let kind = 1; kind <= 7; kind++) {
        if (!HTML_OPEN[kind - 1]!.test(rest)) continue;
        // The last kind (any other tag alone on its line) cannot interrupt a paragraph, even a lazy one.
        if (kind === 7 && (container.type === "paragraph" || (!allClosed && !this.blank && this.tip.type === "paragraph"))) continue;
        this.add({ type: "html", kind, opening: rest });
        return "leaf";
      }
    }
    if (!indented && container.type === "paragraph" && (m = SETEXT.exec(rest))) {
      // The paragraph so far becomes the heading's text: no paragraph, so no task either.
      delete container.task;
      this.matched--;
      this.closeUnmatched();
      this.heading(m[0][0] === "=" ? 1 : 2, trim(container.lines.join("\n")), container.start);
      return "leaf";
    }
    if (!indented && THEMATIC.test(rest)) {
      this.closeUnmatched();
      this.closeLeaf();
      this.noteChild();
      this.offset = this.text.length;
      return "leaf";
    }
    const contentOffset = this.listItem(container);
    if (contentOffset !== undefined) {
      this.add({ type: "item", contentOffset, hasChild: false });
      return "container";
    }
    if (indented && this.tip.type !== "paragraph" && !this.blank) {
      this.advanceOffset(4, true);
      this.add({ type: "indented" });
      return "leaf";
    }
    return undefined;
  }

  /** When the line opens a list item: the column its content starts at (CommonMark's rules for the gap). */
  private listItem(container: Block): number | undefined {
    if (this.indent >= 4) return undefined;
    const rest = this.text.slice(this.nextNonspace);
    const m = BULLET.exec(rest) ?? ORDERED.exec(rest);
    if (!m) return undefined;
    // Interrupting a paragraph, an ordered list starts at 1 and no item is empty.
    if (m[2] !== undefined && container.type === "paragraph" && m[1] !== "1") return undefined;
    const after = this.text[this.nextNonspace + m[0].length];
    if (after !== undefined && after !== " " && after !== "\t") return undefined;
    if (container.type === "paragraph" && !/[^ \t]/.test(this.text.slice(this.nextNonspace + m[0].length))) return undefined;
    const markerColumn = this.indent;
    this.advanceNextNonspace();
    this.advanceOffset(m[0].length, true);
    const spacesStartColumn = this.column;
    const spacesStartOffset = this.offset;
    do this.advanceOffset(1, true);
    while (this.column - spacesStartColumn < 5 && this.isSpaceOrTab(this.offset));
    const spaces = this.column - spacesStartColumn;
    if (spaces >= 5 || spaces < 1 || this.offset >= this.text.length) {
      // Content five columns in is code inside the item (and an empty first line says nothing): one space.
      this.column = spacesStartColumn;
      this.offset = spacesStartOffset;
      if (this.isSpaceOrTab(this.offset)) this.advanceOffset(1, true);
      return markerColumn + m[0].length + 1;
    }
    return markerColumn + m[0].length + spaces;
  }

  /** Adds a block as the last child of the innermost open container, closing what this line did not continue. */
  private add(block: Block): void {
    this.closeUnmatched();
    this.closeLeaf();
    this.noteChild();
    this.open.push(block);
    this.matched = this.open.length;
  }

  /** A leaf holds no blocks: a new block beside one closes it. */
  private closeLeaf(): void {
    while (isLeaf(this.tip)) this.pop();
    this.matched = this.open.length;
  }

  private noteChild(): void {
    const parent = this.tip;
    if (parent.type === "item") parent.hasChild = true;
  }

  private heading(level: number, text: string, start: number): void {
    this.closeUnmatched();
    this.closeLeaf();
    this.noteChild();
    if (this.open.length === 1) this.out.headings.push({ level, text, start, line: this.index });
    this.offset = this.text.length;
  }

  private startParagraph(): void {
    const text = this.text.slice(this.offset);
    const parent = this.tip;
    const firstInItem = parent.type === "item" && !parent.hasChild;
    const paragraph: Block = { type: "paragraph", start: this.index, lines: [text] };
    this.add(paragraph);
    const m = firstInItem ? TASK.exec(text) : null;
    if (m) {
      const rest = trim(text.slice(3));
      paragraph.task = { item: { line: this.index, checked: m[1] === "x" || m[1] === "X", text: rest }, confirmed: rest !== "" };
    }
  }

  private addParagraphLine(paragraph: Block): void {
    if (paragraph.type !== "paragraph") return;
    const text = this.text.slice(this.offset);
    paragraph.lines.push(text);
    const task = paragraph.task;
    if (task && !task.confirmed) {
      task.confirmed = true;
      task.item.text = trim(text);
    }
  }

  private findNextNonspace(): void {
    // Each open container asks again from a little further on: a run of spaces already scanned is not scanned
    // again (with thousands of nested items, that would make a line cost the square of its indentation).
    if (this.spacesOnly && this.offset >= this.spacesFrom && this.offset <= this.nextNonspace) {
      this.nextNonspaceColumn = this.column + (this.nextNonspace - this.offset);
      this.indent = this.nextNonspaceColumn - this.column;
      return;
    }
    let i = this.offset;
    let cols = this.column;
    let tabs = false;
    for (;;) {
      const c = this.text[i];
      if (c === " ") cols++;
      else if (c === "\t") {
        cols += 4 - (cols % 4);
        tabs = true;
      } else break;
      i++;
    }
    this.spacesOnly = !tabs;
    this.spacesFrom = this.offset;
    this.blank = i >= this.text.length;
    this.nextNonspace = i;
    this.nextNonspaceColumn = cols;
    this.indent = cols - this.column;
  }

  private advanceNextNonspace(): void {
    this.offset = this.nextNonspace;
    this.column = this.nextNonspaceColumn;
  }

  /** Moves `count` characters, or with `columns` that many columns (a tab may then be consumed in part). */
  private advanceOffset(count: number, columns: boolean): void {
    while (count > 0 && this.offset < this.text.length) {
      if (this.text[this.offset] === "\t") {
        const toTab = 4 - (this.column % 4);
        if (columns) {
          const step = Math.min(toTab, count);
          this.column += step;
          if (step === toTab) this.offset++;
          count -= step;
        } else {
          this.column += toTab;
          this.offset++;
          count--;
        }
      } else {
        this.offset++;
        this.column++;
        count--;
      }
    }
  }

  private isSpaceOrTab(at: number): boolean {
    const c = this.text[at];
    return c === " " || c === "\t";
  }
}
