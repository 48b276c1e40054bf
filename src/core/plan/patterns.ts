// The value formats of a plan file (names, ids, durations, one-line text): the zod schema (schema.ts) checks
// them, and plan.schema.json carries them as patterns for editors.

export const PLAN_NAME_RE = /^[a-z0-9][a-z0-9._-]{0,63}$/;
export const STORY_ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Agent names start with a letter or digit: no "__proto__", no name an object's prototype could answer for. */
export const AGENT_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Environment variable names; "__proto__" is refused (it is no variable anyone needs, and a trap for objects). */
export const ENV_NAME_RE = /^(?!__proto__$)[A-Za-z_][A-Za-z0-9_]*$/;
/** `10m`, `30s`, `1h`, `90s`, `1h30m`, `1h30m15s`: hours, minutes, seconds in that order, at least one. */
export const DURATION_RE = /^(?=\d)(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
/** C0 and C1 control characters and DEL: never part of one line of text (a NUL cannot even reach a process). */
// eslint-disable-next-line no-control-regex
export const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f]/;
/** One line of text with something other than spaces on it, and no control characters. */
// eslint-disable-next-line no-control-regex
export const ONE_LINE_RE = /^(?=[^\u0000-\u001f\u007f-\u009f]*\S)[^\u0000-\u001f\u007f-\u009f]*$/;
/** Any text that can reach a process (a command, an environment value): everything but NUL. */
// eslint-disable-next-line no-control-regex
export const NO_NUL_RE = /^[^\u0000]*$/;
/** Where the test command takes the test file. */
export const TEST_FILE_PLACEHOLDER_RE = /\{testFile\}/;
/** An agent's command has something to run. */
export const NON_BLANK_RE = /\S/;

/** A duration such as `1h30m` in milliseconds, or undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION_RE.exec(text);
  if (!m) return undefined;
  const [h, min, s] = [m[1], m[2], m[3]].map((v) => (v === undefined ? 0 : Number(v))) as [number, number, number];
  return ((h * 60 + min) * 60 + s) * 1000;
}

/** Why `text` is not one line of text, or undefined when it is. */
export function oneLineProblem(text: string): string | undefined {
  if (ONE_LINE_RE.test(text)) return undefined;
  if (/[\r\n]/.test(text)) return "must be a single line";
  const control = CONTROL_RE.exec(text);
  if (control) return `must not contain control characters (${codePoint(control[0])} at character ${control.index + 1})`;
  return "must not be empty";
}

/** `U+0000` for a character. */
export function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}
