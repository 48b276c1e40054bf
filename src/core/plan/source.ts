// A plan file's text as a YAML document with positions: syntax errors located by line and column, and a
// locator that maps a key path (["stories", 2, "dependsOn", 0]) back to where it is written, so that
// every later error can be reported as FILE:LINE:COL path: message.
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, visit, isAlias } from "yaml";
import type { Document, Node as YamlNode } from "yaml";
import { findJsonSyntaxError } from "./json-syntax.js";
import { readPlanData } from "./data.js";
import { formatPath, planFormat } from "./issue.js";
import type { KeyPath, PlanIssue, Position } from "./issue.js";

export { formatIssue, formatPath, planFormat } from "./issue.js";
export type { KeyPath, PlanFormat, PlanIssue, Position } from "./issue.js";

export interface PlanSource {
  fileName: string;
  /** The parsed data (plain JS values), undefined when the file has syntax errors. */
  data: unknown;
  issues: PlanIssue[];
  /** Where a key path is written: "value" (default) points at the value, "key" at the key itself. */
  locate(path: KeyPath, target?: "value" | "key"): Position;
  /** An issue located at `path`. */
  issue(path: KeyPath, message: string, target?: "value" | "key"): PlanIssue;
}

/** Syntax errors beyond this many are dropped: after a few, the rest are usually echoes of the first. */
const MAX_SYNTAX_ERRORS = 20;

/** Parses plan text (YAML, or JSON checked against JSON's own grammar) into data with positions. */
export function readPlanSource(text: string, fileName: string): PlanSource {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  // The data comes from the fast exact readers when they can (plan-data.ts: JSON.parse, the YAML subset); the
  // YAML document, for positions, is only built when an error needs locating or the fast readers cannot tell.
  let doc: Document | undefined;
  const document = (): Document => (doc ??= parseDocument(body, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true }));
  const locate = makeLocator(document, lineCounter);
  const source: PlanSource = {
    fileName,
    data: undefined,
    issues: [],
    locate,
    issue: (path, message, target) => ({ file: fileName, ...locate(path, target), path: formatPath(path), message }),
  };
  const format = planFormat(fileName);
  if (format === undefined) {
    source.issues.push(fileIssue(fileName, { line: 1, col: 1 }, "unsupported plan file extension: use .yml, .yaml or .json"));
  } else {
    const fast = readPlanData(text, fileName);
    if (fast) source.data = fast.data;
    else if (format === "json") readJson(body, source);
    else readYaml(document(), lineCounter, source);
  }
  return source;
}

function fileIssue(file: string, pos: Position, message: string): PlanIssue {
  return { file, ...pos, path: "", message };
}

function positionAt(text: string, offset: number): Position {
  const lines = text.slice(0, Math.max(0, offset)).split(/\r\n|\r|\n/);
  return { line: lines.length, col: (lines[lines.length - 1] ?? "").length + 1 };
}

function readJson(body: string, source: PlanSource): void {
  const err = findJsonSyntaxError(body);
  if (err) source.issues.push(fileIssue(source.fileName, positionAt(body, err.offset), `JSON syntax error: ${err.message}`));
  else source.data = JSON.parse(body);
}

function readYaml(doc: Document, lineCounter: LineCounter, source: PlanSource): void {
  const at = (offset: number): Position => lineCounter.linePos(offset);
  const syntax = [...doc.errors, ...doc.warnings].map((e) => fileIssue(source.fileName, at(e.pos[0]), `YAML syntax error: ${yamlMessage(e.code, e.message)}`));
  if (syntax.length > 0) {
    source.issues.push(...dedupe(syntax).slice(0, MAX_SYNTAX_ERRORS));
    return;
  }
  try {
    source.data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    source.issues.push(fileIssue(source.fileName, aliasPosition(doc, lineCounter), `YAML error: ${e instanceof Error ? e.message : String(e)}`));
  }
}

function yamlMessage(code: string, message: string): string {
  if (code === "DUPLICATE_KEY") return "duplicate key (each key may appear once in a mapping)";
  if (code === "TAB_AS_INDENT") return "tabs are not allowed for indentation; use spaces";
  if (code === "MULTIPLE_DOCS") return "the file holds several YAML documents (\"---\"); a plan is one document";
  return message.replace(/\s+/g, " ").trim();
}

function dedupe(issues: PlanIssue[]): PlanIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.line}:${i.col}:${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Where the first alias is: toJS only fails on aliases (unknown anchor, too many aliases). */
function aliasPosition(doc: Document, lc: LineCounter): Position {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return lc.linePos(offset);
}

function makeLocator(document: () => Document, lc: LineCounter): PlanSource["locate"] {
  return (path, target = "value") => {
    const doc = document();
    const start = nodeStart(doc.contents as YamlNode | null);
    let offset = start ?? 0;
    let node: unknown = doc.contents;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i] as string | number;
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        const keyStart = nodeStart(pair.key as YamlNode);
        if (keyStart !== undefined) offset = keyStart;
        if (last && target === "key") break;
        node = pair.value;
        const valueStart = hasSource(node) ? nodeStart(node as YamlNode) : undefined;
        if (valueStart !== undefined) offset = valueStart;
      } else if (isSeq(node) && typeof seg === "number") {
        node = node.items[seg];
        const itemStart = nodeStart(node as YamlNode);
        if (itemStart === undefined) break;
        offset = itemStart;
      } else {
        break;
      }
      if (isAlias(node)) break;
    }
    return lc.linePos(offset);
  };
}

/** A value node that is written in the file (`key:` with nothing after it is not worth pointing at). */
function hasSource(node: unknown): boolean {
  if (!node) return false;
  if (isScalar(node)) return !(node.value === null && (node.source === "" || node.source === undefined));
  return true;
}

function nodeStart(node: YamlNode | null | undefined): number | undefined {
  const range = node && (node as { range?: [number, number, number] | null }).range;
  return range ? range[0] : undefined;
}
