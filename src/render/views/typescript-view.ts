import { defaultFormatField } from "../../model/default-format-field.js";
import type { CodeEntry, CodeSet, Resolution, Retry, UncodedEntry, Vendor } from "../../model/types.js";
import { vendorNamespace } from "../../model/vendor-names.js";
import { jsDocComment, jsDocText, tsLineComment, tsString, tsStringOrNull } from "../escape/typescript.js";
import type { SharedInput } from "../shared-input.js";
import { moduleSpecifier, type TsOptions } from "../typescript-options.js";
import { bannerText } from "./banner.js";
import { typescriptCategoryLookup } from "./category-lookup.js";
import { hasResponseParser } from "./handling-spec.js";
import { joinEach } from "./join.js";
import { lowerFirst, upperSnake } from "./names.js";
import { outcomeText } from "./outcome-text.js";
import { retiredView } from "./retired-view.js";
import { identifierPascal, typescriptSecondaryNames, typescriptSeverities } from "./secondary-names.js";
import { wireKind, wireWidth } from "./wire-kind.js";

/** What templates/ts/vendor.ts.hbs sees: the vendor's own exports and a re-export of each code set's module. */
export function typescriptVendorView(options: TsOptions, vendor: Vendor) {
  return {
    banner: `// ${tsLineComment(bannerText(vendor.file))}`,
    vendorDoc: jsDocComment("", [
      `${vendor.name}: ${vendor.summary}`,
      ...vendor.guidance.map((item) => [`${item.title}: ${item.text}`, ...item.items.map((line) => `- ${line}`)].join("\n")),
    ]),
    vendorId: tsString(vendor.id),
    vendorName: tsString(vendor.name),
    erasable: options.style === "erasable",
    codeSets: vendor.codeSets.map((set) => ({
      title: tsLineComment(set.title),
      module: tsString(moduleSpecifier(options, `./${vendor.id}/${set.id}`)),
      ...codeSetExports(set),
    })),
    handlingModule: hasResponseParser(vendor) ? tsString(moduleSpecifier(options, `./${vendor.id}.handling`)) : null,
  };
}

/** Where a code set's module goes: ts/<vendor>/<set>.ts, beside the vendor's ts/<vendor>.ts. */
export function typescriptCodeSetPath(vendor: Vendor, set: CodeSet): string {
  return `ts/${vendor.id}/${set.id}.ts`;
}

/** What the vendor module passes on of a set's module: the type (and its value), the maps, and the named types. */
function codeSetExports(set: CodeSet) {
  const mapPrefix = lowerFirst(set.typeName);
  const live = set.codes.filter((entry) => !entry.retired);
  const types = [
    `${set.typeName}Info`,
    ...(live.some((entry) => entry.placeholders.length > 0) ? [`${set.typeName}Placeholders`] : []),
    ...(set.uncoded.length > 0 ? [`${set.typeName}UncodedInfo`, `${set.typeName}UncodedName`] : []),
  ];
  const values = [
    set.typeName,
    `${mapPrefix}ByCode`,
    `${mapPrefix}ByName`,
    // The secondary names, categories and severities (see secondary-names.ts, category-lookup.ts), where the set has them.
    ...(live.some((entry) => entry.aliases.length > 0) ? [`${mapPrefix}Aliases`] : []),
    ...set.identifiers.map((kind) => `${mapPrefix}By${identifierPascal(kind.id)}`),
    ...(set.categories.length > 0 ? [`${mapPrefix}Categories`, `${mapPrefix}CategoryOf`] : []),
    ...(live.some((entry) => entry.severity !== undefined) ? [`${mapPrefix}Severities`] : []),
  ];
  return { valueExports: values.join(", "), typeExports: types.join(", ") };
}

/** Import only what the module uses, so it compiles under noUnusedLocals too. */
function runtimeImports(set: CodeSet) {
  const live = set.codes.filter((entry) => !entry.retired);
  const usesFormat = live.some((entry) => entry.placeholders.length > 0);
  const usesUncoded = set.uncoded.length > 0;
  const usesRetired = set.codes.some((entry) => entry.retired);
  const usesJson = live.length > TS_OBJECT_LITERAL_MAX_CODES;
  const usesCategories = set.categories.length > 0;
  const types = [
    "CodeInfo",
    ...(usesCategories ? ["CodeCategory"] : []),
    ...(usesFormat ? ["FormatOptions"] : []),
    "Parsed",
    ...(usesRetired ? ["RetiredInfo"] : []),
    ...(usesJson ? ["TranslatedTexts"] : []),
    ...(usesUncoded ? ["UncodedInfo"] : []),
  ];
  const values = [
    ...(usesCategories ? ["categoryByPrefixOrRange"] : []),
    ...(usesFormat ? ["fillPlaceholders"] : []),
    ...(usesRetired && wireKind(set.format) === "digits" ? ["formatDigits"] : []),
    ...(usesUncoded ? ["matchUncoded as matchUncodedEntry"] : []),
  ];
  return { typeImports: types.join(", "), valueImports: values.join(", ") };
}

