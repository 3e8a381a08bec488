import * as nodeFs from "node:fs";
import { dirname, join } from "node:path";
import type { WritePlan } from "./plan.js";

/** The file operations apply needs; tests pass a wrapper that fails on purpose. */
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

/**
 * Applies a plan all or nothing. New contents are first written to a staging directory inside the
 * output directory (same filesystem, so renames are atomic); files about to be replaced or removed are
 * moved to a backup directory; then the staged files are renamed into place. If any step fails,
 * everything is moved back and the directories this run created are removed, so the output directory
 * is exactly as it was; the error is rethrown.
 */
export function applyPlan(outDir: string, plan: WritePlan, fs: WriteFs = realFs): void {
  if (plan.write.length === 0 && plan.orphaned.length === 0) return;
  const created: string[] = [];
  const ensureDir = (dir: string) => {
    const missing: string[] = [];
    for (let current = dir; !fs.existsSync(current); current = dirname(current)) {
      missing.unshift(current);
      if (dirname(current) === current) break;
    }
    if (missing.length > 0) fs.mkdirSync(dir, { recursive: true });
    created.push(...missing);
  };

  const token = `${process.pid}-${Date.now().toString(36)}`;
  const staging = join(outDir, `.codebook-staging-${token}`);
  const backup = join(outDir, `.codebook-backup-${token}`);
  const backedUp: string[] = [];
  const placed: string[] = [];
  try {
    ensureDir(outDir);
    for (const file of plan.write) {
      const staged = join(staging, file.path);
      ensureDir(dirname(staged));
      fs.writeFileSync(staged, file.content);
    }
    for (const path of [...plan.write.map((file) => file.path), ...plan.orphaned]) {
      const target = join(outDir, path);
      if (!fs.existsSync(target)) continue;
      ensureDir(dirname(join(backup, path)));
      fs.renameSync(target, join(backup, path));
      backedUp.push(path);
    }
    for (const file of plan.write) {
      ensureDir(dirname(join(outDir, file.path)));
      fs.renameSync(join(staging, file.path), join(outDir, file.path));
      placed.push(file.path);
    }
  } catch (error) {
    rollBack(outDir, backup, placed, backedUp, created, fs);
    removeQuietly(staging, fs);
    removeQuietly(backup, fs);
    throw error;
  }
  removeQuietly(staging, fs);
  removeQuietly(backup, fs);
  for (const path of plan.orphaned) removeEmptyParents(outDir, dirname(join(outDir, path)), fs);
}

function rollBack(outDir: string, backup: string, placed: readonly string[], backedUp: readonly string[], created: readonly string[], fs: WriteFs): void {
  for (const path of placed) removeQuietly(join(outDir, path), fs);
  for (const path of backedUp) fs.renameSync(join(backup, path), join(outDir, path));
  // Directories this run created, deepest first; staging and backup go with them or separately.
  for (const dir of [...created].reverse()) removeQuietly(dir, fs);
}

function removeQuietly(path: string, fs: WriteFs): void {
  try {
    fs.rmSync(path, { recursive: true, force: true });
  } catch {
    // Cleanup is best effort; the caller reports the original error.
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
