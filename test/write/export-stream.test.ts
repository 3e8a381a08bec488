import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exportChunks } from "../../src/model/export-json.js";
import { ExportStream } from "../../src/write/export-stream.js";
import { chunkBytes } from "../../src/write/settle.js";
import { tempDir } from "../support/run-gen.js";

const PARTS = ['{\n      "id": "a"\n    }', '{\n      "id": "b", "name": "Zürich"\n    }', '{\n      "id": "c"\n    }'];

function streamOf(order: readonly number[], parts: readonly (string | null)[] = PARTS): ExportStream {
  const stream = new ExportStream(join(tempDir(), "catalog.json"), "a comment");
  for (const position of order) stream.add(position, parts[position] ?? null);
  stream.close();
  return stream;
}

describe("the catalog.json stream", () => {
  it("writes the parts in claim order whatever order they arrive in, framed exactly as exportChunks frames them", () => {
    const stream = streamOf([2, 0, 1]);
    expect(readFileSync(stream.file, "utf8")).toBe(exportChunks(PARTS, "a comment").join(""));
  });

  it("tells where each part is, byte for byte, non-ASCII included", () => {
    const stream = streamOf([1, 0, 2]);
    PARTS.forEach((part, position) => {
      const chunk = stream.part(position);
      expect(chunk && chunkBytes(chunk).toString("utf8")).toBe(part);
    });
  });

  it("is the whole export only for its parts in its own order", () => {
    const stream = streamOf([0, 1, 2]);
    const parts = [0, 1, 2].map((position) => stream.part(position) ?? "");
    expect(stream.whole(parts)).toEqual({ file: stream.file, offset: 0, bytes: readFileSync(stream.file).length });
    expect(stream.whole([parts[0] ?? "", parts[2] ?? "", parts[1] ?? ""])).toBeUndefined();
    expect(stream.whole(parts.slice(0, 2))).toBeUndefined();
    expect(stream.whole([...parts.slice(0, 2), PARTS[2] ?? ""])).toBeUndefined();
  });

  it("skips a job without a part (an invalid catalog) and writes the others as usual", () => {
    const stream = streamOf([2, 1, 0], [PARTS[0] ?? "", null, PARTS[2] ?? ""]);
    expect(stream.part(1)).toBeUndefined();
    const parts = [stream.part(0) ?? "", stream.part(2) ?? ""];
    expect(parts.map((chunk) => (typeof chunk === "string" ? chunk : chunkBytes(chunk).toString("utf8")))).toEqual([PARTS[0], PARTS[2]]);
    expect(stream.whole(parts)).toEqual({ file: stream.file, offset: 0, bytes: readFileSync(stream.file).length });
    expect(readFileSync(stream.file, "utf8")).toBe(exportChunks([PARTS[0] ?? "", PARTS[2] ?? ""], "a comment").join(""));
  });
});
