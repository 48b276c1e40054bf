// Markdown code spans for field values such as the test file: written so that any content survives, and
// read back to the content.

/** Renders a code span that survives any content: a fence longer than any backtick run inside. */
export function codeSpan(s: string): string {
  const longest = Math.max(0, ...Array.from(s.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = s.startsWith("`") || s.endsWith("`") || (s.startsWith(" ") && s.endsWith(" ") && s.trim() !== "") ? " " : "";
  return fence + pad + s + pad + fence;
}

/** The content of a value that is one code span, else the value itself. */
export function unCodeSpan(v: string): string {
  const run = /^`+/.exec(v)?.[0];
  if (!run || v.length <= run.length * 2 || !v.endsWith(run) || v[v.length - run.length - 1] === "`") return v;
  const inner = v.slice(run.length, v.length - run.length);
  return inner.length > 1 && inner.startsWith(" ") && inner.endsWith(" ") && inner.trim() !== "" ? inner.slice(1, -1) : inner;
}
