import { readFileSync } from "node:fs";
import { parseYamlSubset } from "./src/core/plan-yaml-subset.ts";
const text = readFileSync(process.argv[2]!, "utf8");
for (let i = 0; i < 5; i++) { const t = performance.now(); parseYamlSubset(text); console.log((performance.now() - t).toFixed(1)); }
