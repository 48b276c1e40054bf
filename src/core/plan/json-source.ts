// A JSON plan: JSON.parse gives the verdict and the data (exactly JSON's grammar, "__proto__" an ordinary key);
// jsonc-parser, a maintained located JSON parser, says where and why a text is not JSON — comments, trailing
// commas, single quotes and other YAML-only syntax included — finds duplicate keys (JSON.parse keeps the last one
// silently) and where each key path is written.
import { findNodeAtLocation, getLocation, parse, parseTree, printParseErrorCode, visit } from "jsonc-parser";
import type { Node as JsonNode, ParseError } from "jsonc-parser";
import { positionAt } from "./document.js";
import type { PlanDocument } from "./document.js";

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false } as const;

export function readJsonDocument(body: string): PlanDocument {
  let tree: JsonNode | undefined;
  const locate: PlanDocument["locate"] = (path, target = "value") => {
    tree ??= parseTree(body, [], STRICT);
    return positionAt(body, locateOffset(tree, path, target));
  };
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    return { data: undefined, syntax: [syntaxError(body, e)], locate };
  }
  const duplicates = duplicateKeys(body);
  return duplicates.length > 0 ? { data: undefined, syntax: duplicates, locate } : { data, syntax: [], locate };
}

/** Where and why JSON.parse refused `body`, in words. */
function syntaxError(body: string, e: unknown): PlanDocument["syntax"][number] {
  const errors: ParseError[] = [];
  parse(body, errors, STRICT);
  const first = errors[0];
  if (!first) {
    // jsonc-parser saw nothing wrong: JSON.parse's own words, where it says where.
    const message = e instanceof Error ? e.message : String(e);
    const at = /at position (\d+)/.exec(message);
    return { ...positionAt(body, at ? Number(at[1]) : 0), message: `JSON syntax error: ${message}` };
  }
  return { ...positionAt(body, first.offset), message: `JSON syntax error: ${explain(body, first)}` };
}

function explain(body: string, error: ParseError): string {
  const found = foundAt(body, error.offset, error.length);
  const afterComma = /,\s*$/.test(body.slice(0, error.offset));
  switch (printParseErrorCode(error.error)) {
    case "InvalidCommentToken":
    case "UnexpectedEndOfComment":
      return "comments are not allowed in JSON";
    case "ValueExpected":
    case "PropertyNameExpected":
      if (afterComma && (found === '"]"' || found === '"}"')) return `trailing comma before ${found}`;
      if (found === `"'"`) return "strings and keys take double quotes in JSON, not single quotes";
      return printParseErrorCode(error.error) === "ValueExpected" ? `expected a value, found ${found}` : `expected a key in double quotes, found ${found}`;
    case "InvalidSymbol":
      if (found.startsWith(`"'`)) return "strings and keys take double quotes in JSON, not single quotes";
      return getLocation(body, error.offset).isAtPropertyKey ? `expected a key in double quotes, found ${found}` : `expected a value, found ${found}`;
    case "ColonExpected":
      return `expected ":" after the key, found ${found}`;
    case "CommaExpected":
      return `expected "," between items, found ${found}`;
    case "CloseBraceExpected":
      return error.offset >= body.length ? 'unexpected end of file: missing "}"' : `expected "," or "}", found ${found}`;
    case "CloseBracketExpected":
      return error.offset >= body.length ? 'unexpected end of file: missing "]"' : `expected "," or "]", found ${found}`;
    case "EndOfFileExpected":
      return `unexpected ${found} after the end of the JSON value`;
    case "UnexpectedEndOfString":
      return "a string is not closed";
    case "InvalidNumberFormat":
    case "UnexpectedEndOfNumber":
      return "not a valid JSON number";
    case "InvalidUnicode":
      return 'invalid "\\u" escape in a string';
    case "InvalidEscapeCharacter":
      return "invalid escape sequence in a string";
    case "InvalidCharacter":
      return "control characters in strings must be escaped (\\n, \\t, \\u0000 …)";
    default:
      return `unexpected ${found}`;
  }
}

function foundAt(body: string, offset: number, length: number): string {
  if (offset >= body.length) return "end of file";
  const token = body.slice(offset, offset + Math.max(1, Math.min(length, 20)));
  return JSON.stringify(token);
}

/** Every key that appears twice in one object, located at its second appearance. */
function duplicateKeys(body: string): PlanDocument["syntax"] {
  const found: PlanDocument["syntax"] = [];
  const open: Set<string>[] = [];
  visit(
    body,
    {
      onObjectBegin: () => void open.push(new Set()),
      onObjectEnd: () => void open.pop(),
      onObjectProperty: (key, offset) => {
        const keys = open[open.length - 1];
        if (!keys) return;
        if (keys.has(key)) found.push({ ...positionAt(body, offset), message: `JSON syntax error: duplicate key ${JSON.stringify(key)} (each key may appear once in an object)` });
        keys.add(key);
      },
    },
    STRICT,
  );
  return found;
}

/** The offset a key path is written at, or the nearest enclosing value's when part of it is missing. */
function locateOffset(tree: JsonNode | undefined, path: readonly (string | number)[], target: "value" | "key"): number {
  let node = tree;
  let offset = tree?.offset ?? 0;
  for (let i = 0; i < path.length && node; i++) {
    const seg = path[i] as string | number;
    const last = i === path.length - 1;
    if (node.type === "object") {
      const property = node.children?.find((p) => p.children?.[0]?.value === String(seg));
      if (!property) break;
      offset = property.offset;
      if (last && target === "key") break;
      node = property.children?.[1];
      if (node) offset = node.offset;
    } else if (node.type === "array" && typeof seg === "number") {
      node = findNodeAtLocation(node, [seg]);
      if (node) offset = node.offset;
    } else {
      break;
    }
  }
  return offset;
}
