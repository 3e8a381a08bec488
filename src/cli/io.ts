/** Where the CLI writes and which directory it works in: real streams in bin/gen.js, buffers in tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // Looked up when used, not when this module loads: a deleted working directory makes process.cwd()
  // throw, and runCli reports that in one line.
  get cwd() {
    return process.cwd();
  },
};

/** Exit codes: 0 clean, 1 a problem with the input or the output, 2 a usage error. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
