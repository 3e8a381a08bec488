import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "../support/paths.js";
import { runGen, tempDir } from "../support/run-gen.js";
import { readTree } from "../support/tree.js";

/** A private copy of the catalogs, an output directory and a cache directory. */
function setup() {
  const catalogs = tempDir();
  cpSync(CATALOGS, catalogs, { recursive: true });
  return { catalogs, out: tempDir(), cache: tempDir() };
}

const gen = (s: ReturnType<typeof setup>, ...extra: string[]) => runGen(["--catalogs", s.catalogs, "--out", s.out, "--cache-dir", s.cache, ...extra]);

/** What a run without any cache produces from the same catalogs. */
function fresh(catalogs: string): Map<string, Buffer> {
  const out = tempDir();
  expect(runGen(["--catalogs", catalogs, "--out", out, "--no-cache"]).status).toBe(0);
  return readTree(out);
}

describe("the catalog cache", () => {
  it("gives exactly what a fresh run gives after one catalog changed", () => {
    const s = setup();
    expect(gen(s).status).toBe(0);
    expect(readdirSync(s.cache).length).toBeGreaterThan(0);
    const entries = new Map(readdirSync(s.cache).map((name) => [name, statSync(join(s.cache, name)).ino]));
    const path = join(s.catalogs, "phonepos.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace("The battery level is too low", "The battery is too low"));
    const run = gen(s);
    expect(run.stdout).toMatch(/0 created, 4 updated, 0 removed, 42 unchanged/);
    expect(readTree(s.out)).toEqual(fresh(s.catalogs));
    // The other catalogs were cache hits: their entries stand untouched (a miss would write them anew). Only
    // phonepos's entry and fragment and the shared entry were replaced.
    const kept = [...entries].filter(([name]) => existsSync(join(s.cache, name)));
    expect(kept).toHaveLength(entries.size - 3);
    for (const [name, inode] of kept) expect(statSync(join(s.cache, name)).ino, name).toBe(inode);
  });

  it("notices a generated file edited by hand, even with its old size and mtime", () => {
    const s = setup();
    expect(gen(s).status).toBe(0);
    const file = join(s.out, "ts/wlw.ts");
    const original = readFileSync(file, "utf8");
    const stamp = new Date("2020-01-01T00:00:00Z");
    writeFileSync(file, original.replace("export const vendor", "Export const vendor"));
    utimesSync(file, stamp, stamp);
    expect(statSync(file).size).toBe(Buffer.byteLength(original));
    const check = gen(s, "--check");
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/modified +\S*ts\/wlw\.ts/);
    expect(gen(s).stdout).toMatch(/1 updated/);
    expect(readFileSync(file, "utf8")).toBe(original);
  });

  it("re-renders when a template changes, and survives a deleted or corrupted cache", () => {
    const s = setup();
    expect(gen(s).status).toBe(0);
    const templates = tempDir();
    cpSync(join(import.meta.dirname, "../../templates"), templates, { recursive: true });
    writeFileSync(join(templates, "docs/vendor.md.hbs"), `${readFileSync(join(templates, "docs/vendor.md.hbs"), "utf8")}\nFooter.\n`);
    expect(gen(s, "--templates", templates).stdout).toMatch(/0 created, 5 updated/);
    for (const name of readdirSync(s.cache)) writeFileSync(join(s.cache, name), "{ not json");
    expect(gen(s).stdout).toMatch(/0 created, 5 updated/);
    rmSync(s.cache, { recursive: true, force: true });
    expect(gen(s, "--check").status).toBe(0);
    expect(readTree(s.out)).toEqual(fresh(s.catalogs));
  });

  // A cache directory is only a directory: something may truncate or overwrite its files. A damaged
  // entry must be a miss, never output; catalog.json (put together from the entries' fragments once
  // it has to be written again) is where a damaged fragment would show.
  for (const [damage, spoil] of [
    ["truncated fragments", (path: string) => path.endsWith(".fragment") && truncateSync(path, Math.floor(statSync(path).size / 2))],
    ["fragments overwritten with as many other bytes", (path: string) => path.endsWith(".fragment") && writeFileSync(path, "x".repeat(statSync(path).size))],
    [
      "entries edited to other valid JSON",
      (path: string) => path.endsWith(".json") && writeFileSync(path, readFileSync(path, "utf8").replace(/"name":"[^"]*"/g, '"name":"Spoofed"')),
    ],
  ] as const) {
    it(`treats ${damage} as misses: the output equals a fresh run's, and --check agrees`, () => {
      const s = setup();
      expect(gen(s).status).toBe(0);
      for (const name of readdirSync(s.cache)) spoil(join(s.cache, name));
      rmSync(join(s.out, "catalog.json"));
      const run = gen(s);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/1 created, 0 updated/);
      JSON.parse(readFileSync(join(s.out, "catalog.json"), "utf8"));
      expect(readTree(s.out)).toEqual(fresh(s.catalogs));
      expect(gen(s, "--check").status).toBe(0);
      expect(gen(s, "--check", "--no-cache").status).toBe(0);
    });
  }

  it("is not written with --no-cache", () => {
    const s = setup();
    expect(gen(s, "--no-cache").status).toBe(0);
    expect(readdirSync(s.cache)).toEqual([]);
  });
});
