import { alphabetOf } from "../catalog/check-alphanumeric.js";
import { type EffectiveCode, effectiveCode, httpStatusList } from "../catalog/code-defaults.js";
import type { RawCatalog, RawCategory, RawCode, RawCodeDefaults, RawCodeSet, RawDeprecation, RawRetry, RawUncoded } from "../catalog/raw-catalog.js";
import type { ValidCatalog } from "../catalog/validate.js";
import { findCodeAssignment, findUncodedAssignment } from "../outcomes/assignments.js";
import { builtinTaxonomy, type Taxonomy } from "../outcomes/taxonomy.js";
import { DEFAULT_JAVA_OPTIONS, type JavaOptions } from "../render/java-options.js";
import { buildOutcomeRule, buildRetry as buildRetryOf, createResolver, type OutcomeResolver } from "./resolve-outcome.js";
import { byVendorId } from "./summary.js";
import type { CatalogModel, CodeDefaults, CodeEntry, CodeFormat, CodeSet, Deprecation, InheritedValue, Retry, UncodedEntry, Vendor } from "./types.js";
import { defaultJavaPackage } from "./vendor-names.js";

/** Turns validated catalogs into the one normalized model every target renders, sorted by vendor id. */
export function buildModel(catalogs: readonly ValidCatalog[], taxonomy: Taxonomy = builtinTaxonomy(), java: JavaOptions = DEFAULT_JAVA_OPTIONS): CatalogModel {
  const vendors = catalogs.map(({ name, catalog }) => buildVendor(catalog, name, taxonomy, java));
  vendors.sort(byVendorId);
  return { vendors, taxonomy };
}

/** One vendor of the model, from its validated catalog; every code's outcome is resolved here, once. */
export function buildVendor(catalog: RawCatalog, file: string, taxonomy: Taxonomy = builtinTaxonomy(), java: JavaOptions = DEFAULT_JAVA_OPTIONS): Vendor {
  const { vendor } = catalog;
  const resolver = createResolver(taxonomy);
  return {
    id: vendor.id,
    name: vendor.name,
    summary: vendor.summary,
    source: vendor.source,
    javaPackage: vendor.javaPackage ?? defaultJavaPackage(vendor.id, java.packagePrefix),
    file,
    errorResponse: vendor.errorResponse && {
      description: vendor.errorResponse.description,
      example: vendor.errorResponse.example,
      fields: listOf(vendor.errorResponse.fields, (field) => ({
        path: field.path,
        type: field.type,
        description: field.description,
        codeSet: field.codeSet,
        role: field.role,
        values: listOf(field.values),
      })),
      notes: listOf(vendor.errorResponse.notes),
    },
    guidance: listOf(vendor.guidance, (item) => ({ id: item.id, title: item.title, text: item.text, items: listOf(item.items) })),
    httpStatusOutcomes: listOf(vendor.httpStatusOutcomes, (rule) => ({
      status: rule.status,
      range: rule.range,
      outcome: buildOutcomeRule(rule.outcome) as NonNullable<ReturnType<typeof buildOutcomeRule>>,
    })),
    taxonomy,
    notes: listOf(vendor.notes),
    codeSets: listOf(catalog.codeSets, (set) => buildCodeSet(catalog, set, resolver)),
  };
}

function buildCodeSet(catalog: RawCatalog, set: RawCodeSet, resolver: OutcomeResolver): CodeSet {
  const setIndex = catalog.codeSets.indexOf(set);
  let codeIndex = 0;
  let uncodedIndex = 0;
  return {
    id: set.id,
    typeName: set.typeName,
    title: set.title,
    description: set.description,
    format: codeFormat(set),
    identifiers: listOf(set.identifiers, (kind) => ({ id: kind.id, title: kind.title, description: kind.description })),
    scopes: listOf(set.scopes, (scope) => ({ id: scope.id, title: scope.title, symbol: scope.symbol, description: scope.description })),
    categories: listOf(set.categories, buildCategory),
    codes: listOf(set.codes, (entry) => {
      const effective = effectiveCode(set, entry);
      return buildCode(entry, set, effective, resolver.resolve(findCodeAssignment(catalog, setIndex, codeIndex++), effective.retry?.value, entry.action));
    }),
    uncoded: listOf(set.uncoded, (entry) =>
      buildUncoded(entry, resolver.resolve(findUncodedAssignment(catalog, setIndex, uncodedIndex++), entry.retry, entry.action)),
    ),
    outcome: buildOutcomeRule(set.outcome),
    defaults: buildDefaults(set),
    notes: listOf(set.notes),
  };
}

