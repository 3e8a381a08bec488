import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinTaxonomy } from "../../src/outcomes/taxonomy.js";
import { GENERATED } from "../support/paths.js";

interface Exported {
  vendors: { id: string; codeSets: { codes: { resolution: { outcome: string } }[]; uncoded?: { resolution: { outcome: string } }[] }[] }[];
}

const catalog = JSON.parse(readFileSync(join(GENERATED, "catalog.json"), "utf8")) as Exported;
const page = readFileSync(join(GENERATED, "docs/outcomes.md"), "utf8");

describe("the docs show outcomes", () => {
  it("list every outcome of the taxonomy on the outcomes page, with each vendor's count of codes that lead to it", () => {
    const sections = page.split(/^<a id="/m).slice(1);
    expect(sections.map((section) => section.slice(0, section.indexOf('"')))).toEqual(builtinTaxonomy().outcomes.map((outcome) => outcome.id));
    let total = 0;
    for (const section of sections) {
      const id = section.slice(0, section.indexOf('"'));
      for (const vendor of catalog.vendors) {
        const count = vendor.codeSets.flatMap((set) => [...set.codes, ...(set.uncoded ?? [])]).filter((entry) => entry.resolution.outcome === id).length;
        total += count;
        if (count > 0) expect(section).toMatch(new RegExp(`^- \\[[^\\]]+\\]\\(\\./${vendor.id}\\.md\\): ${count} codes?$`, "m"));
        else expect(section).not.toContain(`](./${vendor.id}.md):`);
      }
    }
    expect(total).toBe(352);
  });

  it("lay the outcomes page out as lists, never a table (it must not scroll sideways on a phone)", () => {
    expect(page).not.toMatch(/^\|/m);
    // A symbolic code that is its own name shows once; long names may wrap after each underscore.
    expect(page).toContain("[<code>INSUFFICIENT_<wbr>CREDIT</code>](./coupon-credit.md#error-INSUFFICIENT_CREDIT)\n");
  });

  it("show each code's outcome, retry and where it came from on its vendor page", () => {
    const external = readFileSync(join(GENERATED, "docs/external-api.md"), "utf8");
    const entry = external.slice(external.indexOf('id="error-13005"'), external.indexOf("</article>", external.indexOf('id="error-13005"')));
    expect(entry).toContain('<div class="cb-field" data-field="outcome"><dt>Outcome</dt><dd><strong>busy</strong>; retry after-delay, 5 to 10 s</dd></div>');
    // Where it came from is folded with the notes.
    expect(entry).toMatch(/<details class="cb-notes">[\s\S]*<li>Outcome busy <em>by code, the vendor&#39;s word<\/em>: seed 002/);
    expect(entry).toContain('data-outcome="busy"');
    expect(external).toContain("- HTTP 5xx: <strong>unavailable</strong>, retry exponential-backoff, 1, 2, 4, 8 s (the vendor's word:");
    const coupon = readFileSync(join(GENERATED, "docs/coupon-credit.md"), "utf8");
    const credit = coupon.slice(
      coupon.indexOf('id="error-INSUFFICIENT_CREDIT"'),
      coupon.indexOf("</article>", coupon.indexOf('id="error-INSUFFICIENT_CREDIT"')),
    );
    expect(credit).toContain("<dt>Handling</dt><dd>If your POS does not support split payments:");
  });
});
