import { statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { type CatalogFile, displayPath, listCatalogFiles, readCatalogFile } from "../catalog/read-catalogs.js";
import type { CatalogInput } from "../catalog/validate.js";
import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic.js";
import type { SourceTexts } from "../diagnostics/format.js";
import type { Taxonomy } from "../outcomes/taxonomy.js";
import { runCatalogs } from "../pipeline/run-catalogs.js";
import { changedFiles, type SideFile } from "./build-sides.js";
import type { Change } from "./change.js";
import { againstFiles } from "./compare-job.js";
import { joinComparisons } from "./join-comparisons.js";
import { blobId, RefError, readCatalogsAtRef } from "./read-ref.js";

export type Comparison =
  | { readonly changes: Change[] }
  | { readonly usage: string }
  | { readonly diagnostics: readonly Diagnostic[]; readonly texts: SourceTexts };

/**
 * Both sides, validated through the pipeline, then compared. The current catalogs are validated as
 * `gen validate` does (in parallel when large); each file whose bytes differ from the other side's
 * is, in the same job, modelled and compared with the other side's file of the same name (see
 * runCompareJob), so that a diff of many edited files is shared between the threads too.
 */
export async function compareCatalogs(catalogs: string, against: string, cwd: string, jobs?: number, taxonomy?: Taxonomy): Promise<Comparison> {
  const catalogsDir = resolve(cwd, catalogs);
  const after = hashDirectory(catalogsDir, cwd);
  const other = "files" in after ? changedSince(after.files, () => readOtherSide(resolve(cwd, against), catalogsDir, against, cwd, after.files)) : undefined;
  const changed = other && "before" in other ? other : undefined;
  const otherFiles =
    changed &&
    againstFiles(
      changed.after.map((file) => file.fileName),
      changed.before,
    );
  const current = await runCatalogs({ catalogs: catalogsDir, cwd, mode: "validate", threads: jobs, against: otherFiles, taxonomy });
  // The current catalogs' own problems come first, as if no ref had been read.
  if (hasErrors(current.diagnostics)) return { diagnostics: current.diagnostics, texts: current.texts };
  if ("diagnostics" in after) return { diagnostics: after.diagnostics, texts: new Map() };
  if (other && "usage" in other) return other;
  const compared = new Map(current.results.map((result) => [result.path, result.compared]));
  const joined = joinComparisons(
    changed?.before ?? [],
    (changed?.after ?? []).map((file) => ({ fileName: file.fileName, compared: compared.get(file.path), read: () => readAgain(file) })),
    taxonomy,
  );
  if ("diagnostics" in joined) return { diagnostics: joined.diagnostics, texts: textsOf(changed?.before ?? []) };
  return { changes: joined.changes };
}

/** The files of each side that differ from the other's, or the usage error reading the other side gave. */
function changedSince(
  current: readonly HashedFile[],
  readOther: () => { files: SideFile[]; unchanged: ReadonlySet<string> },
): { before: SideFile[]; after: HashedFile[] } | { usage: string } {
  try {
    const other = readOther();
    return changedFiles(
      other.files,
      current.filter((file) => !other.unchanged.has(file.fileName)),
    );
  } catch (error) {
    if (error instanceof RefError) return { usage: error.message };
    throw error;
  }
}

/**
 * A directory of catalogs as it is, or else the catalogs directory at a git ref, of which only the
 * files that differ from the current ones are read (git's blob ids tell).
 */
function readOtherSide(
  againstPath: string,
  catalogsDir: string,
  against: string,
  cwd: string,
  current: readonly HashedFile[],
): { files: SideFile[]; unchanged: ReadonlySet<string> } {
  if (isDirectory(againstPath)) {
    const read = readDirectory(againstPath, cwd);
    if ("diagnostics" in read) throw new RefError(read.diagnostics.map((d) => d.message).join("; "));
    return { files: read.files, unchanged: new Set() };
  }
  const known = new Map(current.map((file) => [file.fileName, file.blob]));
  const read = readCatalogsAtRef(catalogsDir, against, displayPath(catalogsDir, cwd), known);
  const files = read.changed.map((file) => ({ path: file.path, name: file.path, fileName: file.fileName, blob: file.blob, bytes: file.bytes }));
  return { files, unchanged: new Set(read.unchanged) };
}

/** A current catalog file, by its blob id: its bytes are read again by the job that validates it. */
interface HashedFile extends CatalogFile {
  readonly fileName: string;
  readonly blob: string;
}

/** The current catalogs by blob id, without keeping their bytes. */
function hashDirectory(directory: string, cwd: string): { files: HashedFile[] } | { diagnostics: Diagnostic[] } {
  return readEach(directory, cwd, (file, read) => ({ ...file, fileName: basename(file.absolutePath), blob: blobId(read.bytes) }));
}

function readAgain(file: CatalogFile): CatalogInput {
  const read = readCatalogFile(file);
  if (!("bytes" in read)) throw new Error(read.message);
  return read;
}

function readDirectory(directory: string, cwd: string): { files: SideFile[] } | { diagnostics: Diagnostic[] } {
  return readEach(directory, cwd, (file, read) => ({ ...read, fileName: basename(file.absolutePath), blob: blobId(read.bytes) }));
}

/** Reads every catalog of a directory, keeping of each what `keep` takes; or every problem reading them. */
function readEach<T>(directory: string, cwd: string, keep: (file: CatalogFile, read: CatalogInput) => T): { files: T[] } | { diagnostics: Diagnostic[] } {
  const listed = listCatalogFiles(directory, cwd);
  const files: T[] = [];
  const diagnostics: Diagnostic[] = [...listed.diagnostics];
  for (const file of listed.files) {
    const read = readCatalogFile(file);
    if ("bytes" in read) files.push(keep(file, read));
    else diagnostics.push(read);
  }
  return diagnostics.length > 0 ? { diagnostics } : { files };
}

function textsOf(files: readonly SideFile[]): Map<string, string> {
  const decoder = new TextDecoder("utf-8", { fatal: false });
  return new Map(files.map((file) => [file.path, decoder.decode(file.bytes)]));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
