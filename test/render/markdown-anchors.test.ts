import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import type { RawCatalog } from "../../src/catalog/raw-catalog.js";
import { buildVendor } from "../../src/model/build-model.js";
import { markdownVendorView } from "../../src/render/views/markdown-view.js";
import { CATALOGS } from "../support/paths.js";

describe("anchors on a vendor's page", () => {
  it("keep every set's plain id, which the index and the error response link to, when a code's anchor clashes with it", () => {
    // Set "a" has a code "b", whose anchor would be "a-b": the id of the next set, which comes later on the page.
    const raw = parseDocument(readFileSync(join(CATALOGS, "coupon-credit.yaml"), "utf8")).toJS() as RawCatalog;
    const template = raw.codeSets[0] as RawCatalog["codeSets"][number];
    const first = template.codes[0] as (typeof template.codes)[number];
    const catalog: RawCatalog = {
      ...raw,
      codeSets: [
        { ...template, id: "a", typeName: "FirstCode", codes: [{ ...first, code: "b" }] },
        { ...template, id: "a-b", typeName: "SecondCode", codes: [{ ...first, code: "c" }] },
      ],
    };
    const view = markdownVendorView(buildVendor(catalog, "catalogs/coupon-credit.yaml"));
    expect(view.codeSets.map((set) => set.anchor)).toEqual(["a", "a-b"]);
    const ids = view.codeSets.flatMap((set) => set.groups.flatMap((group) => group.entries.map((entry) => entry.id)));
    expect(ids).toEqual(["a-b-2", "a-b-c"]);
  });

  it("keep a code's anchor when a category with the code's id is added: categories have a namespace of their own", () => {
    // A symbolic code "fraud" in set "d" has the anchor d-fraud; a category "fraud" once took it and moved the code to d-fraud-2.
    const raw = parseDocument(readFileSync(join(CATALOGS, "coupon-credit.yaml"), "utf8")).toJS() as RawCatalog;
    const template = raw.codeSets[0] as RawCatalog["codeSets"][number];
    const first = template.codes[0] as (typeof template.codes)[number];
    const { category: _category, ...plain } = first;
    const set = { ...template, id: "d", typeName: "DeclineCode", codeKind: "symbolic" as const, codes: [{ ...plain, code: "fraud" }] };
    const { width: _width, ...symbolicSet } = set;
    const ids = (catalog: RawCatalog) => {
      const view = markdownVendorView(buildVendor(catalog, "catalogs/coupon-credit.yaml"));
      return {
        codes: view.codeSets.flatMap((s) => s.groups.flatMap((group) => group.entries.map((entry) => entry.id))),
        categories: view.codeSets.flatMap((s) => s.groups.flatMap((group) => (group.anchor === null ? [] : [group.anchor]))),
      };
    };
    const before = ids({ ...raw, codeSets: [{ ...symbolicSet, categories: [] }] });
    const after = ids({
      ...raw,
      codeSets: [{ ...symbolicSet, categories: [{ id: "fraud", title: "Fraud" }], codes: [{ ...first, code: "fraud", category: "fraud" }] }],
    });
    expect(before.codes).toEqual(["d-fraud"]);
    expect(after.codes).toEqual(["d-fraud"]);
    expect(after.categories).toEqual(["category-d-fraud"]);
  });
});
