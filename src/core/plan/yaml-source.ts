// A YAML plan read by the `yaml` library: its LineCounter gives every error and every key path a line and column.
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit } from "yaml";
import type { Document, Node as YamlNode } from "yaml";
import type { PlanDocument } from "./document.js";
import type { Position } from "./issue.js";

/** Syntax errors beyond this many are dropped: after a few, the rest are usually echoes of the first. */
const MAX_SYNTAX_ERRORS = 20;

export function readYamlDocument(body: string): PlanDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(body, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const at = (offset: number): Position => lineCounter.linePos(offset);
  const result: PlanDocument = { data: undefined, syntax: [], locate: makeLocator(doc, lineCounter) };
  const errors = [...doc.errors, ...doc.warnings];
  if (errors.length > 0) {
    const seen = new Set<string>();
    for (const e of errors) {
      const syntax = { ...at(e.pos[0]), message: `YAML syntax error: ${yamlMessage(e.code, e.message)}` };
      const key = `${syntax.line}:${syntax.col}:${syntax.message}`;
      if (!seen.has(key) && seen.size < MAX_SYNTAX_ERRORS) result.syntax.push(syntax);
      seen.add(key);
    }
    return result;
  }
  try {
    result.data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    result.syntax.push({ ...aliasPosition(doc, lineCounter), message: `YAML error: ${e instanceof Error ? e.message : String(e)}` });
  }
  return result;
}

function yamlMessage(code: string, message: string): string {
  if (code === "DUPLICATE_KEY") return "duplicate key (each key may appear once in a mapping)";
  if (code === "TAB_AS_INDENT") return "tabs are not allowed for indentation; use spaces";
  if (code === "MULTIPLE_DOCS") return 'the file holds several YAML documents ("---"); a plan is one document';
  return message.replace(/\s+/g, " ").trim();
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

function makeLocator(doc: Document, lc: LineCounter): PlanDocument["locate"] {
  return (path, target = "value") => {
    let offset = nodeStart(doc.contents as YamlNode | null) ?? 0;
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
