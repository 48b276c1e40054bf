// The briefs the tester and implementation agents receive (TDD_WAVES_PROMPT), and the rendering of
// a plan's own prompt templates.

export type AgentRole = "tester" | "implementation";

export interface PromptContext {
  storyId: string;
  title: string;
  storyFile: string;
  testFile: string;
  /** The test command as it will run, `{testFile}` already replaced. */
  testCommand: string;
  planName: string;
  wave: number;
  epic: string;
  acceptanceCriteria: string[];
  lockTests: boolean;
  requireRed: boolean;
  /** What the previous attempt got wrong (a retry, a rebuild); absent on a first attempt. */
  feedback?: string;
}

const CONSTITUTION = `Working rules
1. Read before you write: the story file, the code around it, the conventions the repository already has.
2. Change only what this task needs. No drive-by refactoring, no unrelated clean-up.
3. When something breaks, fix the cause, not the symptom.
4. You are not done until you have run the check below and read its output.
5. Do what is asked, no more and no less. Where the story is unclear, take the plainest reading and say so at the end.`;

const STORY = `Story: {storyId} — {title}
Epic {epic}, wave {wave} of plan {planName}.
Read the story file first: {storyFile}

Acceptance criteria:
{acceptanceCriteria}`;

export const TESTER_TEMPLATE = `# tdd-waves: {role} brief for {storyId}

${CONSTITUTION}

Role: tester. You write the tests for this story before anyone implements it. An implementation
agent takes over after you and has to make your tests pass, so they are the contract for the story.

${STORY}
{feedback}
Task
- Write tests that pin down every acceptance criterion above: at least one test per criterion, for the
  behaviour that must work and for the ways it must fail (bad input, errors, edge cases).
- Test behaviour through the interface the story describes, not implementation details, so that any
  correct implementation passes. Import production code where the story and the repository say it
  will live, even though it does not exist yet.

Files
- Write only {testFile} (create it, and its directory, if it is missing).
- Do not write production code, and do not edit the story file: its checkboxes are ticked by the
  implementation agent once each criterion is met, and its status fields belong to tdd-waves.

Check
- Run: {testCommand}
- {redRule}
- End with a short summary: the tests you wrote and the criterion each one covers.
`;

export const IMPLEMENTATION_TEMPLATE = `# tdd-waves: {role} brief for {storyId}

${CONSTITUTION}

Role: implementation. The tests for this story are already written. You make them pass by writing
the production code the story asks for.

${STORY}

Then read the tests in {testFile}: they are the contract.
{feedback}
Task
- Implement the story in production code so that every test in {testFile} passes and every
  acceptance criterion holds.
- {testFileRule}
- In {storyFile}, tick each acceptance-criteria box (\`- [ ]\` becomes \`- [x]\`) once that criterion is
  met. Change nothing else in the story file: tdd-waves keeps its status fields and Completion section.

Files
- Change or create the production files the story needs, and nothing unrelated.

Check
- Run: {testCommand}
- Every test must pass. Run it again after your last change; tdd-waves runs it too before accepting the story.
- End with a short report: every file you changed or created, one line each on why.
`;

/** Every placeholder a prompt template may use. */
export const PROMPT_PLACEHOLDERS = [
  "storyId",
  "storyFile",
  "testFile",
  "title",
  "testCommand",
  "planName",
  "wave",
  "epic",
  "acceptanceCriteria",
  "role",
  "redRule",
  "testFileRule",
  "feedback",
] as const;

const KNOWN = new Set<string>(PROMPT_PLACEHOLDERS);
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/** The placeholders a template uses, each once in order of appearance, split into known and unknown. */
export function templatePlaceholders(template: string): { known: string[]; unknown: string[] } {
  const names = [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ""))];
  return { known: names.filter((n) => KNOWN.has(n)), unknown: names.filter((n) => !KNOWN.has(n)) };
}

/**
 * The prompt for one agent: `template` (the plan's own, or the built-in one for the role) with its
 * placeholders replaced in a single pass, so that values containing `{…}` are never expanded again.
 * Unknown placeholders stay as written.
 */
export function renderPrompt(role: AgentRole, ctx: PromptContext, template?: string): string {
  const text = template ?? (role === "tester" ? TESTER_TEMPLATE : IMPLEMENTATION_TEMPLATE);
  const values = placeholderValues(role, ctx);
  return text.replace(PLACEHOLDER, (match, name: string) => values.get(name) ?? match);
}

function placeholderValues(role: AgentRole, ctx: PromptContext): Map<string, string> {
  return new Map<string, string>([
    ["storyId", ctx.storyId],
    ["storyFile", ctx.storyFile],
    ["testFile", ctx.testFile],
    ["title", ctx.title],
    ["testCommand", ctx.testCommand],
    ["planName", ctx.planName],
    ["wave", String(ctx.wave)],
    ["epic", ctx.epic],
    ["acceptanceCriteria", bullets(ctx.acceptanceCriteria)],
    ["role", role],
    ["redRule", redRule(ctx)],
    ["testFileRule", testFileRule(ctx)],
    ["feedback", feedbackSection(ctx)],
  ]);
}

/** Empty on a first attempt, so that the brief reads as before; otherwise a section of its own. */
function feedbackSection(ctx: PromptContext): string {
  return ctx.feedback ? `\nFeedback: this story was tried before\n${ctx.feedback.trim()}\n` : "";
}

function bullets(items: string[]): string {
  if (items.length === 0) return "- (none listed: see the story file)";
  return items.map((item) => `- ${item.replace(/\r?\n/g, " ").trim()}`).join("\n");
}

function redRule(ctx: PromptContext): string {
  if (!ctx.requireRed) {
    return "The tests will fail until the story is implemented; make sure they load and run.";
  }
  return [
    "Nothing is implemented yet, so the tests must run and FAIL now. tdd-waves runs this command when",
    "  you finish and rejects tests that pass, or a test file you did not create or change. Make them fail",
    "  for the right reason (the behaviour is missing), not because of a mistake in the test file itself.",
  ].join("\n");
}

function testFileRule(ctx: PromptContext): string {
  if (!ctx.lockTests) {
    return `Keep ${ctx.testFile} as the tester wrote it. Change a test only where it contradicts the story, and explain why in your report.`;
  }
  return [
    `Never edit ${ctx.testFile}: it is locked. tdd-waves checks that it is byte-for-byte what the tester`,
    "  left and fails the story otherwise. If a test looks wrong, say so in your report instead.",
  ].join("\n");
}
