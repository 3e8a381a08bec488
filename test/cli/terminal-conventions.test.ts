import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { colourWanted, ProgressLine } from "../../src/cli/terminal.js";

describe("colourWanted", () => {
  it("follows FORCE_COLOR first, then NO_COLOR, then whether the stream is a terminal", () => {
    expect(colourWanted({}, true)).toBe(true);
    expect(colourWanted({}, false)).toBe(false);
    expect(colourWanted({ TERM: "dumb" }, true)).toBe(false);
    expect(colourWanted({ NO_COLOR: "1" }, true)).toBe(false);
    // NO_COLOR set but empty does not count (no-color.org).
    expect(colourWanted({ NO_COLOR: "" }, true)).toBe(true);
    expect(colourWanted({ FORCE_COLOR: "1" }, false)).toBe(true);
    expect(colourWanted({ FORCE_COLOR: "" }, false)).toBe(true);
    expect(colourWanted({ FORCE_COLOR: "3", NO_COLOR: "1" }, false)).toBe(true);
    expect(colourWanted({ FORCE_COLOR: "0" }, true)).toBe(false);
    expect(colourWanted({ FORCE_COLOR: "false" }, true)).toBe(false);
  });
});

describe("ProgressLine", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("stays silent for a run under a second, then redraws one line at most every 100 ms, and clears it", () => {
    const written: string[] = [];
    const line = new ProgressLine((text) => written.push(text));
    line.update(1, 100);
    vi.setSystemTime(new Date("2026-01-01T00:00:00.900Z"));
    line.update(50, 100);
    expect(written).toEqual([]);
    line.clear();
    expect(written).toEqual([]);

    vi.setSystemTime(new Date("2026-01-01T00:00:01.000Z"));
    line.update(60, 100);
    vi.setSystemTime(new Date("2026-01-01T00:00:01.050Z"));
    line.update(61, 100);
    vi.setSystemTime(new Date("2026-01-01T00:00:01.100Z"));
    line.update(70, 100);
    expect(written).toEqual(["\r\u001b[2Kgen: 60/100 catalogs", "\r\u001b[2Kgen: 70/100 catalogs"]);
    line.clear();
    line.clear();
    expect(written.slice(2)).toEqual(["\r\u001b[2K"]);
  });
});
