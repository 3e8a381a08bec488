import { fileURLToPath } from "node:url";

/** The repository root, for spawning bin/gen.js and reading committed files. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const GEN = fileURLToPath(new URL("../../bin/gen.js", import.meta.url));
export const CATALOGS = fileURLToPath(new URL("../../catalogs/", import.meta.url));
export const GENERATED = fileURLToPath(new URL("../../generated/", import.meta.url));
export const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
/** Where tests keep what they fetch or build for later runs (git-ignored). */
export const OUTPUT_ROOT = fileURLToPath(new URL("../../test-output/", import.meta.url));
