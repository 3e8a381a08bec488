import type { CatalogSummary } from "../model/summary.js";
import type { Chunk } from "./output-file.js";

/** What the outputs shared by all vendors are rendered from: summaries, and each vendor's export fragment. */
export interface SharedInput {
  readonly summary: CatalogSummary;
  /** exportVendorFragment of each vendor, in vendor order (as text, or as UTF-8 bytes from the cache). */
  readonly exportFragments: readonly Chunk[];
}
