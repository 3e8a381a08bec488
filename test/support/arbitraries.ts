import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { parse, stringify } from "yaml";
import {
  GENERATED_MEMBER_NAMES,
  IDENTIFIER_PATTERN,
  JAVA_KEYWORDS,
  RESERVED_FILE_NAMES,
  RESERVED_TYPE_NAMES,
  RESERVED_WORDS,
  TYPE_NAME_SUFFIXES,
} from "../../src/catalog/reserved-words.js";
import { defaultJavaPackage } from "../../src/model/vendor-names.js";

/*
 * fast-check arbitraries for VALID catalogs, as plain objects shaped like catalogs/catalog.schema.json.
 * Every text is drawn from characters that break naive escaping; every name is an identifier that the
 * validator accepts (reserved words are left to the invalid mutations in test/property/mutations.ts).
 */

export type CodeKind = "integer" | "digits" | "alphanumeric" | "symbolic";
export type TextField = "message" | "description" | "action";

export interface Retry {
  policy: "never" | "after-fix" | "after-delay" | "exponential-backoff" | "manual";
  minDelaySeconds?: number | undefined;
  maxDelaySeconds?: number | undefined;
  note?: string | undefined;
}
export type Deprecation = boolean | { reason?: string | undefined; replacement?: string | undefined };
export interface Placeholder {
  name: string;
  token: string;
  description?: string | undefined;
}
export type Translations = Record<string, Partial<Record<TextField, string>>>;
export interface Code {
  code: number | string;
  name: string;
  aliases?: string[] | undefined;
  identifiers?: Record<string, string> | undefined;
  message?: string | undefined;
  alternativeMessages?: string[] | undefined;
  description?: string | undefined;
  action?: string | undefined;
  httpStatus?: number | number[] | undefined;
  severity?: Severity | undefined;
  scope?: string | undefined;
  category?: string | undefined;
  endpoints?: string[] | undefined;
  retry?: Retry | undefined;
  deprecated?: Deprecation | undefined;
  reserved?: boolean | undefined;
  restored?: boolean | undefined;
  translations?: Translations | undefined;
  placeholders?: Placeholder[] | undefined;
  handling?: string | undefined;
  notes?: string[] | undefined;
}
export interface Uncoded {
  name: string;
  case?: string | undefined;
  httpStatus: number;
  message: string;
  description?: string | undefined;
  action?: string | undefined;
  retry?: Retry | undefined;
  notes?: string[] | undefined;
}
export interface Scope {
  id: string;
  title: string;
  symbol?: string | undefined;
  description?: string | undefined;
}
export type Severity = "error" | "warning" | "info" | "success";
/** What a code set or category states for its codes that state none. */
export interface CodeDefaults {
  httpStatus?: number | number[] | undefined;
  retry?: Retry | undefined;
  scope?: string | undefined;
  severity?: Severity | undefined;
}
export interface Category extends CodeDefaults {
  id: string;
  title: string;
  description?: string | undefined;
  range?: { min: number; max: number } | undefined;
  prefix?: string | undefined;
  exceptionClasses?: string[] | undefined;
  deprecated?: Deprecation | undefined;
  notes?: string[] | undefined;
}
export interface CodeSet extends CodeDefaults {
  id: string;
  typeName: string;
  title: string;
  description?: string | undefined;
  codeKind: CodeKind;
  width?: number | undefined;
  alphabet?: { characters: string; caseSensitive?: boolean | undefined } | undefined;
  identifiers?: { id: string; title: string; description?: string | undefined }[] | undefined;
  scopes?: Scope[] | undefined;
  categories?: Category[] | undefined;
  codes: Code[];
  uncoded?: Uncoded[] | undefined;
  notes?: string[] | undefined;
}
export interface ResponseField {
  path: string;
  type: "string" | "integer" | "number" | "boolean" | "array" | "object";
  description: string;
  codeSet?: string | undefined;
  values?: string[] | undefined;
}
export interface Guidance {
  id: string;
  title: string;
  text: string;
  items?: string[] | undefined;
}
export interface Vendor {
  id: string;
  name: string;
  summary: string;
  source?: string | undefined;
  javaPackage?: string | undefined;
  errorResponse?: { description: string; example?: string | undefined; fields?: ResponseField[] | undefined; notes?: string[] | undefined } | undefined;
  guidance?: Guidance[] | undefined;
  notes?: string[] | undefined;
}
export interface Catalog {
  vendor: Vendor;
  codeSets: CodeSet[];
}

