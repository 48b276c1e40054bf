// Demo implementation agent (no LLM): writes the story's production files from the recipe book, runs the
// story's test command itself and, only once it passes, ticks every acceptance-criteria box in the story.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { loadRecipe } from "./recipe-book.mjs";
import { readCriteria, tickCriteria } from "./story-criteria.mjs";

const { TDD_WAVES_STORY_ID: storyId, TDD_WAVES_STORY_FILE: storyFile, TDD_WAVES_TEST_COMMAND: testCommand } = process.env;
if (!storyId || !storyFile || !testCommand) {
  console.error("implementer: TDD_WAVES_STORY_ID, TDD_WAVES_STORY_FILE and TDD_WAVES_TEST_COMMAND must be set (run me through tdd-waves)");
  process.exit(2);
}

const recipe = await loadRecipe(storyId);
if (!recipe || recipe.implementation.length === 0) {
  console.error(`implementer: the recipe book has no implementation for ${storyId}: nothing to write`);
  process.exit(1);
}

for (const path of recipe.implementation) {
  mkdirSync(dirname(path), { recursive: true });
  copyFileSync(recipe.sourceOf(path), path);
  console.log(`implementer: wrote ${path} (${readFileSync(path, "utf8").split("\n").length - 1} lines)`);
}

console.log(`implementer: running the tests: ${testCommand}`);
const run = spawnSync(testCommand, { shell: true, stdio: "inherit" });
if (run.status !== 0) {
  console.error(`implementer: the tests fail (${run.signal ?? `exit code ${run.status}`}): leaving the acceptance criteria unchecked`);
  process.exit(1);
}

const story = readFileSync(storyFile, "utf8");
const open = readCriteria(story).filter((c) => !c.checked);
writeFileSync(storyFile, tickCriteria(story));
for (const c of open) console.log(`implementer:   [x] ${c.text}`);
console.log(`implementer: the tests pass; ticked ${open.length} acceptance criteria in ${storyFile}`);
