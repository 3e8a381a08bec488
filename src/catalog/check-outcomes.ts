import { findCodeAssignment, findUncodedAssignment, statesOutcomes } from "../outcomes/assignments.js";
import { outcomesById } from "../outcomes/taxonomy.js";
import type { CheckContext } from "./check-context.js";
import { effectiveCode } from "./code-defaults.js";
import type { DataPath } from "./locate.js";
import type { RawCodeOutcome, RawOutcomeRule, RawRetry } from "./raw-catalog.js";

/**
 * Outcome ids exist in the taxonomy; a retry agrees with its outcome's nature (the taxonomy's
 * allowedRetry); and, once a catalog states any outcome, every code and uncoded entry resolves to one.
 */
export function checkOutcomes(context: CheckContext): void {
  const { catalog, taxonomy } = context;
  const outcomes = outcomesById(taxonomy);
  const known = (assignment: RawCodeOutcome, path: DataPath): boolean => {
    if (outcomes.has(assignment.id)) return true;
    context.report("unknown-outcome", `outcome ${assignment.id} is not in the outcome taxonomy ${taxonomy.file}; known: ${[...outcomes.keys()].join(", ")}`, [
      ...path,
      "id",
    ]);
    return false;
  };
  const agrees = (outcomeId: string, retry: RawRetry | undefined, path: DataPath, what: string) => {
    const allowed = outcomes.get(outcomeId)?.allowedRetry;
    if (!retry || !allowed || allowed.includes(retry.policy)) return;
    context.report(
      "retry-contradicts-outcome",
      `${what} has retry ${retry.policy}, which contradicts its outcome ${outcomeId} (allowed: ${allowed.join(", ")})`,
      [...path, "policy"],
    );
  };
  const rule = (assignment: RawOutcomeRule | undefined, path: DataPath, what: string) => {
    if (assignment && known(assignment, path)) agrees(assignment.id, assignment.retry, [...path, "retry"], what);
  };

  catalog.vendor.httpStatusOutcomes?.forEach((entry, index) => {
    rule(entry.outcome, ["vendor", "httpStatusOutcomes", index, "outcome"], `HTTP status rule ${entry.status ?? entry.range ?? ""}`);
  });
  const strict = statesOutcomes(catalog);
  catalog.codeSets.forEach((set, setIndex) => {
    rule(set.outcome, ["codeSets", setIndex, "outcome"], `code set ${set.id}`);
    set.categories?.forEach((category, index) => {
      rule(category.outcome, ["codeSets", setIndex, "categories", index, "outcome"], `category ${category.id}`);
    });
    set.codes.forEach((entry, index) => {
      const path = ["codeSets", setIndex, "codes", index] as const;
      if (entry.outcome && !known(entry.outcome, [...path, "outcome"])) return;
      const found = findCodeAssignment(catalog, setIndex, index);
      // A retry the code inherits from its category or set must agree with the code's outcome too.
      const retry = effectiveCode(set, entry).retry;
      const inherited = retry !== undefined && retry.from !== "code";
      const what = inherited ? `${entry.name} (through its ${retry.from === "category" ? "category" : "code set"}'s default)` : entry.name;
      if (found) agrees(found.assignment.id, retry?.value, inherited ? [...path, "code"] : [...path, "retry"], what);
      else if (strict) context.report("unresolved-outcome", unresolvedMessage(entry.name, set.id), [...path, "code"]);
    });
    set.uncoded?.forEach((entry, index) => {
      const path = ["codeSets", setIndex, "uncoded", index] as const;
      if (entry.outcome && !known(entry.outcome, [...path, "outcome"])) return;
      const found = findUncodedAssignment(catalog, setIndex, index);
      if (found) agrees(found.assignment.id, entry.retry, [...path, "retry"], entry.name);
      else if (strict) context.report("unresolved-outcome", unresolvedMessage(entry.name, set.id), [...path, "name"]);
    });
  });
}

function unresolvedMessage(name: string, setId: string): string {
  return `${name} resolves to no outcome: give it an outcome, or its category, its code set ${setId} or its HTTP status one`;
}
