import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CatalogFile } from "../catalog/read-catalogs.js";
import { SCHEMA_URL } from "../catalog/schema.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { VendorSummary } from "../model/summary.js";
import type { Taxonomy } from "../outcomes/taxonomy.js";
import type { Chunk } from "../render/output-file.js";
import type { TemplateSet } from "../render/templates.js";
import { chunkBytes, type SettledFile } from "../write/settle.js";
import type { JobResult } from "./catalog-job.js";

/** What a file's stat says about its content without reading it. */
interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
}

type StampedOutput = { readonly path: string; readonly vendor: string | null } & FileStamp;

/** What a cache entry records of one catalog's last successful write. */
interface CacheEntry {
  /** The catalog file as it was when processed: while it stats the same, its content need not be hashed. */
  readonly source?: FileStamp;
  readonly vendor: VendorSummary;
  /** Warnings (a cached catalog has no errors). */
  readonly diagnostics: readonly Diagnostic[];
  /** Each output as it was left on disk: if it still stats the same, it still holds what we wrote. */
  readonly outputs: readonly StampedOutput[];
}

/**
 * A cache of processed catalogs, so that a run where few catalogs changed skips parsing, validating and
 * rendering the others. An entry's key is <slot>.<content>: the slot hashes the catalog's path and
 * everything its outputs depend on besides its bytes (templates, schema, output directory, the
 * generator's build id); the content part hashes its bytes. An entry is used only while every output it
 * lists still stats as written (size, mtime, ctime, inode), like git's index; a catalog whose own stat is
 * unchanged is not even hashed. Entries are plain files: deleting the directory is always safe.
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
    taxonomy: Taxonomy,
    /** The targets rendered, when not all of them. */
    targets?: readonly string[],
  ) {
    const hash = createHash("sha256").update(generatorId).update("\0").update(outDir).update("\0").update(readFileSync(SCHEMA_URL));
    hash.update("\0").update(JSON.stringify(taxonomy));
    hash.update("\0").update(targets ? targets.join(",") : "all targets");
    for (const [path, source] of [...templates].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update("\0").update(path).update("\0").update(source.text);
    this.salt = hash.digest("hex");
  }

  /** Splits catalog files into those whose cached result still holds, and those to process. */
  partition(files: readonly CatalogFile[]): { hits: Map<string, JobResult>; misses: CatalogFile[] } {
    const hits = new Map<string, JobResult>();
    const misses: CatalogFile[] = [];
    // One live entry per slot: find each slot's key from the directory listing, without hashing anything.
    const live = new Map<string, string>();
    for (const name of listQuietly(this.dir)) {
      if (name.endsWith(".json")) live.set(name.slice(0, name.indexOf(".")), name.slice(0, -".json".length));
    }
    for (const file of files) {
      const slot = createHash("md5").update(this.salt).update("\0").update(file.path).digest("hex");
      const existing = live.get(slot);
      const entry = existing === undefined ? undefined : this.readEntry(existing);
      const stamp = stampOf(file.absolutePath);
      // An unchanged stat means the content hashed last time; otherwise hash it (a touched file may still match).
      const key = entry?.source && stamp && sameStamp(entry.source, stamp) ? existing : contentKey(slot, file.absolutePath);
      if (key === undefined) {
        misses.push(file);
        continue;
      }
      this.keys.set(file.path, key);
      const hit = key === existing && entry ? this.toResult(key, entry) : undefined;
      if (hit) hits.set(file.path, { ...hit, path: file.path });
      else misses.push(file);
    }
    return { hits, misses };
  }

  /** Records the results of a successful write; call after the output directory holds them. */
  store(results: readonly JobResult[], sources: ReadonlyMap<string, string>): void {
    mkdirSync(this.dir, { recursive: true });
    for (const result of results) {
      const key = this.keys.get(result.path);
      if (key === undefined || !result.vendor || !result.settled || result.exportFragment === undefined) continue; // a hit is stored already
      if (result.diagnostics.some((d) => d.severity === "error")) continue;
      const source = stampOf(sources.get(result.path) ?? "");
      const outputs = result.settled.map(({ path, vendor }) => this.stamped(path, vendor));
      const entry: CacheEntry = { ...(source ? { source } : {}), vendor: result.vendor, diagnostics: result.diagnostics, outputs };
      this.prune(key);
      // Write then rename: a half-written entry must never be read as whole.
      this.writeAtomically(`${key}.fragment`, result.exportFragment);
      this.writeAtomically(`${key}.json`, JSON.stringify(entry));
    }
  }

  /**
   * The shared outputs (indexes, catalog.json, the manifest) as they were left by the last write from
   * exactly these catalogs; undefined unless an entry exists and every shared file stats the same.
   */
  readShared(only: string | undefined): SettledFile[] | undefined {
    const entry = this.readEntry(this.sharedKey(only));
    return entry && this.stillOnDisk(entry.outputs) ? entry.outputs.map(({ path, vendor }) => ({ path, vendor, status: "unchanged" as const })) : undefined;
  }

  /** Records the shared outputs after a successful write. */
  storeShared(settled: readonly SettledFile[], only: string | undefined): void {
    mkdirSync(this.dir, { recursive: true });
    const key = this.sharedKey(only);
    this.prune(key);
    this.writeAtomically(`${key}.json`, JSON.stringify({ outputs: settled.map(({ path, vendor }) => this.stamped(path, vendor)) }));
  }

  private sharedKey(only: string | undefined): string {
    const all = [...this.keys.values()].sort().join("\0");
    return `${createHash("md5").update(this.salt).update("\0shared").digest("hex")}.${createHash("md5")
      .update(all)
      .update("\0")
      .update(only ?? "")
      .digest("hex")}`;
  }

  private readEntry(key: string): CacheEntry | undefined {
    try {
      return JSON.parse(readFileSync(join(this.dir, `${key}.json`), "utf8")) as CacheEntry;
    } catch {
      // Missing, unreadable or from another format: process the catalog instead.
      return undefined;
    }
  }

  private toResult(key: string, entry: CacheEntry): Omit<JobResult, "path"> | undefined {
    try {
      if (!this.stillOnDisk(entry.outputs)) return undefined;
      const file = join(this.dir, `${key}.fragment`);
      const stats = statSync(file, { throwIfNoEntry: false });
      if (!stats) return undefined;
      const settled = entry.outputs.map(({ path, vendor }) => ({ path, vendor, status: "unchanged" as const }));
      // The fragment stays on disk: it is read only if catalog.json has to be written again.
      return { vendor: entry.vendor, diagnostics: entry.diagnostics, exportFragment: { file, offset: 0, bytes: stats.size }, settled };
    } catch {
      return undefined;
    }
  }

  private stamped(path: string, vendor: string | null): StampedOutput {
    const stamp = stampOf(join(this.outDir, path));
    if (!stamp) throw new Error(`${path} vanished while the cache was written`);
    return { path, vendor, ...stamp };
  }

  private stillOnDisk(outputs: readonly StampedOutput[]): boolean {
    return outputs.every((output) => {
      const stamp = stampOf(join(this.outDir, output.path));
      return stamp !== undefined && sameStamp(stamp, output);
    });
  }

  private writeAtomically(name: string, content: Chunk): void {
    writeFileSync(join(this.dir, `${name}.tmp`), typeof content === "string" ? content : chunkBytes(content));
    renameSync(join(this.dir, `${name}.tmp`), join(this.dir, name));
  }

  /** Removes older entries of the same slot. */
  private prune(key: string): void {
    const slot = key.slice(0, key.indexOf(".") + 1);
    for (const name of listQuietly(this.dir)) {
      if (name.startsWith(slot)) rmSync(join(this.dir, name), { force: true });
    }
  }
}

/** The generator's identity for cache keys: the build id written by npm run build, else no caching at all. */
export function generatorId(version: string): string {
  try {
    return `${version}+${readFileSync(new URL("../build-id.txt", import.meta.url), "utf8").trim()}`;
  } catch {
    return `${version}+unbuilt-${process.pid}-${Date.now()}`;
  }
}

/** <slot>.<hash of content>; md5 for speed: these keys detect change, they defend against no one. */
function contentKey(slot: string, path: string): string | undefined {
  try {
    return `${slot}.${createHash("md5").update(readFileSync(path)).digest("hex")}`;
  } catch {
    return undefined;
  }
}

function stampOf(path: string): FileStamp | undefined {
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats && { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

function listQuietly(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