function buildDefaults(stated: RawCodeDefaults): CodeDefaults {
  return { httpStatuses: listOf(httpStatusList(stated.httpStatus)), retry: buildRetry(stated.retry), scope: stated.scope, severity: stated.severity };
}

function codeFormat(set: RawCodeSet): CodeFormat {
  switch (set.codeKind) {
    case "integer":
      return { kind: "integer" };
    case "digits":
      return { kind: "digits", width: set.width ?? 0 };
    case "alphanumeric":
      return { kind: "alphanumeric", width: set.width, alphabet: alphabetOf(set).characters, caseSensitive: alphabetOf(set).caseSensitive ?? true };
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
    prefix: category.prefix,
    exceptionClasses: listOf(category.exceptionClasses),
    deprecated: buildDeprecation(category.deprecated),
    outcome: buildOutcomeRule(category.outcome),
    defaults: buildDefaults(category),
    notes: listOf(category.notes),
  };
}

function buildCode(entry: RawCode, set: RawCodeSet, effective: EffectiveCode, resolution: CodeEntry["resolution"]): CodeEntry {
  const inherited: InheritedValue[] = [];
  for (const field of ["httpStatus", "retry", "scope", "severity"] as const) {
    const from = effective[field]?.from;
    if (from !== undefined && from !== "code") inherited.push({ field, from });
  }
  const httpStatuses = listOf(effective.httpStatus?.value);
  return {
    code: entry.code,
    wire: String(entry.code),
    name: entry.name,
    aliases: listOf(entry.aliases),
    identifiers: listOf(set.identifiers).flatMap((kind) => {
      // Own keys only: an id such as "constructor" must not find what every object inherits.
      const value = entry.identifiers !== undefined && Object.hasOwn(entry.identifiers, kind.id) ? entry.identifiers[kind.id] : undefined;
      return value === undefined ? [] : [{ id: kind.id, value }];
    }),
    message: entry.message,
    alternativeMessages: listOf(entry.alternativeMessages),
    description: entry.description,
    action: entry.action,
    httpStatus: httpStatuses[0],
    httpStatuses,
    scope: effective.scope?.value,
    category: entry.category,
    severity: effective.severity?.value,
    endpoints: listOf(entry.endpoints),
    retry: buildRetry(effective.retry?.value),
    inherited,
    deprecated: buildDeprecation(entry.deprecated),
    retired: entry.retired && { since: entry.retired.since, reason: entry.retired.reason, replacement: entry.retired.replacement },
    reserved: entry.reserved ?? false,
    restored: entry.restored ?? false,
    translations: listOf(Object.keys(entry.translations ?? {}).sort(), (locale) => ({ locale, texts: { ...entry.translations?.[locale] } })),
    placeholders: listOf(entry.placeholders, (p) => ({ name: p.name, token: p.token, description: p.description })),
    handling: entry.handling,
    notes: listOf(entry.notes),
    resolution,
  };
}

function buildUncoded(entry: RawUncoded, resolution: UncodedEntry["resolution"]): UncodedEntry {
  return {
    name: entry.name,
    case: entry.case,
    httpStatus: entry.httpStatus,
    message: entry.message,
    description: entry.description,
    action: entry.action,
    retry: buildRetry(entry.retry),
    notes: listOf(entry.notes),
    resolution,
  };
}

function buildRetry(retry: RawRetry | undefined): Retry | undefined {
  return retry && buildRetryOf(retry);
}

function buildDeprecation(deprecated: RawDeprecation | undefined): Deprecation | undefined {
  if (deprecated === undefined || deprecated === false) return undefined;
  if (deprecated === true) return { reason: undefined, replacement: undefined };
  return { reason: deprecated.reason, replacement: deprecated.replacement };
}

/**
 * A list of the model: always a new array, made here, whatever the catalog held (a YAML sequence, or
 * nothing). V8 then gives every list one shape, so code that reads lists is optimized once, instead of
 * being thrown away and compiled again each time a list of another shape (an empty literal) turns up.
 */
function listOf<T>(items: readonly T[] | undefined): T[];
function listOf<T, U>(items: readonly T[] | undefined, map: (item: T) => U): U[];
function listOf<T, U>(items: readonly T[] | undefined, map?: (item: T) => U): (T | U)[] {
  const list: (T | U)[] = [];
  if (items) for (const item of items) list.push(map ? map(item) : item);
  return list;
}
