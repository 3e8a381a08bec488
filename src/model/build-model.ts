import type { RawCatalog, RawCategory, RawCode, RawCodeSet, RawDeprecation, RawRetry, RawUncoded } from "../catalog/raw-catalog.js";
import type { ValidCatalog } from "../catalog/validate.js";
import { byVendorId } from "./summary.js";
import type { CatalogModel, CodeEntry, CodeFormat, CodeSet, Deprecation, Retry, UncodedEntry, Vendor } from "./types.js";
import { defaultJavaPackage } from "./vendor-names.js";

/** Turns validated catalogs into the one normalized model every target renders, sorted by vendor id. */
export function buildModel(catalogs: readonly ValidCatalog[]): CatalogModel {
  const vendors = catalogs.map(({ name, catalog }) => buildVendor(catalog, name));
  vendors.sort(byVendorId);
  return { vendors };
}

/** One vendor of the model, from its validated catalog. */
export function buildVendor(catalog: RawCatalog, file: string): Vendor {
  const { vendor } = catalog;
  return {
    id: vendor.id,
    name: vendor.name,
    summary: vendor.summary,
    source: vendor.source,
    javaPackage: vendor.javaPackage ?? defaultJavaPackage(vendor.id),
    file,
    errorResponse: vendor.errorResponse && {
      description: vendor.errorResponse.description,
      example: vendor.errorResponse.example,
      fields: (vendor.errorResponse.fields ?? []).map((field) => ({
        path: field.path,
        type: field.type,
        description: field.description,
        codeSet: field.codeSet,
        values: field.values ?? [],
      })),
      notes: vendor.errorResponse.notes ?? [],
    },
    guidance: (vendor.guidance ?? []).map((item) => ({ id: item.id, title: item.title, text: item.text, items: item.items ?? [] })),
    notes: vendor.notes ?? [],
    codeSets: catalog.codeSets.map(buildCodeSet),
  };
}

function buildCodeSet(set: RawCodeSet): CodeSet {
  return {
    id: set.id,
    typeName: set.typeName,
    title: set.title,
    description: set.description,
    format: codeFormat(set),
    scopes: (set.scopes ?? []).map((scope) => ({ id: scope.id, title: scope.title, symbol: scope.symbol, description: scope.description })),
    categories: (set.categories ?? []).map(buildCategory),
    codes: set.codes.map(buildCode),
    uncoded: (set.uncoded ?? []).map(buildUncoded),
    notes: set.notes ?? [],
  };
}

function codeFormat(set: RawCodeSet): CodeFormat {
  switch (set.codeKind) {
    case "integer":
      return { kind: "integer" };
    case "digits":
      return { kind: "digits", width: set.width ?? 0 };
    case "symbolic":
      return { kind: "symbolic" };
  }
}

function buildCategory(category: RawCategory) {
  return {
    id: category.id,
    title: category.title,
    description: category.description,
    range: category.range && { min: category.range.min, max: category.range.max },
    exceptionClasses: category.exceptionClasses ?? [],
    deprecated: buildDeprecation(category.deprecated),
    notes: category.notes ?? [],
  };
}

function buildCode(entry: RawCode): CodeEntry {
  return {
    code: entry.code,
    wire: String(entry.code),
    name: entry.name,
    message: entry.message,
    alternativeMessages: entry.alternativeMessages ?? [],
    description: entry.description,
    action: entry.action,
    httpStatus: entry.httpStatus,
    scope: entry.scope,
    category: entry.category,
    endpoints: entry.endpoints ?? [],
    retry: buildRetry(entry.retry),
    deprecated: buildDeprecation(entry.deprecated),
    reserved: entry.reserved ?? false,
    restored: entry.restored ?? false,
    translations: Object.keys(entry.translations ?? {})
      .sort()
      .map((locale) => ({ locale, texts: { ...entry.translations?.[locale] } })),
    placeholders: (entry.placeholders ?? []).map((p) => ({ name: p.name, token: p.token, description: p.description })),
    handling: entry.handling,
    notes: entry.notes ?? [],
  };
}

function buildUncoded(entry: RawUncoded): UncodedEntry {
  return {
    name: entry.name,
    case: entry.case,
    httpStatus: entry.httpStatus,
    message: entry.message,
    description: entry.description,
    action: entry.action,
    retry: buildRetry(entry.retry),
    notes: entry.notes ?? [],
  };
}

function buildRetry(retry: RawRetry | undefined): Retry | undefined {
  return retry && { policy: retry.policy, minDelaySeconds: retry.minDelaySeconds, maxDelaySeconds: retry.maxDelaySeconds, note: retry.note };
}

function buildDeprecation(deprecated: RawDeprecation | undefined): Deprecation | undefined {
  if (deprecated === undefined || deprecated === false) return undefined;
  if (deprecated === true) return { reason: undefined, replacement: undefined };
  return { reason: deprecated.reason, replacement: deprecated.replacement };
}
