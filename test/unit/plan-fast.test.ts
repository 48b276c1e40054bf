// The fast path for valid plans (plan-fast.ts and the readers under it) must never change an answer: whatever
// it accepts, the full reader (yaml library, zod, every rule) accepts with the same data and the same Plan;
// whatever else there is falls back to the full reader, whose errors stay located to the line and column —
// in a 10,000-story plan too.
import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { parseDocument, stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { findDuplicateJsonKey, findJsonSyntaxError } from "../../src/core/plan/json-syntax.js";
import { hasAcceptanceCheckbox } from "../../src/core/plan/acceptance.js";
import { readPlanData } from "../../src/core/plan/data.js";
import { fitsPlanSchema } from "../../src/core/plan/shape.js";
import { parseYamlSubset } from "../../src/core/plan/yaml-subset.js";
import { formatIssue, parsePlan, parsePlanFast, parsePlanFull, planFileSchema } from "../../src/core/plan/parse.js";
import { computeWaves } from "../../src/core/plan/waves.js";

/** What the full YAML reader makes of a text: its data, or undefined when it reports any error or warning. */
function fullYaml(text: string): { data: unknown } | undefined {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }) };
  } catch {
    return undefined;
  }
}

/** Fast acceptance implies full acceptance with equal data; returns whether the fast reader accepted. */
function agreesWithYaml(text: string): boolean {
  const fast = parseYamlSubset(text);
  if (!fast) return false;
  const full = fullYaml(text);
  expect(full, `the yaml library rejects what the subset reader accepted:\n${text}`).toBeDefined();
  expect(isDeepStrictEqual(fast.data, full?.data), `different data for:\n${text}\nfast: ${JSON.stringify(fast.data)}\nfull: ${JSON.stringify(full?.data)}`).toBe(true);
  return true;
}

// Scalars and keys a plan author (or a typo) might write, including every YAML indicator and core-schema word.
const SCALARS = [
  "x", "demo-001", "Schema + AuthService", "npx vitest run {testFile}", "./agents/tester.sh", "src/__tests__/a.test.ts", "a b", "a  b",
  "", " ", "null", "Null", "NULL", "~", "true", "True", "TRUE", "false", "FALSE", "yes", "no", "on", "1", "10", "007", "+5", "-1", "1.5", ".5",
  "1e3", "0x1F", "0o17", ".inf", "-.Inf", ".nan", "1_000", "a: b", "a:b", "a:", ":a", "a #b", "a#b", "#a", "- a", "-a", "--", "---", "...", "? a",
  "?a", "[a]", "a]", "{a}", "a}", "a, b", ",a", "'q'", '"q"', "it's", 'say "hi"', "a\\b", "\\", "é", "日本", "😀", "@a", "`a", "%a", "&a", "*a", "!a",
  "|", ">", "a |", "a >", "(a)", "$HOME", "a=b", "\u00a0", "a\u00a0", "1h30m", "10m",
];
const KEYS = ["name", "id", "title", "dependsOn", "a", "A_1", "x.y", "x-y", "1", "1a", "true", "null", "~", "a b", "a:b", "__proto__", "-a", "_a", "key", "k".repeat(130), "é"];

type Tree = string | Tree[] | { [key: string]: Tree };
const treeArb: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(...SCALARS),
    fc.array(tie("tree"), { maxLength: 4 }),
    fc.array(fc.tuple(fc.constantFrom(...KEYS), tie("tree")), { maxLength: 4 }).map((pairs) => {
      const map: { [key: string]: Tree } = {};
      for (const [k, v] of pairs) Object.defineProperty(map, k, { value: v, enumerable: true, configurable: true, writable: true });
      return map;
    }),
  ),
})).tree;

interface Style {
  indent: number;
  /** Block sequences under a key at the key's own indentation ("compact") or indented. */
  compactSeq: boolean;
  quote: "plain" | "double" | "single" | "mixed";
  flowLists: boolean;
  comments: boolean;
  crlf: boolean;
  /** Extra spaces after "- " and ": ". */
  pad: number;
}

