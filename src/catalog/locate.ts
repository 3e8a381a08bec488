import type { Node, Pair } from "yaml";
import { type Position, positionAt, type SourceFile } from "./source-file.js";
import { yamlLibrary } from "./yaml-library.js";

/** A path into catalog data: property names and array indexes, as in codeSets[0].codes[3].name. */
export type DataPath = readonly (string | number)[];

/**
 * Finds where a value sits in the YAML source. With `at: "key"` it points at the mapping key
 * instead (useful for unknown or duplicated properties). Falls back to the nearest ancestor that exists.
 */
export function locate(source: SourceFile, path: DataPath, at: "value" | "key" = "value"): Position {
  const { isMap, isPair, isSeq } = yamlLibrary();
  let node: unknown = source.document.contents;
  let best: number = rangeStart(node) ?? 0;
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyText(item) === String(segment));
      if (!pair) break;
      const keyStart = rangeStart(pair.key);
      if (last && at === "key" && keyStart !== undefined) return positionAt(source.lineCounter, keyStart);
      node = pair.value;
      best = rangeStart(node) ?? keyStart ?? best;
    } else if (isSeq(node) && typeof segment === "number") {
      node = node.items[segment];
      if (node === undefined) break;
      best = rangeStart(node) ?? best;
    } else {
      break;
    }
  }
  return positionAt(source.lineCounter, best);
}

/** The source text of a scalar at a path, e.g. `0100` for an unquoted code (what the author wrote, not what YAML made of it). */
export function sourceTextAt(source: SourceFile, path: DataPath): string | undefined {
  const { isMap, isPair, isScalar, isSeq } = yamlLibrary();
  let node: unknown = source.document.contents;
  for (const segment of path) {
    if (isMap(node)) node = node.items.find((item) => isPair(item) && keyText(item) === String(segment))?.value;
    else if (isSeq(node) && typeof segment === "number") node = node.items[segment];
    else return undefined;
  }
  if (!isScalar(node) || !node.range) return undefined;
  return source.text.slice(node.range[0], node.range[1]);
}

function keyText(pair: Pair<unknown, unknown>): string | undefined {
  return yamlLibrary().isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}
