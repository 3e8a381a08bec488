import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "../support/paths.js";
import { runGen, tempDir } from "../support/run-gen.js";

/** A second vendor whose integer code 2310 (and an uncoded error) share a code with PhonePOS's BATTERY_TOO_LOW. */
const OTHER_VENDOR = `vendor:
  id: other-pay
  name: Other Pay
  summary: A second vendor for explain.
codeSets:
  - id: errors
    typeName: OtherError
    title: Other Errors
    codeKind: integer
    codes:
      - code: 2310
        name: LIMIT_REACHED
        message: "Limit reached"
        retry: { policy: after-delay, minDelaySeconds: 5, maxDelaySeconds: 10 }
        deprecated: { reason: "Use LIMIT_EXCEEDED.", replacement: LIMIT_EXCEEDED }
      - code: 2311
        name: LIMIT_EXCEEDED
    uncoded:
      - name: RATE_LIMITED
        httpStatus: 429
        message: "Too many requests"
`;

/** What explain prints for PhonePOS's 2310. */
const BATTERY_TOO_LOW = [
  "phonepos:2310 BATTERY_TOO_LOW",
  "  PhonePOS · Terminal Error Codes (terminal-error, TerminalErrorCode)",
  "  Description: The battery level is too low for personalisation (<=15%) or transaction (<=10%).",
  "  Action: Instruct the user to charge the device first.",
  "  Scope: General 🌎 (general)",
  "  Outcome: user-action-required; retry manual (by code, codebook's judgement)",
  "  Docs: generated/docs/phonepos.md#terminal-error-2310",
  "",
];

function catalogsWithOther(): string {
  const dir = tempDir();
  cpSync(CATALOGS, dir, { recursive: true });
  writeFileSync(join(dir, "other-pay.yaml"), OTHER_VENDOR);
  return dir;
}