const styleArb: fc.Arbitrary<Style> = fc.record({
  indent: fc.integer({ min: 1, max: 4 }),
  compactSeq: fc.boolean(),
  quote: fc.constantFrom("plain", "double", "single", "mixed"),
  flowLists: fc.boolean(),
  comments: fc.boolean(),
  crlf: fc.boolean(),
  pad: fc.integer({ min: 0, max: 2 }),
});

/** Writes a tree as YAML in the given style, without escaping anything: the result may well be invalid YAML. */
function writeYaml(tree: Tree, style: Style, seed: number): string {
  let n = seed;
  const pick = (k: number): number => (n = (n * 1103515245 + 12345) & 0x7fffffff) % k;
  const scalar = (s: string): string => {
    const q = style.quote === "mixed" ? (["plain", "double", "single"] as const)[pick(3)] : style.quote;
    if (q === "double") return `"${s}"`;
    if (q === "single") return `'${s.replaceAll("'", "''")}'`;
    return s;
  };
  const comment = (): string => (style.comments && pick(4) === 0 ? ` # note${pick(2) ? " a: b" : ""}` : "");
  const pad = " ".repeat(style.pad);
  const lines: string[] = [];
  const inline = (t: Tree): string | undefined => {
    if (typeof t === "string") return scalar(t);
    if (Array.isArray(t) && style.flowLists && t.every((x) => typeof x === "string")) return `[${t.map((x) => scalar(x as string)).join(", ")}]`;
    if (!Array.isArray(t) && Object.keys(t).length === 0) return "{}";
    if (Array.isArray(t) && t.length === 0) return "[]";
    return undefined;
  };
  const block = (t: Tree, indent: number, first: string | undefined): void => {
    // `first`: the prefix ("- ") the first line of this block shares with its parent sequence item.
    const lead = (i: number): string => (i === 0 && first !== undefined ? first : " ".repeat(indent));
    if (Array.isArray(t)) {
      t.forEach((item, i) => {
        const line = inline(item);
        if (line !== undefined) lines.push(`${lead(i)}-${pad} ${line}${comment()}`);
        else block(item, indent + 2 + style.pad, `${lead(i)}-${pad} `);
      });
    } else if (typeof t === "object") {
      Object.keys(t).forEach((k, i) => {
        const v = t[k] as Tree;
        const line = inline(v);
        if (line !== undefined && pick(5) === 0) lines.push(`${lead(i)}${k}:`, `${" ".repeat(indent + pick(3) * style.indent)}${line}`);
        else if (line !== undefined) lines.push(`${lead(i)}${k}:${pad} ${line}${comment()}`);
        else {
          lines.push(`${lead(i)}${k}:${comment()}`);
          if (pick(6) === 0) lines.push(style.comments ? `${" ".repeat(pick(8))}# between` : "");
          const seqHere = Array.isArray(v) && style.compactSeq;
          block(v, seqHere ? indent : indent + style.indent, undefined);
        }
      });
    } else {
      lines.push(`${lead(0)}${scalar(t)}`);
    }
  };
  block(tree, 0, undefined);
  return lines.join(style.crlf ? "\r\n" : "\n") + (pick(2) ? "\n" : "");
}

const editArb = fc.array(
  fc.record({
    at: fc.nat(),
    what: fc.constantFrom("", " ", "  ", "\n", "\t", ":", ": ", "-", "- ", "#", " #", "'", '"', "[", "]", "{", "}", ",", "&a ", "*a", "!t ", "|", ">", "?", "\r", "---\n", "\u00a0", "\\"),
    cut: fc.integer({ min: 0, max: 3 }),
  }),
  { maxLength: 3 },
);

