import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFiles, generate, writeFiles } from "../../src/index.js";
import { CATALOGS, GENERATED, ROOT } from "../support/paths.js";
import { tempDir } from "../support/run-gen.js";
import { readTree } from "../support/tree.js";

describe("writeFiles and checkFiles (the API's write and check)", () => {
  it("write what gen writes, then report it current", async () => {
    const out = tempDir();
    const { files, diagnostics } = generate({ catalogs: CATALOGS, cwd: ROOT });
    expect(diagnostics).toEqual([]);
    expect(await checkFiles(files, out)).toEqual({
      modified: [],
      missing: [...files.map((f) => f.path), ".codebook-manifest.json"].sort(),
      orphaned: [],
      unchanged: 0,
      interrupted: false,
      diagnostics: [],
    });
    const written = await writeFiles(files, out);
    expect(written.created.length).toBe(files.length + 1);
    expect(readTree(out)).toEqual(readTree(GENERATED));
    expect(await checkFiles(files, out)).toEqual({ modified: [], missing: [], orphaned: [], unchanged: files.length + 1, interrupted: false, diagnostics: [] });
  });

  it("remove only the files they wrote that nothing produces any more", async () => {
    const catalogs = tempDir();
    cpSync(CATALOGS, catalogs, { recursive: true });
    const out = tempDir();
    await writeFiles(generate({ catalogs, cwd: ROOT }).files, out);
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
      "ts/wlw/payment-status.ts",
      "ts/wlw/response-status.ts",
    ];
    expect((await checkFiles(fewer, out)).orphaned).toEqual(orphans);
    const written = await writeFiles(fewer, out);
    expect(written.removed).toEqual(orphans);
    expect(written.updated).toEqual([".codebook-manifest.json", "catalog.json", "docs/index.md", "docs/outcomes.md", "ts/index.ts"]);
    expect(readFileSync(join(out, "docs/mine.md"), "utf8")).toBe("mine\n");
    expect(await checkFiles(fewer, out)).toEqual({ modified: [], missing: [], orphaned: [], unchanged: fewer.length + 1, interrupted: false, diagnostics: [] });
  });

  it("go through gen's checks: a directory where a file goes stops the write, a manifest entry through a symlink is passed over", async () => {
    const out = tempDir();
    const { files } = generate({ catalogs: CATALOGS, cwd: ROOT });
    await writeFiles(files, out);
    const before = readTree(out);
    rmSync(join(out, "docs/phonepos.md"));
    mkdirSync(join(out, "docs/phonepos.md"));
    writeFileSync(join(out, "docs/phonepos.md/keep.txt"), "keep\n");
    const blocked = await writeFiles(files, out);
    expect(blocked.created).toEqual([]);
    expect(blocked.diagnostics.map((d) => [d.severity, d.rule])).toEqual([["error", "output-path-blocked"]]);
    expect(readFileSync(join(out, "docs/phonepos.md/keep.txt"), "utf8")).toBe("keep\n");
    expect((await checkFiles(files, out)).diagnostics.map((d) => d.rule)).toEqual(["output-path-blocked"]);
    rmSync(join(out, "docs/phonepos.md"), { recursive: true });

    const elsewhere = tempDir();
    writeFileSync(join(elsewhere, "victim.txt"), "victim\n");
    symlinkSync(elsewhere, join(out, "link"));
    const manifestPath = join(out, ".codebook-manifest.json");
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { files: { path: string; vendor: string | null }[] };
    manifest.files.push({ path: "link/victim.txt", vendor: null });
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    const written = await writeFiles(files, out);
    expect(written.diagnostics.map((d) => [d.severity, d.rule])).toEqual([["warning", "manifest-entry-ignored"]]);
    expect(readFileSync(join(elsewhere, "victim.txt"), "utf8")).toBe("victim\n");
    rmSync(join(out, "link"));
    expect(readTree(out)).toEqual(before);
  });
});
