// The SVG Gantt drawn by a real browser (Debian's headless `chromium`): the document parses as strict XML,
// and every bar lands where the recorded times put it. Also: hostile titles stay text, the picture loads
// nothing from outside.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderGanttSvg, SVG_LAYOUT } from "../../src/core/render/gantt-svg.js";
import { timelineOf } from "../../src/core/render/timeline.js";
import { makePlan, playStory, stateFor, titlesOf } from "../support/plans.js";

const dir = mkdtempSync(join(tmpdir(), "tdd-waves-svg-"));
/** Debian's `chromium` (.ci/run installs it); GitHub's Ubuntu runners have Google Chrome. CHROMIUM overrides. */
const BROWSER = [process.env.CHROMIUM, "chromium", "chromium-browser", "google-chrome"].find(
  (b) => b && spawnSync(b, ["--version"], { stdio: "ignore" }).status === 0,
);
if (!BROWSER) throw new Error("no headless browser: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Drawn {
  parseError: string | null;
  bars: Array<{ label: string; start: string; end: string; x: number; width: number }>;
  texts: string[];
  svgWidth: number;
}

/** Loads the SVG text with the browser's XML parser, puts it in a page and measures what was drawn. */
function drawInChromium(svg: string): Drawn {
  const page = join(dir, `page-${Math.random().toString(36).slice(2)}.html`);
  const script = `
    const doc = new DOMParser().parseFromString(${JSON.stringify(svg)}, "image/svg+xml");
    const err = doc.querySelector("parsererror");
    const out = { parseError: err ? err.textContent : null, bars: [], texts: [], svgWidth: 0 };
    if (!err) {
      const svg = document.importNode(doc.documentElement, true);
      document.body.appendChild(svg);
      const origin = svg.getBoundingClientRect();
      out.svgWidth = origin.width;
      for (const r of svg.querySelectorAll("rect.bar")) {
        const b = r.getBoundingClientRect();
        out.bars.push({ label: r.dataset.label, start: r.dataset.start, end: r.dataset.end, x: b.left - origin.left, width: b.width });
      }
      out.texts = [...svg.querySelectorAll("text")].map((t) => t.textContent);
    }
    document.title = "";
    const pre = document.createElement("pre");
    pre.id = "out";
    pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);`;
  writeFileSync(page, `<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0"><script>${script.replace(/<\/script/gi, "<\\/script")}</script></body></html>`);
  const dom = execFileSync(BROWSER!, ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", `file://${page}`], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 60_000 });
  const json = /<pre id="out">([\s\S]*?)<\/pre>/.exec(dom)?.[1];
  if (json === undefined) throw new Error(`chromium drew nothing:\n${dom.slice(0, 2000)}`);
  return JSON.parse(json.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&")) as Drawn;
}

function execution(title = "Tokens") {
  const plan = makePlan([
    { id: "auth-001", title: "Hashing" },
    { id: "auth-002", title, dependsOn: ["auth-001"] },
    { id: "auth-003", title: "Login", dependsOn: ["auth-001"] },
  ], { name: "jwt-auth" });
  let s = playStory(stateFor(plan), "auth-001", { startAt: 0, outcome: "complete" });
  s = playStory(s, "auth-002", { startAt: 20, outcome: { failsIn: "verify", reason: "2 tests fail" } });
  s = playStory(s, "auth-003", { startAt: 25, outcome: "complete" });
  return { plan, state: s };
}

describe("SVG Gantt in headless Chromium", () => {
  it("places every bar at its recorded start and end, to scale", () => {
    const { plan, state } = execution();
    const svg = renderGanttSvg(state, titlesOf(plan));
    const drawn = drawInChromium(svg);
    expect(drawn.parseError).toBeNull();
    expect(drawn.svgWidth).toBe(SVG_LAYOUT.width);
    const timeline = timelineOf(state, titlesOf(plan));
    const recorded = timeline.groups.flatMap((g) => g.rows.flatMap((r) => r.bars));
    expect(drawn.bars.map((b) => b.label)).toEqual(recorded.map((b) => b.label));
    const plot = SVG_LAYOUT.width - SVG_LAYOUT.labelWidth - SVG_LAYOUT.rightMargin;
    const span = timeline.end - timeline.start;
    for (const [i, bar] of drawn.bars.entries()) {
      const want = recorded[i]!;
      expect(bar.start).toBe(new Date(want.start).toISOString());
      expect(bar.end).toBe(new Date(want.end).toISOString());
      expect(bar.x).toBeCloseTo(SVG_LAYOUT.labelWidth + ((want.start - timeline.start) / span) * plot, 0);
      expect(bar.width).toBeCloseTo(((want.end - want.start) / span) * plot, 0);
    }
    // A story's bars touch, never overlap.
    for (let i = 0; i + 1 < drawn.bars.length; i += 2) expect(drawn.bars[i + 1]!.x).toBeGreaterThanOrEqual(drawn.bars[i]!.x + drawn.bars[i]!.width - 0.01);
    expect(drawn.texts).toContain("✗");
  }, 60_000);

  it("keeps a hostile title as text and loads nothing from outside", () => {
    const title = `</text><script>alert(1)</script><image href="http://example.com/x.png"/> & "q" \u0001`;
    const { plan, state } = execution(title);
    const svg = renderGanttSvg(state, titlesOf(plan));
    expect(svg).not.toMatch(/<(script|image|use|a|foreignObject)\b|href="|url\(/i);
    const drawn = drawInChromium(svg);
    expect(drawn.parseError).toBeNull();
    expect(drawn.texts.some((t) => t.includes("</text><script>"))).toBe(true);
  }, 60_000);
});
