import { statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { type CatalogFile, displayPath, listCatalogFiles, readCatalogFile } from "../catalog/read-catalogs.js";
import type { CatalogInput } from "../catalog/validate.js";
import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic.js";
import { formatDiagnosticsGithub, formatDiagnosticsJson, formatDiagnosticsText } from "../diagnostics/format.js";
import { changedFiles, type SideFile } from "../diff/build-sides.js";
import type { Change } from "../diff/change.js";
import { againstFiles } from "../diff/compare-job.js";
import { type FailOn, formatChangesGithub, formatChangesJson, formatChangesMarkdown, formatChangesText } from "../diff/format-changes.js";
import { joinComparisons } from "../diff/join-comparisons.js";
import { blobId, RefError, readCatalogsAtRef } from "../diff/read-ref.js";
import { failsOn } from "../diff/rules.js";
import type { Taxonomy } from "../outcomes/taxonomy.js";
import { runCatalogs } from "../pipeline/run-catalogs.js";
import { type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from "./io.js";
import { taxonomyOption } from "./outcomes-option.js";

export type DiffFormat = "text" | "json" | "github" | "markdown";

export interface DiffOptions {
  readonly catalogs: string;
  /** A git ref, or a directory of catalogs. */
  readonly against: string;
  readonly format: DiffFormat;
  readonly failOn: FailOn;
  /** A taxonomy file that replaces the built-in outcome taxonomy (both sides are resolved against it). */
  readonly outcomes?: string | undefined;
  readonly jobs?: number | undefined;
}

/** `gen diff`: what changed since a ref, each change with its rule and category; exit 1 on a breaking one. */
export async function runDiff(options: DiffOptions, io: CliIo): Promise<number> {
  const taxonomy = taxonomyOption(options.outcomes, io);
  if (!taxonomy) return EXIT_FAILURE;
  const compared = await compareCatalogs(options.catalogs, options.against, io.cwd, options.jobs, taxonomy);
  if ("usage" in compared) {
    io.stderr(`gen diff: ${compared.usage}\n`);
    return EXIT_USAGE;
  }
  if ("diagnostics" in compared) {
    printDiagnostics(compared.diagnostics, compared.texts, options.format, io);
    return EXIT_FAILURE;
  }
  const { changes } = compared;
  const failed = changes.some((change) => failsOn(change.category, options.failOn));
  switch (options.format) {
    case "text":
      io.stdout(formatChangesText(changes, options.against));
      break;
    case "json":
      io.stdout(formatChangesJson(changes, options.against, options.failOn));
      break;
    case "github":
      io.stdout(formatChangesGithub(changes, options.failOn));
      break;
    case "markdown":
      io.stdout(formatChangesMarkdown(changes, options.against));
      break;
  }
  return failed ? EXIT_FAILURE : EXIT_OK;
}

type Comparison =
  | { readonly changes: Change[] }
  | { readonly usage: string }
  | { readonly diagnostics: readonly Diagnostic[]; readonly texts: ReadonlyMap<string, string> };

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

function printDiagnostics(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>, format: DiffFormat, io: CliIo): void {
  if (format === "json") io.stdout(formatDiagnosticsJson(diagnostics));
  else if (format === "github") io.stdout(formatDiagnosticsGithub(diagnostics));
  else io.stderr(formatDiagnosticsText(diagnostics, texts));
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
