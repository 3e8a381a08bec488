/** The exit status of a process stopped by a signal, as a shell reports it: 128 + the signal's number. */
const STATUS: Record<"SIGINT" | "SIGTERM", number> = { SIGINT: 130, SIGTERM: 143 };

let cleanup: (() => void) | undefined;
let installed = false;

/**
 * Ctrl-C and SIGTERM while gen works on an output directory: `stop` drops what is not committed and
 * releases the lock, and gen exits with 130 or 143. A commit is synchronous, so a signal that arrives
 * during it is handled only once the commit is done: the output directory is then old or new, never
 * half of each. The handlers stay for the life of the process, so that a signal right after the run
 * also ends with that status rather than the default kill.
 */
export function onInterrupt(stop: (() => void) | undefined): void {
  cleanup = stop;
  if (installed) return;
  installed = true;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      const stopNow = cleanup;
      cleanup = undefined;
      try {
        stopNow?.();
      } finally {
        process.exit(STATUS[signal]);
      }
    });
  }
}
