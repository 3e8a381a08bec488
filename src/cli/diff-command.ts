import { statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { displayPath, listCatalogFiles, readCatalogFile } from "../catalog/read-catalogs.js";
import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic.js";
import { formatDiagnosticsGithub, formatDiagnosticsJson, formatDiagnosticsText } from "../diagnostics/format.js";
import { buildSides, changedFiles, type SideFile } from "../diff/build-sides.js";
import type { Change } from "../diff/change.js";
import { diffCatalogSets } from "../diff/diff-catalogs.js";
import { type FailOn, formatChangesGithub, formatChangesJson, formatChangesMarkdown, formatChangesText } from "../diff/format-changes.js";
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
 * `gen validate` does (in parallel when large); only the files whose bytes differ from the other
 * side are modelled and compared, so a diff costs little more than a validation.
 */
export async function compareCatalogs(catalogs: string, against: string, cwd: string, jobs?: number, taxonomy?: Taxonomy): Promise<Comparison> {
  const catalogsDir = resolve(cwd, catalogs);
  const current = await runCatalogs({ catalogs: catalogsDir, cwd, mode: "validate", threads: jobs, taxonomy });
  if (hasErrors(current.diagnostics)) return { diagnostics: current.diagnostics, texts: current.texts };
  const after = readDirectory(catalogsDir, cwd);
  if ("diagnostics" in after) return { diagnostics: after.diagnostics, texts: new Map() };
  let before: { files: SideFile[]; unchanged: ReadonlySet<string> };
  try {
    before = readOtherSide(resolve(cwd, against), catalogsDir, against, cwd, after.files);
  } catch (error) {
    if (error instanceof RefError) return { usage: error.message };
    throw error;
  }
  const changed = changedFiles(
    before.files,
    after.files.filter((file) => !before.unchanged.has(file.fileName)),
  );
  const old = buildSides(changed.before, taxonomy);
  if (hasErrors(old.diagnostics)) return { diagnostics: old.diagnostics, texts: textsOf(changed.before) };
  const now = buildSides(changed.after, taxonomy);
  if (hasErrors(now.diagnostics)) return { diagnostics: now.diagnostics, texts: textsOf(changed.after) };
  return { changes: diffCatalogSets(old.sides, now.sides) };
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
  current: readonly SideFile[],
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

function readDirectory(directory: string, cwd: string): { files: SideFile[] } | { diagnostics: Diagnostic[] } {
  const listed = listCatalogFiles(directory, cwd);
  const files: SideFile[] = [];
  const diagnostics: Diagnostic[] = [...listed.diagnostics];
  for (const file of listed.files) {
    const read = readCatalogFile(file);
    if ("bytes" in read) files.push({ ...read, fileName: basename(file.absolutePath), blob: blobId(read.bytes) });
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
