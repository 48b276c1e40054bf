// One line of text per progress event: the plain log both the CLI (pipes, CI) and the action print.
import type { ProgressEvent } from "./ports.js";

const ICON: Record<string, string> = { complete: "✅", failed: "❌", blocked: "⛔" };

export function describeProgress(e: ProgressEvent): string | null {
  switch (e.type) {
    case "wave":
      return `Wave ${e.wave}: ${e.stories.join(", ")}`;
    case "log":
      return e.message;
    case "story":
      return `${ICON[e.status] ?? ""} ${e.storyId} ${e.status}${e.reason ? `: ${e.reason}` : ""}${e.log ? ` (log: ${e.log})` : ""}`.trim();
    case "stage":
      return e.what === null ? null : `Wave ${e.wave}: ${e.what}`;
    case "phase":
      return null;
  }
}