/**
 * Pieces of text that have broken generators: comment ends, template syntax ("\u0024{" is "${", written
 * so for the linter), Markdown and HTML, line breaks of every kind, bidi marks, astral characters.
 */
// biome-ignore format: one fragment list reads better packed.
export const HOSTILE_FRAGMENTS: readonly string[] = [
  '"', "'", "\\", "\\\\", "*/", "/*", "/**", "\u0024{", "\u0024{x}", "`", "```", "{{", "}}", "{{x}}", "{{{x}}}", "|", "||", "<tag>", "</tag>",
  "</script>", "<script>alert(1)</script>", "<b>", "<i>x</i>", "</div>", "<div>", "<br>", "<!--", "-->", "<?php", "]]>", "&amp;", "&lt;",
  "&#124;", "\n", "\r", "\r\n", "\n\n", "\t", "\u000b", "\f", "\u0000", "\u0001", "\u001b[31m", "\u007f", "\u0085", "\u00a0", "\u2028", "\u2029",
  "\u202e", "\u200f", "\u200b", "\ufeff", "\ufffd", "😀", "👩‍👩‍👧", "𝄞", "🇩🇪", "e\u0301", "\\u000a", "\\u0022", "\\u002a/", "\\n", "\\", "@param",
  "@deprecated", "{@link X}", "@", "# ", "#", "## x", "- ", "-", "+ ", "* ", "*", "**", "_", "__", "~~", "1. ", "2) ", "> ", "---", "===",
  "    indented", "[x](http://e)", "![i](x)", "<http://e>", "http://example.com/a_b", ":", ": ", "%s", "%d", "%n", "{0}", "$&", "$1", "$x",
  "{x}", "[$x]", "?", "!", ";", "^", "=", "+", "(", ")", "[", "]", "{", "}", "&", "<", ">", "~", " ", "  ",
];

// biome-ignore format: word lists read better packed.
const WORDS: readonly string[] = [
  "payment", "failed", "Zahlung", "abgelehnt", "ß", "İstanbul", "ǅ", "naïve", "x", "Error", "code", "0100", "The", "card", "was",
  "declined.", "Please", "retry", "later", "PhonePOS", "null", "true", "undefined", "NaN", "__proto__", "constructor", "toString",
];

const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  // Any code point (no lone surrogates: a UTF-8 file cannot hold one).
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 3 }) },
);

/** A non-empty free text (a message, a title, a note...). */
export const textArbitrary: fc.Arbitrary<string> = fc
  .tuple(fc.array(fragment, { minLength: 1, maxLength: 6 }), fc.constantFrom("", " "))
  .map(([parts, separator]) => parts.join(separator))
  .filter((text) => text.length > 0);

/** A symbolic wire code: any non-empty string without surrounding whitespace. */
export const symbolicCodeArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: textArbitrary.map((text) => text.trim()).filter((text) => text.length > 0) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty", "0100", "-0", "1e3", "NaN", "null", "X_TRANSACTION_HAS_EXPIRED"),
  },
  { weight: 1, arbitrary: fc.constantFrom("a", "b", "x", "a-b", "y", "uncoded-A") },
);

/** A lower-case id as the schema's identifier pattern allows. */
export const idArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,4}){0,2}$/) },
  // A few short ids, so that ids and symbolic codes meet (a set x with a category y and a set x-y, a category a and a code a).
  { weight: 1, arbitrary: fc.constantFrom("a", "b", "x", "a-b", "x-y", "uncoded") },
);

/** Valid identifiers that are nonetheless awkward in one of the targets: JavaScript globals, Java types, names of generated fields and locals. */
// biome-ignore format: word lists read better packed.
export const AWKWARD_MEMBER_NAMES: readonly string[] = [
  "String", "Object", "Integer", "Map", "List", "Locale", "Collections", "HashMap", "StringBuilder", "IllegalArgumentException", "Retry",
  "Uncoded", "Enum", "Override", "Deprecated", "System", "Math", "RangeError", "Symbol", "JSON", "java", "javax", "code", "message",
  "description", "action", "httpStatus", "scope", "scopeTitle", "category", "categoryTitle", "endpoints", "retry", "reserved",
  "translations", "placeholders", "defaultField", "alternativeMessages", "CODEBOOK_BY_WIRE", "CODEBOOK_BY_INT", "CODEBOOK_BY_KEY",
  "byWire", "value", "key", "match", "NaN", "Infinity", "length", "hasOwnProperty", "toJSON", "then", "globalThis", "CLASS", "Class",
  "IF", "Null", "True", "VOID", "_1", "__", "_$", "A", "a", "Z9", "E", "main", "args", "self", "vendor", "__defineGetter__", "isReserved",
];

