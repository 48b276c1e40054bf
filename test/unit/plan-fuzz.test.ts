// Fuzzing the plan reader: generated plans, mutated plan files and random bytes never make parsePlan throw,
// never make loadPlan throw anything but PlanError, and every issue points at a real line and column.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { loadPlan, PlanError } from "../../src/adapters/plan-loader.js";
import { formatIssue, parsePlan } from "../../src/core/plan/parse.js";
import type { PlanIssue } from "../../src/core/plan/parse.js";
import { computeWaves } from "../../src/core/plan/waves.js";

const VALID = {
  name: "jwt-auth",
  maxParallel: 4,
  test: { command: "node --test {testFile}", timeout: "2m" },
  agents: { tester: { run: "node agents/tester.mjs" }, implementer: { run: "node agents/implementer.mjs", env: { MODEL: "fast" } } },
  stories: [
    { id: "auth-core-001", title: "Hashing", testFile: "test/a.test.mjs", tester: "tester", implementer: "implementer" },
    { id: "auth-core-002", title: "Tokens", testFile: "test/b.test.mjs", tester: "tester", implementer: "implementer", dependsOn: ["auth-core-001"] },
    { id: "auth-api-001", title: "Login", testFile: "test/c.test.mjs", tester: "tester", implementer: "implementer", dependsOn: ["auth-core-002", "auth-core-001"] },
  ],
  waves: [["auth-core-001"], ["auth-core-002"], ["auth-api-001"]],
};

/** The invariants every result must keep, valid or not. */
function checkResult(text: string, fileName: string): void {
  const { plan, errors } = parsePlan(text, fileName);
  expect(plan === undefined).toBe(errors.length > 0);
  const lineCount = text.split(/\r\n|\r|\n/).length;
  for (const issue of errors) checkIssue(issue, fileName, lineCount);
  if (plan) {
    const waves = computeWaves(plan);
    const waveOf = new Map(waves.flatMap((ids, w) => ids.map((id): [string, number] => [id, w])));
    for (const s of plan.stories) for (const d of s.dependsOn) expect(waveOf.get(d)).toBeLessThan(waveOf.get(s.id) as number);
  }
}

function checkIssue(issue: PlanIssue, fileName: string, lineCount: number): void {
  expect(issue.file).toBe(fileName);
  expect(Number.isInteger(issue.line) && issue.line >= 1 && issue.line <= lineCount + 1).toBe(true);
  expect(Number.isInteger(issue.col) && issue.col >= 1).toBe(true);
  expect(issue.message.length).toBeGreaterThan(0);
  expect(formatIssue(issue).startsWith(`${fileName}:${issue.line}:${issue.col}`)).toBe(true);
  expect(formatIssue(issue)).not.toMatch(/\n\s+at /);
}

/** Any JSON-ish value: what a confused plan author might put anywhere. */
const junk = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 11, "", " ", "10m", "0s", "99h", "a\nb", "../x", "/abs", "C:\\x", "{testFile}", "x-1", "UPPER", "a b"),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
);
const idArb = fc.oneof(fc.constantFrom("s-1", "s-2", "s-3", "s-4", "S_5", "", "s-1"), fc.string({ maxLength: 8 }));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(fc.oneof(arb, junk), { nil: undefined, freq: 3 });

const storyArb = fc.record(
  {
    id: fc.oneof(idArb, junk),
    title: fc.oneof(fc.constantFrom("Title", "a\nb", ""), junk),
    epic: maybe(fc.constantFrom("core", "Bad Epic")),
    file: maybe(fc.constantFrom("stories/x.md", "../x.md", "/x.md", "a\\b.md")),
    testFile: fc.oneof(fc.constantFrom("t/a.ts", "../t.ts", "/t.ts", "C:/t.ts", "."), junk),
    tester: fc.oneof(fc.constantFrom("tester", "implementer", "ghost"), junk),
    implementer: fc.oneof(fc.constantFrom("tester", "implementer", "ghost"), junk),
    dependsOn: maybe(fc.array(idArb, { maxLength: 4 })),
    extra: maybe(junk),
  },
  { requiredKeys: [] },
);

const planArb = fc.record(
  {
    name: fc.oneof(fc.constantFrom("plan", "Bad Name", ""), junk),
    maxParallel: maybe(fc.integer({ min: -2, max: 12 })),
    storiesDir: maybe(fc.constantFrom("stories", "../s", ".")),
    test: fc.oneof(fc.record({ command: fc.oneof(fc.constantFrom("t {testFile}", "t"), junk), timeout: maybe(fc.constantFrom("1m", "1x")) }, { requiredKeys: [] }), junk),
    agents: fc.oneof(
      fc.dictionary(fc.constantFrom("tester", "implementer", "bad name", "x"), fc.oneof(fc.record({ run: fc.oneof(fc.constant("run"), junk), timeout: maybe(fc.constant("5m")) }, { requiredKeys: [] }), junk), { maxKeys: 3 }),
      junk,
    ),
    stories: fc.oneof(fc.array(fc.oneof(storyArb, junk), { maxLength: 6 }), junk),
    waves: maybe(fc.array(fc.array(idArb, { maxLength: 3 }), { maxLength: 3 })),
    typo: maybe(junk),
  },
  { requiredKeys: [] },
);

