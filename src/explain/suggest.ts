import { editDistance } from "../diagnostics/edit-distance.js";

/** How many close matches a miss lists at most. */
const MAX_SUGGESTIONS = 5;

/**
 * The labels of the candidates whose key is closest to the term (case ignored): within a third of the
 * term's length in edits (at least one), nearest first, each label once.
 */
export function closestTo(term: string, candidates: readonly { readonly key: string; readonly label: string }[]): string[] {
  const wanted = term.toLowerCase();
  const limit = Math.max(1, Math.floor(wanted.length / 3));
  const scored = new Map<string, number>();
  for (const { key, label } of candidates) {
    const distance = editDistance(wanted, key.toLowerCase(), limit);
    if (distance <= limit && distance < (scored.get(label) ?? Number.POSITIVE_INFINITY)) scored.set(label, distance);
  }
  return [...scored]
    .sort(([a, x], [b, y]) => x - y || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_SUGGESTIONS)
    .map(([label]) => label);
}
