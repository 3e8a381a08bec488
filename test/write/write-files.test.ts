import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFiles, generate, writeFiles } from "../../src/index.js";
import { CATALOGS, GENERATED, ROOT } from "../support/paths.js";
import { tempDir } from "../support/run-gen.js";
import { readTree } from "../support/tree.js";

describe("writeFiles and checkFiles (the API's write and check)", () => {
  it("write what gen writes, then report it current", () => {
    const out = tempDir();
    const { files, diagnostics } = generate({ catalogs: CATALOGS, cwd: ROOT });
    expect(diagnostics).toEqual([]);
    expect(checkFiles(files, out)).toEqual({
      modified: [],
      missing: [...files.map((f) => f.path), ".codebook-manifest.json"].sort(),
      orphaned: [],
      unchanged: 0,
    });
    const written = writeFiles(files, out);
    expect(written.created.length).toBe(files.length + 1);
    expect(readTree(out)).toEqual(readTree(GENERATED));
    expect(checkFiles(files, out)).toEqual({ modified: [], missing: [], orphaned: [], unchanged: files.length + 1 });
  });

  it("remove only the files they wrote that nothing produces any more", () => {
    const catalogs = tempDir();
    cpSync(CATALOGS, catalogs, { recursive: true });
    const out = tempDir();
    writeFiles(generate({ catalogs, cwd: ROOT }).files, out);
    writeFileSync(join(out, "docs/mine.md"), "mine\n");
    rmSync(join(catalogs, "wlw.yaml"));
    const fewer = generate({ catalogs, cwd: ROOT }).files;
    const orphans = [
      "docs/wlw.md",
      "java/codebook/wlw/PaymentStatusCode.java",
      "java/codebook/wlw/ResponseStatusCode.java",
      "java/codebook/wlw/WlwResponses.java",
      "ts/wlw.handling.ts",
      "ts/wlw.ts",
    ];
    expect(checkFiles(fewer, out).orphaned).toEqual(orphans);
    const written = writeFiles(fewer, out);
    expect(written.removed).toEqual(orphans);
    expect(written.updated).toEqual([".codebook-manifest.json", "catalog.json", "docs/index.md", "docs/outcomes.md", "ts/index.ts"]);
    expect(readFileSync(join(out, "docs/mine.md"), "utf8")).toBe("mine\n");
    expect(checkFiles(fewer, out)).toEqual({ modified: [], missing: [], orphaned: [], unchanged: fewer.length + 1 });
  });
});
