// Generates the large plan of benchmark (a): 10,000 stories and ~30,000 dependency edges (each story
// depends on 3 random stories among the 500 before it), as plan.yml and plan.json, with its story files.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { seededRandom } from "./seeded-random.mjs";

const WINDOW = 500;

/** Writes plan.yml, plan.json and stories/*.md into `dir`; returns the counts. */
export function writeBigPlan(dir, { stories = 10_000, depsPerStory = 3, seed = 42 } = {}) {
  const random = seededRandom(seed);
  const ids = Array.from({ length: stories }, (_, i) => `s-${String(i + 1).padStart(5, "0")}`);
  const list = ids.map((id, i) => ({
    id,
    title: `Story ${i + 1}`,
    testFile: `test/${id}.test.mjs`,
    tester: "tester",
    implementer: "implementer",
    dependsOn: random.sample(ids.slice(Math.max(0, i - WINDOW), i), depsPerStory),
  }));
  const header = {
    name: "bench-big",
    test: { command: "node --test {testFile}" },
    agents: { tester: { run: "node agents/tester.mjs" }, implementer: { run: "node agents/implementer.mjs" } },
  };
  writeFileSync(join(dir, "plan.json"), JSON.stringify({ ...header, stories: list }, null, 2));
  writeFileSync(join(dir, "plan.yml"), toYaml(header, list));
  mkdirSync(join(dir, "stories"), { recursive: true });
  for (const s of list) {
    writeFileSync(join(dir, "stories", `${s.id}.md`), `# ${s.id}: ${s.title}\n\n**Status:** ⏳ Pending\n\n## Acceptance Criteria\n- [ ] ${s.title} works\n\n## Completion\n`);
  }
  return { stories: list.length, edges: list.reduce((n, s) => n + s.dependsOn.length, 0) };
}

function toYaml(header, stories) {
  const lines = [
    `name: ${header.name}`,
    "test:",
    `  command: ${header.test.command}`,
    "agents:",
    ...Object.entries(header.agents).flatMap(([name, a]) => [`  ${name}:`, `    run: ${a.run}`]),
    "stories:",
  ];
  for (const s of stories) {
    lines.push(
      `  - id: ${s.id}`,
      `    title: ${s.title}`,
      `    testFile: ${s.testFile}`,
      `    tester: ${s.tester}`,
      `    implementer: ${s.implementer}`,
      `    dependsOn: [${s.dependsOn.join(", ")}]`,
    );
  }
  return `${lines.join("\n")}\n`;
}
