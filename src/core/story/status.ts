// The story status vocabulary (SPEC §2): the display form written in a story file, the lenient reading of
// whatever a person wrote there, and the words a design tool's YAML front matter uses.
import type { StoryStatus } from "../state/state.js";

export type { StoryStatus };

/** The `status` values a design tool's YAML front matter uses; testing and implementing share one. */
export type FrontMatterStatus = "pending" | "in-progress" | "complete" | "failed" | "blocked";

export const STATUS_DISPLAY: Readonly<Record<StoryStatus, string>> = {
  pending: "⏳ Pending",
  testing: "🧪 Testing",
  implementing: "🔄 Implementing",
  complete: "✅ Complete",
  failed: "❌ Failed",
  blocked: "⛔ Blocked",
};

// Maps, not records: a lookup with a word such as "constructor" must not find Object.prototype.
const STATUS_WORDS = new Map<string, StoryStatus>([
  ["pending", "pending"],
  ["testing", "testing"],
  ["implementing", "implementing"],
  ["complete", "complete"],
  ["completed", "complete"],
  ["failed", "failed"],
  ["blocked", "blocked"],
]);
/** The emoji that opens each status' display form. */
const STATUS_EMOJI = Object.entries(STATUS_DISPLAY).map(([status, display]) => [display.split(" ")[0]!, status as StoryStatus] as const);
/** Front matter says `in-progress` for both testing and implementing. */
const FRONT_MATTER_WORDS = new Map<string, StoryStatus>([...STATUS_WORDS, ["in-progress", "testing"], ["inprogress", "testing"]]);

export function statusToDisplay(status: StoryStatus): string {
  return STATUS_DISPLAY[status];
}

/** Lenient: `✅ Complete`, `complete`, `COMPLETE`, `✅`, `❌ Failed (merge conflict)`; unknown → undefined. */
export function parseStatus(text: string): StoryStatus | undefined {
  const word = /\p{L}+/u.exec(text)?.[0]?.toLowerCase();
  if (word !== undefined) return STATUS_WORDS.get(word);
  return STATUS_EMOJI.find(([emoji]) => text.includes(emoji))?.[1];
}

export function statusToFrontMatter(status: StoryStatus): FrontMatterStatus {
  return status === "testing" || status === "implementing" ? "in-progress" : status;
}

/** `in-progress` reads as `testing`: a story caught in progress restarts from the tester (SPEC §3). */
export function statusFromFrontMatter(value: string): StoryStatus | undefined {
  return FRONT_MATTER_WORDS.get(value.trim().toLowerCase().replace(/[ _]+/g, "-"));
}
