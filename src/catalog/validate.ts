import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { hasErrors, sortDiagnostics } from "../diagnostics/diagnostic.js";
import { checkCodes } from "./check-codes.js";
import { type CatalogCheck, hasFindings, runChecks } from "./check-context.js";
import { checkNames } from "./check-names.js";
import { checkPlaceholders } from "./check-placeholders.js";
import { checkReferences } from "./check-references.js";
import { checkVendor } from "./check-vendor.js";
import { decodeCatalog } from "./decode.js";
import { parseFast } from "./fast-parse.js";
import { locate } from "./locate.js";
import { parseCatalog } from "./parse.js";
import type { RawCatalog } from "./raw-catalog.js";
import { checkSchema, isSchemaValid } from "./schema.js";
import { createSourceFile, type SourceFile } from "./source-file.js";

/** A catalog file's bytes, as read from disk. */
export interface CatalogInput {
  /** As shown in diagnostics. */
  readonly path: string;
  /** As named in generated files (defaults to path). */
  readonly name?: string;
  readonly bytes: Uint8Array;
}

/** A catalog that passed every check. */
export interface ValidCatalog {
  readonly source: SourceFile;
  /** As named in generated files. */
  readonly name: string;
  readonly catalog: RawCatalog;
}

export interface ValidationResult {
  /** The catalogs without errors (warnings allowed), in input order. */
  readonly catalogs: readonly ValidCatalog[];
  /** Every problem found, in every file. */
  readonly diagnostics: readonly Diagnostic[];
}

const SEMANTIC_CHECKS: readonly CatalogCheck[] = [checkVendor, checkReferences, checkCodes, checkNames, checkPlaceholders];

/** Validates one catalog file: decoding, YAML, JSON Schema, then the semantic checks. Pure. */
export function validateCatalog(input: CatalogInput): { catalog?: ValidCatalog; diagnostics: Diagnostic[] } {
  const result = validateUnsorted(input);
  return { ...result, diagnostics: sortDiagnostics(result.diagnostics) };
}

function validateUnsorted(input: CatalogInput): { catalog?: ValidCatalog; diagnostics: Diagnostic[] } {
  const decoded = decodeCatalog(input.path, input.bytes);
  if (!decoded.ok) return { diagnostics: [...decoded.diagnostics] };
  const source = createSourceFile(input.path, decoded.text);

  // Fast path: most catalogs are clean, and for them no position is ever needed.
  const quick = validateQuickly(source);
  if (quick) return { catalog: { source, name: input.name ?? input.path, catalog: quick }, diagnostics: [...decoded.diagnostics] };

  // Careful path: parse with positions and report every problem where it is.
  const parsed = parseCatalog(source);
  const diagnostics = [...decoded.diagnostics, ...parsed.diagnostics];
  if (parsed.data === undefined || hasErrors(diagnostics)) return { diagnostics };

  const schemaErrors = checkSchema(source, parsed.data);
  diagnostics.push(...schemaErrors);
  // Semantic checks assume the schema's shape; with schema errors they would only add noise.
  if (schemaErrors.length > 0) return { diagnostics };

  const catalog = parsed.data as RawCatalog;
  diagnostics.push(...runChecks(source, catalog, SEMANTIC_CHECKS));
  if (hasErrors(diagnostics)) return { diagnostics };
  return { catalog: { source, name: input.name ?? input.path, catalog }, diagnostics };
}

/** The catalog, if the fast parser reads it and neither the schema nor any check finds anything; else undefined. */
function validateQuickly(source: SourceFile): RawCatalog | undefined {
  const data = parseFast(source.text);
  if (data === undefined || !isSchemaValid(data)) return undefined;
  const catalog = data as RawCatalog;
  return hasFindings(source, catalog, SEMANTIC_CHECKS) ? undefined : catalog;
}

/** Validates a set of catalogs, including what only shows across files (two files claiming one vendor id). */
export function validateCatalogs(inputs: readonly CatalogInput[]): ValidationResult {
  const catalogs: ValidCatalog[] = [];
  const diagnostics: Diagnostic[] = [];
  const vendors = new Map<string, ValidCatalog>();
  for (const input of inputs) {
    const result = validateCatalog(input);
    diagnostics.push(...result.diagnostics);
    if (!result.catalog) continue;
    const id = result.catalog.catalog.vendor.id;
    const first = vendors.get(id);
    if (first) {
      const { line, column } = locate(result.catalog.source, ["vendor", "id"]);
      diagnostics.push({
        severity: "error",
        rule: "duplicate-vendor",
        message: `vendor id ${id} is already used by ${first.source.path}`,
        file: input.path,
        line,
        column,
      });
      continue;
    }
    vendors.set(id, result.catalog);
    catalogs.push(result.catalog);
  }
  return { catalogs, diagnostics };
}
