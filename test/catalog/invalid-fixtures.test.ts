import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateCatalog } from "../../src/catalog/validate.js";
import { runGen } from "../support/run-gen.js";

/**
 * Every file in test/fixtures/invalid/ is one failure mode. Its leading comment lines say exactly
 * which diagnostics it must produce, and no others:
 *   # expect: <severity> <rule-id> <line>:<column> <message>
 */
const FIXTURES = join(import.meta.dirname, "../fixtures/invalid");

interface Expected {
  severity: string;
  rule: string;
  line: number;
  column: number;
  message: string;
}

function expectations(bytes: Buffer): Expected[] {
  const head = bytes.toString("latin1").split("\n").slice(0, 20);
  return head.flatMap((line) => {
    const match = /^(?:\uFEFF|\u00ef\u00bb\u00bf)?# expect: (error|warning) (\S+) (\d+):(\d+) (.+)$/.exec(line.replace(/\r$/, ""));
    if (!match) return [];
    const [, severity = "", rule = "", l = "0", c = "0", message = ""] = match;
    return [{ severity, rule, line: Number(l), column: Number(c), message: Buffer.from(message, "latin1").toString("utf8") }];
  });
}

const files = readdirSync(FIXTURES)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();

describe("invalid catalog fixtures", () => {
  it("has a fixture for every failure mode", () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  for (const name of files) {
    it(name, () => {
      const bytes = readFileSync(join(FIXTURES, name));
      const expected = expectations(bytes);
      expect(expected.length, `${name} declares no "# expect:" line`).toBeGreaterThan(0);
      const result = validateCatalog({ path: `test/fixtures/invalid/${name}`, bytes });
      const actual = result.diagnostics.map(({ severity, rule, line, column, message }) => ({ severity, rule, line, column, message }));
      expect(actual).toEqual(expected);
      if (expected.some((e) => e.severity === "error")) expect(result.catalog).toBeUndefined();
    });
  }

  it("gives the same diagnostics through the built CLI, in one run over the whole corpus, without a stack trace", () => {
    const run = runGen(["validate", "--catalogs", "test/fixtures/invalid", "--format", "json"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout) as { diagnostics: (Expected & { file: string })[] };
    for (const name of files) {
      const expected = expectations(readFileSync(join(FIXTURES, name)));
      const actual = report.diagnostics
        .filter((d) => d.file === `test/fixtures/invalid/${name}`)
        .map(({ severity, rule, line, column, message }) => ({ severity, rule, line, column, message }));
      expect(actual, name).toEqual(expected);
    }
  });
});
