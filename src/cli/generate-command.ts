import { statSync } from "node:fs";
import { resolve } from "node:path";
import { displayPath } from "../catalog/read-catalogs.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { formatDiagnosticsText } from "../diagnostics/format.js";
import { generate } from "../generate.js";
import type { OutputFile } from "../render/output-file.js";
import { REGENERATE_COMMAND } from "../render/views/banner.js";
import { applyPlan } from "../write/apply.js";
import { MANIFEST_PATH, manifestFile, parseManifest } from "../write/manifest.js";
import { isCurrent, planWrite, type WritePlan } from "../write/plan.js";
import { readCurrentFiles } from "../write/read-current.js";
import { type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from "./io.js";

export interface GenerateCommandOptions {
  readonly catalogs: string;
  readonly out: string;
  readonly templates?: string | undefined;
  readonly only?: string | undefined;
  readonly check: boolean;
}

/** `gen` / `gen generate`: write generated/ (only what changed), or with --check report what is stale. */
export function runGenerate(options: GenerateCommandOptions, io: CliIo): number {
  const result = generate({ catalogs: resolve(io.cwd, options.catalogs), templates: options.templates && resolve(io.cwd, options.templates), cwd: io.cwd });
  if (result.diagnostics.length > 0) io.stderr(formatDiagnosticsText(result.diagnostics, result.texts));
  if (hasErrors(result.diagnostics) || !result.model) return EXIT_FAILURE;

  const vendorIds = result.model.vendors.map((vendor) => vendor.id);
  if (options.only !== undefined && !vendorIds.includes(options.only)) {
    io.stderr(`gen: unknown vendor "${options.only}" for --only; known: ${vendorIds.join(", ")}\n`);
    return EXIT_USAGE;
  }

  const outDir = resolve(io.cwd, options.out);
  const shownOut = displayPath(outDir, io.cwd);
  if (isNonDirectory(outDir)) {
    io.stderr(`${shownOut}:0:0 error output-not-directory the output path ${shownOut} exists and is not a directory\n`);
    return EXIT_FAILURE;
  }

  const previous = parseManifest(readCurrentFiles(outDir, [MANIFEST_PATH]).get(MANIFEST_PATH));
  const owned = (vendor: string | null) => options.only === undefined || vendor === null || vendor === options.only;
  const files = result.files.filter((file) => owned(file.vendor));
  // With --only, the other vendors' entries stay in the manifest untouched.
  const kept = previous.filter((entry) => !owned(entry.vendor));
  const all: OutputFile[] = [...files, manifestFile([...kept, ...files.map(({ path, vendor }) => ({ path, vendor }))])];
  const previousOwned = previous.filter((entry) => owned(entry.vendor)).map((entry) => entry.path);
  const current = readCurrentFiles(outDir, new Set([...all.map((file) => file.path), ...previousOwned]));
  const plan = planWrite(all, current, previousOwned);

  if (options.check) return reportCheck(plan, shownOut, options, io);
  try {
    applyPlan(outDir, plan);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    io.stderr(`${shownOut}:0:0 error write-failed could not write ${shownOut} (${reason}); it was left as it was\n`);
    return EXIT_FAILURE;
  }
  io.stdout(`${shownOut}: ${plan.missing.length} created, ${plan.modified.length} updated, ${plan.orphaned.length} removed, ${plan.unchanged} unchanged\n`);
  return EXIT_OK;
}

function reportCheck(plan: WritePlan, shownOut: string, options: GenerateCommandOptions, io: CliIo): number {
  if (isCurrent(plan)) {
    io.stdout(`${shownOut} is up to date (${plan.unchanged} files)\n`);
    return EXIT_OK;
  }
  const lines = [
    ...plan.modified.map((path) => `  modified  ${shownOut}/${path}`),
    ...plan.missing.map((path) => `  missing   ${shownOut}/${path}`),
    ...plan.orphaned.map((path) => `  orphaned  ${shownOut}/${path}`),
  ];
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
  if (options.only !== undefined) parts.push("--only", quote(options.only));
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
