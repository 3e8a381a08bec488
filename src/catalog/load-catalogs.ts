import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceTexts } from "../diagnostics/format.js";
import type { Taxonomy } from "../outcomes/taxonomy.js";
import { readCatalogDirectory } from "./read-catalogs.js";
import { type ValidCatalog, validateCatalogs } from "./validate.js";

export interface LoadedCatalogs {
  readonly catalogs: readonly ValidCatalog[];
  readonly diagnostics: readonly Diagnostic[];
  /** Each file's text, for code frames in diagnostics. */
  readonly texts: SourceTexts;
}

/** Reads and validates a catalogs directory: the read is the only I/O. */
export function loadCatalogs(directory: string, cwd = process.cwd(), taxonomy?: Taxonomy): LoadedCatalogs {
  const read = readCatalogDirectory(directory, cwd);
  const result = validateCatalogs(read.inputs, taxonomy);
  const decoder = new TextDecoder("utf-8", { fatal: false });
  const texts = new Map(read.inputs.map((input) => [input.path, decoder.decode(input.bytes)]));
  return { catalogs: result.catalogs, diagnostics: [...read.diagnostics, ...result.diagnostics], texts };
}
