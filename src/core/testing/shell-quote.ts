// POSIX shell quoting, so that a path from a plan can be put into the plan's test command safely.

// Characters that mean nothing to a POSIX shell anywhere in a word. `=` and `~` are left out on
// purpose: `a=b` as a first word is an assignment and a leading `~` is expanded.
const SAFE_WORD = /^[A-Za-z0-9_@%+,./:-]+$/;

/** One shell word that the shell turns back into exactly `s`. */
export function shellQuote(s: string): string {
  if (s.includes("\0")) throw new RangeError("a shell word cannot contain a NUL character");
  if (SAFE_WORD.test(s)) return s;
  // Inside single quotes nothing is special except the closing quote itself: end the quoted
  // part, add an escaped quote, open a new quoted part.
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

// A placeholder the plan author already wrapped in quotes ("{testFile}" or '{testFile}') takes the
// quotes with it, so that the quoted path is not quoted twice.
const PLACEHOLDER = /(["']?)\{(testFile|storyId)\}\1/g;

/**
 * The test command for one test file: every `{testFile}` becomes the shell-quoted path (and every
 * `{storyId}`, when given, the quoted story id). One pass: a path containing `{storyId}` stays as is.
 */
export function renderTestCommand(template: string, testFile: string, vars: { storyId?: string } = {}): string {
  return template.replace(PLACEHOLDER, (match, _quote: string, name: string) => {
    if (name === "testFile") return shellQuote(testFile);
    return vars.storyId === undefined ? match : shellQuote(vars.storyId);
  });
}
