// The value formats of a plan file (names, ids, durations): shared by the zod schema (plan-schema.ts) and the
// zod-free fast check (plan-shape.ts), so both accept exactly the same values.

export const PLAN_NAME_RE = /^[a-z0-9][a-z0-9._-]{0,63}$/;
export const STORY_ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const AGENT_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const ENV_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** `10m`, `30s`, `1h`, `90s`, `1h30m`, `1h30m15s`: hours, minutes, seconds in that order, at least one. */
export const DURATION_RE = /^(?=\d)(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
/** A story title: one line with something other than spaces on it. */
export const TITLE_RE = /^(?=[^\r\n]*\S)[^\r\n]*$/;
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
