import { type DataPath, locate } from "../catalog/locate.js";
import { type CatalogInput, validateCatalog } from "../catalog/validate.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { buildVendor } from "../model/build-model.js";
import type { Taxonomy } from "../outcomes/taxonomy.js";
import type { DiffSide } from "./diff-side.js";
import { createFastLocator } from "./fast-locate.js";

/**
 * Validates and models catalogs for a comparison, both sides against one taxonomy (the built-in one by
 * default). Pure: the bytes come in, sides or diagnostics go out.
 */
export function buildSides(inputs: readonly CatalogInput[], taxonomy?: Taxonomy): { sides: DiffSide[]; diagnostics: Diagnostic[] } {
  const sides: DiffSide[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const input of inputs) {
    const built = buildSide(input, taxonomy);
    diagnostics.push(...built.diagnostics);
    if (built.side) sides.push(built.side);
  }
  return { sides, diagnostics };
}

/** Validates and models one catalog for a comparison, as gen validate does. */
export function buildSide(input: CatalogInput, taxonomy?: Taxonomy): { side?: DiffSide; diagnostics: Diagnostic[] } {
  const validated = validateCatalog(input, taxonomy);
  const valid = validated.catalog;
  if (!valid) return { diagnostics: validated.diagnostics };
  const { source } = valid;
  const fast = createFastLocator(source.text);
  // The locator keeps the source only: the parsed data is garbage once modelled.
  const side = { vendor: buildVendor(valid.catalog, valid.name, taxonomy), file: input.path, locate: (path: DataPath) => fast(path) ?? locate(source, path) };
  return { side, diagnostics: validated.diagnostics };
}

/** A catalog file of one side, with what tells an unchanged file without parsing it. */
export interface SideFile extends CatalogInput {
  /** Its name in the catalogs directory (pairs the two sides' files). */
  readonly fileName: string;
  /** Its git blob id. */
  readonly blob: string;
}

/** The files that differ between two sides; a file with the same name and bytes on both holds no change. */
export function changedFiles<Old extends FileBlob, New extends FileBlob>(before: readonly Old[], after: readonly New[]): { before: Old[]; after: New[] } {
  const oldBlobs = new Map(before.map((file) => [file.fileName, file.blob]));
  const newBlobs = new Map(after.map((file) => [file.fileName, file.blob]));
  return {
    before: before.filter((file) => newBlobs.get(file.fileName) !== file.blob),
    after: after.filter((file) => oldBlobs.get(file.fileName) !== file.blob),
  };
}

/** A file's name in its catalogs directory and its git blob id. */
interface FileBlob {
  readonly fileName: string;
  readonly blob: string;
}
