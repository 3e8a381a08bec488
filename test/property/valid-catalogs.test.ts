import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { parse } from "yaml";
import { validateCatalog } from "../../src/catalog/validate.js";
import {
  type Catalog,
  type CodeSet,
  catalogArbitrary,
  catalogYaml,
  effectiveOf,
  javaPackageOf,
  numberedCatalog,
  reachableByInt,
  trimAscii,
} from "../support/arbitraries.js";
import { compileTypeScript } from "../support/compile.js";
import { CONFORMANCE_HARNESS, javaRuntimeFiles, runConformance } from "../support/java.js";
import { runGen, tempDir } from "../support/run-gen.js";
import { conformanceProbes, TEXTS_HARNESS, textProbes } from "./java-texts.js";
import { countTags, duplicateIds, entryTexts, expectedStructure, readBack, renderedCell, renderPage, TEMPLATE_TAGS, tagNames } from "./markdown-checks.js";
import { PROPERTY_RUNS, PROPERTY_SEED, PROPERTY_SHOW } from "./settings.js";

/*
 * Random valid catalogs, generated in one batch: one catalogs directory of PROPERTY_RUNS vendors, one
 * `gen` run, one tsc run, one javac run, one JVM per harness. Each check collects every failure of every
 * vendor and names the vendor, so that a failing catalog can be found in the printed directory.
 */

const TIMEOUT = 600_000;

/** Fails with the first few problems, each naming its vendor. */
function expectNoProblems(problems: readonly string[], what: string): void {
  const shown = problems.slice(0, PROPERTY_SHOW).join("\n");
  expect(problems.length, `${problems.length} ${what}:\n${shown}${problems.length > PROPERTY_SHOW ? "\n..." : ""}`).toBe(0);
}

interface EnumApi {
  fromCode(code: string | number): string | number | null;
  valueOf(name: string): string | number;
  values(): readonly (string | number)[];
  info(member: string | number): Record<string, unknown>;
  matchUncoded?(status: number, message: string): { name: string } | null;
}

