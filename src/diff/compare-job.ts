import { readCatalogFile } from "../catalog/read-catalogs.js";
import type { CatalogInput } from "../catalog/validate.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { summarizeVendor } from "../model/summary.js";
import type { Taxonomy } from "../outcomes/taxonomy.js";
import type { CatalogJob, JobResult } from "../pipeline/catalog-job.js";
import { buildSide } from "./build-sides.js";
import type { Change } from "./change.js";
import { diffVendors, headOf, type VendorHead } from "./diff-catalogs.js";

/**
 * The other side's catalog files, by file name, for the jobs of `gen diff`: each current file named
 * here differs from the other side, which has it as the bytes given, or not at all (null). A file not
 * named here is the same on both sides and is only validated. Plain data, cloned into every worker.
 */
export type AgainstFiles = ReadonlyMap<string, CatalogInput | null>;

/** What a job found comparing its catalog with the other side's file of the same name. */
export interface FileComparison {
  readonly fileName: string;
  /** This catalog's vendor, as the pairing needs it. */
  readonly head: VendorHead;
  /** The other side's file of the same name, if there is one: its diagnostics, and its vendor's head when it is valid. */
  readonly old?: { readonly diagnostics: readonly Diagnostic[]; readonly head?: VendorHead };
  /** The changes from that file's vendor to this one's, when both are valid. */
  readonly changes?: readonly Change[];
}

/**
 * A validation job of `gen diff` for a catalog that differs from the other side: it validates and
 * models this catalog, and the other side's file of the same name, and compares the two, on whichever
 * thread claimed it. Most changed files keep their vendor, so this is most of a diff's work, shared
 * between the threads; the main thread then only pairs the vendors (see joinComparisons).
 */
export function runCompareJob(job: CatalogJob, fileName: string, old: CatalogInput | null, taxonomy?: Taxonomy): JobResult {
  const read = readCatalogFile(job);
  if (!("bytes" in read)) return { path: job.path, diagnostics: [read] };
  const now = buildSide(read, taxonomy);
  if (!now.side) return { path: job.path, diagnostics: now.diagnostics };
  const base = { path: job.path, vendor: summarizeVendor(now.side.vendor), diagnostics: now.diagnostics };
  const head = headOf(now.side);
  if (old === null) return { ...base, compared: { fileName, head } };
  const before = buildSide(old, taxonomy);
  if (!before.side) return { ...base, compared: { fileName, head, old: { diagnostics: before.diagnostics } } };
  const changes = diffVendors(before.side, now.side);
  return { ...base, compared: { fileName, head, old: { diagnostics: before.diagnostics, head: headOf(before.side) }, changes } };
}

/**
 * The other side's files for the jobs of the current files named (see AgainstFiles), with their bytes
 * copied into one SharedArrayBuffer: every worker thread is given the map, and shared memory is handed
 * over without a copy for each thread.
 */
export function againstFiles(changedNow: readonly string[], before: readonly (CatalogInput & { readonly fileName: string })[]): AgainstFiles {
  const wanted = new Set(changedNow);
  const compared = before.filter((file) => wanted.has(file.fileName));
  const shared = new Uint8Array(new SharedArrayBuffer(compared.reduce((sum, file) => sum + file.bytes.length, 0)));
  const byName = new Map<string, CatalogInput>();
  let offset = 0;
  for (const file of compared) {
    shared.set(file.bytes, offset);
    const bytes = shared.subarray(offset, offset + file.bytes.length);
    byName.set(file.fileName, file.name === undefined ? { path: file.path, bytes } : { path: file.path, name: file.name, bytes });
    offset += file.bytes.length;
  }
  return new Map(changedNow.map((fileName) => [fileName, byName.get(fileName) ?? null]));
}
