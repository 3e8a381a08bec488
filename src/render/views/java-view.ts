import { defaultFormatField } from "../../model/default-format-field.js";
import type { CodeEntry, CodeSet, Retry, UncodedEntry, Vendor } from "../../model/types.js";
import {
  JAVA_CONSTANT_MAX_BYTES,
  javadocComment,
  javadocText,
  javaLineComment,
  javaLongString,
  javaLongStringOrNull,
  javaString,
  javaStringOrNull,
  splitForConstants,
} from "../escape/java.js";
import { bannerText } from "./banner.js";
import { javaCategoryLookup } from "./category-lookup.js";
import { JavaDataWriter } from "./java-data.js";
import { javaConstantOfId, javaRetryPolicy } from "./java-runtime-view.js";
import { joinEach } from "./join.js";
import { outcomeText } from "./outcome-text.js";
import { retiredView } from "./retired-view.js";
import { javaSecondaryNames } from "./secondary-names.js";
import { wireKind, wireWidth } from "./wire-kind.js";

/** Where a code set's enum goes: generated/java/<package path>/<TypeName>.java. */
export function javaFilePath(vendor: Vendor, set: CodeSet): string {
  return `java/${vendor.javaPackage.replace(/\./g, "/")}/${set.typeName}.java`;
}

/** A metadata field a set's enum carries when at least one of its codes has it. */
interface FieldSpec {
  readonly name: string;
  /** Its Java type; the runtime's types are named in the run's runtime package. */
  readonly type: string | ((runtime: string) => string);
  readonly getter: string;
  readonly doc: string;
  readonly has: (entry: CodeEntry) => boolean;
  readonly literal: (entry: CodeEntry, set: CodeSet, runtime: string) => string;
  /** The Java expression that reads the field from $Data, in a large set's constructor (naming the run's runtime package where it must). */
  readonly read: string | ((runtime: string) => string);
  /** Writes the field's value for $Data to read (see java-data.ts). */
  readonly write: (entry: CodeEntry, set: CodeSet, out: JavaDataWriter) => void;
}

const LIST = "java.util.List<java.lang.String>";
const TEXT_FIELDS: ReadonlySet<string> = new Set(["message", "description", "action"]);

/** The fields whose getters implement codebook.runtime.CodebookCode's (the set's own types are covariant returns). */
const INTERFACE_FIELDS: ReadonlySet<string> = new Set(["message", "description", "action", "scope", "category", "retry", "severity"]);

