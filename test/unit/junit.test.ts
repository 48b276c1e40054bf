// parseJunit on the report shapes of the common runners, and on input that is no report at all.
import { describe, expect, it } from "vitest";
import { parseJunit } from "../../src/core/testing/junit.js";

// As vitest's junit reporter writes it: totals on <testsuites> without "skipped".
const VITEST = `<?xml version="1.0" encoding="UTF-8" ?>
<testsuites name="vitest tests" tests="4" failures="1" errors="0" time="0.012">
    <testsuite name="src/a.test.ts" timestamp="2025-01-01T00:00:00.000Z" hostname="h" tests="4" failures="1" errors="0" skipped="1" time="0.01">
        <testcase classname="src/a.test.ts" name="ok" time="0.001">
        </testcase>
        <testcase classname="src/a.test.ts" name="also ok" time="0.001">
        </testcase>
        <testcase classname="src/a.test.ts" name="broken" time="0.002">
            <failure message="expected 1 to be 2" type="AssertionError">
AssertionError: expected 1 to be 2 &lt;details&gt;
            </failure>
        </testcase>
        <testcase classname="src/a.test.ts" name="later" time="0">
            <skipped/>
        </testcase>
    </testsuite>
</testsuites>`;

// As jest-junit writes it: totals on <testsuites> and on each <testsuite>.
const JEST = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="jest tests" tests="5" failures="1" errors="1" time="1.2">
  <testsuite name="auth" errors="0" failures="1" skipped="0" timestamp="2025-01-01T00:00:00" time="0.5" tests="3">
    <testcase classname="auth logs in" name="auth logs in" time="0.1"></testcase>
    <testcase classname="auth hashes" name="auth hashes" time="0.1"></testcase>
    <testcase classname="auth rejects" name="auth rejects" time="0.1"><failure>Error: nope</failure></testcase>
  </testsuite>
  <testsuite name="token" errors="1" failures="0" skipped="1" timestamp="2025-01-01T00:00:00" time="0.5" tests="2">
    <testcase classname="token signs" name="token signs" time="0.1"><error>TypeError</error></testcase>
    <testcase classname="token later" name="token later" time="0"><skipped/></testcase>
  </testsuite>
</testsuites>`;

// As node --test --test-reporter=junit writes it (Node 20): no totals on <testsuites>, cases directly
// under it, nested suites with totals, comments with the summary.
const NODE = `<?xml version="1.0" encoding="utf-8"?>
<testsuites>
	<testcase name="ok" time="0.001250" classname="test"/>
	<testcase name="bad" time="0.001132" classname="test" failure="1 == 2">
		<failure type="testCodeFailure" message="1 == 2">
[Error [ERR_TEST_FAILURE]: 1 == 2] { at TestContext.&lt;anonymous> (file:///tmp/a.test.mjs:2:45) }
		</failure>
	</testcase>
	<testcase name="skip" time="0.000132" classname="test">
		<skipped type="skipped" message="true"/>
	</testcase>
	<testsuite name="suite" time="0.000453" disabled="0" errors="0" tests="2" failures="0" skipped="0" hostname="vm">
		<testcase name="inner" time="0.000167" classname="test"/>
		<testcase name="inner2" time="0.000167" classname="test"/>
	</testsuite>
	<!-- tests 5 -->
	<!-- pass 3 -->
	<!-- fail 1 -->
</testsuites>`;

describe("parseJunit", () => {
  it("reads vitest's report, taking skipped from the test cases where the root does not state it", () => {
    expect(parseJunit(VITEST)).toEqual({ tests: 4, failures: 1, errors: 0, skipped: 1, passed: 2 });
  });

  it("reads jest-junit's report", () => {
    expect(parseJunit(JEST)).toEqual({ tests: 5, failures: 1, errors: 1, skipped: 1, passed: 2 });
  });

  it("reads node --test's report: cases under <testsuites>, nested suites, no root totals", () => {
    expect(parseJunit(NODE)).toEqual({ tests: 5, failures: 1, errors: 0, skipped: 1, passed: 3 });
  });

  it("reads a single <testsuite> root", () => {
    const xml = `<testsuite name="x" tests="3" failures="2" errors="0" skipped="0"><testcase name="a"/></testsuite>`;
    expect(parseJunit(xml)).toEqual({ tests: 3, failures: 2, errors: 0, skipped: 0, passed: 1 });
  });

  it("counts test cases of nested suites when no level states totals", () => {
    const xml = `<testsuites>
      <testsuite name="outer">
        <testcase name="a"/>
        <testsuite name="inner">
          <testcase name="b"><error message="boom"/></testcase>
          <testcase name="c"><skipped/></testcase>
          <testsuite name="innermost"><testcase name="d"><failure/></testcase><testcase name="e"></testcase></testsuite>
        </testsuite>
      </testsuite>
      <testsuite name="second"><testcase name="f"/></testsuite>
    </testsuites>`;
    expect(parseJunit(xml)).toEqual({ tests: 6, failures: 1, errors: 1, skipped: 1, passed: 3 });
  });

  it("counts a case that has both a failure and an error once, as a failure", () => {
    const xml = `<testsuite><testcase name="a"><failure/><error/></testcase><testcase name="b"/></testsuite>`;
    expect(parseJunit(xml)).toEqual({ tests: 2, failures: 1, errors: 0, skipped: 0, passed: 1 });
  });

  it("ignores totals that are not counts and counts the cases instead", () => {
    const xml = `<testsuites tests="many" failures=""><testsuite><testcase name="a"/><testcase name="b"><failure/></testcase></testsuite></testsuites>`;
    expect(parseJunit(xml)).toEqual({ tests: 2, failures: 1, errors: 0, skipped: 0, passed: 1 });
  });

  it("reads an empty run as zero tests", () => {
    expect(parseJunit(`<?xml version="1.0"?><testsuites/>`)).toEqual({ tests: 0, failures: 0, errors: 0, skipped: 0, passed: 0 });
    expect(parseJunit(`<testsuites name="vitest tests" tests="0" failures="0" errors="0" time="0"></testsuites>`)).toEqual({
      tests: 0, failures: 0, errors: 0, skipped: 0, passed: 0,
    });
  });

  it("returns null for anything that is not a JUnit report, without throwing", () => {
    for (const bad of ["", "   ", "not xml at all", "<testsuites><testcase>", "<testsuites></testsuite>", "<html><body/></html>", "{\"tests\": 3}", "<a><b></a></b>"]) {
      expect(parseJunit(bad), bad).toBeNull();
    }
  });
});
