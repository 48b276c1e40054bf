// Properties of the story file editor over arbitrary surrounding text: bytes outside the owned regions
// survive, written values read back, updates are idempotent, and criteria are read exactly.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { statusToFrontMatter } from "../../src/core/story/status.js";
import { readStoryFile, updateStoryFile } from "../../src/core/story/story-file.js";
import type { StoryFileUpdate } from "../../src/core/story/story-file.js";
import type { StoryStatus } from "../../src/core/state/state.js";

const RUNS = Number(process.env.STORY_FILE_RUNS ?? 400);

type FieldKey = "status" | "assignee" | "testFile" | "verified";
const KEYS: FieldKey[] = ["status", "assignee", "testFile", "verified"];
const STATUSES: StoryStatus[] = ["pending", "testing", "implementing", "complete", "failed", "blocked"];
const DISPLAY: Record<StoryStatus, string> = {
  pending: "⏳ Pending",
  testing: "🧪 Testing",
  implementing: "🔄 Implementing",
  complete: "✅ Complete",
  failed: "❌ Failed",
  blocked: "⛔ Blocked",
};

// ---------------------------------------------------------------------------------------------------
// The generated file: lines, each with the role it plays

type Role =
  | { kind: "keep" }
  | { kind: "field"; key: FieldKey; head: string; trail: string }
  | { kind: "fmStatus"; head: string; tail: string }
  | { kind: "criterion"; text: string; checked: boolean }
  | { kind: "completionHead" }
  | { kind: "completionBody" };

interface Row {
  text: string;
  role: Role;
}

interface Model {
  bom: boolean;
  rows: Row[];
  /** One EOL choice per row, cycled. */
  eolPattern: boolean[];
  finalNewline: boolean;
  title?: string;
}

interface Physical {
  text: string;
  eol: string;
}

const keep = (text: string): Row => ({ text, role: { kind: "keep" } });

function physical(model: Model): Physical[] {
  const out = model.rows.map((r, i) => ({ text: r.text, eol: model.eolPattern[i % model.eolPattern.length] ? "\r\n" : "\n" }));
  if (!model.finalNewline && out.length) out[out.length - 1]!.eol = "";
  return out;
}

function render(model: Model): string {
  return (model.bom ? "\uFEFF" : "") + physical(model).map((l) => l.text + l.eol).join("");
}

function dominant(lines: Physical[]): string {
  const crlf = lines.filter((l) => l.eol === "\r\n").length;
  const lf = lines.filter((l) => l.eol === "\n").length;
  return crlf > lf ? "\r\n" : "\n";
}

const has = (model: Model, kind: Role["kind"]): boolean => model.rows.some((r) => r.role.kind === kind);
const presentKeys = (model: Model): Set<FieldKey> =>
  new Set(model.rows.flatMap((r) => (r.role.kind === "field" ? [r.role.key] : [])));

// ---------------------------------------------------------------------------------------------------
// Arbitraries

