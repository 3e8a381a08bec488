import { readFileSync } from "node:fs";
import { checkAcrossVendors } from "../catalog/cross-vendor.js";
import { normalizeLineBreaks } from "../catalog/decode.js";
import { type DataPath, locate } from "../catalog/locate.js";
import { listCatalogFiles } from "../catalog/read-catalogs.js";
import { createSourceFile } from "../catalog/source-file.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceTexts } from "../diagnostics/format.js";
import type { AgainstFiles } from "../diff/compare-job.js";
import { byVendorId, type CatalogSummary } from "../model/summary.js";
import type { Taxonomy } from "../outcomes/taxonomy.js";
import { DEFAULT_JAVA_OPTIONS, type JavaOptions, javaRuntimePackage } from "../render/java-options.js";
import type { TemplateSet } from "../render/templates.js";
import type { TsOptions } from "../render/typescript-options.js";
import { JAVA_RUNTIME_TYPES } from "../render/views/java-runtime-view.js";
import type { ExportStream } from "../write/export-stream.js";
import type { CatalogCache } from "./cache.js";
import type { JobMode, JobResult } from "./catalog-job.js";
import { runCatalogJobs } from "./run-jobs.js";

export interface CatalogRun {
  /** The valid catalogs' results, sorted by vendor id. */
  readonly results: readonly JobResult[];
  readonly summary: CatalogSummary;
  readonly diagnostics: readonly Diagnostic[];
  /** Texts of the files with diagnostics, for code frames. */
  readonly texts: SourceTexts;
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
  /** The targets to render (see selectTargets); all of them by default. */
  readonly targets?: readonly string[] | undefined;
  /** How the TypeScript target is written; enums and .js specifiers by default. */
  readonly ts?: TsOptions | undefined;
  /** How the Java target is written; the vendors' default packages follow its prefix. */
  readonly java?: JavaOptions | undefined;
  /** Where the vendors' parts of catalog.json are written as they come (see ExportStream). */
  readonly exportStream?: ExportStream | undefined;
  /** Threads to use (see runCatalogJobs). */
  readonly threads?: number | undefined;
  /** Catalogs whose cached results still hold are not processed again. */
  readonly cache?: CatalogCache | undefined;
  /** The outcome taxonomy (gen --outcomes); the built-in one when undefined. */
  readonly taxonomy?: Taxonomy | undefined;
  /** Told how many of the catalogs to process are done, as each finishes. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  /** gen diff: the other side's files to compare with (see runCompareJob). */
  readonly against?: AgainstFiles | undefined;
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
    targets: options.targets,
    ts: options.ts,
    java: options.java,
    exportStream: options.exportStream,
    threads: options.threads,
    taxonomy: options.taxonomy,
    onProgress: options.onProgress,
    against: options.against,
  });
  const fresh = new Map(processed.map((result) => [result.path, result]));
  const all = listed.files.flatMap((file) => {
    const result = fresh.get(file.path) ?? cached?.hits.get(file.path);
    return result ? [result] : [];
  });
  const diagnostics: Diagnostic[] = [...listed.diagnostics, ...all.flatMap((result) => result.diagnostics)];
  const sources = new Map(listed.files.map((file) => [file.path, file.absolutePath]));
  const claimants = all.flatMap((result) => {
    const vendor = result.vendor;
    if (!vendor) return [];
    // The catalog is read again only to place a clash's diagnostic.
    const locateIn = (at: DataPath) =>
      locate(createSourceFile(result.path, normalizeLineBreaks(readFileSync(sources.get(result.path) ?? result.path, "utf8"))), at);
    return [
      {
        path: result.path,
        vendorId: vendor.id,
        javaPackage: vendor.javaPackage,
        typeNames: vendor.codeSets.map((set) => set.typeName),
        responsesClass: vendor.responsesClass,
        locate: locateIn,
        result,
      },
    ];
  });
  // The shared Java runtime's classes are the run's too, where it writes Java.
  const runtime = javaRuntimePackage(options.java ?? DEFAULT_JAVA_OPTIONS);
  const writesJava = options.targets === undefined || options.targets.includes("java");
  const across = checkAcrossVendors(claimants, writesJava ? JAVA_RUNTIME_TYPES.map((type) => `${runtime}.${type}`) : []);
  diagnostics.push(...across.diagnostics);
  const results = claimants.filter((claimant) => !across.clashed.has(claimant)).map((claimant) => claimant.result);
  results.sort((a, b) => byVendorId(a.vendor ?? { id: "" }, b.vendor ?? { id: "" }));
  // Code frames need the text of each file a positioned diagnostic names.
  const framed = new Set(diagnostics.filter((diagnostic) => diagnostic.line > 0).map((diagnostic) => diagnostic.file));
  const texts = new Map(listed.files.filter((file) => framed.has(file.path)).map((file) => [file.path, readFileSync(file.absolutePath, "utf8")]));
  return {
    results,
    summary: { vendors: results.flatMap((result) => (result.vendor ? [result.vendor] : [])) },
    diagnostics,
    texts,
    processed,
    sources,
  };
}
