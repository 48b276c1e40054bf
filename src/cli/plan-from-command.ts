// `tdd-waves plan --from <dir> [--base PLAN] [--write FILE] [--tester A] [--implementer B] [--json]`: a plan
// built from the YAML front matter of the story files in <dir>, the rest (name, test command, agents) from
// the base plan (default .tdd-waves/plan.yml); checked like any plan, findings located in the story files.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { Git } from "../adapters/git.js";
import { loadPlan, PlanError } from "../adapters/plan-loader.js";
import { assemblePlan, entryProblems, relocate } from "../core/plan-from/assemble.js";
import { readStoryFrontMatter } from "../core/plan-from/story-front-matter.js";
import { formatIssue } from "../core/plan/issue.js";
import type { CliIO } from "./io.js";
import { parseFlags, UsageError } from "./args.js";
import { wavesJson, wavesTable } from "./plan-command.js";

const USAGE = "Usage: tdd-waves plan --from <dir> [--base PLAN] [--write FILE] [--tester AGENT] [--implementer AGENT] [--json]";
const HELP = `Builds a plan from the story files (*.md) in <dir>, from their YAML front matter:
  id | story_id, title (else the first # heading), dependencies | depends_on | dependsOn,
  test_file | testFile, tester, implementer, epic | epic_id.
Everything else (name, test command, agents, settings) comes from the base plan: --base, default
.tdd-waves/plan.yml (its stories: are replaced). Files named README.md or starting with _ or . are skipped.
  --write FILE         write the plan there (only when it is valid); otherwise it is printed
  --tester AGENT       the tester of stories that name none (likewise --implementer)
  --json               print the waves as JSON (as \`plan --json\`) instead of the plan`;

const DEFAULT_BASE = ".tdd-waves/plan.yml";

export async function planFromCommand(args: string[], io: CliIO): Promise<number> {
  let flags;
  try {
    flags = parseFlags(args, { from: "value", base: "value", write: "value", tester: "value", implementer: "value", json: "boolean", help: "boolean" });
    if (flags.booleans.has("help")) {
      io.stdout(`${USAGE}\n\n${HELP}\n`);
      return 0;
    }
    if (flags.positional.length > 0) throw new UsageError(`plan --from takes no plan file (got "${flags.positional.join(" ")}"): the plan is built from the story files`);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`tdd-waves plan: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  const fail = (message: string): number => {
    io.stderr(`tdd-waves plan: ${message}\n`);
    return 2;
  };
  const dir = resolve(io.cwd, flags.values.from!);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return fail(`--from ${flags.values.from}: not a directory`);
  let root: string;
  try {
    root = await new Git({ cwd: dir }).topLevel();
  } catch {
    return fail(`--from ${flags.values.from}: not inside a git repository`);
  }
  const rel = (p: string): string => relative(root, p).split(sep).join("/");
  const basePath = resolve(io.cwd, flags.values.base ?? join(relative(io.cwd, root) || ".", DEFAULT_BASE));
  if (!existsSync(basePath)) {
    return fail(`no base plan at ${relative(io.cwd, basePath) || basePath}: it gives the plan's name, test command and agents. Run \`tdd-waves init\` or pass --base PLAN`);
  }
  const baseText = readFileSync(basePath, "utf8");
  const baseName = relative(io.cwd, basePath) || basename(basePath);

  const files = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile() && d.name.toLowerCase().endsWith(".md") && d.name.toLowerCase() !== "readme.md" && !/^[_.]/.test(d.name))
    .map((d) => join(dir, d.name))
    .sort();
  if (files.length === 0) return fail(`--from ${flags.values.from}: no story files (*.md) there`);
  const entries = files.map((f) => readStoryFrontMatter(rel(f), readFileSync(f, "utf8")));
  const defaults = { tester: flags.values.tester, implementer: flags.values.implementer };
  const problems = entryProblems(entries, defaults);
  if (problems.length > 0) {
    io.stderr(`${problems.map((p) => `${p.file}:${p.line}:1: ${p.message}`).join("\n")}\n`);
    io.stderr(`tdd-waves plan: ${problems.length} story file${problems.length === 1 ? "" : "s"} to fix; nothing written\n`);
    return 2;
  }
  const assembled = assemblePlan(baseName, baseText, entries, defaults);

  // Checked exactly as `tdd-waves plan` checks a plan file: written beside the repository root for the
  // loader (plan files must be inside the repository), removed at once.
  const scratch = join(root, `.tdd-waves-plan-from-${process.pid}.yml`);
  let loaded;
  try {
    writeFileSync(scratch, assembled.text);
    loaded = await loadPlan(scratch, root, { cwd: root });
  } catch (e) {
    if (!(e instanceof PlanError)) throw e;
    io.stderr(`${e.issues.map((i) => formatIssue(relocate(i, assembled))).join("\n")}\n`);
    return 2;
  } finally {
    rmSync(scratch, { force: true });
  }
  if (flags.values.write !== undefined) {
    const target = resolve(io.cwd, flags.values.write);
    if (!existsSync(dirname(target))) return fail(`--write ${flags.values.write}: directory ${dirname(flags.values.write)} does not exist`);
    writeFileSync(target, assembled.text);
    io.stderr(`Wrote ${flags.values.write} (${entries.length} stories from ${rel(dir) || "."})\n`);
    io.stdout(flags.booleans.has("json") ? `${JSON.stringify(wavesJson(loaded), null, 2)}\n` : wavesTable(loaded));
    return 0;
  }
  io.stdout(flags.booleans.has("json") ? `${JSON.stringify(wavesJson(loaded), null, 2)}\n` : assembled.text);
  return 0;
}