// biome-ignore format: a table of fields reads better one per line.
const FIELDS: readonly FieldSpec[] = [
  { name: "message", type: "java.lang.String", getter: "getMessage", doc: "The message exactly as the vendor sends it, or null.", has: (e) => e.message !== undefined, literal: (e) => javaStringOrNull(e.message), read: "$Data.string()", write: (e, _, out) => out.string(e.message) },
  { name: "alternativeMessages", type: LIST, getter: "getAlternativeMessages", doc: "Other messages the vendor sends with this code.", has: (e) => e.alternativeMessages.length > 0, literal: (e) => listLiteral(e.alternativeMessages), read: "$Data.list()", write: (e, _, out) => out.list(e.alternativeMessages) },
  { name: "description", type: "java.lang.String", getter: "getDescription", doc: "What the code means, or null.", has: (e) => e.description !== undefined, literal: (e) => javaStringOrNull(e.description), read: "$Data.string()", write: (e, _, out) => out.string(e.description) },
  { name: "action", type: "java.lang.String", getter: "getAction", doc: "What the caller should do, or null.", has: (e) => e.action !== undefined, literal: (e) => javaStringOrNull(e.action), read: "$Data.string()", write: (e, _, out) => out.string(e.action) },
  { name: "httpStatus", type: "java.lang.Integer", getter: "getHttpStatus", doc: "The HTTP status the vendor returns with this code, or null.", has: (e) => e.httpStatus !== undefined, literal: (e) => (e.httpStatus === undefined ? "null" : String(e.httpStatus)), read: "$Data.integerOrNull()", write: (e, _, out) => out.number(e.httpStatus) },
  { name: "scope", type: "Scope", getter: "getScope", doc: "The scope the code belongs to, or null.", has: (e) => e.scope !== undefined, literal: (e, set) => labelLiteral("Scope", set.scopes, e.scope), read: "$Data.constant(Scope.class)", write: (e, _, out) => out.string(e.scope) },
  { name: "scopeTitle", type: "java.lang.String", getter: "getScopeTitle", doc: "The vendor's name for the scope, or null.", has: (e) => e.scope !== undefined, literal: (e, set) => javaStringOrNull(set.scopes.find((s) => s.id === e.scope)?.title), read: "$Data.string()", write: (e, set, out) => out.string(set.scopes.find((s) => s.id === e.scope)?.title) },
  { name: "category", type: "Category", getter: "getCategory", doc: "The category the code belongs to, or null.", has: (e) => e.category !== undefined, literal: (e, set) => labelLiteral("Category", set.categories, e.category), read: "$Data.constant(Category.class)", write: (e, _, out) => out.string(e.category) },
  { name: "categoryTitle", type: "java.lang.String", getter: "getCategoryTitle", doc: "The vendor's name for the category, or null.", has: (e) => e.category !== undefined, literal: (e, set) => javaStringOrNull(set.categories.find((c) => c.id === e.category)?.title), read: "$Data.string()", write: (e, set, out) => out.string(set.categories.find((c) => c.id === e.category)?.title) },
  { name: "endpoints", type: LIST, getter: "getEndpoints", doc: "The endpoints that return this code.", has: (e) => e.endpoints.length > 0, literal: (e) => listLiteral(e.endpoints), read: "$Data.list()", write: (e, _, out) => out.list(e.endpoints) },
  { name: "retry", type: (runtime) => `${runtime}.Retry`, getter: "getRetry", doc: "Whether and how to retry after this code, or null.", has: (e) => e.retry !== undefined, literal: (e, _, runtime) => retryLiteral(runtime, e.retry), read: "$Data.retry()", write: (e, _, out) => writeRetry(e.retry, out) },
  { name: "reserved", type: "boolean", getter: "isReserved", doc: "Whether the vendor reserves this code for future use (it is not sent yet).", has: (e) => e.reserved, literal: (e) => String(e.reserved), read: "$Data.bool()", write: (e, _, out) => out.boolean(e.reserved) },
  { name: "severity", type: (runtime) => `${runtime}.Severity`, getter: "getSeverity", doc: "How grave the code is: error, warning, info or success (its own, else its category's or set's default), or null.", has: (e) => e.severity !== undefined, literal: (e, _, runtime) => (e.severity === undefined ? "null" : `java.lang.Enum.valueOf(${runtime}.Severity.class, ${javaString(javaConstantOfId(e.severity))})`), read: (runtime) => `$Data.constant(${runtime}.Severity.class)`, write: (e, _, out) => out.string(e.severity) },
  { name: "translations", type: "java.util.Map<java.lang.String, java.util.Map<java.lang.String, java.lang.String>>", getter: "getTranslations", doc: "Translated texts: locale to field (message, description, action) to text.", has: (e) => e.translations.length > 0, literal: translationsLiteral, read: "$Data.translations()", write: writeTranslations },
];

/**
 * The most constants a large set's enum gets: each costs 16 bytes of the enum's static initialiser even
 * without arguments, and that method may not exceed 65,535 bytes. A larger set is a final class.
 */
export const JAVA_ENUM_MAX_CONSTANTS = 3000;

/**
 * Bytecode the static initialiser may spend on constants built with inline arguments; a set that would
 * need more keeps its data in $Data instead. Some of the 65,535 bytes go to the rest of the method.
 */
const INLINE_BYTECODE_BUDGET = 48_000;

