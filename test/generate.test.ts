import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../src/index.js";
import { chunkText } from "../src/render/output-file.js";
import { CATALOGS, GENERATED, ROOT } from "./support/paths.js";
import { readTree } from "./support/tree.js";

describe("generate(), the public API", () => {
  it("returns, without writing anything, exactly the files gen writes (all but the manifest)", () => {
    const result = generate({ catalogs: CATALOGS, cwd: ROOT });
    expect(result.diagnostics).toEqual([]);
    const committed = readTree(GENERATED);
    committed.delete(".codebook-manifest.json");
    expect(result.files.map((file) => file.path)).toEqual([...committed.keys()]);
    for (const file of result.files) {
      const text = typeof file.content === "string" ? file.content : file.content.map(chunkText).join("");
      expect(text, file.path).toBe(committed.get(file.path)?.toString("utf8"));
    }
  });

  it("returns diagnostics and no files for a bad catalog directory", () => {
    const result = generate({ catalogs: join(ROOT, "test/fixtures/invalid"), cwd: ROOT });
    expect(result.files).toEqual([]);
    expect(result.diagnostics.length).toBeGreaterThan(100);
  });
});