/** Valid type names that are awkward: JavaScript and Java library types the generated code may use unqualified, and names of nested types. */
// biome-ignore format: word lists read better packed.
export const AWKWARD_TYPE_NAMES: readonly string[] = [
  "RangeError", "Retry", "Uncoded", "Promise", "JSON", "Symbol", "Date", "Function", "Enum", "Class", "Thread", "StringBuilder",
  "IllegalArgumentException", "Vendor", "Codebook", "Iterable", "Character", "Void", "Exception", "Long", "SuppressWarnings",
  "Conformance", "Info", "Placeholders", "UncodedName", "A", "AB", "Ab", "ErrorCode", "E2", "Byte", "Runtime", "Objects", "Arrays", "Code",
];

const isValidMemberName = (name: string): boolean => IDENTIFIER_PATTERN.test(name) && !RESERVED_WORDS.has(name) && !GENERATED_MEMBER_NAMES.has(name);

/** A name for a code or an uncoded entry: an UPPER_SNAKE wire name, any identifier, or an awkward one. */
export const memberNameArbitrary: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 4, arbitrary: fc.stringMatching(/^[A-Z][A-Z0-9]{0,8}(_[A-Z0-9]{1,8}){0,3}$/) },
    { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/) },
    { weight: 1, arbitrary: fc.constantFrom(...AWKWARD_MEMBER_NAMES) },
  )
  .filter(isValidMemberName);

/** A PascalCase type name the validator accepts on its own (collisions between the sets of a vendor are resolved in typeNamesOf). */
export const typeNameArbitrary: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 4, arbitrary: fc.stringMatching(/^[A-Z][a-z0-9]{0,6}([A-Z][a-z0-9]{0,6}){0,2}$/) },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,6}$/) },
    { weight: 1, arbitrary: fc.constantFrom(...AWKWARD_TYPE_NAMES) },
  )
  // As the validator does: the name and its generated companions (Code -> CodeInfo) must not be reserved.
  .filter((name) => [name, ...TYPE_NAME_SUFFIXES.map((suffix) => `${name}${suffix}`)].every((generated) => !RESERVED_TYPE_NAMES.has(generated)));

/** The vendor id arbitrary: safe as a file name, a TypeScript namespace and a Java package segment. */
export const vendorIdArbitrary: fc.Arbitrary<string> = fc
  .stringMatching(/^[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,6}){0,3}$/)
  .filter((id) => !RESERVED_FILE_NAMES.has(id) && !RESERVED_WORDS.has(namespaceOf(id)) && !JAVA_KEYWORDS.has(id.replace(/-/g, "")));

const javaPackageArbitrary: fc.Arbitrary<string> = fc
  .array(fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/), { minLength: 1, maxLength: 3 })
  .map((segments) => segments.join("."))
  .filter((name) => !name.split(".").some((segment) => JAVA_KEYWORDS.has(segment)) && !/^java(\.|$)/.test(name));

// biome-ignore format: a list of locales reads better packed.
const LOCALES = ["de", "fr", "fr-CH", "en-GB", "pt-BR", "zh-Hant-TW", "gsw", "con-structor", "tr"];
const RETRY_POLICIES = ["never", "after-fix", "after-delay", "exponential-backoff", "manual"] as const;
const FIELD_TYPES = ["string", "integer", "number", "boolean", "array", "object"] as const;
// biome-ignore format: a list of names reads better packed.
const PLACEHOLDER_NAMES = ["url", "amount", "email", "recovery_url", "constructor", "class", "to_string", "proto", "x", "n1", "value"];
const placeholderNameArbitrary = fc.oneof(fc.constantFrom(...PLACEHOLDER_NAMES), fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/));
const JAVA_INT_MIN = -2_147_483_648;
const JAVA_INT_MAX = 2_147_483_647;

/** external-api -> externalApi, as the generator names a vendor's namespace. */
export function namespaceOf(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, char: string) => char.toUpperCase());
}

/** Draws one value from an arbitrary, with the random generator of the value being built. */
export type Draw = <T>(arbitrary: fc.Arbitrary<T>) => T;