/** Any unicode text on one line that is no heading, fence, task item, field line or front matter fence. */
const STRUCTURE = [
  /^\s*#/,
  /^\s*(`{3}|~{3})/,
  /^\s*(?:[-*+]|\d+[.)])\s+\[/,
  /^\s*(?:\*\*|__)?\s*(?:status|assignee|test[ _-]?file|verified)/i,
  /^\s*["']?status/i,
  /^\s*(?:---|\.\.\.)/,
  // A setext underline, an HTML block or a block quote: each would change how the lines around it read.
  /^ {0,3}(?:=+|-+)[ \t]*$/,
  /^\s*[<>]/,
];
const anyText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.string({ unit: "grapheme-ascii", maxLength: 20 }),
);
const safeText = anyText.map((s) => s.replace(/[\r\n]/g, " ")).filter((s) => !STRUCTURE.some((re) => re.test(s)));
const trailing = fc.constantFrom("", "", " ", "  ", "\t");
const safeLine = fc.tuple(safeText, trailing).map(([s, t]) => s + t);
const blank = fc.constantFrom("", "  ", "\t");

/** Lines a fence hides: they would count as structure outside it. */
const DECOYS = [
  "**Status:** ✅ Complete",
  "Assignee: decoy",
  "**Test file:** `decoy.ts`",
  "verified: yes",
  "- [ ] decoy criterion",
  "* [x] decoy done",
  "### Decoy heading",
  "#### Acceptance Criteria decoy",
  "# Decoy title",
];
const fenceOf = (decoys: string[]) =>
  fc
    .tuple(fc.constantFrom("```", "~~~", "````", "~~~~~"), fc.constantFrom("", "md", " ts"), fc.array(fc.oneof(safeLine, fc.constantFrom(...decoys)), { maxLength: 4 }))
    .map(([marker, info, body]) => [marker + info, ...body, marker].map(keep));
const fillerOf = (decoys: string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: safeLine.map((s) => [keep(s)]) },
    { weight: 2, arbitrary: blank.map((s) => [keep(s)]) },
    { weight: 1, arbitrary: fenceOf(decoys) },
  );
const filler = fillerOf(DECOYS);
// The masking check finds the end of a Completion body without tracking fences: no `#`/`##` decoys there.
const completionFiller = fillerOf(DECOYS.filter((d) => !/^#{1,2} /.test(d)));
const fillers = (max: number) => fc.array(filler, { maxLength: max }).map((a) => a.flat());

/** An existing value: not starting or ending in spaces, nor ending in a hard-break backslash. */
const oldValue = fc
  .string({ unit: "grapheme", maxLength: 12 })
  .map((s) => s.replace(/[\r\n\u2028\u2029]/g, " ").replace(/^[ \t]+|[ \t\\]+$/g, ""));

const LABELS: Record<FieldKey, string[]> = {
  status: ["Status", "status", "STATUS"],
  assignee: ["Assignee", "assignee", "ASSIGNEE"],
  testFile: ["Test file", "Test File", "test-file", "testfile", "Test_file"],
  verified: ["Verified", "verified"],
};
const FORMS = ["**L:** ", "**L**: ", "L: ", "__L:__ ", "L:\t", "**L:**   ", "__L__:  "];

const fieldRow = (key: FieldKey) =>
  fc
    .tuple(fc.constantFrom("", " ", "   "), fc.constantFrom(...FORMS), fc.constantFrom(...LABELS[key]), oldValue, fc.constantFrom("", " ", "  ", "\t", "\\", "  \\"))
    .map(([indent, form, label, value, trail]): Row => {
      const head = indent + form.replace("L", label);
      const t = value === "" ? "" : trail; // an empty value lets the spaces run together: nothing to tell apart
      return { text: head + value + t, role: { kind: "field", key, head, trail: t } };
    });

const fmStatusRow = fc
  .tuple(
    fc.constantFrom("status: ", "status:   ", '"status": ', "'status': ", "Status: "),
    fc.constantFrom("", '"', "'"),
    fc.stringMatching(/^[a-z][a-z-]{0,11}$/),
    fc.constantFrom("", "  ", " # set by the design tool"),
  )
  .map(([key, q, value, tail]): Row => ({ text: key + q + value + q + tail, role: { kind: "fmStatus", head: key + q, tail: q + tail } }));

const fmFiller = fc.oneof(
  fc
    .tuple(fc.stringMatching(/^[a-z_]{1,8}$/), safeText)
    .filter(([k]) => k !== "status")
    .map(([k, v]) => keep(`${k}: ${v}`)),
  fc.constantFrom("  status: nested-decoy", "# yaml comment", "## Completion", "- [ ] yaml list", "**Status:** in yaml", "").map(keep),
);
const frontMatter = fc
  .tuple(fc.array(fmFiller, { maxLength: 3 }), fc.option(fmStatusRow, { nil: undefined }), fc.array(fmFiller, { maxLength: 3 }), fc.constantFrom("---", "...", "---  "))
  .map(([a, status, b, close]) => [keep("---"), ...a, ...(status ? [status] : []), ...b, keep(close)]);

const criterionRowOf = (markers: string[]) =>
  fc
  .tuple(
    fc.constantFrom("", " ", "  ", "   "),
    fc.constantFrom(...markers),
    fc.constantFrom(" ", "x", "X"),
    // GitHub shows a box with nothing after it as text: a criterion has some.
    fc
      .string({ unit: "grapheme", minLength: 1, maxLength: 16 })
      .map((s) => s.replace(/[\r\n\u2028\u2029]/g, " ").replace(/^[ \t]+|[ \t]+$/g, ""))
      .filter((s) => s !== ""),
    fc.constantFrom("", "  "),
  )
  .map(([indent, marker, mark, text, trail]): Row => ({
    text: `${indent}${marker} [${mark}] ${text}${trail}`,
    role: { kind: "criterion", text, checked: mark !== " " },
  }));

/**
 * A blank line, then criteria, each after the one before: indented at most three columns, each is an item of a
 * list or of the item above. (Four columns after a blank line would be indented code.)
 */
// Only a bullet or a 1 interrupts the paragraph of the item above (CommonMark): there, `12)` is text.
const criteriaList = fc
  .tuple(criterionRowOf(["-", "*", "+", "1.", "12)", "3."]), fc.array(criterionRowOf(["-", "*", "+", "1.", "1)"]), { maxLength: 2 }))
  .map(([first, more]) => [keep(""), first, ...more]);

const headingText = safeText.filter((s) => !/acceptance\s*criteria|completion/i.test(s));

/** A level-2 section holding only fillers and deeper headings. */
const section = fc
  .tuple(headingText, fc.array(fc.oneof(filler, headingText.map((t) => [keep(`### ${t}`)])), { maxLength: 4 }))
  .map(([title, body]) => [keep(`## ${title}`), ...body.flat()]);

/** Criteria either in a level-2 section, or in a level-3 section under a level-2 one. */
const acSection = fc
  .tuple(
    fc.constantFrom(["## Acceptance Criteria"], ["## Story ACCEPTANCE CRITERIA (v2)"], ["## Scope", "### Acceptance criteria"]),
    fc.array(fc.oneof({ weight: 3, arbitrary: criteriaList }, { weight: 2, arbitrary: filler }, { weight: 1, arbitrary: headingText.map((t) => [keep(`#### ${t}`)]) }), {
      minLength: 1,
      maxLength: 8,
    }),
  )
  .map(([headings, body]) => [...headings.map(keep), ...body.flat()]);

const completionSection = fc
  .tuple(fc.constantFrom("## Completion", "## completion", "##  COMPLETION  ##"), fc.array(fc.oneof(completionFiller, fc.constant([keep("### Old notes")])), { maxLength: 4 }))
  .map(([heading, body]): Row[] => [
    { text: heading, role: { kind: "completionHead" } },
    ...body.flat().map((r): Row => ({ text: r.text, role: { kind: "completionBody" } })),
  ]);

const titleId = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/);

function modelArb(opts: { allPresent: boolean }): fc.Arbitrary<Model> {
  const present = opts.allPresent ? fc.shuffledSubarray(KEYS, { minLength: 4 }) : fc.shuffledSubarray(KEYS);
  const header = present.chain((keys) => fc.tuple(...keys.map((k) => fc.tuple(fillers(2), fieldRow(k)))).map((pairs) => pairs.flatMap(([f, r]) => [...f, r])));
  const completion = opts.allPresent ? completionSection.map((c) => [c]) : fc.array(completionSection, { maxLength: 1 });
  const body = fc
    .tuple(fc.array(section, { maxLength: 3 }), fc.array(acSection, { minLength: 1, maxLength: 2 }), completion)
    .map(([s, a, c]) => [...s, ...a, ...c])
    .chain((parts) => fc.shuffledSubarray(parts, { minLength: parts.length, maxLength: parts.length }))
    .map((parts) => parts.flat());
  return fc
    .record({
      bom: fc.boolean(),
      fm: fc.option(frontMatter, { nil: undefined }),
      preamble: fillers(2),
      title: opts.allPresent ? titleId : fc.option(titleId, { nil: undefined }),
      titleText: headingText,
      header,
      between: fillers(3),
      body,
      eolPattern: fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
      finalNewline: fc.boolean(),
    })
    .map((g): Model => {
      const titleRows = g.title !== undefined ? [keep(`# ${g.title}: ${g.titleText}`), keep("")] : [];
      const rows = [...(g.fm ?? []), ...g.preamble, ...titleRows, ...g.header, ...g.between, ...g.body];
      // Without a final newline, a trailing empty line is no line at all: the text could not show it.
      while (!g.finalNewline && rows.length && rows[rows.length - 1]!.text === "") rows.pop();
      return {
        bom: g.bom,
        rows,
        eolPattern: g.eolPattern,
        finalNewline: g.finalNewline,
        ...(g.title !== undefined ? { title: g.title } : {}),
      };
    });
}

const completionText = fc
  .tuple(fc.array(fc.oneof(safeLine, blank), { maxLength: 5 }), fc.constantFrom("\n", "\r\n"))
  .map(([lines, eol]) => lines.join(eol));

const testFilePath = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_./-]{0,30}$/),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 16 }).map((s) => s.replace(/[\r\n\u2028\u2029]/g, " ").replace(/^[ \t]+|[ \t]+$/g, "")),
).filter((s) => !["", "-", "—", "–"].includes(s));