function edit(text: string, edits: { at: number; what: string; cut: number }[]): string {
  let out = text;
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % (out.length + 1);
    out = out.slice(0, at) + e.what + out.slice(at + e.cut);
  }
  return out;
}

describe("JSON plans: JSON.parse plus the duplicate-key check", () => {
  const jsonArb = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v, null, 1));
  it("accepts exactly what the strict scanner accepts (800 runs)", () => {
    fc.assert(
      fc.property(jsonArb, editArb, fc.constantFrom('"a"', '"\\u0061"', '"b"'), (json, edits, key) => {
        // Duplicate keys, some written with escapes, hidden in otherwise valid JSON.
        const text = edit(json.replace("{", `{${key}: 1, "a": 2,`), edits);
        const fast = readPlanData(text, "p.json");
        expect(fast !== undefined).toBe(findJsonSyntaxError(text) === undefined);
        if (fast) expect(fast.data).toEqual(JSON.parse(text));
      }),
      { numRuns: 800 },
    );
  });

  it("finds duplicates at any depth, keys with escapes included", () => {
    expect(findDuplicateJsonKey('{"a": {"b": 1, "c": [{"x": 1}, {"x": 2}]}, "b": 2}')).toBe(-1);
    expect(findDuplicateJsonKey('{"a": {"b": 1, "\\u0062": 2}}')).toBe(15);
    const quoted = '{"s": "\\"a\\": 1, ", "a": 1, "a": 2}';
    expect(findDuplicateJsonKey(quoted)).toBe(quoted.lastIndexOf('"a"'));
  });
});

// Plan data that is valid, then spoilt in a few random places: the schema check must never accept what zod rejects.
const storyArb = fc.record(
  {
    id: fc.constantFrom("s-1", "s-2", "s-3"),
    title: fc.constantFrom("T", "  T  ", "Schema + AuthService"),
    epic: fc.constantFrom("e", "core-x"),
    file: fc.constantFrom("stories/x.md", "./s/y.md"),
    testFile: fc.constantFrom("t/a.ts", "t.ts"),
    tester: fc.constant("t"),
    implementer: fc.constantFrom("t", "u"),
    dependsOn: fc.array(fc.constantFrom("s-1", "s-2", "s-3"), { maxLength: 2 }),
  },
  { requiredKeys: ["id", "title", "testFile", "tester", "implementer"] },
);
const validPlanArb = fc.record(
  {
    name: fc.constantFrom("p", "p.x_y-1"),
    maxParallel: fc.integer({ min: 1, max: 10 }),
    storiesDir: fc.constantFrom("stories", "docs/s"),
    test: fc.record({ command: fc.constant("t {testFile}"), junit: fc.constant("r/{storyId}.xml"), timeout: fc.constantFrom("1m", "90s") }, { requiredKeys: ["command"] }),
    prompts: fc.record({ tester: fc.constant("p.md"), implementation: fc.constant("q.md") }, { requiredKeys: [] }),
    tdd: fc.record({ requireRed: fc.boolean(), lockTests: fc.boolean() }, { requiredKeys: [] }),
    agents: fc.record({ t: fc.record({ run: fc.constant("r"), timeout: fc.constant("5m"), env: fc.dictionary(fc.constantFrom("A", "B_1"), fc.constant("v"), { maxKeys: 2 }) }, { requiredKeys: ["run"] }), u: fc.constant({ run: "x" }) }),
    stories: fc.uniqueArray(storyArb, { minLength: 1, maxLength: 3, selector: (s) => s.id }),
  },
  { requiredKeys: ["name", "test", "agents", "stories"] },
);
/** Plans as usually written: every dependency earlier in the plan (the one-pass case of plan-fast-stories.ts). */
const inOrderPlanArb = fc
  .tuple(validPlanArb, fc.array(fc.array(fc.nat(), { maxLength: 3 }), { minLength: 1, maxLength: 6 }), fc.boolean())
  .map(([plan, picks, withFile]) => ({
    ...plan,
    stories: picks.map((deps, i) => ({
      id: `s-${i}`,
      title: `Story ${i}`,
      testFile: `t/${i}.ts`,
      tester: "t",
      implementer: i % 2 ? "u" : "t",
      ...(i > 0 && deps.length > 0 ? { dependsOn: [...new Set(deps.map((d) => `s-${d % i}`))] } : {}),
      ...(withFile && i === 0 ? { file: "docs/first.md" } : {}),
    })),
  }));
