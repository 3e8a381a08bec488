import { readFileSync } from "node:fs";
import { join } from "node:path";

/** What the output directory holds at some paths: the content, or undefined where nothing is. */
export type CurrentFiles = ReadonlyMap<string, string | undefined>;

/** Reads what the output directory holds at the given paths (undefined where nothing is). */
export function readCurrentFiles(outDir: string, paths: Iterable<string>): CurrentFiles {
  const current = new Map<string, string | undefined>();
  for (const path of paths) {
    try {
      current.set(path, readFileSync(join(outDir, path), "utf8"));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR" && code !== "EISDIR") throw error;
      current.set(path, undefined);
    }
  }
  return current;
}
