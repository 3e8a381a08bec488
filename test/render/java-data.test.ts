import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JAVA_CONSTANT_MAX_BYTES, modifiedUtf8Length, splitForConstants } from "../../src/render/escape/java.js";
import { JavaDataWriter } from "../../src/render/views/java-data.js";
import { PROPERTY_RUNS, PROPERTY_SEED } from "../property/settings.js";
import { HOSTILE_FRAGMENTS } from "../support/arbitraries.js";

const anyText = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE_FRAGMENTS, "\u0000", "\ud800", "😀", "é", "€", "a"), fc.string({ unit: "binary", maxLength: 6 })), {
    maxLength: 12,
  })
  .map((parts) => parts.join(""));

/** Modified UTF-8 the slow way: UTF-8 of each UTF-16 unit alone, with NUL as two bytes (JVM spec 4.4.7). */
const referenceLength = (text: string) =>
  [...Array(text.length).keys()].reduce(
    (sum, i) => sum + (text.charCodeAt(i) === 0 ? 2 : Buffer.byteLength(String.fromCharCode(text.charCodeAt(i)).replace(/[\ud800-\udfff]/, "\u0800"))),
    0,
  );

describe("Java string constants", () => {
  it("measures modified UTF-8 as the JVM does", () => {
    fc.assert(
      fc.property(anyText, (text) => modifiedUtf8Length(text) === referenceLength(text)),
      { numRuns: PROPERTY_RUNS * 5, seed: PROPERTY_SEED },
    );
    expect(modifiedUtf8Length("\u0000é€😀a")).toBe(2 + 2 + 3 + 6 + 1);
  });

  it("splits a text into pieces within the limit that join back into it", () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 3, max: 20 }), (text, max) => {
        const pieces = splitForConstants(text, max);
        expect(pieces.join("")).toBe(text);
        for (const piece of pieces) expect(modifiedUtf8Length(piece)).toBeLessThanOrEqual(max);
        // Full pieces: each but the last would overflow with the next unit.
        for (let i = 0; i + 1 < pieces.length; i++) expect(modifiedUtf8Length(`${pieces[i]}${pieces[i + 1]?.charAt(0)}`)).toBeGreaterThan(max);
      }),
      { numRuns: PROPERTY_RUNS * 5, seed: PROPERTY_SEED },
    );
    expect(splitForConstants("")).toEqual([""]);
    expect(JAVA_CONSTANT_MAX_BYTES).toBe(65_534);
  });
});

describe("the $Data text", () => {
  /** The decoder of templates/java/enum.java.hbs, in TypeScript: length, colon, characters; "-" for absent. */
  const decode = (text: string) => {
    const values: (string | null)[] = [];
    for (let position = 0; position < text.length; ) {
      if (text.charAt(position) === "-") {
        values.push(null);
        position += 1;
        continue;
      }
      const colon = text.indexOf(":", position);
      const start = colon + 1;
      const end = start + Number.parseInt(text.slice(position, colon), 10);
      values.push(text.slice(start, end));
      position = end;
    }
    return values;
  };

  it("reads back every value, whatever its characters", () => {
    fc.assert(
      fc.property(fc.array(fc.option(anyText, { nil: undefined })), (values) => {
        const out = new JavaDataWriter();
        for (const value of values) out.string(value);
        expect(decode(out.text())).toEqual(values.map((value) => value ?? null));
      }),
      { numRuns: PROPERTY_RUNS * 5, seed: PROPERTY_SEED },
    );
  });
});
