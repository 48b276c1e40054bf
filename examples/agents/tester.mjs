// Demo tester agent (no LLM): reads the story's acceptance criteria and writes a real node:test file with
// one test per criterion, its body taken from the recipe book; a criterion the book does not know gets a
// test that fails saying so. The tests import production modules that do not exist yet: they fail (red).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, posix } from "node:path";
import { functionSource, loadRecipe } from "./recipe-book.mjs";
import { readCriteria } from "./story-criteria.mjs";

const { TDD_WAVES_STORY_ID: storyId, TDD_WAVES_STORY_FILE: storyFile, TDD_WAVES_TEST_FILE: testFile } = process.env;
if (!storyId || !storyFile || !testFile) {
  console.error("tester: TDD_WAVES_STORY_ID, TDD_WAVES_STORY_FILE and TDD_WAVES_TEST_FILE must be set (run me through tdd-waves)");
  process.exit(2);
}

const story = readFileSync(storyFile, "utf8");
const title = /^#\s+(.*)$/m.exec(story)?.[1]?.trim() ?? storyId;
const criteria = readCriteria(story);
console.log(`tester: ${storyFile} has ${criteria.length} acceptance criteria`);
if (criteria.length === 0) {
  console.error(`tester: ${storyFile} lists no acceptance criteria ("- [ ] …" under an "Acceptance Criteria" heading): nothing to test`);
  process.exit(1);
}

const recipe = await loadRecipe(storyId);
if (!recipe) console.log(`tester: no recipe for ${storyId} in the recipe book: every test will fail saying so`);

/** The import specifier of a repository path, from the test file's directory. */
function specifier(path) {
  const rel = posix.relative(posix.dirname(testFile), path);
  return rel.startsWith(".") ? rel : `./${rel}`;
}

function testFor(criterion) {
  const fn = recipe?.tests.get(criterion.text);
  if (fn) {
    console.log(`tester:   ✓ ${criterion.text}`);
    return `test(${JSON.stringify(criterion.text)}, ${functionSource(fn)});`;
  }
  console.log(`tester:   ✗ ${criterion.text}  (no recipe: failing test)`);
  const message = `no recipe for this acceptance criterion of ${storyId}: the demo tester cannot test it`;
  return `test(${JSON.stringify(criterion.text)}, () => {\n  assert.fail(${JSON.stringify(message)});\n});`;
}

const modules = Object.fromEntries(Object.entries(recipe?.modules ?? {}).map(([name, path]) => [JSON.stringify(name), specifier(path)]));
const parts = [
  `// Tests for ${title} — one per acceptance criterion, written by the demo tester agent before any production code.`,
  `import { test } from "node:test";`,
  `import assert from "node:assert/strict";`,
  ...(recipe?.imports ?? []),
  "",
  "// Production modules load inside each test: before they exist, every test fails on its own.",
  `const modules = { ${Object.entries(modules).map(([name, path]) => `${name}: ${JSON.stringify(path)}`).join(", ")} };`,
  "const use = (name) => import(modules[name]);",
  ...(recipe?.helpers ?? []).flatMap((helper) => ["", functionSource(helper)]),
  ...criteria.flatMap((c) => ["", testFor(c)]),
  "",
];
for (const text of recipe?.tests.keys() ?? []) {
  if (!criteria.some((c) => c.text === text)) console.log(`tester: note: the recipe tests a criterion the story no longer lists: ${text}`);
}

mkdirSync(dirname(testFile), { recursive: true });
writeFileSync(testFile, parts.join("\n"));
console.log(`tester: wrote ${testFile} (${criteria.length} tests)`);
