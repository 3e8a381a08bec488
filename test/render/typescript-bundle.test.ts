import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundleEntry, codeSetEntries } from "../../bench/bundle-sizes.mjs";
import { GENERATED } from "../support/paths.js";
import { GOLDEN_ERASABLE } from "../support/ts-styles.js";

interface ExportedSet {
  id: string;
  typeName: string;
  codes: { code: string | number; name: string }[];
}
interface Exported {
  vendors: { id: string; codeSets: ExportedSet[] }[];
}

/** A bundle of one member and fromCode holds that set alone: none of another set's members, of any vendor. */
function checkOneMemberBundles(generatedDir: string, style: "enum" | "erasable", catalogDir = generatedDir): void {
  const catalog = JSON.parse(readFileSync(join(catalogDir, "catalog.json"), "utf8")) as Exported;
  const all = catalog.vendors.flatMap((vendor) => vendor.codeSets.map((set) => ({ vendor: vendor.id, set })));
  for (const { vendor, set } of all) {
    it(`bundles ${vendor} ${set.typeName} without the other code sets and vendors`, () => {
      const bundle = bundleEntry(join(generatedDir, "ts"), codeSetEntries(`./${vendor}.js`, set, style).oneMember);
      // The set's own text, where another set's name might occur by chance (both sets may know a name).
      const own = JSON.stringify(set);
      expect(bundle).toContain(`${set.codes[0]?.name}`);
      const others = all.filter((other) => other.set !== set);
      for (const other of others) {
        const names = other.set.codes.map((entry) => entry.name).filter((name) => !own.includes(name));
        expect(names.length, `${other.vendor} ${other.set.typeName} has a name of its own`).toBeGreaterThan(0);
        const found = names.filter((name) => bundle.includes(name));
        expect(found, `${other.vendor} ${other.set.typeName} in the bundle of ${vendor} ${set.typeName}`).toEqual([]);
      }
    });
  }
}

describe("esbuild --bundle --minify of one member and fromCode (enum style)", () => {
  checkOneMemberBundles(GENERATED, "enum");
});

describe("esbuild --bundle --minify of one member and fromCode (erasable style)", () => {
  // The golden tree holds the ts target alone; catalog.json (the same for every style) comes from generated/.
  checkOneMemberBundles(GOLDEN_ERASABLE, "erasable", GENERATED);
});
