import type { DataPath } from "../catalog/locate.js";
import type { Position } from "../catalog/source-file.js";
import type { Vendor } from "../model/types.js";

/** One vendor of one side of a comparison: its model, and where its catalog's data paths sit. */
export interface DiffSide {
  readonly vendor: Vendor;
  /** The catalog file, as shown in diagnostics. */
  readonly file: string;
  /** The position of a data path in the catalog (the model keeps the catalog's order, so its indexes are the file's). */
  readonly locate: (path: DataPath) => Position;
}