/** What templates/ts/index.ts.hbs sees. */
export function typescriptIndexView(options: TsOptions, shared: SharedInput) {
  return {
    banner: `// ${tsLineComment(bannerText("every catalog"))}`,
    runtimeModule: tsString(moduleSpecifier(options, "./codebook-runtime")),
    vendors: shared.summary.vendors.map((vendor) => ({
      namespace: vendorNamespace(vendor.id),
      module: tsString(moduleSpecifier(options, `./${vendor.id}`)),
      doc: jsDocComment("", [vendor.name]),
    })),
  };
}

export function typescriptRuntimeView() {
  return { banner: `// ${tsLineComment(bannerText("codebook's runtime template"))}` };
}

/** What templates/ts/code-set.ts.hbs sees: one code set's type, tables and helpers, every literal already escaped. */
export function typescriptCodeSetView(options: TsOptions, vendor: Vendor, set: CodeSet) {
  const erasable = options.style === "erasable";
  const enumName = `${set.typeName}Members`;
  // The members as the module's own code refers to them: the enum is declared first, the merged value last.
  const memberRef = erasable ? set.typeName : enumName;
  return {
    banner: `// ${tsLineComment(bannerText(vendor.file))}`,
    setDoc: jsDocComment("", [`${vendor.name}: ${set.title}.`]),
    runtimeModule: tsString(moduleSpecifier(options, "../codebook-runtime")),
    erasable,
    enumName,
    memberRef,
    // Aliases and identifier lookups: code, empty when the set has none.
    secondaryNames: typescriptSecondaryNames(set, lowerFirst(set.typeName), memberRef),
    // The categories and categoryOf: code, empty when the set has no categories.
    categoryLookup: typescriptCategoryLookup(set, lowerFirst(set.typeName)),
    severities: typescriptSeverities(set, lowerFirst(set.typeName), memberRef),
    ...runtimeImports(set),
    ...codeSetView(set),
  };
}

function codeSetView(set: CodeSet) {
  const kind = wireKind(set.format);
  const codeType = kind === "integer" ? "number" : "string";
  // Retired codes leave the enum; parse() still tells them from unknown codes.
  const live = set.codes.filter((entry) => !entry.retired);
  const retired = set.codes.filter((entry) => entry.retired);
  const withPlaceholders = live.filter((entry) => entry.placeholders.length > 0);
  const compact = live.length > TS_OBJECT_LITERAL_MAX_CODES;
  return {
    typeName: set.typeName,
    // The set's notes are ours, not the vendor's: each is marked as a note.
    doc: jsDocComment("", [set.title, set.description, ...set.notes.map((note) => `Note: ${note}`)]),
    constPrefix: upperSnake(set.typeName),
    mapPrefix: lowerFirst(set.typeName),
    codeType,
    isInteger: kind === "integer",
    isDigits: kind === "digits",
    isSymbolic: kind === "symbolic",
    width: wireWidth(set.format),
    // Digit codes of 16 or more digits may exceed Number.MAX_SAFE_INTEGER (9007199254740991).
    // A code that is no safe integer in digits (above Number.MAX_SAFE_INTEGER, or an alphanumeric one with letters) is found by its string only.
    hasUnsafeNumbers: kind === "digits" && live.some((entry) => !/^[0-9]+$/.test(entry.wire) || !Number.isSafeInteger(Number(entry.wire))),
    members: live.map((entry) => memberView(set, entry, compact)),
    infosJson: compact ? tsString(JSON.stringify(live.map((entry) => infoJson(set, entry)))) : null,
    hasRetired: retired.length > 0,
    ...retiredTsView(retired),
    hasPlaceholders: withPlaceholders.length > 0,
    placeholderMembers: withPlaceholders.map((entry) => ({
      name: entry.name,
      fields: entry.placeholders.map((p) => ({ name: p.name, doc: jsDocComment("    ", [p.description, `Replaces ${p.token}.`]) })),
    })),
    hasUncoded: set.uncoded.length > 0,
    uncoded: set.uncoded.length > TS_OBJECT_LITERAL_MAX_CODES ? [] : set.uncoded.map(uncodedView),
    uncodedJson: set.uncoded.length > TS_OBJECT_LITERAL_MAX_CODES ? tsString(JSON.stringify(set.uncoded.map(uncodedJson))) : null,
    uncodedNames: set.uncoded.map((entry) => tsString(entry.name)).join(" | "),
  };
}

