import { cpSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateCatalog } from "../../src/catalog/validate.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { catalogYaml } from "../support/arbitraries.js";
import { CATALOGS } from "../support/paths.js";
import { runGen, tempDir } from "../support/run-gen.js";
import { readTree } from "../support/tree.js";
import { EXPECTED_RULES, type Mutant, mutantArbitrary } from "./mutations.js";
import { PROPERTY_RUNS, PROPERTY_SEED } from "./settings.js";

/*
 * Random invalid catalogs: valid ones with one thing broken (see mutations.ts). The validator must refuse
 * each with a diagnostic inside the file and never throw; `gen` must exit 1 without a stack trace and
 * leave its output directory exactly as it was.
 */

const TIMEOUT = 600_000;
/** Spawning gen costs about half a second: a bounded sample of the mutants goes through the CLI. */
const CLI_RUNS = Math.min(PROPERTY_RUNS, 30);
/** A stack frame, with or without a function name: "    at f (file:1:2)" or "    at file:1:2". */
const STACK_FRAME = /^\s+at \S/m;

/** Problems with where the diagnostics point: each must lie inside the file, or be about the whole file (line 0). */
function positionProblems(diagnostics: readonly Diagnostic[], bytes: Buffer): string[] {
  const lines = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false }).decode(bytes).split("\n");
  return diagnostics.flatMap((d) => {
    if (d.line === 0 && d.column === 0) return [];
    const line = lines[d.line - 1];
    if (d.line >= 1 && line !== undefined && d.column >= 1 && d.column <= line.length + 1) return [];
    return [`${d.rule} at ${d.line}:${d.column} lies outside the file (${lines.length} lines; that line has ${line?.length ?? "no"} characters)`];
  });
}

function describeMutant(mutant: Mutant): string {
  return `${mutant.kind} (${mutant.note}) in ${mutant.fileName}`;
}

describe(`random invalid catalogs (seed ${PROPERTY_SEED}, ${PROPERTY_RUNS} cases)`, () => {
  it(
    "are refused by validateCatalog with an error inside the file, and never make it throw",
    () => {
      const kinds = new Map<string, number>();
      fc.assert(
        fc.property(mutantArbitrary, (mutant) => {
          kinds.set(mutant.kind, (kinds.get(mutant.kind) ?? 0) + 1);
          const what = describeMutant(mutant);
          let result: ReturnType<typeof validateCatalog>;
          try {
            result = validateCatalog({ path: `catalogs/${mutant.fileName}`, bytes: mutant.bytes });
          } catch (error) {
            throw new Error(`validateCatalog threw on ${what}: ${(error as Error).stack ?? String(error)}`);
          }
          expect(result.catalog, `${what} was accepted`).toBeUndefined();
          const errors = result.diagnostics.filter((d) => d.severity === "error");
          expect(errors, `${what} has no error`).not.toEqual([]);
          const rules = EXPECTED_RULES[mutant.kind];
          if (rules)
            expect(
              errors.map((e) => e.rule),
              `${what} is refused for another reason`,
            ).toEqual(expect.arrayContaining([expect.toBeOneOf([...rules])]));
          expect(positionProblems(result.diagnostics, mutant.bytes), what).toEqual([]);
        }),
        { seed: PROPERTY_SEED, numRuns: PROPERTY_RUNS },
      );
      console.log(
        `mutations tried: ${[...kinds]
          .sort()
          .map(([kind, count]) => `${kind} ${count}`)
          .join(", ")}`,
      );
    },
    TIMEOUT,
  );

  it(
    "make gen exit 1 without a stack trace, and leave the output directory byte for byte as it was",
    () => {
      const bundled = new Set(readdirSync(CATALOGS));
      const ids = new Set<string>();
      // Each mutant's file and source must not replace a bundled catalog or another mutant's source.
      const mutants = fc
        .sample(mutantArbitrary, { seed: PROPERTY_SEED + 1, numRuns: CLI_RUNS * 2 })
        .filter((mutant) => {
          const id = mutant.source.vendor.id;
          const fresh = !bundled.has(mutant.fileName) && !bundled.has(`${id}.yaml`) && !ids.has(id);
          ids.add(id);
          return fresh;
        })
        .slice(0, CLI_RUNS);
      // The output holds the bundled vendors and every mutant's valid source; gen then sees the bundled catalogs beside one broken catalog at a time.
      const sources = tempDir("codebook-property-invalid-sources-");
      cpSync(CATALOGS, sources, { recursive: true });
      for (const mutant of mutants) writeFileSync(join(sources, `${mutant.source.vendor.id}.yaml`), catalogYaml(mutant.source));
      const out = tempDir("codebook-property-invalid-out-");
      // One cache for these runs: the bundled catalogs come from it, as in a user's repeated runs; a broken catalog never can.
      const cache = ["--cache-dir", tempDir("codebook-property-invalid-cache-")];
      const first = runGen(["--catalogs", sources, "--out", out, ...cache]);
      expect(first.status, first.stderr).toBe(0);
      const before = readTree(out);
      const problems: string[] = [];
      for (const mutant of mutants) {
        const catalogs = tempDir("codebook-property-invalid-catalogs-");
        cpSync(CATALOGS, catalogs, { recursive: true });
        writeFileSync(join(catalogs, mutant.fileName), mutant.bytes);
        const run = runGen(["--catalogs", catalogs, "--out", out, ...cache]);
        const what = describeMutant(mutant);
        if (run.status !== 1) problems.push(`${what}: exit ${run.status}\n${run.stderr.slice(0, 1000)}`);
        if (STACK_FRAME.test(run.stderr)) problems.push(`${what}: stack trace\n${run.stderr.slice(0, 2000)}`);
        if (!run.stderr.includes(`${join(catalogs, mutant.fileName)}:`)) problems.push(`${what}: no diagnostic names the file\n${run.stderr.slice(0, 1000)}`);
        const after = readTree(out);
        const changed = [...new Set([...before.keys(), ...after.keys()])].filter((path) => !before.get(path)?.equals(after.get(path) ?? Buffer.alloc(0)));
        if (changed.length > 0) problems.push(`${what}: changed ${changed.join(", ")}`);
        // A failing case keeps its catalogs directory for inspection.
        if (!problems.some((problem) => problem.startsWith(what))) rmSync(catalogs, { recursive: true, force: true });
      }
      expect(problems, problems.join("\n\n")).toEqual([]);
      for (const dir of [sources, out, cache[1] ?? ""]) rmSync(dir, { recursive: true, force: true });
    },
    TIMEOUT,
  );
});