/** What templates/java/enum.java.hbs sees for one code set. */
export function javaEnumView(vendor: Vendor, set: CodeSet, runtime: string) {
  const kind = wireKind(set.format);
  // Retired codes are no constants; retired(code) still recognises them.
  const live = set.codes.filter((entry) => !entry.retired);
  const retired = set.codes.filter((entry) => entry.retired);
  const fields = FIELDS.filter((field) => live.some(field.has));
  const hasPlaceholders = live.some((entry) => entry.placeholders.length > 0);
  const codeType = kind === "integer" ? "int" : "java.lang.String";
  // The constants and their data are the live codes only.
  const liveSet: CodeSet = { ...set, codes: live };
  const args = inlineArgs(liveSet, fields, hasPlaceholders, runtime);
  const inline = args !== null;
  const isEnum = inline || live.length <= JAVA_ENUM_MAX_CONSTANTS;
  const uncoded = uncodedShape(set.uncoded, runtime);
  const retiredInJava = retiredJavaView(retired);
  const labels = labelsView(set);
  return {
    banner: `// ${javaLineComment(bannerText(vendor.file))}`,
    package: vendor.javaPackage,
    typeName: set.typeName,
    doc: javadocComment("", [
      `${set.title} (${vendor.name})`,
      set.description,
      ...set.notes.map((note) => `Note: ${note}`),
      formatNote(set),
      isEnum ? undefined : CLASS_NOTE,
    ]),
    codeType,
    isInteger: kind === "integer",
    isDigits: kind === "digits",
    isSymbolic: kind === "symbolic",
    width: wireWidth(set.format),
    runtime,
    vendorId: javaString(vendor.id),
    setId: javaString(set.id),
    wireCode: kind === "integer" ? "java.lang.String.valueOf($code)" : "$code",
    hasIntLookup: kind !== "symbolic",
    labels,
    fields: fields.map((field) => ({
      ...field,
      type: typeof field.type === "string" ? field.type : field.type(runtime),
      // A class-sized Scope or Category is read through its data class (see labelRead).
      read:
        field.name === "scope"
          ? labelRead("Scope", set.scopes)
          : field.name === "category"
            ? labelRead("Category", set.categories)
            : typeof field.read === "string"
              ? field.read
              : field.read(runtime),
      doc: javadocComment("    ", [field.doc]),
      textField: TEXT_FIELDS.has(field.name),
      override: INTERFACE_FIELDS.has(field.name),
    })),
    hasTranslations: fields.some((field) => field.name === "translations"),
    inlineTranslations: inline && fields.some((field) => field.name === "translations"),
    hasRetryField: fields.some((field) => field.name === "retry"),
    hasPlaceholders,
    hasRetired: retired.length > 0,
    ...retiredInJava,
    inline,
    isEnum,
    isClass: !isEnum,
    // Aliases and identifier lookups: code, empty when the set has none. A class has no constant fields: valueOf finds them.
    secondaryNames: javaSecondaryNames(liveSet, (name) => (isEnum ? name : `valueOf(${javaString(name)})`)),
    // The categories and categoryOf: code, empty when the set has no categories.
    categoryLookup: javaCategoryLookup(
      liveSet,
      fields.some((field) => field.name === "category"),
    ),
    size: live.length,
    codeRead: kind === "integer" ? "$Data.integer()" : "$Data.string()",
    dataClasses: [
      ...(inline
        ? []
        : [dataClass("$Data", dataText(liveSet, fields, hasPlaceholders, isEnum), { codes: true, retry: fields.some((field) => field.name === "retry") })]),
      ...(uncoded.inline ? [] : [dataClass("$UncodedData", uncodedDataText(set.uncoded, uncoded.isEnum), { codes: false, retry: true })]),
      ...(retiredInJava.retiredInline ? [] : [dataClass("$RetiredData", retiredDataText(retired), { codes: false, retry: false })]),
      ...labels.flatMap((label) => (label.dataClass ? [label.dataClass] : [])),
    ],
    constants: isEnum
      ? live.map((entry, index) => ({
          doc: javadocComment(
            "    ",
            [
              `Code ${javaCodeText(set, entry)}${entry.message !== undefined ? `: ${entry.message}` : ""}`,
              entry.description,
              entry.action && `Action: ${entry.action}`,
              entry.reserved ? "Reserved for future use: not sent yet." : undefined,
              outcomeText(entry.resolution),
              entry.handling && `Handling: ${entry.handling}`,
              ...entry.notes.map((note) => `Note: ${note}`),
            ],
            tags(entry),
          ),
          deprecated: entry.deprecated !== undefined,
          name: entry.name,
          args: args === null ? "" : `(${args[index]})`,
          separator: index === live.length - 1 ? ";" : ",",
        }))
      : [],
    hasUncoded: set.uncoded.length > 0,
    uncodedInline: uncoded.inline,
    uncodedIsEnum: uncoded.isEnum,
    uncodedIsClass: !uncoded.isEnum,
    uncodedSize: set.uncoded.length,
    uncoded: uncoded.isEnum
      ? set.uncoded.map((entry, index) => ({
          doc: javadocComment("        ", [
            `HTTP ${entry.httpStatus}: ${entry.message}`,
            entry.case,
            entry.description,
            entry.action && `Action: ${entry.action}`,
          ]),
          name: entry.name,
          args: uncoded.args === null ? "" : `(${uncoded.args[index]})`,
          separator: index === set.uncoded.length - 1 ? ";" : ",",
        }))
      : [],
  };
}

/** A nested class of templates/java/enum.java.hbs holding one text of data (see java-data.ts) and reading it in order. */
function dataClass(name: string, text: string, methods: { codes: boolean; retry: boolean }, label = { labelClass: "", labelSize: 0 }) {
  return { name, chunks: splitForConstants(text).map(javaString), ...methods, ...label };
}

