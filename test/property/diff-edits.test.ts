import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCatalogs } from "../../src/catalog/load-catalogs.js";
import type { RawCatalog, RawCode, RawCodeSet } from "../../src/catalog/raw-catalog.js";
import { buildSides } from "../../src/diff/build-sides.js";
import type { Change } from "../../src/diff/change.js";
import { diffCatalogSets } from "../../src/diff/diff-catalogs.js";
import { ROOT } from "../support/paths.js";
import { PROPERTY_RUNS, PROPERTY_SEED } from "./settings.js";

/*
 * Random edits of the bundled catalogs, each compared with the original through the same validation and
 * model gen diff uses: every edit that changes a wire value is reported as a wire change, and every
 * edit that only adds (a code, a case, a set, a vendor, a translation, a text) is reported, and as
 * additive only.
 */

type Catalogs = RawCatalog[];
const bundled: Catalogs = loadCatalogs(`${ROOT}/catalogs`, ROOT).catalogs.map((valid) => valid.catalog);
const clone = (catalogs: Catalogs): Catalogs => JSON.parse(JSON.stringify(catalogs)) as Catalogs;
/** JSON is YAML: the edited data goes through the same decoding, schema and checks as a catalog file. */
const inputs = (catalogs: Catalogs) =>
  catalogs.map((catalog) => ({ path: `catalogs/${catalog.vendor.id}.yaml`, bytes: new TextEncoder().encode(JSON.stringify(catalog, null, 1)) }));
const before = buildSides(inputs(bundled));

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? Mutable<U>[] : T[K] extends object ? Mutable<T[K]> : T[K] };
type Edit = (catalogs: Mutable<RawCatalog>[]) => void;

/** Where an edit applies: a vendor, one of its sets and one of that set's codes, chosen by three numbers. */
const target = fc.tuple(fc.nat(), fc.nat(), fc.nat());
function pick(catalogs: Mutable<RawCatalog>[], [v, s, c]: [number, number, number]) {
  const catalog = catalogs[v % catalogs.length] as Mutable<RawCatalog>;
  const set = catalog.codeSets[s % catalog.codeSets.length] as Mutable<RawCodeSet>;
  const code = set.codes[c % set.codes.length] as Mutable<RawCode>;
  return { catalog, set, code, index: c % set.codes.length };
}

/** A value of the set's kind that no code of it has, inside the code's category range when it has one. */
function freshCode(set: Mutable<RawCodeSet>, near: Mutable<RawCode>): number | string {
  const taken = new Set(set.codes.map((entry) => String(entry.code)));
  if (set.codeKind === "symbolic") {
    let value = `${String(near.code)}_X`;
    while (taken.has(value)) value += "X";
    return value;
  }
  if (set.codeKind === "alphanumeric") {
    // Digits and Z are in every alphabet the arbitraries draw; case may not matter, so compare upper-cased.
    const folded = new Set([...taken].map((code) => code.toUpperCase()));
    const width = set.width;
    for (let n = 0; ; n++) {
      const value = width === undefined ? `${String(near.code)}${"Z".repeat(n + 1)}` : String(n).padStart(width, "0");
      if (width !== undefined && value.length > width) break;
      if (!folded.has(value.toUpperCase())) return value;
    }
    throw new Error(`no free code in ${set.id}`);
  }
  const range = set.categories?.find((category) => category.id === near.category)?.range;
  const width = set.width ?? 0;
  const max = set.codeKind === "digits" ? 10 ** width - 1 : 2_000_000_000;
  const low = range?.min ?? 0;
  const high = Math.min(range?.max ?? max, max);
  for (let n = Number(near.code) + 1; n <= high; n++) {
    const value = set.codeKind === "digits" ? String(n).padStart(width, "0") : n;
    if (!taken.has(String(value))) return value;
  }
  for (let n = low; n <= high; n++) {
    const value = set.codeKind === "digits" ? String(n).padStart(width, "0") : n;
    if (!taken.has(String(value))) return value;
  }
  throw new Error(`no free code in ${set.id}`);
}

/** The deprecations that name this code as the replacement: a rename or a deletion must follow them to validate. */
function replacementsOf(set: Mutable<RawCodeSet>, name: string): { replacement?: string }[] {
  return set.codes.flatMap((entry) =>
    typeof entry.deprecated === "object" && entry.deprecated.replacement === name ? [entry.deprecated as { replacement?: string }] : [],
  );
}

const wireEdits: fc.Arbitrary<{ name: string; edit: Edit }> = fc.oneof(
  target.map((at) => ({
    name: `renumber ${at}`,
    edit: (catalogs: Mutable<RawCatalog>[]) => {
      const { set, code } = pick(catalogs, at);
      code.code = freshCode(set, code);
    },
  })),
  target.map((at) => ({
    name: `rename ${at}`,
    edit: (catalogs: Mutable<RawCatalog>[]) => {
      const { set, code } = pick(catalogs, at);
      for (const deprecation of replacementsOf(set, code.name)) deprecation.replacement = `${code.name}_RENAMED`;
      code.name = `${code.name}_RENAMED`;
    },
  })),
  target.map((at) => ({
    name: `delete code ${at}`,
    edit: (catalogs: Mutable<RawCatalog>[]) => {
      const { set, index, code } = pick(catalogs, at);
      for (const deprecation of replacementsOf(set, code.name)) delete deprecation.replacement;
      set.codes.splice(index, 1);
    },
  })),
  fc.nat().map((v) => ({
    name: `delete vendor ${v}`,
    edit: (catalogs: Mutable<RawCatalog>[]) => {
      catalogs.splice(v % catalogs.length, 1);
    },
  })),
);

