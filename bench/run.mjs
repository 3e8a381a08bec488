// npm run bench: wall time and peak RSS of gen, gen --check and gen validate on synthetic catalog sets,
// each as a ratio to `node -e 0` measured in the same run, plus a fromCode micro-benchmark, the
// parse-and-decide micro-benchmark, the bundle budgets (bench/bundle-sizes.mjs) and gen watch's latency
// from a save to the output written (bench/watch-latency.mjs).
// BENCH_SIZES=small,medium,large picks the sets (default: all three); BENCH_RUNS sets repetitions (the
// large set, at tens of seconds a run, runs once). Each time is the median of the runs; each peak RSS the
// largest. Every run starts on a flushed filesystem, so that no run is timed writing back an earlier one's output.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describeBundles, measureBundles } from "./bundle-sizes.mjs";
import { writeSyntheticCatalogs } from "./synthetic-catalogs.mjs";
import { measureWatchLatency } from "./watch-latency.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
const gen = join(root, "bin/gen.js");
const preload = join(root, "bench/peak-rss.cjs");
const schema = readFileSync(join(root, "catalogs/catalog.schema.json"), "utf8");
const SIZES = { small: [5, 40], medium: [100, 1000], large: [100, 10000] };
const wanted = (process.env.BENCH_SIZES ?? "small,medium,large").split(",");
const runs = Number(process.env.BENCH_RUNS ?? 3);
const work = mkdtempSync(join(tmpdir(), "codebook-bench-"));

/** Runs a command `times` times; returns the median wall time (s) and the largest peak RSS (MiB). */
function measure(args, { times = runs, before } = {}) {
  const walls = [];
  let rss = 0;
  for (let i = 0; i < times; i++) {
    before?.();
    flushFilesystems();
    const rssFile = join(work, "rss.txt");
    rmSync(rssFile, { force: true });
    const start = performance.now();
    const result = spawnSync(process.execPath, ["--require", preload, ...args], {
      cwd: work,
      encoding: "utf8",
      env: { ...process.env, CODEBOOK_BENCH_RSS_FILE: rssFile },
      maxBuffer: 1 << 30,
    });
    walls.push((performance.now() - start) / 1000);
    // Every --check here runs against an output directory that is current: exit 1 would be a bug.
    if (result.status !== 0) throw new Error(`${args.join(" ")} failed:\n${result.stderr}`);
    rss = Math.max(rss, ...readFileSync(rssFile, "utf8").trim().split("\n").map(Number));
  }
  walls.sort((a, b) => a - b);
  return { wall: walls[Math.floor(walls.length / 2)], rssMiB: rss / 1024 };
}

/** `sync` where there is one (Linux, macOS); elsewhere nothing to do but wait for the kernel. */
function flushFilesystems() {
  if (process.platform !== "win32") spawnSync("sync");
}

const rows = [];
const nodeStart = measure(["-e", "0"], { times: 9 });
console.log(`node -e 0: ${nodeStart.wall.toFixed(3)} s, ${nodeStart.rssMiB.toFixed(0)} MiB peak RSS`);
const row = (size, codes, command, { wall, rssMiB }) => {
  rows.push({ size, codes, command, wall, ratio: wall / nodeStart.wall, rssMiB });
  console.log(
    `${size.padEnd(14)} ${command.padEnd(32)} ${wall.toFixed(3).padStart(8)} s ${(wall / nodeStart.wall).toFixed(1).padStart(7)}x ${rssMiB.toFixed(0).padStart(6)} MiB`,
  );
};

