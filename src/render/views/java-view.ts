import { defaultFormatField } from "../../model/default-format-field.js";
import type { CodeEntry, CodeSet, Retry, UncodedEntry, Vendor } from "../../model/types.js";
import { javadocComment, javadocText, javaString, javaStringOrNull } from "../escape/java.js";
import { bannerText } from "./banner.js";
import { joinEach } from "./join.js";
import { outcomeText } from "./outcome-text.js";
import { retiredView } from "./retired-view.js";

/** Where a code set's enum goes: generated/java/<package path>/<TypeName>.java. */
export function javaFilePath(vendor: Vendor, set: CodeSet): string {
  return `java/${vendor.javaPackage.replace(/\./g, "/")}/${set.typeName}.java`;
}

/** A metadata field a set's enum carries when at least one of its codes has it. */
interface FieldSpec {
  readonly name: string;
  readonly type: string;
  readonly getter: string;
  readonly doc: string;
  readonly has: (entry: CodeEntry) => boolean;
  readonly literal: (entry: CodeEntry, set: CodeSet) => string;
}

const LIST = "java.util.List<java.lang.String>";
const TEXT_FIELDS: ReadonlySet<string> = new Set(["message", "description", "action"]);

// biome-ignore format: a table of fields reads better one per line.
const FIELDS: readonly FieldSpec[] = [
  { name: "message", type: "java.lang.String", getter: "getMessage", doc: "The message exactly as the vendor sends it, or null.", has: (e) => e.message !== undefined, literal: (e) => javaStringOrNull(e.message) },
  { name: "alternativeMessages", type: LIST, getter: "getAlternativeMessages", doc: "Other messages the vendor sends with this code.", has: (e) => e.alternativeMessages.length > 0, literal: (e) => listLiteral(e.alternativeMessages) },
  { name: "description", type: "java.lang.String", getter: "getDescription", doc: "What the code means, or null.", has: (e) => e.description !== undefined, literal: (e) => javaStringOrNull(e.description) },
  { name: "action", type: "java.lang.String", getter: "getAction", doc: "What the caller should do, or null.", has: (e) => e.action !== undefined, literal: (e) => javaStringOrNull(e.action) },
  { name: "httpStatus", type: "java.lang.Integer", getter: "getHttpStatus", doc: "The HTTP status the vendor returns with this code, or null.", has: (e) => e.httpStatus !== undefined, literal: (e) => (e.httpStatus === undefined ? "null" : String(e.httpStatus)) },
  { name: "scope", type: "java.lang.String", getter: "getScope", doc: "The id of the scope the code belongs to, or null.", has: (e) => e.scope !== undefined, literal: (e) => javaStringOrNull(e.scope) },
  { name: "scopeTitle", type: "java.lang.String", getter: "getScopeTitle", doc: "The vendor's name for the scope, or null.", has: (e) => e.scope !== undefined, literal: (e, set) => javaStringOrNull(set.scopes.find((s) => s.id === e.scope)?.title) },
  { name: "category", type: "java.lang.String", getter: "getCategory", doc: "The id of the category the code belongs to, or null.", has: (e) => e.category !== undefined, literal: (e) => javaStringOrNull(e.category) },
  { name: "categoryTitle", type: "java.lang.String", getter: "getCategoryTitle", doc: "The vendor's name for the category, or null.", has: (e) => e.category !== undefined, literal: (e, set) => javaStringOrNull(set.categories.find((c) => c.id === e.category)?.title) },
  { name: "endpoints", type: LIST, getter: "getEndpoints", doc: "The endpoints that return this code.", has: (e) => e.endpoints.length > 0, literal: (e) => listLiteral(e.endpoints) },
  { name: "retry", type: "Retry", getter: "getRetry", doc: "Whether and how to retry after this code, or null.", has: (e) => e.retry !== undefined, literal: (e) => retryLiteral(e.retry) },
  { name: "reserved", type: "boolean", getter: "isReserved", doc: "Whether the vendor reserves this code for future use (it is not sent yet).", has: (e) => e.reserved, literal: (e) => String(e.reserved) },
  { name: "translations", type: "java.util.Map<java.lang.String, java.util.Map<java.lang.String, java.lang.String>>", getter: "getTranslations", doc: "Translated texts: locale to field (message, description, action) to text.", has: (e) => e.translations.length > 0, literal: translationsLiteral },
];