const CLASS_NOTE = `This set has more codes than a Java enum can hold (${JAVA_ENUM_MAX_CONSTANTS} here), so it is a final class with an enum's methods (name(), ordinal(), values(), valueOf(String)) but no field per code: reach a constant by fromCode or valueOf.`;

/**
 * Each constant's arguments as Java literals, or null when they cannot all be code: a literal over the
 * class file's limit, or more bytecode than the static initialiser can hold. The bytecode is estimated from
 * above: at most 12 bytes per value or call (a push, and its slot in a varargs array), 16 per constant.
 * A literal's modified UTF-8 never takes more bytes than its escaped source has characters.
 */
function inlineArgs(set: CodeSet, fields: readonly FieldSpec[], hasPlaceholders: boolean, runtime: string): string[] | null {
  if (set.codes.length > JAVA_ENUM_MAX_CONSTANTS) return null;
  return fitInline(set.codes, (entry) => [
    codeLiteral(set, entry),
    ...fields.map((field) => field.literal(entry, set, runtime)),
    ...(hasPlaceholders ? [placeholdersLiteral(runtime, entry), javaString(defaultFormatField(entry))] : []),
  ]);
}

/**
 * Each item's arguments joined, or null when they would be over the bytecode budget, or one item's over
 * `maxText` characters (so that none of its literals is over a string constant's limit).
 */
function fitInline<T>(items: readonly T[], literals: (item: T) => string[], maxText = JAVA_CONSTANT_MAX_BYTES): string[] | null {
  const args: string[] = [];
  let bytecode = 0;
  for (const item of items) {
    const text = literals(item).join(", ");
    if (text.length > maxText) return null;
    bytecode += 16 + 12 * (1 + countValues(text));
    if (bytecode > INLINE_BYTECODE_BUDGET) return null;
    args.push(text);
  }
  return args;
}

/** Commas and opening parentheses or braces outside string literals: one more than the values and calls between them. */
function countValues(text: string): number {
  let count = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c)
        i++; // a backslash escapes the next character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x2c || char === 0x28 || char === 0x7b) count++;
  }
  return count;
}

/** What a large set's constructor reads from $Data, constant by constant, in catalog order. */
function dataText(set: CodeSet, fields: readonly FieldSpec[], hasPlaceholders: boolean, isEnum: boolean): string {
  const out = new JavaDataWriter();
  for (const entry of set.codes) {
    if (!isEnum) out.string(entry.name);
    if (set.format.kind === "integer") out.number(Number(entry.code));
    else out.string(entry.wire);
    for (const field of fields) field.write(entry, set, out);
    if (hasPlaceholders) {
      out.number(entry.placeholders.length);
      for (const placeholder of entry.placeholders) {
        out.string(placeholder.name);
        out.string(placeholder.token);
      }
      out.string(defaultFormatField(entry));
    }
  }
  return out.text();
}

function writeRetry(retry: Retry | undefined, out: JavaDataWriter): void {
  out.string(retry?.policy);
  if (!retry) return;
  out.number(retry.minDelaySeconds);
  out.number(retry.maxDelaySeconds);
  out.list(retry.delaysSeconds.map(String));
  out.string(retry.note);
}

function writeTranslations(entry: CodeEntry, _set: CodeSet, out: JavaDataWriter): void {
  out.number(entry.translations.length);
  for (const { locale, texts } of entry.translations) {
    const pairs = Object.entries(texts);
    out.string(locale);
    out.number(pairs.length);
    for (const [field, text] of pairs) {
      out.string(field);
      out.string(text);
    }
  }
}

function codeLiteral(set: CodeSet, entry: CodeEntry): string {
  return set.format.kind === "integer" ? String(entry.code) : javaString(entry.wire);
}

function javaCodeText(set: CodeSet, entry: CodeEntry): string {
  return set.format.kind === "integer" ? entry.wire : `"${entry.wire}"`;
}

function formatNote(set: CodeSet): string {
  switch (set.format.kind) {
    case "digits":
      return `Codes are ${set.format.width}-digit strings whose zero padding is significant; fromCode(int) pads like String.format(Locale.ROOT, "%0${set.format.width}d", code).`;
    case "integer":
      return "Codes are integers; fromCode(String) accepts their canonical decimal form only.";
    case "alphanumeric":
      return `Codes are ${set.format.width === undefined ? "" : `${set.format.width}-character `}strings from ${set.format.alphabet}, matched exactly${set.format.width === undefined ? "" : `; fromCode(int) formats like String.format(Locale.ROOT, "%0${set.format.width}d", code), so it finds the codes made of digits only`}.`;
    case "symbolic":
      return "Codes are symbolic strings, matched exactly.";
  }
}

