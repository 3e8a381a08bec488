import { resolve } from "node:path";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { formatDiagnosticsText } from "../diagnostics/format.js";
import { exportChunks } from "../model/export-json.js";
import { runCatalogs } from "../pipeline/run-catalogs.js";
import { chunkText } from "../render/output-file.js";
import { type CliIo, EXIT_FAILURE, EXIT_OK } from "./io.js";

/** `gen export`: the resolved catalog set as JSON on stdout, or diagnostics and exit 1. */
export async function runExport(options: { readonly catalogs: string }, io: CliIo): Promise<number> {
  const run = await runCatalogs({ catalogs: resolve(io.cwd, options.catalogs), cwd: io.cwd, mode: "export" });
  if (run.diagnostics.length > 0) io.stderr(formatDiagnosticsText(run.diagnostics, run.texts));
  if (hasErrors(run.diagnostics)) return EXIT_FAILURE;
  for (const chunk of exportChunks(run.results.map((result) => result.exportFragment ?? ""))) io.stdout(chunkText(chunk));
  return EXIT_OK;
}