const JUNK: unknown[] = [null, 1, 0, 11, 2.5, -1, "", " ", "x y", "X", "Bad Name", "10 min", "0m", "a\nb", "9X", [], {}, ["a"], [1], { a: 1 }, true];
const spoilArb = fc.array(fc.record({ node: fc.nat(), key: fc.nat(), junk: fc.nat(), drop: fc.boolean() }), { maxLength: 2 });

/** Sets (or deletes) one key of a randomly chosen mapping or list inside `data`, for each spoil. */
function spoil(data: unknown, spoils: { node: number; key: number; junk: number; drop: boolean }[]): unknown {
  const nodes: (Record<string, unknown> | unknown[])[] = [];
  const collect = (v: unknown): void => {
    if (typeof v !== "object" || v === null) return;
    nodes.push(v as Record<string, unknown> | unknown[]);
    for (const child of Object.values(v)) collect(child);
  };
  collect(data);
  for (const s of spoils) {
    const node = nodes[s.node % nodes.length] as Record<string, unknown> | unknown[];
    if (Array.isArray(node)) {
      // Lists, as parsed, only ever have items: replace, add or remove one.
      const at = s.key % (node.length + 1);
      if (s.drop) node.splice(at, 1);
      else node[at] = JUNK[s.junk % JUNK.length];
      continue;
    }
    const keys = [...Object.keys(node), "colour", "dependOn", "waves", "id", "0"];
    const key = keys[s.key % keys.length] as string;
    if (s.drop) delete node[key];
    else node[key] = JUNK[s.junk % JUNK.length];
  }
  return data;
}

const planDataArb = fc
  .tuple(fc.oneof(validPlanArb, inOrderPlanArb), spoilArb)
  .map(([plan, spoils]) => spoil(JSON.parse(JSON.stringify(plan)), spoils));

describe("the YAML subset reader returns exactly what the yaml library returns, or nothing", () => {
  it("on generated documents in many styles (1500 runs), accepting a good share of them", () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...KEYS.slice(0, 6)), treeArb, { minKeys: 1, maxKeys: 4 }), styleArb, fc.nat(), (root, style, seed) => {
        if (agreesWithYaml(writeYaml(root, style, seed))) accepted++;
      }),
      { numRuns: 1500 },
    );
    expect(accepted).toBeGreaterThan(200);
  });

  it("on generated documents with typos (1500 runs)", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...KEYS.slice(0, 6)), treeArb, { minKeys: 1, maxKeys: 4 }), styleArb, fc.nat(), editArb, (root, style, seed, edits) => {
        agreesWithYaml(edit(writeYaml(root, style, seed), edits));
      }),
      { numRuns: 1500 },
    );
  });

  it("on plans as the yaml library writes them, in its many styles, with and without typos (1000 runs)", () => {
    let accepted = 0;
    const optionsArb = fc.record({
      indent: fc.integer({ min: 1, max: 4 }),
      indentSeq: fc.boolean(),
      defaultStringType: fc.constantFrom("PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE"),
      collectionStyle: fc.constantFrom("any", "block", "flow"),
      flowCollectionPadding: fc.boolean(),
    } as const);
    fc.assert(
      fc.property(planDataArb, optionsArb, fc.option(editArb, { nil: undefined }), (data, options, edits) => {
        const text = stringify(data, options);
        if (agreesWithYaml(edits ? edit(text, edits) : text)) accepted++;
      }),
      { numRuns: 1000 },
    );
    expect(accepted).toBeGreaterThan(200);
  });

  it("on the shapes a plan takes, block and flow", () => {
    const cases = [
      "name: a\nstories:\n- id: x\n  dependsOn:\n  - y\n  title: t\nwaves:\n- [a]\n",
      "waves: [[a], [b]]\n",
      "name: a\nstories:\n  -   id: x\n      title: t\n",
      "a:\n  - b:\n    - c\n    d: e\n",
      "a:\n  - b:\n      - c\n",
      "a: 1\n  # indented comment\nb: 2\n",
      "a: [x, y]   # c\nb: { k: v, k2: 'w' }\n",
      "a: [x, ]\n",
      "a: {k: v, k: w}\n",
      "a: 'it''s'\nb: \"x\"\n",
      "a: b\n c\n",
      "a:\n- b\n - c\n",
      "- a\n- b\n",
      "a: x # c\n#only\n\nb: y\r\n",
      "a: -1\nb: +1\nc: 0012\n",
      "a: 1.5\n",
      "a:\n\nb:\n",
    ];
    for (const text of cases) agreesWithYaml(text);
    expect(parseYamlSubset(cases[0] as string)?.data).toEqual({ name: "a", stories: [{ id: "x", dependsOn: ["y"], title: "t" }], waves: [["a"]] });
  });
});

