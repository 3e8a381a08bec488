import { resolve } from "node:path";
import { loadCatalogs } from "../catalog/load-catalogs.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { formatDiagnosticsJson, formatDiagnosticsText, summarize } from "../diagnostics/format.js";
import { type CliIo, EXIT_FAILURE, EXIT_OK } from "./io.js";

export interface ValidateOptions {
  readonly catalogs: string;
  readonly format: "text" | "json";
}

/** `gen validate`: every problem of every catalog in one run. */
export function runValidate(options: ValidateOptions, io: CliIo): number {
  const loaded = loadCatalogs(resolve(io.cwd, options.catalogs), io.cwd);
  const failed = hasErrors(loaded.diagnostics);
  if (options.format === "json") {
    io.stdout(formatDiagnosticsJson(loaded.diagnostics));
  } else if (loaded.diagnostics.length > 0) {
    io.stderr(formatDiagnosticsText(loaded.diagnostics, loaded.texts));
  }
  if (options.format === "text" && !failed) {
    const sets = loaded.catalogs.reduce((sum, { catalog }) => sum + catalog.codeSets.length, 0);
    const codes = loaded.catalogs.reduce(
      (sum, { catalog }) => sum + catalog.codeSets.reduce((n, set) => n + set.codes.length + (set.uncoded?.length ?? 0), 0),
      0,
    );
    const problems = loaded.diagnostics.length > 0 ? summarize(loaded.diagnostics) : "no problems";
    io.stdout(`${loaded.catalogs.length} catalogs, ${sets} code sets, ${codes} codes: ${problems}\n`);
  }
  return failed ? EXIT_FAILURE : EXIT_OK;
}
