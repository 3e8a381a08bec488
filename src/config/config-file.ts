import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/** The names a config file may have, in the order they are looked for in each directory. */
export const CONFIG_NAMES = ["codebook.config.yaml", "codebook.config.yml", "codebook.config.json"] as const;

/** Where the config schema lives: beside the package's catalog schema, shipped in the package. */
export const CONFIG_SCHEMA_URL = new URL("../../codebook.config.schema.json", import.meta.url);

/**
 * The config files of the nearest directory, from `start` up to the filesystem root, that has any:
 * usually one; more than one is for the caller to refuse, rather than to pick one silently.
 */
export function findConfigFiles(start: string): string[] {
  for (let dir = start; ; dir = dirname(dir)) {
    const found = CONFIG_NAMES.map((name) => join(dir, name)).filter((path) => existsSync(path));
    if (found.length > 0 || dirname(dir) === dir) return found;
  }
}
