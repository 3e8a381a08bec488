import { availableParallelism } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runGen, tempDir } from "../support/run-gen.js";
import { readTree } from "../support/tree.js";

const cores = availableParallelism();
const NOTE = `gen: --jobs 10000 is more than the ${cores} ${cores === 1 ? "core" : "cores"}; using ${cores}\n`;

describe("--jobs above the number of cores", () => {
  it("is capped with a note on stderr by generate, validate and export, which otherwise run as usual", () => {
    const out = join(tempDir(), "out");
    const generate = runGen(["--out", out, "--no-cache", "--jobs", "10000"]);
    expect([generate.status, generate.stderr]).toEqual([0, NOTE]);
    const usual = join(tempDir(), "usual");
    expect(runGen(["--out", usual, "--no-cache"]).status).toBe(0);
    expect(readTree(out)).toEqual(readTree(usual));

    const validate = runGen(["validate", "--jobs", "10000"]);
    expect([validate.status, validate.stderr, validate.stdout]).toEqual([0, NOTE, "5 catalogs, 7 code sets, 352 codes: no problems\n"]);

    const exported = runGen(["export", "--jobs", "10000"]);
    expect([exported.status, exported.stderr]).toEqual([0, NOTE]);
    expect(exported.stdout).toBe(runGen(["export"]).stdout);
  });

  it("is taken silently up to the number of cores", () => {
    const run = runGen(["validate", "--jobs", String(cores)]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
  });
});
