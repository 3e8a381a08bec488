/**
 * How many random catalogs each property tries, and from which seed. Raise the count for a long run:
 *   CODEBOOK_PROPERTY_RUNS=20000 npx vitest run test/property
 * and replay a failure with the seed the run printed: CODEBOOK_PROPERTY_SEED=<seed>.
 */
export const PROPERTY_RUNS = positiveInteger(process.env.CODEBOOK_PROPERTY_RUNS, 1000);
export const PROPERTY_SEED = integer(process.env.CODEBOOK_PROPERTY_SEED, 20_250_606);
/** How many problems a failing batch check lists (CODEBOOK_PROPERTY_SHOW=100000 lists them all). */
export const PROPERTY_SHOW = positiveInteger(process.env.CODEBOOK_PROPERTY_SHOW, 20);

function positiveInteger(text: string | undefined, fallback: number): number {
  const value = integer(text, fallback);
  return value > 0 ? value : fallback;
}

function integer(text: string | undefined, fallback: number): number {
  if (text === undefined || text.trim() === "") return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${text}`);
  return value;
}
