// What a command may touch of its process: working directory, output streams, terminal-ness, environment.
// Commands take it as a parameter so tests can run them in-process with captured output.

export interface CliIO {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Output goes to a terminal (live progress) rather than a pipe or CI log (plain lines). */
  isTTY: boolean;
  env: Record<string, string | undefined>;
}
