import { describe, expect, it } from "vitest";
import { validateCatalog } from "../../src/catalog/validate.js";
import { integerCatalog } from "../support/integer-catalog.js";

function catalogWithCode(entry: string): string {
  return integerCatalog(`      - code: 200\n        name: OK\n${entry}`);
}

function findings(text: string): string[] {
  const result = validateCatalog({ path: "catalogs/acme.yaml", bytes: new TextEncoder().encode(text) });
  return result.diagnostics.map(({ line, column, rule }) => `${line}:${column} ${rule}`);
}

/** Each catalog holds one code written otherwise, alone, so that nothing else sends it down the careful path. */
describe("an integer code written other than in decimal digits", () => {
  const CASES: Record<string, [string, string]> = {
    "plain, in a block mapping": ["      - code: 1e3\n        name: THOUSAND\n", "13:15"],
    "on the line after its key, behind a comment": ["      - name: HEX\n        code: # the vendor's\n          0x10\n", "15:11"],
    "in a flow mapping": ["      - { name: OCTAL, code: 0o17 }\n", "13:30"],
    "with a tag": ["      - code: !!int 0x1f\n        name: TAGGED\n", "13:21"],
    "under a quoted key": ['      - "code": +7\n        name: QUOTED_KEY\n', "13:17"],
  };
  for (const [layout, [entry, at]] of Object.entries(CASES)) {
    it(`is refused with its position when written ${layout}`, () => {
      expect(findings(catalogWithCode(entry))).toEqual([`${at} integer-code-not-decimal`]);
    });
  }

  it("is no finding when written in decimal digits, negative or zero included", () => {
    expect(findings(catalogWithCode("      - code: -1\n        name: MINUS\n      - code: 0\n        name: ZERO\n"))).toEqual([]);
  });
});