describe("the zod-free schema check", () => {
  it("accepts only what the schema accepts, and the schema returns such data unchanged (1500 runs)", () => {
    let accepted = 0;
    fc.assert(
      fc.property(planDataArb, (data) => {
        if (!fitsPlanSchema(data)) return;
        accepted++;
        const result = planFileSchema.safeParse(data);
        expect(result.success).toBe(true);
        // zod's objects have no prototype; the content is what must be the same.
        expect(JSON.parse(JSON.stringify(result.data))).toStrictEqual(data);
      }),
      { numRuns: 1500 },
    );
    expect(accepted).toBeGreaterThan(300);
  });
});

describe("parsePlanFast never changes an answer", () => {
  it("gives the full reader's plan whenever it gives one, YAML and JSON (800 runs)", () => {
    let fast = 0;
    fc.assert(
      fc.property(planDataArb, fc.boolean(), (data, asJson) => {
        const file = asJson ? "plan.json" : "plan.yml";
        const text = asJson ? JSON.stringify(data, null, 2) : stringify(data);
        const result = parsePlanFast(text, file);
        if (!result) return;
        fast++;
        const full = parsePlanFull(text, file);
        expect(full.errors.map(formatIssue)).toEqual([]);
        expect(result.plan).toEqual(full.plan);
        expect(result.waves).toEqual(computeWaves(full.plan as NonNullable<typeof full.plan>));
      }),
      { numRuns: 800 },
    );
    expect(fast).toBeGreaterThan(100);
  });
});

describe("acceptance-criteria checkboxes: starting at the first mention changes nothing", () => {
  const lineArb = fc.constantFrom("# T", "## Acceptance Criteria", "### acceptance criteria", "## Notes", "- [ ] a", "* [x] b", "- item", "```", "~~~", "---", "...", "", "text about acceptance criteria", "    - [ ] indented", "#### Sub");
  it("matches a line-by-line reading from the top (800 runs)", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 12 }), fc.constantFrom("\n", "\r\n", "\r"), (lines, eol) => {
        const md = lines.join(eol);
        expect(hasAcceptanceCheckbox(md)).toBe(referenceCheckbox(md));
      }),
      { numRuns: 800 },
    );
  });
});

