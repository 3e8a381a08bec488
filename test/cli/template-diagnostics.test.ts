import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runGen, tempDir } from "../support/run-gen.js";

describe("a user's template that includes a partial", () => {
  it("is reported at the template file, line and column of the {{> name}}, inside a block too", () => {
    const templates = tempDir();
    mkdirSync(join(templates, "ts"));
    writeFileSync(join(templates, "ts/index.ts.hbs"), "// index\n{{#each vendors}}\n  export {{> vendorExport}}\n{{/each}}\n");
    const out = join(tempDir(), "out");
    const run = runGen(["--templates", templates, "--out", out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `${templates}/ts/index.ts.hbs:3:10 error template-error template includes the partial vendorExport, which does not exist: gen registers no partials, so write its text into the template\n1 error, 0 warnings\n`,
    );
    expect(existsSync(out)).toBe(false);
  });
});
