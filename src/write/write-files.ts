import { existsSync } from "node:fs";
import { join } from "node:path";
import type { OutputFile } from "../render/output-file.js";
import { commitStaged, createStaging, discardStaging, type Staging } from "./apply.js";
import { MANIFEST_PATH, manifestFile, parseManifest } from "./manifest.js";
import { readCurrentFiles } from "./read-current.js";
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
}

/** What writeFiles did. */
export interface WriteReport {
  readonly created: readonly string[];
  readonly updated: readonly string[];
  readonly removed: readonly string[];
  readonly unchanged: number;
}

/** Compares generated files (and the manifest that lists them) with an output directory. Reads only. */
export function checkFiles(files: readonly OutputFile[], outDir: string): CheckReport {
  return compare(files, outDir, undefined);
}

/**
 * Writes generated files into an output directory as gen does: only files whose content changed, plus
 * the manifest; removes the files gen wrote before that nothing produces any more; never touches other
 * files. All or nothing: on an error the directory is left exactly as it was and the error is thrown.
 */
export function writeFiles(files: readonly OutputFile[], outDir: string): WriteReport {
  const staging = createStaging(outDir);
  let report: CheckReport;
  try {
    report = compare(files, outDir, staging);
  } catch (error) {
    discardStaging(staging);
    throw error;
  }
  // commitStaged undoes everything itself when it fails.
  commitStaged(outDir, staging, [...report.modified, ...report.missing], report.orphaned);
  return { created: report.missing, updated: report.modified, removed: report.orphaned, unchanged: report.unchanged };
}

function compare(files: readonly OutputFile[], outDir: string, staging: Staging | undefined): CheckReport {
  const previous = parseManifest(readCurrentFiles(outDir, [MANIFEST_PATH]).get(MANIFEST_PATH));
  const wanted = [...files, manifestFile(files.map(({ path, vendor }) => ({ path, vendor })))];
  const paths = new Set(wanted.map((file) => file.path));
  if (paths.size !== wanted.length) throw new Error("two generated files have the same path");
  const settled: SettledFile[] = wanted.map((file) => settleFile(file, outDir, staging?.dir));
  const withStatus = (status: SettledFile["status"]) =>
    settled
      .filter((file) => file.status === status)
      .map((file) => file.path)
      .sort();
  const orphaned = previous
    .map((entry) => entry.path)
    .filter((path) => !paths.has(path) && existsSync(join(outDir, path)))
    .sort();
  return {
    modified: withStatus("modified"),
    missing: withStatus("missing"),
    orphaned,
    unchanged: settled.filter((file) => file.status === "unchanged").length,
  };
}
