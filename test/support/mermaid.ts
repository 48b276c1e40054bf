// The real Mermaid parser for tests: mermaid 11 needs a DOM when it is imported, so a jsdom window and
// document are installed as globals first. Loaded once per test file, on first use.
import { createRequire } from "node:module";

// jsdom ships no type declarations (and @types/jsdom is not installed): describe the little we use.
interface JsdomModule {
  JSDOM: new (html: string, options?: { pretendToBeVisual?: boolean }) => { window: { document: unknown } };
}

export interface ParsedTask {
  /** The bar's label as Mermaid read it (trimmed). */
  label: string;
  id: string;
  section: string;
  crit: boolean;
  active: boolean;
  done: boolean;
  start: Date;
  end: Date;
}

interface GanttDb {
  getTasks(): Array<{ task: string; id: string; section: string; crit?: boolean; active?: boolean; done?: boolean; startTime: Date; endTime: Date }>;
}

type Mermaid = typeof import("mermaid").default;
let loading: Promise<Mermaid> | undefined;

async function load(): Promise<Mermaid> {
  const { JSDOM } = createRequire(import.meta.url)("jsdom") as JsdomModule;
  const dom = new JSDOM("<!doctype html><html><body></body></html>", { pretendToBeVisual: true });
  const g = globalThis as Record<string, unknown>;
  g.window = dom.window;
  g.document = dom.window.document;
  const { default: mermaid } = await import("mermaid");
  mermaid.initialize({ startOnLoad: false });
  return mermaid;
}

const mermaid = (): Promise<Mermaid> => (loading ??= load());

/** Resolves when Mermaid parses `src`; rejects with Mermaid's parse error otherwise. */
export async function parseMermaid(src: string): Promise<void> {
  await (await mermaid()).parse(src);
}

/**
 * The bars of a gantt chart as Mermaid itself compiles them (dates resolved, so an unreadable date rejects
 * too): what a renderer meant is checked against what Mermaid understood, not against our own text.
 */
export async function ganttTasks(src: string): Promise<ParsedTask[]> {
  const m = await mermaid();
  await m.parse(src);
  const diagram = await m.mermaidAPI.getDiagramFromText(src);
  if (diagram.type !== "gantt") throw new Error(`not a gantt chart: ${diagram.type}`);
  return (diagram.db as unknown as GanttDb).getTasks().map((t) => ({
    label: t.task.trim(),
    id: t.id,
    section: t.section,
    crit: t.crit === true,
    active: t.active === true,
    done: t.done === true,
    start: t.startTime,
    end: t.endTime,
  }));
}
