import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { emitTypeScript } from "../support/compile.js";
import { compileAndRun, javaRuntimeFiles } from "../support/java.js";
import { runGen, tempDir } from "../support/run-gen.js";

// An 18-digit code is beyond Number.MAX_SAFE_INTEGER: 100000000000000001 and 100000000000000000 are the
// same JavaScript number. fromCode(number) must not pick one of them; the string lookup stays exact, and
// Java (whose fromCode takes an int) agrees with TypeScript on every int.
const CODES = ["100000000000000000", "100000000000000001", "009007199254740991", "009007199254740992", "000000000000000123"];
const NAMES = ["HUGE_ZERO", "HUGE_ONE", "MAX_SAFE", "MAX_SAFE_PLUS_ONE", "SMALL"];

const root = tempDir("codebook-long-digits-");

beforeAll(() => {
  const catalogs = join(root, "catalogs");
  mkdirSync(catalogs);
  const codes = CODES.flatMap((code, i) => [`      - code: "${code}"`, `        name: ${NAMES[i]}`]);
  writeFileSync(
    join(catalogs, "longcodes.yaml"),
    [
      "vendor:",
      "  id: longcodes",
      "  name: Long codes",
      "  summary: Long digit codes.",
      "codeSets:",
      "  - id: long",
      "    typeName: LongCode",
      "    title: Long codes",
      "    codeKind: digits",
      "    width: 18",
      "    codes:",
      ...codes,
      "",
    ].join("\n"),
  );
  const gen = runGen(["--catalogs", catalogs, "--out", join(root, "out"), "--no-cache"]);
  expect(gen.stderr).toBe("");
  expect(gen.status).toBe(0);
  // The consumer's package is an ES module package, so tsc (module NodeNext) emits ES modules.
  writeFileSync(join(root, "out/package.json"), '{ "type": "module" }\n');
  const tsc = emitTypeScript(join(root, "out/ts"), ["index.ts"], join(root, "js"));
  expect(tsc.output).toBe("");
  writeFileSync(join(root, "js/package.json"), '{ "type": "module" }\n');
}, 120_000);

/** What the TypeScript module answers, in Node, for each JavaScript expression given as a probe. */
function nodeAnswers(expressions: readonly string[]): string[] {
  const script = `const { longcodes } = await import(${JSON.stringify(pathToFileURL(join(root, "js/index.js")).href)});
const { LongCode } = longcodes;
const name = (member) => member === null ? "null" : LongCode.info(member).name;
console.log([${expressions.join(", ")}].map(name).join("\\n"));`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  return run.stdout.split("\n").slice(0, -1);
}

describe("digit codes beyond Number.MAX_SAFE_INTEGER", () => {
  it("are found exactly by their string", () => {
    expect(nodeAnswers(CODES.map((code) => `LongCode.fromCode(${JSON.stringify(code)})`))).toEqual(NAMES);
  });

  it("are not found by a number that stands for several codes; safe numbers still are", () => {
    expect(
      nodeAnswers([
        "LongCode.fromCode(100000000000000000)",
        "LongCode.fromCode(100000000000000001)",
        "LongCode.fromCode(1e17)",
        "LongCode.fromCode(9007199254740991)",
        "LongCode.fromCode(9007199254740992)",
        "LongCode.fromCode(123)",
        "LongCode.parse(100000000000000001).known ? LongCode.HUGE_ONE : null",
      ]),
    ).toEqual(["null", "null", "null", "MAX_SAFE", "null", "SMALL", "null"]);
  });

  it("Java and TypeScript agree on fromCode for ints, and on every code's string", () => {
    const ints = [-1, 0, 1, 122, 123, 124, 2147483647, -2147483648];
    const harness = `public final class Harness {
  public static void main(String[] args) {
    StringBuilder out = new StringBuilder();
    for (int code : new int[] {${ints.join(", ")}}) out.append(name(codebook.longcodes.LongCode.fromCode(code))).append('\\n');
    for (String code : args) out.append(name(codebook.longcodes.LongCode.fromCode(code))).append('\\n');
    System.out.print(out);
  }
  static String name(Object member) { return member == null ? "null" : ((Enum<?>) member).name(); }
}
`;
    const runtime = Object.fromEntries(javaRuntimeFiles(join(root, "out/java")).map((file) => [basename(file), readFileSync(file, "utf8")]));
    const java = compileAndRun(root, { "Harness.java": harness, "LongCode.java": readJava(), ...runtime }, "Harness", CODES, ["-Xlint:all", "-Werror"]);
    const ts = nodeAnswers([...ints.map((i) => `LongCode.fromCode(${i})`), ...CODES.map((code) => `LongCode.fromCode(${JSON.stringify(code)})`)]);
    expect(java).toEqual(ts);
    expect(java).toEqual([...ints.map((i) => (i === 123 ? "SMALL" : "null")), ...NAMES]);
  });
});

function readJava(): string {
  return readFileSync(join(root, "out/java/codebook/longcodes/LongCode.java"), "utf8");
}
