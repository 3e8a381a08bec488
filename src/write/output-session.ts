import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  commitStaged,
  createStaging,
  discardStaging,
  ensureOutputDir,
  findInterrupted,
  type Recovery,
  recoverOutput,
  removeCreatedDirs,
  type Staging,
} from "./apply.js";
import { acquireLock, type LockEvent, type OutputLock } from "./output-lock.js";

/** How long a second gen waits for the first before it gives up. */
export const LOCK_WAIT_MS = 30_000;

/** What a --check found of a killed run: it reports these rather than repairing them (it writes nothing). */
export interface Interrupted {
  /** A commit's journal: the output directory is half old, half new until a gen completes it. */
  readonly journal: boolean;
  /** gen's staging directories left behind. */
  readonly leftovers: readonly string[];
}

/**
 * One run's hold on an output directory, from taking its lock to releasing it. Writing: lock, complete
 * or undo a commit a killed run left (recovery), stage, commit. Checking: lock too (so it never compares
 * a half-committed state), and report what a killed run left instead of repairing it.
 */
export class OutputSession {
  private finished = false;
  private committing = false;

  private constructor(
    readonly outDir: string,
    private readonly lock: OutputLock | undefined,
    /** Where changed files are staged (writing only). */
    readonly staging: Staging | undefined,
    /** Where this run's catalog.json stream goes, if a directory could be had. */
    readonly scratch: string | undefined,
    /** What recovery did (writing) or what was found (checking). */
    readonly recovery: Recovery | undefined,
    readonly interrupted: Interrupted | undefined,
  ) {}

  /** Takes the lock and prepares the output directory (see the class comment). */
  static async open(outDir: string, mode: "write" | "check", onEvent: (event: LockEvent) => void): Promise<OutputSession> {
    if (mode === "check") {
      const lock = existsSync(outDir) ? await lockUnlessReadOnly(outDir, onEvent) : undefined;
      try {
        const found = findInterrupted(outDir);
        const interrupted = { journal: found.journal !== undefined, leftovers: found.leftovers };
        return new OutputSession(
          outDir,
          lock,
          undefined,
          scratchIn(() => mkdtempSync(join(tmpdir(), "codebook-stream-"))),
          undefined,
          interrupted,
        );
      } catch (error) {
        lock?.release();
        throw error;
      }
    }
    const created = ensureOutputDir(outDir);
    let lock: OutputLock | undefined;
    try {
      lock = await acquireLock(outDir, LOCK_WAIT_MS, onEvent);
      const recovery = recoverOutput(outDir);
      const staging = createStaging(outDir);
      const withCreated = { dir: staging.dir, created };
      const scratch = scratchIn(() => {
        mkdirSync(`${staging.dir}-stream`);
        return `${staging.dir}-stream`;
      });
      return new OutputSession(outDir, lock, withCreated, scratch, recovery, undefined);
    } catch (error) {
      lock?.release();
      removeCreatedDirs(created);
      throw error;
    }
  }

  /** Moves the staged files into place and removes orphans, all or nothing (see commitStaged). */
  commit(changed: readonly string[], orphaned: readonly string[]): void {
    if (!this.staging) throw new Error("a --check session commits nothing");
    this.committing = true;
    try {
      commitStaged(this.outDir, this.staging, changed, orphaned);
    } finally {
      this.committing = false;
    }
  }

  /** Whether a commit is under way: an interrupt then waits for it. */
  get isCommitting(): boolean {
    return this.committing;
  }

  /**
   * Ends the run: drops whatever is staged and not committed (nothing, after a commit), the scratch
   * directory, and the directories created for the run if they are empty; then releases the lock. Safe
   * to call more than once, and from an interrupt.
   */
  close(): void {
    if (this.finished) return;
    this.finished = true;
    try {
      if (this.scratch) rmSync(this.scratch, { recursive: true, force: true, maxRetries: 5 });
      if (this.staging) discardStaging({ dir: this.staging.dir, created: [] });
    } finally {
      this.lock?.release();
      // Only now can a directory made for this run be empty (the lock file was in it).
      if (this.staging) removeCreatedDirs(this.staging.created);
    }
  }
}

/** --check may run on a directory it cannot write (a read-only checkout): no one with its rights writes there either. */
async function lockUnlessReadOnly(outDir: string, onEvent: (event: LockEvent) => void): Promise<OutputLock | undefined> {
  try {
    return await acquireLock(outDir, LOCK_WAIT_MS, onEvent);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EROFS" || code === "EPERM") return undefined;
    throw error;
  }
}

/** A scratch directory, or none: without one, the vendors' parts of catalog.json simply stay in memory. */
function scratchIn(create: () => string): string | undefined {
  try {
    return create();
  } catch {
    return undefined;
  }
}
