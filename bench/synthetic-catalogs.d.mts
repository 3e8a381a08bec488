/** One catalog's YAML text; deterministic for (vendorIndex, codes). */
export declare function syntheticCatalog(vendorIndex: number, codes: number): { id: string; text: string };

/** Writes `vendors` synthetic catalogs (and the schema) into dir; returns the YAML bytes written. */
export declare function writeSyntheticCatalogs(dir: string, vendors: number, codes: number, schemaText: string): number;
