import { resolve } from "node:path";
import { formatDiagnosticsText } from "../diagnostics/format.js";
import { builtinTaxonomy, readTaxonomy, type Taxonomy } from "../outcomes/taxonomy.js";
import type { CliIo } from "./io.js";

/** The taxonomy of --outcomes FILE (which replaces the built-in one), or undefined after printing why it cannot be used. */
export function taxonomyOption(file: string | undefined, io: CliIo): Taxonomy | undefined {
  if (file === undefined) return builtinTaxonomy();
  const read = readTaxonomy(resolve(io.cwd, file), file);
  if (read.diagnostics.length > 0) io.stderr(formatDiagnosticsText(read.diagnostics, new Map()));
  return read.taxonomy;
}