const updateArb: fc.Arbitrary<StoryFileUpdate> = fc.record(
  {
    status: fc.constantFrom(...STATUSES),
    assignee: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
    testFile: testFilePath,
    verified: fc.boolean(),
    completion: completionText,
  },
  { requiredKeys: [] },
);

const ctx = { storyId: "gen-001", title: "Generated story" };

// ---------------------------------------------------------------------------------------------------
// Expectations, worked out from the model without the parser under test

function codeSpan(s: string): string {
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length));
  const fenceMarks = "`".repeat(longest + 1);
  const pad = s.startsWith("`") || s.endsWith("`") || (s.startsWith(" ") && s.endsWith(" ") && s.trim() !== "") ? " " : "";
  return fenceMarks + pad + s + pad + fenceMarks;
}

function written(key: FieldKey, u: StoryFileUpdate): string | undefined {
  if (key === "status") return u.status && DISPLAY[u.status];
  if (key === "assignee") return u.assignee;
  if (key === "testFile") return u.testFile === undefined ? undefined : codeSpan(u.testFile);
  return u.verified === undefined ? undefined : u.verified ? "yes" : "no";
}

function bodyLines(completion: string): string[] {
  const lines = completion.split(/\r\n|\r|\n/);
  while (lines.length && /^[ \t]*$/.test(lines[0]!)) lines.shift();
  while (lines.length && /^[ \t]*$/.test(lines[lines.length - 1]!)) lines.pop();
  return lines;
}

