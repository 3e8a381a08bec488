import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileJavaTree } from "../support/java.js";
import { type ResponseProbe, runResponsesHarness } from "../support/java-responses.js";
import { GENERATED } from "../support/paths.js";
import { bodyTextOf, bodyWith, responseCorpus } from "../support/responses.js";
import { tempDir } from "../support/run-gen.js";
import { handlingApi, type TsStyleName } from "../support/ts-styles.js";

interface Exported {
  vendors: {
    id: string;
    javaPackage: string;
    errorResponse?: { fields: { path: string; codeSet?: string }[] };
    codeSets: { id: string; codeKind: string; codes: { code: string | number }[]; uncoded?: { httpStatus: number; message: string }[] }[];
  }[];
}

const catalog = JSON.parse(readFileSync(join(GENERATED, "catalog.json"), "utf8")) as Exported;
const namespaceOf = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const parsers = catalog.vendors.filter((vendor) => vendor.errorResponse?.fields.some((field) => field.codeSet));
const classOf = (vendorId: string) => {
  const vendor = catalog.vendors.find((candidate) => candidate.id === vendorId);
  const name = namespaceOf(vendorId);
  return `${vendor?.javaPackage}.${name.charAt(0).toUpperCase()}${name.slice(1)}Responses`;
};
const javaFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? javaFiles(join(dir, entry.name)) : entry.name.endsWith(".java") ? [join(dir, entry.name)] : [],
  );

/** A probe, and what the TypeScript answers in each style: parseResponse's result and decide's, as JSON. */
function probe(vendor: string, json: string, httpStatus: number | undefined): { probe: ResponseProbe; expected: Record<TsStyleName, string> } {
  const answer = (style: TsStyleName) => {
    const api = handlingApi(style, vendor);
    const parsed = api.parseResponse(JSON.parse(json), httpStatus);
    return `${JSON.stringify(parsed)}\t${JSON.stringify(api.decide(parsed))}`;
  };
  return { probe: { className: classOf(vendor), httpStatus, json }, expected: { enum: answer("enum"), erasable: answer("erasable") } };
}

/** Random bodies built from the envelopes' own keys (and hostile ones), with values of every JSON type. */
function randomBodies(vendor: string, count: number): string[] {
  const keys = fc.constantFrom(
    "__proto__",
    "constructor",
    "error",
    "code",
    "message",
    "traceId",
    "status",
    "statusCode",
    "statusDetails",
    "statusDescription",
    "errorModel",
    "errorCode",
    "errorCode ",
    "",
  );
  const scalar = fc.oneof(
    fc.integer({ min: -20_000, max: 120_000 }),
    fc.constantFrom(0.5, -0, 1e3, 13005.0, 370),
    fc.string({ maxLength: 6 }),
    fc.constantFrom("370", "0100", "13005", "AUTHORIZATION", " 13005", "Idempotency key reused with a different request body."),
    fc.boolean(),
    fc.constant(null),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      scalar,
      fc.dictionary(keys, tie("node"), { maxKeys: 4 }),
      fc.array(tie("node"), { maxLength: 3 }),
    ),
  })).node;
  return fc.sample(value, { numRuns: count, seed: vendor.length * 7919 }).map((body) => JSON.stringify(body) ?? "null");
}

describe("generated response parsers: Java agrees with TypeScript", () => {
  const classes = tempDir("codebook-java-responses-");
  // Compiled for Java 8, the oldest release the output supports: the agreement below holds for those classes.
  const compiled = compileJavaTree(javaFiles(join(GENERATED, "java")), classes, { release: 8 });

  it("compile with javac --release 8 -Xlint:all -Werror", () => {
    expect(compiled.output).toBe("");
    expect(compiled.status).toBe(0);
  });

  it("give the same parsed result and decision on every body of the corpus, every code of every set, and random bodies, in both TypeScript styles; neither throws", () => {
    const all: { probe: ResponseProbe; expected: Record<TsStyleName, string> }[] = [];
    for (const entry of responseCorpus()) all.push(probe(entry.vendor, bodyTextOf(entry), entry.httpStatus));
    for (const vendor of parsers) {
      for (const field of vendor.errorResponse?.fields.filter((candidate) => candidate.codeSet) ?? []) {
        const set = vendor.codeSets.find((candidate) => candidate.id === field.codeSet);
        for (const code of set?.codes ?? []) {
          all.push(probe(vendor.id, JSON.stringify(bodyWith(field.path, code.code)), undefined));
          // The other JSON type where the kind allows it: a number as a string, digits as a number.
          if (set?.codeKind !== "symbolic") {
            const other = typeof code.code === "number" ? String(code.code) : Number(code.code);
            all.push(probe(vendor.id, JSON.stringify(bodyWith(field.path, other)), 400));
          }
        }
        for (const status of [undefined, 200, 400, 404, 409, 500, 503]) all.push(probe(vendor.id, JSON.stringify(bodyWith(field.path, 98_765)), status));
        for (const entry of set?.uncoded ?? []) {
          const messageField = field.path.replace(/[^.]+$/, "message");
          all.push(probe(vendor.id, JSON.stringify(bodyWith(messageField, entry.message)), entry.httpStatus));
          all.push(probe(vendor.id, JSON.stringify(bodyWith(messageField, ` ${entry.message}\n`)), undefined));
        }
      }
      for (const json of randomBodies(vendor.id, 400)) all.push(probe(vendor.id, json, 409));
    }
    all.push(probe("external-api", JSON.stringify(" ".repeat(10 * 1024 * 1024)), 502));
    all.push(probe("external-api", JSON.stringify({ error: { message: `${" ".repeat(1024 * 1024)}x` } }), 409));

    const answers = runResponsesHarness(
      tempDir("codebook-responses-harness-"),
      classes,
      parsers.map((vendor) => classOf(vendor.id)),
      all.map((entry) => entry.probe),
    );
    expect(answers).toHaveLength(all.length);
    const mismatches = all.flatMap((entry, index) =>
      (["enum", "erasable"] as const).flatMap((style) =>
        answers[index] === entry.expected[style]
          ? []
          : [
              `${entry.probe.className} ${entry.probe.json.slice(0, 200)}\n java ${answers[index]?.slice(0, 600)}\n ts (${style}) ${entry.expected[style].slice(0, 600)}`,
            ],
      ),
    );
    expect(mismatches).toEqual([]);
    // The probes reach every kind of answer: known codes, unknown ones, uncoded matches and malformed bodies.
    expect(answers.filter((answer) => answer.includes('"known":true,"retired":false,"codeSet"')).length).toBeGreaterThan(150);
    expect(answers.some((answer) => answer.includes('"known":false'))).toBe(true);
    expect(answers.some((answer) => answer.includes('"code":null,"name":"IDEMPOTENCY_KEY_REUSED_WITH_DIFFERENT_BODY"'))).toBe(true);
    expect(answers.some((answer) => answer.includes('"wellFormed":false'))).toBe(true);
  });
});
