import * as fs from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commitStaged, createStaging, realFs, type WriteFs } from "../../src/write/apply.js";
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
