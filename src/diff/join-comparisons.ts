import type { CatalogInput } from "../catalog/validate.js";
import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic.js";
import type { Taxonomy } from "../outcomes/taxonomy.js";
import { buildSide } from "./build-sides.js";
import type { Change } from "./change.js";
import type { FileComparison } from "./compare-job.js";
import { diffVendorSets, diffVendors, headOf, type VendorHead } from "./diff-catalogs.js";
import type { DiffSide } from "./diff-side.js";

/** A changed file of the other side, with its bytes. */
export interface OldFile extends CatalogInput {
  readonly fileName: string;
}

/** A changed current file: what its job found, and how to read it again should its vendor pair with another file's. */
export interface NewFile {
  readonly fileName: string;
  readonly compared: FileComparison | undefined;
  readonly read: () => CatalogInput;
}

interface Item {
  readonly fileName: string;
  readonly head: VendorHead;
  /** The vendor's model, made here only when the jobs' comparison of same-named files does not serve. */
  side: () => DiffSide;
}

/**
 * Every change between the changed files of two sides, from what the jobs found (see runCompareJob),
 * in the order diffCatalogSets gives. A vendor is compared with the one in the file of the same name
 * on the other side, which its job has done already; only a vendor that pairs otherwise (moved to
 * another file, or a file only one side has) is validated and modelled here. The other side's
 * diagnostics come first: a catalog there that is not valid stops the comparison.
 */
export function joinComparisons(
  before: readonly OldFile[],
  after: readonly NewFile[],
  taxonomy?: Taxonomy,
): { changes: Change[] } | { diagnostics: Diagnostic[] } {
  const byName = new Map(after.flatMap((file) => (file.compared ? [[file.fileName, file.compared] as const] : [])));
  const diagnostics: Diagnostic[] = [];
  const oldItems: Item[] = [];
  for (const file of before) {
    const found = byName.get(file.fileName)?.old;
    if (found) {
      diagnostics.push(...found.diagnostics);
      if (found.head) oldItems.push(item(file.fileName, found.head, () => file, taxonomy));
      continue;
    }
    const built = buildSide(file, taxonomy);
    diagnostics.push(...built.diagnostics);
    const side = built.side;
    if (side) oldItems.push({ fileName: file.fileName, head: headOf(side), side: () => side });
  }
  if (hasErrors(diagnostics)) return { diagnostics };
  const newItems = after.map((file) => {
    if (file.compared) return item(file.fileName, file.compared.head, file.read, taxonomy);
    const side = validSide(file.read(), taxonomy);
    return { fileName: file.fileName, head: headOf(side), side: () => side };
  });
  const changes = diffVendorSets(oldItems, newItems, {
    head: (side) => side.head,
    diffPair: (old, now) => (old.fileName === now.fileName ? byName.get(now.fileName)?.changes : undefined) ?? diffVendors(old.side(), now.side()),
    locateId: (side) => side.side().locate(["vendor", "id"]),
  });
  return { changes };
}

function item(fileName: string, head: VendorHead, read: () => CatalogInput, taxonomy: Taxonomy | undefined): Item {
  let side: DiffSide | undefined;
  return {
    fileName,
    head,
    side: () => {
      side ??= validSide(read(), taxonomy);
      return side;
    },
  };
}

/** The side of a catalog already found valid on this run. */
function validSide(input: CatalogInput, taxonomy: Taxonomy | undefined): DiffSide {
  const built = buildSide(input, taxonomy);
  if (!built.side) throw new Error(`${input.path} was valid and is not any more: was it changed while gen diff ran?`);
  return built.side;
}
