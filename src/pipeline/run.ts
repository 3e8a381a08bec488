import { statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { displayPath } from "../catalog/read-catalogs.js";
import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic.js";
import type { SourceTexts } from "../diagnostics/format.js";
import { compareCatalogs } from "../diff/compare-catalogs.js";
import { builtinTaxonomy, readTaxonomy, type Taxonomy } from "../outcomes/taxonomy.js";
import { createRenderer } from "../render/render.js";
import { selectTargets } from "../render/targets.js";
import { BUILTIN_TEMPLATES, readTemplates, type TemplateSet } from "../render/templates.js";
import type { TsOptions } from "../render/typescript-options.js";
import { CATALOG_JSON_COMMENT } from "../render/views/json-view.js";
import { TOOL_VERSION } from "../version.js";
import { CommitStuckError, errorCode, JournalError, type Recovery } from "../write/apply.js";
import { ExportStream } from "../write/export-stream.js";
import { manifestFile } from "../write/manifest.js";
import { blockedOutputs, plainEntry, readManifest, removableOrphans } from "../write/output-checks.js";
import { LockBusyError, type LockEvent, type LockHolder } from "../write/output-lock.js";
import { type Interrupted, OutputSession } from "../write/output-session.js";
import { type SettledFile, settleFile } from "../write/settle.js";
import { CatalogCache, generatorId } from "./cache.js";
import { runCatalogs } from "./run-catalogs.js";

/** One generation: what `gen`, `gen --check`, `gen watch` and the API's run() ask for. */
export interface RunOptions {
  /** Directory of catalog YAML files (relative to cwd, or absolute). */
  readonly catalogs: string;
  /** The output directory (relative to cwd, or absolute). */
  readonly out: string;
  /** Working directory for relative paths, diagnostics and banners; process.cwd() when not given. */
  readonly cwd?: string | undefined;
  /** A user's templates directory that overrides built-in templates file by file. */
  readonly templates?: string | undefined;
  /** A taxonomy file that replaces the built-in outcome taxonomy. */
  readonly outcomes?: string | undefined;
  /** Only this vendor's files (shared files are kept current). */
  readonly only?: string | undefined;
  /** Compare with the output directory and write nothing. */
  readonly check?: boolean | undefined;
  /** Also write docs/changelog.md: the code changes since this git ref or catalogs directory. */
  readonly changelogSince?: string | undefined;
  /** Where processed catalogs are cached; false or undefined for no cache. */
  readonly cache?: string | false | undefined;
  /** Threads to use (see runCatalogJobs). */
  readonly jobs?: number | undefined;
  /** The targets to emit (see selectTargets); all of them by default. */
  readonly targets?: readonly string[] | undefined;
  /** How the TypeScript is written (style, import extension); enums and .js by default. */
  readonly ts?: TsOptions | undefined;
}

/** What a run tells while it works: nothing of it is printed here, the caller decides. */
export interface RunHooks {
  /** Waiting for another gen's lock on the output directory, or taking over a dead one's. */
  readonly onLock?: ((event: LockEvent) => void) | undefined;
  /** How many of the catalogs to process are done, as each finishes. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  /**
   * Called with a function that drops what is not committed and releases the lock once the run holds
   * the output directory, and with undefined when it no longer does: the CLI calls it on Ctrl-C.
   */
  readonly onHold?: ((release: (() => void) | undefined) => void) | undefined;
}

/** Why the output directory could not be used; nothing in it was changed. */
export type OutputFailure =
  | { readonly kind: "not-directory" }
  | { readonly kind: "locked"; readonly holder: LockHolder | undefined }
  | { readonly kind: "journal-invalid"; readonly message: string }
  /** A filesystem error (its code); `stuck` when a commit could not be completed nor undone (the next gen completes it). */
  | { readonly kind: "write-failed"; readonly reason: string; readonly stuck: boolean };

interface RunBase {
  readonly outDir: string;
  /** The output directory as diagnostics show it: relative to cwd when inside it. */
  readonly shownOut: string;
  /** Every diagnostic found (warnings only, unless the status is "invalid"), catalogs' first. */
  readonly diagnostics: readonly Diagnostic[];
  /** Catalog texts, for code frames. */
  readonly texts: SourceTexts;
  /** What the run found of a killed one before it began (and repaired, when writing). */
  readonly recovery?: Recovery | undefined;
}

/** What a run did. Nothing is written unless the status is "written". */
export type RunResult =
  /** Catalogs, templates, taxonomy, manifest or output directory with errors. */
  | (RunBase & { readonly status: "invalid" })
  /** A request that cannot be met as asked (an unknown --only vendor, an unusable --changelog-since). */
  | (RunBase & { readonly status: "usage"; readonly message: string })
  | (RunBase & { readonly status: "output-failed"; readonly failure: OutputFailure })
  | (RunBase & {
      readonly status: "written";
      readonly created: readonly string[];
      readonly updated: readonly string[];
      readonly removed: readonly string[];
      readonly unchanged: number;
    })
  | (RunBase & {
      readonly status: "checked";
      readonly modified: readonly string[];
      readonly missing: readonly string[];
      readonly orphaned: readonly string[];
      readonly unchanged: number;
      /** What a stopped gen left: --check reports it, the next gen repairs it. */
      readonly interrupted: Interrupted | undefined;
    });

/**
 * Loads, validates, models and renders the catalogs, and writes (or, with `check`, compares) the output
 * directory: only what changed, all or nothing, under the directory's lock, with the cache, the manifest
 * and the removal of what gen wrote before that nothing produces any more. It prints nothing.
 */
export async function run(options: RunOptions, hooks: RunHooks = {}): Promise<RunResult> {
  const cwd = options.cwd ?? process.cwd();
  const outDir = resolve(cwd, options.out);
  const base = { outDir, shownOut: displayPath(outDir, cwd), diagnostics: [], texts: new Map<string, string>() };
  if (isNonDirectory(outDir)) return { ...base, status: "output-failed", failure: { kind: "not-directory" } };
  const templateRead = readTemplates(fileURLToPath(BUILTIN_TEMPLATES), options.templates && resolve(cwd, options.templates), cwd);
  if (templateRead.diagnostics.length > 0) return { ...base, status: "invalid", diagnostics: templateRead.diagnostics };
  const taxonomyRead =
    options.outcomes === undefined ? { taxonomy: builtinTaxonomy(), diagnostics: [] } : readTaxonomy(resolve(cwd, options.outcomes), options.outcomes);
  if (!taxonomyRead.taxonomy) return { ...base, status: "invalid", diagnostics: taxonomyRead.diagnostics };
  const taxonomy = taxonomyRead.taxonomy;
  const cache =
    options.cache === false || options.cache === undefined
      ? undefined
      : new CatalogCache(
          resolve(cwd, options.cache),
          outDir,
          templateRead.templates,
          generatorId(TOOL_VERSION),
          options.only,
          taxonomy,
          options.targets,
          options.ts,
        );

  let session: OutputSession;
  try {
    session = await OutputSession.open(outDir, options.check ? "check" : "write", hooks.onLock ?? (() => {}));
  } catch (error) {
    return { ...base, status: "output-failed", failure: openFailure(error) };
  }
  hooks.onHold?.(() => session.close());
  try {
    const setup = {
      cwd,
      outDir,
      base: { ...base, recovery: session.recovery },
      templates: templateRead.templates,
      cache,
      session,
      taxonomy,
      onProgress: hooks.onProgress,
    };
    const result = await generateWith(options, setup);
    // The taxonomy's warnings come first, as they were found first.
    return taxonomyRead.diagnostics.length > 0 ? { ...result, diagnostics: [...taxonomyRead.diagnostics, ...result.diagnostics] } : result;
  } finally {
    session.close();
    hooks.onHold?.(undefined);
  }
}

interface RunSetup {
  readonly cwd: string;
  readonly outDir: string;
  readonly base: Omit<RunBase, "diagnostics" | "texts"> & { readonly diagnostics: readonly Diagnostic[]; readonly texts: SourceTexts };
  readonly templates: TemplateSet;
  readonly cache: CatalogCache | undefined;
  readonly session: OutputSession;
  readonly taxonomy: Taxonomy;
  readonly onProgress: RunHooks["onProgress"];
}

async function generateWith(options: RunOptions, setup: RunSetup): Promise<RunResult> {
  const { cwd, outDir, templates, cache, session, taxonomy } = setup;
  const { shownOut } = setup.base;
  const staging = session.staging;
  try {
    // Read first: a manifest that cannot be trusted stops the run before anything is staged.
    const manifest = readManifest(outDir, shownOut);
    if (hasErrors(manifest.diagnostics)) return { ...setup.base, status: "invalid", diagnostics: manifest.diagnostics };
    const scratch = session.scratch;
    const exportStream = scratch === undefined ? undefined : new ExportStream(join(scratch, "catalog.json"), CATALOG_JSON_COMMENT);
    const catalogRun = await runCatalogs({
      cache,
      catalogs: resolve(cwd, options.catalogs),
      cwd,
      mode: options.check ? "check" : "write",
      templates,
      outDir,
      staging: staging?.dir,
      only: options.only,
      exportStream,
      threads: options.jobs,
      taxonomy,
      targets: options.targets,
      ts: options.ts,
      onProgress: setup.onProgress,
    }).finally(() => exportStream?.close());
    const base = { ...setup.base, texts: catalogRun.texts };
    // The changelog page, when asked for: the changes since a ref, as gen diff finds them.
    const changelog =
      options.changelogSince === undefined || hasErrors(catalogRun.diagnostics)
        ? undefined
        : await compareCatalogs(options.catalogs, options.changelogSince, cwd, options.jobs, taxonomy);
    if (changelog && "usage" in changelog)
      return { ...base, status: "usage", message: `--changelog-since: ${changelog.usage}`, diagnostics: catalogRun.diagnostics };
    if (changelog && "diagnostics" in changelog) return { ...base, status: "invalid", diagnostics: changelog.diagnostics, texts: changelog.texts };
    const changes = changelog && options.changelogSince !== undefined ? { against: options.changelogSince, changes: changelog.changes } : undefined;
    // Shared outputs come from every vendor's summary; they are rendered, compared and staged here,
    // unless nothing changed since the last write (then the cache knows they are current; it never holds the changelog).
    const sharedHit = catalogRun.processed.length === 0 && catalogRun.diagnostics.length === 0 && !changes ? cache?.readShared(options.only) : undefined;
    const exportFragments = catalogRun.results.map((result) => result.exportFragment ?? "");
    const shared = sharedHit
      ? { files: [], diagnostics: [] }
      : createRenderer(templates, selectTargets(options.targets, options.ts)).renderShared({
          summary: catalogRun.summary,
          exportFragments,
          exportFile: exportStream?.whole(exportFragments),
          changelog: changes,
          taxonomy,
        });
    const diagnostics = [...catalogRun.diagnostics, ...shared.diagnostics];
    if (hasErrors(diagnostics)) return { ...base, status: "invalid", diagnostics };

    const vendorIds = catalogRun.summary.vendors.map((vendor) => vendor.id);
    if (options.only !== undefined && !vendorIds.includes(options.only))
      return { ...base, status: "usage", message: `unknown vendor "${options.only}" for --only; known: ${vendorIds.join(", ")}`, diagnostics };

    const owned = (vendor: string | null) => options.only === undefined || vendor === null || vendor === options.only;
    // Cache hits carry their files too; with --only, the other vendors' files are none of this run's business.
    const vendorFiles = catalogRun.results.flatMap((result) => result.settled ?? []).filter((file) => owned(file.vendor));
    const sharedFiles = sharedHit ?? shared.files.map((file) => settleFile(file, outDir, staging?.dir));
    const previous = manifest.entries;
    if (!sharedHit) {
      // With --only, the other vendors' entries stay in the manifest untouched.
      const entries = [...previous.filter((entry) => !owned(entry.vendor)), ...vendorFiles, ...sharedFiles].map(plainEntry);
      sharedFiles.push(settleFile(manifestFile(entries), outDir, staging?.dir));
    }
    const settled: SettledFile[] = [...vendorFiles, ...sharedFiles];
    const wanted = new Set(settled.map((file) => file.path));
    // Validation keeps vendors' names apart; two outputs on one path would be a bug, never a half-write.
    if (wanted.size !== settled.length)
      throw new Error(`two outputs would be written to one path: ${settled.map((f) => f.path).find((p, i, all) => all.indexOf(p) !== i)}`);
    const blocked = blockedOutputs(outDir, wanted, shownOut);
    if (blocked.length > 0) return { ...base, status: "invalid", diagnostics: [...diagnostics, ...blocked] };
    const candidates = previous.filter((entry) => owned(entry.vendor) && !wanted.has(entry.path));
    const { orphaned, diagnostics: skipped } = removableOrphans(outDir, candidates, manifest.shown);
    const found = [...diagnostics, ...manifest.diagnostics, ...skipped];
    const withStatus = (status: SettledFile["status"]) =>
      settled
        .filter((file) => file.status === status)
        .map((file) => file.path)
        .sort();
    const modified = withStatus("modified");
    const missing = withStatus("missing");
    const unchanged = settled.length - modified.length - missing.length;

    if (!staging) return { ...base, status: "checked", diagnostics: found, modified, missing, orphaned, unchanged, interrupted: session.interrupted };
    try {
      session.commit([...modified, ...missing], orphaned);
    } catch (error) {
      const stuck = error instanceof CommitStuckError;
      return {
        ...base,
        status: "output-failed",
        diagnostics: found,
        failure: { kind: "write-failed", reason: errorCode(stuck ? error.failure : error), stuck },
      };
    }
    storeQuietly(() => {
      cache?.store(catalogRun.processed, catalogRun.sources);
      if (!changes) cache?.storeShared(sharedFiles, options.only);
    });
    return { ...base, status: "written", diagnostics: found, created: missing, updated: modified, removed: orphaned, unchanged };
  } catch (error) {
    // A filesystem error is the user's to fix; anything else is a bug, for the caller to report as one.
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== "string" || !code.startsWith("E")) throw error;
    return { ...setup.base, status: "output-failed", failure: { kind: "write-failed", reason: code, stuck: false } };
  }
}

/** The cache only saves time: failing to write it must not fail a run whose output is already in place. */
function storeQuietly(store: () => void): void {
  try {
    store();
  } catch {
    // An unwritable cache directory means the next run processes every catalog again; nothing worse.
  }
}

/** Why the output directory could not be opened: held by another gen, a journal not gen's, or the filesystem. */
function openFailure(error: unknown): OutputFailure {
  if (error instanceof LockBusyError) return { kind: "locked", holder: error.holder };
  if (error instanceof JournalError) return { kind: "journal-invalid", message: error.message };
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code !== "string" || !code.startsWith("E")) throw error;
  return { kind: "write-failed", reason: code, stuck: false };
}

function isNonDirectory(path: string): boolean {
  try {
    return !statSync(path).isDirectory();
  } catch {
    return false;
  }
}
