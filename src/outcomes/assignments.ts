import { effectiveCode } from "../catalog/code-defaults.js";
import type { DataPath } from "../catalog/locate.js";
import type { RawCatalog, RawCode, RawCodeOutcome, RawCodeSet, RawHttpStatusOutcome, RawOutcomeRule, RawUncoded } from "../catalog/raw-catalog.js";

/** The rule that decided a code's outcome: the most specific assignment wins, code > category > code set > HTTP status. */
export type OutcomeBasis = "code" | "category" | "code-set" | "http-status" | "uncoded" | "default";

/** An assignment found for an entry, and where it sits in the catalog. */
export interface FoundAssignment {
  readonly assignment: RawCodeOutcome | RawOutcomeRule;
  readonly basis: Exclude<OutcomeBasis, "default">;
  readonly path: DataPath;
}

/** The HTTP status rule for a status: an exact status beats its class (409 before 4xx); the first listed wins a tie. */
export function findHttpStatusRule(rules: readonly RawHttpStatusOutcome[], status: number): { rule: RawHttpStatusOutcome; index: number } | undefined {
  const exact = rules.findIndex((rule) => rule.status === status);
  if (exact >= 0) return { rule: rules[exact] as RawHttpStatusOutcome, index: exact };
  const range = `${Math.floor(status / 100)}xx`;
  const byRange = rules.findIndex((rule) => rule.range === range);
  return byRange >= 0 ? { rule: rules[byRange] as RawHttpStatusOutcome, index: byRange } : undefined;
}

/** The assignment that decides a code's outcome, or undefined when none does. */
export function findCodeAssignment(catalog: RawCatalog, setIndex: number, codeIndex: number): FoundAssignment | undefined {
  const set = catalog.codeSets[setIndex] as RawCodeSet;
  const entry = set.codes[codeIndex] as RawCode;
  const base = ["codeSets", setIndex] as const;
  if (entry.outcome) return { assignment: entry.outcome, basis: "code", path: [...base, "codes", codeIndex, "outcome"] };
  const categoryIndex = (set.categories ?? []).findIndex((category) => category.id === entry.category);
  const category = set.categories?.[categoryIndex];
  if (category?.outcome) return { assignment: category.outcome, basis: "category", path: [...base, "categories", categoryIndex, "outcome"] };
  // The primary status, after the category's and the set's defaults.
  return fromSetOrStatus(catalog, setIndex, effectiveCode(set, entry, category).httpStatus?.value[0]);
}

/** The assignment of an uncoded entry: its own, else its set's or its HTTP status's. */
export function findUncodedAssignment(catalog: RawCatalog, setIndex: number, uncodedIndex: number): FoundAssignment | undefined {
  const set = catalog.codeSets[setIndex] as RawCodeSet;
  const entry = set.uncoded?.[uncodedIndex] as RawUncoded;
  if (entry.outcome) return { assignment: entry.outcome, basis: "uncoded", path: ["codeSets", setIndex, "uncoded", uncodedIndex, "outcome"] };
  return fromSetOrStatus(catalog, setIndex, entry.httpStatus);
}

function fromSetOrStatus(catalog: RawCatalog, setIndex: number, httpStatus: number | undefined): FoundAssignment | undefined {
  const set = catalog.codeSets[setIndex] as RawCodeSet;
  if (set.outcome) return { assignment: set.outcome, basis: "code-set", path: ["codeSets", setIndex, "outcome"] };
  if (httpStatus === undefined) return undefined;
  const found = findHttpStatusRule(catalog.vendor.httpStatusOutcomes ?? [], httpStatus);
  return found && { assignment: found.rule.outcome, basis: "http-status", path: ["vendor", "httpStatusOutcomes", found.index, "outcome"] };
}

/** Whether the catalog assigns any outcome at all: only then must every code resolve to one. */
export function statesOutcomes(catalog: RawCatalog): boolean {
  return (
    (catalog.vendor.httpStatusOutcomes?.length ?? 0) > 0 ||
    catalog.codeSets.some(
      (set) =>
        set.outcome !== undefined ||
        (set.categories ?? []).some((category) => category.outcome !== undefined) ||
        set.codes.some((entry) => entry.outcome !== undefined) ||
        (set.uncoded ?? []).some((entry) => entry.outcome !== undefined),
    )
  );
}
