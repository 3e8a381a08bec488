/** The budgets, in bytes and as a ratio. */
export declare const BUNDLE_BUDGETS: { readonly memberOverTable: number; readonly indexOverDirect: number };

/** Bundles an entry's source (imports relative to tsDir) with esbuild --bundle --minify; returns the text. */
export declare function bundleEntry(tsDir: string, source: string): string;

/** The entries measured for one code set of catalog.json: its table alone, and one member plus fromCode. */
export declare function codeSetEntries(
  vendorModule: string,
  set: { readonly id: string; readonly typeName: string; readonly codes: readonly { readonly code: string | number; readonly name: string }[] },
  style: "enum" | "erasable",
): { table: string; oneMember: string };
