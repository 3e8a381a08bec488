import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative, sep } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { MAX_CATALOG_BYTES, oversizeDiagnostic } from "./decode.js";
import type { CatalogInput } from "./validate.js";

/** A catalog file found in the catalogs directory, not read yet. */
export interface CatalogFile {
  readonly absolutePath: string;
  /** As shown in diagnostics: relative to the working directory. */
  readonly path: string;
  /** As named in generated files: <catalogs directory name>/<file>, the same from any working directory. */
  readonly name: string;
  readonly size: number;
}

const CATALOG_FILE = /\.ya?ml$/;

/** Lists every *.yaml / *.yml file of a catalogs directory, sorted by name. */
export function listCatalogFiles(directory: string, cwd = process.cwd()): { files: readonly CatalogFile[]; diagnostics: readonly Diagnostic[] } {
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
  if (names.length === 0) return problem(shown, `no catalogs (*.yaml or *.yml) found in ${shown}`);
  const files: CatalogFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of names) {
    const absolutePath = join(directory, name);
    const path = displayPath(absolutePath, cwd);
    try {
      const stats = statSync(absolutePath);
      if (stats.isFile()) files.push({ absolutePath, path, name: `${basename(directory)}/${name}`, size: stats.size });
    } catch (error) {
      diagnostics.push({ severity: "error", rule: "unreadable-file", message: `cannot read ${path}: ${reason(error)}`, file: path, line: 0, column: 0 });
    }
  }
  return { files, diagnostics };
}

/** Reads every catalog of a directory into memory (for the in-process API; the CLI reads per job). */
export function readCatalogDirectory(directory: string, cwd = process.cwd()): { inputs: readonly CatalogInput[]; diagnostics: readonly Diagnostic[] } {
  const listed = listCatalogFiles(directory, cwd);
  const reads = listed.files.map(readCatalogFile);
  return {
    inputs: reads.flatMap((read) => ("bytes" in read ? [read] : [])),
    diagnostics: [...listed.diagnostics, ...reads.flatMap((read) => ("bytes" in read ? [] : [read]))],
  };
}

/** Reads one catalog file, refusing it by its size before reading: a huge file is not loaded just to be rejected. */
export function readCatalogFile(file: Pick<CatalogFile, "absolutePath" | "path" | "name">): CatalogInput | Diagnostic {
  try {
    const size = statSync(file.absolutePath).size;
    if (size > MAX_CATALOG_BYTES) return oversizeDiagnostic(file.path, size);
    return { path: file.path, name: file.name, bytes: readFileSync(file.absolutePath) };
  } catch (error) {
    return { severity: "error", rule: "unreadable-file", message: `cannot read ${file.path}: ${reason(error)}`, file: file.path, line: 0, column: 0 };
  }
}

/** A path relative to the working directory when it lies inside it, with forward slashes. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  const shown = rel === "" || rel.startsWith("..") ? path : rel;
  return shown.split(sep).join("/");
}

function problem(file: string, message: string): { files: readonly CatalogFile[]; diagnostics: readonly Diagnostic[] } {
  return { files: [], diagnostics: [{ severity: "error", rule: "catalogs-not-found", message, file, line: 0, column: 0 }] };
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" ? "no such file or directory" : code === "EACCES" ? "permission denied" : String((error as Error).message ?? error);
}
