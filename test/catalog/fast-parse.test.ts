import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { parseFast } from "../../src/catalog/fast-parse.js";
import { CATALOGS, FIXTURES, ROOT } from "../support/paths.js";

const read = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => ({ name, text: readFileSync(join(dir, name), "utf8") }));

describe("the fast parser", () => {
  it("reads every bundled catalog exactly as the position-keeping parser does", () => {
    for (const { name, text } of read(CATALOGS)) {
      const fast = parseFast(text);
      expect(fast, `${name} took the careful path`).toBeDefined();
      expect(fast, name).toEqual(parseDocument(text).toJS());
    }
  });

  it("agrees with the careful parser on every invalid fixture it accepts, and declines aliases", () => {
    let declined = 0;
    for (const { name, text } of read(join(FIXTURES, "invalid"))) {
      const fast = parseFast(text);
      if (fast === undefined) {
        declined += 1;
        continue;
      }
      expect(fast, name).toEqual(parseDocument(text).toJS());
    }
    expect(declined).toBeGreaterThan(10);
  });

  it("reads every kind of plain scalar as the careful parser does (YAML 1.2 core: 1_000 and 0b101 stay strings)", () => {
    // biome-ignore format: a list of scalars reads better packed.
    const scalars = ["1_000", "0b101", "1_0.5", "0o17", "0x1F", "0X1F", "+0x1F", "-0o17", "0o8", "0x", "1e3", "1E3", "1.5e-3", ".5", "+.5", "1.", "0.",
      "+5", "-5", "-0", "00", "012", "-012", "9007199254740993", "1e", "e3", ".inf", "-.Inf", "+.INF", ".NaN", ".nan", "True", "FALSE", "NULL", "~", "yes", "on"];
    for (const scalar of scalars) {
      const text = `a: ${scalar}\n`;
      expect((parseFast(text) as { a: unknown }).a, scalar).toEqual(parseDocument(text).toJS().a);
    }
  });

  it("reads the bundled catalogs without loading js-yaml, which only texts outside the subset reader's style need", () => {
    // A fresh process on the build, whose module cache shows what was loaded.
    const script = `
      import { createRequire } from "node:module";
      import { loadCatalogs } from "./dist/catalog/load-catalogs.js";
      const { catalogs, diagnostics } = loadCatalogs("catalogs");
      const jsYaml = () => Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes("/js-yaml/"));
      const before = jsYaml();
      loadCatalogs("test/fixtures/invalid");
      console.log(JSON.stringify([catalogs.length, diagnostics.length, before, jsYaml()]));`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" });
    expect(run.stderr).toBe("");
    // Five catalogs and no findings, js-yaml not loaded; then the invalid fixtures, some of which need it.
    expect(JSON.parse(run.stdout)).toEqual([5, 0, false, true]);
  });

  it("declines anything it cannot vouch for", () => {
    expect(parseFast("a: &x 1\nb: *x\n")).toBeUndefined();
    expect(parseFast("a: 1\na: 2\n")).toBeUndefined();
    expect(parseFast("- 1\n")).toBeUndefined();
    expect(parseFast("")).toBeUndefined();
    expect(parseFast("a: [\n")).toBeUndefined();
    expect(parseFast("a: 1\n---\nb: 2\n")).toBeUndefined();
    expect(parseFast("a: !custom x\n")).toBeUndefined();
    expect(parseFast('a: "x"\nb: 0100\nc: 2026-07-15\n')).toEqual({ a: "x", b: 100, c: "2026-07-15" });
  });
});
