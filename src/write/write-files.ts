import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import type { OutputFile } from "../render/output-file.js";
import { manifestFile } from "./manifest.js";
import { blockedOutputs, plainEntry, readManifest, removableOrphans } from "./output-checks.js";
import { type Interrupted, OutputSession } from "./output-session.js";
import { type SettledFile, settleFile } from "./settle.js";

/** How an output directory compares with the files generate() produced (see checkFiles). */
export interface CheckReport {
  /** Paths whose content differs, sorted. */
  readonly modified: readonly string[];
  /** Paths not there yet, sorted. */
  readonly missing: readonly string[];
  /** Paths gen wrote before (by the manifest) that nothing produces any more, sorted. */
  readonly orphaned: readonly string[];
  /** How many files already hold what they should. */
  readonly unchanged: number;
  /** A commit that was stopped half-way, or leftover staging directories (the next write repairs them). */
  readonly interrupted: boolean;
  /**
   * What stood in the way (errors: a corrupt manifest, a directory where a file goes) or was passed over
   * (warnings: manifest entries gen would not remove). With an error, nothing was compared or written.
   */
  readonly diagnostics: readonly Diagnostic[];
}

/** What writeFiles did. */
export interface WriteReport {
  readonly created: readonly string[];
  readonly updated: readonly string[];
  readonly removed: readonly string[];
  readonly unchanged: number;
  /** As in CheckReport; with an error, nothing was written. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Compares generated files (and the manifest that lists them) with an output directory, as `gen --check`
 * does: it waits for a gen writing there and writes nothing.
 */
export async function checkFiles(files: readonly OutputFile[], outDir: string): Promise<CheckReport> {
  const session = await OutputSession.open(outDir, "check", () => {});
  try {
    const plan = planWrite(files, session);
    return { ...plan.report, interrupted: isInterrupted(session.interrupted) };
  } finally {
    session.close();
  }
}

/**
 * Writes generated files into an output directory as gen does, through the same lock, journal and
 * checks: only files whose content changed, plus the manifest; removes the files gen wrote before that
 * nothing produces any more; never touches other files. All or nothing: on an error the directory is
 * left exactly as it was, and a filesystem error is thrown.
 */
export async function writeFiles(files: readonly OutputFile[], outDir: string): Promise<WriteReport> {
  const session = await OutputSession.open(outDir, "write", () => {});
  try {
    const { report } = planWrite(files, session);
    const nothing = { created: [], updated: [], removed: [], unchanged: 0, diagnostics: report.diagnostics };
    if (hasErrors(report.diagnostics)) return nothing;
    session.commit([...report.modified, ...report.missing], report.orphaned);
    return { created: report.missing, updated: report.modified, removed: report.orphaned, unchanged: report.unchanged, diagnostics: report.diagnostics };
  } finally {
    session.close();
  }
}

/** Settles every wanted file against the output directory (staging it when the session writes). */
function planWrite(files: readonly OutputFile[], session: OutputSession): { report: Omit<CheckReport, "interrupted"> } {
  const { outDir } = session;
  const empty = { modified: [], missing: [], orphaned: [], unchanged: 0 };
  const manifest = readManifest(outDir, outDir);
  if (hasErrors(manifest.diagnostics)) return { report: { ...empty, diagnostics: manifest.diagnostics } };
  const wanted = [...files, manifestFile(files.map(plainEntry))];
  const paths = new Set(wanted.map((file) => file.path));
  if (paths.size !== wanted.length) throw new Error("two generated files have the same path");
  const blocked = blockedOutputs(outDir, paths, outDir);
  if (blocked.length > 0) return { report: { ...empty, diagnostics: blocked } };
  const settled: SettledFile[] = wanted.map((file) => settleFile(file, outDir, session.staging?.dir));
  const withStatus = (status: SettledFile["status"]) =>
    settled
      .filter((file) => file.status === status)
      .map((file) => file.path)
      .sort();
  const candidates = manifest.entries.filter((entry) => !paths.has(entry.path));
  const { orphaned, diagnostics: skipped } = removableOrphans(outDir, candidates, manifest.shown);
  return {
    report: {
      modified: withStatus("modified"),
      missing: withStatus("missing"),
      orphaned: orphaned.sort(),
      unchanged: withStatus("unchanged").length,
      diagnostics: [...manifest.diagnostics, ...skipped],
    },
  };
}

function isInterrupted(interrupted: Interrupted | undefined): boolean {
  return interrupted !== undefined && (interrupted.journal || interrupted.leftovers.length > 0);
}
