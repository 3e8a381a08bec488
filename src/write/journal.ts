import { join } from "node:path";
import { MANIFEST_PATH } from "./manifest.js";
import { pathSyntaxProblem } from "./output-paths.js";

/** The journal of a commit in progress, in the output directory: while it exists, the commit is not done. */
export const JOURNAL_PATH = ".codebook-journal.json";

/** Every staging directory's name starts with this; the backup and stream directories add a suffix. */
export const STAGING_PREFIX = ".codebook-staging-";

/**
 * What a commit does, written (and synced to disk) before its first rename, like SQLite's rollback
 * journal. Each step is a rename whose effect can be seen afterwards, so a later run can tell how far a
 * killed commit got and finish it (see completeCommit): a backup is done when its file is in the backup
 * directory, a placement when its file or directory has left the staging directory.
 */
export interface Journal {
  /** The staging directory's name in the output directory; its backup directory is `<staging>-backup`. */
  readonly staging: string;
  /** Files moved aside first (to replace or to remove), relative to the output directory. */
  readonly backups: readonly string[];
  /** Then files and whole directories moved from staging into place. */
  readonly placements: readonly string[];
  /** The process that wrote it, for messages. */
  readonly pid: number;
}

export function backupDir(outDir: string, journal: Pick<Journal, "staging">): string {
  return join(outDir, `${journal.staging}-backup`);
}

export function stagingDir(outDir: string, journal: Pick<Journal, "staging">): string {
  return join(outDir, journal.staging);
}

export function serializeJournal(journal: Journal): string {
  return `${JSON.stringify({ $comment: "gen was writing here; the next gen completes this commit", ...journal }, null, 1)}\n`;
}

/**
 * Reads a journal back; anything but a journal gen could have written is refused (a repository could
 * carry a hostile one), so that recovery never renames outside the output directory or its staging.
 */
export function parseJournal(text: string): Journal | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return `it is not valid JSON (${(error as Error).message})`;
  }
  const { staging, backups, placements, pid } = (data ?? {}) as Record<string, unknown>;
  if (typeof staging !== "string" || !new RegExp(`^${escapeRegExp(STAGING_PREFIX)}[A-Za-z0-9-]+$`).test(staging))
    return "its staging directory is not one gen makes";
  if (!isPathList(backups) || !isPathList(placements)) return "it lists a path gen would never write";
  return { staging, backups, placements, pid: typeof pid === "number" ? pid : 0 };
}

/** Outputs, and the manifest (the one output named like gen's bookkeeping). */
function isPathList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((path) => typeof path === "string" && (path === MANIFEST_PATH || pathSyntaxProblem(path) === undefined));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