/**
 * An arbitrary built by imperative code that draws from other arbitraries, like fc.gen() but without its
 * cache of arbitraries (which compares every new arbitrary deeply with every earlier one: minutes for a
 * thousand catalogs). Its values do not shrink; a failing catalog is printed whole, by its seed and path.
 */
export class DrawnArbitrary<T> extends fc.Arbitrary<T> {
  constructor(private readonly build: (g: Draw) => T) {
    super();
  }
  generate(random: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    return new fc.Value(
      this.build((arbitrary) => arbitrary.generate(random, biasFactor).value),
      undefined,
    );
  }
  canShrinkWithoutContext(_value: unknown): _value is T {
    return false;
  }
  shrink(): fc.Stream<fc.Value<T>> {
    return fc.Stream.nil();
  }
}
export const chance = (g: Draw, percent: number): boolean => g(fc.integer({ min: 1, max: 100 })) <= percent;
const maybe = <T>(g: Draw, percent: number, make: () => T): T | undefined => (chance(g, percent) ? make() : undefined);
const texts = (g: Draw, max: number): string[] => g(fc.array(textArbitrary, { minLength: 1, maxLength: max }));
export const pickFrom = <T>(g: Draw, items: readonly T[]): T => items[g(fc.nat(items.length - 1))] as T;

/** Removes undefined properties, so that objects compare and serialise exactly as a catalog author wrote them. */
function prune<T>(value: T): T {
  if (Array.isArray(value)) return value.map(prune) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== undefined)
        .map(([key, item]) => [key, prune(item)]),
    ) as T;
  }
  return value;
}

function retryOf(g: Draw): Retry {
  const min = maybe(g, 50, () => g(fc.nat(600)));
  const max = maybe(g, 50, () => (min ?? 0) + g(fc.nat(3600)));
  return prune({ policy: pickFrom(g, RETRY_POLICIES), minDelaySeconds: min, maxDelaySeconds: max, note: maybe(g, 40, () => g(textArbitrary)) });
}

function deprecationOf(g: Draw, replacements: readonly string[]): Deprecation {
  const kind = g(fc.nat(3));
  if (kind === 0) return true;
  if (kind === 1) return false;
  return prune({
    reason: maybe(g, 60, () => g(textArbitrary)),
    replacement: replacements.length > 0 && chance(g, 60) ? pickFrom(g, replacements) : undefined,
  });
}

/** How often each declared token occurs in a text, in the form src/catalog/check-placeholders.ts compares a text with its translations. */
export function tokenCounts(text: string, tokens: readonly string[]): string {
  return [...tokens]
    .sort()
    .map((token) => ({ token, count: text.split(token).length - 1 }))
    .filter(({ count }) => count > 0)
    .map(({ token, count }) => (count === 1 ? token : `${token} x${count}`))
    .join(", ");
}

/** Chooses the set's wire codes: unique, of the set's kind and width. */
function wireCodes(g: Draw, kind: CodeKind, width: number, count: number): (number | string)[] {
  switch (kind) {
    case "integer": {
      const integer = fc.oneof(
        fc.integer({ min: JAVA_INT_MIN, max: JAVA_INT_MAX }),
        fc.integer({ min: -20, max: 20 }),
        fc.constantFrom(JAVA_INT_MIN, JAVA_INT_MAX, 0, -1, 100, 12001),
      );
      return g(fc.uniqueArray(integer, { minLength: 1, maxLength: count }));
    }
    case "digits": {
      const digits = fc.integer({ min: 0, max: 10 ** width - 1 }).map((value) => String(value).padStart(width, "0"));
      return g(fc.uniqueArray(digits, { minLength: 1, maxLength: count }));
    }
    case "alphanumeric": {
      // Characters of every alphabet drawn below (each holds 0-9 and A-Z); unique ignoring case, which some alphabets ignore.
      const length = width > 0 ? fc.constant(width) : fc.integer({ min: 1, max: 6 });
      const code = length.chain((n) => fc.array(fc.constantFrom(..."0123456789AEZNPX"), { minLength: n, maxLength: n })).map((chars) => chars.join(""));
      return g(fc.uniqueArray(code, { minLength: 1, maxLength: count, selector: (c) => c.toUpperCase() }));
    }
    case "symbolic":
      return g(fc.uniqueArray(symbolicCodeArbitrary, { minLength: 1, maxLength: count }));
  }
}

