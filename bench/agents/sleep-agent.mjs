// Benchmark agent of known duration: sleeps its story's time for its role (agents/durations.json), then
// does the least that passes tdd-waves' checks — the tester writes a test that fails until src/<id>.mjs
// exists (red), the implementer writes that module and ticks the story's box (green).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

const { TDD_WAVES_STORY_ID: id, TDD_WAVES_ROLE: role, TDD_WAVES_TEST_FILE: testFile, TDD_WAVES_STORY_FILE: storyFile } = process.env;
const durations = JSON.parse(readFileSync(new URL("./durations.json", import.meta.url), "utf8"));
await new Promise((resolve) => setTimeout(resolve, durations[id][role]));

if (role === "tester") {
  mkdirSync("test", { recursive: true });
  writeFileSync(testFile, `// fails (exit 1) until the implementation exists\nawait import("../src/${id}.mjs");\n`);
} else {
  mkdirSync("src", { recursive: true });
  writeFileSync(`src/${id}.mjs`, `export const id = "${id}";\n`);
  writeFileSync(storyFile, readFileSync(storyFile, "utf8").replace("- [ ]", "- [x]"));
}
