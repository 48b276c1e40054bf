// shellQuote and renderTestCommand: the shell must read back exactly the string that was quoted.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { renderTestCommand, shellQuote } from "../../src/core/testing/shell-quote.js";

/** What /bin/sh makes of `command` followed by printf's output. */
function shOutput(command: string): string {
  const r = spawnSync("/bin/sh", ["-c", command], { encoding: "utf8", env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: "/home-of-test" } });
  if (r.status !== 0) throw new Error(`sh failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

const nasty = fc.constantFrom("'", '"', "$(echo hi)", "`id`", "\n", " ", "\t", "\\", "$HOME", "*", "?", "~", "a=b", ";", "|", "&", "<>", "{testFile}", "é", "日本", "🎉", "!", "#", "-n", "%s");
const anyText = fc
  .array(fc.oneof(fc.string({ unit: "grapheme" }), nasty), { maxLength: 6 })
  .map((parts) => parts.join(""))
  .filter((s) => !s.includes("\0"));

describe("shellQuote", () => {
  it("leaves plain paths bare and quotes everything else", () => {
    expect(shellQuote("src/__tests__/auth.test.ts")).toBe("src/__tests__/auth.test.ts");
    expect(shellQuote("a b")).toBe("'a b'");
    expect(shellQuote("")).toBe("''");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote("~/x")).toBe("'~/x'");
    expect(shellQuote("A=1")).toBe("'A=1'");
  });

  it("refuses a NUL character, which no shell word can carry", () => {
    expect(() => shellQuote("a\0b")).toThrow(/NUL/);
  });

  it("round-trips any string through sh -c 'printf %s WORD'", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(shOutput(`printf %s ${shellQuote(s)}`)).toBe(s);
      }),
      { numRuns: 300 },
    );
  });
});

describe("renderTestCommand", () => {
  it("replaces every {testFile} with the quoted path", () => {
    expect(renderTestCommand("npx vitest run {testFile} && echo {testFile}", "a b.ts")).toBe("npx vitest run 'a b.ts' && echo 'a b.ts'");
    expect(renderTestCommand("node --test {testFile}", "t/x.test.mjs")).toBe("node --test t/x.test.mjs");
  });

  it("does not quote twice a placeholder the author already quoted", () => {
    expect(renderTestCommand(`jest "{testFile}"`, "a b.ts")).toBe("jest 'a b.ts'");
    expect(renderTestCommand(`jest '{testFile}'`, "a b.ts")).toBe("jest 'a b.ts'");
  });

  it("replaces {storyId} only when given, in the same single pass", () => {
    expect(renderTestCommand("run {testFile} --out r/{storyId}.xml", "p/{storyId}.ts", { storyId: "s-1" })).toBe("run 'p/{storyId}.ts' --out r/s-1.xml");
    expect(renderTestCommand("run --out r/{storyId}.xml", "x")).toBe("run --out r/{storyId}.xml");
  });

  it("hands the shell exactly the path, whatever it contains", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(shOutput(renderTestCommand("printf %s {testFile}", s))).toBe(s);
      }),
      { numRuns: 100 },
    );
  });
});
