// Fixture tester agent (stands in for an LLM in the real-project examples): writes the story's test file from
// agents/fixtures/<story-id>/test, a real test a tester could have written from the acceptance criteria.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";

const { TDD_WAVES_STORY_ID: id, TDD_WAVES_TEST_FILE: testFile } = process.env;
if (!id || !testFile) {
  console.error("tester: run me through tdd-waves (TDD_WAVES_STORY_ID and TDD_WAVES_TEST_FILE are not set)");
  process.exit(2);
}
const fixtureDir = join(dirname(new URL(import.meta.url).pathname), "fixtures", id);
mkdirSync(dirname(testFile), { recursive: true });
copyFileSync(join(fixtureDir, "test"), testFile);
console.log(`tester: wrote ${testFile}`);
