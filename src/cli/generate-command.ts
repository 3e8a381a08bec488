import { resolve } from "node:path";
import { displayPath } from "../catalog/read-catalogs.js";
import { formatDiagnosticsText, githubCommand } from "../diagnostics/format.js";
import { type OutputFailure, type RunOptions, type RunResult, run } from "../pipeline/run.js";
import { DEFAULT_JAVA_OPTIONS } from "../render/java-options.js";
import { DEFAULT_TS_OPTIONS } from "../render/typescript-options.js";
import { REGENERATE_COMMAND } from "../render/views/banner.js";
import type { Recovery } from "../write/apply.js";
import { JOURNAL_PATH } from "../write/journal.js";
import { LOCK_PATH, type LockEvent, type LockHolder } from "../write/output-lock.js";
import { LOCK_WAIT_MS } from "../write/output-session.js";
import { onInterrupt } from "./interrupts.js";
import { type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from "./io.js";

export interface GenerateCommandOptions extends RunOptions {
  readonly check: boolean;
  /** How --check reports stale files: lines, or GitHub Actions workflow commands. */
  readonly format?: "text" | "github" | undefined;
  /** Where processed catalogs are cached; false for no cache. */
  readonly cache: string | false;
}

/** `gen` / `gen generate`: write generated/ (only what changed), or with --check report what is stale. */
export async function runGenerate(options: GenerateCommandOptions, io: CliIo): Promise<number> {
  // While waiting for another gen's lock, a signal has nothing of ours to clean up: just the exit status.
  onInterrupt(undefined);
  const result = await run(
    { ...options, cwd: io.cwd },
    { onLock: (event) => io.stderr(lockMessage(event, displayPath(resolve(io.cwd, options.out), io.cwd))), onProgress: io.progress, onHold: onInterrupt },
  );
  return reportRun(result, options, io);
}

/** Prints what a run did, as gen does after each run (gen watch too), and gives its exit code. */
export function reportRun(result: RunResult, options: GenerateCommandOptions, io: CliIo): number {
  const { shownOut } = result;
  if (result.recovery) reportRecovery(result.recovery, shownOut, io);
  if (result.diagnostics.length > 0) io.stderr(formatDiagnosticsText(result.diagnostics, result.texts));
  switch (result.status) {
    case "invalid":
      return EXIT_FAILURE;
    case "usage":
      io.stderr(`gen: ${result.message}\n`);
      return EXIT_USAGE;
    case "output-failed":
      io.stderr(failureMessage(result.failure, shownOut));
      return EXIT_FAILURE;
    case "checked":
      return reportCheck(result, shownOut, options, io);
    case "written":
      io.stdout(
        `${shownOut}: ${result.created.length} created, ${result.updated.length} updated, ${result.removed.length} removed, ${result.unchanged} unchanged\n`,
      );
      return EXIT_OK;
  }
}

/** Why the output directory could not be used, as a diagnostic line naming it. */
function failureMessage(failure: OutputFailure, shownOut: string): string {
  switch (failure.kind) {
    case "not-directory":
      return `${shownOut}:0:0 error output-not-directory the output path ${shownOut} exists and is not a directory\n`;
    case "locked":
      return (
        `${shownOut}/${LOCK_PATH}:0:0 error output-locked another gen${holderText(failure.holder)} is writing ${shownOut}; ` +
        `try again when it is done (if no gen is running, delete ${shownOut}/${LOCK_PATH})\n`
      );
    case "journal-invalid":
      return `${shownOut}/${JOURNAL_PATH}:0:0 error journal-invalid the commit journal ${shownOut}/${JOURNAL_PATH} ${failure.message}; nothing was changed (delete it if no gen wrote it)\n`;
    case "write-failed":
      return writeFailed(shownOut, failure.reason, failure.stuck ? "the next gen completes the interrupted commit" : "it was left as it was");
  }
}

function writeFailed(shownOut: string, reason: string, outcome: string): string {
  return `${shownOut}:0:0 error write-failed could not write ${shownOut} (${reason}); ${outcome}\n`;
}

/** What waiting for (or taking over) another gen's lock looks like on stderr. */
export function lockMessage(event: LockEvent, shownOut: string): string {
  if (event.kind === "stale") return `gen: note: took over the lock ${shownOut}/${LOCK_PATH} of gen pid ${event.holder.pid}, which is no longer running\n`;
  return `gen: waiting for another gen${holderText(event.holder)} to finish with ${shownOut} (up to ${LOCK_WAIT_MS / 1000} s)\n`;
}

function holderText(holder: LockHolder | undefined): string {
  return holder ? ` (pid ${holder.pid} on ${holder.host}, since ${holder.since})` : "";
}

/** A note for what the run found of a killed one before it began. */
function reportRecovery(recovery: Recovery, shownOut: string, io: CliIo): void {
  const { interrupted, removed } = recovery;
  if (interrupted) io.stderr(`gen: note: ${interrupted.outcome} the commit that gen pid ${interrupted.pid} left unfinished in ${shownOut} (it was stopped)\n`);
  if (removed.length > 0) io.stderr(`gen: note: removed what stopped runs left in ${shownOut}: ${removed.join(", ")}\n`);
}

type CheckReport = Extract<RunResult, { readonly status: "checked" }>;

function reportCheck(report: CheckReport, shownOut: string, options: GenerateCommandOptions, io: CliIo): number {
  const lines = [
    ...report.modified.map((path) => `  modified  ${shownOut}/${path}`),
    ...report.missing.map((path) => `  missing   ${shownOut}/${path}`),
    ...report.orphaned.map((path) => `  orphaned  ${shownOut}/${path}`),
    ...(report.interrupted?.journal ? [`  interrupted commit  ${shownOut}/${JOURNAL_PATH}`] : []),
    ...(report.interrupted?.leftovers ?? []).map((name) => `  leftover  ${shownOut}/${name}`),
  ];
  if (lines.length === 0) {
    io.stdout(`${shownOut} is up to date (${report.unchanged} files)\n`);
    return EXIT_OK;
  }
  if (options.format === "github") {
    const stale = [
      ...report.modified.map((p) => [p, "modified"]),
      ...report.missing.map((p) => [p, "missing"]),
      ...report.orphaned.map((p) => [p, "orphaned"]),
    ];
    const fix = fixCommand(options);
    for (const [path, state] of stale)
      io.stdout(
        `${githubCommand("error", { file: `${shownOut}/${path}`, title: "stale-output" }, `${shownOut}/${path} is ${state}: run \`${fix}\` and commit the result`)}\n`,
      );
    return EXIT_FAILURE;
  }
  io.stderr(
    `${shownOut} is stale: ${lines.length} ${lines.length === 1 ? "file differs" : "files differ"} from what the catalogs produce\n${lines.join("\n")}\nRun \`${fixCommand(options)}\` to update it.\n`,
  );
  return EXIT_FAILURE;
}

/** The command that brings the output up to date: the same options, without --check. */
function fixCommand(options: GenerateCommandOptions): string {
  const parts = [REGENERATE_COMMAND];
  if (options.catalogs !== "catalogs") parts.push("--catalogs", quote(options.catalogs));
  if (options.out !== "generated") parts.push("--out", quote(options.out));
  if (options.templates !== undefined) parts.push("--templates", quote(options.templates));
  if (options.outcomes !== undefined) parts.push("--outcomes", quote(options.outcomes));
  if (options.only !== undefined) parts.push("--only", quote(options.only));
  if (options.targets !== undefined) parts.push("--targets", options.targets.join(","));
  if (options.ts !== undefined && options.ts.style !== DEFAULT_TS_OPTIONS.style) parts.push("--ts-style", options.ts.style);
  if (options.ts !== undefined && options.ts.importExtension !== DEFAULT_TS_OPTIONS.importExtension)
    parts.push("--ts-import-extension", options.ts.importExtension);
  if (options.java !== undefined && options.java.packagePrefix !== DEFAULT_JAVA_OPTIONS.packagePrefix)
    parts.push("--java-package-prefix", options.java.packagePrefix);
  return parts.join(" ");
}

function quote(value: string): string {
  return /^[\w./-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}
