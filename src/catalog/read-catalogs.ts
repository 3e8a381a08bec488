import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { MAX_CATALOG_BYTES, oversizeDiagnostic } from "./decode.js";
import type { CatalogInput } from "./validate.js";

export interface ReadResult {
  readonly inputs: readonly CatalogInput[];
  readonly diagnostics: readonly Diagnostic[];
}

const CATALOG_FILE = /\.ya?ml$/;

/** Reads every *.yaml / *.yml file of a catalogs directory, sorted by name. The only I/O of the catalog layer. */
export function readCatalogDirectory(directory: string, cwd = process.cwd()): ReadResult {
  const shown = displayPath(directory, cwd);
  let names: string[];
  try {
    if (!statSync(directory).isDirectory()) return problem(shown, `catalogs directory ${shown} is not a directory`);
    names = readdirSync(directory)
      .filter((name) => CATALOG_FILE.test(name))
      .sort();
  } catch (error) {
    return problem(shown, `cannot read catalogs directory ${shown}: ${reason(error)}`);
  }
  if (names.length === 0) return problem(shown, `no catalogs (*.yaml) found in ${shown}`);
  const inputs: CatalogInput[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of names) {
    const path = join(directory, name);
    const file = displayPath(path, cwd);
    try {
      const stats = statSync(path);
      if (!stats.isFile()) continue;
      // Refuse before reading: a huge file should not be loaded into memory just to be rejected.
      if (stats.size > MAX_CATALOG_BYTES) diagnostics.push(oversizeDiagnostic(file, stats.size));
      else inputs.push({ path: file, bytes: readFileSync(path) });
    } catch (error) {
      diagnostics.push({ severity: "error", rule: "unreadable-file", message: `cannot read ${file}: ${reason(error)}`, file, line: 0, column: 0 });
    }
  }
  return { inputs, diagnostics };
}

/** A path relative to the working directory when it lies inside it, with forward slashes. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  const shown = rel === "" || rel.startsWith("..") ? path : rel;
  return shown.split(sep).join("/");
}

function problem(file: string, message: string): ReadResult {
  return { inputs: [], diagnostics: [{ severity: "error", rule: "catalogs-not-found", message, file, line: 0, column: 0 }] };
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" ? "no such file or directory" : code === "EACCES" ? "permission denied" : String((error as Error).message ?? error);
}