/** The original reading of the checkbox rule, line by line from the top. */
function referenceCheckbox(markdown: string): boolean {
  const lines = markdown.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  let i = 0;
  if (lines[0]?.trimEnd() === "---") {
    const close = lines.findIndex((l, k) => k > 0 && (l.trimEnd() === "---" || l.trimEnd() === "..."));
    if (close > 0) i = close + 1;
  }
  let fence: string | undefined;
  let acLevel: number | undefined;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (f !== undefined && f[0] === fence[0] && f.length >= fence.length) fence = undefined;
      continue;
    }
    if (f !== undefined) {
      fence = f;
      continue;
    }
    const h = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (h) {
      const level = (h[1] ?? "").length;
      if (acLevel !== undefined && level <= acLevel) acLevel = undefined;
      if (/acceptance criteria/i.test(h[2] ?? "")) acLevel = level;
      continue;
    }
    if (acLevel !== undefined && /^\s*(?:[-*+]|\d{1,9}[.)])\s+\[[ xX]\](?:\s|$)/.test(line)) return true;
  }
  return false;
}

describe("a 10,000-story plan", () => {
  const N = 10_000;
  const id = (i: number): string => `st-${String(i).padStart(5, "0")}`;
  /** The plan text and the 1-based line of each story's "- id:" line. */
  function bigPlan(edit?: (i: number, lines: string[]) => void): { text: string; idLine: number[] } {
    const lines = ["name: big", "test:", "  command: npx vitest run {testFile}", "agents:", "  t:", "    run: ./t.sh", "stories:"];
    const idLine: number[] = [];
    for (let i = 0; i < N; i++) {
      idLine.push(lines.length + 1);
      const story = [`  - id: ${id(i)}`, `    title: Story ${i}`, `    testFile: test/s${i}.test.ts`, "    tester: t", "    implementer: t"];
      if (i > 2) story.push(`    dependsOn: [${id(i - 1)}, ${id(Math.floor(i / 2))}]`);
      edit?.(i, story);
      lines.push(...story);
    }
    return { text: `${lines.join("\n")}\n`, idLine };
  }

  it("is read on the fast path, with the same plan as the full reader", () => {
    const { text } = bigPlan();
    const fast = parsePlanFast(text, "big.yml");
    expect(fast?.plan.stories).toHaveLength(N);
    expect(fast?.waves).toHaveLength(N - 2);
    expect(fast?.plan).toEqual(parsePlanFull(text, "big.yml").plan);
  });

  it("still gets every error located exactly (line:col)", () => {
    const { text, idLine } = bigPlan((i, story) => {
      if (i === 7777) story[5] = "    dependsOn: [st-07776, st-99999]";
      if (i === 9000) story.push("    colour: red");
      if (i === 9500) story[0] = `  - id: ${id(12)}`;
      if (i === 9999) story[4] = "    implementer: ghost";
    });
    const { plan, errors } = parsePlan(text, "big.yml");
    expect(plan).toBeUndefined();
    expect(errors.map(formatIssue)).toEqual([
      `big.yml:${idLine[7777]! + 5}:27 stories[7777].dependsOn[1]: unknown story "st-99999"`,
      `big.yml:${idLine[9000]! + 6}:5 stories[9000].colour: unknown key "colour"`,
      `big.yml:${idLine[9500]!}:9 stories[9500].id: duplicate story id "st-00012" (first used by stories[12], line ${idLine[12]!})`,
      // st-09500 no longer exists: its dependents name an unknown story.
      `big.yml:${idLine[9501]! + 5}:17 stories[9501].dependsOn[0]: unknown story "st-09500"`,
      `big.yml:${idLine[9999]! + 4}:18 stories[9999].implementer: unknown agent "ghost" (agents defines "t")`,
    ]);
  });

  it("still names a cycle at the dependency that closes it", () => {
    const { text, idLine } = bigPlan((i, story) => {
      if (i === 10) story[5] = `    dependsOn: [${id(9)}, ${id(11)}]`;
    });
    expect(parsePlan(text, "big.yml").errors.map(formatIssue)).toEqual([
      `big.yml:${idLine[10]! + 5}:27 stories[10].dependsOn[1]: cycle: st-00010 -> st-00011 -> st-00010`,
    ]);
  });
});
