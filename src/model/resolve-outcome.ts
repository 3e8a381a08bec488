import type { RawOutcomeRule, RawRetry } from "../catalog/raw-catalog.js";
import type { FoundAssignment } from "../outcomes/assignments.js";
import type { Taxonomy, TaxonomyOutcome, TaxonomyRetry } from "../outcomes/taxonomy.js";
import type { OutcomeRule, Resolution, Retry } from "./types.js";

/** Resolves entries against one taxonomy: the outcome of the deciding assignment, and the retry by precedence. */
export interface OutcomeResolver {
  /**
   * An entry's resolution. Its retry is the entry's own retry (the vendor's word on that code), else the
   * deciding rule's, else the outcome's default; its action is the entry's, else the outcome's.
   */
  resolve(found: FoundAssignment | undefined, entryRetry: RawRetry | undefined, entryAction: string | undefined): Resolution;
}

export function createResolver(taxonomy: Taxonomy): OutcomeResolver {
  const outcomes = new Map(taxonomy.outcomes.map((outcome) => [outcome.id, outcome]));
  const outcomeOf = (id: string): TaxonomyOutcome => {
    const outcome = outcomes.get(id) ?? outcomes.get(taxonomy.fallback);
    // Validation refuses unknown ids and a fallback outside the taxonomy, so this cannot happen.
    if (!outcome) throw new Error(`outcome ${id} is not in the taxonomy ${taxonomy.file}`);
    return outcome;
  };
  return {
    resolve(found, entryRetry, entryAction) {
      const outcome = outcomeOf(found?.assignment.id ?? taxonomy.fallback);
      const ruleRetry = found && "retry" in found.assignment ? (found.assignment as RawOutcomeRule).retry : undefined;
      const retry = entryRetry ?? ruleRetry;
      return {
        outcome: outcome.id,
        retry: retry ? buildRetry(retry) : defaultRetry(outcome.retry),
        action: entryAction ?? outcome.action,
        basis: found?.basis ?? "default",
        source: found?.assignment.source,
        evidence: found?.assignment.evidence,
        retryFrom: entryRetry ? "entry" : ruleRetry ? "rule" : "outcome",
      };
    },
  };
}

export function buildRetry(retry: RawRetry): Retry {
  return {
    policy: retry.policy,
    minDelaySeconds: retry.minDelaySeconds,
    maxDelaySeconds: retry.maxDelaySeconds,
    delaysSeconds: retry.delaysSeconds ? [...retry.delaysSeconds] : [],
    note: retry.note,
  };
}

function defaultRetry(retry: TaxonomyRetry): Retry {
  return buildRetry({ ...retry });
}

export function buildOutcomeRule(rule: RawOutcomeRule | undefined): OutcomeRule | undefined {
  return rule && { id: rule.id, source: rule.source, evidence: rule.evidence, retry: rule.retry && buildRetry(rule.retry) };
}
