import * as nodeFs from "node:fs";
import { dirname, join } from "node:path";
import { backupDir, JOURNAL_PATH, type Journal, parseJournal, STAGING_PREFIX, serializeJournal, stagingDir } from "./journal.js";
import { LOCK_PATH } from "./output-lock.js";
import { inspectOutputPath } from "./output-paths.js";

/** The file operations writing needs; tests pass a wrapper that fails (or "dies") on purpose. */
export interface WriteFs {
  existsSync(path: string): boolean;
  mkdirSync(path: string, options: { recursive: true }): unknown;
  writeFileSync(path: string, data: string): void;
  renameSync(from: string, to: string): void;
  rmSync(path: string, options: { recursive: true; force: true; maxRetries?: number }): void;
  rmdirSync(path: string): void;
  readdirSync(path: string): string[];
  unlinkSync(path: string): void;
  /** Writes a small file so that it is on disk, whole, before this returns (write, fsync, rename, fsync the directory). */
  writeDurablySync(path: string, data: string): void;
}

export const realFs: WriteFs = {
  existsSync: nodeFs.existsSync,
  mkdirSync: nodeFs.mkdirSync,
  writeFileSync: nodeFs.writeFileSync,
  renameSync: nodeFs.renameSync,
  rmSync: nodeFs.rmSync,
  rmdirSync: nodeFs.rmdirSync,
  readdirSync: nodeFs.readdirSync,
  unlinkSync: nodeFs.unlinkSync,
  writeDurablySync(path, data) {
    const temporary = `${path}.tmp`;
    const fd = nodeFs.openSync(temporary, "w");
    try {
      nodeFs.writeFileSync(fd, data);
      nodeFs.fsyncSync(fd);
    } finally {
      nodeFs.closeSync(fd);
    }
    nodeFs.renameSync(temporary, path);
    syncDirectory(dirname(path));
  },
};

/** A staging directory inside the output directory (same filesystem, so renames out of it are atomic). */
export interface Staging {
  readonly dir: string;
  /** Directories created for it (the output directory itself, if it did not exist): removed on failure. */
  readonly created: readonly string[];
}

/** Creates the directories up to outDir that are missing, outermost first, and returns them. */
export function ensureOutputDir(outDir: string, fs: WriteFs = realFs): string[] {
  const created = missingDirs(outDir, fs);
  if (created.length > 0) fs.mkdirSync(outDir, { recursive: true });
  return created;
}

/** Creates the staging directory; new contents are written there before anything in the output directory changes. */
export function createStaging(outDir: string, fs: WriteFs = realFs): Staging {
  const created = ensureOutputDir(outDir, fs);
  const dir = join(outDir, `${STAGING_PREFIX}${process.pid}-${Date.now().toString(36)}`);
  // Not recursive: the name must be new, never something a repository brought along.
  nodeFs.mkdirSync(dir);
  return { dir, created };
}

/** Removes a staging directory (and its backup and stream siblings) and the directories created for it. */
export function discardStaging(staging: Staging, fs: WriteFs = realFs): void {
  removeStagingDirs(staging.dir, fs);
  removeCreatedDirs(staging.created, fs);
}

/** Removes directories a run created (deepest first), where they are still empty. */
export function removeCreatedDirs(created: readonly string[], fs: WriteFs = realFs): void {
  for (const dir of [...created].reverse()) removeEmptyDir(dir, fs);
}

/** Thrown when a failed commit could not be undone either: the journal stays for the next run to complete. */
export class CommitStuckError extends Error {
  constructor(readonly failure: unknown) {
    super(`a commit failed and could not be undone (${errorCode(failure)}); the next gen completes it`);
  }
}

/**
 * Moves staged files into place, all or nothing, even if the process dies on the way. First a journal
 * lists every step; it is on disk before anything moves. Files about to be replaced or removed are then
 * moved to a backup directory, and the staged files renamed into place. If a step fails, every step
 * done is undone, so the output directory is exactly as it was, and the error is rethrown. If the
 * process is killed, the next run finds the journal and completes the commit (recoverOutput).
 * `changed` are paths staged in staging.dir; `orphaned` are paths to remove.
 */
export function commitStaged(outDir: string, staging: Staging, changed: readonly string[], orphaned: readonly string[], fs: WriteFs = realFs): void {
  const journal: Journal = {
    staging: staging.dir.slice(outDir.length + 1),
    backups: [...changed, ...orphaned].filter((path) => fs.existsSync(join(outDir, path))),
    placements: placements(outDir, changed, fs),
    pid: process.pid,
  };
  try {
    fs.writeDurablySync(join(outDir, JOURNAL_PATH), serializeJournal(journal));
  } catch (error) {
    removeQuietly(join(outDir, JOURNAL_PATH), fs);
    discardStaging(staging, fs);
    throw error;
  }
  try {
    completeCommit(outDir, journal, fs);
  } catch (error) {
    try {
      undoCommit(outDir, journal, fs);
    } catch {
      throw new CommitStuckError(error);
    }
    removeCreatedDirs(staging.created, fs);
    throw error;
  }
  for (const path of orphaned) removeEmptyParents(outDir, dirname(join(outDir, path)), fs);
}

