// The git version check reads what git prints on every platform and compares against the minimum.
import { describe, expect, it } from "vitest";
import { versionProblem } from "../../src/adapters/git-version.js";

describe("versionProblem", () => {
  it.each(["git version 2.36.0", "git version 2.39.5", "git version 2.45.1.windows.1", "git version 2.39.3 (Apple Git-146)", "git version 3.0.0"])("accepts %s", (line) => {
    expect(versionProblem(line)).toBeNull();
  });
  it.each(["git version 2.35.9", "git version 2.30.1", "git version 1.9.0"])("refuses %s", (line) => {
    expect(versionProblem(line)).toMatch(/needs git 2\.36 or later; this is git /);
  });
  it("holds a version to the minimum it is given (the publish step's 2.38)", () => {
    expect(versionProblem("git version 2.37.9", [2, 38])).toMatch(/needs git 2\.38 or later; this is git 2\.37\.9/);
    expect(versionProblem("git version 2.38.0", [2, 38])).toBeNull();
  });
  it("says so when it cannot read the version", () => {
    expect(versionProblem("hub version 2.14")).toMatch(/cannot read the version/);
  });
});
