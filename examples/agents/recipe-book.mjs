// The demo agents' recipe book: recipes/<story-id>.mjs says how to test each acceptance criterion of a
// story and which files implement it (their sources live in recipes/<story-id>/, at the paths they get).
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";
import { normalize } from "./story-criteria.mjs";

const RECIPES = join(dirname(fileURLToPath(import.meta.url)), "recipes");

/**
 * The story's recipe, or null when the book has none:
 * { modules: {name: path}, imports: string[], helpers: Function[], tests: {criterion: async fn}, implementation: string[] }
 */
export async function loadRecipe(storyId) {
  const file = join(RECIPES, `${storyId}.mjs`);
  if (!existsSync(file)) return null;
  const recipe = await import(pathToFileURL(file).href);
  const tests = new Map(Object.entries(recipe.tests ?? {}).map(([criterion, fn]) => [normalize(criterion), fn]));
  return {
    modules: recipe.modules ?? {},
    imports: recipe.imports ?? [],
    helpers: recipe.helpers ?? [],
    tests,
    implementation: recipe.implementation ?? [],
    sourceOf: (path) => join(RECIPES, storyId, path),
  };
}

/** A function's source, its first line as written and the rest shifted left to `indent` spaces. */
export function functionSource(fn, indent = 0) {
  const [first, ...rest] = fn.toString().split("\n");
  const margin = Math.min(...rest.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  const shift = rest.length ? margin - indent : 0;
  return [first, ...rest.map((l) => (shift > 0 ? l.slice(Math.min(shift, l.length - l.trimStart().length)) : l))].join("\n");
}