/** Alphabets an alphanumeric set may declare; each holds 0-9 and A-Z, so every drawn code fits each. */
const ALPHABETS = [{ characters: "[0-9A-Z]" }, { characters: "[A-Z0-9]", caseSensitive: true }, { characters: "[0-9A-Za-z]", caseSensitive: false }];

/**
 * Whether fromCode(int) reaches a code: always for integer and digits sets; for an alphanumeric set with a
 * width, when the code is made of digits (fromCode(int) formats like %0<width>d); never for symbolic sets.
 */
export function reachableByInt(set: CodeSet, code: Code): boolean {
  if (set.codeKind === "alphanumeric") return set.width !== undefined && /^[0-9]+$/.test(String(code.code));
  return set.codeKind !== "symbolic";
}

/** Placeholders for an entry: tokens that occur in its texts, either written in ({name}, $name...) or taken from a text. */
function placeholdersFor(g: Draw, entry: Code): Placeholder[] {
  const count = g(fc.integer({ min: 1, max: 2 }));
  const names = g(fc.uniqueArray(placeholderNameArbitrary, { minLength: count, maxLength: count }));
  const placeholders: Placeholder[] = [];
  for (const name of names) {
    const style = g(fc.nat(5));
    let token: string;
    if (style === 5 && entry.message !== undefined) {
      // A token cut out of the message itself: any text may serve as a token.
      const chars = [...entry.message];
      const start = g(fc.nat(chars.length - 1));
      const length = g(fc.integer({ min: 1, max: Math.min(4, chars.length - start) }));
      token = chars.slice(start, start + length).join("");
    } else {
      token = [`{${name}}`, `$${name}`, `[$${name}]`, `<${name}>`, `%${name}%`, `{{${name}}}`][style] ?? `{${name}}`;
      const field = pickFrom(g, ["message", "description", "action"] as const);
      const before = entry[field] ?? "";
      entry[field] = chance(g, 50) ? `${before}${token}` : `${token}${before}`;
    }
    if (token.length === 0 || placeholders.some((p) => p.token === token)) continue;
    placeholders.push(prune({ name, token, description: maybe(g, 30, () => g(textArbitrary)) }));
  }
  return placeholders;
}

/** Translations of the texts an entry has, carrying exactly the source text's placeholder tokens. */
function translationsFor(g: Draw, entry: Code): Translations | undefined {
  const fields = (["message", "description", "action"] as const).filter((field) => entry[field] !== undefined);
  if (fields.length === 0) return undefined;
  const tokens = (entry.placeholders ?? []).map((p) => p.token);
  const locales = g(fc.uniqueArray(fc.constantFrom(...LOCALES), { minLength: 1, maxLength: 2 }));
  const translations: Translations = {};
  for (const locale of locales) {
    const chosen = g(fc.subarray(fields, { minLength: 1 }));
    const texts: Partial<Record<TextField, string>> = {};
    for (const field of chosen) {
      const source = entry[field] ?? "";
      const wanted = tokenCounts(source, tokens);
      // The translation keeps each token as often as the source has it; if random text upsets the counts, the source text itself stands in.
      const words = g(textArbitrary);
      const withTokens = [words, ...tokens.flatMap((token) => Array.from({ length: source.split(token).length - 1 }, () => token))].join(" ");
      texts[field] = tokenCounts(withTokens, tokens) === wanted ? withTokens : source;
    }
    translations[locale] = texts;
  }
  return translations;
}

