import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import * as generated from "../../generated/ts/index.js";
import {
  AWKWARD_STRINGS,
  CONFORMANCE_HARNESS,
  compileAndRun,
  compileJavaTree,
  harnessSource,
  hex,
  INT_RANGE,
  javaRuntimeFiles,
  runConformance,
  seedTerminalErrorCodeSource,
} from "../support/java.js";
import { GENERATED } from "../support/paths.js";
import { tempDir } from "../support/run-gen.js";

interface ExportedSet {
  typeName: string;
  codeKind: "integer" | "digits" | "symbolic";
  codes: { code: string | number; name: string }[];
  uncoded?: { name: string; httpStatus: number; message: string }[];
}
interface Exported {
  vendors: { id: string; javaPackage: string; codeSets: ExportedSet[] }[];
}

interface EnumApi {
  fromCode(code: string | number): string | number | null;
  valueOf(name: string): string | number;
  info(member: string | number): { name: string; message: string | null; description: string | null };
  matchUncoded?(status: number, message: string): { name: string } | null;
}

const catalog = JSON.parse(readFileSync(join(GENERATED, "catalog.json"), "utf8")) as Exported;
const javaFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? javaFiles(join(dir, entry.name)) : entry.name.endsWith(".java") ? [join(dir, entry.name)] : [],
  );
const namespaceOf = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const tsApi = (vendorId: string, typeName: string) =>
  (generated as unknown as Record<string, Record<string, EnumApi>>)[namespaceOf(vendorId)]?.[typeName] as EnumApi;

const UNKNOWN_STRINGS = ["", " ", "0", "00", "+1", "-0", "99999", " 0100", "0100\n", "__proto__", "constructor", "toString", "٠١٠٠", "２３１０", "null"];
const UNKNOWN_INTS = [-1, 0, 1, 7, 99_999, -20_000, 2_147_483_647, -2_147_483_648];

/** The probes for one set, and what the TypeScript answers to each: the Java harness must answer the same. */
function probesFor(vendor: Exported["vendors"][number], set: ExportedSet): { probes: string[]; expected: string[] } {
  const type = `${vendor.javaPackage}.${set.typeName}`;
  const ts = tsApi(vendor.id, set.typeName);
  const name = (member: string | number | null) => (member === null ? "null" : ts.info(member).name);
  const text = (value: string | null) => (value === null ? "-" : hex(value));
  const probes: string[] = [];
  const expected: string[] = [];
  const add = (probe: string, answer: string) => {
    probes.push(probe);
    expected.push(answer);
  };
  for (const entry of set.codes) {
    add(`S ${type} ${hex(String(entry.code))}`, name(ts.fromCode(String(entry.code))));
    if (set.codeKind !== "symbolic") add(`I ${type} ${Number(entry.code)}`, name(ts.fromCode(Number(entry.code))));
    const member = ts.valueOf(entry.name);
    add(`V ${type} ${entry.name}`, `${String(member)} ${text(ts.info(member).message)} ${text(ts.info(member).description)}`);
  }
  for (const unknown of UNKNOWN_STRINGS) add(`S ${type} ${hex(unknown)}`, name(ts.fromCode(unknown)));
  if (set.codeKind !== "symbolic") for (const unknown of UNKNOWN_INTS) add(`I ${type} ${unknown}`, name(ts.fromCode(unknown)));
  add(`V ${type} NO_SUCH_NAME`, "throws");
  for (const entry of set.uncoded ?? []) {
    for (const message of [entry.message, ` ${entry.message}\n`, entry.message.toUpperCase(), `${entry.message}x`]) {
      add(`U ${type} ${entry.httpStatus} ${hex(message)}`, ts.matchUncoded?.(entry.httpStatus, message)?.name ?? "null");
    }
    add(`U ${type} 400 ${hex(entry.message)}`, ts.matchUncoded?.(400, entry.message)?.name ?? "null");
  }
  return { probes, expected };
}

