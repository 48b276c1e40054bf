// Progress of `run`: on a terminal a live block (wave, running stories, phase, elapsed) under the log;
// to a pipe or CI, plain timestamped lines.
import type { Plan } from "../core/plan/model.js";
import type { ProgressEvent } from "../engine/ports.js";
import type { CliIO } from "./io.js";
import { describeProgress as describe } from "../engine/progress-text.js";

export interface Progress {
  event: (e: ProgressEvent) => void;
  note: (message: string) => void;
  stop: () => void;
}

export function createProgress(io: CliIO, plan: Plan, now: () => number = Date.now): Progress {
  if (!io.isTTY) {
    const line = (s: string) => io.stdout(`${new Date(now()).toISOString()} ${s}\n`);
    return {
      event: (e) => {
        const text = describe(e);
        if (text) line(text);
      },
      note: line,
      stop: () => undefined,
    };
  }
  return liveProgress(io, plan, now);
}

function liveProgress(io: CliIO, plan: Plan, now: () => number): Progress {
  const started = now();
  const running = new Map<string, { phase: string; agent?: string; since: number }>();
  const done = new Map<string, string>();
  let wave = 0;
  let stage: string | null = null;
  let drawn = 0;
  const clock = (ms: number) => {
    const s = Math.floor(ms / 1000);
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  };
  const erase = () => {
    if (drawn > 0) io.stdout(`\x1b[${drawn}A\x1b[0J`);
    drawn = 0;
  };
  const draw = () => {
    erase();
    const lines = [
      `\x1b[1mtdd-waves\x1b[0m ${plan.name} · wave ${wave} · ${done.size}/${plan.stories.length} finished · ${running.size} running${stage ? ` · ${stage}` : ""} · ${clock(now() - started)}`,
      ...[...running].map(([id, r]) => `  ${id.padEnd(24)} ${r.phase.padEnd(15)} ${(r.agent ?? "").padEnd(16)} ${clock(now() - r.since)}`),
    ];
    io.stdout(`${lines.join("\n")}\n`);
    drawn = lines.length;
  };
  const timer = setInterval(draw, 1000);
  timer.unref();
  const print = (s: string) => {
    erase();
    io.stdout(`${s}\n`);
    draw();
  };
  return {
    event: (e) => {
      if (e.type === "wave") wave = e.wave;
      if (e.type === "stage") stage = e.what;
      if (e.type === "phase") running.set(e.storyId, { phase: e.phase, agent: e.agent, since: now() });
      if (e.type === "story") {
        running.delete(e.storyId);
        done.set(e.storyId, e.status);
      }
      const text = describe(e);
      if (text) print(text);
      else draw();
    },
    note: print,
    stop: () => {
      clearInterval(timer);
      draw();
    },
  };
}
