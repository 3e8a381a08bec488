import type { CatalogSummary } from "../model/summary.js";
import type { Chunk } from "./output-file.js";

/** What the outputs shared by all vendors are rendered from: summaries, and each vendor's export fragment. */
export interface SharedInput {
  readonly summary: CatalogSummary;
  /** exportVendorFragment of each vendor, in vendor order (as text, or as a file: spooled by this run, or cached). */
  readonly exportFragments: readonly Chunk[];
}
