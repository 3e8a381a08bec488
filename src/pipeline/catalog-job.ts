import { basename } from "node:path";
import { readCatalogFile } from "../catalog/read-catalogs.js";
import { validateCatalog } from "../catalog/validate.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { type AgainstFiles, type FileComparison, runCompareJob } from "../diff/compare-job.js";
import { buildVendor } from "../model/build-model.js";
import { exportVendorFragment } from "../model/export-json.js";
import { summarizeVendor, type VendorSummary } from "../model/summary.js";
import type { Vendor } from "../model/types.js";
import type { Taxonomy } from "../outcomes/taxonomy.js";
import type { JavaOptions } from "../render/java-options.js";
import type { Chunk } from "../render/output-file.js";
import type { Renderer } from "../render/render.js";
import type { TsOptions } from "../render/typescript-options.js";
import { type SettledFile, settleFile } from "../write/settle.js";

/** One catalog file to process. */
export interface CatalogJob {
  /** Where to read it. */
  readonly absolutePath: string;
  /** How diagnostics name it. */
  readonly path: string;
  /** How generated files name it. */
  readonly name: string;
}

/**
 * How far a job goes: validate only; export (also the JSON fragment); check (also render, and compare
 * the files with the output directory); write (also stage changed files).
 */
export type JobMode = "validate" | "export" | "check" | "write";

/** How every job of a run is done: plain data, the same in every thread. */
export interface JobSettings {
  readonly mode: JobMode;
  readonly outDir?: string | undefined;
  readonly staging?: string | undefined;
  /** With --only: render just this vendor (the others are still validated). */
  readonly only?: string | undefined;
  /** The outcome taxonomy (gen --outcomes); the built-in one when undefined. */
  readonly taxonomy?: Taxonomy | undefined;
  /** The targets to render (see selectTargets); all of them by default. */
  readonly targets?: readonly string[] | undefined;
  /** How the TypeScript target is written (gen --ts-style, --ts-import-extension); enums and .js by default. */
  readonly ts?: TsOptions | undefined;
  /** How the Java target is written (gen --java-package-prefix); the vendors' default packages follow it. */
  readonly java?: JavaOptions | undefined;
  /** gen diff: the other side's files that differ from these (validate mode); see runCompareJob. */
  readonly against?: AgainstFiles | undefined;
}

/** The settings and, when the mode renders, the renderer (each thread makes its own). */
export interface JobContext extends JobSettings {
  readonly renderer?: Renderer | undefined;
}

/** What a job returns: small and cloneable, so it can come back from a worker thread. */
export interface JobResult {
  readonly path: string;
  readonly diagnostics: readonly Diagnostic[];
  /** Present when the catalog is valid. */
  readonly vendor?: VendorSummary;
  /** This vendor's part of catalog.json: the text, or where this run's catalog.json stream or the cache holds it. */
  readonly exportFragment?: Chunk;
  /** Compared (and possibly staged) files (check and write modes). */
  readonly settled?: readonly SettledFile[];
  /** gen diff: the comparison with the other side's file of the same name (see runCompareJob). */
  readonly compared?: FileComparison;
}

/** Reads, validates, models and (depending on the mode) renders and settles one catalog. */
export function runCatalogJob(job: CatalogJob, context: JobContext): JobResult {
  const fileName = basename(job.absolutePath);
  const other = context.against?.get(fileName);
  if (other !== undefined) return runCompareJob(job, fileName, other, context.taxonomy);
  const modelled = modelCatalog(job, context.taxonomy, context.java);
  if (!modelled.vendor) return { path: job.path, diagnostics: modelled.diagnostics };
  const { vendor } = modelled;
  const base = { path: job.path, vendor: summarizeVendor(vendor) };
  if (context.mode === "validate") return { ...base, diagnostics: modelled.diagnostics };

  const exportFragment = exportVendorFragment(vendor);
  const renderer = context.mode === "export" || (context.only !== undefined && context.only !== vendor.id) ? undefined : context.renderer;
  if (!renderer) return { ...base, diagnostics: modelled.diagnostics, exportFragment };

  // Each file is compared (and staged) as soon as it is rendered, so only one output is held at a time.
  // A template error fails the whole run, which then discards whatever was staged.
  const settled: SettledFile[] = [];
  const staging = context.mode === "write" ? context.staging : undefined;
  const rendered = renderer.renderVendor(vendor, (file) => settled.push(settleFile(file, context.outDir ?? ".", staging)));
  const diagnostics = [...modelled.diagnostics, ...rendered.diagnostics];
  return hasErrors(diagnostics) ? { ...base, diagnostics, exportFragment } : { ...base, diagnostics, exportFragment, settled };
}

/**
 * Reads, validates and models one catalog. Only the plain model comes out: the bytes, the decoded text's
 * bookkeeping and the parsed data stay behind, garbage before rendering starts.
 */
function modelCatalog(
  job: CatalogJob,
  taxonomy: Taxonomy | undefined,
  java: JavaOptions | undefined,
): { readonly vendor?: Vendor; readonly diagnostics: readonly Diagnostic[] } {
  const read = readCatalogFile(job);
  if (!("bytes" in read)) return { diagnostics: [read] };
  const validated = validateCatalog(read, taxonomy);
  if (!validated.catalog) return { diagnostics: validated.diagnostics };
  return { vendor: buildVendor(validated.catalog.catalog, job.name, taxonomy, java), diagnostics: validated.diagnostics };
}
