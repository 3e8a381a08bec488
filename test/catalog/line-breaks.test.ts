import { describe, expect, it } from "vitest";
import { validateCatalog } from "../../src/catalog/validate.js";
import { integerCatalog } from "../support/integer-catalog.js";

const CATALOG = `# yaml-language-server: $schema=../catalog.schema.json
${integerCatalog(`      - code: 1
        name: DECLINED
        message: |
          Declined
          by the bank
`)}`;

const DUPLICATE = `${CATALOG}      - code: 1
        name: AGAIN
`;

function validate(text: string) {
  return validateCatalog({ path: "catalogs/acme.yaml", bytes: new TextEncoder().encode(text) });
}

/** YAML 1.2 reads a lone CR as a line break, and a line break in a scalar as LF. */
describe("catalogs with CR-only line endings", () => {
  it("read as the same catalog as with LF, a leading comment included", () => {
    const withLf = validate(CATALOG);
    const withCr = validate(CATALOG.replaceAll("\n", "\r"));
    expect(withLf.diagnostics).toEqual([]);
    expect(withCr.diagnostics).toEqual([]);
    expect(withCr.catalog?.catalog).toEqual(withLf.catalog?.catalog);
    expect(withCr.catalog?.catalog.codeSets[0]?.codes[0]?.message).toBe("Declined\nby the bank\n");
  });

  it("report a problem at its line and column", () => {
    const diagnostics = validate(DUPLICATE.replaceAll("\n", "\r")).diagnostics;
    expect(diagnostics.map(({ rule, line, column }) => `${line}:${column} ${rule}`)).toEqual(["17:15 duplicate-code"]);
    expect(diagnostics[0]?.message).toBe("1 is already used by DECLINED (line 12) in code set status");
  });

  it("mixed with CRLF lines, keep every position", () => {
    const mixed = DUPLICATE.split("\n")
      .map((line, index) => `${line}${index % 2 === 0 ? "\r\n" : "\r"}`)
      .join("");
    expect(validate(mixed).diagnostics.map(({ rule, line, column }) => `${line}:${column} ${rule}`)).toEqual(["17:15 duplicate-code"]);
  });
});
