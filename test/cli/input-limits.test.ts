import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { integerCatalog } from "../support/integer-catalog.js";
import { runGen, tempDir } from "../support/run-gen.js";

const HEAD = integerCatalog("      - code: 1\n        name: DECLINED\n        notes:\n");

/** A catalogs directory holding acme.yaml with this text. */
function catalogs(text: string): string {
  const dir = join(tempDir(), "catalogs");
  mkdirSync(dir);
  writeFileSync(join(dir, "acme.yaml"), text);
  return dir;
}

const LEVELS = 2200;
const NESTINGS = {
  // One-space indentation keeps the file small; each line opens a mapping one level deeper.
  "block mappings": { text: HEAD + Array.from({ length: LEVELS }, (_, level) => `${" ".repeat(9 + level)}k${level}:\n`).join(""), at: "109:105" },
  "compact block sequences": { text: `${HEAD}          ${"- ".repeat(LEVELS)}x\n`, at: "14:201" },
  "flow sequences": { text: `${HEAD.replace(/notes:\n$/, "notes: ")}${"[".repeat(LEVELS)}${"]".repeat(LEVELS)}\n`, at: "13:111" },
};

describe("nesting deeper than the limit", () => {
  for (const [shape, { text, at }] of Object.entries(NESTINGS)) {
    it(`${LEVELS} levels of ${shape} are refused with a position by validate, gen and export alike`, () => {
      const dir = catalogs(text);
      const out = join(dir, "../out");
      const message = `${dir}/acme.yaml:${at} error nesting-too-deep a mapping or sequence is nested more than 100 levels deep here; a catalog may nest at most 100 (the format itself needs about ten)`;
      for (const args of [["validate"], ["generate", "--out", out, "--no-cache"], ["export"]]) {
        const run = runGen([...args, "--catalogs", dir]);
        expect(run.status, args[0]).toBe(1);
        expect(run.stderr.split("\n"), args[0]).toContain(message);
        expect(run.stderr).not.toContain("internal error");
        expect(run.stdout).toBe("");
      }
      expect(existsSync(out)).toBe(false);
    });
  }
});

describe("what cannot be written at all", () => {
  const catalog = (vendorLines: string, typeName: string, code: string) =>
    HEAD.replace("  summary: A test.\n", `  summary: A test.\n${vendorLines}`)
      .replace("typeName: StatusCode", `typeName: ${typeName}`)
      .replace("code: 1\n", `code: ${code}\n`)
      .replace(/ {8}notes:\n$/, "");
  const CASES = {
    "a 300-character typeName": { text: catalog("", `S${"t".repeat(299)}`, "1"), rule: "7:15 error file-name-too-long" },
    "a javaPackage inside javax.": { text: catalog("  javaPackage: javax.crypto\n", "StatusCode", "1"), rule: "5:16 error invalid-java-package" },
    "an integer code written 1e3": { text: catalog("", "StatusCode", "1e3"), rule: "11:15 error integer-code-not-decimal" },
  };
  for (const [what, { text, rule }] of Object.entries(CASES)) {
    it(`${what} is refused by validate, and gen writes nothing`, () => {
      const dir = catalogs(text);
      const out = join(dir, "../out");
      const validate = runGen(["validate", "--catalogs", dir]);
      expect(validate.status).toBe(1);
      expect(validate.stderr).toContain(`${dir}/acme.yaml:${rule} `);
      const gen = runGen(["--catalogs", dir, "--out", out, "--no-cache"]);
      expect(gen.status).toBe(1);
      expect(gen.stderr).toContain(`${dir}/acme.yaml:${rule} `);
      expect(gen.stderr).not.toContain("ENAMETOOLONG");
      expect(existsSync(out)).toBe(false);
    });
  }
});
