import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFast } from "../../src/catalog/fast-parse.js";
import { type DataPath, locate } from "../../src/catalog/locate.js";
import { createSourceFile } from "../../src/catalog/source-file.js";
import { createFastLocator } from "../../src/diff/fast-locate.js";
import { FIXTURES, ROOT } from "../support/paths.js";
import { SCENARIOS } from "./scenarios.js";

/** Every path into a parsed document, with a path that goes one step too far beside each. */
function pathsOf(value: unknown, prefix: DataPath = []): DataPath[] {
  const here: DataPath[] = [prefix, [...prefix, "no-such-key"], [...prefix, 9999]];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => pathsOf(item, [...prefix, index]))];
  if (value !== null && typeof value === "object") return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
  return here;
}

const texts: [string, string][] = [
  ...readdirSync(join(ROOT, "catalogs"))
    .filter((name) => name.endsWith(".yaml"))
    .map((name): [string, string] => [`catalogs/${name}`, readFileSync(join(ROOT, "catalogs", name), "utf8")]),
  ...readdirSync(join(FIXTURES, "valid/retired")).map((name): [string, string] => [name, readFileSync(join(FIXTURES, "valid/retired", name), "utf8")]),
  ...SCENARIOS.flatMap((s) => Object.entries(s.after).map(([name, text]): [string, string] => [`${s.rule}/${name}`, text])),
];

describe("the fast locator", () => {
  for (const [name, text] of texts) {
    it(`gives what locate() gives, or nothing, for every path into ${name}`, () => {
      const source = createSourceFile(name, text);
      const fast = createFastLocator(text);
      let answered = 0;
      for (const path of pathsOf(parseFast(text))) {
        const position = fast(path);
        if (position === undefined) continue;
        answered++;
        expect(position, JSON.stringify(path)).toEqual(locate(source, path));
      }
      // It must answer most paths, or it saves nothing.
      expect(answered).toBeGreaterThan(0);
    });
  }

  it("gives what locate() gives on random indentation, comments and blank lines", () => {
    const base = readFileSync(join(ROOT, "catalogs/phonepos.yaml"), "utf8");
    const lines = base.split("\n");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(lines.length), fc.constantFrom("", "# a comment", "   # indented comment", "      ")), { maxLength: 8 }),
        (inserts) => {
          const edited = [...lines];
          for (const [at, line] of [...inserts].sort((a, b) => b[0] - a[0])) edited.splice(at, 0, line);
          const text = edited.join("\n");
          const data = parseFast(text);
          if (data === undefined) return;
          const source = createSourceFile("x.yaml", text);
          const fast = createFastLocator(text);
          for (const path of pathsOf(data).filter((_, i) => i % 7 === 0)) {
            const position = fast(path);
            if (position !== undefined) expect(position, JSON.stringify(path)).toEqual(locate(source, path));
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
