// The recorded execution as a self-contained SVG picture (for a README or a browser): the same timeline as
// the Mermaid and terminal charts, one row per story grouped by wave, bars placed to scale. No scripts, no
// external fonts or styles: every user string is XML-escaped. Pure: timeline in, text out.
import { timelineOf, type Timeline, type TimelineBar } from "./timeline.js";
import type { WorkflowState } from "../state/state.js";

/** Geometry, in SVG user units (px): exported so that tests can check bars against recorded times. */
export const SVG_LAYOUT = { width: 960, labelWidth: 260, rightMargin: 20, top: 44, rowHeight: 22, groupHeight: 24, barHeight: 14, axisHeight: 36 } as const;

const FILL: Record<string, string> = { T: "#58a6ff", I: "#3fb950", crit: "#f85149", active: "#d29922", "": "#8b949e" };

function xml(text: string): string {
  // Characters XML 1.0 forbids are dropped; the five special ones are escaped.
  // eslint-disable-next-line no-control-regex
  const allowed = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "");
  return allowed.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function clip(text: string, max: number): string {
  const points = Array.from(text.replace(/\s+/g, " ").trim());
  return points.length > max ? `${points.slice(0, max - 1).join("")}…` : points.join("");
}

const round = (n: number): string => String(Math.round(n * 100) / 100);

function fillOf(bar: TimelineBar): string {
  if (bar.mark === "crit" || bar.mark === "active" || bar.mark === "") return FILL[bar.mark]!;
  return FILL[bar.kind]!;
}

/** The SVG document of a timeline; a small picture saying so when nothing has run. */
export function renderTimelineSvg(timeline: Timeline, planName: string): string {
  const L = SVG_LAYOUT;
  const plotWidth = L.width - L.labelWidth - L.rightMargin;
  const span = Math.max(timeline.end - timeline.start, 1000);
  const x = (t: number): number => L.labelWidth + ((t - timeline.start) / span) * plotWidth;
  const body: string[] = [];
  let y = L.top;
  for (const group of timeline.groups) {
    body.push(`<text class="wave" x="8" y="${y + 16}">${xml(group.name)}</text>`);
    y += L.groupHeight;
    for (const row of group.rows) {
      const label = clip(row.title ? `${row.id} — ${row.title}` : row.id, 40);
      body.push(`<g class="story" data-story="${xml(row.id)}">`, `<title>${xml(row.title ? `${row.id} — ${row.title}` : row.id)}</title>`);
      body.push(`<text class="label" x="16" y="${y + 15}">${xml(label)}</text>`);
      for (const bar of row.bars) {
        const x0 = x(bar.start);
        const width = Math.max(x(bar.end) - x0, 1);
        const failed = bar.mark === "crit" ? ' stroke="#b62324" stroke-width="1.5"' : "";
        body.push(
          `<rect class="bar" data-label="${xml(bar.label)}" data-kind="${bar.kind}" data-mark="${bar.mark}" data-start="${new Date(bar.start).toISOString()}" data-end="${new Date(bar.end).toISOString()}" x="${round(x0)}" y="${y + (L.rowHeight - L.barHeight) / 2}" width="${round(width)}" height="${L.barHeight}" rx="2" fill="${fillOf(bar)}"${failed}><title>${xml(bar.note ? `${bar.label} (${bar.note})` : bar.label)}</title></rect>`,
        );
        if (bar.mark === "crit") body.push(`<text class="fail" x="${round(x0 + width + 3)}" y="${y + 15}">✗</text>`);
      }
      body.push("</g>");
      y += L.rowHeight;
    }
  }
  const height = y + L.axisHeight + (timeline.groups.length > 0 ? 22 : 0);
  const axisY = y + 8;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const t = timeline.start + f * span;
    // The last label ends at its tick, so that it stays inside the picture.
    const anchor = f === 1 ? "end" : "middle";
    return `<line x1="${round(x(t))}" x2="${round(x(t))}" y1="${L.top - 4}" y2="${axisY}" class="tick"/><text class="axis" x="${round(x(t))}" y="${axisY + 14}" text-anchor="${anchor}">${new Date(t).toISOString().slice(11, 19)} UTC</text>`;
  });
  const legendY = axisY + 30;
  const legend = [["T", "tester + red check"], ["I", "implementation + verify"], ["crit", "failed"], ["active", "running"]]
    .map(([key, word], i) => `<rect x="${L.labelWidth + i * 160}" y="${legendY - 9}" width="10" height="10" rx="2" fill="${FILL[key!]}"/><text class="axis" x="${L.labelWidth + i * 160 + 14}" y="${legendY}">${word}</text>`);
  const empty = timeline.groups.length === 0 ? `<text class="label" x="16" y="${L.top + 16}">No phase has run yet.</text>` : "";
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${L.width}" height="${height}" viewBox="0 0 ${L.width} ${height}" role="img" aria-label="tdd-waves Gantt of ${xml(planName)}">`,
    `<style>text{font-family:ui-sans-serif,system-ui,sans-serif;font-size:12px;fill:#24292f}.wave{font-weight:600}.title{font-size:15px;font-weight:600}.axis{font-size:10px;fill:#57606a}.fail{fill:#cf222e;font-weight:700}.tick{stroke:#d0d7de;stroke-width:1}</style>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text class="title" x="8" y="24">${xml(`tdd-waves · ${planName}`)}</text>`,
    ...(timeline.groups.length > 0 ? [...ticks, ...legend] : []),
    ...body,
    empty,
    `</svg>`,
    "",
  ]
    .filter((l) => l !== "")
    .join("\n")
    .concat("\n");
}

/** The SVG Gantt of the recorded execution. */
export function renderGanttSvg(state: WorkflowState, titles: Record<string, string>): string {
  return renderTimelineSvg(timelineOf(state, titles), state.plan.name);
}
