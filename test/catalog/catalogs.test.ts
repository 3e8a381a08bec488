import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalogs } from "../../src/catalog/load-catalogs.js";
import { buildModel } from "../../src/model/build-model.js";
import type { CodeSet, Vendor } from "../../src/model/types.js";
import { CATALOGS, FIXTURES, ROOT } from "../support/paths.js";

const loaded = loadCatalogs(CATALOGS, ROOT);
const model = buildModel(loaded.catalogs);
const vendor = (id: string): Vendor => {
  const found = model.vendors.find((v) => v.id === id);
  if (!found) throw new Error(`no vendor ${id}`);
  return found;
};
const set = (vendorId: string, setId: string): CodeSet => {
  const found = vendor(vendorId).codeSets.find((s) => s.id === setId);
  if (!found) throw new Error(`no set ${vendorId}/${setId}`);
  return found;
};

describe("the bundled catalogs", () => {
  it("all validate without a single diagnostic", () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(model.vendors.map((v) => v.id)).toEqual(["coupon-credit", "external-api", "phonepos", "secupay", "wlw"]);
  });

  // Counted by hand from each seed document in ../shared/seeds (copies in test/fixtures/seeds).
  it("hold every code of every seed", () => {
    expect(set("phonepos", "primary-status").codes).toHaveLength(6);
    expect(set("phonepos", "terminal-error").codes).toHaveLength(27);
    expect(set("coupon-credit", "error").codes).toHaveLength(12);
    expect(set("external-api", "error").codes).toHaveLength(12);
    expect(set("external-api", "error").uncoded).toHaveLength(2);
    expect(set("secupay", "error").codes).toHaveLength(121);
    expect(set("wlw", "response-status").codes).toHaveLength(29);
    expect(set("wlw", "payment-status").codes).toHaveLength(143);
  });

  it("count secupay's codes per category, with the five restored numbers", () => {
    const secupay = set("secupay", "error");
    const perCategory = Object.fromEntries(secupay.categories.map((c) => [c.id, secupay.codes.filter((code) => code.category === c.id).length]));
    expect(perCategory).toEqual({ internal: 16, authentication: 23, action: 34, format: 48 });
    expect(secupay.codes.filter((code) => code.restored).map((code) => code.code)).toEqual([3018, 4018, 4022, 4041, 4042]);
    for (const code of secupay.codes.filter((c) => c.restored)) expect(code.notes.join(" ")).toMatch(/restored/i);
  });

  it("keep wire names exactly, typos and casing included", () => {
    const payment = set("wlw", "payment-status");
    const names = new Set(payment.codes.map((c) => c.name));
    for (const name of ["SUBTRACT_LOYALTY_PONTS_SUCCESS", "MAX_BALALNCE_EXCEEDED", "Success"]) expect(names).toContain(name);
    expect(payment.codes.find((c) => c.name === "Success")?.wire).toBe("340");
    expect(set("phonepos", "terminal-error").codes[0]?.wire).toBe("0100");
  });

  it("tell the WLW sets apart where the same number means different things", () => {
    const response = set("wlw", "response-status");
    const payment = set("wlw", "payment-status");
    for (const code of ["341", "360", "361", "370", "385", "386"]) {
      const a = response.codes.find((c) => c.wire === code);
      const b = payment.codes.find((c) => c.wire === code);
      expect(a?.name).toBeDefined();
      expect(b?.name).toBeDefined();
      expect(a?.name).not.toBe(b?.name);
    }
    expect(payment.categories).toHaveLength(22);
    expect(payment.categories.filter((c) => c.deprecated).map((c) => c.range)).toEqual([
      { min: 400, max: 409 },
      { min: 700, max: 749 },
    ]);
    const endpoint386 = response.codes.find((c) => c.wire === "386");
    expect(endpoint386?.message).toBe("<endpoint> Error");
    expect(endpoint386?.endpoints.filter((e) => e === "updateMobileTransaction")).toHaveLength(1);
    expect(response.codes.find((c) => c.wire === "427")?.reserved).toBe(true);
  });

  it("declare the placeholders of secupay's and WLW's messages", () => {
    const tokens = model.vendors.flatMap((v) => v.codeSets.flatMap((s) => s.codes.flatMap((c) => c.placeholders.map((p) => p.token))));
    for (const token of ["{recovery_url}", "{name}", "[$email]", "$method", "[$method]", "[ACC_XXX]", "<endpoint>"]) expect(tokens).toContain(token);
  });

  it("represent the External API's two idempotency conflicts without a code", () => {
    const uncoded = set("external-api", "error").uncoded;
    expect(uncoded.map((u) => [u.httpStatus, u.message])).toEqual([
      [409, "Idempotency key reused with a different request body."],
      [409, "Idempotency key already used for a different endpoint."],
    ]);
  });

  it("copy every vendor text verbatim from its seed (whitespace aside)", () => {
    const squash = (text: string) => text.replace(/\s+/g, " ").trim();
    for (const v of model.vendors) {
      const seed = squash(readFileSync(join(FIXTURES, "seeds", `${v.id}.txt`), "utf8"));
      for (const s of v.codeSets) {
        for (const code of s.codes) {
          const texts = [code.message, ...code.alternativeMessages, code.description, code.action, ...code.translations.flatMap((t) => Object.values(t.texts))];
          for (const text of texts) {
            if (text !== undefined) expect(seed, `${v.id} ${code.name}`).toContain(squash(text));
          }
          // Symbolic and vendor-named codes: the name is on the wire too.
          if (s.format.kind === "symbolic") expect(seed).toContain(code.name);
        }
        for (const entry of s.uncoded) expect(seed).toContain(squash(entry.message));
      }
    }
  });
});
