import { closeSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

/** The lock file: while it exists, one gen is working on the output directory (like git's index.lock). */
export const LOCK_PATH = ".codebook-lock";

/** Who holds a lock, as its file says. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

/** What happened while taking the lock, for the CLI to tell. */
export type LockEvent = { readonly kind: "waiting"; readonly holder: LockHolder | undefined } | { readonly kind: "stale"; readonly holder: LockHolder };

/** Another gen held the lock for longer than we were willing to wait. */
export class LockBusyError extends Error {
  constructor(
    readonly holder: LockHolder | undefined,
    readonly waitedMs: number,
  ) {
    super(`another gen${holder ? ` (pid ${holder.pid} on ${holder.host}, since ${holder.since})` : ""} is writing`);
  }
}

export interface OutputLock {
  release(): void;
}

const POLL_MS = 50;
const EMPTY_LOCK_MS = 2000;

/**
 * Takes the output directory's lock: creates the lock file exclusively (`wx`), holding this process's
 * pid, host and start time. If another gen holds it, waits for it (up to `waitMs`, telling `onEvent`
 * once), then gives up with LockBusyError. A lock whose pid is not alive on this host was left by a gen
 * that was killed: it is taken over.
 */
export async function acquireLock(outDir: string, waitMs: number, onEvent: (event: LockEvent) => void): Promise<OutputLock> {
  const path = join(outDir, LOCK_PATH);
  const mine = `${JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() })}\n`;
  const started = Date.now();
  let told = false;
  for (;;) {
    if (tryCreate(path, mine)) return { release: () => releaseLock(path, mine) };
    const text = readQuietly(path);
    if (text === undefined) continue; // released between our two looks
    const holder = parseHolder(text);
    if (holder ? isStale(holder) : isAbandonedEmpty(path)) {
      takeOver(path, text);
      onEvent({ kind: "stale", holder: holder ?? { pid: 0, host: "unknown", since: "unknown" } });
      continue;
    }
    if (Date.now() - started >= waitMs) throw new LockBusyError(holder, Date.now() - started);
    if (!told) onEvent({ kind: "waiting", holder });
    told = true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function tryCreate(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Removes the lock file if it is still ours (a lock taken over from us, as stale, is not ours to remove). */
function releaseLock(path: string, mine: string): void {
  if (readQuietly(path) === mine) unlinkSync(path);
}

/**
 * Removes a stale lock, unless another gen replaced it meanwhile: the lock is renamed aside first and
 * checked, and put back if it turns out to be a live one (link fails if a third gen took the name).
 */
function takeOver(path: string, stale: string): void {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // gone already: someone else took it over
  }
  if (readQuietly(aside) !== stale) {
    try {
      linkSync(aside, path);
    } catch {
      // A third gen holds the lock now; the one we moved aside lost it while it held it.
    }
  }
  unlinkSync(aside);
}

function readQuietly(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const { pid, host, since } = JSON.parse(text) as Partial<LockHolder>;
    return typeof pid === "number" && typeof host === "string" && typeof since === "string" ? { pid, host, since } : undefined;
  } catch {
    // Half-written by a gen that is creating it right now, or damaged: wait, then refuse with the path.
    return undefined;
  }
}

/**
 * A lock file that says nothing, and has said nothing for a while: its gen was killed between creating
 * it and writing its name into it (which takes microseconds).
 */
function isAbandonedEmpty(path: string): boolean {
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats !== undefined && Date.now() - stats.mtimeMs > EMPTY_LOCK_MS;
}

/** A holder on this host whose process is gone. On another host (a shared filesystem) we cannot tell: never stale. */
function isStale(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