describe("gen explain", () => {
  it("shows everything the catalog says about a code, and where its docs are", () => {
    const run = runGen(["explain", "2310"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(BATTERY_TOO_LOW.join("\n"));
  });

  it("accepts a name (case ignored), a quoted code, and vendor: and vendor:set: prefixes", () => {
    for (const query of ["BATTERY_TOO_LOW", "battery_too_low", "phonepos:2310", "phonepos:terminal-error:2310", "phonepos:BATTERY_TOO_LOW"]) {
      const run = runGen(["explain", query]);
      expect(run.status, query).toBe(0);
      expect(run.stdout.split("\n")[0], query).toBe("phonepos:2310 BATTERY_TOO_LOW");
    }
    const quoted = runGen(["explain", '"0100"']);
    expect(quoted.stdout.split("\n")[0]).toBe("phonepos:0100 INVALID_JSON");
    // Zero padding is significant, as in fromCode: 100 is the primary status, not the terminal error 0100.
    const unpadded = runGen(["explain", "100"]);
    expect(unpadded.stdout.split("\n")[0]).toBe("phonepos:100 STATUS_PERSONALIZATION_FAILED");
    expect(unpadded.stdout).not.toContain("INVALID_JSON");
  });

  it("lists every match across vendors and sets, with translations, placeholders, retry and deprecation", () => {
    const catalogs = catalogsWithOther();
    const run = runGen(["explain", "2310", "--catalogs", catalogs]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        "other-pay:2310 LIMIT_REACHED",
        "  Other Pay · Other Errors (errors, OtherError)",
        "  Message: Limit reached",
        "  Retry: after-delay (5–10 s)",
        "  Deprecated:",
        "    reason: Use LIMIT_EXCEEDED.",
        "    replacement: LIMIT_EXCEEDED",
        // A catalog that states no outcomes: the taxonomy's fallback, with the code's own retry.
        "  Outcome: unknown; retry after-delay, 5 to 10 s (by default, nothing stated)",
        "  Docs: generated/docs/other-pay.md#errors-2310",
        "",
        ...BATTERY_TOO_LOW,
      ].join("\n"),
    );
    const secupay = runGen(["explain", "PASSWORD_IS_EXPIRED"]);
    expect(secupay.stdout).toContain("  Placeholders: {recovery_url} The URL of the password recovery page.\n");
    expect(secupay.stdout).toContain(
      "  Translations:\n    de:\n      description: Ihr Passwort ist abgelaufen. Bitte vergeben Sie ein Neues unter {recovery_url}.\n",
    );
  });

  it("finds errors that carry no code by name", () => {
    const run = runGen(["explain", "rate_limited", "--catalogs", catalogsWithOther()]);
    expect(run.stdout).toBe(
      [
        "other-pay:RATE_LIMITED (uncoded)",
        "  Other Pay · Other Errors (errors, OtherError)",
        "  HTTP status: 429",
        "  Message: Too many requests",
        "  Outcome: unknown; retry manual (by default, nothing stated)",
        "  Docs: generated/docs/other-pay.md#errors-uncoded-RATE_LIMITED",
        "",
      ].join("\n"),
    );
  });

  it("--format json gives the same for scripts", () => {
    const run = runGen(["explain", "2310", "--format", "json", "--catalogs", catalogsWithOther(), "--out", "build"]);
    expect(run.status).toBe(0);
    const data = JSON.parse(run.stdout) as { query: string; matches: Record<string, unknown>[]; suggestions: string[] };
    expect(data.query).toBe("2310");
    expect(data.suggestions).toEqual([]);
    expect(data.matches).toEqual([
      {
        vendor: { id: "other-pay", name: "Other Pay" },
        codeSet: { id: "errors", title: "Other Errors", typeName: "OtherError" },
        kind: "code",
        code: 2310,
        name: "LIMIT_REACHED",
        message: "Limit reached",
        retry: { policy: "after-delay", minDelaySeconds: 5, maxDelaySeconds: 10 },
        deprecated: { reason: "Use LIMIT_EXCEEDED.", replacement: "LIMIT_EXCEEDED" },
        outcome: { id: "unknown", retry: { policy: "after-delay", minDelaySeconds: 5, maxDelaySeconds: 10 }, basis: "default" },
        docs: "build/docs/other-pay.md#errors-2310",
      },
      {
        vendor: { id: "phonepos", name: "PhonePOS" },
        codeSet: { id: "terminal-error", title: "Terminal Error Codes", typeName: "TerminalErrorCode" },
        kind: "code",
        code: "2310",
        name: "BATTERY_TOO_LOW",
        description: "The battery level is too low for personalisation (<=15%) or transaction (<=10%).",
        action: "Instruct the user to charge the device first.",
        scope: { id: "general", title: "General", symbol: "🌎" },
        outcome: {
          id: "user-action-required",
          retry: { policy: "manual" },
          basis: "code",
          source: "codebook",
          evidence: expect.stringContaining("a person must charge it"),
        },
        docs: "build/docs/phonepos.md#terminal-error-2310",
      },
    ]);
  });

  it("no match: exit 1, with the closest codes and names", () => {
    const run = runGen(["explain", "BATTERY_TO_LOW"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe('gen explain: no code or name "BATTERY_TO_LOW" in the catalogs of catalogs\nDid you mean:\n  phonepos:2310 (BATTERY_TOO_LOW)\n');
    const json = runGen(["explain", "phonepos:2399", "--format", "json"]);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ query: "phonepos:2399", matches: [], suggestions: ["phonepos:2319 (EMV_UPLOAD_FAILED)"] });
    // A vendor: prefix narrows the suggestions too.
    const scoped = runGen(["explain", "secupay:2310"]);
    expect(scoped.status).toBe(1);
    expect(scoped.stderr).toBe(
      'gen explain: no code or name "secupay:2310" in the catalogs of catalogs\nDid you mean:\n  secupay:2010 (NOT_ALLOWED_TO_START_UPDATE_PREPARE_STX)\n',
    );
    const far = runGen(["explain", "nothing-like-it"]);
    expect(far.stderr).toBe(
      'gen explain: no code or name "nothing-like-it" in the catalogs of catalogs\nGive a code (2310, 0100), a name (BATTERY_TOO_LOW), or either after a vendor id (phonepos:2310).\n',
    );
  });

  it("reports broken catalogs as validate does, and exits 1", () => {
    const catalogs = tempDir();
    writeFileSync(join(catalogs, "bad.yaml"), "vendor: [\n");
    const run = runGen(["explain", "2310", "--catalogs", catalogs]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/bad\.yaml:\d+:\d+ error yaml-syntax /);
  });
});
