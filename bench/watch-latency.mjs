// gen watch's latency: from a catalog's save to its output written (the run committed), at seed size
// (the bundled catalogs), through the same watch() that `gen watch` runs, with the cache on as there.
// Target (issue 16): a one-catalog change is written within 100 ms of the save.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));

/** Median and largest latency (ms) over `saves` edits of one catalog, alternating two texts. */
export async function measureWatchLatency(saves = 20) {
  const { watch } = await import(join(root, "dist/index.js"));
  const dir = mkdtempSync(join(tmpdir(), "codebook-watch-bench-"));
  cpSync(join(root, "catalogs"), join(dir, "catalogs"), { recursive: true, filter: (path) => !path.endsWith(".json") });
  const catalog = join(dir, "catalogs/phonepos.yaml");
  const original = readFileSync(catalog, "utf8");
  const marker = "The battery level is too low";
  let waiting;
  const watcher = watch(() => ({ run: { catalogs: "catalogs", out: "generated", cwd: dir, cache: join(dir, ".cache") }, alsoWatch: [] }), {
    onResult: (result) => waiting?.resolve(result),
    onError: (error) => waiting?.reject(error),
  });
  const nextResult = () =>
    new Promise((resolve, reject) => {
      waiting = { resolve, reject };
    });
  await nextResult();
  const latencies = [];
  for (let save = 0; save < saves; save++) {
    const next = nextResult();
    const started = performance.now();
    writeFileSync(catalog, original.replace(marker, `${marker} (save ${save})`));
    const result = await next;
    latencies.push(performance.now() - started);
    if (result.status !== "written" || !readFileSync(join(dir, "generated/docs/phonepos.md"), "utf8").includes(`(save ${save})`))
      throw new Error(`save ${save} was not written: ${result.status}`);
  }
  await watcher.close();
  rmSync(dir, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  return { saves, medianMs: latencies[Math.floor(latencies.length / 2)], maxMs: latencies.at(-1) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await measureWatchLatency();
  console.log(
    `gen watch: save to written, ${figures.saves} saves of one seed catalog: median ${figures.medianMs.toFixed(0)} ms, max ${figures.maxMs.toFixed(0)} ms (target: 100 ms)`,
  );
}
