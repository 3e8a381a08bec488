import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CatalogFile } from "../catalog/read-catalogs.js";
import { SCHEMA_URL } from "../catalog/schema.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { VendorSummary } from "../model/summary.js";
import type { TemplateSet } from "../render/templates.js";
import type { SettledFile } from "../write/settle.js";
import type { JobResult } from "./catalog-job.js";

/** What a cache entry records of one catalog's last successful write. */
interface CacheEntry {
  readonly vendor: VendorSummary;
  readonly codeCount: number;
  /** Warnings (a cached catalog has no errors). */
  readonly diagnostics: readonly Diagnostic[];
  /** Each output as it was left on disk: if it still stats the same, it still holds what we wrote. */
  readonly outputs: readonly { path: string; vendor: string | null; size: number; mtimeMs: number; ctimeMs: number; ino: number }[];
}

/**
 * A cache of processed catalogs, so that a run where few catalogs changed skips parsing, validating and
 * rendering the others. An entry's key hashes everything its outputs depend on: the catalog's bytes and
 * path, the templates, the schema, the output directory and the generator's build id. An entry is used
 * only if every output it lists still stats as it was written (size, mtime, ctime, inode), like git's
 * index. Entries are plain files; deleting the directory is always safe.
 */
export class CatalogCache {
  private readonly salt: string;
  /** The key of each catalog path seen by partition, for store. */
  private readonly keys = new Map<string, string>();

  constructor(
    private readonly dir: string,
    private readonly outDir: string,
    templates: TemplateSet,
    generatorId: string,
  ) {
    const hash = createHash("sha256").update(generatorId).update("\0").update(outDir).update("\0").update(readFileSync(SCHEMA_URL));
    for (const [path, source] of [...templates].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update("\0").update(path).update("\0").update(source.text);
    this.salt = hash.digest("hex");
  }

  /** Splits catalog files into those whose cached result still holds, and those to process. */
  partition(files: readonly CatalogFile[]): { hits: Map<string, JobResult>; misses: CatalogFile[] } {
    const hits = new Map<string, JobResult>();
    const misses: CatalogFile[] = [];
    for (const file of files) {
      const key = this.keyOf(file);
      if (key === undefined) {
        misses.push(file);
        continue;
      }
      this.keys.set(file.path, key);
      const hit = this.read(key);
      if (hit) hits.set(file.path, { ...hit, path: file.path });
      else misses.push(file);
    }
    return { hits, misses };
  }

  /** Records the results of a successful write; call after the output directory holds them. */
  store(results: readonly JobResult[]): void {
    mkdirSync(this.dir, { recursive: true });
    for (const result of results) {
      const key = this.keys.get(result.path);
      if (key === undefined || !result.vendor || !result.settled || result.exportFragment === undefined) continue;
      if (result.diagnostics.some((d) => d.severity === "error")) continue;
      const outputs = result.settled.map(({ path, vendor }) => this.stat(path, vendor));
      const entry: CacheEntry = { vendor: result.vendor, codeCount: result.codeCount, diagnostics: result.diagnostics, outputs };
      this.prune(key);
      // Write then rename: a half-written entry must never be read as whole.
      const base = join(this.dir, key);
      writeFileSync(`${base}.fragment.tmp`, result.exportFragment);
      renameSync(`${base}.fragment.tmp`, `${base}.fragment`);
      writeFileSync(`${base}.json.tmp`, JSON.stringify(entry));
      renameSync(`${base}.json.tmp`, `${base}.json`);
    }
  }

  /**
   * The shared outputs (indexes, catalog.json, the manifest) as they were left by the last write from
   * exactly these catalogs; undefined unless every catalog was a hit and every shared file stats the same.
   */
  readShared(only: string | undefined): SettledFile[] | undefined {
    try {
      const entry = JSON.parse(readFileSync(join(this.dir, `${this.sharedKey(only)}.json`), "utf8")) as Pick<CacheEntry, "outputs">;
      return this.stillOnDisk(entry.outputs) ? entry.outputs.map(({ path, vendor }) => ({ path, vendor, status: "unchanged" as const })) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Records the shared outputs after a successful write. */
  storeShared(settled: readonly SettledFile[], only: string | undefined): void {
    mkdirSync(this.dir, { recursive: true });
    const key = this.sharedKey(only);
    this.prune(key);
    const base = join(this.dir, key);
    writeFileSync(`${base}.json.tmp`, JSON.stringify({ outputs: settled.map(({ path, vendor }) => this.stat(path, vendor)) }));
    renameSync(`${base}.json.tmp`, `${base}.json`);
  }

  private sharedKey(only: string | undefined): string {
    const all = [...this.keys.values()].sort().join("\0");
    return `${createHash("md5").update(this.salt).update("\0shared").digest("hex")}.${createHash("md5")
      .update(all)
      .update("\0")
      .update(only ?? "")
      .digest("hex")}`;
  }

  private stat(path: string, vendor: string | null): CacheEntry["outputs"][number] {
    const stats = statSync(join(this.outDir, path));
    return { path, vendor, size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
  }

  private stillOnDisk(outputs: CacheEntry["outputs"]): boolean {
    return outputs.every((output) => {
      const stats = statSync(join(this.outDir, output.path), { throwIfNoEntry: false });
      return (
        stats !== undefined && stats.size === output.size && stats.mtimeMs === output.mtimeMs && stats.ctimeMs === output.ctimeMs && stats.ino === output.ino
      );
    });
  }

  /** <hash of path and settings>.<hash of content>: one live entry per catalog path. */
  private keyOf(file: CatalogFile): string | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file.absolutePath);
    } catch {
      return undefined;
    }
    // md5 for speed: these keys detect change, they defend against no one.
    const slot = createHash("md5").update(this.salt).update("\0").update(file.path).digest("hex");
    const content = createHash("md5").update(bytes).digest("hex");
    return `${slot}.${content}`;
  }

  private read(key: string): Omit<JobResult, "path"> | undefined {
    try {
      const entry = JSON.parse(readFileSync(join(this.dir, `${key}.json`), "utf8")) as CacheEntry;
      if (!this.stillOnDisk(entry.outputs)) return undefined;
      const exportFragment = readFileSync(join(this.dir, `${key}.fragment`), "utf8");
      const settled = entry.outputs.map(({ path, vendor }) => ({ path, vendor, status: "unchanged" as const }));
      return { vendor: entry.vendor, codeCount: entry.codeCount, diagnostics: entry.diagnostics, exportFragment, settled };
    } catch {
      // Missing, unreadable or from another format: process the catalog instead.
      return undefined;
    }
  }

  /** Removes older entries of the same catalog path and settings. */
  private prune(key: string): void {
    const slot = key.slice(0, key.indexOf(".") + 1);
    for (const name of readdirSync(this.dir)) {
      if (name.startsWith(slot)) rmSync(join(this.dir, name), { force: true });
    }
  }
}

/** The generator's identity for cache keys: the build id written by npm run build, else the version. */
export function generatorId(version: string): string {
  try {
    return `${version}+${readFileSync(new URL("../build-id.txt", import.meta.url), "utf8").trim()}`;
  } catch {
    return `${version}+unbuilt-${Date.now()}`;
  }
}
