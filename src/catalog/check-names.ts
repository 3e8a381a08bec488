import { responsesClassName } from "../model/vendor-names.js";
import type { CheckContext } from "./check-context.js";
import { GENERATED_MEMBER_NAMES, IDENTIFIER_PATTERN, RESERVED_TYPE_NAMES, RESERVED_WORDS, TYPE_NAME_SUFFIXES } from "./reserved-words.js";

/** Names become enum members in TypeScript and Java: they must be identifiers, unreserved and unique even ignoring case. */
export function checkNames(context: CheckContext): void {
  const typeNames = new Map<string, { name: string; index: number }>();
  // A vendor with a response parser has a Java class <Vendor>Responses beside its enums.
  const parser = context.catalog.vendor.errorResponse?.fields?.some((field) => field.codeSet !== undefined)
    ? responsesClassName(context.catalog.vendor.id)
    : undefined;
  context.catalog.codeSets.forEach((set, setIndex) => {
    if (parser !== undefined && set.typeName.toLowerCase() === parser.toLowerCase()) {
      context.report("reserved-type-name", `typeName ${set.typeName} is the name of the vendor's generated response parser ${parser}; choose another name`, [
        "codeSets",
        setIndex,
        "typeName",
      ]);
    }
    checkTypeName(context, set.typeName, setIndex, typeNames);
    const exact = new Map<string, { path: (string | number)[]; retired: boolean }>();
    const folded = new Map<string, { name: string; path: (string | number)[] }>();
    const entries = [
      ...set.codes.map((entry, index) => ({ name: entry.name, path: ["codeSets", setIndex, "codes", index, "name"], retired: entry.retired !== undefined })),
      ...(set.uncoded ?? []).map((entry, index) => ({ name: entry.name, path: ["codeSets", setIndex, "uncoded", index, "name"], retired: false })),
      // An alias is one more name of its code: it shares the names' space, and its code's retirement.
      ...set.codes.flatMap((entry, index) =>
        (entry.aliases ?? []).map((alias, aliasIndex) => ({
          name: alias,
          path: ["codeSets", setIndex, "codes", index, "aliases", aliasIndex],
          retired: entry.retired !== undefined,
        })),
      ),
    ];
    for (const { name, path, retired } of entries) {
      if (!checkIdentifier(context, name, path)) continue;
      const previous = exact.get(name);
      if (previous) {
        // A retired name stays taken: reusing it would make old code match a new meaning.
        const rule = previous.retired || retired ? "retired-name-reused" : "duplicate-name";
        const what = rule === "retired-name-reused" ? "belongs to a retired code" : "is already used";
        context.report(
          rule,
          `name ${name} ${what} in code set ${set.id} (line ${context.lineOf(previous.path)})${rule === "retired-name-reused" ? "; a retired name is never reused" : ""}`,
          path,
        );
        continue;
      }
      exact.set(name, { path, retired });
      const key = name.toLowerCase();
      const clash = folded.get(key);
      if (clash) {
        context.report(
          "name-case-collision",
          `name ${name} differs from ${clash.name} (line ${context.lineOf(clash.path)}) only in case; generated files and anchors would collide`,
          path,
        );
        continue;
      }
      folded.set(key, { name, path });
    }
  });
}

function checkIdentifier(context: CheckContext, name: string, path: (string | number)[]): boolean {
  if (!IDENTIFIER_PATTERN.test(name)) {
    context.report(
      "invalid-identifier",
      `name ${JSON.stringify(name)} is not a valid identifier: use ASCII letters, digits and underscores, not starting with a digit`,
      path,
    );
    return false;
  }
  if (RESERVED_WORDS.has(name)) {
    context.report("reserved-word", `name ${name} is a reserved word in TypeScript or Java; choose another name`, path);
    return false;
  }
  if (GENERATED_MEMBER_NAMES.has(name)) {
    context.report("reserved-word", `name ${name} collides with the generated helper ${name}(); choose another name`, path);
    return false;
  }
  return true;
}

/**
 * Each set's typeName also names generated companions (ErrorCodeInfo, ErrorCodePlaceholders, ...); a
 * typeName may equal neither another set's typeName nor one of its companions, even ignoring case (the
 * Java files would collide on case-insensitive file systems, and so would the TypeScript constants).
 */
function checkTypeName(context: CheckContext, typeName: string, setIndex: number, seen: Map<string, { name: string; index: number }>): void {
  const path = ["codeSets", setIndex, "typeName"];
  const generated = [typeName, ...TYPE_NAME_SUFFIXES.map((suffix) => `${typeName}${suffix}`)];
  const reserved = generated.find((name) => RESERVED_TYPE_NAMES.has(name));
  if (reserved !== undefined) {
    const via = reserved === typeName ? "" : ` (through its generated companion ${reserved})`;
    context.report("reserved-type-name", `typeName ${typeName} is used by the generated code itself or the standard library${via}; choose another name`, path);
    return;
  }
  const clash = generated.map((name) => ({ name, taken: seen.get(name.toLowerCase()) })).find((candidate) => candidate.taken !== undefined);
  if (clash?.taken) {
    const other = context.catalog.codeSets[clash.taken.index];
    const what = clash.taken.name === other?.typeName ? `typeName ${clash.taken.name}` : `the generated type ${clash.taken.name}`;
    const caseOnly = clash.taken.name !== clash.name ? " (they differ only in case)" : "";
    context.report(
      "duplicate-type-name",
      `typeName ${typeName} collides with ${what} of code set ${other?.id ?? ""}${caseOnly} (line ${context.lineOf(["codeSets", clash.taken.index])})`,
      path,
    );
    return;
  }
  for (const name of generated) seen.set(name.toLowerCase(), { name, index: setIndex });
}