function codeSetOf(g: Draw, id: string, typeName: string): CodeSet {
  const codeKind = pickFrom(g, ["integer", "digits", "alphanumeric", "symbolic"] as const);
  const width = codeKind === "digits" || (codeKind === "alphanumeric" && chance(g, 60)) ? g(fc.integer({ min: 1, max: 9 })) : 0;
  const codes = wireCodes(g, codeKind, width, g(fc.integer({ min: 1, max: 5 })));
  const uncodedCount = chance(g, 25) ? g(fc.integer({ min: 1, max: 2 })) : 0;
  const aliasCount = chance(g, 15) ? g(fc.integer({ min: 1, max: 2 })) : 0;
  const nameCount = codes.length + uncodedCount + aliasCount;
  const drawnNames = g(fc.uniqueArray(memberNameArbitrary, { minLength: nameCount, maxLength: nameCount, selector: (n) => n.toLowerCase() }));
  // The aliases' names come last: code and uncoded names are drawn as before.
  const aliasNames = drawnNames.slice(codes.length + uncodedCount);
  const allNames = drawnNames.slice(0, codes.length + uncodedCount);
  const identifierKinds = g(
    fc.uniqueArray(
      idArbitrary.filter((id) => id !== "code" && id !== "name"),
      { maxLength: 2 },
    ),
  ).map((kindId) => prune({ id: kindId, title: g(textArbitrary), description: maybe(g, 30, () => g(textArbitrary)) }));
  // Sometimes a code is named like its own type.
  if (chance(g, 5) && !drawnNames.some((n) => n.toLowerCase() === typeName.toLowerCase())) allNames[0] = typeName;
  const names = allNames.slice(0, codes.length);
  const scopes = g(fc.uniqueArray(idArbitrary, { maxLength: 3 })).map((scopeId) =>
    prune({
      id: scopeId,
      title: g(textArbitrary),
      symbol: maybe(g, 40, () => g(textArbitrary)),
      description: maybe(g, 40, () => g(textArbitrary)),
    }),
  );
  const categoryIds = g(fc.uniqueArray(idArbitrary, { maxLength: 3 }));

  const entries: Code[] = codes.map((code, index) => {
    const entry: Code = { code, name: names[index] ?? `N${index}` };
    entry.message = maybe(g, 70, () => g(textArbitrary));
    entry.alternativeMessages = maybe(g, 15, () => texts(g, 2));
    entry.description = maybe(g, 60, () => g(textArbitrary));
    entry.action = maybe(g, 40, () => g(textArbitrary));
    entry.httpStatus = maybe(g, 30, () => httpStatusOf(g));
    entry.severity = maybe(g, 20, () => pickFrom(g, SEVERITIES));
    entry.scope = scopes.length > 0 && chance(g, 60) ? pickFrom(g, scopes).id : undefined;
    entry.category = categoryIds.length > 0 && chance(g, 60) ? pickFrom(g, categoryIds) : undefined;
    entry.endpoints = maybe(g, 20, () => texts(g, 3));
    entry.retry = maybe(g, 20, () => retryOf(g));
    entry.deprecated = maybe(g, 15, () =>
      deprecationOf(
        g,
        names.filter((other) => other !== entry.name),
      ),
    );
    entry.reserved = maybe(g, 10, () => g(fc.boolean()));
    entry.restored = maybe(g, 10, () => g(fc.boolean()));
    if (chance(g, 20)) entry.placeholders = placeholdersFor(g, entry);
    if (chance(g, 25)) entry.translations = translationsFor(g, entry);
    entry.handling = maybe(g, 10, () => g(textArbitrary));
    entry.notes = maybe(g, 10, () => texts(g, 2));
    const identifiers = Object.fromEntries(identifierKinds.filter(() => chance(g, 60)).map((kind) => [kind.id, g(textArbitrary)]));
    entry.identifiers = Object.keys(identifiers).length > 0 ? identifiers : undefined;
    return prune(entry);
  });
  for (const alias of aliasNames) {
    const owner = pickFrom(g, entries);
    owner.aliases = [...(owner.aliases ?? []), alias];
  }

  const categories: Category[] = categoryIds.map((categoryId) => {
    const values = entries.filter((entry) => entry.category === categoryId).map((entry) => Number(entry.code));
    let range: { min: number; max: number } | undefined;
    let prefix: string | undefined;
    if ((codeKind === "integer" || codeKind === "digits") && chance(g, 60)) {
      const low = values.length > 0 ? Math.min(...values) : g(fc.integer({ min: -1000, max: 1000 }));
      const high = values.length > 0 ? Math.max(...values) : low;
      range = { min: low - g(fc.nat(100)), max: high + g(fc.nat(100)) };
    } else if (chance(g, 40)) {
      // A prefix every code of the category starts with: their longest common start, or any text when it has none.
      const wires = entries.filter((entry) => entry.category === categoryId).map((entry) => [...String(entry.code)]);
      const first = wires[0] ?? [];
      let shared = 0;
      while (shared < first.length && wires.every((wire) => wire[shared] === first[shared])) shared += 1;
      const common = wires.length === 0 ? [...g(textArbitrary)] : first.slice(0, shared);
      const length = common.length === 0 ? 0 : g(fc.integer({ min: 1, max: common.length }));
      prefix = length === 0 ? undefined : common.slice(0, length).join("");
    }
    return prune({
      id: categoryId,
      title: g(textArbitrary),
      description: maybe(g, 40, () => g(textArbitrary)),
      range,
      prefix,
      exceptionClasses: maybe(g, 20, () => texts(g, 2)),
      deprecated: maybe(g, 10, () => deprecationOf(g, [])),
      ...defaultsOf(g, scopes, 15),
      notes: maybe(g, 15, () => texts(g, 2)),
    });
  });

  const uncoded: Uncoded[] = [];
  for (const name of allNames.slice(codes.length)) {
    const httpStatus = g(fc.integer({ min: 100, max: 599 }));
    // Messages as they come off the wire, sometimes with a trailing line break of some kind.
    const message = `${g(textArbitrary)}${chance(g, 15) ? pickFrom(g, [" \u2028", "\t\u2029", " \u0085", " \n", "\r\n", " "]) : ""}`;
    // Status and trimmed message identify an uncoded error: keep them distinct.
    if (uncoded.some((other) => other.httpStatus === httpStatus && trimAscii(other.message) === trimAscii(message))) continue;
    uncoded.push(
      prune({
        name,
        case: maybe(g, 40, () => g(textArbitrary)),
        httpStatus,
        message,
        description: maybe(g, 40, () => g(textArbitrary)),
        action: maybe(g, 40, () => g(textArbitrary)),
        retry: maybe(g, 30, () => retryOf(g)),
        notes: maybe(g, 15, () => texts(g, 2)),
      }),
    );
  }

  return prune({
    id,
    typeName,
    title: g(textArbitrary),
    description: maybe(g, 60, () => g(textArbitrary)),
    codeKind,
    width: codeKind === "digits" || (codeKind === "alphanumeric" && width > 0) ? width : undefined,
    alphabet: codeKind === "alphanumeric" && chance(g, 80) ? pickFrom(g, ALPHABETS) : undefined,
    identifiers: identifierKinds.length > 0 ? identifierKinds : undefined,
    scopes: scopes.length > 0 || chance(g, 10) ? scopes : undefined,
    categories: categories.length > 0 || chance(g, 10) ? categories : undefined,
    codes: entries,
    uncoded: uncoded.length > 0 ? uncoded : undefined,
    ...defaultsOf(g, scopes, 20),
    notes: maybe(g, 15, () => texts(g, 2)),
  });
}