/**
 * The most codes whose entries are written as object literals. tsc gives each literal its own type and
 * reduces their union pairwise: at 3,000 of them it reports "Expression produces a union type that is too
 * complex to represent" (its bound is about a million comparisons). A larger set's entries are one JSON text.
 */
export const TS_OBJECT_LITERAL_MAX_CODES = 1000;

/** An entry as the JSON that a large set's module parses: the CodeInfo, with translations as [locale, texts] pairs. */
function infoJson(set: CodeSet, entry: CodeEntry) {
  const category = set.categories.find((c) => c.id === entry.category);
  const scope = set.scopes.find((s) => s.id === entry.scope);
  const retry = entry.retry;
  return {
    code: set.format.kind === "integer" ? entry.code : entry.wire,
    name: entry.name,
    message: entry.message ?? null,
    alternativeMessages: entry.alternativeMessages,
    description: entry.description ?? null,
    action: entry.action ?? null,
    httpStatus: entry.httpStatus ?? null,
    scope: scope ? { id: scope.id, title: scope.title } : null,
    category: category ? { id: category.id, title: category.title } : null,
    endpoints: entry.endpoints,
    retry: retry
      ? { policy: retry.policy, minDelaySeconds: retry.minDelaySeconds ?? null, maxDelaySeconds: retry.maxDelaySeconds ?? null, note: retry.note ?? null }
      : null,
    deprecated: entry.deprecated ? { reason: entry.deprecated.reason ?? null, replacement: entry.deprecated.replacement ?? null } : null,
    reserved: entry.reserved,
    translations: entry.translations.map((t) => [t.locale, t.texts]),
    placeholders: entry.placeholders.map((p) => ({ name: p.name, token: p.token })),
    defaultField: defaultFormatField(entry),
    outcome: outcomeJson(entry.resolution),
    handling: entry.handling ?? null,
    notes: entry.notes,
  };
}

/** outcomeLiteral's value as JSON data, for a set whose infos are one JSON text. */
function outcomeJson(resolution: Resolution) {
  const { retry } = resolution;
  return {
    id: resolution.outcome,
    retry: {
      policy: retry.policy,
      minDelaySeconds: retry.minDelaySeconds ?? null,
      maxDelaySeconds: retry.maxDelaySeconds ?? null,
      delaysSeconds: retry.delaysSeconds,
    },
    action: resolution.action,
    basis: resolution.basis,
    source: resolution.source ?? null,
    evidence: resolution.evidence ?? null,
  };
}

function memberView(set: CodeSet, entry: CodeEntry, compact: boolean) {
  const literal = set.format.kind === "integer" ? String(entry.code) : tsString(entry.wire);
  const tags = [...(entry.deprecated ? [`@deprecated${deprecationText(entry)}`] : []), ...(entry.reserved ? ["Reserved for future use: not sent yet."] : [])];
  return {
    name: entry.name,
    literal,
    doc: jsDocComment(
      "  ",
      [
        `Code ${literal}${entry.message !== undefined ? `: ${entry.message}` : ""}`,
        entry.description,
        entry.action && `Action: ${entry.action}`,
        outcomeText(entry.resolution),
        entry.handling && `Handling: ${entry.handling}`,
        ...entry.notes.map((note) => `Note: ${note}`),
      ],
      tags,
    ),
    info: compact ? null : infoLiterals(set, entry),
  };
}

