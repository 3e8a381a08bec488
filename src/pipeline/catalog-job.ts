import { readCatalogFile } from "../catalog/read-catalogs.js";
import { validateCatalog } from "../catalog/validate.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { buildVendor } from "../model/build-model.js";
import { exportVendorFragment } from "../model/export-json.js";
import { summarizeVendor, type VendorSummary } from "../model/summary.js";
import type { OutputFile } from "../render/output-file.js";
import type { Renderer } from "../render/render.js";
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
 * How far a job goes: validate only; export (also the JSON fragment); render (also the files, returned
 * in memory); check (compare the files with the output directory); write (also stage changed files).
 */
export type JobMode = "validate" | "export" | "render" | "check" | "write";

export interface JobContext {
  readonly mode: JobMode;
  readonly renderer?: Renderer | undefined;
  readonly outDir?: string | undefined;
  readonly staging?: string | undefined;
  /** With --only: render just this vendor (the others are still validated). */
  readonly only?: string | undefined;
}

/** What a job returns: small and cloneable, so it can come back from a worker thread. */
export interface JobResult {
  readonly path: string;
  readonly diagnostics: readonly Diagnostic[];
  /** Present when the catalog is valid. */
  readonly vendor?: VendorSummary;
  /** This vendor's part of catalog.json (UTF-8 bytes when it comes from the cache). */
  readonly exportFragment?: string | Uint8Array;
  /** Where a cached fragment lives: read only if catalog.json has to be written again. */
  readonly exportFragmentFile?: string;
  /** Rendered files (render mode). */
  readonly files?: readonly OutputFile[];
  /** Compared (and possibly staged) files (check and write modes). */
  readonly settled?: readonly SettledFile[];
}

/** Reads, validates, models and (depending on the mode) renders and settles one catalog. */
export function runCatalogJob(job: CatalogJob, context: JobContext): JobResult {
  const read = readCatalogFile(job);
  if (!("bytes" in read)) return { path: job.path, diagnostics: [read] };
  const validated = validateCatalog(read);
  if (!validated.catalog) return { path: job.path, diagnostics: validated.diagnostics };

  const { catalog } = validated.catalog;
  const vendor = buildVendor(catalog, job.name);
  const base = { path: job.path, vendor: summarizeVendor(vendor) };
  if (context.mode === "validate") return { ...base, diagnostics: validated.diagnostics };

  const exportFragment = exportVendorFragment(vendor);
  const renders = context.mode !== "export" && context.renderer !== undefined && (context.only === undefined || context.only === vendor.id);
  if (!renders || !context.renderer) return { ...base, diagnostics: validated.diagnostics, exportFragment };

  const rendered = context.renderer.renderVendor(vendor);
  const diagnostics = [...validated.diagnostics, ...rendered.diagnostics];
  if (context.mode === "render" || hasErrors(diagnostics)) return { ...base, diagnostics, exportFragment, files: rendered.files };
  const settled = rendered.files.map((file) => settleFile(file, context.outDir ?? ".", context.mode === "write" ? context.staging : undefined));
  return { ...base, diagnostics, exportFragment, settled };
}
