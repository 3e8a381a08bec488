import { locate } from "../catalog/locate.js";
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
    const validated = validateCatalog(input, taxonomy);
    diagnostics.push(...validated.diagnostics);
    const valid = validated.catalog;
    if (!valid) continue;
    const fast = createFastLocator(valid.source.text);
    sides.push({ vendor: buildVendor(valid.catalog, valid.name, taxonomy), file: input.path, locate: (path) => fast(path) ?? locate(valid.source, path) });
  }
  return { sides, diagnostics };
}

/** A catalog file of one side, with what tells an unchanged file without parsing it. */
export interface SideFile extends CatalogInput {
  /** Its name in the catalogs directory (pairs the two sides' files). */
  readonly fileName: string;
  /** Its git blob id. */
  readonly blob: string;
}

/** The files that differ between two sides; a file with the same name and bytes on both holds no change. */
export function changedFiles(before: readonly SideFile[], after: readonly SideFile[]): { before: SideFile[]; after: SideFile[] } {
  const oldBlobs = new Map(before.map((file) => [file.fileName, file.blob]));
  const newBlobs = new Map(after.map((file) => [file.fileName, file.blob]));
  return {
    before: before.filter((file) => newBlobs.get(file.fileName) !== file.blob),
    after: after.filter((file) => oldBlobs.get(file.fileName) !== file.blob),
  };
}