for (const name of wanted) {
  const [vendors, codes] = SIZES[name] ?? [];
  if (!vendors) continue;
  const label = `${vendors} x ${codes}`;
  // The catalogs sit in a git repository of their own, for gen diff --against a ref.
  const repo = join(work, `repo-${name}`);
  const catalogs = join(repo, "catalogs");
  const bytes = writeSyntheticCatalogs(catalogs, vendors, codes, schema);
  console.log(`\n${label}: ${(bytes / 1024 / 1024).toFixed(1)} MiB of YAML, ${vendors * codes} codes`);
  const out = join(work, `out-${name}`);
  const cache = join(work, `cache-${name}`);
  const times = codes >= 10000 ? 1 : runs;
  const base = ["--catalogs", catalogs, "--out", out];
  const fresh = () => {
    rmSync(out, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  };
  row(label, vendors * codes, "gen (cold, no cache)", measure([gen, ...base, "--no-cache"], { times, before: fresh }));
  row(label, vendors * codes, "gen --check (no cache)", measure([gen, ...base, "--check", "--no-cache"], { times }));
  row(label, vendors * codes, "gen validate", measure([gen, "validate", "--catalogs", catalogs], { times }));
  measure([gen, ...base, "--cache-dir", cache], { times: 1 });
  row(label, vendors * codes, "gen (warm cache)", measure([gen, ...base, "--cache-dir", cache], { times }));
  row(label, vendors * codes, "gen --check (warm cache)", measure([gen, ...base, "--check", "--cache-dir", cache], { times }));
  const first = join(catalogs, "vendor-000.yaml");
  const original = readFileSync(first, "utf8");
  let flip = false;
  row(
    label,
    vendors * codes,
    "gen (1 catalog changed)",
    measure([gen, ...base, "--cache-dir", cache], {
      times,
      before: () => {
        flip = !flip;
        writeFileSync(first, flip ? original.replace("A synthetic vendor", "A changed synthetic vendor") : original);
      },
    }),
  );
  writeFileSync(first, original);
  measureDiff(label, vendors * codes, repo, catalogs, times);
  rmSync(out, { recursive: true, force: true });
  rmSync(repo, { recursive: true, force: true });
}

/**
 * gen diff against the commit of the set as generated: with three catalogs edited (a text and an HTTP
 * status each, the usual pull request), and with every catalog edited (the worst case: both sides of
 * every file are validated, modelled and compared). --fail-on wire: the edits are behaviour and additive, so exit 0.
 */
function measureDiff(label, codes, repo, catalogs, times) {
  const git = (...args) => {
    const run = spawnSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@example.com", ...args], { cwd: repo, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`git ${args.join(" ")}: ${run.stderr}`);
  };
  git("init", "-q");
  git("add", "-A");
  git("commit", "-q", "-m", "synthetic set");
  const files = readdirSync(catalogs)
    .filter((name) => name.endsWith(".yaml"))
    .sort();
  const originals = new Map(files.map((name) => [name, readFileSync(join(catalogs, name), "utf8")]));
  const edit = (name) => {
    const text = originals.get(name) ?? "";
    writeFileSync(join(catalogs, name), text.replace("A synthetic vendor", "An edited synthetic vendor").replace("httpStatus: 400", "httpStatus: 422"));
  };
  const diff = [gen, "diff", "--against", "HEAD", "--catalogs", catalogs, "--fail-on", "wire"];
  for (const name of files.slice(0, 3)) edit(name);
  row(label, codes, "gen diff (3 catalogs edited)", measure(diff, { times }));
  for (const name of files) edit(name);
  row(label, codes, "gen diff (every catalog edited)", measure(diff, { times }));
  for (const [name, text] of originals) writeFileSync(join(catalogs, name), text);
}

// Linearity: seconds per 100k codes at 100k and at 1M.
const perCodes = (codes) => rows.find((r) => r.codes === codes && r.command === "gen (cold, no cache)");
const m = perCodes(100_000);
const l = perCodes(1_000_000);
if (m && l)
  console.log(
    `\nlinearity: ${m.wall.toFixed(2)} s per 100k codes at 100k, ${(l.wall / 10).toFixed(2)} s per 100k codes at 1M (ratio ${(l.wall / 10 / m.wall).toFixed(2)})`,
  );

// fromCode against a bare Map.get, on the generated PhonePOS module compiled to JavaScript.
const compiled = join(work, "ts-js");
mkdirSync(compiled, { recursive: true });
cpSync(join(root, "generated/ts"), join(compiled, "src"), { recursive: true });
writeFileSync(join(compiled, "package.json"), '{ "type": "module" }');
const tsc = spawnSync(
  process.execPath,
  [
    join(root, "node_modules/typescript/bin/tsc"),
    "--outDir",
    join(compiled, "js"),
    "--module",
    "NodeNext",
    "--moduleResolution",
    "NodeNext",
    "--target",
    "ES2022",
    join(compiled, "src/index.ts"),
  ],
  { encoding: "utf8" },
);
if (tsc.status !== 0) throw new Error(tsc.stdout);
const { phonepos } = await import(join(compiled, "js/index.js"));
const { TerminalErrorCode } = phonepos;
const probes = { hit: ["2310", "0100", "2610", "0512"], miss: ["9999", "100", " 0100", "2312"] };
const numbers = { hit: [2310, 100, 2610, 512], miss: [9999, 10000, -100, 2312] };
const bare = new Map(TerminalErrorCode.values().map((member) => [String(member), member]));
// Each measurement gets its own copy of the timing loop (new Function: its own call-site feedback), so
// that the loop's call site is not made polymorphic by an earlier measurement. fromCode itself serves
// strings and numbers alike, as it does in use. Rounds alternate and the median is kept, which evens
// out a noisy neighbour.
const TIMING_LOOP = `
  let sink = 0;
  for (let i = 0; i < 200000; i++) sink += fn(inputs[i & 3]) === null ? 0 : 1;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) sink += fn(inputs[i & 3]) === null ? 0 : 1;
  const ns = Number(process.hrtime.bigint() - start) / n;
  return sink < 0 ? 0 : ns;`;
const nsPerCall = (fn, inputs) => new Function("fn", "inputs", "n", TIMING_LOOP)(fn, inputs, 2_000_000);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log("\nfromCode micro-benchmark (ns per lookup, median of 5 rounds):");
const micro = [];
for (const kind of ["hit", "miss"]) {
  const rounds = { map: [], fromCode: [], fromInt: [] };
  for (let round = 0; round < 5; round++) {
    rounds.map.push(nsPerCall((code) => bare.get(code) ?? null, probes[kind]));
    rounds.fromCode.push(nsPerCall((code) => TerminalErrorCode.fromCode(code), probes[kind]));
    rounds.fromInt.push(nsPerCall((code) => TerminalErrorCode.fromCode(code), numbers[kind]));
  }
  const map = median(rounds.map);
  const fromCode = median(rounds.fromCode);
  const fromInt = median(rounds.fromInt);
  micro.push({ kind, map, fromCode, fromInt });
  console.log(
    `  ${kind.padEnd(5)} Map.get ${map.toFixed(1)}  fromCode(string) ${fromCode.toFixed(1)} (${(fromCode / map).toFixed(2)}x)  fromCode(number) ${fromInt.toFixed(1)} (${(fromInt / map).toFixed(2)}x)`,
  );
}

// decide(parseResponse(body)) against the JSON.parse that precedes it, on the corpus of raw bodies
// (test/fixtures/responses/): each vendor's bodies in turn, the parse-and-decide on the parsed value.
const corpusDir = join(root, "test/fixtures/responses");
const namespaceOf = (id) => id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const generatedIndex = await import(join(compiled, "js/index.js"));
const CORPUS_LOOP = `
  let sink = 0;
  const m = inputs.length;
  for (let i = 0; i < 100000; i++) sink += fn(inputs[i % m], i % m) ? 1 : 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) sink += fn(inputs[i % m], i % m) ? 1 : 0;
  const ns = Number(process.hrtime.bigint() - start) / n;
  return sink < 0 ? 0 : ns;`;
const nsPerBody = (fn, inputs) => new Function("fn", "inputs", "n", CORPUS_LOOP)(fn, inputs, 1_000_000);
console.log("\nparse-and-decide micro-benchmark (ns per body, median of 5 rounds; target: decide(parseResponse) <= JSON.parse):");
const handlingBench = [];
for (const file of readdirSync(corpusDir)
  .filter((name) => name.endsWith(".json"))
  .sort()) {
  const vendor = file.slice(0, -".json".length);
  const api = generatedIndex[namespaceOf(vendor)];
  const cases = JSON.parse(readFileSync(join(corpusDir, file), "utf8"));
  const texts = cases.map((entry) => entry.bodyText ?? JSON.stringify(entry.body));
  const statuses = cases.map((entry) => entry.httpStatus);
  const values = texts.map((text) => JSON.parse(text));
  const rounds = { parse: [], decide: [] };
  for (let round = 0; round < 5; round++) {
    rounds.parse.push(nsPerBody((text) => JSON.parse(text) !== undefined, texts));
    rounds.decide.push(nsPerBody((value, index) => api.decide(api.parseResponse(value, statuses[index])).outcome !== "", values));
  }
  const parse = median(rounds.parse);
  const decide = median(rounds.decide);
  handlingBench.push({ vendor, bodies: texts.length, jsonParse: parse, parseAndDecide: decide });
  console.log(
    `  ${vendor.padEnd(14)} ${String(texts.length).padStart(3)} bodies  JSON.parse ${parse.toFixed(0)}  decide(parseResponse) ${decide.toFixed(0)} (${(decide / parse).toFixed(2)}x)`,
  );
}

// Bundle budgets (esbuild --bundle --minify): one member plus fromCode against the set's own table, and
// one vendor through the index against its module imported directly; in each TypeScript style.
const bundles = {};
for (const style of ["enum", "erasable"]) {
  const dir = style === "enum" ? join(root, "generated") : join(work, `bundle-${style}`);
  if (style !== "enum") spawnSync(process.execPath, [gen, "--targets", "ts,json", "--ts-style", style, "--no-cache", "--out", dir], { cwd: root });
  console.log(`\nbundle sizes, ${style} style (esbuild --bundle --minify):`);
  bundles[style] = measureBundles(dir, style);
  for (const line of describeBundles(bundles[style])) console.log(line);
}

const watchLatency = await measureWatchLatency();
console.log(
  `\ngen watch, save to written (${watchLatency.saves} saves of one seed catalog; target: 100 ms): median ${watchLatency.medianMs.toFixed(0)} ms, max ${watchLatency.maxMs.toFixed(0)} ms`,
);

console.log(`\nmachine: ${cpus().length} x ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
writeFileSync(
  join(root, "bench/last-run.json"),
  `${JSON.stringify({ nodeStart, rows, micro, handling: handlingBench, bundles, watchLatency, machine: { cpus: cpus().length, model: cpus()[0]?.model, memGiB: totalmem() / 2 ** 30, node: process.version } }, null, 2)}\n`,
);
rmSync(work, { recursive: true, force: true });
