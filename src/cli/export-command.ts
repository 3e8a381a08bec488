import { resolve } from "node:path";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { formatDiagnosticsText } from "../diagnostics/format.js";
import { exportChunks } from "../model/export-json.js";
import { runCatalogs } from "../pipeline/run-catalogs.js";
import { type CliIo, EXIT_FAILURE, EXIT_OK } from "./io.js";
import { taxonomyOption } from "./outcomes-option.js";

/** `gen export`: the resolved catalog set as JSON on stdout, or diagnostics and exit 1. */
export async function runExport(
  options: { readonly catalogs: string; readonly outcomes?: string | undefined; readonly jobs?: number | undefined },
  io: CliIo,
): Promise<number> {
  const taxonomy = taxonomyOption(options.outcomes, io);
  if (!taxonomy) return EXIT_FAILURE;
  const run = await runCatalogs({
    catalogs: resolve(io.cwd, options.catalogs),
    cwd: io.cwd,
    mode: "export",
    threads: options.jobs,
    taxonomy,
    onProgress: io.progress,
  });
  if (run.diagnostics.length > 0) io.stderr(formatDiagnosticsText(run.diagnostics, run.texts));
  if (hasErrors(run.diagnostics)) return EXIT_FAILURE;
  // Export mode keeps each fragment in memory (nothing is spooled): every chunk is text.
  for (const chunk of exportChunks(run.results.map((result) => (typeof result.exportFragment === "string" ? result.exportFragment : "")))) io.stdout(chunk);
  return EXIT_OK;
}
