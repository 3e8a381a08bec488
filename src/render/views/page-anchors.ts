import type { Vendor } from "../../model/types.js";
import { anchorId } from "../escape/markdown.js";

/** The fragment ids of a vendor's page, by kind, each list in the order of the vendor's code sets. */
export interface PageAnchors {
  /** A set's plain id (payment-status): the index and the error response's fields link to it. */
  readonly sets: readonly string[];
  /** Per set, a code's `<set>-<code>` (terminal-error-2310): every link to a code, the outcomes page's too. */
  readonly codes: readonly (readonly string[])[];
  /** Per set, an uncoded entry's `<set>-uncoded-<name>`. */
  readonly uncoded: readonly (readonly string[])[];
  /** Per set, a category's `category-<set>-<category>`. */
  readonly categories: readonly (readonly string[])[];
}

/**
 * Hands out the page's fragment ids by kind, so that adding one thing never moves another's id. Each kind
 * has its own form (a category's starts with `category-`), and the kinds are handed out in a fixed order
 * (sets, then every code, then the uncoded entries, then the categories): in the rare case that a catalog
 * still makes two ids equal (a code "b" in set "a", and a set "a-b"), the later kind gets a numbered
 * suffix, so a new category never takes a code's id, nor a new code a set's.
 */
export function pageAnchors(vendor: Vendor): PageAnchors {
  const anchor = anchorAllocator();
  const sets = vendor.codeSets.map((set) => anchor(set.id));
  const codes = vendor.codeSets.map((set) => set.codes.map((entry) => anchor(anchorId(set.id, entry.wire))));
  const uncoded = vendor.codeSets.map((set) => set.uncoded.map((entry) => anchor(anchorId(`${set.id}-uncoded`, entry.name))));
  const categories = vendor.codeSets.map((set) => set.categories.map((category) => anchor(`category-${set.id}-${category.id}`)));
  return { sets, codes, uncoded, categories };
}

/** Unique ids on one page: the usual id is kept, and one that is already taken gets a numbered suffix. */
function anchorAllocator(): (id: string) => string {
  const used = new Set<string>();
  return (id) => {
    let unique = id;
    for (let n = 2; used.has(unique); n++) unique = `${id}-${n}`;
    used.add(unique);
    return unique;
  };
}
