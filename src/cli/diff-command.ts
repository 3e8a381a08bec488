import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatDiagnosticsGithub, formatDiagnosticsJson, formatDiagnosticsText } from "../diagnostics/format.js";
import { compareCatalogs } from "../diff/compare-catalogs.js";
import { type FailOn, formatChangesGithub, formatChangesJson, formatChangesMarkdown, formatChangesText } from "../diff/format-changes.js";
import { failsOn } from "../diff/rules.js";
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

function printDiagnostics(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>, format: DiffFormat, io: CliIo): void {
  if (format === "json") io.stdout(formatDiagnosticsJson(diagnostics));
  else if (format === "github") io.stdout(formatDiagnosticsGithub(diagnostics));
  else io.stderr(formatDiagnosticsText(diagnostics, texts));
}
