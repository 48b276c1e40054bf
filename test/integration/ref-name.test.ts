// The plan's ref-name rule (core/plan/ref-name.ts) agrees with git's own `git check-ref-format` on names that
// sit on every edge of git's rules: a name `plan` accepts is one `run` can make a branch of.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { refNameProblem } from "../../src/core/plan/ref-name.js";

const TRICKY = [
  "main", "a/b", "tdd-waves/p/s-1", "a..b", "a/..b", "a./b", "a/b.", "a.", ".a", "a/.b", "x.lock", "a/x.lock", "x.lock/a", "x.lockx",
  ".lock", "a@{b", "a@b", "a{b", "@", "@/a", "a/@", "a//b", "/a", "a/", "a b", "a\tb", "a\u0001b", "a\u007fb", "a~b", "a^b", "a:b",
  "a?b", "a*b", "a[b", "a]b", "a\\b", "a.b.c", "é/ü", "a/b/c/d", "a-", "a/-", "HEAD", "a/.", "a/..", "..", ".", "a...b", "@{", "a/@{x",
  "refs/heads/x", "a%b", "a#b", "a!b", "a'b", 'a"b', "a,b", "a;b", "a|b", "a<b>", "a}b", "a=b", "a+b", "a&b", "a$b", "a(b)",
];

function gitAccepts(name: string, oneLevel: boolean): boolean {
  const r = spawnSync("git", ["check-ref-format", ...(oneLevel ? ["--allow-onelevel"] : []), name], { encoding: "utf8" });
  if (r.error) throw r.error;
  return r.status === 0;
}

describe("refNameProblem agrees with git check-ref-format", () => {
  // (A name starting with "-" is left out: the command would read it as an option.)
  it.each([[false], [true]])("on tricky names (--allow-onelevel: %s)", (oneLevel) => {
    const disagreements = TRICKY.filter((name) => gitAccepts(name, oneLevel) !== (refNameProblem(name, { allowOneLevel: oneLevel }) === undefined)).map(
      (name) => `${JSON.stringify(name)}: git ${gitAccepts(name, oneLevel) ? "accepts" : "refuses"}, rule says ${refNameProblem(name, { allowOneLevel: oneLevel }) ?? "ok"}`,
    );
    expect(disagreements).toEqual([]);
  });

  it("as branches of a plan: tdd-waves/<name>/<story>", () => {
    for (const name of ["a..b", "x.lock", "a.", "ok.name", "v1.0"]) {
      const branch = `tdd-waves/${name}/s-1`;
      expect(refNameProblem(branch) === undefined).toBe(gitAccepts(branch, false));
    }
  });
});