/** What templates/java/enum.java.hbs sees for one code set. */
export function javaEnumView(vendor: Vendor, set: CodeSet) {
  const kind = set.format.kind;
  // Retired codes are no constants; retired(code) still recognises them.
  const live = set.codes.filter((entry) => !entry.retired);
  const retired = set.codes.filter((entry) => entry.retired);
  const fields = FIELDS.filter((field) => live.some(field.has));
  const hasPlaceholders = live.some((entry) => entry.placeholders.length > 0);
  const codeType = kind === "integer" ? "int" : "java.lang.String";
  return {
    banner: `// ${javaLineComment(bannerText(vendor.file))}`,
    package: vendor.javaPackage,
    typeName: set.typeName,
    doc: javadocComment("", [`${set.title} (${vendor.name})`, set.description, formatNote(set)]),
    codeType,
    isInteger: kind === "integer",
    isDigits: kind === "digits",
    isSymbolic: kind === "symbolic",
    width: set.format.kind === "digits" ? set.format.width : 0,
    fields: fields.map((field) => ({ ...field, doc: javadocComment("    ", [field.doc]), textField: TEXT_FIELDS.has(field.name) })),
    hasTranslations: fields.some((field) => field.name === "translations"),
    hasRetryClass: fields.some((field) => field.name === "retry") || set.uncoded.length > 0,
    hasPlaceholders,
    hasRetired: retired.length > 0,
    retired: retiredView(retired, javaString, javaStringOrNull),
    constants: live.map((entry, index) => ({
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
      args: [
        codeLiteral(set, entry),
        ...fields.map((field) => field.literal(entry, set)),
        ...(hasPlaceholders ? [placeholdersLiteral(entry), javaString(defaultFormatField(entry))] : []),
      ].join(", "),
      separator: index === live.length - 1 ? ";" : ",",
    })),
    hasUncoded: set.uncoded.length > 0,
    uncoded: set.uncoded.map((entry, index) => uncodedView(entry, index === set.uncoded.length - 1)),
  };
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

/** A // comment line: a backslash is doubled so that no \u in it can become a line break for javac. */
function javaLineComment(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/[\r\n\u2028\u2029]/g, " ");
}

function listLiteral(items: readonly string[]): string {
  return `java.util.List.of(${joinEach(items, javaString, ", ")})`;
}

function retryLiteral(retry: Retry | undefined): string {
  if (!retry) return "null";
  const delay = (value: number | undefined) => (value === undefined ? "null" : `java.lang.Integer.valueOf(${value})`);
  return `new Retry(${javaString(retry.policy)}, ${delay(retry.minDelaySeconds)}, ${delay(retry.maxDelaySeconds)}, ${javaStringOrNull(retry.note)})`;
}

function translationsLiteral(entry: CodeEntry): string {
  if (entry.translations.length === 0) return "java.util.Map.of()";
  const locale = ({ locale, texts }: CodeEntry["translations"][number]) => {
    const fields = joinEach(Object.entries(texts), ([field, text]) => `java.util.Map.entry(${javaString(field)}, ${javaString(text)})`, ", ");
    return `java.util.Map.entry(${javaString(locale)}, java.util.Map.ofEntries(${fields}))`;
  };
  return `java.util.Map.ofEntries(${joinEach(entry.translations, locale, ", ")})`;
}

function placeholdersLiteral(entry: CodeEntry): string {
  if (entry.placeholders.length === 0) return "new java.lang.String[0][]";
  return `new java.lang.String[][] {${joinEach(entry.placeholders, (p) => `{${javaString(p.name)}, ${javaString(p.token)}}`, ", ")}}`;
}

function uncodedView(entry: UncodedEntry, last: boolean) {
  return {
    doc: javadocComment("        ", [`HTTP ${entry.httpStatus}: ${entry.message}`, entry.case, entry.description, entry.action && `Action: ${entry.action}`]),
    name: entry.name,
    args: [
      String(entry.httpStatus),
      javaString(entry.message),
      javaStringOrNull(entry.case),
      javaStringOrNull(entry.description),
      javaStringOrNull(entry.action),
      retryLiteral(entry.retry),
    ].join(", "),
    separator: last ? ";" : ",",
  };
}
