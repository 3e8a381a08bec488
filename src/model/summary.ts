import type { CodeFormat, Vendor } from "./types.js";

/** What the shared outputs (indexes) need of each vendor: names and counts, not the codes themselves. */
export interface VendorSummary {
  readonly id: string;
  readonly name: string;
  readonly file: string;
  readonly javaPackage: string;
  readonly codeSets: readonly CodeSetSummary[];
}

export interface CodeSetSummary {
  readonly id: string;
  readonly title: string;
  readonly typeName: string;
  readonly format: CodeFormat;
  /** Codes plus uncoded entries. */
  readonly entryCount: number;
}

/** Every vendor's summary, sorted by vendor id. */
export interface CatalogSummary {
  readonly vendors: readonly VendorSummary[];
}

export function summarizeVendor(vendor: Vendor): VendorSummary {
  return {
    id: vendor.id,
    name: vendor.name,
    file: vendor.file,
    javaPackage: vendor.javaPackage,
    codeSets: vendor.codeSets.map((set) => ({
      id: set.id,
      title: set.title,
      typeName: set.typeName,
      format: set.format,
      entryCount: set.codes.length + set.uncoded.length,
    })),
  };
}

/** Orders vendors by id: the one order every output uses. */
export function byVendorId<T extends { readonly id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
