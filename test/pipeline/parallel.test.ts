import { appendFileSync, cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { syntheticCatalog, writeSyntheticCatalogs } from "../../bench/synthetic-catalogs.mjs";
import { generate } from "../../src/index.js";
import { PARALLEL_THRESHOLD_BYTES } from "../../src/pipeline/run-jobs.js";
import { ROOT } from "../support/paths.js";
import { runGen, tempDir } from "../support/run-gen.js";
import { readTree } from "../support/tree.js";

// Sets of 2 MB of YAML and more are shared between the main thread and worker threads (src/pipeline/run-jobs.ts).
// Whatever the threads, a run must give the same files, the same diagnostics and the same exit code.

let work: string;
let catalogs: string;

beforeAll(() => {
  work = tempDir("codebook-parallel-");
  catalogs = join(work, "catalogs");
  const bytes = writeSyntheticCatalogs(catalogs, 8, 1000, readFileSync(join(ROOT, "catalogs/catalog.schema.json"), "utf8"));
  // Above the threshold, or every run below would stay on one thread and prove nothing about the others.
  expect(bytes).toBeGreaterThan(PARALLEL_THRESHOLD_BYTES);
});

describe("a large catalog set on several threads", () => {
  it("writes byte for byte what one thread writes, and leaves no scratch files behind", () => {
    const spoolParent = tempDir("codebook-tmp-");
    const one = runGen(["--catalogs", catalogs, "--out", join(work, "one"), "--no-cache", "--jobs", "1"], work, { TMPDIR: spoolParent });
    const three = runGen(["--catalogs", catalogs, "--out", join(work, "three"), "--no-cache", "--jobs", "3"], work, { TMPDIR: spoolParent });
    expect([one.status, one.stderr]).toEqual([0, ""]);
    // More threads than cores are capped with a note (a 2-core machine runs two).
    const cores = availableParallelism();
    expect([three.status, three.stderr]).toEqual([
      0,
      cores >= 3 ? "" : `gen: --jobs 3 is more than the ${cores} ${cores === 1 ? "core" : "cores"}; using ${cores}\n`,
    ]);
    const files = readTree(join(work, "one"));
    const threaded = readTree(join(work, "three"));
    // Per vendor: its docs page, its TypeScript index, and a Java enum and a TypeScript module for each of its 2 code sets;
    // then the shared files (the Java runtime's 7 among them).
    expect(files.size).toBe(8 * 6 + 14);
    expect([...threaded.keys()]).toEqual([...files.keys()]);
    // Buffer.equals, not toEqual: a deep comparison of megabytes, byte by byte, takes a minute.
    for (const [path, bytes] of files) expect(threaded.get(path)?.equals(bytes), path).toBe(true);
    expect(readdirSync(spoolParent)).toEqual([]);
    // Writing keeps its scratch directory beside the staging directory, inside the output: gone too.
    for (const out of ["one", "three"])
      expect(readdirSync(join(work, out)).filter((name) => name.startsWith(".codebook-"))).toEqual([".codebook-manifest.json"]);
    // And --check on several threads finds the one-thread output current.
    const check = runGen(["--catalogs", catalogs, "--out", join(work, "one"), "--check", "--no-cache", "--jobs", "2"], work, { TMPDIR: spoolParent });
    expect([check.status, check.stderr]).toEqual([0, ""]);
    expect(readdirSync(spoolParent)).toEqual([]);
  });

  it("writes catalog.json in vendor order when the jobs ran in another, as generate() does", () => {
    // Larger catalogs are claimed first (by size class, a factor of two): vendor-005, made 2.5 times as large
    // here, leads the parts the run writes, so catalog.json is put together from those parts rather than
    // taken as the run wrote them.
    const reordered = join(work, "reordered");
    cpSync(catalogs, reordered, { recursive: true });
    writeFileSync(join(reordered, "vendor-005.yaml"), syntheticCatalog(5, 2500).text);
    const expected = generate({ catalogs: reordered, cwd: work }).files.find((file) => file.path === "catalog.json")?.content;
    expect(Array.isArray(expected)).toBe(true);
    const expectedText = (expected as string[]).join("");
    for (const jobs of ["1", "2"]) {
      const out = join(work, `reordered-out-${jobs}`);
      const run = runGen(["--catalogs", reordered, "--out", out, "--no-cache", "--jobs", jobs], work);
      expect([run.status, run.stderr]).toEqual([0, ""]);
      expect(readFileSync(join(out, "catalog.json"), "utf8") === expectedText, `--jobs ${jobs}`).toBe(true);
    }
  });

  it("reports a broken catalog exactly as one thread does, and writes nothing", () => {
    const broken = join(work, "broken");
    writeSyntheticCatalogs(broken, 8, 1000, readFileSync(join(ROOT, "catalogs/catalog.schema.json"), "utf8"));
    appendFileSync(join(broken, "vendor-005.yaml"), '      - code: "000001"\n        name: DUPLICATE_AT_END\n');
    const runs = ["1", "2"].map((jobs) => runGen(["--catalogs", broken, "--out", join(work, `broken-out-${jobs}`), "--no-cache", "--jobs", jobs], work));
    for (const run of runs) {
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/^broken\/vendor-005\.yaml:\d+:\d+ error duplicate-code /m);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(runs[1]?.stderr).toBe(runs[0]?.stderr);
    expect(readdirSync(work).filter((name) => name.startsWith("broken-out-"))).toEqual([]);
  });

  it("gives gen validate and gen export the same answers on any number of threads", () => {
    for (const command of ["validate", "export"]) {
      const one = runGen([command, "--catalogs", catalogs, "--jobs", "1"], work);
      const two = runGen([command, "--catalogs", catalogs, "--jobs", "2"], work);
      expect(one.status).toBe(0);
      expect([two.status, two.stdout, two.stderr]).toEqual([one.status, one.stdout, one.stderr]);
    }
  });
});
