import type { DataPath } from "./locate.js";
import type { RawCatalog } from "./raw-catalog.js";

/**
 * The part of a catalog with schema errors that the semantic checks can still read: every code (or
 * uncoded entry) with an error of its own is left out, and every code set with an error outside its
 * codes. What is left has the schema's shape, so the checks run on it and a run reports every problem
 * at once (a `code: null` no longer hides a reserved name elsewhere). Paths the checks report at are
 * mapped back to the full document, so their positions stay right.
 */
export interface ReadablePart {
  readonly catalog: RawCatalog;
  /** A path into `catalog` as the same path into the full document. */
  readonly originalPath: (path: DataPath) => DataPath;
}

/** The readable part, or undefined when the errors sit outside every code set (the vendor, the root): nothing is left to check. */
export function readablePart(data: unknown, errorPaths: readonly DataPath[]): ReadablePart | undefined {
  if (!isObject(data) || !Array.isArray(data.codeSets)) return undefined;
  const droppedSets = new Set<number>();
  const droppedEntries = new Map<string, Set<number>>();
  for (const path of errorPaths) {
    const [top, setIndex, list, entryIndex] = path;
    if (top !== "codeSets" || typeof setIndex !== "number") return undefined;
    if ((list === "codes" || list === "uncoded") && typeof entryIndex === "number") {
      const key = `${setIndex}/${list}`;
      droppedEntries.set(key, (droppedEntries.get(key) ?? new Set()).add(entryIndex));
    } else {
      droppedSets.add(setIndex);
    }
  }
  /** For each list that lost items, by its path in the part: the original index of each kept item. */
  const kept = new Map<string, number[]>();
  const keptSets = keep(data.codeSets, droppedSets, kept, "codeSets");
  const codeSets = keptSets.map(({ item: set, index: setIndex }, partIndex) => {
    if (!isObject(set)) return set;
    const copy: Record<string, unknown> = { ...set };
    for (const list of ["codes", "uncoded"] as const) {
      const dropped = droppedEntries.get(`${setIndex}/${list}`);
      const items = set[list];
      if (dropped && Array.isArray(items)) copy[list] = keep(items, dropped, kept, `codeSets/${partIndex}/${list}`).map(({ item }) => item);
    }
    return copy;
  });
  const catalog = { ...data, codeSets: codeSets } as unknown as RawCatalog;
  return { catalog, originalPath: (path) => mapPath(path, kept) };
}

function keep(items: readonly unknown[], dropped: ReadonlySet<number>, kept: Map<string, number[]>, key: string): { item: unknown; index: number }[] {
  const result = items.flatMap((item, index) => (dropped.has(index) ? [] : [{ item, index }]));
  if (dropped.size > 0)
    kept.set(
      key,
      result.map(({ index }) => index),
    );
  return result;
}

function mapPath(path: DataPath, kept: ReadonlyMap<string, readonly number[]>): DataPath {
  if (kept.size === 0) return path;
  const partPrefix: (string | number)[] = [];
  return path.map((segment) => {
    const indexes = typeof segment === "number" ? kept.get(partPrefix.join("/")) : undefined;
    partPrefix.push(segment);
    return indexes === undefined || typeof segment !== "number" ? segment : (indexes[segment] ?? segment);
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