/** The @deprecated tag: the reason escaped for Javadoc, then a link to the replacement. */
function tags(entry: CodeEntry): string[] {
  if (!entry.deprecated) return [];
  const { reason, replacement } = entry.deprecated;
  const parts = [reason && javadocInline(reason), replacement && `Use {@link #${replacement}} instead.`].filter(Boolean);
  return [`@deprecated ${parts.join(" ") || "Deprecated by the vendor."}`];
}

/** Javadoc text on one line, for a tag such as @deprecated. */
function javadocInline(text: string): string {
  return javadocText(text).replace(/[\r\n\u2028\u2029]+/g, " ");
}

/** An unmodifiable list as Java 8 and Android build one (List.of is Java 9, and Android API level 30). */
function listLiteral(items: readonly string[]): string {
  if (items.length === 0) return "java.util.Collections.emptyList()";
  return `java.util.Collections.unmodifiableList(java.util.Arrays.asList(${joinEach(items, javaString, ", ")}))`;
}

function retryLiteral(runtime: string, retry: Retry | undefined): string {
  if (!retry) return "null";
  const delay = (value: number | undefined) => (value === undefined ? "null" : `java.lang.Integer.valueOf(${value})`);
  const delays = retry.delaysSeconds.length === 0 ? "null" : `java.util.Arrays.asList(${retry.delaysSeconds.map(delay).join(", ")})`;
  return `new ${runtime}.Retry(${javaRetryPolicy(runtime, retry.policy)}, ${delay(retry.minDelaySeconds)}, ${delay(retry.maxDelaySeconds)}, ${delays}, ${javaLongStringOrNull(retry.note)})`;
}

/**
 * The translations as (locale, field, text) triples for the enum's codebookTranslations(...), which builds
 * unmodifiable maps as Java 8 and Android can (Map.ofEntries is Java 9, and Android API level 30).
 */
function translationsLiteral(entry: CodeEntry): string {
  if (entry.translations.length === 0) return "java.util.Collections.emptyMap()";
  const triples = entry.translations.flatMap(({ locale, texts }) =>
    Object.keys(texts).length === 0
      ? [`${javaString(locale)}, null, null`]
      : Object.entries(texts).map(([field, text]) => `${javaString(locale)}, ${javaString(field)}, ${javaString(text)}`),
  );
  return `codebookTranslations(${triples.join(", ")})`;
}

function placeholdersLiteral(runtime: string, entry: CodeEntry): string {
  const placeholder = (p: CodeEntry["placeholders"][number]) => `new ${runtime}.Placeholder(${javaString(p.name)}, ${javaString(p.token)})`;
  return `new ${runtime}.Placeholders(${joinEach(entry.placeholders, placeholder, ", ")})`;
}

/** A scope or category as the set's Scope and Category types hold it. */
interface LabelItem {
  readonly id: string;
  readonly title: string;
  readonly description: string | undefined;
}

/**
 * A scope's or category's constant of the set's own Scope or Category type, or null. No expression names the
 * type itself (Scope.GENERAL): a code constant named Scope would obscure it. An enum's constant comes through
 * its class literal, and past an enum's size (a class without constant fields) through its data class.
 */
function labelLiteral(type: "Scope" | "Category", items: readonly LabelItem[], id: string | undefined): string {
  if (id === undefined) return "null";
  return items.length <= JAVA_ENUM_MAX_CONSTANTS
    ? `java.lang.Enum.valueOf(${type}.class, ${javaString(javaConstantOfId(id))})`
    : `$${type}Data.byId(${javaString(id)})`;
}

/** How a large set's constructor reads its scope or category from $Data (see labelLiteral). */
function labelRead(type: "Scope" | "Category", items: readonly LabelItem[]): string {
  return items.length <= JAVA_ENUM_MAX_CONSTANTS ? `$Data.constant(${type}.class)` : `$${type}Data.byId($Data.string())`;
}

/**
 * The set's Scope and Category types, for the sets that declare scopes or categories. As a code set's enum:
 * literal arguments while they fit the static initialiser, else their data in a text ($ScopeData,
 * $CategoryData) read by the constructor; past JAVA_ENUM_MAX_CONSTANTS a final class with an enum's methods.
 */
