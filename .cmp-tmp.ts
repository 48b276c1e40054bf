import { readFileSync } from "node:fs";
import { parseDocument } from "yaml";
import { isDeepStrictEqual } from "node:util";
import { parseYamlSubset } from "./src/core/plan-yaml-subset.ts";
for (const f of process.argv.slice(2)) {
  const text = readFileSync(f, "utf8");
  let t = performance.now();
  const fast = parseYamlSubset(text);
  const tf = performance.now() - t;
  t = performance.now();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  const full = doc.toJS();
  const tl = performance.now() - t;
  console.log(f, fast ? "fast" : "OUTSIDE", tf.toFixed(1), "ms vs", tl.toFixed(0), "ms", fast ? isDeepStrictEqual(fast.data, full) : "", doc.errors.length);
}
