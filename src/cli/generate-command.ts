import { statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { displayPath } from "../catalog/read-catalogs.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { formatDiagnosticsText, githubCommand } from "../diagnostics/format.js";
import type { Change } from "../diff/change.js";
import type { Taxonomy } from "../outcomes/taxonomy.js";
import { CatalogCache, generatorId } from "../pipeline/cache.js";
import { runCatalogs } from "../pipeline/run-catalogs.js";
import { createRenderer } from "../render/render.js";
import { selectTargets } from "../render/targets.js";
import { BUILTIN_TEMPLATES, readTemplates, type TemplateSet } from "../render/templates.js";
import { DEFAULT_TS_OPTIONS, type TsOptions } from "../render/typescript-options.js";
import { REGENERATE_COMMAND } from "../render/views/banner.js";
import { CATALOG_JSON_COMMENT } from "../render/views/json-view.js";
import { TOOL_VERSION } from "../version.js";
import { CommitStuckError, errorCode, JournalError, type Recovery } from "../write/apply.js";
import { ExportStream } from "../write/export-stream.js";
import { JOURNAL_PATH } from "../write/journal.js";
import { manifestFile } from "../write/manifest.js";
import { blockedOutputs, plainEntry, readManifest, removableOrphans } from "../write/output-checks.js";
import { LOCK_PATH, LockBusyError, type LockEvent, type LockHolder } from "../write/output-lock.js";
import { type Interrupted, LOCK_WAIT_MS, OutputSession } from "../write/output-session.js";
import { type SettledFile, settleFile } from "../write/settle.js";
import { compareCatalogs } from "./diff-command.js";
import { onInterrupt } from "./interrupts.js";
import { type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from "./io.js";
import { taxonomyOption } from "./outcomes-option.js";

export interface GenerateCommandOptions {
  readonly catalogs: string;
  readonly out: string;
  readonly templates?: string | undefined;
  /** A taxonomy file that replaces the built-in outcome taxonomy. */
  readonly outcomes?: string | undefined;
  readonly only?: string | undefined;
  readonly check: boolean;
  /** Also write docs/changelog.md: the code changes since this git ref or catalogs directory. */
  readonly changelogSince?: string | undefined;
  /** How --check reports stale files: lines, or GitHub Actions workflow commands. */
  readonly format?: "text" | "github" | undefined;
  /** Where processed catalogs are cached; false for no cache. */
  readonly cache: string | false;
  /** Threads to use (see runCatalogJobs). */
  readonly jobs?: number | undefined;
  /** The targets to emit (see selectTargets); all of them by default. */
  readonly targets?: readonly string[] | undefined;
  /** How the TypeScript is written (--ts-style, --ts-import-extension, or the config's ts); enums and .js by default. */
  readonly ts?: TsOptions | undefined;
}

/** `gen` / `gen generate`: write generated/ (only what changed), or with --check report what is stale. */
export async function runGenerate(options: GenerateCommandOptions, io: CliIo): Promise<number> {
  const outDir = resolve(io.cwd, options.out);
  const shownOut = displayPath(outDir, io.cwd);
  if (isNonDirectory(outDir)) {
    io.stderr(`${shownOut}:0:0 error output-not-directory the output path ${shownOut} exists and is not a directory\n`);
    return EXIT_FAILURE;
  }
  const templateRead = readTemplates(fileURLToPath(BUILTIN_TEMPLATES), options.templates && resolve(io.cwd, options.templates), io.cwd);
  if (templateRead.diagnostics.length > 0) {
    io.stderr(formatDiagnosticsText(templateRead.diagnostics, new Map()));
    return EXIT_FAILURE;
  }

  const taxonomy = taxonomyOption(options.outcomes, io);
  if (!taxonomy) return EXIT_FAILURE;
  const cache =
    options.cache === false
      ? undefined
      : new CatalogCache(
          resolve(io.cwd, options.cache),
          outDir,
          templateRead.templates,
          generatorId(TOOL_VERSION),
          options.only,
          taxonomy,
          options.targets,
          options.ts,
        );
  let session: OutputSession;
  // While waiting for another gen's lock, a signal has nothing of ours to clean up: just the exit status.
  onInterrupt(undefined);
  try {
    session = await OutputSession.open(outDir, options.check ? "check" : "write", (event) => io.stderr(lockMessage(event, shownOut)));
  } catch (error) {
    return openFailed(error, shownOut, io);
  }
  onInterrupt(() => session.close());
  try {
    if (session.recovery) reportRecovery(session.recovery, shownOut, io);
    return await generateWith(options, io, { outDir, shownOut, templates: templateRead.templates, cache, session, taxonomy });
  } finally {
    session.close();
    onInterrupt(undefined);
  }
}

interface GenerateSetup {
  readonly outDir: string;
  readonly shownOut: string;
  readonly templates: TemplateSet;
  readonly cache: CatalogCache | undefined;
  readonly session: OutputSession;
  readonly taxonomy: Taxonomy;
}

async function generateWith(options: GenerateCommandOptions, io: CliIo, setup: GenerateSetup): Promise<number> {
  const { outDir, shownOut, templates, cache, session, taxonomy } = setup;
  const staging = session.staging;
  try {
    // Read first: a manifest that cannot be trusted stops the run before anything is staged.
    const manifest = readManifest(outDir, shownOut);
    if (hasErrors(manifest.diagnostics)) {
      io.stderr(formatDiagnosticsText(manifest.diagnostics, new Map()));
      return EXIT_FAILURE;
    }
    const scratch = session.scratch;
    const exportStream = scratch === undefined ? undefined : new ExportStream(join(scratch, "catalog.json"), CATALOG_JSON_COMMENT);
    const run = await runCatalogs({
      cache,
      catalogs: resolve(io.cwd, options.catalogs),
      cwd: io.cwd,
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
      onProgress: io.progress,
    }).finally(() => exportStream?.close());
    // The changelog page, when asked for: the changes since a ref, as gen diff finds them.
    const changelog =
      options.changelogSince === undefined || hasErrors(run.diagnostics) ? undefined : await changelogSince(options, options.changelogSince, taxonomy, io);
    if (typeof changelog === "number") return changelog;
    // Shared outputs come from every vendor's summary; they are rendered, compared and staged here,
    // unless nothing changed since the last write (then the cache knows they are current; it never holds the changelog).
    const sharedHit = run.processed.length === 0 && run.diagnostics.length === 0 && !changelog ? cache?.readShared(options.only) : undefined;
    const exportFragments = run.results.map((result) => result.exportFragment ?? "");
    const shared = sharedHit
      ? { files: [], diagnostics: [] }
      : createRenderer(templates, selectTargets(options.targets, options.ts)).renderShared({
          summary: run.summary,
          exportFragments,
          exportFile: exportStream?.whole(exportFragments),
          changelog,
          taxonomy,
        });
    const diagnostics = [...run.diagnostics, ...shared.diagnostics];
    if (diagnostics.length > 0) io.stderr(formatDiagnosticsText(diagnostics, run.texts));
    if (hasErrors(diagnostics)) return EXIT_FAILURE;

    const vendorIds = run.summary.vendors.map((vendor) => vendor.id);
    if (options.only !== undefined && !vendorIds.includes(options.only)) {
      io.stderr(`gen: unknown vendor "${options.only}" for --only; known: ${vendorIds.join(", ")}\n`);
      return EXIT_USAGE;
    }

    const owned = (vendor: string | null) => options.only === undefined || vendor === null || vendor === options.only;
    // Cache hits carry their files too; with --only, the other vendors' files are none of this run's business.
    const vendorFiles = run.results.flatMap((result) => result.settled ?? []).filter((file) => owned(file.vendor));
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
    if (blocked.length > 0) {
      io.stderr(formatDiagnosticsText(blocked, new Map()));
      return EXIT_FAILURE;
    }
    const candidates = previous.filter((entry) => owned(entry.vendor) && !wanted.has(entry.path));
    const { orphaned, diagnostics: skipped } = removableOrphans(outDir, candidates, manifest.shown);
    const warnings = [...manifest.diagnostics, ...skipped];
    if (warnings.length > 0) io.stderr(formatDiagnosticsText(warnings, new Map()));
    const modified = settled
      .filter((file) => file.status === "modified")
      .map((file) => file.path)
      .sort();
    const missing = settled
      .filter((file) => file.status === "missing")
      .map((file) => file.path)
      .sort();
    const unchanged = settled.length - modified.length - missing.length;

    if (!staging) return reportCheck({ modified, missing, orphaned, unchanged, interrupted: session.interrupted }, shownOut, options, io);
    try {
      session.commit([...modified, ...missing], orphaned);
    } catch (error) {
      if (error instanceof CommitStuckError) return writeFailed(shownOut, errorCode(error.failure), io, "the next gen completes the interrupted commit");
      return writeFailed(shownOut, errorCode(error), io);
    }
    storeQuietly(() => {
      cache?.store(run.processed, run.sources);
      if (!changelog) cache?.storeShared(sharedFiles, options.only);
    });
    io.stdout(`${shownOut}: ${missing.length} created, ${modified.length} updated, ${orphaned.length} removed, ${unchanged} unchanged\n`);
    return EXIT_OK;
  } catch (error) {
    // A filesystem error is the user's to fix; anything else is a bug, reported as one by runCli.
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== "string" || !code.startsWith("E")) throw error;
    return writeFailed(shownOut, code, io);
  }
}

/** The changes since a ref for the changelog page, or the exit code when the ref or its catalogs are unusable. */
async function changelogSince(
  options: GenerateCommandOptions,
  against: string,
  taxonomy: Taxonomy,
  io: CliIo,
): Promise<{ against: string; changes: Change[] } | number> {
  const compared = await compareCatalogs(options.catalogs, against, io.cwd, options.jobs, taxonomy);
  if ("changes" in compared) return { against, changes: compared.changes };
  if ("usage" in compared) {
    io.stderr(`gen: --changelog-since: ${compared.usage}\n`);
    return EXIT_USAGE;
  }
  io.stderr(formatDiagnosticsText(compared.diagnostics, compared.texts));
  return EXIT_FAILURE;
}

/** The cache only saves time: failing to write it must not fail a run whose output is already in place. */
function storeQuietly(store: () => void): void {
  try {
    store();
  } catch {
    // An unwritable cache directory means the next run processes every catalog again; nothing worse.
  }
}

function writeFailed(shownOut: string, reason: string, io: CliIo, outcome = "it was left as it was"): number {
  io.stderr(`${shownOut}:0:0 error write-failed could not write ${shownOut} (${reason}); ${outcome}\n`);
  return EXIT_FAILURE;
}

/** What waiting for (or taking over) another gen's lock looks like on stderr. */
function lockMessage(event: LockEvent, shownOut: string): string {
  if (event.kind === "stale") return `gen: note: took over the lock ${shownOut}/${LOCK_PATH} of gen pid ${event.holder.pid}, which is no longer running\n`;
  return `gen: waiting for another gen${holderText(event.holder)} to finish with ${shownOut} (up to ${LOCK_WAIT_MS / 1000} s)\n`;
}

function holderText(holder: LockHolder | undefined): string {
  return holder ? ` (pid ${holder.pid} on ${holder.host}, since ${holder.since})` : "";
}

/** Why the output directory could not be opened: held by another gen, a journal not gen's, or the filesystem. */
function openFailed(error: unknown, shownOut: string, io: CliIo): number {
  if (error instanceof LockBusyError) {
    io.stderr(
      `${shownOut}/${LOCK_PATH}:0:0 error output-locked another gen${holderText(error.holder)} is writing ${shownOut}; ` +
        `try again when it is done (if no gen is running, delete ${shownOut}/${LOCK_PATH})\n`,
    );
    return EXIT_FAILURE;
  }
  if (error instanceof JournalError) {
    io.stderr(
      `${shownOut}/${JOURNAL_PATH}:0:0 error journal-invalid the commit journal ${shownOut}/${JOURNAL_PATH} ${error.message}; nothing was changed (delete it if no gen wrote it)\n`,
    );
    return EXIT_FAILURE;
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code !== "string" || !code.startsWith("E")) throw error;
  return writeFailed(shownOut, code, io);
}

/** A note for what the run found of a killed one before it began. */
function reportRecovery(recovery: Recovery, shownOut: string, io: CliIo): void {
  const { interrupted, removed } = recovery;
  if (interrupted) io.stderr(`gen: note: ${interrupted.outcome} the commit that gen pid ${interrupted.pid} left unfinished in ${shownOut} (it was stopped)\n`);
  if (removed.length > 0) io.stderr(`gen: note: removed what stopped runs left in ${shownOut}: ${removed.join(", ")}\n`);
}

interface CheckReport {
  readonly modified: readonly string[];
  readonly missing: readonly string[];
  readonly orphaned: readonly string[];
  readonly unchanged: number;
  /** What a stopped gen left: --check reports it, the next gen repairs it. */
  readonly interrupted: Interrupted | undefined;
}

function reportCheck(report: CheckReport, shownOut: string, options: GenerateCommandOptions, io: CliIo): number {
  const lines = [
    ...report.modified.map((path) => `  modified  ${shownOut}/${path}`),
    ...report.missing.map((path) => `  missing   ${shownOut}/${path}`),
    ...report.orphaned.map((path) => `  orphaned  ${shownOut}/${path}`),
    ...(report.interrupted?.journal ? [`  interrupted commit  ${shownOut}/${JOURNAL_PATH}`] : []),
    ...(report.interrupted?.leftovers ?? []).map((name) => `  leftover  ${shownOut}/${name}`),
  ];
  if (lines.length === 0) {
    io.stdout(`${shownOut} is up to date (${report.unchanged} files)\n`);
    return EXIT_OK;
  }
  if (options.format === "github") {
    const stale = [
      ...report.modified.map((p) => [p, "modified"]),
      ...report.missing.map((p) => [p, "missing"]),
      ...report.orphaned.map((p) => [p, "orphaned"]),
    ];
    const fix = fixCommand(options);
    for (const [path, state] of stale)
      io.stdout(
        `${githubCommand("error", { file: `${shownOut}/${path}`, title: "stale-output" }, `${shownOut}/${path} is ${state}: run \`${fix}\` and commit the result`)}\n`,
      );
    return EXIT_FAILURE;
  }
  io.stderr(
    `${shownOut} is stale: ${lines.length} ${lines.length === 1 ? "file differs" : "files differ"} from what the catalogs produce\n${lines.join("\n")}\nRun \`${fixCommand(options)}\` to update it.\n`,
  );
  return EXIT_FAILURE;
}

/** The command that brings the output up to date: the same options, without --check. */
function fixCommand(options: GenerateCommandOptions): string {
  const parts = [REGENERATE_COMMAND];
  if (options.catalogs !== "catalogs") parts.push("--catalogs", quote(options.catalogs));
  if (options.out !== "generated") parts.push("--out", quote(options.out));
  if (options.templates !== undefined) parts.push("--templates", quote(options.templates));
  if (options.outcomes !== undefined) parts.push("--outcomes", quote(options.outcomes));
  if (options.only !== undefined) parts.push("--only", quote(options.only));
  if (options.targets !== undefined) parts.push("--targets", options.targets.join(","));
  if (options.ts !== undefined && options.ts.style !== DEFAULT_TS_OPTIONS.style) parts.push("--ts-style", options.ts.style);
  if (options.ts !== undefined && options.ts.importExtension !== DEFAULT_TS_OPTIONS.importExtension)
    parts.push("--ts-import-extension", options.ts.importExtension);
  return parts.join(" ");
}

function quote(value: string): string {
  return /^[\w./-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}

function isNonDirectory(path: string): boolean {
  try {
    return !statSync(path).isDirectory();
  } catch {
    return false;
  }
}