/** The whole expected file when nothing has to be inserted: only owned values and the body differ. */
function expectedWhenAllPresent(model: Model, u: StoryFileUpdate): string {
  const original = physical(model);
  const fileEol = dominant(original);
  const out: Physical[] = [];
  model.rows.forEach((row, i) => {
    const line = { ...original[i]! };
    const r = row.role;
    if (r.kind === "field" && written(r.key, u) !== undefined) line.text = r.head + written(r.key, u)! + r.trail;
    if (r.kind === "fmStatus" && u.status) line.text = r.head + statusToFrontMatter(u.status) + r.tail;
    if (r.kind === "completionBody" && u.completion !== undefined) return;
    out.push(line);
    if (r.kind === "completionHead" && u.completion !== undefined) {
      // The body takes its heading's line ending.
      const eol = line.eol || fileEol;
      const body = bodyLines(u.completion);
      const more = model.rows.slice(i + 1).some((x) => x.role.kind !== "completionBody");
      for (const text of [...(body.length ? ["", ...body] : []), ...(more ? [""] : [])]) out.push({ text, eol });
    }
  });
  for (const l of out) if (l.eol === "") l.eol = fileEol;
  if (!model.finalNewline && out.length) out[out.length - 1]!.eol = "";
  return (model.bom ? "\uFEFF" : "") + out.map((l) => l.text + l.eol).join("");
}

const FIELDISH = /^[ \t]{0,3}(?:\*\*|__)?(status|assignee|test[ _-]?file|verified)/i;

