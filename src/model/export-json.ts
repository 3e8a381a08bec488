import type { Chunk } from "../render/output-file.js";
import type { CatalogModel, CodeDefaults, CodeEntry, CodeSet, Deprecation, OutcomeRule, Resolution, Retry, UncodedEntry, Vendor } from "./types.js";

/**
 * The resolved catalog as plain JSON data: what `gen export` prints and generated/catalog.json holds.
 * Absent values are left out; codes keep their wire form (a string for digits and symbolic sets).
 */
export function exportCatalog(model: CatalogModel): object {
  return { vendors: model.vendors.map(exportVendor) };
}

function exportVendor(vendor: Vendor): object {
  return {
    id: vendor.id,
    name: vendor.name,
    summary: vendor.summary,
    source: vendor.source,
    file: vendor.file,
    javaPackage: vendor.javaPackage,
    errorResponse: vendor.errorResponse && {
      description: vendor.errorResponse.description,
      example: vendor.errorResponse.example,
      fields: vendor.errorResponse.fields.map((field) => ({
        path: field.path,
        type: field.type,
        description: field.description,
        codeSet: field.codeSet,
        role: field.role,
        values: nonEmpty(field.values),
      })),
      notes: nonEmpty(vendor.errorResponse.notes),
    },
    guidance: vendor.guidance.map((item) => ({ id: item.id, title: item.title, text: item.text, items: nonEmpty(item.items) })),
    httpStatusOutcomes: nonEmpty(vendor.httpStatusOutcomes.map((rule) => ({ status: rule.status, range: rule.range, outcome: exportRule(rule.outcome) }))),
    notes: nonEmpty(vendor.notes),
    codeSets: vendor.codeSets.map(exportCodeSet),
  };
}

function exportCodeSet(set: CodeSet): object {
  return {
    id: set.id,
    typeName: set.typeName,
    title: set.title,
    description: set.description,
    codeKind: set.format.kind,
    width: set.format.kind === "digits" || set.format.kind === "alphanumeric" ? set.format.width : undefined,
    alphabet: set.format.kind === "alphanumeric" ? { characters: set.format.alphabet, caseSensitive: set.format.caseSensitive } : undefined,
    identifiers: nonEmpty(set.identifiers),
    scopes: nonEmpty(set.scopes),
    categories: nonEmpty(
      set.categories.map((category) => ({
        ...category,
        exceptionClasses: nonEmpty(category.exceptionClasses),
        deprecated: exportDeprecation(category.deprecated),
        outcome: exportRule(category.outcome),
        defaults: undefined,
        ...exportDefaults(category.defaults),
        notes: nonEmpty(category.notes),
      })),
    ),
    codes: set.codes.map(exportCode),
    uncoded: nonEmpty(set.uncoded.map(exportUncoded)),
    outcome: exportRule(set.outcome),
    ...exportDefaults(set.defaults),
    notes: nonEmpty(set.notes),
  };
}

function exportCode(entry: CodeEntry): object {
  return {
    code: entry.code,
    name: entry.name,
    aliases: nonEmpty(entry.aliases),
    identifiers: entry.identifiers.length > 0 ? Object.fromEntries(entry.identifiers.map(({ id, value }) => [id, value])) : undefined,
    message: entry.message,
    alternativeMessages: nonEmpty(entry.alternativeMessages),
    description: entry.description,
    action: entry.action,
    httpStatus: entry.httpStatus,
    // The list only when there are several: httpStatus is the primary one.
    httpStatuses: entry.httpStatuses.length > 1 ? entry.httpStatuses : undefined,
    scope: entry.scope,
    category: entry.category,
    severity: entry.severity,
    endpoints: nonEmpty(entry.endpoints),
    retry: exportRetry(entry.retry),
    deprecated: exportDeprecation(entry.deprecated),
    retired: entry.retired,
    reserved: entry.reserved || undefined,
    restored: entry.restored || undefined,
    translations: entry.translations.length > 0 ? Object.fromEntries(entry.translations.map((t) => [t.locale, t.texts])) : undefined,
    placeholders: nonEmpty(entry.placeholders),
    handling: entry.handling,
    notes: nonEmpty(entry.notes),
    inherited: nonEmpty(entry.inherited),
    resolution: exportResolution(entry.resolution),
  };
}

