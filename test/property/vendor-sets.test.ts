import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Catalog, catalogArbitrary, catalogYaml, javaPackageOf, namespaceOf } from "../support/arbitraries.js";
import { runGen, tempDir } from "../support/run-gen.js";
import { PROPERTY_RUNS, PROPERTY_SEED } from "./settings.js";

/*
 * Catalogs that are valid one by one can still clash as a set: two vendor ids whose TypeScript namespace
 * is the same (a-1b and a1b are both a1b), or two vendors in one Java package with a set of the same type
 * name. gen must then either keep them apart or refuse with a diagnostic about a catalog; it must never
 * write a TypeScript index that does not compile, drop a Java enum, or fail while writing.
 */

const TIMEOUT = 600_000;
/** Each case is a gen run (about a third of a second). */
const RUNS = Math.min(PROPERTY_RUNS, 20);

/** Vendor ids that share a namespace (a1b) or a default Java package (codebook.a1b, codebook.xy). */
const CLASHING_IDS = ["a-1b", "a1b", "a-1-b", "ab-1", "ab1", "x-y", "xy"];
const SHARED_PACKAGE = "com.example.codes";
const SHARED_TYPE_NAMES = ["Codes", "ErrorCode"];

const vendorSetArbitrary: fc.Arbitrary<Catalog[]> = fc
  .uniqueArray(
    fc.record({
      id: fc.constantFrom(...CLASHING_IDS),
      catalog: catalogArbitrary,
      sharedPackage: fc.boolean(),
      typeName: fc.option(fc.constantFrom(...SHARED_TYPE_NAMES), { nil: undefined }),
    }),
    { minLength: 2, maxLength: 3, selector: (entry) => entry.id },
  )
  .map((entries) =>
    entries.map(({ id, catalog, sharedPackage, typeName }) => {
      const vendor = { ...catalog.vendor, id };
      if (sharedPackage) vendor.javaPackage = SHARED_PACKAGE;
      else delete vendor.javaPackage;
      const [first, ...rest] = catalog.codeSets;
      // The first set may take a type name that a set of another vendor has too (only where no other set of its own vendor uses it).
      const clash = typeName !== undefined && !rest.some((set) => set.typeName.startsWith(typeName)) && first !== undefined;
      const codeSets = clash ? [{ ...first, typeName }, ...rest] : catalog.codeSets;
      return { vendor, codeSets };
    }),
  );

function javaFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".java"))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe(`random sets of valid catalogs whose names clash (seed ${PROPERTY_SEED}, ${RUNS} cases)`, () => {
  it(
    "are kept apart in every target, or refused with a diagnostic about a catalog",
    () => {
      const problems: string[] = [];
      for (const catalogs of fc.sample(vendorSetArbitrary, { seed: PROPERTY_SEED, numRuns: RUNS })) {
        const dirs = [tempDir("codebook-property-set-"), tempDir("codebook-property-set-out-"), tempDir("codebook-property-set-cache-")] as const;
        const found = setProblems(catalogs, ...dirs);
        problems.push(...found);
        // A failing case keeps its directories for inspection.
        if (found.length === 0) for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      }
      expect(problems, problems.join("\n")).toEqual([]);
    },
    TIMEOUT,
  );
});

function setProblems(catalogs: readonly Catalog[], dir: string, out: string, cache: string): string[] {
  for (const catalog of catalogs) writeFileSync(join(dir, `${catalog.vendor.id}.yaml`), catalogYaml(catalog));
  const run = runGen(["--catalogs", dir, "--out", out, "--cache-dir", cache]);
  const what = catalogs
    .map(
      (c) => `${c.vendor.id} (namespace ${namespaceOf(c.vendor.id)}, package ${javaPackageOf(c.vendor)}, types ${c.codeSets.map((s) => s.typeName).join(" ")})`,
    )
    .join(" + ");
  const errors = run.stderr.split("\n").filter((line) => / error /.test(line));
  if (run.status !== 0) {
    // A refusal is fine if an error says which catalog is at fault.
    const aboutCatalog = errors.some((line) => catalogs.some((c) => line.includes(`${c.vendor.id}.yaml:`)));
    return run.status === 1 && aboutCatalog ? [] : [`${what}: exit ${run.status}: ${errors.join(" / ") || run.stderr.slice(0, 500)}`];
  }
  const problems: string[] = [];
  const index = readFileSync(join(out, "ts/index.ts"), "utf8");
  const namespaces = [...index.matchAll(/^export \* as (\S+) from/gm)].map((m) => m[1]);
  if (new Set(namespaces).size !== catalogs.length) problems.push(`${what}: index.ts exports the namespaces ${namespaces.join(", ")}`);
  // One enum per code set, and a <Vendor>Responses class per vendor with a response parser, beside the
  // shared runtime (codebook/runtime), which is the same for every set of catalogs.
  const sets = catalogs.reduce((sum, c) => sum + c.codeSets.length + (c.vendor.errorResponse?.fields?.some((field) => field.codeSet !== undefined) ? 1 : 0), 0);
  const runtime = join(out, "java/codebook/runtime/");
  const files = javaFiles(join(out, "java")).filter((file) => !file.startsWith(runtime));
  if (files.length !== sets) problems.push(`${what}: ${files.length} Java files for ${sets} code sets and response parsers`);
  return problems;
}
