import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compileJavaTree, javaRuntimeFiles } from "../support/java.js";
import { CATALOGS, FIXTURES } from "../support/paths.js";
import { runGen, tempDir } from "../support/run-gen.js";

/**
 * categoryOf in TypeScript and Java, over prefix categories (PostgreSQL's SQLSTATE classes) and range
 * categories (secupay's 1xxx to 4xxx, WLW's payment status ranges): the same answer for every code, for
 * near misses and for odd strings, in both targets.
 */
interface Category {
  readonly id: string;
}
const SETS = [
  { vendor: "postgresql", pkg: "postgresql", type: "SqlState", prefix: "sqlState", integer: false },
  { vendor: "secupay", pkg: "secupay", type: "ErrorCode", prefix: "errorCode", integer: true },
  { vendor: "wlw", pkg: "wlw", type: "PaymentStatusCode", prefix: "paymentStatusCode", integer: false },
] as const;

/** Strings that test the edges: signs, padding, spaces, other digit scripts, huge numbers, empty. */
const ODD = ["", " ", "0", "-0", "+1", "01", " 1", "1 ", "٣", "１", "-1", "99999999999999999999999999", "-99999999999999999999", "2", "22", "2Z", "ZZ", "22\n"];

function probesOf(codes: readonly string[]): string[] {
  const near = codes.flatMap((code) => [`${code}0`, code.slice(0, -1), `${code.slice(0, -1)}Z`, `0${code}`, `${code.slice(0, 2)}999`]);
  const numbers = Array.from({ length: 120 }, (_, i) => String(i * 37 - 200));
  return [...new Set([...codes, ...near, ...numbers, ...ODD])];
}

describe("a code's category, by its own category, prefix or range, in TypeScript and Java alike", () => {
  const out = tempDir();
  beforeAll(() => {
    const catalogs = join(out, "catalogs");
    mkdirSync(catalogs);
    copyFileSync(join(FIXTURES, "valid/formats/postgresql.yaml"), join(catalogs, "postgresql.yaml"));
    for (const vendor of ["secupay", "wlw"]) copyFileSync(join(CATALOGS, `${vendor}.yaml`), join(catalogs, `${vendor}.yaml`));
    const run = runGen(["--catalogs", catalogs, "--out", join(out, "gen"), "--no-cache", "--targets", "ts,java"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("TypeScript: known codes have their own category, unknown ones the category of their prefix or range", async () => {
    const pg = (await import(join(out, "gen/ts/postgresql.ts"))) as Record<string, unknown>;
    const of = pg.sqlStateCategoryOf as (code: string) => Category | null;
    expect(of("22P02")?.id).toBe("class-22");
    expect(of("22ZZZ")?.id).toBe("class-22");
    expect(of("23000")?.id).toBe("class-23");
    expect(of("XX000")).toBeNull();
    expect((pg.sqlStateCategories as Category[]).map((category) => category.id)).toEqual(["class-00", "class-01", "class-22", "class-23"]);
    const secupay = (await import(join(out, "gen/ts/secupay.ts"))) as Record<string, unknown>;
    const byRange = secupay.errorCodeCategoryOf as (code: string | number) => Category | null;
    expect(byRange(1999)?.id).toBe(byRange("1999")?.id);
    expect(byRange("99999999999999999999999999")).toBeNull();
  });

  it("Java gives the same category as TypeScript for every code, near miss and odd string", async () => {
    const classes = tempDir("codebook-category-java-");
    const expected: string[] = [];
    const lines: string[] = [];
    for (const set of SETS) {
      const module = (await import(join(out, `gen/ts/${set.vendor}.ts`))) as Record<string, unknown>;
      const categoryOf = module[`${set.prefix}CategoryOf`] as (code: string) => Category | null;
      const codes = (module[`${set.prefix}ByCode`] as ReadonlyMap<string | number, unknown>).keys();
      const probes = probesOf([...codes].map(String));
      for (const probe of probes) {
        expected.push(`${set.type} ${categoryOf(probe)?.id ?? "null"}`);
        const hex = Buffer.from(probe, "utf8").toString("hex");
        lines.push(`        print("${set.type}", codebook.${set.pkg}.${set.type}.categoryOf(text("${hex}")));`);
      }
      if (set.integer) {
        for (const value of [-5, 0, 1000, 1999, 2500, 4999, 100000]) {
          expected.push(`${set.type} ${categoryOf(String(value))?.id ?? "null"}`);
          lines.push(`        print("${set.type}", codebook.${set.pkg}.${set.type}.categoryOf(${value}));`);
        }
      }
    }
    const probe = `public final class CategoryProbe {
    private static String text(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
    private static void print(String type, Object category) {
        System.out.println(type + " " + (category == null ? "null" : category.toString()));
    }
    public static void main(String[] args) {
${lines.join("\n")}
    }
}
`;
    writeFileSync(join(classes, "CategoryProbe.java"), probe);
    const sources = SETS.flatMap((set) => {
      const dir = join(out, "gen/java/codebook", set.pkg);
      return readdirSync(dir).map((name) => join(dir, name));
    });
    const compiled = compileJavaTree([...new Set(sources), ...javaRuntimeFiles(join(out, "gen/java")), join(classes, "CategoryProbe.java")], classes);
    expect(compiled.output).toBe("");
    expect(compiled.status).toBe(0);
    const run = spawnSync("java", ["-cp", classes, "CategoryProbe"], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
    expect(run.stderr).toBe("");
    expect(run.stdout.trimEnd().split("\n")).toEqual(expected);
    // The probes reach every kind of answer: a prefix's, a range's, and none.
    expect(expected).toContain("SqlState class-22");
    expect(expected.some((line) => line.startsWith("PaymentStatusCode ") && !line.endsWith(" null"))).toBe(true);
    expect(expected).toContain("SqlState null");
  });
});
