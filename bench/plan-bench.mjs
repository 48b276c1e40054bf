// Benchmarks (a) and (b): `tdd-waves plan` on a 10,000-story plan, and the CLI's start-up, each as a
// ratio to starting a bare `node -e ''` measured side by side.
import { cpSync } from "node:fs";
import { writeBigPlan } from "./big-plan.mjs";
import { fmtMs, fmtRatio, sideBySide, timeCommand } from "./measure.mjs";
import { initRepo, tempDir } from "./temp-repo.mjs";

const node = process.execPath;
const bare = () => timeCommand(node, ["-e", ""]);

export function benchBigPlan(cli, reps) {
  const repo = initRepo(tempDir("big-plan"));
  const { stories, edges } = writeBigPlan(repo);
  console.log(`(a) plan of ${stories} stories and ${edges} edges — median of ${reps}, side by side with bare node`);
  const plan = (file) => () => timeCommand(node, [cli, "plan", file], { cwd: repo });
  const ms = sideBySide({ bare, yaml: plan("plan.yml"), json: plan("plan.json") }, reps, { warmUp: false });
  const rows = [
    { name: "plan 10k stories (YAML) / bare node", value: ms.yaml / ms.bare, goal: 5 },
    { name: "plan 10k stories (JSON) / bare node", value: ms.json / ms.bare, goal: 5 },
  ];
  console.log(`    bare node ${fmtMs(ms.bare)}; plan.yml ${fmtMs(ms.yaml)} (${fmtRatio(rows[0].value)}); plan.json ${fmtMs(ms.json)} (${fmtRatio(rows[1].value)})`);
  return rows;
}

export function benchStartUp(cli, examples, reps) {
  const repo = initRepo(tempDir("start-up"));
  cpSync(examples, repo, { recursive: true });
  console.log(`(b) CLI start-up — median of ${reps}, side by side with bare node`);
  const ms = sideBySide(
    {
      bare,
      plan: () => timeCommand(node, [cli, "plan", "plan.yml"], { cwd: repo }),
      help: () => timeCommand(node, [cli, "--help"], { cwd: repo }),
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
