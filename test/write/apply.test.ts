import * as fs from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CommitStuckError, commitStaged, createStaging, JournalError, realFs, recoverOutput, type WriteFs } from "../../src/write/apply.js";
import { JOURNAL_PATH } from "../../src/write/journal.js";
import { settleFile } from "../../src/write/settle.js";
import { tempDir } from "../support/run-gen.js";
import { readTree } from "../support/tree.js";

const files = [
  { path: "a.txt", content: "new a\n", vendor: null },
  { path: "sub/b.txt", content: "new b\n", vendor: "v" },
  { path: "fresh/c.txt", content: "c\n", vendor: "v" },
];

function seeded(): string {
  const dir = tempDir();
  fs.writeFileSync(join(dir, "a.txt"), "old a\n");
  fs.mkdirSync(join(dir, "sub"));
  fs.writeFileSync(join(dir, "sub/b.txt"), "old b\n");
  fs.writeFileSync(join(dir, "orphan.txt"), "orphan\n");
  fs.writeFileSync(join(dir, "keep.txt"), "not ours\n");
  return dir;
}

/** What gen does: compare and stage every file, then commit the changed ones and remove the orphan. */
function write(dir: string, writeFs?: WriteFs): void {
  const staging = createStaging(dir);
  const changed = files.map((file) => settleFile(file, dir, staging.dir)).filter((file) => file.status !== "unchanged");
  commitStaged(
    dir,
    staging,
    changed.map((file) => file.path),
    ["orphan.txt"],
    writeFs,
  );
}

/** The real filesystem, except that the nth rename throws. */
function failingOnRename(n: number): WriteFs {
  let renames = 0;
  return {
    ...realFs,
    renameSync(from: string, to: string) {
      renames += 1;
      if (renames === n) throw Object.assign(new Error("simulated failure"), { code: "EIO" });
      fs.renameSync(from, to);
    },
  };
}

describe("staging and committing", () => {
  it("writes changed files, creates directories and removes orphans", () => {
    const dir = seeded();
    write(dir);
    const tree = readTree(dir);
    expect([...tree.keys()]).toEqual(["a.txt", "fresh/c.txt", "keep.txt", "sub/b.txt"]);
    expect(tree.get("a.txt")?.toString()).toBe("new a\n");
  });

  // Renames: 3 backups (a, sub/b, orphan), then 3 placements. Failing at any of them must restore everything.
  for (const n of [1, 2, 3, 4, 5, 6]) {
    it(`leaves the directory exactly as it was when rename #${n} fails, and a second run succeeds`, () => {
      const dir = seeded();
      const before = readTree(dir);
      expect(() => write(dir, failingOnRename(n))).toThrow("simulated failure");
      expect(readTree(dir)).toEqual(before);
      expect(fs.readdirSync(dir).sort()).toEqual(["a.txt", "keep.txt", "orphan.txt", "sub"]);
      write(dir);
      expect(readTree(dir).get("fresh/c.txt")?.toString()).toBe("c\n");
    });
  }
});

/** The real filesystem until its nth change; from then on every call throws, as if the process had been killed there. */
function dyingAt(n: number): WriteFs & { changes: number } {
  let dead = false;
  const wrapper = { changes: 0 } as WriteFs & { changes: number };
  const change =
    <A extends unknown[], R>(operation: (...args: A) => R) =>
    (...args: A): R => {
      if (dead) throw new Error("dead");
      wrapper.changes += 1;
      if (wrapper.changes === n) {
        dead = true;
        throw new Error("killed");
      }
      return operation(...args);
    };
  const look =
    <A extends unknown[], R>(operation: (...args: A) => R) =>
    (...args: A): R => {
      if (dead) throw new Error("dead");
      return operation(...args);
    };
  return Object.assign(wrapper, {
    existsSync: look(realFs.existsSync),
    readdirSync: look(realFs.readdirSync),
    mkdirSync: change(realFs.mkdirSync),
    writeFileSync: change(realFs.writeFileSync),
    renameSync: change(realFs.renameSync),
    rmSync: change(realFs.rmSync),
    rmdirSync: change(realFs.rmdirSync),
    unlinkSync: change(realFs.unlinkSync),
    writeDurablySync: change(realFs.writeDurablySync),
  });
}

/** The state a complete write leaves. */
function newState(): Map<string, Buffer> {
  const dir = seeded();
  write(dir);
  return readTree(dir);
}

describe("a commit killed at any step", () => {
  const counting = dyingAt(Number.POSITIVE_INFINITY);
  write(seeded(), counting);
  const steps = counting.changes;

  it("has steps to be killed at (journal, backups, placements, cleanup)", () => {
    expect(steps).toBeGreaterThanOrEqual(8);
  });

  for (let n = 1; n <= steps; n++) {
    it(`killed at change #${n}: the next run's recovery leaves exactly the old or the new state, and nothing of gen's`, () => {
      const dir = seeded();
      const before = readTree(dir);
      expect(() => write(dir, dyingAt(n))).toThrow();
      const recovery = recoverOutput(dir);
      const after = readTree(dir);
      expect([before, newState()]).toContainEqual(after);
      expect(fs.readdirSync(dir).filter((name) => name.startsWith(".codebook-"))).toEqual([]);
      // Once the journal is on disk, the commit is completed rather than undone.
      if (recovery.interrupted) expect(after).toEqual(newState());
    });
  }

  it("a failure while undoing a failed commit leaves the journal, and the next run completes the commit", () => {
    const dir = seeded();
    let renames = 0;
    const failing: WriteFs = {
      ...realFs,
      renameSync(from, to) {
        renames += 1;
        // The 4th rename (the first placement) fails, and so does every rename after it (the undo).
        if (renames >= 4) throw Object.assign(new Error("simulated failure"), { code: "EIO" });
        fs.renameSync(from, to);
      },
    };
    expect(() => write(dir, failing)).toThrow(CommitStuckError);
    expect(fs.existsSync(join(dir, JOURNAL_PATH))).toBe(true);
    expect(recoverOutput(dir).interrupted).toEqual({ pid: process.pid, outcome: "completed" });
    expect(readTree(dir)).toEqual(newState());
  });

  it("refuses a journal that would move something outside the output directory or through a symlink", () => {
    const dir = seeded();
    const elsewhere = tempDir();
    fs.writeFileSync(join(elsewhere, "victim.txt"), "x\n");
    fs.symlinkSync(elsewhere, join(dir, "link"));
    for (const journal of [
      { staging: ".codebook-staging-1-a", backups: ["link/victim.txt"], placements: [], pid: 1 },
      { staging: ".codebook-staging-1-a", backups: ["../victim.txt"], placements: [], pid: 1 },
      { staging: "../elsewhere", backups: [], placements: ["a.txt"], pid: 1 },
    ]) {
      fs.writeFileSync(join(dir, JOURNAL_PATH), JSON.stringify(journal));
      expect(() => recoverOutput(dir)).toThrow(JournalError);
      expect(fs.readFileSync(join(elsewhere, "victim.txt"), "utf8")).toBe("x\n");
    }
  });
});
