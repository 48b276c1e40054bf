// The `/build` pull request comment (SPEC §8) parsed into a command: pure, total (never throws), and
// strict, because the comment is untrusted text that ends up choosing which plan a write token runs.

export type BuildCommand =
  | { kind: "ignore" }
  | { kind: "build"; plan?: string }
  | { kind: "status" }
  | { kind: "retry"; stories: string[] }
  | { kind: "refuse"; reason: string };

/** GitHub's own limit for a comment body; anything longer did not come from GitHub's UI or API. */
export const MAX_COMMENT_LENGTH = 65_536;

export const STORY_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** What `/build` accepts, appended to refusals so the reply says what would have worked. */
export const BUILD_USAGE =
  "Accepted: `/build`, `/build <plan-path>` (relative, ending in .yml, .yaml or .json), " +
  "`/build status`, `/build retry <story-id>…`.";

const MAX_PLAN_PATH_LENGTH = 1024;
const PLAN_PATH_CHARS = /^[A-Za-z0-9._/-]+$/;
const PLAN_EXTENSIONS = /\.(ya?ml|json)$/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const WORD_SEPARATOR = /[ \t]+/;

export function parseBuildComment(body: string): BuildCommand {
  const firstLine = (body.split("\n", 1)[0] ?? "").replace(/\r$/, "").replace(/^[ \t]+/, "").replace(/[ \t]+$/, "");
  if (!/^\/build(?:[ \t]|$)/.test(firstLine)) return { kind: "ignore" };
  if (body.length > MAX_COMMENT_LENGTH) {
    return refuse(`the comment is ${body.length.toLocaleString("en-US")} characters long; ` +
      `the limit is ${MAX_COMMENT_LENGTH.toLocaleString("en-US")}.`);
  }
  const words = firstLine.slice("/build".length).split(WORD_SEPARATOR).filter((w) => w !== "");
  const [first, ...rest] = words;
  if (first === undefined) return { kind: "build" };
  if (first === "status") {
    return rest.length === 0 ? { kind: "status" } : refuse(`\`/build status\` takes no arguments; unexpected ${codeSpan(rest.join(" "))}.`);
  }
  if (first === "retry") return parseRetry(rest);
  if (!looksLikePath(first)) return refuse(`unknown word ${codeSpan(first)}.`);
  if (rest.length > 0) return refuse(`\`/build <plan-path>\` takes one path; unexpected ${codeSpan(rest.join(" "))}.`);
  const plan = first.startsWith("./") ? first.slice(2) : first;
  const problem = planPathProblem(plan);
  return problem === undefined ? { kind: "build", plan } : refuse(`the plan path ${codeSpan(first)} ${problem}.`);
}

function parseRetry(ids: string[]): BuildCommand {
  if (ids.length === 0) return refuse("`/build retry` needs at least one story id.");
  const bad = ids.find((id) => !STORY_ID.test(id));
  if (bad !== undefined) {
    return refuse(`${codeSpan(bad)} is not a story id (lowercase letters, digits and \`-\`, ` +
      "starting with a letter or digit, at most 64 characters).");
  }
  return { kind: "retry", stories: [...new Set(ids)] };
}

/** A word is meant as a plan path when it has a directory or an extension; anything else is an unknown word. */
function looksLikePath(word: string): boolean {
  return word.includes("/") || word.includes(".") || word.includes("\\");
}

/**
 * Why `path` cannot be a plan path, as the end of a sentence, or undefined when it is fine.
 * Shared with the action's `plan` input so both doors to the engine apply the same rule.
 */
export function planPathProblem(path: string): string | undefined {
  if (path.length === 0) return "is empty";
  if (path.length > MAX_PLAN_PATH_LENGTH) return `is longer than ${MAX_PLAN_PATH_LENGTH} characters`;
  if (CONTROL.test(path)) return "contains control characters";
  if (path.includes("\\")) return "uses backslashes; separate directories with `/`";
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) return "is absolute; give a path relative to the repository root";
  const segments = path.split("/");
  if (segments.includes("..")) return "leaves the repository (`..`)";
  if (!PLAN_PATH_CHARS.test(path)) return "may only contain letters, digits, `.`, `_`, `-` and `/`";
  if (!PLAN_EXTENSIONS.test(path)) return "must end in .yml, .yaml or .json";
  if (segments.some((s) => s === "" || s === ".")) return "has an empty or `.` directory";
  if (segments.some((s) => s.startsWith("-"))) return "has a part starting with `-`";
  return undefined;
}

function refuse(reason: string): BuildCommand {
  return { kind: "refuse", reason: `${reason} ${BUILD_USAGE}` };
}

/**
 * Untrusted text shown in Markdown: a code span (nothing inside is rendered: no HTML, links or
 * @mentions), one line, control characters replaced, at most `max` characters, and fenced with more
 * backticks than the text contains in a row so it cannot close its own span.
 */
export function codeSpan(text: string, max = 80): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
  let clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, "\uFFFD");
  const chars = Array.from(clean);
  if (chars.length > max) clean = `${chars.slice(0, max).join("")}…`;
  if (clean.trim() === "") return "(empty)";
  const longestRun = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = clean.startsWith("`") || clean.endsWith("`") || clean.startsWith(" ") ? " " : "";
  return `${fence}${pad}${clean}${pad}${fence}`;
}
