import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runGen, tempDir } from "../support/run-gen.js";
import { expectSameTree, readTree } from "../support/tree.js";
import { GOLDEN_ERASABLE } from "../support/ts-styles.js";

describe("gen --ts-style and --ts-import-extension", () => {
  it("--print-config shows the TypeScript options and where they came from: flag, config or default", () => {
    expect(runGen(["--print-config"]).stdout).toMatch(/^ts: style enum, importExtension js +# default$/m);
    expect(runGen(["--print-config", "--ts-style", "erasable"]).stdout).toMatch(/^ts: style erasable, importExtension js +# --ts-style$/m);
    const dir = tempDir();
    writeFileSync(join(dir, "codebook.config.yaml"), "catalogs: cat\nts:\n  importExtension: ts\n");
    expect(runGen(["--print-config"], dir).stdout).toMatch(/^ts: style enum, importExtension ts +# codebook\.config\.yaml:3:3$/m);
    // A flag overrides its field only: the config's other field stays.
    expect(runGen(["--print-config", "--ts-style", "erasable"], dir).stdout).toMatch(/^ts: style erasable, importExtension ts +# --ts-style$/m);
  });

  it("refuses an unknown style as a usage error, and a config's as a config error at its line and column", () => {
    const flag = runGen(["--ts-style", "enums", "--out", tempDir()]);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain("option '--ts-style <style>' argument 'enums' is invalid. Allowed choices are enum, erasable.");
    const dir = tempDir();
    writeFileSync(join(dir, "codebook.config.yaml"), "ts:\n  style: erasable\n  importExtension: mjs\n");
    const config = runGen(["--out", join(dir, "out")], dir);
    expect(config.status).toBe(1);
    expect(config.stderr).toContain('codebook.config.yaml:3:20 error invalid-value ts.importExtension must be one of "js", "ts", not "mjs"');
    writeFileSync(join(dir, "codebook.config.yaml"), "ts:\n  styel: erasable\n");
    const typo = runGen(["--out", join(dir, "out")], dir);
    expect(typo.status).toBe(1);
    expect(typo.stderr).toMatch(/codebook\.config\.yaml:2:3 error \S+ .*styel/);
  });

  it("the config's ts.style gives what the flag gives", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "codebook.config.yaml"), `catalogs: ${join(process.cwd(), "catalogs")}\ntargets: [ts]\ncache: false\nts: { style: erasable }\n`);
    const run = runGen(["--out", "out"], dir);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expectSameTree(join(dir, "out"), GOLDEN_ERASABLE);
  });

  it("switching style with the cache on regenerates every TypeScript file, and switching back restores them", () => {
    const out = tempDir();
    const cache = tempDir();
    const gen = (...args: string[]) => runGen(["--targets", "ts", "--cache-dir", cache, "--out", out, ...args]);
    expect(gen().status).toBe(0);
    const enumTree = readTree(out);
    const erasable = gen("--ts-style", "erasable");
    expect(erasable.status).toBe(0);
    // The code set and vendor modules change; the runtime, the index and the response parsers are the same in both styles.
    expect(erasable.stdout).toMatch(/0 created, 12 updated, 0 removed, 8 unchanged/);
    expect(readFileSync(join(out, "ts/phonepos/terminal-error.ts"), "utf8")).toContain("export const TerminalErrorCode = {");
    expect(readTree(out)).toEqual(readTree(GOLDEN_ERASABLE));
    expect(gen("--ts-style", "erasable", "--check").status).toBe(0);
    expect(gen("--check").status).toBe(1);
    expect(gen().status).toBe(0);
    expect(readTree(out)).toEqual(enumTree);
  });
});