/** An entry's CodeInfo fields as TypeScript literals, for a set small enough to write them as object literals. */
function infoLiterals(set: CodeSet, entry: CodeEntry) {
  const category = set.categories.find((c) => c.id === entry.category);
  const scope = set.scopes.find((s) => s.id === entry.scope);
  return {
    message: tsStringOrNull(entry.message),
    alternativeMessages: `[${joinEach(entry.alternativeMessages, tsString, ", ")}]`,
    description: tsStringOrNull(entry.description),
    action: tsStringOrNull(entry.action),
    httpStatus: entry.httpStatus === undefined ? "null" : String(entry.httpStatus),
    scope: scope ? `{ id: ${tsString(scope.id)}, title: ${tsString(scope.title)} }` : "null",
    category: category ? `{ id: ${tsString(category.id)}, title: ${tsString(category.title)} }` : "null",
    endpoints: `[${joinEach(entry.endpoints, tsString, ", ")}]`,
    retry: retryLiteral(entry.retry),
    deprecated: entry.deprecated
      ? `{ reason: ${tsStringOrNull(entry.deprecated.reason)}, replacement: ${tsStringOrNull(entry.deprecated.replacement)} }`
      : "null",
    reserved: String(entry.reserved),
    translations: `new Map([${joinEach(
      entry.translations,
      (t) => `[${tsString(t.locale)}, { ${joinEach(Object.entries(t.texts), ([field, text]) => `${field}: ${tsString(text)}`, ", ")} }]`,
      ", ",
    )}])`,
    placeholders: `[${joinEach(entry.placeholders, (p) => `{ name: ${tsString(p.name)}, token: ${tsString(p.token)} }`, ", ")}]`,
    defaultField: tsString(defaultFormatField(entry)),
    outcome: outcomeLiteral(entry.resolution),
    handling: tsStringOrNull(entry.handling),
    notes: `[${joinEach(entry.notes, tsString, ", ")}]`,
  };
}

function deprecationText(entry: CodeEntry): string {
  const parts = [entry.deprecated?.reason, entry.deprecated?.replacement && `Use ${entry.deprecated.replacement} instead.`].filter(Boolean);
  return parts.length > 0 ? ` ${jsDocCommentInline(parts.join(" "))}` : "";
}

function jsDocCommentInline(text: string): string {
  return jsDocText(text.replace(/\s+/g, " "));
}

function retryLiteral(retry: Retry | undefined): string {
  if (!retry) return "null";
  const delay = (value: number | undefined) => (value === undefined ? "null" : String(value));
  return `{ policy: ${tsString(retry.policy)}, minDelaySeconds: ${delay(retry.minDelaySeconds)}, maxDelaySeconds: ${delay(retry.maxDelaySeconds)}, note: ${tsStringOrNull(retry.note)} }`;
}

/** As many retired codes as object literals would be too complex a union too: a large set's are one JSON text of [code, info] pairs. */
function retiredTsView(retired: readonly CodeEntry[]) {
  if (retired.length <= TS_OBJECT_LITERAL_MAX_CODES) return { retired: retiredView(retired, tsString, tsStringOrNull), retiredJson: null };
  const pairs = retired.map((entry) => [
    entry.wire,
    { name: entry.name, since: entry.retired?.since ?? "", reason: entry.retired?.reason ?? "", replacement: entry.retired?.replacement ?? null },
  ]);
  return { retired: [], retiredJson: tsString(JSON.stringify(pairs)) };
}

/** An uncoded entry as the JSON that a large set's module parses: its UncodedInfo. */
function uncodedJson(entry: UncodedEntry) {
  const retry = entry.retry;
  return {
    name: entry.name,
    httpStatus: entry.httpStatus,
    message: entry.message,
    case: entry.case ?? null,
    description: entry.description ?? null,
    action: entry.action ?? null,
    retry: retry
      ? { policy: retry.policy, minDelaySeconds: retry.minDelaySeconds ?? null, maxDelaySeconds: retry.maxDelaySeconds ?? null, note: retry.note ?? null }
      : null,
  };
}

function uncodedView(entry: UncodedEntry) {
  return {
    name: entry.name,
    doc: jsDocComment("  ", [
      `HTTP ${entry.httpStatus}: ${entry.message}`,
      entry.case,
      entry.description,
      entry.action && `Action: ${entry.action}`,
      outcomeText(entry.resolution),
    ]),
    nameLiteral: tsString(entry.name),
    httpStatus: String(entry.httpStatus),
    message: tsString(entry.message),
    case: tsStringOrNull(entry.case),
    description: tsStringOrNull(entry.description),
    action: tsStringOrNull(entry.action),
    retry: retryLiteral(entry.retry),
    outcome: outcomeLiteral(entry.resolution),
  };
}

/** The resolved outcome as an OutcomeInfo literal. */
function outcomeLiteral(resolution: Resolution): string {
  const { retry } = resolution;
  const delay = (value: number | undefined) => (value === undefined ? "null" : String(value));
  return `{ id: ${tsString(resolution.outcome)}, retry: { policy: ${tsString(retry.policy)}, minDelaySeconds: ${delay(retry.minDelaySeconds)}, maxDelaySeconds: ${delay(retry.maxDelaySeconds)}, delaysSeconds: [${retry.delaysSeconds.join(", ")}] }, action: ${tsString(resolution.action)}, basis: ${tsString(resolution.basis)}, source: ${tsStringOrNull(resolution.source)}, evidence: ${tsStringOrNull(resolution.evidence)} }`;
}
