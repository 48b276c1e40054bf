// Test counts from a JUnit XML report, whichever runner wrote it (vitest, jest-junit, node --test, …).
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface TestCounts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  passed: number;
}

type XmlNode = Record<string, unknown>;

const ARRAYS = new Set(["testsuite", "testcase"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseAttributeValue: false,
  parseTagValue: false,
  // Failure messages and logs are not needed, only whether the elements are there.
  isArray: (name) => ARRAYS.has(name),
});

/** Counts of a JUnit report, or null when the text is not a JUnit report. Never throws. */
export function parseJunit(xml: string): TestCounts | null {
  try {
    if (xml.trim() === "" || XMLValidator.validate(xml) !== true) return null;
    const doc = parser.parse(xml) as XmlNode;
    if (isNode(doc["testsuites"])) return finish(countContainer(doc["testsuites"]));
    const suites = doc["testsuite"];
    if (Array.isArray(suites)) return finish(sumAll(suites.filter(isNode).map(countContainer)));
    // `<testsuites/>`: a run that found no tests.
    if (doc["testsuites"] === "") return finish(zero());
    return null;
  } catch {
    return null;
  }
}

type RawCounts = Omit<TestCounts, "passed">;

const zero = (): RawCounts => ({ tests: 0, failures: 0, errors: 0, skipped: 0 });

function isNode(v: unknown): v is XmlNode {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function sumAll(list: RawCounts[]): RawCounts {
  return list.reduce(
    (a, b) => ({ tests: a.tests + b.tests, failures: a.failures + b.failures, errors: a.errors + b.errors, skipped: a.skipped + b.skipped }),
    zero(),
  );
}

/** A `<testsuites>` or `<testsuite>`: its own totals where it states them, else what its children add up to. */
function countContainer(node: XmlNode): RawCounts {
  const cases = asNodes(node["testcase"]).map(countCase);
  const suites = asNodes(node["testsuite"]).map(countContainer);
  const derived = sumAll([...cases, ...suites]);
  return {
    tests: attr(node, "tests") ?? derived.tests,
    failures: attr(node, "failures") ?? derived.failures,
    errors: attr(node, "errors") ?? derived.errors,
    skipped: attr(node, "skipped") ?? derived.skipped,
  };
}

function countCase(node: XmlNode): RawCounts {
  // One outcome per test case: a case that both failed and errored counts once, as a failure.
  const failed = "failure" in node;
  const errored = !failed && "error" in node;
  const skipped = !failed && !errored && "skipped" in node;
  return { tests: 1, failures: failed ? 1 : 0, errors: errored ? 1 : 0, skipped: skipped ? 1 : 0 };
}

function asNodes(v: unknown): XmlNode[] {
  if (Array.isArray(v)) return v.map((x) => (isNode(x) ? x : {}));
  return [];
}

function attr(node: XmlNode, name: string): number | undefined {
  const raw = node[`@_${name}`];
  if (typeof raw !== "string" || raw.trim() === "") return undefined;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

function finish(c: RawCounts): TestCounts {
  return { ...c, passed: Math.max(0, c.tests - c.failures - c.errors - c.skipped) };
}
