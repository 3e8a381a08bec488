import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as generated from "../../generated/ts/index.js";
import { GENERATED } from "../support/paths.js";
import { bodyOf, bodyWith, responseCorpus } from "../support/responses.js";

interface Parsed {
  wellFormed: boolean;
  problems: string[];
  errors: { known: boolean; codeSet: string; code: unknown; name: string | null; outcome: string; basis: string; retry: { policy: string } }[];
  support: { field: string; value: unknown }[];
}
interface Handling {
  parseResponse(body: unknown, httpStatus?: number): Parsed;
  decide(parsed: Parsed): {
    outcome: string;
    basis: string;
    retry: { policy: string; minDelaySeconds: number | null; maxDelaySeconds: number | null };
    action: string;
  };
}
interface Exported {
  vendors: {
    id: string;
    errorResponse?: { fields: { path: string; codeSet?: string }[] };
    codeSets: { id: string; codes: { code: string | number; name: string; resolution: { outcome: string; basis: string; retry: { policy: string } } }[] }[];
  }[];
}

const catalog = JSON.parse(readFileSync(join(GENERATED, "catalog.json"), "utf8")) as Exported;
const namespaceOf = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const handling = (vendor: string) => (generated as unknown as Record<string, Handling>)[namespaceOf(vendor)] as Handling;
const parsers = catalog.vendors.filter((vendor) => vendor.errorResponse?.fields.some((field) => field.codeSet));