describe("generated Java", () => {
  const classes = tempDir("codebook-java-");
  // For Java 8, the oldest release the output supports (java-release.test.ts compiles for 11 and 17 too).
  const compiled = compileJavaTree(javaFiles(join(GENERATED, "java")), classes, { release: 8 });

  it("compiles with javac --release 8 -Xlint:all -Werror", () => {
    expect(compiled.output).toBe("");
    expect(compiled.status).toBe(0);
  });

  it("has one enum per code set, in the vendor's package", () => {
    const expected = catalog.vendors.flatMap((v) => v.codeSets.map((s) => `${v.javaPackage.replace(/\./g, "/")}/${s.typeName}.java`)).sort();
    // <Vendor>Responses.java, the response parsers, are tested in handling-java.test.ts; codebook/runtime in java-release.test.ts.
    const actual = javaFiles(join(GENERATED, "java"))
      .map((file) => file.slice(join(GENERATED, "java").length + 1))
      .filter((file) => !file.endsWith("Responses.java") && !file.startsWith("codebook/runtime/"))
      .sort();
    expect(actual).toEqual(expected);
  });

  it("agrees with the TypeScript on fromCode (string and int), getCode, names, messages and uncoded matches, for every entry of every set", () => {
    const harness = tempDir("codebook-harness-");
    writeFileSync(join(harness, "Conformance.java"), CONFORMANCE_HARNESS);
    const javac = spawnSync("javac", ["-encoding", "UTF-8", "-d", harness, join(harness, "Conformance.java")], { encoding: "utf8" });
    expect(javac.stderr).toBe("");
    const all = catalog.vendors.flatMap((vendor) => vendor.codeSets.map((set) => probesFor(vendor, set)));
    const probes = all.flatMap((p) => p.probes);
    const expected = all.flatMap((p) => p.expected);
    const answers = runConformance(`${classes}:${harness}`, probes);
    expect(answers).toHaveLength(probes.length);
    const mismatches = probes.flatMap((probe, index) =>
      answers[index] === expected[index] ? [] : [`${probe}: java ${answers[index]}, ts ${expected[index]}`],
    );
    expect(mismatches).toEqual([]);
    // Every code is probed by string, by name and (for numeric sets) by int, plus the unknowns and uncoded variants.
    const perSet = (set: ExportedSet) =>
      set.codes.length * (set.codeKind === "symbolic" ? 2 : 3) +
      UNKNOWN_STRINGS.length +
      (set.codeKind === "symbolic" ? 0 : UNKNOWN_INTS.length) +
      1 +
      (set.uncoded?.length ?? 0) * 5;
    expect(probes.length).toBe(catalog.vendors.flatMap((v) => v.codeSets).reduce((sum, set) => sum + perSet(set), 0));
  });

  it("returns exactly what the PhonePOS document's own enum returns, for every int from -20000 to 20000 and awkward strings", () => {
    const args = AWKWARD_STRINGS.map(hex);
    const seed = compileAndRun(
      tempDir(),
      { "TerminalErrorCode.java": seedTerminalErrorCodeSource(), "Harness.java": harnessSource("TerminalErrorCode") },
      "Harness",
      args,
    );
    const generatedEnum = readFileSync(join(GENERATED, "java/codebook/phonepos/TerminalErrorCode.java"), "utf8");
    const ours = compileAndRun(
      tempDir(),
      {
        "TerminalErrorCode.java": generatedEnum,
        ...Object.fromEntries(javaRuntimeFiles(join(GENERATED, "java")).map((file) => [basename(file), readFileSync(file, "utf8")])),
        "Harness.java": harnessSource("TerminalErrorCode", "import codebook.phonepos.TerminalErrorCode;"),
      },
      "Harness",
      args,
      ["-Xlint:all", "-Werror"],
    );
    expect(seed).toHaveLength(INT_RANGE.to - INT_RANGE.from + 1 + AWKWARD_STRINGS.length);
    expect(ours).toEqual(seed);
  });
});
