import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as generated from "../../generated/ts/index.js";
import { compileTypeScript } from "../support/compile.js";
import { GENERATED } from "../support/paths.js";

interface Exported {
  vendors: {
    id: string;
    codeSets: {
      typeName: string;
      codeKind: string;
      width?: number;
      codes: { code: string | number; name: string; message?: string; description?: string }[];
    }[];
  }[];
}

const catalog = JSON.parse(readFileSync(join(GENERATED, "catalog.json"), "utf8")) as Exported;

interface EnumApi {
  fromCode(code: string | number): unknown;
  getCode(member: unknown): string | number;
  values(): readonly unknown[];
  valueOf(name: string): unknown;
  info(member: unknown): { name: string; message: string | null; description: string | null };
  parse(code: string | number): { known: boolean; code: unknown };
  [member: string]: unknown;
}

const namespaceOf = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const api = (vendorId: string, typeName: string) =>
  (generated as unknown as Record<string, Record<string, EnumApi>>)[namespaceOf(vendorId)]?.[typeName] as EnumApi;
const maps = (vendorId: string, typeName: string) => {
  const module = (generated as unknown as Record<string, Record<string, ReadonlyMap<unknown, { name: string }>>>)[namespaceOf(vendorId)];
  const prefix = typeName.charAt(0).toLowerCase() + typeName.slice(1);
  return { byCode: module?.[`${prefix}ByCode`], byName: module?.[`${prefix}ByName`] };
};

describe("generated TypeScript", () => {
  it("compiles with tsc under strict, noUncheckedIndexedAccess and exactOptionalPropertyTypes", () => {
    const result = compileTypeScript(join(GENERATED, "ts"), ["index.ts"]);
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });

  for (const vendor of catalog.vendors) {
    for (const set of vendor.codeSets) {
      it(`round-trips every ${vendor.id} ${set.typeName} by code, by number and by name`, () => {
        const type = api(vendor.id, set.typeName);
        const { byCode, byName } = maps(vendor.id, set.typeName);
        expect(type.values()).toHaveLength(set.codes.length);
        set.codes.forEach((entry, index) => {
          const member = type[entry.name];
          expect(member).toBe(entry.code);
          expect(type.fromCode(entry.code)).toBe(member);
          expect(type.fromCode(String(entry.code))).toBe(member);
          if (set.codeKind !== "symbolic") expect(type.fromCode(Number(entry.code))).toBe(member);
          expect(type.valueOf(entry.name)).toBe(member);
          expect(type.getCode(member)).toBe(entry.code);
          expect(type.values()[index]).toBe(member);
          expect(type.info(member).name).toBe(entry.name);
          expect(type.info(member).message).toBe(entry.message ?? null);
          expect(type.info(member).description).toBe(entry.description ?? null);
          expect(byCode?.get(entry.code)?.name).toBe(entry.name);
          expect(byName?.get(entry.name)?.name).toBe(entry.name);
          expect(type.parse(entry.code)).toMatchObject({ known: true, code: member });
        });
      });

      it(`gives null for unknown ${vendor.id} ${set.typeName} codes and throws for unknown names`, () => {
        const type = api(vendor.id, set.typeName);
        for (const unknown of ["", " ", "99999999", "__proto__", "constructor", "toString", "hasOwnProperty"]) {
          expect(type.fromCode(unknown)).toBeNull();
          expect(type.parse(unknown)).toEqual({ known: false, code: unknown });
        }
        if (set.codeKind !== "symbolic") {
          for (const unknown of [99_999_999, -1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) expect(type.fromCode(unknown)).toBeNull();
        }
        expect(() => type.valueOf("NO_SUCH_NAME")).toThrow(`No enum constant ${set.typeName}.NO_SUCH_NAME`);
        expect(() => type.valueOf("__proto__")).toThrow();
        const { byCode, byName } = maps(vendor.id, set.typeName);
        expect(byCode?.get("__proto__")).toBeUndefined();
        expect(byName?.get("constructor")).toBeUndefined();
      });
    }
  }

  it("pads digit codes like Java's %04d and keeps zero padding significant", () => {
    const terminal = generated.phonepos.TerminalErrorCode;
    expect(terminal.fromCode(100)).toBe(terminal.INVALID_JSON);
    expect(terminal.fromCode("0100")).toBe(terminal.INVALID_JSON);
    expect(terminal.fromCode("100")).toBeNull();
    expect(terminal.fromCode(" 0100")).toBeNull();
    expect(terminal.fromCode(2310)).toBe(terminal.BATTERY_TOO_LOW);
    expect(generated.formatDigits(-5, 4)).toBe("-005");
    expect(generated.formatDigits(123456, 4)).toBe("123456");
    expect(generated.formatDigits(1.5, 4)).toBeNull();
  });

  it("matches integer codes only in canonical decimal form", () => {
    const external = generated.externalApi.ErrorCode;
    expect(external.fromCode(13005)).toBe(external.TERMINAL_BUSY);
    expect(external.fromCode("13005")).toBe(external.TERMINAL_BUSY);
    expect(external.fromCode("013005")).toBeNull();
    expect(external.fromCode("+13005")).toBeNull();
    expect(external.fromCode("13005.0")).toBeNull();
  });

  it("formats messages with placeholders, in the default text and in a translation", () => {
    const secupay = generated.secupay.ErrorCode;
    const url = "https://example.test/$&{recovery_url}";
    expect(secupay.format(secupay.PASSWORD_IS_EXPIRED, { recovery_url: url })).toBe(`Your password has expired. Please visit ${url} and assign a new one.`);
    expect(secupay.format(secupay.PASSWORD_IS_EXPIRED, { recovery_url: "X" }, { locale: "de" })).toBe(
      "Ihr Passwort ist abgelaufen. Bitte vergeben Sie ein Neues unter X.",
    );
    expect(secupay.format(secupay.ACCOUNT_ALREADY_EXISTS, { email: "a@b.test" })).toBe("account for a@b.test already exists");
    const wlw = generated.wlw.ResponseStatusCode;
    expect(wlw.format(wlw.ENDPOINT_ERROR, { endpoint: "updateMobileTransaction" })).toBe("updateMobileTransaction Error");
  });

  it("matches the External API's uncoded idempotency conflicts by HTTP status and message", () => {
    const external = generated.externalApi.ErrorCode;
    expect(external.matchUncoded(409, "Idempotency key reused with a different request body.")?.name).toBe("IDEMPOTENCY_KEY_REUSED_WITH_DIFFERENT_BODY");
    expect(external.matchUncoded(409, " Idempotency key already used for a different endpoint.\n")?.name).toBe("IDEMPOTENCY_KEY_USED_FOR_DIFFERENT_ENDPOINT");
    expect(external.matchUncoded(400, "Idempotency key reused with a different request body.")).toBeNull();
    expect(external.matchUncoded(409, "External device is busy.")).toBeNull();
    expect(external.uncoded()).toHaveLength(2);
  });
});
