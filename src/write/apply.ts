import * as nodeFs from "node:fs";
import { dirname, join } from "node:path";

/** The file operations writing needs; tests pass a wrapper that fails on purpose. */
export interface WriteFs {
  existsSync(path: string): boolean;
  mkdirSync(path: string, options: { recursive: true }): unknown;
  writeFileSync(path: string, data: string): void;
  renameSync(from: string, to: string): void;
  rmSync(path: string, options: { recursive: true; force: true }): void;
  rmdirSync(path: string): void;
  readdirSync(path: string): string[];
}

export const realFs: WriteFs = nodeFs;

/** A staging directory inside the output directory (same filesystem, so renames out of it are atomic). */
export interface Staging {
  readonly dir: string;
  /** Directories created for it (the output directory itself, if it did not exist): removed on failure. */
  readonly created: readonly string[];
}

/** Creates the staging directory; new contents are written there before anything in the output directory changes. */
export function createStaging(outDir: string, fs: WriteFs = realFs): Staging {
  const created = missingDirs(outDir, fs);
  const dir = join(outDir, `.codebook-staging-${process.pid}-${Date.now().toString(36)}`);
  fs.mkdirSync(dir, { recursive: true });
  return { dir, created };
}

/** Removes a staging directory and the directories created for it: the output directory is as before. */
export function discardStaging(staging: Staging, fs: WriteFs = realFs): void {
  removeQuietly(staging.dir, fs);
  for (const dir of [...staging.created].reverse()) removeEmptyDir(dir, fs);
}

/**
 * Moves staged files into place, all or nothing. Files about to be replaced or removed are first moved to
 * a backup directory; then the staged files are renamed into place. If any step fails, everything is
 * moved back and the directories this run created are removed, so the output directory is exactly as it
 * was; the error is rethrown. `changed` are paths staged in staging.dir; `orphaned` are paths to remove.
 */
export function commitStaged(outDir: string, staging: Staging, changed: readonly string[], orphaned: readonly string[], fs: WriteFs = realFs): void {
  const created: string[] = [...staging.created];
  const ensureDir = (dir: string) => {
    const missing = missingDirs(dir, fs);
    if (missing.length > 0) fs.mkdirSync(dir, { recursive: true });
    created.push(...missing);
  };
  const backup = `${staging.dir}-backup`;
  const backedUp: string[] = [];
  const placed: string[] = [];
  try {
    for (const path of [...changed, ...orphaned]) {
      const target = join(outDir, path);
      if (!fs.existsSync(target)) continue;
      ensureDir(dirname(join(backup, path)));
      fs.renameSync(target, join(backup, path));
      backedUp.push(path);
    }
    for (const path of placements(outDir, changed, fs)) {
      ensureDir(dirname(join(outDir, path)));
      fs.renameSync(join(staging.dir, path), join(outDir, path));
      placed.push(path);
    }
  } catch (error) {
    for (const path of placed) removeQuietly(join(outDir, path), fs);
    for (const path of backedUp) fs.renameSync(join(backup, path), join(outDir, path));
    removeQuietly(backup, fs);
    removeQuietly(staging.dir, fs);
    // Directories this run created, deepest first.
    for (const dir of [...created].reverse()) removeEmptyDir(dir, fs);
    throw error;
  }
  removeQuietly(staging.dir, fs);
  removeQuietly(backup, fs);
  for (const path of orphaned) removeEmptyParents(outDir, dirname(join(outDir, path)), fs);
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

/** The directories from the nearest existing ancestor down to dir, outermost first. */
function missingDirs(dir: string, fs: WriteFs): string[] {
  const missing: string[] = [];
  for (let current = dir; !fs.existsSync(current); current = dirname(current)) {
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  return missing;
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
