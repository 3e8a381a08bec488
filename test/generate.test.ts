import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../src/index.js";
import { CATALOGS, GENERATED, ROOT } from "./support/paths.js";
import { runGen, tempDir } from "./support/run-gen.js";
import { readTree } from "./support/tree.js";

describe("generate(), the public API", () => {
  it("returns, without writing anything, exactly the files gen writes (all but the manifest)", () => {
    const result = generate({ catalogs: CATALOGS, cwd: ROOT });
    expect(result.diagnostics).toEqual([]);
    const committed = readTree(GENERATED);
    committed.delete(".codebook-manifest.json");
    expect(result.files.map((file) => file.path)).toEqual([...committed.keys()]);
    for (const file of result.files) {
      // generate() holds everything in memory: a chunk that is a file would show up as a difference.
      const text =
        typeof file.content === "string" ? file.content : file.content.map((chunk) => (typeof chunk === "string" ? chunk : `<${chunk.file}>`)).join("");
      expect(text, file.path).toBe(committed.get(file.path)?.toString("utf8"));
    }
  });

  it("takes the Java package prefix as gen --java-package-prefix does, byte for byte", () => {
    const out = tempDir();
    const cli = runGen(["--out", out, "--no-cache", "--targets", "java", "--java-package-prefix", "com.acme.codes"]);
    expect(cli.status, cli.stderr).toBe(0);
    const result = generate({ catalogs: CATALOGS, cwd: ROOT, java: { packagePrefix: "com.acme.codes" } });
    const java = result.files.filter((file) => file.path.startsWith("java/"));
    expect(java.map((file) => file.path)).toEqual([...readTree(join(out, "java")).keys()].map((path) => `java/${path}`));
    for (const file of java) expect(file.content, file.path).toBe(readFileSync(join(out, file.path), "utf8"));
  });

  it("returns diagnostics and no files for a bad catalog directory", () => {
    const result = generate({ catalogs: join(ROOT, "test/fixtures/invalid"), cwd: ROOT });
    expect(result.files).toEqual([]);
    expect(result.diagnostics.length).toBeGreaterThan(100);
  });

  it("refuses catalogs whose vendor ids give one TypeScript namespace, as the CLI does", () => {
    const dir = tempDir();
    const catalog = (id: string) =>
      `vendor:\n  id: ${id}\n  name: N\n  summary: S\ncodeSets:\n  - id: s\n    typeName: Codes\n    title: T\n    codeKind: integer\n    codes:\n      - code: 1\n        name: ONE\n`;
    writeFileSync(join(dir, "ab-1.yaml"), catalog("ab-1"));
    writeFileSync(join(dir, "ab1.yaml"), catalog("ab1"));
    const result = generate({ catalogs: dir, cwd: dir });
    expect(result.files).toEqual([]);
    expect(result.diagnostics).toEqual([
      {
        severity: "error",
        rule: "vendor-name-collision",
        message: "the TypeScript namespace ab1 of vendor id ab1 is already taken by ab-1.yaml",
        file: "ab1.yaml",
        line: 2,
        column: 7,
      },
    ]);
  });
});
