// Benchmarks (a) and (b): `tdd-waves plan` on a 200-story plan (the goal: at most 3x bare node) and on a
// 10,000-story plan (a figure, no goal), and the CLI's start-up, each as a ratio to starting a bare
// `node -e ''` measured side by side.
import { cpSync } from "node:fs";
import { writeBigPlan } from "./big-plan.mjs";
import { fmtMs, fmtRatio, sideBySide, timeCommand } from "./measure.mjs";
import { initRepo, tempDir } from "./temp-repo.mjs";

const node = process.execPath;
const bare = () => timeCommand(node, ["-e", ""]);

/**
 * `tdd-waves plan` on a generated plan of `stories` stories, YAML and JSON, side by side with bare node. The CLI
 * compiles its chunks from V8's code cache after a command's first run (src/adapters/code-cache.ts), kept here in
 * a temp folder that the warm-up fills; `cold` adds the YAML figure without it: a first start after an install.
 */
function benchPlanOf(cli, reps, stories, goal, { cold = false } = {}) {
  const repo = initRepo(tempDir(`plan-${stories}`));
  const made = writeBigPlan(repo, { stories });
  const env = { ...process.env, XDG_CACHE_HOME: tempDir("code-cache") };
  const label = stories.toLocaleString("en");
  console.log(`plan of ${label} stories and ${made.edges} edges — median of ${reps}, side by side with bare node`);
  const plan = (file, extra = {}) => () => timeCommand(node, [cli, "plan", file], { cwd: repo, env: { ...env, ...extra } });
  const cases = { bare, yaml: plan("plan.yml"), json: plan("plan.json") };
  if (cold) cases.cold = plan("plan.yml", { NODE_DISABLE_COMPILE_CACHE: "1" });
  const ms = sideBySide(cases, reps, { warmUp: stories <= 1000 });
  const rows = [
    { name: `plan ${label} stories (YAML) / bare node`, value: ms.yaml / ms.bare, goal },
    { name: `plan ${label} stories (JSON) / bare node`, value: ms.json / ms.bare, goal },
  ];
  if (cold) rows.push({ name: `plan ${label} stories (YAML, first start: no code cache) / bare node`, value: ms.cold / ms.bare });
  console.log(`    bare node ${fmtMs(ms.bare)}; plan.yml ${fmtMs(ms.yaml)} (${fmtRatio(rows[0].value)}); plan.json ${fmtMs(ms.json)} (${fmtRatio(rows[1].value)})` +
    (cold ? `; plan.yml without code cache ${fmtMs(ms.cold)} (${fmtRatio(rows[2].value)})` : ""));
  return rows;
}

/** (a) The goal: a realistic plan of 200 stories in at most 3x bare node. */
export const benchPlan200 = (cli, reps) => benchPlanOf(cli, reps, 200, 3, { cold: true });

/** (a') A 10,000-story plan: printed as a figure, with no goal. */
export const benchBigPlan = (cli, reps) => benchPlanOf(cli, reps, 10_000, undefined);

export function benchStartUp(cli, examples, reps) {
  const repo = initRepo(tempDir("start-up"));
  cpSync(examples, repo, { recursive: true });
  const env = { ...process.env, XDG_CACHE_HOME: tempDir("code-cache") };
  console.log(`(b) CLI start-up — median of ${reps}, side by side with bare node`);
  const ms = sideBySide(
    {
      bare,
      plan: () => timeCommand(node, [cli, "plan", "plan.yml"], { cwd: repo, env }),
      help: () => timeCommand(node, [cli, "--help"], { cwd: repo, env }),
    },
    reps,
  );
  const rows = [
    { name: "CLI `plan examples/plan.yml` / bare node", value: ms.plan / ms.bare, goal: 2 },
    { name: "CLI `--help` / bare node", value: ms.help / ms.bare, goal: 2 },
  ];
  console.log(`    bare node ${fmtMs(ms.bare)}; plan ${fmtMs(ms.plan)} (${fmtRatio(rows[0].value)}); --help ${fmtMs(ms.help)} (${fmtRatio(rows[1].value)})`);
  return rows;
}
