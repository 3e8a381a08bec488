import { describe, expect, it } from "vitest";
import { phonepos } from "../../generated/ts/index.js";
import { AWKWARD_STRINGS, compileAndRun, harnessSource, hex, INT_RANGE, seedTerminalErrorCodeSource } from "../support/java.js";
import { tempDir } from "../support/run-gen.js";

const { TerminalErrorCode } = phonepos;

/** The name of a generated member, or "null": the same shape the Java harness prints. */
function tsName(member: string | null): string {
  return member === null ? "null" : (phonepos.terminalErrorCodeByCode.get(member)?.name ?? "?");
}

describe("generated TypeScript fromCode against the PhonePOS document's Java enum", () => {
  const javaLines = compileAndRun(
    tempDir(),
    { "TerminalErrorCode.java": seedTerminalErrorCodeSource(), "Harness.java": harnessSource("TerminalErrorCode") },
    "Harness",
    AWKWARD_STRINGS.map(hex),
  );

  it(`returns the same member, or null, for every int from ${INT_RANGE.from} to ${INT_RANGE.to}`, () => {
    const count = INT_RANGE.to - INT_RANGE.from + 1;
    const ts = Array.from({ length: count }, (_, index) => tsName(TerminalErrorCode.fromCode(INT_RANGE.from + index)));
    const java = javaLines.slice(0, count);
    expect(java.filter((line) => line !== "null")).toHaveLength(27);
    expect(ts).toEqual(java);
  });

  it("returns the same for awkward strings", () => {
    const java = javaLines.slice(INT_RANGE.to - INT_RANGE.from + 1);
    const ts = AWKWARD_STRINGS.map((text) => tsName(TerminalErrorCode.fromCode(text)));
    expect(ts).toEqual(java);
    expect(ts).toContain("INVALID_JSON");
    expect(ts).toContain("BATTERY_TOO_LOW");
  });
});