/** Field lines (and a front matter status) lose their values, and the Completion body (with its blank lines) goes. */
function masked(text: string): Physical[] {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const lines: Physical[] = (body.match(/[^\n]*\n|[^\n]+$/g) ?? []).map((l) => {
    const eol = l.endsWith("\r\n") ? "\r\n" : l.endsWith("\n") ? "\n" : "";
    return { text: l.slice(0, l.length - eol.length), eol };
  });
  const fmEnd = /^---[ \t]*$/.test(lines[0]?.text ?? "") ? lines.findIndex((l, i) => i > 0 && /^(?:---|\.\.\.)[ \t]*$/.test(l.text)) : -1;
  const head = lines.findIndex((l, i) => i > fmEnd && /^ {0,3}##[ \t]+completion[ \t]*(?:#+[ \t]*)?$/i.test(l.text));
  let kept = lines;
  if (head >= 0) {
    let end = head + 1;
    while (end < lines.length && !/^ {0,3}#{1,2}(?:[ \t]|$)/.test(lines[end]!.text)) end++;
    kept = [...lines.slice(0, head + 1), ...lines.slice(end)];
  }
  return kept.map((l) => {
    const m = FIELDISH.exec(l.text);
    if (m) return { text: "FIELD:" + m[1]!.toLowerCase().replace(/[ _-]/g, ""), eol: l.eol };
    return /^["']status["'][ \t]*:/i.test(l.text) ? { text: "FIELD:status", eol: l.eol } : l;
  });
}

/**
 * Every original line (values masked) appears in order in the output, and every other output line is
 * one the update may insert: a blank line, a field it names, the title, or the Completion heading.
 */
function checkOnlyInsertions(model: Model, u: StoryFileUpdate, out: string): void {
  const before = masked(render(model));
  const after = masked(out);
  const eol = dominant(physical(model));
  const inserted = KEYS.filter((k) => written(k, u) !== undefined && !presentKeys(model).has(k));
  const allowed = new Set(["", ...inserted.map((k) => "FIELD:" + k.toLowerCase())]);
  if (inserted.length && presentKeys(model).size === 0 && model.title === undefined) allowed.add(`# ${ctx.storyId}: ${ctx.title}`);
  if (u.completion !== undefined && !has(model, "completionHead")) allowed.add("## Completion");

  const extra: Physical[] = [];
  let j = 0;
  for (let i = 0; i < after.length; i++) {
    const o = before[j];
    const a = after[i]!;
    // The original last line may gain a line ending; whatever line ends the output has none without a final newline.
    const lastOriginal = j === before.length - 1 && o?.eol === "";
    const lastOutput = i === after.length - 1 && !model.finalNewline && a.eol === "";
    if (o && o.text === a.text && (o.eol === a.eol || lastOriginal || lastOutput)) j++;
    else extra.push({ ...a, eol: i === after.length - 1 && !model.finalNewline ? eol : a.eol });
  }
  expect(j, "every original line is kept, in order").toBe(before.length);
  for (const x of extra) {
    expect(allowed.has(x.text), `unexpected line ${JSON.stringify(x.text)}`).toBe(true);
    expect(x.eol).toBe(eol);
  }
  for (const k of inserted) expect(extra.filter((x) => x.text === "FIELD:" + k.toLowerCase())).toHaveLength(1);
}

function expectedCriteria(model: Model): { text: string; checked: boolean; line: number }[] {
  return model.rows.flatMap((r, i) => (r.role.kind === "criterion" ? [{ text: r.role.text, checked: r.role.checked, line: i + 1 }] : []));
}

function checkReadBack(model: Model, u: StoryFileUpdate, out: string): void {
  const info = readStoryFile(out);
  if (u.status) {
    expect(info.status).toBe(u.status);
    expect(info.statusText).toBe(DISPLAY[u.status]);
  }
  if (u.assignee !== undefined) expect(info.assignee).toBe(u.assignee);
  if (u.testFile !== undefined) expect(info.testFile).toBe(u.testFile);
  if (u.verified !== undefined) expect(info.verified).toBe(u.verified);
  if (u.completion !== undefined) expect(info.completion).toBe(bodyLines(u.completion).join("\n"));
  const fmStatus = has(model, "fmStatus");
  if (u.status && fmStatus) expect(info.frontMatter?.status).toBe(statusToFrontMatter(u.status));
  const inserted = KEYS.some((k) => written(k, u) !== undefined && !presentKeys(model).has(k));
  if (model.title !== undefined) expect(info.heading?.id).toBe(model.title);
  else if (inserted && presentKeys(model).size === 0) expect(info.heading?.id).toBe(ctx.storyId);
  expect(info.criteria.map((c) => [c.text, c.checked])).toEqual(expectedCriteria(model).map((c) => [c.text, c.checked]));
}

// ---------------------------------------------------------------------------------------------------

describe("story file properties", () => {
  it("changes exactly the owned values when every owned line is present", () => {
    fc.assert(
      fc.property(modelArb({ allPresent: true }), updateArb, (model, u) => {
        const out = updateStoryFile(render(model), u, ctx);
        expect(out).toBe(expectedWhenAllPresent(model, u));
      }),
      { numRuns: RUNS },
    );
  });

  it("only inserts what the update needs, keeping every other line in order", () => {
    fc.assert(
      fc.property(modelArb({ allPresent: false }), updateArb, (model, u) => {
        checkOnlyInsertions(model, u, updateStoryFile(render(model), u, ctx));
      }),
      { numRuns: RUNS },
    );
  });

  it("reads back exactly the values written", () => {
    fc.assert(
      fc.property(fc.boolean().chain((allPresent) => modelArb({ allPresent })), updateArb, (model, u) => {
        checkReadBack(model, u, updateStoryFile(render(model), u, ctx));
      }),
      { numRuns: RUNS },
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.boolean().chain((allPresent) => modelArb({ allPresent })), updateArb, (model, u) => {
        const once = updateStoryFile(render(model), u, ctx);
        expect(updateStoryFile(once, u, ctx)).toBe(once);
      }),
      { numRuns: RUNS },
    );
  });

  it("reads exactly the generated criteria, with their line numbers", () => {
    fc.assert(
      fc.property(fc.boolean().chain((allPresent) => modelArb({ allPresent })), (model) => {
        expect(readStoryFile(render(model)).criteria).toEqual(expectedCriteria(model));
      }),
      { numRuns: RUNS },
    );
  });

  it("leaves any text unchanged for an empty update", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        expect(updateStoryFile(text, {}, ctx)).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });

  // Junk made of structure (fences, headings, fields, checkboxes) and arbitrary values, not just safe text.
  const junkLine = fc.oneof(
    anyText,
    fc.constantFrom(
      ...["```", "~~~", "````", "~~~~", "  ```", "``` `x`", "# T", "# T #", "## Completion", "##  completion ##", "## Acceptance Criteria"],
      ...["### x", "    # indented code", "---", "...", "Status: x", "**Status**: y", "**Assignee:**", "verified: yes\\"],
      ...["- [ ] c", "  * [x] d", "1. [ ] e", "status: 'a'", 'status: "b" # c', "", "  "],
    ),
  );
  const junkFile = fc
    .tuple(fc.array(junkLine, { maxLength: 25 }), fc.array(fc.constantFrom("\n", "\r\n"), { minLength: 1, maxLength: 5 }), fc.boolean())
    .map(([lines, eols, final]) => lines.map((l, i) => l + (i < lines.length - 1 || final ? eols[i % eols.length] : "")).join(""));
  const wildUpdate: fc.Arbitrary<StoryFileUpdate> = fc.record(
    {
      status: fc.constantFrom(...STATUSES),
      assignee: fc.string({ unit: "binary", maxLength: 12 }),
      testFile: fc.string({ unit: "binary", maxLength: 12 }),
      verified: fc.boolean(),
      completion: fc.array(junkLine, { maxLength: 6 }).map((l) => l.join("\n")),
    },
    { requiredKeys: [] },
  );

  it("is idempotent and reads its own writes on structured junk, with wild values", () => {
    fc.assert(
      fc.property(junkFile, wildUpdate, (text, u) => {
        const once = updateStoryFile(text, u, ctx);
        expect(updateStoryFile(once, u, ctx)).toBe(once);
        const info = readStoryFile(once);
        if (u.status) expect(info.status).toBe(u.status);
        if (u.verified !== undefined) expect(info.verified).toBe(u.verified);
        if (u.completion !== undefined) expect(info.completion).toBeDefined();
        // A value is written on one line, trimmed; a dash or nothing is the "no value" placeholder.
        const oneLine = (v: string) => v.replace(/[\r\n\u2028\u2029]+/g, " ").replace(/^[ \t]+|[ \t]+$/g, "");
        const readable = (v: string) => (["", "-", "—", "–"].includes(oneLine(v)) ? undefined : oneLine(v));
        if (u.testFile !== undefined) expect(info.testFile).toBe(readable(u.testFile));
        if (u.assignee !== undefined && !/\\$/.test(u.assignee.trimEnd())) expect(info.assignee).toBe(readable(u.assignee));
        // Criteria outside the Completion body are never lost or changed.
        const crit = (t: string) => readStoryFile(t).criteria.map((c) => [c.text, c.checked]);
        if (u.completion === undefined) expect(crit(once)).toEqual(crit(text));
      }),
      { numRuns: RUNS },
    );
  });
});