describe("generated response parsers (TypeScript)", () => {
  it("exist exactly for the vendors with an errorResponse that names a code set", () => {
    expect(parsers.map((vendor) => vendor.id)).toEqual(["coupon-credit", "external-api", "phonepos", "wlw"]);
    expect("parseResponse" in (generated.secupay as object)).toBe(false);
  });

  for (const entry of responseCorpus()) {
    it(`${entry.vendor}: ${entry.name}`, () => {
      const api = handling(entry.vendor);
      const parsed = api.parseResponse(bodyOf(entry), entry.httpStatus);
      expect(parsed.wellFormed).toBe(parsed.problems.length === 0);
      const decision = api.decide(parsed);
      expect(typeof decision.outcome).toBe("string");
      expect(decision.action.length).toBeGreaterThan(0);
      for (const error of parsed.errors) expect(error.known).toBe(error.name !== null);
    });
  }

  for (const vendor of parsers) {
    for (const field of vendor.errorResponse?.fields.filter((candidate) => candidate.codeSet) ?? []) {
      it(`${vendor.id}: every code of ${field.codeSet} at ${field.path} parses to its member and its resolved outcome`, () => {
        const set = vendor.codeSets.find((candidate) => candidate.id === field.codeSet);
        for (const code of set?.codes ?? []) {
          const parsed = handling(vendor.id).parseResponse(bodyWith(field.path, code.code));
          expect(parsed.problems).toEqual([]);
          expect(parsed.errors).toHaveLength(1);
          expect(parsed.errors[0]).toMatchObject({
            known: true,
            codeSet: field.codeSet,
            code: code.code,
            name: code.name,
            outcome: code.resolution.outcome,
            basis: code.resolution.basis,
          });
          expect(parsed.errors[0]?.retry.policy).toBe(code.resolution.retry.policy);
          expect(handling(vendor.id).decide(parsed).outcome).toBe(code.resolution.outcome);
        }
      });
    }
  }

  it("never throw, and always say whether the body had the declared shape, on random JSON", () => {
    const hostileKeys = fc.constantFrom(
      "__proto__",
      "constructor",
      "toString",
      "error",
      "status",
      "statusDetails",
      "errorModel",
      "errorCode",
      "code",
      "message",
      "statusCode",
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small" },
        fc.jsonValue({ maxDepth: 2 }),
        fc.dictionary(hostileKeys, tie("node"), { maxKeys: 4 }),
        fc.array(tie("node"), { maxLength: 3 }),
      ),
    })).node;
    fc.assert(
      fc.property(
        fc.constantFrom(...parsers.map((vendor) => vendor.id)),
        value,
        fc.option(fc.integer({ min: 100, max: 599 }), { nil: undefined }),
        (vendor, body, status) => {
          const text = JSON.stringify(body);
          const parsed = handling(vendor).parseResponse(text === undefined ? body : JSON.parse(text), status);
          expect(parsed.wellFormed).toBe(parsed.problems.length === 0);
          expect(typeof handling(vendor).decide(parsed).outcome).toBe("string");
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("read a 10 MB string body or message without trouble, and never quote it in a problem", () => {
    const huge = " ".repeat(10 * 1024 * 1024);
    for (const vendor of parsers) {
      const parsed = handling(vendor.id).parseResponse(huge, 409);
      expect(parsed.wellFormed).toBe(false);
      expect(parsed.problems.join("").length).toBeLessThan(200);
    }
    const message = handling("external-api").parseResponse({ error: { message: `${huge}x` } }, 409);
    expect(message.errors).toEqual([]);
    // A regex trim would take minutes on ten million spaces followed by a letter (the test would time out); the loop takes milliseconds.
  });

  it("read only own properties: a throwing getter or a prototype never decides", () => {
    const hostile = Object.create({ error: { code: 12001 } }) as object;
    expect(handling("external-api").parseResponse(hostile).errors).toEqual([]);
    const throwing = {
      get error(): unknown {
        throw new Error("no");
      },
    };
    const parsed = handling("external-api").parseResponse(throwing, 500);
    expect(parsed.wellFormed).toBe(false);
    expect(parsed.problems).toEqual(["the body could not be read: Error"]);
  });
});

describe("the documents' own examples decide as the vendors say", () => {
  const external = () => handling("external-api");
  const retry = (policy: string, minDelaySeconds: number | null = null, maxDelaySeconds: number | null = null, delaysSeconds: number[] = []) => ({
    policy,
    minDelaySeconds,
    maxDelaySeconds,
    delaysSeconds,
  });

  it("External API 13005: the terminal is busy, retry after 5 to 10 s, and the traceId is kept", () => {
    const parsed = external().parseResponse(
      { success: false, error: { message: "External device is busy.", code: 13005, statusCode: 409, traceId: "abc" } },
      409,
    );
    expect(parsed.errors).toMatchObject([
      { known: true, code: 13005, name: "TERMINAL_BUSY", outcome: "busy", basis: "code", retry: retry("after-delay", 5, 10) },
    ]);
    expect(parsed.support).toEqual([{ field: "error.traceId", value: "abc" }]);
    expect(external().decide(parsed)).toMatchObject({ outcome: "busy", basis: "code", action: "Wait for the current transaction to finish and try again" });
  });

  it("External API: an unknown 13999 is a POS error by its range; an unknown code elsewhere follows the HTTP status, else the default", () => {
    expect(external().parseResponse({ error: { code: 13999 } }, 409).errors).toMatchObject([
      { known: false, code: 13999, name: null, outcome: "unavailable", basis: "category" },
    ]);
    expect(external().parseResponse({ error: { code: 55555 } }, 503).errors).toMatchObject([
      { known: false, outcome: "unavailable", basis: "http-status", retry: retry("exponential-backoff", null, null, [1, 2, 4, 8]) },
    ]);
    expect(external().parseResponse({ error: { code: 55555 } }, 422).errors).toMatchObject([
      { outcome: "invalid-request", basis: "http-status", retry: retry("never") },
    ]);
    expect(external().parseResponse({ error: { code: 55555 } }).errors).toMatchObject([{ outcome: "unknown", basis: "default" }]);
  });

  it("External API: the code-less 409s are idempotency conflicts to fix first; another 409 message falls to the HTTP rule", () => {
    const parsed = external().parseResponse({ error: { message: "Idempotency key reused with a different request body.", statusCode: 409 } }, 409);
    expect(parsed.errors).toMatchObject([
      { known: true, code: null, name: "IDEMPOTENCY_KEY_REUSED_WITH_DIFFERENT_BODY", outcome: "conflict", basis: "uncoded", retry: retry("after-fix") },
    ]);
    const other = external().parseResponse({ error: { message: "Something else" } }, 409);
    expect(other.errors).toEqual([]);
    expect(external().decide(other)).toMatchObject({ outcome: "conflict", basis: "http-status", retry: retry("after-fix"), error: null });
    expect(external().decide(external().parseResponse({ success: true }, 200))).toMatchObject({ outcome: "success", basis: "http-status" });
  });

  it("WLW: the status example's 370 is an unusable tender; several details decide by the most severe", () => {
    const example = handling("wlw").parseResponse({
      status: {
        statusCode: "FAILED",
        statusDescription: "Tender not supported",
        statusDetails: [{ statusCode: "370", statusDescription: "Tender not supported", statusType: "PLATFORM" }],
      },
    });
    expect(example.errors).toMatchObject([{ known: true, code: "370", name: "TENDER_NOT_SUPPORTED", outcome: "payment-method-invalid", basis: "code" }]);
    const several = handling("wlw").parseResponse({ status: { statusDetails: [{ statusCode: "360" }, { statusCode: 304 }, { statusCode: "443" }] } });
    expect(several.errors.map((error) => error.outcome)).toEqual(["unavailable", "invalid-request", "internal-error"]);
    expect(several.errors[2]?.retry).toEqual(retry("after-delay", 300));
    // invalid-request comes before internal-error and unavailable in the taxonomy's order.
    expect(handling("wlw").decide(several)).toMatchObject({ outcome: "invalid-request", basis: "code" });
  });

  it("Coupon: the errorModel example's placeholder ERROR_CODE is unknown; INSUFFICIENT_CREDIT keeps the vendor's retry", () => {
    expect(
      handling("coupon-credit").parseResponse({
        errorModel: { errorCode: "ERROR_CODE", message: "Human-readable description", descriptors: ["additional", "context"] },
      }).errors,
    ).toMatchObject([{ known: false, code: "ERROR_CODE", outcome: "unknown", basis: "default" }]);
    expect(handling("coupon-credit").parseResponse({ errorModel: { errorCode: "INSUFFICIENT_CREDIT" } }).errors).toMatchObject([
      { known: true, outcome: "insufficient-funds", retry: retry("after-fix") },
    ]);
  });

  it("PhonePOS: the primary status and the terminal error are both read; an operational terminal is a success", () => {
    const parsed = handling("phonepos").parseResponse({ status: 2, errorCode: 2310 });
    expect(parsed.errors.map((error) => [error.codeSet, error.code, error.outcome])).toEqual([
      ["primary-status", 2, "user-action-required"],
      ["terminal-error", "2310", "user-action-required"],
    ]);
    expect(handling("phonepos").decide(handling("phonepos").parseResponse({ status: 0 }))).toMatchObject({ outcome: "success", basis: "code" });
  });
});
