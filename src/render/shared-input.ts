import type { Change } from "../diff/change.js";
import type { CatalogSummary } from "../model/summary.js";
import type { Taxonomy } from "../outcomes/taxonomy.js";
import type { Chunk, FileChunk } from "./output-file.js";

/** What the outputs shared by all vendors are rendered from: summaries, and each vendor's export fragment. */
export interface SharedInput {
  readonly summary: CatalogSummary;
  /** The outcome taxonomy of the run. */
  readonly taxonomy: Taxonomy;
  /** exportVendorFragment of each vendor, in vendor order (as text, or as a file: spooled by this run, or cached). */
  readonly exportFragments: readonly Chunk[];
  /** The whole export, already framed in one file in this order (when the run could write it so), to use as it is. */
  readonly exportFile?: FileChunk | undefined;
  /** The code changes since a ref, when gen was asked for a changelog page (--changelog-since). */
  readonly changelog?: { readonly against: string; readonly changes: readonly Change[] } | undefined;
}
