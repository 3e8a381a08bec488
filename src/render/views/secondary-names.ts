import type { CodeEntry, CodeSet, IdentifierKind } from "../../model/types.js";
import { javadocComment, javaString } from "../escape/java.js";
import { jsDocComment, tsString } from "../escape/typescript.js";

/**
 * A set's aliases (more names of one code) and its secondary identifiers' lookups (PostgreSQL's condition
 * names), for the TypeScript and Java targets. Retired codes have no member, so they have neither.
 */

/** condition-name -> ConditionName: the part of a lookup's name that says which identifier it reads. */
export function identifierPascal(id: string): string {
  return id
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

/** An identifier's values, each with the live members that carry it, in catalog order. */
function lookupEntries(set: CodeSet, kind: IdentifierKind): [string, CodeEntry[]][] {
  const byValue = new Map<string, CodeEntry[]>();
  for (const entry of set.codes) {
    if (entry.retired) continue;
    const value = entry.identifiers.find((identifier) => identifier.id === kind.id)?.value;
    if (value !== undefined) byValue.set(value, [...(byValue.get(value) ?? []), entry]);
  }
  return [...byValue];
}

function liveAliases(set: CodeSet): { alias: string; entry: CodeEntry }[] {
  return set.codes.flatMap((entry) => (entry.retired ? [] : entry.aliases.map((alias) => ({ alias, entry }))));
}

/**
 * The TypeScript module's alias table and identifier maps, as code (empty strings when the set has none).
 * `memberRef` names the members as the set's module can reach them where these tables are built; each
 * table is built in a pure call, so that a bundler drops it when it is not used.
 */
export function typescriptSecondaryNames(set: CodeSet, mapPrefix: string, memberRef: string): { aliases: string; lookups: string } {
  const aliases = liveAliases(set);
  const aliasBlock =
    aliases.length === 0
      ? ""
      : [
          jsDocComment("", [`Other names of ${set.typeName} members, as the catalog gives them: each alias is the member it names, not a member of its own.`]),
          // Typed out, so that isolatedDeclarations needs no inference.
          `export const ${mapPrefix}Aliases: { ${aliases.map(({ alias }) => `readonly ${alias}: ${set.typeName}`).join("; ")} } = /* @__PURE__ */ (() => ({`,
          ...aliases.flatMap(({ alias, entry }) => [
            jsDocComment("  ", [`Alias of ${entry.name} (code ${entry.wire}).`]),
            `  ${alias}: ${memberRef}.${entry.name},`,
          ]),
          "}))();",
        ].join("\n");
  const lookups = set.identifiers.map((kind) => {
    const type = `ReadonlyMap<string, readonly ${set.typeName}[]>`;
    const rows = lookupEntries(set, kind).map(
      ([value, entries]) => `  [${tsString(value)}, [${entries.map((entry) => `${memberRef}.${entry.name}`).join(", ")}]],`,
    );
    return [
      jsDocComment("", [`${set.typeName} members by ${kind.title}: a value may stand for several codes.`, kind.description]),
      `export const ${mapPrefix}By${identifierPascal(kind.id)}: ${type} = /* @__PURE__ */ (() => new Map<string, readonly ${set.typeName}[]>([`,
      ...rows,
      "]))();",
    ].join("\n");
  });
  return { aliases: aliasBlock, lookups: lookups.join("\n\n") };
}

/**
 * The Java class's alias constants and identifier lookups, as code (empty when the set has none). `constant`
 * gives the expression for a member by name: the enum constant itself, or valueOf(...) for a class.
 * Parameters and locals start with $, which no member name can: a constant named value stays in reach.
 */
export function javaSecondaryNames(set: CodeSet, constant: (name: string) => string): string {
  const aliases = liveAliases(set).map(({ alias, entry }) =>
    [
      javadocComment("    ", [`Alias of ${entry.name} (code ${entry.wire}): the same constant under the catalog's other name.`]),
      `    public static final ${set.typeName} ${alias} = ${constant(entry.name)};`,
    ].join("\n"),
  );
  const lookups = set.identifiers.map((kind) => {
    const cases = lookupEntries(set, kind).flatMap(([value, entries]) => [
      `            case ${javaString(value)}:`,
      entries.length === 1
        ? `                return java.util.Collections.singletonList(${constant(entries[0]?.name ?? "")});`
        : `                return java.util.Collections.unmodifiableList(java.util.Arrays.asList(${entries.map((entry) => constant(entry.name)).join(", ")}));`,
    ]);
    return [
      javadocComment("    ", [`The constants with this ${kind.title} (several codes may share one), or an empty list.`, kind.description]),
      `    public static java.util.List<${set.typeName}> from${identifierPascal(kind.id)}(java.lang.String $value) {`,
      "        if ($value == null) {",
      "            return java.util.Collections.emptyList();",
      "        }",
      "        switch ($value) {",
      ...cases,
      "            default:",
      "                return java.util.Collections.emptyList();",
      "        }",
      "    }",
    ].join("\n");
  });
  return [...aliases, ...lookups].join("\n\n");
}

/** The TypeScript map of the set's live codes to their severity, as code; empty when no code has one. */
export function typescriptSeverities(set: CodeSet, mapPrefix: string, memberRef: string): string {
  const rated = set.codes.filter((entry) => !entry.retired && entry.severity !== undefined);
  if (rated.length === 0) return "";
  return [
    jsDocComment("", [
      `The severity of each ${set.typeName} code that has one (its own, else its category's or its set's default): error, warning, info or success.`,
    ]),
    `export const ${mapPrefix}Severities: ReadonlyMap<${set.typeName}, "error" | "warning" | "info" | "success"> = /* @__PURE__ */ (() => new Map<${set.typeName}, "error" | "warning" | "info" | "success">([`,
    ...rated.map((entry) => `  [${memberRef}.${entry.name}, ${tsString(entry.severity ?? "")}],`),
    "]))();",
  ].join("\n");
}