describe(`random valid catalogs (seed ${PROPERTY_SEED}, ${PROPERTY_RUNS} cases)`, () => {
  it(
    "pass validateCatalog without errors, and their YAML reads back as the object it was written from",
    () => {
      fc.assert(
        fc.property(catalogArbitrary, fc.boolean(), (catalog, singleLineStrings) => {
          const bytes = Buffer.from(catalogYaml(catalog, { singleLineStrings }), "utf8");
          expect(parse(bytes.toString("utf8"))).toEqual(catalog);
          const result = validateCatalog({ path: `catalogs/${catalog.vendor.id}.yaml`, bytes });
          expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
          expect(result.catalog?.catalog).toEqual(catalog);
        }),
        { seed: PROPERTY_SEED, numRuns: PROPERTY_RUNS },
      );
    },
    TIMEOUT,
  );

  describe("generated in one batch", () => {
    const catalogs = tempDir("codebook-property-catalogs-");
    const out = tempDir("codebook-property-out-");
    const cases: Catalog[] = fc
      .sample(catalogArbitrary, { seed: PROPERTY_SEED, numRuns: PROPERTY_RUNS })
      .map((catalog, index) => numberedCatalog(catalog, index, Math.max(4, String(PROPERTY_RUNS).length)));

    // The directories stay for inspection when a check fails; otherwise they go (they hold some 50 MB).
    const scratch = [catalogs, out];
    let failed = false;
    const keepOnFailure = () =>
      onTestFailed(() => {
        failed = true;
      });
    afterAll(() => {
      if (!failed) for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
    });

    beforeAll(() => {
      failed = true;
      console.log(`property seed ${PROPERTY_SEED}: ${cases.length} catalogs in ${catalogs}, generated into ${out}`);
      cases.forEach((catalog, index) => {
        writeFileSync(join(catalogs, `${catalog.vendor.id}.yaml`), catalogYaml(catalog, { singleLineStrings: index % 2 === 0 }));
      });
      // A cache of its own: a thousand random vendors have no place in the repository's cache.
      const cache = tempDir("codebook-property-cache-");
      scratch.push(cache);
      const run = runGen(["--catalogs", catalogs, "--out", out, "--cache-dir", cache]);
      if (run.status !== 0) throw new Error(`gen exited ${run.status}:\n${run.stderr.slice(0, 4000)}`);
      failed = false;
    }, TIMEOUT);

    it(
      "generates TypeScript that compiles in strict mode",
      () => {
        keepOnFailure();
        const result = compileTypeScript(join(out, "ts"), ["index.ts"]);
        const problems = result.output.split("\n").filter((line) => /error TS\d+/.test(line));
        expectNoProblems(problems, "TypeScript errors");
        expect(result.status).toBe(0);
      },
      TIMEOUT,
    );

    it(
      "generates TypeScript that round-trips every code, name and text, and knows no other code",
      async () => {
        keepOnFailure();
        const problems: string[] = [];
        for (const catalog of cases) {
          let module: Record<string, unknown>;
          try {
            module = (await import(join(out, "ts", `${catalog.vendor.id}.ts`))) as Record<string, unknown>;
          } catch (error) {
            problems.push(`${catalog.vendor.id}: the module does not load: ${String(error).split("\n")[0]}`);
            continue;
          }
          for (const set of catalog.codeSets) {
            const api = module[set.typeName] as EnumApi | undefined;
            if (api === undefined) {
              problems.push(`${catalog.vendor.id}: no export ${set.typeName}`);
              continue;
            }
            for (const problem of typescriptProblems(api, set)) problems.push(`${catalog.vendor.id} ${set.typeName}: ${problem}`);
          }
        }
        expectNoProblems(problems, "TypeScript round-trip failures");
      },
      TIMEOUT,
    );

    it(
      "generates Java that compiles with --release 8 -Xlint:all -Werror in one javac run, and answers like the catalog",
      () => {
        keepOnFailure();
        const harness = tempDir("codebook-property-java-");
        scratch.push(harness);
        writeFileSync(join(harness, "Conformance.java"), CONFORMANCE_HARNESS);
        writeFileSync(join(harness, "PropertyTexts.java"), TEXTS_HARNESS);
        const harnessFiles = [join(harness, "Conformance.java"), join(harness, "PropertyTexts.java")];
        const files = javaFiles(join(out, "java"));
        // One enum per code set, a <Vendor>Responses class per vendor with a response parser, and the shared
        // runtime's types (compiled here too).
        const parsers = cases.filter((catalog) => catalog.vendor.errorResponse?.fields?.some((field) => field.codeSet !== undefined)).length;
        const runtime = javaRuntimeFiles(join(out, "java"));
        expect(runtime.map((file) => file.slice(file.lastIndexOf("/") + 1))).toEqual([
          "CodebookCode.java",
          "Label.java",
          "Placeholder.java",
          "Placeholders.java",
          "Retry.java",
          "RetryPolicy.java",
          "Severity.java",
        ]);
        expect(files.length).toBe(cases.reduce((sum, catalog) => sum + catalog.codeSets.length, 0) + parsers + runtime.length);
        // A file that does not compile is reported, and the others are compiled again so that their behaviour is still checked.
        // (javac stops before its later phases once one has failed, so a second round can name more broken files.)
        const broken = new Set<string>();
        const compileProblems: string[] = [];
        let classes = "";
        let compiled = { status: null as number | null, output: "" };
        for (let round = 1; round <= 5 && compiled.status !== 0; round++) {
          classes = join(harness, `classes-${round}`);
          compiled = javac([...files.filter((file) => !broken.has(file)), ...harnessFiles], classes);
          for (const [, file = ""] of compiled.output.matchAll(/^(\/\S+\.java):\d+: (?:error|warning)/gm)) {
            if (broken.has(file)) continue;
            broken.add(file);
            compileProblems.push(`${file}: ${firstJavacError(compiled.output, file)}`);
          }
        }
        expect(compiled.status, compiled.output.slice(0, 4000)).toBe(0);

        const brokenTypes = new Set([...broken].map((file) => file.slice(join(out, "java").length + 1, -".java".length).replace(/\//g, ".")));
        const sets = cases.flatMap((catalog) =>
          catalog.codeSets.filter((set) => !brokenTypes.has(`${javaPackageOf(catalog.vendor)}.${set.typeName}`)).map((set) => ({ catalog, set })),
        );
        const behaviourProblems = [
          ...compare(runConformance(classes, probesOf(sets, conformanceProbes).probes), probesOf(sets, conformanceProbes)),
          ...compare(runHarness(classes, "PropertyTexts", probesOf(sets, textProbes).probes), probesOf(sets, textProbes)),
        ];
        expectNoProblems(
          [...behaviourProblems.map((p) => `answer differs: ${p}`), ...compileProblems.map((p) => `does not compile: ${p}`)],
          `Java problems (${behaviourProblems.length} answers that differ from the catalog, ${compileProblems.length} files that do not compile)`,
        );
      },
      TIMEOUT,
    );

    it(
      "generates Markdown whose tables keep their column count and whose entries show every text as it is",
      () => {
        keepOnFailure();
        const problems: string[] = [];
        const index = renderPage(readFileSync(join(out, "docs/index.md"), "utf8"));
        problems.push(...index.tableProblems.map((p) => `index.md: ${p}`));
        const foreignInIndex = [...tagNames(index.html)].filter((tag) => !TEMPLATE_TAGS.has(tag));
        if (foreignInIndex.length > 0) problems.push(`index.md: catalog text became <${foreignInIndex.join(">, <")}>`);
        if (index.tables !== 0) problems.push(`index.md: ${index.tables} tables instead of none`);
        const vendorHeadings = (index.html.match(/<h2>/g) ?? []).length;
        if (vendorHeadings !== cases.length) problems.push(`index.md: ${vendorHeadings} vendor headings instead of ${cases.length}`);
        for (const catalog of cases) {
          const page = renderPage(readFileSync(join(out, "docs", `${catalog.vendor.id}.md`), "utf8"));
          const where = `${catalog.vendor.id}.md`;
          problems.push(...page.tableProblems.map((p) => `${where}: ${p}`));
          const foreign = [...tagNames(page.html)].filter((tag) => !TEMPLATE_TAGS.has(tag));
          if (foreign.length > 0) problems.push(`${where}: catalog text became <${foreign.join(">, <")}>`);
          if (!isDeepStrictEqual(page.frontMatter, { title: catalog.vendor.name, description: catalog.vendor.summary })) {
            problems.push(`${where}: front matter ${JSON.stringify(page.frontMatter)} is not the vendor's name and summary`);
          }
          // Headings read as their titles, character for character.
          const headings: [string, string][] = [
            [`<h1>${renderedCell([catalog.vendor.name])}</h1>`, "vendor name"],
            ...catalog.codeSets.map((set): [string, string] => [`<h2>${renderedCell([set.title])}</h2>`, `title of set ${set.id}`]),
            ...catalog.codeSets.flatMap((set) =>
              (set.categories ?? []).map((c): [string, string] => [`<h3>${renderedCell([c.title])}`, `title of category ${c.id}`]),
            ),
            ...(catalog.vendor.guidance ?? []).map((item): [string, string] => [`<h3>${renderedCell([item.title])}</h3>`, `title of guidance ${item.id}`]),
          ];
          for (const [heading, what] of headings) {
            if (!page.html.includes(heading)) problems.push(`${where}: no heading reads ${JSON.stringify(heading)} (the ${what})`);
          }
          const { values, codes } = entryTexts(page.html);
          for (const set of catalog.codeSets) {
            for (const code of set.codes) {
              if (!codes.has(readBack(String(code.code))))
                problems.push(`${where}: no entry shows the code of ${code.name} as ${JSON.stringify(String(code.code))}`);
              const fields = [
                ...(code.message === undefined ? [] : [[code.message, "message"]]),
                ...((code.alternativeMessages ?? []).length === 0 ? [] : [[(code.alternativeMessages ?? []).map(readBack).join("\n"), "other messages"]]),
                ...(code.description === undefined ? [] : [[code.description, "description"]]),
                ...(code.action === undefined ? [] : [[code.action, "action"]]),
                ...(code.handling === undefined ? [] : [[code.handling, "handling"]]),
                ...Object.values(code.translations ?? {}).flatMap((texts) => Object.values(texts).map((text) => [text ?? "", "translation"])),
              ];
              for (const [text, field] of fields) {
                if (!values.has(readBack(text ?? ""))) problems.push(`${where}: the ${field} of ${code.name} does not read ${JSON.stringify(text)}`);
              }
            }
            for (const entry of set.uncoded ?? []) {
              if (!values.has(readBack(entry.message))) problems.push(`${where}: the message of uncoded ${entry.name} is altered`);
            }
          }
        }
        expectNoProblems(problems, "Markdown problems");
      },
      TIMEOUT,
    );

    it(
      "generates Markdown pages whose structure no text can change: headings, entries, tables, lists and folds as the catalog declares, unique anchors",
      () => {
        keepOnFailure();
        const problems: string[] = [];
        for (const catalog of cases) {
          const page = renderPage(readFileSync(join(out, "docs", `${catalog.vendor.id}.md`), "utf8"));
          const counts = countTags(page.html);
          for (const [tag, wanted] of Object.entries(expectedStructure(catalog))) {
            const actual = counts.get(tag) ?? 0;
            if (actual !== wanted) problems.push(`${catalog.vendor.id}.md: ${actual} <${tag}> instead of ${wanted}`);
          }
          const duplicates = duplicateIds(page.html);
          if (duplicates.length > 0) problems.push(`${catalog.vendor.id}.md: duplicate anchors ${duplicates.join(", ")}`);
        }
        expectNoProblems(problems, "Markdown structure problems");
      },
      TIMEOUT,
    );

    it(
      "generates catalog.json that holds every text and number of every catalog unchanged",
      () => {
        keepOnFailure();
        const json = JSON.parse(readFileSync(join(out, "catalog.json"), "utf8")) as { vendors: { id: string; codeSets: unknown[] }[] };
        const byId = new Map(json.vendors.map((vendor) => [vendor.id, vendor]));
        expect(json.vendors.map((vendor) => vendor.id)).toEqual(cases.map((catalog) => catalog.vendor.id).sort());
        const problems: string[] = [];
        for (const catalog of cases) {
          const exported = byId.get(catalog.vendor.id);
          const { codeSets, ...vendor } = exported ?? { codeSets: [] };
          for (const [path, value] of leaves(catalog)) {
            const found = valueAt({ vendor, codeSets }, path);
            if (found !== value) problems.push(`${catalog.vendor.id}: ${path.join(".")} is ${JSON.stringify(found)}, not ${JSON.stringify(value)}`);
          }
        }
        expectNoProblems(problems, "catalog.json differences");
      },
      TIMEOUT,
    );
  });
});

function typescriptProblems(api: EnumApi, set: CodeSet): string[] {
  const problems: string[] = [];
  const check = (what: string, actual: unknown, expected: unknown) => {
    if (!isDeepStrictEqual(actual, expected)) problems.push(`${what}: ${JSON.stringify(actual)} instead of ${JSON.stringify(expected)}`);
  };
  const wires = new Set(set.codes.map((code) => String(code.code)));
  check(
    "values()",
    api.values(),
    set.codes.map((code) => code.code),
  );
  for (const code of set.codes) {
    const name = code.name;
    check(`fromCode(${JSON.stringify(code.code)})`, api.fromCode(code.code), code.code);
    if (reachableByInt(set, code)) check(`fromCode(${Number(code.code)})`, api.fromCode(Number(code.code)), code.code);
    if (set.codeKind !== "digits") check(`fromCode(${JSON.stringify(String(code.code))})`, api.fromCode(String(code.code)), code.code);
    check(`valueOf(${name})`, api.valueOf(name), code.code);
    const info = api.info(code.code);
    const effective = effectiveOf(set, code);
    const scope = set.scopes?.find((s) => s.id === effective.scope);
    const category = set.categories?.find((c) => c.id === code.category);
    const deprecated = code.deprecated === undefined || code.deprecated === false ? null : code.deprecated;
    check(`info(${name})`, info, {
      ...info,
      code: code.code,
      name,
      message: code.message ?? null,
      alternativeMessages: code.alternativeMessages ?? [],
      description: code.description ?? null,
      action: code.action ?? null,
      httpStatus: effective.httpStatus ?? null,
      scope: scope ? { id: scope.id, title: scope.title } : null,
      category: category ? { id: category.id, title: category.title } : null,
      endpoints: code.endpoints ?? [],
      retry: effective.retry
        ? {
            policy: effective.retry.policy,
            minDelaySeconds: effective.retry.minDelaySeconds ?? null,
            maxDelaySeconds: effective.retry.maxDelaySeconds ?? null,
            note: effective.retry.note ?? null,
          }
        : null,
      deprecated:
        deprecated === null
          ? null
          : deprecated === true
            ? { reason: null, replacement: null }
            : { reason: deprecated.reason ?? null, replacement: deprecated.replacement ?? null },
      reserved: code.reserved ?? false,
      placeholders: (code.placeholders ?? []).map((p) => ({ name: p.name, token: p.token })),
    });
    check(`info(${name}).translations`, Object.fromEntries(info.translations as Map<string, unknown>), code.translations ?? {});
    // Near misses are unknown, unless they happen to be another code of the set.
    for (const probe of [
      "",
      " ",
      `${String(code.code)} `,
      ` ${String(code.code)}`,
      `0${String(code.code)}`,
      `${String(code.code)}x`,
      "__proto__",
      "constructor",
      "toString",
    ]) {
      if (!wires.has(probe)) check(`fromCode(${JSON.stringify(probe)})`, api.fromCode(probe), null);
    }
  }
  const numbers = set.codes.map((code) => Number(code.code));
  if (set.codeKind === "digits" || (set.codeKind === "alphanumeric" && set.width !== undefined)) {
    for (const probe of [10 ** (set.width ?? 1), -1, 1.5, Number.NaN, 2 ** 53]) check(`fromCode(${probe})`, api.fromCode(probe), null);
  }
  if (set.codeKind === "integer") {
    for (const probe of [2 ** 31, -(2 ** 31) - 1, 0.5, Number.NaN, ...numbers.map((n) => n + 1)]) {
      if (!numbers.includes(probe)) check(`fromCode(${probe})`, api.fromCode(probe), null);
    }
  }
  for (const entry of set.uncoded ?? []) {
    for (const message of [entry.message, ` ${entry.message}\n`, `${entry.message}x`]) {
      const match = set.uncoded?.find((other) => other.httpStatus === entry.httpStatus && trimAscii(other.message) === trimAscii(message));
      check(`matchUncoded(${entry.httpStatus}, ${JSON.stringify(message)})`, api.matchUncoded?.(entry.httpStatus, message)?.name ?? null, match?.name ?? null);
    }
  }
  return problems;
}

function javaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? javaFiles(join(dir, entry.name)) : entry.name.endsWith(".java") ? [join(dir, entry.name)] : [],
  );
}

/**
 * compileJavaTree's javac run (-Xlint:all -Werror) for Java 8, the oldest release the output supports, so
 * that no catalog makes it use a later API; listing every error rather than the first hundred, so that every
 * broken file is named.
 */
function javac(files: readonly string[], classes: string): { status: number | null; output: string } {
  const args = ["--release", "8", "-Xlint:all", "-Werror", "-Xmaxerrs", "1000000", "-Xmaxwarns", "1000000", "-encoding", "UTF-8", "-d", classes, ...files];
  const run = spawnSync("javac", args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function firstJavacError(output: string, file: string): string {
  const start = output.indexOf(`${file}:`);
  return output
    .slice(start + file.length + 1)
    .split("\n")
    .slice(0, 2)
    .join(" | ");
}

function probesOf(
  sets: readonly { catalog: Catalog; set: CodeSet }[],
  make: (catalog: Catalog, set: CodeSet) => { probes: string[]; expected: string[] },
): { probes: string[]; expected: string[] } {
  const all = sets.map(({ catalog, set }) => make(catalog, set));
  return { probes: all.flatMap((p) => p.probes), expected: all.flatMap((p) => p.expected) };
}

function compare(answers: readonly string[], { probes, expected }: { probes: string[]; expected: string[] }): string[] {
  if (answers.length !== probes.length) return [`the harness answered ${answers.length} of ${probes.length} probes`];
  return probes.flatMap((probe, index) => (answers[index] === expected[index] ? [] : [`${probe}: java ${answers[index]}, catalog ${expected[index]}`]));
}

/** Runs a harness class over probes on stdin (runConformance runs the class Conformance only). */
function runHarness(classpath: string, mainClass: string, probes: readonly string[]): string[] {
  const run = spawnSync("java", ["-cp", classpath, mainClass], { input: `${probes.join("\n")}\n`, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`java ${mainClass} failed:\n${run.stderr.slice(0, 4000)}`);
  return run.stdout.split("\n").slice(0, -1);
}

/** Every string and number of a catalog with its path (booleans are left out: the export drops false flags). */
function leaves(value: unknown, path: (string | number)[] = []): [(string | number)[], string | number][] {
  if (typeof value === "string" || typeof value === "number") return [[path, value]];
  // catalog.json gives a list of HTTP statuses as the primary httpStatus and, when there are several, httpStatuses.
  if (path.at(-1) === "httpStatus" && Array.isArray(value)) {
    const statuses = value as number[];
    return statuses.length === 1 ? [[path, statuses[0] as number]] : statuses.map((status, index) => [[...path.slice(0, -1), "httpStatuses", index], status]);
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, [...path, index]));
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  return [];
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}
