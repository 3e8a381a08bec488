import { spawn } from "node:child_process";
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CATALOGS, GEN, ROOT } from "../support/paths.js";
import { runGen, tempDir } from "../support/run-gen.js";
import { readTree } from "../support/tree.js";

// Two gens on one output directory at once: the second waits for the first (the lock in
// src/write/output-lock.ts), so they never interleave, and neither reports a write failure.

const PAIRS = 20;
let catalogs: Record<"a" | "b", string>;
let clean: Record<"a" | "b", Map<string, Buffer>>;

interface Finished {
  readonly status: number | null;
  readonly stderr: string;
  readonly stdout: string;
}

function genAsync(args: readonly string[]): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [GEN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

beforeAll(() => {
  const work = tempDir("codebook-concurrency-");
  // Set b drops a vendor and changes a text of another: the two sets differ in removed, updated and shared files.
  const a = join(work, "a");
  const b = join(work, "b");
  cpSync(CATALOGS, a, { recursive: true });
  cpSync(CATALOGS, b, { recursive: true });
  rmSync(join(b, "wlw.yaml"));
  const phonepos = join(b, "phonepos.yaml");
  writeFileSync(phonepos, readFileSync(phonepos, "utf8").replace("The battery level is too low", "The battery is too low"));
  catalogs = { a, b };
  clean = { a: new Map(), b: new Map() };
  for (const set of ["a", "b"] as const) {
    const out = join(work, `clean-${set}`);
    expect(runGen(["--catalogs", catalogs[set], "--out", out, "--no-cache"]).status).toBe(0);
    clean[set] = readTree(out);
  }
});

describe("simultaneous gens on one output directory", () => {
  it(`in ${PAIRS} pairs (same and different catalogs) never mix their output and never fail`, async () => {
    const work = tempDir("codebook-concurrency-out-");
    const out = join(work, "out");
    const cache = join(work, "cache");
    let waits = 0;
    for (let pair = 0; pair < PAIRS; pair++) {
      // Even pairs run the same catalogs twice, odd pairs one of each, in either order.
      const sets: ["a" | "b", "a" | "b"] = pair % 2 === 0 ? (pair % 4 === 0 ? ["a", "a"] : ["b", "b"]) : pair % 4 === 1 ? ["a", "b"] : ["b", "a"];
      // Every fifth pair without the cache, and now and then into a directory that does not exist yet.
      if (pair % 7 === 6) rmSync(out, { recursive: true, force: true });
      const extra = pair % 5 === 4 ? ["--no-cache"] : ["--cache-dir", cache];
      const runs = await Promise.all(sets.map((set) => genAsync(["--catalogs", catalogs[set], "--out", out, ...extra])));
      for (const run of runs) {
        expect(run.status, `pair ${pair}: ${run.stderr}`).toBe(0);
        expect(run.stderr).not.toContain("write-failed");
      }
      const waited = runs.map((run) => /gen: waiting for another gen \(pid \d+ on .+\) to finish with /.test(run.stderr));
      expect(waited.filter(Boolean).length, `pair ${pair}`).toBeLessThanOrEqual(1);
      if (waited.includes(true)) waits += 1;
      const tree = readTree(out);
      // The one that waited ran last; without a wait, either may have.
      const last = waited.indexOf(true);
      const candidates = last >= 0 ? [sets[last] as "a" | "b"] : [...new Set(sets)];
      const ended = candidates.find((set) => mapsEqual(tree, clean[set]));
      expect(ended, `pair ${pair} (${sets.join(", ")}) ended in a state that is no clean run of ${candidates.join(" or ")}`).toBeDefined();
      expect(readdirSync(out).filter((name) => name.startsWith(".codebook-") && name !== ".codebook-manifest.json")).toEqual([]);
      expect(runGen(["--catalogs", catalogs[ended as "a" | "b"], "--out", out, "--check", "--no-cache"]).status).toBe(0);
    }
    console.log(`concurrency: ${PAIRS} pairs, ${waits} in which one gen waited for the other`);
  }, 300_000);

  it("waits for a gen that holds the lock, then refuses with a message naming it (after 30 s)", () => {
    const out = generated();
    const before = readTree(out);
    // A lock held by a live process (this test's parent), as a gen that runs long would hold it.
    const holder = { pid: process.ppid, host: hostname(), since: "2026-01-01T00:00:00.000Z" };
    writeFileSync(join(out, ".codebook-lock"), `${JSON.stringify(holder)}\n`);
    rmSync(join(out, "ts/wlw.ts"));
    const run = runGen(["--out", out, "--no-cache"]);
    const who = `another gen (pid ${holder.pid} on ${holder.host}, since ${holder.since})`;
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`gen: waiting for ${who} to finish with ${out} (up to 30 s)`);
    expect(run.stderr).toContain(`${out}/.codebook-lock:0:0 error output-locked ${who} is writing ${out}; try again when it is done`);
    expect(run.stderr).not.toContain("write-failed");
    before.delete("ts/wlw.ts");
    before.set(".codebook-lock", Buffer.from(`${JSON.stringify(holder)}\n`));
    expect(readTree(out)).toEqual(before);
  }, 120_000);
});

function generated(): string {
  const out = tempDir();
  expect(runGen(["--out", out, "--no-cache"]).status).toBe(0);
  return out;
}

function mapsEqual(a: Map<string, Buffer>, b: Map<string, Buffer>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (!b.get(key)?.equals(value)) return false;
  return true;
}
