// Git's rules for reference names (`git check-ref-format`, refs.c check_refname_format), as a pure rule: the
// plan name becomes part of branch names (`tdd-waves/<name>/<story>`), and a name git refuses must be refused by
// `plan`, not discovered by `run` halfway through. test/integration/ref-name.test.ts holds it to the real git.

/** Characters git never accepts in a reference name: controls, DEL, space and ~ ^ : ? * [ \ . */
// eslint-disable-next-line no-control-regex
const BAD_CHARACTER = /[\u0000-\u0020\u007f~^:?*[\\]/;

export interface RefNameOptions {
  /** `--allow-onelevel`: a name of a single part ("main") is accepted. */
  allowOneLevel?: boolean;
}

/** Why git refuses `ref` as a reference name, or undefined when `git check-ref-format` accepts it. */
export function refNameProblem(ref: string, options: RefNameOptions = {}): string | undefined {
  if (ref === "@") return 'must not be "@" alone';
  const parts = ref.split("/");
  for (const part of parts) {
    const problem = partProblem(part);
    if (problem) return problem;
  }
  if (ref.endsWith(".")) return 'must not end with "."';
  if (!options.allowOneLevel && parts.length < 2) return 'needs at least two parts separated by "/"';
  return undefined;
}

function partProblem(part: string): string | undefined {
  if (part === "") return 'must not start or end with "/", nor contain "//"';
  const bad = BAD_CHARACTER.exec(part);
  if (bad) return `must not contain ${describe(bad[0])}`;
  if (part.includes("..")) return 'must not contain ".."';
  if (part.includes("@{")) return 'must not contain "@{"';
  if (part.startsWith(".")) return 'must not have a part starting with "."';
  if (part.endsWith(".lock")) return 'must not have a part ending in ".lock"';
  return undefined;
}

function describe(ch: string): string {
  if (ch === " ") return "spaces";
  const code = ch.charCodeAt(0);
  if (code < 0x20 || code === 0x7f) return `control characters (U+${code.toString(16).toUpperCase().padStart(4, "0")})`;
  return `"${ch}"`;
}
