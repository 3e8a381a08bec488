import type { CatalogSummary } from "../model/summary.js";

/** What the outputs shared by all vendors are rendered from: summaries, and each vendor's export fragment. */
export interface SharedInput {
  readonly summary: CatalogSummary;
  /** exportVendorFragment of each vendor, in vendor order. */
  readonly exportFragments: readonly string[];
}
