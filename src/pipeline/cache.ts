import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CatalogFile } from "../catalog/read-catalogs.js";
import { SCHEMA_URL } from "../catalog/schema.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { VendorSummary } from "../model/summary.js";
import type { Taxonomy } from "../outcomes/taxonomy.js";
import { DEFAULT_JAVA_OPTIONS, type JavaOptions } from "../render/java-options.js";
import type { TemplateSet } from "../render/templates.js";
import { DEFAULT_TS_OPTIONS, type TsOptions } from "../render/typescript-options.js";
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
  /** The `.fragment` file beside the entry (the vendor's part of catalog.json): checked before it is used. */
  readonly fragment: { readonly bytes: number; readonly sha256: string };
}

/**
 * A cache of processed catalogs, so that a run where few catalogs changed skips parsing, validating and
 * rendering the others. An entry's key is <slot>.<content>: the slot hashes the catalog's path and
 * everything its outputs depend on besides its bytes (templates, schema, output directory, the
 * generator's build id); the content part hashes its bytes. An entry is used only while every output it
 * lists still stats as written (size, mtime, ctime, inode), like git's index; a catalog whose own stat is
 * unchanged is not even hashed. Entries are plain files: deleting the directory is always safe.
 *
 * Nothing in the cache is trusted unchecked: every entry file starts with the sha256 of the rest, and
 * records the size and sha256 of its fragment. A fragment is checked whenever catalog.json is to be
 * put together from the fragments (it is not read otherwise). A damaged entry or fragment is a miss:
 * that catalog is processed again.
 */
/** The run's choices that shape its output beyond catalogs and templates. */
export interface CacheOutputOptions {
  /** The targets rendered, when not all of them. */
  readonly targets?: readonly string[] | undefined;
  readonly ts?: TsOptions | undefined;
  readonly java?: JavaOptions | undefined;
}

export class CatalogCache {
  private readonly salt: string;
  /** The key of each catalog path seen by partition, for store. */
  private readonly keys = new Map<string, string>();

  constructor(
    private readonly dir: string,
    private readonly outDir: string,
    templates: TemplateSet,
    generatorId: string,
    /** The run's --only, which the shared outputs depend on. */
    private readonly only: string | undefined,
    taxonomy: Taxonomy,
    /** What else the rendered files depend on: switching any of these renders every catalog again. */
    output: CacheOutputOptions = {},
  ) {
    const { targets, ts = DEFAULT_TS_OPTIONS, java = DEFAULT_JAVA_OPTIONS } = output;
    const hash = createHash("sha256").update(generatorId).update("\0").update(outDir).update("\0").update(readFileSync(SCHEMA_URL));
    hash.update("\0").update(JSON.stringify(taxonomy));
    hash.update("\0").update(targets ? targets.join(",") : "all targets");
    hash.update("\0").update(`ts style ${ts.style}, import extension ${ts.importExtension}`);
    hash.update("\0").update(`java package prefix ${java.packagePrefix}`);
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
    // catalog.json is put together from the hits' fragments unless the shared outputs stand as written.
    if (hits.size > 0 && (misses.length > 0 || !this.readShared(this.only))) {
      for (const file of files) {
        const key = this.keys.get(file.path);
        if (!hits.has(file.path) || key === undefined || this.fragmentIntact(key)) continue;
        hits.delete(file.path);
        misses.push(file);
      }
    }
    return { hits, misses };
  }

  /** Whether a hit's fragment is whole: the size and sha256 its entry recorded. */
  private fragmentIntact(key: string): boolean {
    const entry = this.readEntry(key);
    try {
      const bytes = readFileSync(join(this.dir, `${key}.fragment`));
      return entry?.fragment !== undefined && bytes.length === entry.fragment.bytes && sha256(bytes) === entry.fragment.sha256;
    } catch {
      return false;
    }
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
      const fragment = typeof result.exportFragment === "string" ? Buffer.from(result.exportFragment) : chunkBytes(result.exportFragment);
      const entry: CacheEntry = {
        ...(source ? { source } : {}),
        vendor: result.vendor,
        diagnostics: result.diagnostics,
        outputs,
        fragment: { bytes: fragment.length, sha256: sha256(fragment) },
      };
      this.prune(key);
      // Write then rename: a half-written entry must never be read as whole.
      this.writeAtomically(`${key}.fragment`, fragment);
      this.writeEntry(key, entry);
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
    this.writeEntry(key, { outputs: settled.map(({ path, vendor }) => this.stamped(path, vendor)) });
  }

  private sharedKey(only: string | undefined): string {
    const all = [...this.keys.values()].sort().join("\0");
    return `${createHash("md5").update(this.salt).update("\0shared").digest("hex")}.${createHash("md5")
      .update(all)
      .update("\0")
      .update(only ?? "")
      .digest("hex")}`;
  }

  /** An entry, if its file is whole: the sha256 of its JSON on the first line, then the JSON. */
  private readEntry(key: string): CacheEntry | undefined {
    try {
      const text = readFileSync(join(this.dir, `${key}.json`), "utf8");
      const newline = text.indexOf("\n");
      const body = text.slice(newline + 1);
      if (newline !== 64 || sha256(Buffer.from(body)) !== text.slice(0, newline)) return undefined;
      return JSON.parse(body) as CacheEntry;
    } catch {
      // Missing, unreadable or from another format: process the catalog instead.
      return undefined;
    }
  }

  private writeEntry(key: string, entry: Pick<CacheEntry, "outputs"> | CacheEntry): void {
    const body = JSON.stringify(entry);
    this.writeAtomically(`${key}.json`, `${sha256(Buffer.from(body))}\n${body}`);
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

  /** Write then rename, under a name of this process's own: two gens may store the same entry at once. */
  private writeAtomically(name: string, content: string | Buffer): void {
    const temporary = join(this.dir, `${name}.${process.pid}.tmp`);
    writeFileSync(temporary, content);
    renameSync(temporary, join(this.dir, name));
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

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
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
