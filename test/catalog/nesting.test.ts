import { describe, expect, it } from "vitest";
import { validateCatalog } from "../../src/catalog/validate.js";
import { integerCatalog } from "../support/integer-catalog.js";

function findings(codes: string): string[] {
  const result = validateCatalog({ path: "catalogs/acme.yaml", bytes: new TextEncoder().encode(integerCatalog(codes)) });
  return result.diagnostics.map(({ line, column, rule, message }) => `${line}:${column} ${rule} ${message}`);
}

const DUPLICATE = "      - code: 1\n        name: AGAIN\n";

/** The lexer of the position-keeping parser recurses once per node indicator in a row; runs of them are read safely. */
describe("long runs of node indicators on one line", () => {
  it("inside a block scalar are text: the file's real problem is reported, and nothing else", () => {
    const codes = `      - code: 1\n        name: ONE\n        message: |\n          ${"- ".repeat(3000)}x\n${DUPLICATE}`;
    expect(findings(codes)).toEqual(["15:15 duplicate-code 1 is already used by ONE (line 11) in code set status"]);
  });

  it("of anchors, which open nothing, are refused with the position where the run passes 1,000", () => {
    const codes = `      - code: 1\n        name: ONE\n        message: ${"&a ".repeat(20000)}x\n`;
    expect(findings(codes)).toEqual([`13:${18 + 3 * 1000} yaml-syntax more than 1000 node indicators (-, ?, :, tags, anchors) in a row`]);
  });

  it("of dashes nest: refused where the nesting passes 100 levels", () => {
    const codes = `      - code: 1\n        name: ONE\n        notes:\n          ${"- ".repeat(20000)}x\n`;
    expect(findings(codes)[0]).toMatch(/^14:201 nesting-too-deep /);
  });
});
