// biome-ignore format: word lists read better packed.
const TYPESCRIPT_RESERVED = [
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum",
  "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null",
  "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with",
  // strict mode and contextual keywords
  "implements", "interface", "let", "package", "private", "protected", "public", "static", "yield", "await",
  "as", "any", "boolean", "constructor", "declare", "get", "module", "namespace", "number", "of", "require",
  "set", "string", "symbol", "type", "from", "unknown", "never", "object", "bigint", "undefined", "arguments", "eval",
];

// biome-ignore format: word lists read better packed.
const JAVA_RESERVED = [
  "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
  "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
  "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
  "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
  "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "_",
  "var", "yield", "record", "sealed", "permits", "non-sealed",
];

/**
 * Names the generated code gives the enum's own members. A TypeScript enum merged with a namespace
 * cannot hold a member and a helper of the same name, and Java enums inherit name() and ordinal().
 */
// biome-ignore format: word lists read better packed.
const GENERATED_MEMBERS = [
  "fromCode", "getCode", "values", "valueOf", "parse", "format", "name", "ordinal", "info", "byCode", "byName",
  "matchUncoded", "uncoded", "compareTo", "equals", "hashCode", "toString", "getClass", "getDeclaringClass", "prototype",
  // A constant named java would obscure the java.lang and java.util names the generated Java spells out.
  "java",
];

/** Words that cannot name a generated enum member in TypeScript or Java. `__proto__` is a valid identifier, but an enum member of that name vanishes at run time. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([...TYPESCRIPT_RESERVED, ...JAVA_RESERVED, "__proto__"]);
/** Java's keywords alone: what a package segment may not be. */
export const JAVA_KEYWORDS: ReadonlySet<string> = new Set(JAVA_RESERVED);
export const GENERATED_MEMBER_NAMES: ReadonlySet<string> = new Set(GENERATED_MEMBERS);

/** Type names the generated TypeScript or Java uses itself, so a code set cannot take them. */
// biome-ignore format: word lists read better packed.
export const RESERVED_TYPE_NAMES: ReadonlySet<string> = new Set([
  "Array", "Boolean", "Collections", "Deprecated", "Error", "HashMap", "Integer", "List", "Locale", "Map", "Math",
  "Number", "Object", "Optional", "Override", "Partial", "Readonly", "ReadonlyMap", "Record", "Set", "String",
  "System", "Unknown", "Entry", "RangeError",
  // The nested types of the generated Java enums (a nested type may not share its enclosing type's name).
  "Retry", "Uncoded", "Scope", "Category", "CodeCategory",
  // The generated TypeScript runtime's own types.
  "CodeInfo", "UncodedInfo", "ScopeInfo", "CategoryInfo", "RetryInfo", "RetryPolicy", "DeprecationInfo", "TextField",
  "TranslatedTexts", "PlaceholderInfo", "Parsed", "FormatOptions",
]);

/** The types generated beside each code set's enum: they must not collide with another set's names. */
export const TYPE_NAME_SUFFIXES: readonly string[] = ["Info", "Placeholders", "UncodedName", "UncodedInfo"];

/** Names of files and package segments that Windows or the generated layout refuse. */
// biome-ignore format: word lists read better packed.
export const RESERVED_FILE_NAMES: ReadonlySet<string> = new Set([
  "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
  "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9", "index", "node_modules", "codebook-runtime",
]);

/** What a generated identifier may look like in both languages: ASCII, no $ (Java reserves it for generated code). */
export const IDENTIFIER_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