const SEVERITIES: readonly Severity[] = ["error", "warning", "info", "success"];

/** One HTTP status, or sometimes a list of distinct ones. */
function httpStatusOf(g: Draw): number | number[] {
  const status = fc.integer({ min: 100, max: 599 });
  return chance(g, 25) ? g(fc.uniqueArray(status, { minLength: 1, maxLength: 3 })) : g(status);
}

/** Defaults for a set's or category's codes, each stated with the given chance. */
function defaultsOf(g: Draw, scopes: readonly Scope[], percent: number): CodeDefaults {
  return prune({
    httpStatus: maybe(g, percent, () => httpStatusOf(g)),
    retry: maybe(g, percent, () => retryOf(g)),
    scope: scopes.length > 0 && chance(g, percent) ? pickFrom(g, scopes).id : undefined,
    severity: maybe(g, percent, () => pickFrom(g, SEVERITIES)),
  });
}

/**
 * The oracle for a code's effective values, written apart from src/: the code's own value, else its
 * category's, else its set's; the primary HTTP status is the first listed.
 */
export function effectiveOf(
  set: CodeSet,
  code: Code,
): { httpStatus: number | undefined; retry: Retry | undefined; scope: string | undefined; severity: Severity | undefined } {
  const category = set.categories?.find((c) => c.id === code.category);
  const status = code.httpStatus ?? category?.httpStatus ?? set.httpStatus;
  return {
    httpStatus: Array.isArray(status) ? status[0] : status,
    retry: code.retry ?? category?.retry ?? set.retry,
    scope: code.scope ?? category?.scope ?? set.scope,
    severity: code.severity ?? category?.severity ?? set.severity,
  };
}

/** The surrounding ASCII whitespace that uncoded matching ignores. */
export function trimAscii(text: string): string {
  return text.replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g, "");
}

