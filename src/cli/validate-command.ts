import { resolve } from "node:path";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { formatDiagnosticsGithub, formatDiagnosticsJson, formatDiagnosticsText, summarize } from "../diagnostics/format.js";
import { runCatalogs } from "../pipeline/run-catalogs.js";
import { type CliIo, EXIT_FAILURE, EXIT_OK } from "./io.js";
import { taxonomyOption } from "./outcomes-option.js";

export interface ValidateOptions {
  readonly catalogs: string;
  readonly format: "text" | "json" | "github";
  /** A taxonomy file that replaces the built-in outcome taxonomy. */
  readonly outcomes?: string | undefined;
  /** Threads to use (see runCatalogJobs). */
  readonly jobs?: number | undefined;
}

/** `gen validate`: every problem of every catalog in one run. */
export async function runValidate(options: ValidateOptions, io: CliIo): Promise<number> {
  const taxonomy = taxonomyOption(options.outcomes, io);
  if (!taxonomy) return EXIT_FAILURE;
  const run = await runCatalogs({
    catalogs: resolve(io.cwd, options.catalogs),
    cwd: io.cwd,
    mode: "validate",
    threads: options.jobs,
    taxonomy,
    onProgress: io.progress,
  });
  const failed = hasErrors(run.diagnostics);
  if (options.format === "json") {
    io.stdout(formatDiagnosticsJson(run.diagnostics));
  } else if (options.format === "github") {
    io.stdout(formatDiagnosticsGithub(run.diagnostics));
  } else if (run.diagnostics.length > 0) {
    io.stderr(formatDiagnosticsText(run.diagnostics, run.texts));
  }
  if (options.format === "text" && !failed) {
    const sets = run.summary.vendors.reduce((sum, vendor) => sum + vendor.codeSets.length, 0);
    const codes = run.summary.vendors.reduce((sum, vendor) => sum + vendor.codeSets.reduce((n, set) => n + set.entryCount, 0), 0);
    const problems = run.diagnostics.length > 0 ? summarize(run.diagnostics) : "no problems";
    io.stdout(`${count(run.results.length, "catalog")}, ${count(sets, "code set")}, ${count(codes, "code")}: ${problems}\n`);
  }
  return failed ? EXIT_FAILURE : EXIT_OK;
}

/** "1 catalog", "2 catalogs". */
function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}
