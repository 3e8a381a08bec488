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

/** Levenshtein distance, or limit + 1 as soon as it is certain to exceed limit. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}
