// Text from plans, agents and git made safe for where it is shown: one plain line for a terminal (no control
// characters or bidi overrides), inline Markdown that stays a table cell and pings no one, code blocks and
// links no content can break out of.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const INVISIBLE = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu;

/** One line of plain text: no control characters (terminal escapes included), no bidi overrides. */
export function plainText(text: string, max = 200): string {
  const line = text.replace(LONE_SURROGATE, "\uFFFD").replace(INVISIBLE, " ").replace(/\s+/gu, " ").trim();
  const points = Array.from(line);
  return points.length <= max ? line : `${points.slice(0, max - 1).join("")}…`;
}

/**
 * Text for a Markdown table cell (or any inline Markdown): one line, HTML and Markdown syntax escaped,
 * `|` escaped, and `@mention` / `#123` references broken so that a title never pings anyone.
 */
export function markdownCell(text: string, max = 200): string {
  return plainText(text, max)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]~|!]/g, (c) => `\\${c}`)
    .replace(/([@#])(?=[\w-])/g, "$1\u200B");
}

/** A fenced code block whose fence no run of backticks in `content` can close. */
export function fenced(content: string, lang: string): string {
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${content.replace(/\n$/, "")}\n${fence}`;
}

/** `[text](url)` with the characters that would end the link destination encoded. */
export function link(text: string, url: string): string {
  const safe = url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
  return `[${text}](${safe})`;
}
