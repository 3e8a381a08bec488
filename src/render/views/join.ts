/**
 * The items rendered and joined, like items.map(render).join(separator), without the array in between.
 * Views call this for every list of every code: one loop over the model's lists (all of one shape, see
 * listOf in build-model.ts) keeps V8's optimized code stable, where map results of varying shape kept
 * throwing it away.
 */
export function joinEach<T>(items: readonly T[], render: (item: T) => string, separator: string): string {
  let out = "";
  for (let index = 0; index < items.length; index++) {
    if (index > 0) out += separator;
    out += render(items[index] as T);
  }
  return out;
}
