// Fixture implementation agent (stands in for an LLM in the real-project examples): writes the story's
// production files from agents/fixtures/<story-id>/files/ and ticks the story's acceptance criteria.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const { TDD_WAVES_STORY_ID: id, TDD_WAVES_STORY_FILE: storyFile } = process.env;
if (!id || !storyFile) {
  console.error("implementer: run me through tdd-waves (TDD_WAVES_STORY_ID and TDD_WAVES_STORY_FILE are not set)");
  process.exit(2);
}
const fixtureDir = join(dirname(new URL(import.meta.url).pathname), "fixtures", id);
cpSync(join(fixtureDir, "files"), ".", { recursive: true });
writeFileSync(storyFile, readFileSync(storyFile, "utf8").replace(/^(\s*[-*+] )\[ \]/gm, "$1[x]"));
console.log(`implementer: wrote the files of ${id} and ticked its criteria`);
