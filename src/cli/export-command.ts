import { resolve } from "node:path";
import { loadCatalogs } from "../catalog/load-catalogs.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { formatDiagnosticsText } from "../diagnostics/format.js";
import { buildModel } from "../model/build-model.js";
import { formatExport } from "../model/export-json.js";
import { type CliIo, EXIT_FAILURE, EXIT_OK } from "./io.js";

/** `gen export`: the resolved catalog set as JSON on stdout, or diagnostics and exit 1. */
export function runExport(options: { readonly catalogs: string }, io: CliIo): number {
  const loaded = loadCatalogs(resolve(io.cwd, options.catalogs), io.cwd);
  if (loaded.diagnostics.length > 0) io.stderr(formatDiagnosticsText(loaded.diagnostics, loaded.texts));
  if (hasErrors(loaded.diagnostics)) return EXIT_FAILURE;
  io.stdout(formatExport(buildModel(loaded.catalogs)));
  return EXIT_OK;
}