/** Edits of a valid plan text: the typos and truncations real files have. */
const mutationArb = (text: string) =>
  fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant("delete" as const), at: fc.nat(text.length), length: fc.integer({ min: 1, max: 8 }) }),
      fc.record({
        kind: fc.constant("insert" as const),
        at: fc.nat(text.length),
        what: fc.oneof(fc.constantFrom(":", "-", "[", "]", "{", "}", '"', "'", "\n", "\t", "  ", "&a ", "*a", "!tag ", "#", ",", "- x\n", "\u0000", "\uFEFF", "é"), fc.string({ maxLength: 4 })),
      }),
      fc.record({ kind: fc.constant("truncate" as const), at: fc.nat(text.length) }),
      fc.record({ kind: fc.constant("duplicateLine" as const), at: fc.nat(200) }),
    ),
    { minLength: 1, maxLength: 4 },
  );

function mutate(text: string, edits: { kind: string; at: number; length?: number; what?: string }[]): string {
  let out = text;
  for (const e of edits) {
    const at = Math.min(e.at, out.length);
    if (e.kind === "delete") out = out.slice(0, at) + out.slice(at + (e.length ?? 1));
    else if (e.kind === "insert") out = out.slice(0, at) + (e.what ?? "") + out.slice(at);
    else if (e.kind === "truncate") out = out.slice(0, at);
    else {
      const lines = out.split("\n");
      const i = e.at % Math.max(1, lines.length);
      lines.splice(i, 0, lines[i] ?? "");
      out = lines.join("\n");
    }
  }
  return out;
}

describe("parsePlan never throws and always locates its errors", () => {
  it("generated plans, as YAML and as JSON (600 runs)", () => {
    fc.assert(
      fc.property(planArb, fc.boolean(), (plan, asJson) => {
        const text = asJson ? JSON.stringify(plan, null, 2) : stringify(plan);
        checkResult(text, asJson ? "plan.json" : "plan.yml");
      }),
      { numRuns: 600 },
    );
  });

  it("mutated plan files (YAML 400 runs, JSON 300 runs)", () => {
    const yamlText = stringify(VALID);
    const jsonText = JSON.stringify(VALID, null, 2);
    expect(parsePlan(yamlText, "plan.yml").errors).toEqual([]);
    expect(parsePlan(jsonText, "plan.json").errors).toEqual([]);
    fc.assert(fc.property(mutationArb(yamlText), (edits) => checkResult(mutate(yamlText, edits), "plan.yml")), { numRuns: 400 });
    fc.assert(fc.property(mutationArb(jsonText), (edits) => checkResult(mutate(jsonText, edits), "plan.json")), { numRuns: 300 });
  });

  it("arbitrary text (200 runs)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), fc.constantFrom("p.yml", "p.yaml", "p.json", "p.txt"), (text, file) => checkResult(text, file)),
      { numRuns: 200 },
    );
  });
});

describe("loadPlan throws nothing but PlanError", () => {
  const dir = mkdtempSync(join(tmpdir(), "tdd-waves-plan-fuzz-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("for random bytes and mutated plans on disk (150 runs)", async () => {
    const yamlBytes = Buffer.from(stringify(VALID));
    const bytesArb = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.tuple(fc.nat(yamlBytes.length), fc.uint8Array({ minLength: 1, maxLength: 4 })).map(([at, junkBytes]) => Buffer.concat([yamlBytes.subarray(0, at), junkBytes, yamlBytes.subarray(at)])),
      fc.constantFrom(Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(""), Buffer.from(" \n\t\n"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), yamlBytes])),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(bytesArb, fc.constantFrom("plan.yml", "plan.json"), async (bytes, name) => {
        const file = join(dir, `${run++}-${name}`);
        writeFileSync(file, bytes);
        try {
          const loaded = await loadPlan(file, dir);
          expect(loaded.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
        } catch (e) {
          expect(e).toBeInstanceOf(PlanError);
          const lineCount = Buffer.from(bytes).toString("utf8").split(/\r\n|\r|\n/).length;
          for (const issue of (e as PlanError).issues) checkIssue(issue, file, lineCount);
        }
      }),
      { numRuns: 150 },
    );
  });
});
