import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { parseFast } from "../../src/catalog/fast-parse.js";
import { CATALOGS, FIXTURES } from "../support/paths.js";

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
