import { readFileSync } from "node:fs";
import { listCatalogFiles } from "../catalog/read-catalogs.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceTexts } from "../diagnostics/format.js";
import { byVendorId, type CatalogSummary } from "../model/summary.js";
import type { TemplateSet } from "../render/templates.js";
import type { CatalogCache } from "./cache.js";
import type { JobMode, JobResult } from "./catalog-job.js";
import { checkAcrossVendors } from "./cross-vendor.js";
import { runCatalogJobs } from "./run-jobs.js";

export interface CatalogRun {
  /** The valid catalogs' results, sorted by vendor id. */
  readonly results: readonly JobResult[];
  readonly summary: CatalogSummary;
  readonly diagnostics: readonly Diagnostic[];
  /** Texts of the files with diagnostics, for code frames. */
  readonly texts: SourceTexts;
  readonly fileCount: number;
  /** The results that were processed now (not taken from the cache), for storing in it. */
  readonly processed: readonly JobResult[];
  /** Each catalog's absolute path, by display path. */
  readonly sources: ReadonlyMap<string, string>;
}

export interface CatalogRunOptions {
  readonly catalogs: string;
  readonly cwd: string;
  readonly mode: JobMode;
  readonly templates?: TemplateSet | undefined;
  readonly outDir?: string | undefined;
  readonly staging?: string | undefined;
  readonly only?: string | undefined;
  /** Catalogs whose cached results still hold are not processed again. */
  readonly cache?: CatalogCache | undefined;
}

/**
 * Runs a job over every catalog of a directory (in parallel when it pays) and adds what only shows
 * across files: two catalogs claiming one vendor id, namespace or Java class.
 */
export async function runCatalogs(options: CatalogRunOptions): Promise<CatalogRun> {
  const listed = listCatalogFiles(options.catalogs, options.cwd);
  const cached = options.cache?.partition(listed.files);
  const processed = await runCatalogJobs(cached?.misses ?? listed.files, {
    mode: options.mode,
    templateSet: options.templates,
    outDir: options.outDir,
    staging: options.staging,
    only: options.only,
  });
  const fresh = new Map(processed.map((result) => [result.path, result]));
  const all = listed.files.flatMap((file) => {
    const result = fresh.get(file.path) ?? cached?.hits.get(file.path);
    return result ? [result] : [];
  });
  const diagnostics: Diagnostic[] = [...listed.diagnostics, ...all.flatMap((result) => result.diagnostics)];
  const sources = new Map(listed.files.map((file) => [file.path, file.absolutePath]));
  const across = checkAcrossVendors(all, sources);
  diagnostics.push(...across.diagnostics);
  const results = across.kept;
  results.sort((a, b) => byVendorId(a.vendor ?? { id: "" }, b.vendor ?? { id: "" }));
  const texts = new Map<string, string>();
  for (const file of listed.files) {
    if (diagnostics.some((diagnostic) => diagnostic.file === file.path && diagnostic.line > 0)) texts.set(file.path, readFileSync(file.absolutePath, "utf8"));
  }
  return {
    results,
    summary: { vendors: results.flatMap((result) => (result.vendor ? [result.vendor] : [])) },
    diagnostics,
    texts,
    fileCount: listed.files.length,
    processed,
    sources,
  };
}
