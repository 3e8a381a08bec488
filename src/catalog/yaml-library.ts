import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let library: typeof import("yaml") | undefined;

/**
 * The yaml library, loaded on first use. Clean catalogs are read by the fast parser alone; this
 * position-keeping parser is needed only to report a problem where it is, so a clean run never pays
 * for loading it.
 */
export function yamlLibrary(): typeof import("yaml") {
  library ??= require("yaml") as typeof import("yaml");
  return library;
}
