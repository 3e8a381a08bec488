import type { CheckContext } from "./check-context.js";
import type { RawCodeSet } from "./raw-catalog.js";

/** Ids are unique where they are declared, and every reference (category, scope, replacement, codeSet) resolves. */
export function checkReferences(context: CheckContext): void {
  const { catalog } = context;
  checkUniqueIds(context, catalog.codeSets, ["codeSets"], "code set");
  checkUniqueIds(context, catalog.vendor.guidance ?? [], ["vendor", "guidance"], "guidance");
  const setIds = new Set(catalog.codeSets.map((set) => set.id));
  catalog.vendor.errorResponse?.fields?.forEach((field, index) => {
    if (field.codeSet !== undefined && !setIds.has(field.codeSet)) {
      context.report(
        "unknown-reference",
        `response field ${field.path} refers to code set ${field.codeSet}, which does not exist; known: ${[...setIds].join(", ")}`,
        ["vendor", "errorResponse", "fields", index, "codeSet"],
      );
    }
  });
  catalog.codeSets.forEach((set, setIndex) => {
    checkCodeSetReferences(context, set, setIndex);
  });
}

function checkCodeSetReferences(context: CheckContext, set: RawCodeSet, setIndex: number): void {
  const base = ["codeSets", setIndex] as const;
  checkUniqueIds(context, set.categories ?? [], [...base, "categories"], "category");
  checkUniqueIds(context, set.scopes ?? [], [...base, "scopes"], "scope");
  checkUniqueIds(context, set.identifiers ?? [], [...base, "identifiers"], "identifier");
  const identifierIds = new Set((set.identifiers ?? []).map((kind) => kind.id));
  (set.identifiers ?? []).forEach((kind, index) => {
    // The lookups are fromCode and <set>ByCode, <set>ByName already: an identifier may not take their names.
    if (RESERVED_IDENTIFIER_IDS.has(kind.id)) {
      context.report("reserved-word", `identifier id ${kind.id} would name a lookup the generated code already has (by ${kind.id}); choose another id`, [
        ...base,
        "identifiers",
        index,
        "id",
      ]);
    }
  });
  const categoryIds = new Set((set.categories ?? []).map((category) => category.id));
  const scopeIds = new Set((set.scopes ?? []).map((scope) => scope.id));
  const names = new Set(set.codes.map((entry) => entry.name));

  (set.categories ?? []).forEach((category, index) => {
    const range = category.range;
    if (range && category.prefix !== undefined) {
      context.report("range-and-prefix", `category ${category.id} has both a range and a prefix; give one of them`, [...base, "categories", index, "prefix"], {
        at: "key",
      });
    }
    if (!range) return;
    const path = [...base, "categories", index, "range"];
    if (set.codeKind === "symbolic" || set.codeKind === "alphanumeric")
      context.report("range-on-symbolic-set", `category ${category.id} has a numeric range, but code set ${set.id} has ${set.codeKind} codes`, path);
    else if (range.min > range.max) context.report("invalid-range", `category ${category.id} has min ${range.min} greater than max ${range.max}`, path);
  });

  const checkDefaultScope = (scope: string | undefined, path: readonly (string | number)[], what: string) => {
    if (scope !== undefined && !scopeIds.has(scope)) {
      context.report("unknown-reference", `${what} has the default scope ${scope}, which code set ${set.id} does not declare${known(scopeIds)}`, [
        ...path,
        "scope",
      ]);
    }
  };
  checkDefaultScope(set.scope, base, `code set ${set.id}`);
  (set.categories ?? []).forEach((category, index) => {
    checkDefaultScope(category.scope, [...base, "categories", index], `category ${category.id}`);
  });

  set.codes.forEach((entry, index) => {
    const path = [...base, "codes", index];
    if (entry.category !== undefined && !categoryIds.has(entry.category)) {
      context.report(
        "unknown-reference",
        `${entry.name} refers to category ${entry.category}, which code set ${set.id} does not declare${known(categoryIds)}`,
        [...path, "category"],
      );
    }
    for (const id of Object.keys(entry.identifiers ?? {})) {
      if (!identifierIds.has(id)) {
        context.report(
          "unknown-reference",
          `${entry.name} has an identifier ${id}, which code set ${set.id} does not declare under identifiers${known(identifierIds)}`,
          [...path, "identifiers", id],
          { at: "key" },
        );
      }
    }
    if (entry.scope !== undefined && !scopeIds.has(entry.scope)) {
      context.report("unknown-reference", `${entry.name} refers to scope ${entry.scope}, which code set ${set.id} does not declare${known(scopeIds)}`, [
        ...path,
        "scope",
      ]);
    }
    const replacement = typeof entry.deprecated === "object" ? entry.deprecated.replacement : undefined;
    if (replacement !== undefined && (!names.has(replacement) || replacement === entry.name)) {
      context.report(
        "unknown-reference",
        `${entry.name} names ${replacement} as its replacement, which is ${replacement === entry.name ? "itself" : `not a code of set ${set.id}`}`,
        [...path, "deprecated", "replacement"],
      );
    }
    const successor = entry.retired?.replacement;
    if (successor !== undefined && (!names.has(successor) || successor === entry.name)) {
      context.report(
        "unknown-reference",
        `${entry.name} names ${successor} as its replacement, which is ${successor === entry.name ? "itself" : `not a code of set ${set.id}`}`,
        [...path, "retired", "replacement"],
      );
    }
  });
}

function checkUniqueIds(context: CheckContext, items: readonly { readonly id: string }[], path: readonly (string | number)[], what: string): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const first = seen.get(item.id);
    if (first === undefined) {
      seen.set(item.id, index);
      return;
    }
    context.report("duplicate-id", `${what} id ${item.id} is already declared (line ${context.lineOf([...path, first])})`, [...path, index, "id"]);
  });
}

const RESERVED_IDENTIFIER_IDS: ReadonlySet<string> = new Set(["code", "name"]);

function known(ids: ReadonlySet<string>): string {
  return ids.size > 0 ? `; known: ${[...ids].join(", ")}` : "";
}
