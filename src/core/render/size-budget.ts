// Fitting a view into the size limit of the place it is posted to (a step summary, a pull request comment):
// sections rendered by priority against what is left, tables and charts cut with a note saying where the
// rest is, never silently.
import { fenced } from "./safe-text.js";

export type Measure = (text: string) => number;

export const chars: Measure = (t) => t.length;
/** UTF-8 length, without TextEncoder so that core stays free of runtime globals. */
export const utf8: Measure = (t) => {
  let n = 0;
  for (const ch of t) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
};

/** A table with as many rows as fit `budget`, and a note naming how many were left out and where they are. */
export function fitTable(head: string, rows: string[], budget: number, measure: Measure, note: (n: number) => string): string {
  const full = [head, ...rows].join("\n");
  if (measure(full) <= budget) return full;
  const kept: string[] = [];
  let used = measure(head) + measure(note(rows.length)) + 4;
  for (const row of rows) {
    if (used + measure(row) + 1 > budget) break;
    kept.push(row);
    used += measure(row) + 1;
  }
  if (kept.length === 0 && used > budget) return measure(note(rows.length)) <= budget ? note(rows.length) : "";
  return `${[head, ...kept].join("\n")}\n\n${note(rows.length - kept.length)}`;
}

/** Whole Gantt charts, in order, as many as fit; a note for the rest. */
export function fitGantt(charts: string[], budget: number, measure: Measure, where: string): string {
  const blocks = charts.map((c) => fenced(c, "mermaid"));
  const kept: string[] = [];
  const note = (n: number): string => `_${n} more Gantt chart${n === 1 ? "" : "s"} left out for size: ${where}._`;
  let used = measure(note(charts.length)) + 2;
  for (const b of blocks) {
    if (used + measure(b) + 2 > budget) break;
    kept.push(b);
    used += measure(b) + 2;
  }
  const parts = kept.length === blocks.length ? kept : [...kept, note(blocks.length - kept.length)];
  return measure(parts.join("\n\n")) <= budget ? parts.join("\n\n") : "";
}

/** Sections rendered in priority order against what is left of the budget, then put in display order. */
export function assemble(sections: Array<{ order: number; render: (budget: number) => string }>, budget: number, measure: Measure): string {
  let left = budget;
  const out: Array<{ order: number; text: string }> = [];
  for (const s of sections) {
    const text = s.render(left - 2);
    if (!text) continue;
    left -= measure(text) + 2;
    out.push({ order: s.order, text });
  }
  return `${out.sort((a, b) => a.order - b.order).map((s) => s.text).join("\n\n")}\n`;
}
