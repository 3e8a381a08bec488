import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/index.js";
import { compileTypeScript } from "../support/compile.js";
import { largeCatalogYaml } from "../support/large-catalog.js";
import { CATALOGS, FIXTURES, ROOT } from "../support/paths.js";
import { bodyOf, responseCorpus } from "../support/responses.js";
import { runGen, tempDir } from "../support/run-gen.js";
import { expectSameTree, readTree } from "../support/tree.js";
import { CATALOG, GOLDEN_ERASABLE, handlingApi, namespaceOf, type SetApi, setApi } from "../support/ts-styles.js";

describe("erasable TypeScript (gen --ts-style erasable)", () => {
  it("equals its golden tree byte for byte (regenerate: node bin/gen.js --targets ts --ts-style erasable --out test/fixtures/golden-erasable)", () => {
    const out = tempDir();
    const run = runGen(["--targets", "ts", "--ts-style", "erasable", "--no-cache", "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expectSameTree(out, GOLDEN_ERASABLE);
  });

  it('is what the API\'s generate({ ts: { style: "erasable" } }) returns', () => {
    const golden = readTree(GOLDEN_ERASABLE);
    const { files, diagnostics } = generate({ catalogs: CATALOGS, cwd: ROOT, ts: { style: "erasable" } });
    expect(diagnostics).toEqual([]);
    const ts = files.filter((file) => file.path.startsWith("ts/"));
    expect(ts.map((file) => file.path)).toEqual([...golden.keys()].filter((path) => path.startsWith("ts/")));
    for (const file of ts) expect(typeof file.content === "string" ? file.content : "chunked", file.path).toBe(golden.get(file.path)?.toString("utf8"));
  });

  for (const vendor of CATALOG.vendors) {
    for (const set of vendor.codeSets) {
      describe(`${vendor.id} ${set.typeName}: the enum and erasable styles give identical answers`, async () => {
        const enumApi = await setApi("enum", vendor.id, set);
        const erasable = await setApi("erasable", vendor.id, set);
        /** What a style answers for one input, across every helper that takes it. */
        const answers = (api: SetApi, code: string | number) => ({ fromCode: api.fromCode(code), parse: api.parse(code) });

        it("on every entry: members, fromCode (string and number), getCode, valueOf, info, parse and values", () => {
          expect(erasable.values()).toEqual(enumApi.values());
          for (const entry of set.codes) {
            expect(erasable[entry.name], entry.name).toBe(enumApi[entry.name]);
            const member = enumApi[entry.name];
            for (const code of [entry.code, String(entry.code), ...(set.codeKind === "symbolic" ? [] : [Number(entry.code)])]) {
              expect(answers(erasable, code)).toEqual(answers(enumApi, code));
            }
            expect(erasable.getCode(member)).toBe(enumApi.getCode(member));
            expect(erasable.valueOf(entry.name)).toBe(enumApi.valueOf(entry.name));
            expect(erasable.info(member)).toEqual(enumApi.info(member));
          }
          expect(() => erasable.valueOf("NO_SUCH_NAME")).toThrow(`No enum constant ${set.typeName}.NO_SUCH_NAME`);
          expect(() => erasable.info("no such member")).toThrow(`Not a ${set.typeName}: no such member`);
          expect(typeof erasable.format).toBe(typeof enumApi.format);
          expect(typeof erasable.matchUncoded).toBe(typeof enumApi.matchUncoded);
          expect(erasable.uncoded?.()).toEqual(enumApi.uncoded?.());
        });

        it("on random strings and numbers (fast-check)", () => {
          const wire = fc.constantFrom(...set.codes.map((entry) => entry.code));
          const input = fc.oneof(
            fc.string({ maxLength: 8 }),
            fc.stringMatching(/^[0-9 +-]{0,7}$/),
            fc.integer({ min: -100_000, max: 1_000_000 }),
            fc.double(),
            wire,
            wire.map((code) => (typeof code === "number" ? String(code) : Number(code))),
          );
          fc.assert(
            fc.property(input, (code) => {
              if (set.codeKind === "symbolic" && typeof code === "number") return;
              expect(answers(erasable, code)).toEqual(answers(enumApi, code));
            }),
            { numRuns: 2000, seed: set.codes.length },
          );
        });

        it("through fromCode(int) over every int of the codes' range", () => {
          if (set.codeKind === "symbolic") return;
          const numbers = set.codes.map((entry) => Number(entry.code)).filter(Number.isSafeInteger);
          const [low, high] = [Math.min(-10, ...numbers) - 10, Math.min(Math.max(...numbers) + 10, 200_000)];
          for (let code = low; code <= high; code++) expect(erasable.fromCode(code), String(code)).toBe(enumApi.fromCode(code));
        });

        it("formats and matches uncoded errors alike", () => {
          let formatted = 0;
          for (const entry of set.codes) {
            const member = enumApi[entry.name];
            if (!enumApi.format || !erasable.format) break;
            const { placeholders } = enumApi.info(member) as { placeholders: readonly { name: string }[] };
            const values = Object.fromEntries(placeholders.map((placeholder) => [placeholder.name, `<${placeholder.name} $& $1>`]));
            for (const options of [{}, { locale: "de" }, { field: "description" }]) {
              expect(erasable.format(member, values, options)).toBe(enumApi.format(member, values, options));
              formatted += 1;
            }
          }
          expect(formatted > 0).toBe(enumApi.format !== undefined);
          for (const entry of (enumApi.uncoded?.() ?? []) as { httpStatus: number; message: string }[]) {
            for (const [status, message] of [
              [entry.httpStatus, entry.message],
              [entry.httpStatus, ` ${entry.message}\n`],
              [entry.httpStatus + 1, entry.message],
            ] as const) {
              expect(erasable.matchUncoded?.(status, message)).toEqual(enumApi.matchUncoded?.(status, message));
            }
          }
        });
      });
    }
  }

  it("parses and decides every response of the corpus as the enum style does", () => {
    let compared = 0;
    for (const entry of responseCorpus()) {
      const enumHandling = handlingApi("enum", entry.vendor);
      const erasable = handlingApi("erasable", entry.vendor);
      const body = bodyOf(entry);
      const parsed = erasable.parseResponse(body, entry.httpStatus);
      expect(parsed).toEqual(enumHandling.parseResponse(body, entry.httpStatus));
      expect(erasable.decide(parsed)).toEqual(enumHandling.decide(parsed));
      compared += 1;
    }
    expect(compared).toBeGreaterThan(10);
  });
});

describe("erasable TypeScript of hostile, retired and large catalogs", () => {
  const catalogs = tempDir();
  cpSync(join(FIXTURES, "valid/hostile"), join(catalogs), { recursive: true });
  cpSync(join(FIXTURES, "valid/retired"), join(catalogs), { recursive: true });
  // Past 1,000 codes, uncoded entries and retired codes, each set's data is one JSON text.
  writeFileSync(
    join(catalogs, "big.yaml"),
    largeCatalogYaml({ id: "big", codes: 1001, terminalCodes: 1001, symbolCodes: 3, textChars: 100, uncoded: 1001, retired: 1001 }),
  );
  const out = { enum: tempDir(), erasable: tempDir() };

  it("compile with erasableSyntaxOnly and isolatedDeclarations, and answer as the enum style does for every code", async () => {
    for (const style of ["enum", "erasable"] as const) {
      // The hostile catalog's texts draw warnings (undeclared-placeholder), never errors.
      const run = runGen(["--catalogs", catalogs, "--targets", "ts,json", "--ts-style", style, "--no-cache", "--out", out[style]]);
      expect(run.stderr).not.toContain(" error ");
      expect(run.status).toBe(0);
    }
    const compiled = compileTypeScript(join(out.erasable, "ts"), ["index.ts"], { erasableSyntaxOnly: true, isolatedDeclarations: true, declaration: true });
    expect(compiled.output).toBe("");
    const exported = JSON.parse(readFileSync(join(out.enum, "catalog.json"), "utf8")) as typeof CATALOG;
    let compared = 0;
    for (const vendor of exported.vendors) {
      const index = (await import(join(out.enum, "ts/index.ts"))) as Record<string, Record<string, SetApi>>;
      for (const set of vendor.codeSets) {
        const enumApi = index[namespaceOf(vendor.id)]?.[set.typeName] as SetApi;
        const module = (await import(join(out.erasable, "ts", vendor.id, `${set.id}.ts`))) as Record<string, unknown>;
        const erasable = { ...(module[set.typeName] as object), ...module } as unknown as SetApi;
        for (const entry of set.codes) {
          expect(erasable.parse(entry.code)).toEqual(enumApi.parse(entry.code));
          // catalog.json lists retired codes too: parse() knows them, valueOf throws for them in both styles.
          if ((entry as { retired?: unknown }).retired !== undefined) expect(() => erasable.valueOf(entry.name)).toThrow(RangeError);
          else expect(erasable.info(erasable.valueOf(entry.name))).toEqual(enumApi.info(enumApi.valueOf(entry.name)));
          compared += 1;
        }
        // Retired codes are not members, but parse() knows them in both styles.
        for (const retired of ["900000", "900500", "901000", "999999"]) expect(erasable.parse(retired)).toEqual(enumApi.parse(retired));
        expect(erasable.uncoded?.()).toEqual(enumApi.uncoded?.());
      }
    }
    expect(compared).toBeGreaterThan(2000);
  });
});