/**
 * Does what remains of a journal's commit, then removes the journal and the staging directories. Every
 * step checks whether it was done already, so this completes a commit killed at any point, and may
 * itself be killed and run again. All backups come before any placement, so once a placement is done,
 * every backup is.
 */
export function completeCommit(outDir: string, journal: Journal, fs: WriteFs = realFs): void {
  const staged = stagingDir(outDir, journal);
  const backup = backupDir(outDir, journal);
  const placedAny = journal.placements.some((path) => !fs.existsSync(join(staged, path)));
  if (!placedAny) {
    for (const path of journal.backups) {
      if (fs.existsSync(join(backup, path)) || !fs.existsSync(join(outDir, path))) continue;
      ensureDir(dirname(join(backup, path)), fs);
      fs.renameSync(join(outDir, path), join(backup, path));
    }
  }
  for (const path of journal.placements) {
    if (fs.existsSync(join(staged, path))) fs.renameSync(join(staged, path), join(outDir, path));
  }
  finish(outDir, journal, fs);
}

/** Undoes what was done of a journal's commit (placed files go back to staging, backups back into place), then drops it. */
export function undoCommit(outDir: string, journal: Journal, fs: WriteFs = realFs): void {
  const staged = stagingDir(outDir, journal);
  const backup = backupDir(outDir, journal);
  for (const path of [...journal.placements].reverse()) {
    if (fs.existsSync(join(staged, path)) || !fs.existsSync(join(outDir, path))) continue;
    ensureDir(dirname(join(staged, path)), fs);
    fs.renameSync(join(outDir, path), join(staged, path));
  }
  for (const path of journal.backups) {
    if (fs.existsSync(join(backup, path))) fs.renameSync(join(backup, path), join(outDir, path));
  }
  finish(outDir, journal, fs);
}

/**
 * The staging and backup directories go before the journal: a journal without them is a commit that is
 * done. (The stream directory stays: the cache still reads catalog.json's parts from it.)
 */
function finish(outDir: string, journal: Journal, fs: WriteFs): void {
  for (const dir of [stagingDir(outDir, journal), backupDir(outDir, journal)]) removeOwnDir(dir, fs);
  fs.rmSync(join(outDir, JOURNAL_PATH), { recursive: true, force: true });
}

/** What recoverOutput found and did. */
export interface Recovery {
  /** The interrupted commit, if one was found (and completed, or undone when it could not be completed). */
  readonly interrupted?: { readonly pid: number; readonly outcome: "completed" | "undone" };
  /** gen's own leftovers removed: staging directories of runs that were killed. */
  readonly removed: readonly string[];
}

/** A journal that is not one gen wrote: nothing is done on its word. */
export class JournalError extends Error {}

/**
 * Before anything else touches the output directory (with its lock held): completes a commit that a
 * killed run left (its journal), or undoes it if it cannot be completed, and removes the staging
 * directories killed runs left behind.
 */
export function recoverOutput(outDir: string, fs: WriteFs = realFs): Recovery {
  const found = findInterrupted(outDir, fs);
  let interrupted: Recovery["interrupted"];
  if (found.journal !== undefined) {
    const journal = readJournal(outDir, found.journal);
    try {
      completeCommit(outDir, journal, fs);
      interrupted = { pid: journal.pid, outcome: "completed" };
    } catch {
      undoCommit(outDir, journal, fs);
      interrupted = { pid: journal.pid, outcome: "undone" };
    }
  }
  const removed = findInterrupted(outDir, fs).leftovers;
  for (const name of removed) fs.rmSync(join(outDir, name), { recursive: true, force: true, maxRetries: 5 });
  return interrupted ? { interrupted, removed } : { removed };
}

/** What a killed run left in the output directory: its journal's text, and gen's staging directories and temporary files. */
export function findInterrupted(outDir: string, fs: WriteFs = realFs): { journal?: string; leftovers: string[] } {
  let names: string[];
  try {
    names = fs.readdirSync(outDir);
  } catch {
    return { leftovers: [] };
  }
  // Staging directories (and their -backup, -stream, -removed siblings), a journal never renamed into
  // place, and a lock moved aside by a takeover that was stopped half-way.
  const leftovers = names.filter((name) => name.startsWith(STAGING_PREFIX) || name === `${JOURNAL_PATH}.tmp` || name.startsWith(`${LOCK_PATH}.stale-`)).sort();
  if (!names.includes(JOURNAL_PATH)) return { leftovers };
  try {
    return { journal: nodeFs.readFileSync(join(outDir, JOURNAL_PATH), "utf8"), leftovers };
  } catch (error) {
    throw new JournalError(`cannot be read (${errorCode(error)})`);
  }
}

