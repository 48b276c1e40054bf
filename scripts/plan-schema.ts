// Writes plan.schema.json (the plan file's JSON Schema, generated from the zod schema) at the repository root;
// with --check, only verifies that the committed file is up to date (exit 1 when it is not).
// Usage: npx tsx scripts/plan-schema.ts [--check]
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { planJsonSchemaText } from "../src/core/plan/schema.js";

const target = fileURLToPath(new URL("../plan.schema.json", import.meta.url));
const expected = planJsonSchemaText();

if (process.argv.includes("--check")) {
  const actual = await readFile(target, "utf8").catch(() => undefined);
  if (actual !== expected) {
    process.stderr.write("plan.schema.json is out of date: run `npx tsx scripts/plan-schema.ts` and commit the result\n");
    process.exitCode = 1;
  } else {
    process.stdout.write("plan.schema.json is up to date\n");
  }
} else {
  await writeFile(target, expected);
  process.stdout.write(`wrote ${target}\n`);
}