/** Type names for a vendor's sets: each unique, even ignoring case, together with its generated companions (XInfo, XPlaceholders...). */
function typeNamesOf(g: Draw, count: number): string[] {
  const taken = new Set<string>();
  const result: string[] = [];
  const companions = (candidate: string) => [candidate, ...TYPE_NAME_SUFFIXES.map((suffix) => `${candidate}${suffix}`)].map((name) => name.toLowerCase());
  for (let index = 0; index < count; index++) {
    let name = g(typeNameArbitrary);
    while (RESERVED_TYPE_NAMES.has(name) || companions(name).some((candidate) => taken.has(candidate))) name = `${name}Z`;
    for (const candidate of companions(name)) taken.add(candidate);
    result.push(name);
  }
  return result;
}

/** A valid catalog: a vendor with one to three code sets of any kind. */
export const catalogArbitrary: fc.Arbitrary<Catalog> = new DrawnArbitrary((g) => {
  const setIds = g(fc.uniqueArray(idArbitrary, { minLength: 1, maxLength: 3 }));
  const typeNames = typeNamesOf(g, setIds.length);
  const codeSets = setIds.map((id, index) => codeSetOf(g, id, typeNames[index] ?? "T"));
  const vendor: Vendor = prune({
    id: g(vendorIdArbitrary),
    name: g(textArbitrary),
    summary: g(textArbitrary),
    source: maybe(g, 40, () => g(textArbitrary)),
    javaPackage: maybe(g, 20, () => g(javaPackageArbitrary)),
    errorResponse: maybe(g, 30, () =>
      prune({
        description: g(textArbitrary),
        example: maybe(g, 50, () => g(textArbitrary)),
        fields: maybe(g, 60, () =>
          g(fc.array(fc.constant(null), { minLength: 1, maxLength: 3 })).map(() =>
            prune({
              path: g(textArbitrary),
              type: pickFrom(g, FIELD_TYPES),
              description: g(textArbitrary),
              codeSet: maybe(g, 50, () => pickFrom(g, setIds)),
              values: maybe(g, 30, () => texts(g, 3)),
            }),
          ),
        ),
        notes: maybe(g, 30, () => texts(g, 2)),
      }),
    ),
    guidance: maybe(g, 30, () =>
      g(fc.uniqueArray(idArbitrary, { minLength: 1, maxLength: 2 })).map((id) =>
        prune({ id, title: g(textArbitrary), text: g(textArbitrary), items: maybe(g, 50, () => texts(g, 3)) }),
      ),
    ),
    notes: maybe(g, 20, () => texts(g, 2)),
  });
  return { vendor, codeSets };
});

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface YamlOptions {
  /** Every string on one line in JSON-style double quotes (the default); false lets long or multi-line strings fold over lines. */
  readonly singleLineStrings?: boolean;
}

/** The catalog as YAML text: every string double-quoted, so no string can turn into a number, a boolean or null. */
export function catalogYaml(catalog: Catalog, options: YamlOptions = {}): string {
  const body = stringify(catalog, {
    defaultStringType: "QUOTE_DOUBLE",
    defaultKeyType: "PLAIN",
    lineWidth: options.singleLineStrings === false ? 40 : 0,
    minContentWidth: 0,
    doubleQuotedAsJSON: options.singleLineStrings !== false,
    // An object used twice is written out twice, never as an alias.
    aliasDuplicateObjects: false,
  });
  // yaml 2.8's folding of double-quoted strings has two bugs: it may break a line between the halves of
  // a surrogate pair (which no UTF-8 file can hold), and it writes "\\ " for an escaped space after a line
  // break. A catalog it cannot fold faithfully is written with one string per line instead.
  if (options.singleLineStrings === false && (LONE_SURROGATE.test(body) || !isDeepStrictEqual(parse(body), catalog))) return catalogYaml(catalog);
  return `# yaml-language-server: $schema=./catalog.schema.json\n${body}`;
}

/** The same catalog under vendor id v<index>-<its id> (and a package of its own), so that a batch of catalogs never collides. */
export function numberedCatalog(catalog: Catalog, index: number, digits = 4): Catalog {
  const prefix = `v${String(index).padStart(digits, "0")}`;
  const id = `${prefix}-${catalog.vendor.id}`.slice(0, 64).replace(/-+$/, "");
  const vendor: Vendor = { ...catalog.vendor, id };
  if (catalog.vendor.javaPackage !== undefined) vendor.javaPackage = `${catalog.vendor.javaPackage}.${prefix}`;
  return { ...catalog, vendor };
}

/** The Java package of a vendor's enums. */
export function javaPackageOf(vendor: Vendor): string {
  return vendor.javaPackage ?? defaultJavaPackage(vendor.id);
}
