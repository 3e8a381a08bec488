import { colourDiagnostics, colourWanted, ProgressLine } from "./terminal.js";

/** Where the CLI writes and which directory it works in: real streams in bin/gen.js, buffers in tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  /** Whether what goes to stdout may be coloured (see colourWanted). */
  readonly colour?: boolean;
  /** Told how many catalogs of a run are done, for a progress line (on a terminal only). */
  readonly progress?: (done: number, total: number) => void;
}

/** The process's streams, with the terminal conventions: coloured diagnostics and a progress line on a TTY. */
function terminalIo(): CliIo {
  const colourErr = colourWanted(process.env, process.stderr.isTTY === true);
  const line = process.stderr.isTTY === true ? new ProgressLine((text) => process.stderr.write(text)) : undefined;
  return {
    stdout: (text) => {
      line?.clear();
      process.stdout.write(text);
    },
    stderr: (text) => {
      line?.clear();
      process.stderr.write(colourErr ? colourDiagnostics(text) : text);
    },
    cwd: process.cwd(),
    colour: colourWanted(process.env, process.stdout.isTTY === true),
    ...(line ? { progress: (done: number, total: number) => line.update(done, total) } : {}),
  };
}

export const processIo: CliIo = terminalIo();

/** Exit codes: 0 clean, 1 a problem with the input or the output, 2 a usage error. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
