// What the terminal can show: width, UTF-8 or not, colour or not (NO_COLOR, --no-color, a pipe).
import type { TerminalGanttOptions } from "../core/render/gantt-terminal.js";
import type { CliIO } from "./io.js";

/** UTF-8 unless the locale says otherwise (LC_ALL, then LC_CTYPE, then LANG, as the C library reads them). */
export function isUtf8Locale(env: CliIO["env"]): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
  if (!locale) return process.platform === "win32" ? false : true;
  if (locale === "C" || locale === "POSIX") return false;
  return /utf-?8/i.test(locale);
}

/** Terminal Gantt options: plain ASCII when the locale is not UTF-8 or colour is off (NO_COLOR, --no-color). */
export function terminalOptions(io: CliIO, noColorFlag: boolean): TerminalGanttOptions {
  const noColor = noColorFlag || (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "");
  const columns = Number(io.env.COLUMNS) || process.stdout.columns || 80;
  return { width: columns, unicode: isUtf8Locale(io.env) && !noColor, color: io.isTTY && !noColor };
}
