import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import type { Taxonomy } from "../outcomes/taxonomy.js";
import { type DataPath, locate, sourceTextAt } from "./locate.js";
import type { RawCatalog } from "./raw-catalog.js";
import type { SourceFile } from "./source-file.js";

/** What every semantic check gets: the schema-valid catalog, its source, and a way to report at a data path. */
export interface CheckContext {
  readonly source: SourceFile;
  readonly catalog: RawCatalog;
  /** The outcome taxonomy the catalog's outcomes refer to. */
  readonly taxonomy: Taxonomy;
  report(rule: string, message: string, path: DataPath, options?: { at?: "value" | "key"; severity?: Severity }): void;
  /** The line a data path starts on, for messages such as "already used by X (line 40)". */
  lineOf(path: DataPath): number;
  /**
   * The scalar at a data path as written in the source (`0x10`, where the data holds 16). Undefined on
   * the fast path, which computes no position: it reads only catalogs whose integer codes are all
   * written in decimal (see mayWriteIntegerCodeOtherwise).
   */
  writtenAs(path: DataPath): string | undefined;
}

export type CatalogCheck = (context: CheckContext) => void;

/** Runs checks over one catalog and collects what they report, with positions; `originalPath` maps a path of a readable part back to the file. */
export function runChecks(
  source: SourceFile,
  catalog: RawCatalog,
  checks: readonly CatalogCheck[],
  taxonomy: Taxonomy,
  originalPath: (path: DataPath) => DataPath = (path) => path,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const context: CheckContext = {
    source,
    catalog,
    taxonomy,
    report(rule, message, path, options = {}) {
      const { line, column } = locate(source, originalPath(path), options.at ?? "value");
      diagnostics.push({ severity: options.severity ?? "error", rule, message, file: source.path, line, column });
    },
    lineOf: (path) => locate(source, originalPath(path)).line,
    writtenAs: (path) => sourceTextAt(source, originalPath(path)),
  };
  for (const check of checks) check(context);
  return diagnostics;
}

/**
 * Whether any check would report anything, without computing a single position (which would need the
 * slow, position-keeping parse). A file with findings is then checked again by runChecks.
 */
export function hasFindings(source: SourceFile, catalog: RawCatalog, checks: readonly CatalogCheck[], taxonomy: Taxonomy): boolean {
  let found = false;
  const context: CheckContext = {
    source,
    catalog,
    taxonomy,
    report() {
      found = true;
    },
    lineOf: () => 0,
    writtenAs: () => undefined,
  };
  for (const check of checks) {
    check(context);
    if (found) return true;
  }
  return false;
}
