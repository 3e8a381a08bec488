import { describe, expect, it } from "vitest";
import { AWKWARD_STRINGS, compileAndRun, harnessSource, hex, INT_RANGE, seedTerminalErrorCodeSource } from "../support/java.js";
import { tempDir } from "../support/run-gen.js";
import { CATALOG, type SetApi, setApi, type TsStyleName } from "../support/ts-styles.js";

const terminalSet = CATALOG.vendors.find((vendor) => vendor.id === "phonepos")?.codeSets.find((set) => set.typeName === "TerminalErrorCode");
if (!terminalSet) throw new Error("the PhonePOS catalog no longer has TerminalErrorCode");
/** TerminalErrorCode in each TypeScript style: the enum with merged helpers, and the erasable set module. */
const STYLES: Record<TsStyleName, SetApi> = {
  enum: await setApi("enum", "phonepos", terminalSet),
  erasable: await setApi("erasable", "phonepos", terminalSet),
};

/** The name of a generated member, or "null": the same shape the Java harness prints. */
function tsName(api: SetApi, member: unknown): string {
  return member === null ? "null" : ((api.info(member) as { name?: string }).name ?? "?");
}

describe("generated TypeScript fromCode against the PhonePOS document's Java enum", () => {
  const javaLines = compileAndRun(
    tempDir(),
    { "TerminalErrorCode.java": seedTerminalErrorCodeSource(), "Harness.java": harnessSource("TerminalErrorCode") },
    "Harness",
    AWKWARD_STRINGS.map(hex),
  );

  for (const [style, api] of Object.entries(STYLES)) {
    it(`returns the same member, or null, for every int from ${INT_RANGE.from} to ${INT_RANGE.to} (${style} style)`, () => {
      const count = INT_RANGE.to - INT_RANGE.from + 1;
      const ts = Array.from({ length: count }, (_, index) => tsName(api, api.fromCode(INT_RANGE.from + index)));
      const java = javaLines.slice(0, count);
      expect(java.filter((line) => line !== "null")).toHaveLength(27);
      expect(ts).toEqual(java);
    });

    it(`returns the same for awkward strings (${style} style)`, () => {
      const java = javaLines.slice(INT_RANGE.to - INT_RANGE.from + 1);
      const ts = AWKWARD_STRINGS.map((text) => tsName(api, api.fromCode(text)));
      expect(ts).toEqual(java);
      expect(ts).toContain("INVALID_JSON");
      expect(ts).toContain("BATTERY_TOO_LOW");
    });
  }
});