/** The bundled catalogs state every code's outcome, so whatever an edit adds to them states one too. */
const ADDED_OUTCOME = { id: "unknown", source: "codebook", evidence: "Added by the property test." } as const;

const additiveEdits: fc.Arbitrary<{ name: string; edit: Edit }> = fc.oneof(
  target.map((at) => ({
    name: `add code ${at}`,
    edit: (catalogs: Mutable<RawCatalog>[]) => {
      const { set, code } = pick(catalogs, at);
      const entry: Mutable<RawCode> = {
        code: freshCode(set, code),
        name: `ADDED_${set.codes.length}`,
        description: "Added by the property test.",
        outcome: ADDED_OUTCOME,
      };
      if (code.category !== undefined) entry.category = code.category;
      set.codes.push(entry);
    },
  })),
  target.map((at) => ({
    name: `edit text ${at}`,
    edit: (catalogs: Mutable<RawCatalog>[]) => {
      const { code } = pick(catalogs, at);
      code.description = `${code.description ?? ""} (edited)`;
    },
  })),
  target.map((at) => ({
    name: `add translation ${at}`,
    edit: (catalogs: Mutable<RawCatalog>[]) => {
      const { code } = pick(catalogs, at);
      const texts = { ...(code.message === undefined ? {} : { message: code.message }), description: code.description ?? "Beschreibung." };
      if (code.description === undefined) code.description = "Beschreibung.";
      code.translations = { ...code.translations, xx: texts };
    },
  })),
  target.map((at) => ({
    name: `add uncoded ${at}`,
    edit: (catalogs: Mutable<RawCatalog>[]) => {
      const { set } = pick(catalogs, at);
      set.uncoded = [
        ...(set.uncoded ?? []),
        { name: `ADDED_CASE_${set.uncoded?.length ?? 0}`, httpStatus: 418, message: "Added by the property test.", outcome: ADDED_OUTCOME },
      ];
    },
  })),
  fc.nat().map((v) => ({
    name: `add code set ${v}`,
    edit: (catalogs: Mutable<RawCatalog>[]) => {
      const catalog = catalogs[v % catalogs.length] as Mutable<RawCatalog>;
      const n = catalog.codeSets.length;
      catalog.codeSets.push({
        id: `added-set-${n}`,
        typeName: `AddedSet${n}Code`,
        title: "Added",
        codeKind: "symbolic",
        codes: [{ code: "ADDED", name: "ADDED", outcome: ADDED_OUTCOME }],
      });
    },
  })),
  fc.constant({
    name: "add vendor",
    edit: (catalogs: Mutable<RawCatalog>[]) => {
      catalogs.push({
        vendor: { id: `added-vendor-${catalogs.length}`, name: "Added", summary: "Added by the property test." },
        codeSets: [
          {
            id: "added",
            typeName: `AddedVendor${catalogs.length}Code`,
            title: "Added",
            codeKind: "integer",
            codes: [{ code: 1, name: "ONE", outcome: ADDED_OUTCOME }],
          },
        ],
      });
    },
  }),
);

/** As gen diff does, a catalog whose text did not change is not read again: its side is the original's. */
function diffAfter(edits: readonly { edit: Edit }[]): Change[] {
  const catalogs = clone(bundled) as Mutable<RawCatalog>[];
  for (const { edit } of edits) edit(catalogs);
  const texts = new Map(inputs(bundled).map((input, index) => [new TextDecoder().decode(input.bytes), before.sides[index]]));
  const edited = inputs(catalogs as Catalogs).filter((input) => !texts.has(new TextDecoder().decode(input.bytes)));
  const after = buildSides(edited);
  expect(after.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const kept = inputs(catalogs as Catalogs).flatMap((input) => texts.get(new TextDecoder().decode(input.bytes)) ?? []);
  return diffCatalogSets(before.sides, [...kept, ...after.sides]);
}

describe("gen diff on random edits of the bundled catalogs", () => {
  it("reports nothing for the catalogs as they are", () => {
    expect(before.diagnostics).toEqual([]);
    expect(diffCatalogSets(before.sides, buildSides(inputs(clone(bundled))).sides)).toEqual([]);
  });

  it("reports every edit of a wire value as a wire change", () => {
    fc.assert(
      fc.property(wireEdits, additiveEdits, fc.boolean(), (wire, extra, withExtra) => {
        const changes = diffAfter(withExtra ? [wire, extra] : [wire]);
        expect(
          changes.some((change) => change.category === "wire"),
          `${wire.name}: ${JSON.stringify(changes.slice(0, 3))}`,
        ).toBe(true);
      }),
      { seed: PROPERTY_SEED, numRuns: Math.min(PROPERTY_RUNS, 100) },
    );
  });

  it("reports every edit that only adds, and as additive only", () => {
    fc.assert(
      fc.property(fc.array(additiveEdits, { minLength: 1, maxLength: 3 }), (edits) => {
        const changes = diffAfter(edits);
        expect(changes.length, edits.map((e) => e.name).join(", ")).toBeGreaterThan(0);
        expect(
          changes.filter((change) => change.category !== "additive"),
          edits.map((e) => e.name).join(", "),
        ).toEqual([]);
      }),
      { seed: PROPERTY_SEED, numRuns: Math.min(PROPERTY_RUNS, 100) },
    );
  });
});
