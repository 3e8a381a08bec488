import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileTypeScript } from "../support/compile.js";
import { GENERATED } from "../support/paths.js";

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

describe("generated TypeScript (enum style) in consumers' projects", () => {
  for (const setting of CONSUMER_SETTINGS) {
    it(`compiles with ${setting.name}`, () => {
      const result = compileTypeScript(join(GENERATED, "ts"), ["index.ts"], setting.options);
      expect(result.output).toBe("");
      expect(result.status).toBe(0);
    });
  }

  it("is refused by erasableSyntaxOnly, which the erasable style is for", () => {
    const result = compileTypeScript(join(GENERATED, "ts"), ["index.ts"], { erasableSyntaxOnly: true });
    expect(result.output).toContain("TS1294");
  });
});
