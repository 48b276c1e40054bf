// Shared by the script agents: checks the retry feedback tdd-waves hands an agent. A first attempt gets none;
// any feedback is the same in TDD_WAVES_FEEDBACK, the file TDD_WAVES_FEEDBACK_FILE and the rendered prompt;
// EXPECT_FEEDBACK ("a|b"): on a later attempt the feedback must contain each part. Exits 8 when not so.
import { readFileSync } from "node:fs";

export function checkFeedback() {
  const attempt = Number(process.env.TDD_WAVES_ATTEMPT);
  const feedback = process.env.TDD_WAVES_FEEDBACK;
  const wrong = (why) => {
    console.error(`feedback check: ${why}`);
    process.exit(8);
  };
  if (attempt === 1 && feedback !== undefined) wrong("a first attempt got feedback");
  if (feedback === undefined) {
    if (attempt > 1 && process.env.EXPECT_FEEDBACK) wrong(`attempt ${attempt} got no feedback`);
    return;
  }
  if (readFileSync(process.env.TDD_WAVES_FEEDBACK_FILE, "utf8") !== `${feedback}\n`) wrong("TDD_WAVES_FEEDBACK_FILE differs from TDD_WAVES_FEEDBACK");
  if (!process.env.TDD_WAVES_PROMPT.includes(feedback.split("\n")[0])) wrong("the prompt does not carry the feedback");
  for (const part of (process.env.EXPECT_FEEDBACK ?? "").split("|").filter(Boolean)) {
    if (!feedback.includes(part)) wrong(`the feedback lacks "${part}":\n${feedback}`);
  }
}
