import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { hasErrors, sortDiagnostics } from "../diagnostics/diagnostic.js";
import { defaultJavaPackage, responsesClassName } from "../model/vendor-names.js";
import { builtinTaxonomy, type Taxonomy } from "../outcomes/taxonomy.js";
import { checkCodes, mayWriteIntegerCodeOtherwise } from "./check-codes.js";
import { type CatalogCheck, hasFindings, runChecks } from "./check-context.js";
import { checkFileNames } from "./check-file-names.js";
import { checkNames } from "./check-names.js";
import { checkOutcomes } from "./check-outcomes.js";
import { checkPlaceholders } from "./check-placeholders.js";
import { checkReferences } from "./check-references.js";
import { checkVendor } from "./check-vendor.js";
import { checkAcrossVendors } from "./cross-vendor.js";
import { decodeCatalog } from "./decode.js";
import { parseFast } from "./fast-parse.js";
import { type DataPath, locate } from "./locate.js";
import { parseCatalog } from "./parse.js";
import type { RawCatalog } from "./raw-catalog.js";
import { readablePart } from "./readable-part.js";
import { checkSchemaWithPaths, isSchemaValid } from "./schema.js";
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

const SEMANTIC_CHECKS: readonly CatalogCheck[] = [checkVendor, checkFileNames, checkReferences, checkCodes, checkNames, checkPlaceholders, checkOutcomes];

/** Validates one catalog file: decoding, YAML, JSON Schema, then the semantic checks. Pure. */
export function validateCatalog(input: CatalogInput, taxonomy: Taxonomy = builtinTaxonomy()): { catalog?: ValidCatalog; diagnostics: Diagnostic[] } {
  const result = validateUnsorted(input, taxonomy);
  return { ...result, diagnostics: sortDiagnostics(result.diagnostics) };
}

function validateUnsorted(input: CatalogInput, taxonomy: Taxonomy): { catalog?: ValidCatalog; diagnostics: Diagnostic[] } {
  const decoded = decodeCatalog(input.path, input.bytes);
  if (!decoded.ok) return { diagnostics: [...decoded.diagnostics] };
  const source = createSourceFile(input.path, decoded.text);

  // Fast path: most catalogs are clean, and for them no position is ever needed.
  const quick = validateQuickly(source, taxonomy);
  if (quick) return { catalog: { source, name: input.name ?? input.path, catalog: quick }, diagnostics: [...decoded.diagnostics] };

  // Careful path: parse with positions and report every problem where it is.
  const parsed = parseCatalog(source);
  const diagnostics = [...decoded.diagnostics, ...parsed.diagnostics];
  if (parsed.data === undefined || hasErrors(diagnostics)) return { diagnostics };

  const schema = checkSchemaWithPaths(source, parsed.data);
  diagnostics.push(...schema.diagnostics);
  if (schema.diagnostics.length > 0) {
    // Semantic checks assume the schema's shape: they run on what still has it, so one run reports every problem.
    const part = readablePart(parsed.data, schema.errorPaths);
    if (part) diagnostics.push(...runChecks(source, part.catalog, SEMANTIC_CHECKS, taxonomy, part.originalPath));
    return { diagnostics };
  }

  const catalog = parsed.data as RawCatalog;
  diagnostics.push(...runChecks(source, catalog, SEMANTIC_CHECKS, taxonomy));
  if (hasErrors(diagnostics)) return { diagnostics };
  return { catalog: { source, name: input.name ?? input.path, catalog }, diagnostics };
}

/** The catalog, if the fast parser reads it and neither the schema nor any check finds anything; else undefined. */
function validateQuickly(source: SourceFile, taxonomy: Taxonomy): RawCatalog | undefined {
  const data = parseFast(source.text);
  if (data === undefined || !isSchemaValid(data) || mayWriteIntegerCodeOtherwise(source.text)) return undefined;
  const catalog = data as RawCatalog;
  return hasFindings(source, catalog, SEMANTIC_CHECKS, taxonomy) ? undefined : catalog;
}

/** Validates a set of catalogs, including what only shows across files (checkAcrossVendors). */
export function validateCatalogs(inputs: readonly CatalogInput[], taxonomy: Taxonomy = builtinTaxonomy()): ValidationResult {
  const results = inputs.map((input) => validateCatalog(input, taxonomy));
  const valid = results.flatMap((result) => (result.catalog ? [result.catalog] : []));
  const claimants = valid.map((valid) => ({
    path: valid.source.path,
    vendorId: valid.catalog.vendor.id,
    javaPackage: valid.catalog.vendor.javaPackage ?? defaultJavaPackage(valid.catalog.vendor.id),
    typeNames: valid.catalog.codeSets.map((set) => set.typeName),
    responsesClass: valid.catalog.vendor.errorResponse?.fields?.some((field) => field.codeSet !== undefined)
      ? responsesClassName(valid.catalog.vendor.id)
      : null,
    locate: (at: DataPath) => locate(valid.source, at),
    valid,
  }));
  const across = checkAcrossVendors(claimants);
  return {
    catalogs: claimants.filter((claimant) => !across.clashed.has(claimant)).map((claimant) => claimant.valid),
    diagnostics: [...results.flatMap((result) => result.diagnostics), ...across.diagnostics],
  };
}
