import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { AWKWARD_STRINGS, compileAndRun, harnessSource, hex, INT_RANGE, javaRuntimeFiles } from "../support/java.js";
import { FIXTURES } from "../support/paths.js";
import { runGen, tempDir } from "../support/run-gen.js";

/**
 * codeKind alphanumeric, as the Java/TS parity test covers digits: ISO 8583's two-character response
 * codes ("05", "N7") and PostgreSQL's five-character SQLSTATEs ("22P02"). fromCode(String) is exact, and
 * fromCode(int) formats like %0<width>d, so it reaches the codes made of digits only; TypeScript and Java
 * answer alike for every code, every int of INT_RANGE, awkward strings and random ones.
 */
interface Api {
  fromCode(code: string | number): string | null;
}
const SETS = [
  { vendor: "iso8583", pkg: "iso8583", type: "ResponseCode", prefix: "responseCode" },
  { vendor: "postgresql", pkg: "postgresql", type: "SqlState", prefix: "sqlState" },
] as const;

const RANDOM = fc.sample(
  fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.stringMatching(/^[0-9A-Za-z]{1,6}$/),
    fc.constantFrom("05", "5", "N7", "n7", "22P02", "22p02", "0X1", "1E2", " 05", "05 "),
  ),
  {
    numRuns: 400,
    seed: 8583,
  },
);

describe("alphanumeric codes: TypeScript and Java agree on fromCode", () => {
  const out = tempDir();
  beforeAll(() => {
    const run = runGen(["--catalogs", join(FIXTURES, "valid/formats"), "--out", out, "--no-cache", "--targets", "ts,java"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  for (const set of SETS) {
    it(`${set.type}: every code, every int from ${INT_RANGE.from} to ${INT_RANGE.to}, awkward and random strings`, async () => {
      const module = (await import(join(out, `ts/${set.vendor}.ts`))) as Record<string, unknown>;
      const api = module[set.type] as Api;
      const byCode = module[`${set.prefix}ByCode`] as ReadonlyMap<string, { name: string }>;
      const name = (member: string | null) => (member === null ? "null" : (byCode.get(member)?.name ?? "?"));
      const codes = [...byCode.keys()];
      const strings = [...codes, ...codes.map((code) => code.toLowerCase()), ...AWKWARD_STRINGS, ...RANDOM];
      const dir = tempDir(`codebook-alphanumeric-${set.vendor}-`);
      const javaDir = join(out, "java/codebook", set.pkg);
      // The set's own classes and the shared runtime's (codebook.runtime), which every enum implements and uses.
      const sources = Object.fromEntries(
        [...readdirSync(javaDir).map((file) => join(javaDir, file)), ...javaRuntimeFiles(join(out, "java"))].map((path) => [
          basename(path),
          readFileSync(path, "utf8"),
        ]),
      );
      const java = compileAndRun(
        dir,
        { ...sources, "Harness.java": harnessSource(set.type, `import codebook.${set.pkg}.${set.type};`) },
        "Harness",
        strings.map(hex),
        ["-Xlint:all", "-Werror"],
      );
      const count = INT_RANGE.to - INT_RANGE.from + 1;
      const ts = [
        ...Array.from({ length: count }, (_, index) => name(api.fromCode(INT_RANGE.from + index))),
        ...strings.map((text) => name(api.fromCode(text))),
      ];
      expect(ts).toEqual(java);
      // Every code is found by its string; by an int only the codes made of digits are.
      for (const code of codes) expect(api.fromCode(code)).toBe(code);
      const digitCodes = codes.filter((code) => /^[0-9]+$/.test(code) && Number(code) >= INT_RANGE.from && Number(code) <= INT_RANGE.to);
      expect(ts.slice(0, count).filter((line) => line !== "null")).toHaveLength(digitCodes.length);
      expect(digitCodes.length).toBeGreaterThan(2);
    });
  }

  it('fromCode(5) is "05" and a code with letters is found by its string only', async () => {
    const iso = (await import(join(out, "ts/iso8583.ts"))) as Record<string, Api>;
    const codes = iso.ResponseCode as Api;
    expect(codes.fromCode(5)).toBe("05");
    expect(codes.fromCode("5")).toBeNull();
    expect(codes.fromCode("N7")).toBe("N7");
    expect(codes.fromCode("n7")).toBeNull();
  });
});