/** Parses a journal and checks that every path it would move is a regular file inside the output directory. */
function readJournal(outDir: string, text: string): Journal {
  const journal = parseJournal(text);
  if (typeof journal === "string") throw new JournalError(journal);
  const seen = new Map();
  for (const path of [...journal.backups, ...journal.placements]) {
    const found = inspectOutputPath(outDir, path, seen);
    // A placed directory is a real directory; anything else in the way is not gen's to move.
    if (found.kind === "blocked" && !(found.at === path && found.what === "a directory" && journal.placements.includes(path)))
      throw new JournalError(`it would move ${found.at}, which is ${found.what}`);
  }
  return journal;
}

/**
 * What to rename to place the changed files: a directory that the output directory lacks moves as a
 * whole (it holds nothing but staged files), every other file on its own. A first run renames a handful
 * of directories instead of every file, and creates none.
 */
function placements(outDir: string, changed: readonly string[], fs: WriteFs): string[] {
  const exists = new Map<string, boolean>();
  const known = (dir: string) => {
    let found = exists.get(dir);
    if (found === undefined) {
      found = fs.existsSync(join(outDir, dir));
      exists.set(dir, found);
    }
    return found;
  };
  const units = new Set<string>();
  for (const path of changed) {
    const parts = path.split("/");
    let unit = path;
    for (let depth = 1; depth < parts.length; depth++) {
      const dir = parts.slice(0, depth).join("/");
      if (!known(dir)) {
        unit = dir;
        break;
      }
    }
    units.add(unit);
  }
  return [...units];
}

function ensureDir(dir: string, fs: WriteFs): void {
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true });
}

/** The directories from the nearest existing ancestor down to dir, outermost first. */
function missingDirs(dir: string, fs: WriteFs): string[] {
  const missing: string[] = [];
  for (let current = dir; !fs.existsSync(current); current = dirname(current)) {
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  return missing;
}

/** gen's own directories for one run: the staging directory and its backup and stream siblings. */
function removeStagingDirs(dir: string, fs: WriteFs): void {
  for (const path of [dir, `${dir}-backup`, `${dir}-stream`]) removeOwnDir(path, fs);
}

/**
 * Removes one of gen's own directories. It is renamed first: a worker thread of an interrupted run may
 * still be writing into it, and under the old name it can no longer add anything (see settle.ts), so
 * the removal cannot race with it. The new name is still gen's, for the next run to sweep up if need be.
 */
function removeOwnDir(path: string, fs: WriteFs): void {
  const doomed = `${path}-removed`;
  try {
    fs.renameSync(path, doomed);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return;
    if (code !== "EXDEV" && code !== "EACCES" && code !== "EPERM" && code !== "EBUSY") throw error;
    fs.rmSync(path, { recursive: true, force: true, maxRetries: 5 });
    return;
  }
  fs.rmSync(doomed, { recursive: true, force: true, maxRetries: 5 });
}

function removeQuietly(path: string, fs: WriteFs): void {
  try {
    fs.rmSync(path, { recursive: true, force: true });
  } catch {
    // Cleanup is best effort; the caller reports the original error.
  }
}

function removeEmptyDir(dir: string, fs: WriteFs): void {
  try {
    if (fs.existsSync(dir) && fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
  } catch {
    // Best effort, as above.
  }
}

/**
 * After removing orphans, drop directories they leave empty (never the output directory itself).
 * The plan is already applied by then, so this is tidying: a directory that is gone already (two
 * orphans shared it) or cannot be read is simply left alone.
 */
function removeEmptyParents(outDir: string, dir: string, fs: WriteFs): void {
  for (let current = dir; current.startsWith(outDir) && current !== outDir; current = dirname(current)) {
    try {
      if (!fs.existsSync(current)) continue;
      if (fs.readdirSync(current).length > 0) return;
      fs.rmdirSync(current);
    } catch {
      return;
    }
  }
}

function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = nodeFs.openSync(dir, "r");
    nodeFs.fsyncSync(fd);
  } catch {
    // Some filesystems cannot sync a directory; the rename is still atomic for a process that dies.
  } finally {
    if (fd !== undefined) nodeFs.closeSync(fd);
  }
}

export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}
