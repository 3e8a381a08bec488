import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "../support/paths.js";
import { runGen, tempDir } from "../support/run-gen.js";

describe("the docs index", () => {
  it("counts in the singular when there is one of a kind: 1 vendor, 1 code set", () => {
    const dir = tempDir();
    const catalogs = join(dir, "catalogs");
    mkdirSync(catalogs);
    copyFileSync(join(CATALOGS, "secupay.yaml"), join(catalogs, "secupay.yaml"));
    const out = join(dir, "out");
    const run = runGen(["--catalogs", catalogs, "--out", out, "--targets", "docs", "--no-cache"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const index = readFileSync(join(out, "docs/index.md"), "utf8");
    expect(index).toMatch(/^1 vendor, 1 code set, \d+ codes\.$/m);
    expect(index).toContain(`description: "1 vendor, every status and error code`);
    expect(index).not.toMatch(/\b1 (vendors|code sets|codes)\b/);
  });
});
