// `tdd-waves status`: the status JSON as plain text for the terminal, with no control characters.
import { formatCost } from "../agents/usage.js";
import type { Plan } from "../plan/model.js";
import type { WorkflowState } from "../state/state.js";
import { STATUS_DISPLAY } from "../story/status.js";
import { countsLine } from "./progress.js";
import { plainText } from "./safe-text.js";
import { usageLine } from "./usage.js";
import { retryLines } from "./retries.js";
import { renderStatusJson, type StatusStory, type StatusWave } from "./status-json.js";

function waveLine(w: StatusWave): string {
  const rest = [
    w.failed ? `${w.failed} failed` : "",
    w.blocked ? `${w.blocked} blocked` : "",
    w.inProgress ? `${w.inProgress} in progress` : "",
    w.pending ? `${w.pending} pending` : "",
  ].filter(Boolean);
  return `Wave ${w.wave}: ${w.completed}/${w.total} complete${rest.length ? `, ${rest.join(", ")}` : ""}`;
}

function storyLine(s: StatusStory, idWidth: number): string {
  const [icon, word] = STATUS_DISPLAY[s.status].split(" ") as [string, string];
  const reason = s.reason ? ` — ${plainText(s.reason, 120)}` : "";
  const cost = s.usage?.costUsd === undefined ? "" : `  ${formatCost(s.usage)}`;
  return `  ${icon} ${plainText(s.id).padEnd(idWidth)}  ${word.padEnd(12)}  ${plainText(s.title, 80)}${cost}${reason}`;
}

/** Progress per wave and epic as plain text for the terminal (`tdd-waves status`); no control characters. */
export function renderStatusText(state: WorkflowState, plan: Plan): string {
  const j = renderStatusJson(state, plan);
  const idWidth = Math.max(0, ...j.waves.flatMap((w) => w.stories.map((s) => plainText(s.id).length)));
  const lines = [
    `tdd-waves · ${plainText(j.plan)} (${plainText(j.path)}) → ${plainText(j.target)}`,
    `Status: ${j.status}${j.currentWave ? ` · wave ${j.currentWave} of ${j.totalWaves}` : ""} · updated ${plainText(j.lastUpdate)}`,
    `Stories: ${countsLine(j.totals)}`,
    ...retryLines(state, plan, (t) => plainText(t, 160)).map((l, i) => (i === 0 ? `Retries: ${l}` : `  ${l}`)),
  ];
  const usage = usageLine(state, plan);
  if (usage) lines.push(usage);
  if (state.stopped) lines.push(`Stopped: ${plainText(state.stopped.message, 300)}`);
  if (j.lock) lines.push(`Running: ${j.lock.kind} ${plainText(j.lock.id)}${j.lock.host ? ` on ${plainText(j.lock.host)}` : ""}${j.lock.pid ? ` (pid ${j.lock.pid})` : ""} since ${plainText(j.lock.since)}`);
  for (const w of j.waves) lines.push("", waveLine(w), ...w.stories.map((s) => storyLine(s, idWidth)));
  lines.push("", "Epics:", ...j.epics.map((e) => `  ${plainText(e.epic)}  ${e.completed}/${e.total} complete (${e.percentComplete}%), ${e.failed} failed`));
  if (j.errors.length > 0) {
    lines.push("", `Errors (${j.errors.length}${j.errors.length > 5 ? ", last 5" : ""}):`);
    for (const e of j.errors.slice(-5)) lines.push(`  ${plainText(e.at)}  ${[e.story, e.phase].filter(Boolean).map((x) => plainText(x!)).join(" ")}${e.story || e.phase ? ": " : ""}${plainText(e.message, 200)}`);
  }
  return lines.join("\n");
}
