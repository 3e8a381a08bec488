import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireLock, LOCK_PATH, LockBusyError, type LockEvent } from "../../src/write/output-lock.js";
import { tempDir } from "../support/run-gen.js";

/** The pid of a process that has exited (so no process has it, for now). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

const holder = (pid: number, host = hostname()) => `${JSON.stringify({ pid, host, since: "2026-01-01T00:00:00.000Z" })}\n`;

describe("the output directory's lock", () => {
  it("is a file naming this process, created exclusively and removed on release", async () => {
    const dir = tempDir();
    const lock = await acquireLock(dir, 0, () => {});
    expect(JSON.parse(readFileSync(join(dir, LOCK_PATH), "utf8"))).toMatchObject({ pid: process.pid, host: hostname() });
    lock.release();
    expect(existsSync(join(dir, LOCK_PATH))).toBe(false);
  });

  it("waits for a live holder, says so once, then refuses naming it", async () => {
    const dir = tempDir();
    // This test runner's parent is alive for the whole test.
    writeFileSync(join(dir, LOCK_PATH), holder(process.ppid));
    const events: LockEvent[] = [];
    const error = await acquireLock(dir, 300, (event) => events.push(event)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LockBusyError);
    expect((error as LockBusyError).holder?.pid).toBe(process.ppid);
    expect(events).toEqual([{ kind: "waiting", holder: expect.objectContaining({ pid: process.ppid }) }]);
    expect(readFileSync(join(dir, LOCK_PATH), "utf8")).toBe(holder(process.ppid));
  });

  it("takes the lock as soon as the holder releases it", async () => {
    const dir = tempDir();
    const first = await acquireLock(dir, 0, () => {});
    setTimeout(() => first.release(), 200);
    const second = await acquireLock(dir, 5000, () => {});
    expect(JSON.parse(readFileSync(join(dir, LOCK_PATH), "utf8")).pid).toBe(process.pid);
    second.release();
  });

  it("takes over a lock whose pid is gone on this host, with a note", async () => {
    const dir = tempDir();
    const pid = deadPid();
    writeFileSync(join(dir, LOCK_PATH), holder(pid));
    const events: LockEvent[] = [];
    const lock = await acquireLock(dir, 0, (event) => events.push(event));
    expect(events).toEqual([{ kind: "stale", holder: expect.objectContaining({ pid }) }]);
    lock.release();
  });

  it("never takes over a lock from another host (its pid means nothing here)", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_PATH), holder(deadPid(), "another-host.example"));
    await expect(acquireLock(dir, 100, () => {})).rejects.toBeInstanceOf(LockBusyError);
  });

  it("takes over an empty lock file left for seconds (its gen died between creating and filling it)", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_PATH), "");
    await expect(acquireLock(dir, 100, () => {})).rejects.toBeInstanceOf(LockBusyError);
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dir, LOCK_PATH), old, old);
    const lock = await acquireLock(dir, 100, () => {});
    lock.release();
  });

  it("is not released by a gen that lost it (taken over as stale)", async () => {
    const dir = tempDir();
    const lock = await acquireLock(dir, 0, () => {});
    writeFileSync(join(dir, LOCK_PATH), holder(process.ppid));
    lock.release();
    expect(readFileSync(join(dir, LOCK_PATH), "utf8")).toBe(holder(process.ppid));
  });
});
