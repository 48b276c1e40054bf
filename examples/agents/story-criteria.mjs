// Reads a story file's acceptance criteria (task-list items under a heading that contains
// "Acceptance Criteria") and ticks their boxes, touching nothing but the `[ ]` of those lines.

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const TASK = /^(\s*(?:[-*+]|\d+[.)])\s+)\[([ xX])\](\s+)(.*?)\s*$/;

/** Each criterion: its line index (in `text.split("\n")`), its text (whitespace collapsed), whether it is checked. */
export function readCriteria(text) {
  const lines = text.split("\n");
  const criteria = [];
  let level = 0; // the heading level of the acceptance-criteria section we are in; 0: outside one
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, "");
    const heading = HEADING.exec(line);
    if (heading) {
      const depth = heading[1].length;
      if (/acceptance criteria/i.test(heading[2])) level = depth;
      else if (level > 0 && depth <= level) level = 0;
      return;
    }
    const task = level > 0 ? TASK.exec(line) : null;
    if (task) criteria.push({ index, text: normalize(task[4]), checked: task[2] !== " " });
  });
  return criteria;
}

/** The story text with every acceptance-criteria box checked; every other byte as it was. */
export function tickCriteria(text) {
  const lines = text.split("\n");
  for (const { index, checked } of readCriteria(text)) {
    if (!checked) lines[index] = lines[index].replace(/\[ \]/, "[x]");
  }
  return lines.join("\n");
}

export function normalize(criterion) {
  return criterion.replace(/\s+/g, " ").trim();
}