/**
 * A set's or category's defaults for its codes, as the catalog states them (and as a code's values are
 * exported: httpStatus is the primary status, httpStatuses the list when there are several).
 */
function exportDefaults(defaults: CodeDefaults): object {
  const { httpStatuses, retry, scope, severity } = defaults;
  return { httpStatus: httpStatuses[0], httpStatuses: httpStatuses.length > 1 ? httpStatuses : undefined, retry: exportRetry(retry), scope, severity };
}

function exportUncoded(entry: UncodedEntry): object {
  return {
    name: entry.name,
    case: entry.case,
    httpStatus: entry.httpStatus,
    message: entry.message,
    description: entry.description,
    action: entry.action,
    retry: exportRetry(entry.retry),
    notes: nonEmpty(entry.notes),
    resolution: exportResolution(entry.resolution),
  };
}

function exportRetry(retry: Retry | undefined): object | undefined {
  return retry && { ...retry, delaysSeconds: nonEmpty(retry.delaysSeconds) };
}

function exportRule(rule: OutcomeRule | undefined): object | undefined {
  return rule && { ...rule, retry: exportRetry(rule.retry) };
}

/** The resolved outcome, so that other tools need not repeat the precedence rules. */
function exportResolution(resolution: Resolution): object {
  return { ...resolution, retry: exportRetry(resolution.retry) };
}

function exportDeprecation(deprecation: Deprecation | undefined): true | Deprecation | undefined {
  if (!deprecation) return undefined;
  return deprecation.reason === undefined && deprecation.replacement === undefined ? true : deprecation;
}

function nonEmpty<T>(items: readonly T[]): readonly T[] | undefined {
  return items.length > 0 ? items : undefined;
}

/**
 * One vendor's part of the export, as JSON text indented to sit inside the vendors array. Built per
 * vendor (in parallel, and cacheable), then joined by assembleExport into exactly the bytes that
 * JSON.stringify(exportCatalog(model), null, 2) gives.
 */
export function exportVendorFragment(vendor: Vendor): string {
  // Stringified where it sits, inside {"vendors": [...]}, the vendor comes out indented already: slicing
  // the wrapper off copies nothing, where re-indenting every line would copy the whole text again.
  const text = JSON.stringify({ vendors: [exportVendor(vendor)] }, null, 2);
  return text.slice(FRAGMENT_HEAD.length, text.length - FRAGMENT_TAIL.length);
}

/** What JSON.stringify puts around the one vendor: the export's own framing (without a comment or the final newline). */
const FRAGMENT_HEAD = exportFraming().head;
const FRAGMENT_TAIL = exportFraming().tail.trimEnd();

/**
 * The whole export from vendor fragments (sorted by vendor id), optionally with a leading $comment, as
 * the chunks that make it up: at a million codes it is larger than any one JavaScript string can be.
 */
export function exportChunks<T extends Chunk>(fragments: readonly T[], comment?: string): (string | T)[] {
  const framing = exportFraming(comment);
  if (fragments.length === 0) return [framing.empty];
  const chunks: (string | T)[] = [framing.head];
  fragments.forEach((fragment, index) => {
    if (index > 0) chunks.push(framing.separator);
    chunks.push(fragment);
  });
  chunks.push(framing.tail);
  return chunks;
}

/** What the export puts around the vendor fragments: before the first, between two, after the last; or, for none, everything. */
export interface ExportFraming {
  readonly head: string;
  readonly separator: string;
  readonly tail: string;
  readonly empty: string;
}

export function exportFraming(comment?: string): ExportFraming {
  const start = comment === undefined ? "{" : `{\n  "$comment": ${JSON.stringify(comment)},`;
  return { head: `${start}\n  "vendors": [\n    `, separator: ",\n    ", tail: "\n  ]\n}\n", empty: `${start}\n  "vendors": []\n}\n` };
}

/** The export as text: two-space JSON with a final newline, stable for diffs. */
export function formatExport(model: CatalogModel): string {
  return exportChunks(model.vendors.map(exportVendorFragment)).join("");
}
