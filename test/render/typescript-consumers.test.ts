import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileTypeScript, emitTypeScript } from "../support/compile.js";
import { GENERATED } from "../support/paths.js";
import { runGen, tempDir } from "../support/run-gen.js";
import { readTree } from "../support/tree.js";
import { GOLDEN_ERASABLE } from "../support/ts-styles.js";

/**
 * The generated TypeScript as consumers compile it: each project setting once, on top of the strict
 * options (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes, noUnused*). The oldest target
 * is ES2017 with no lib beyond it: nothing generated may need Object.hasOwn, .at() or replaceAll.
 */
const CONSUMER_SETTINGS: readonly { readonly name: string; readonly options: Readonly<Record<string, unknown>> }[] = [
  { name: "NodeNext", options: { module: "NodeNext", moduleResolution: "NodeNext" } },
  { name: "bundler", options: { module: "ESNext", moduleResolution: "bundler" } },
  { name: "CommonJS", options: { module: "CommonJS", moduleResolution: "node10" } },
  { name: "isolatedModules", options: { isolatedModules: true } },
  { name: "verbatimModuleSyntax", options: { verbatimModuleSyntax: true } },
  { name: "isolatedDeclarations", options: { isolatedDeclarations: true, declaration: true } },
  { name: "target ES2017, lib ES2017", options: { target: "ES2017", lib: ["ES2017"] } },
];

const STYLES = [
  { style: "enum", dir: join(GENERATED, "ts"), extra: [] },
  { style: "erasable", dir: join(GOLDEN_ERASABLE, "ts"), extra: [{ name: "erasableSyntaxOnly", options: { erasableSyntaxOnly: true } }] },
] as const;

for (const { style, dir, extra } of STYLES) {
  describe(`generated TypeScript (${style} style) in consumers' projects`, () => {
    for (const setting of [...CONSUMER_SETTINGS, ...extra]) {
      it(`compiles with ${setting.name}`, () => {
        const result = compileTypeScript(dir, ["index.ts"], setting.options);
        expect(result.output).toBe("");
        expect(result.status).toBe(0);
      });
    }
  });
}

describe("the enum style", () => {
  it("is refused by erasableSyntaxOnly, which the erasable style is for", () => {
    const result = compileTypeScript(join(GENERATED, "ts"), ["index.ts"], { erasableSyntaxOnly: true });
    expect(result.output).toContain("TS1294");
  });
});

describe("erasable TypeScript with .ts import specifiers (--ts-import-extension ts)", () => {
  const out = tempDir();
  const run = runGen(["--targets", "ts", "--ts-style", "erasable", "--ts-import-extension", "ts", "--no-cache", "--out", out]);
  // Node's type stripping needs no build; tsc checks such files with allowImportingTsExtensions.
  const typeStripping = {
    allowImportingTsExtensions: true,
    erasableSyntaxOnly: true,
    verbatimModuleSyntax: true,
    isolatedDeclarations: true,
    declaration: true,
  };

  it("writes only .ts specifiers, and compiles as Node's type stripping reads it (erasableSyntaxOnly, verbatimModuleSyntax)", () => {
    expect(run.status).toBe(0);
    const specifiers = [...readTree(join(out, "ts")).values()].flatMap((bytes) =>
      [...bytes.toString("utf8").matchAll(/ from "(\.[^"]*)"/g)].map((match) => match[1]),
    );
    expect(specifiers.length).toBeGreaterThan(20);
    expect(specifiers.filter((specifier) => !specifier?.endsWith(".ts"))).toEqual([]);
    writeFileSync(join(out, "package.json"), '{ "type": "module" }\n');
    const result = compileTypeScript(join(out, "ts"), ["index.ts"], typeStripping);
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });

  it("builds with rewriteRelativeImportExtensions into JavaScript that Node runs", () => {
    const js = join(out, "js");
    const built = emitTypeScript(join(out, "ts"), ["index.ts"], js, { rewriteRelativeImportExtensions: true, erasableSyntaxOnly: true });
    expect(built.output).toBe("");
    const script = `import { phonepos } from "./index.js"; import { fromCode } from "./phonepos/terminal-error.js";
      console.log(phonepos.TerminalErrorCode.BATTERY_TOO_LOW, fromCode(100), fromCode("100"), phonepos.decide(phonepos.parseResponse(null)).outcome);`;
    writeFileSync(join(js, "probe.mjs"), script);
    const ran = spawnSync(process.execPath, [join(js, "probe.mjs")], { encoding: "utf8" });
    expect(ran.stderr).toBe("");
    expect(ran.stdout).toBe("2310 0100 null unknown\n");
  });
});