function labelsView(set: CodeSet) {
  const label = (typeName: string, what: string, items: readonly LabelItem[]) => {
    const isEnum = items.length <= JAVA_ENUM_MAX_CONSTANTS;
    const args = isEnum ? fitInline(items, (item) => [javaString(item.id), javaLongString(item.title), javaLongStringOrNull(item.description)]) : null;
    const dataName = `$${typeName}Data`;
    return {
      typeName,
      doc: javadocComment("    ", [`The ${what} of ${set.title}, as the vendor declares them.`]),
      isEnum,
      isClass: !isEnum,
      inline: args !== null,
      dataName,
      size: items.length,
      constants: isEnum
        ? items.map((item, index) => ({
            name: javaConstantOfId(item.id),
            args: args === null ? "" : `(${args[index]})`,
            separator: index === items.length - 1 ? ";" : ",",
          }))
        : [],
      dataClass:
        args === null
          ? dataClass(dataName, labelDataText(items, isEnum), { codes: false, retry: false }, { labelClass: isEnum ? "" : typeName, labelSize: items.length })
          : undefined,
    };
  };
  return [
    ...(set.scopes.length > 0 ? [label("Scope", "scopes", set.scopes)] : []),
    ...(set.categories.length > 0 ? [label("Category", "categories", set.categories)] : []),
  ];
}

/** What a Scope or Category constructor reads from its data text: name (for a class), id, title and description of each. */
function labelDataText(items: readonly LabelItem[], isEnum: boolean): string {
  const out = new JavaDataWriter();
  for (const item of items) {
    if (!isEnum) out.string(javaConstantOfId(item.id));
    out.string(item.id);
    out.string(item.title);
    out.string(item.description);
  }
  return out.text();
}

/**
 * The Uncoded enum's shape, as a code set's: inline arguments while they fit its static initialiser,
 * else its data in $UncodedData; past JAVA_ENUM_MAX_CONSTANTS a final class with an enum's methods.
 */
function uncodedShape(uncoded: readonly UncodedEntry[], runtime: string) {
  // A long text is its pieces joined at run time (javaLongString), so only the bytecode budget limits these.
  const args = uncoded.length > JAVA_ENUM_MAX_CONSTANTS ? null : fitInline(uncoded, (entry) => uncodedLiterals(entry, runtime), Number.POSITIVE_INFINITY);
  return { args, inline: args !== null, isEnum: args !== null || uncoded.length <= JAVA_ENUM_MAX_CONSTANTS };
}

function uncodedLiterals(entry: UncodedEntry, runtime: string): string[] {
  return [
    String(entry.httpStatus),
    javaLongString(entry.message),
    javaLongStringOrNull(entry.case),
    javaLongStringOrNull(entry.description),
    javaLongStringOrNull(entry.action),
    retryLiteral(runtime, entry.retry),
  ];
}

/** What the Uncoded constructor reads from $UncodedData, constant by constant. */
function uncodedDataText(uncoded: readonly UncodedEntry[], isEnum: boolean): string {
  const out = new JavaDataWriter();
  for (const entry of uncoded) {
    if (!isEnum) out.string(entry.name);
    out.number(entry.httpStatus);
    out.string(entry.message);
    out.string(entry.case);
    out.string(entry.description);
    out.string(entry.action);
    writeRetry(entry.retry, out);
  }
  return out.text();
}

/** Retired codes are put into their map one statement each while that fits the Retired class's static initialiser. */
function retiredInline(retired: readonly CodeEntry[]): boolean {
  return (
    fitInline(retiredView(retired, javaString, javaStringOrNull), (entry) => [
      entry.wire,
      entry.wire,
      entry.name,
      entry.since,
      entry.reason,
      entry.replacement,
    ]) !== null
  );
}

function retiredJavaView(retired: readonly CodeEntry[]) {
  const inline = retiredInline(retired);
  return { retiredInline: inline, retiredSize: retired.length, retired: inline ? retiredView(retired, javaString, javaStringOrNull) : [] };
}

/** What the Retired class reads from $RetiredData: code, name, since, reason and replacement of each. */
function retiredDataText(retired: readonly CodeEntry[]): string {
  const out = new JavaDataWriter();
  for (const entry of retired) {
    out.string(entry.wire);
    out.string(entry.name);
    out.string(entry.retired?.since ?? "");
    out.string(entry.retired?.reason ?? "");
    out.string(entry.retired?.replacement);
  }
  return out.text();
}
