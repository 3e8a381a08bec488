import { resolve } from "node:path";
import { loadCatalogs } from "../catalog/load-catalogs.js";
import { displayPath } from "../catalog/read-catalogs.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { formatDiagnosticsText, printable } from "../diagnostics/format.js";
import { type ExplainMatch, type Explanation, explainCode } from "../explain/explain.js";
import type { FieldValue } from "../explain/explain-fields.js";
import { buildModel } from "../model/build-model.js";
import { type CliIo, EXIT_FAILURE, EXIT_OK } from "./io.js";
import { taxonomyOption } from "./outcomes-option.js";
import { colourLabel, colourTitle } from "./terminal.js";

export interface ExplainOptions {
  readonly query: string;
  readonly catalogs: string;
  /** The output directory, to point at the generated docs. */
  readonly out: string;
  /** A taxonomy file that replaces the built-in outcome taxonomy. */
  readonly outcomes?: string | undefined;
  readonly format: "text" | "json";
}

/** `gen explain <code-or-name>`: every entry of every catalog that the query names, like perror. */
export async function runExplain(options: ExplainOptions, io: CliIo): Promise<number> {
  const catalogsDir = resolve(io.cwd, options.catalogs);
  const taxonomy = taxonomyOption(options.outcomes, io);
  if (!taxonomy) return EXIT_FAILURE;
  const loaded = loadCatalogs(catalogsDir, io.cwd, taxonomy);
  if (loaded.diagnostics.length > 0) io.stderr(formatDiagnosticsText(loaded.diagnostics, loaded.texts));
  if (hasErrors(loaded.diagnostics)) return EXIT_FAILURE;
  const explanation = explainCode(buildModel(loaded.catalogs, taxonomy), options.query);
  const docsBase = displayPath(resolve(io.cwd, options.out), io.cwd);
  if (options.format === "json") {
    io.stdout(`${JSON.stringify(asJson(explanation, docsBase), null, 2)}\n`);
  } else if (explanation.matches.length > 0) {
    io.stdout(explanation.matches.map((match) => describeMatch(match, docsBase, io.colour === true)).join("\n"));
  }
  if (explanation.matches.length > 0) return EXIT_OK;
  if (options.format === "text") io.stderr(noMatch(explanation, displayPath(catalogsDir, io.cwd)));
  return EXIT_FAILURE;
}

function noMatch(explanation: Explanation, catalogs: string): string {
  const head = `gen explain: no code or name ${JSON.stringify(printable(explanation.query))} in the catalogs of ${catalogs}`;
  const hint =
    explanation.suggestions.length > 0
      ? `Did you mean:\n${explanation.suggestions.map((s) => `  ${printable(s)}`).join("\n")}`
      : "Give a code (2310, 0100), a name (BATTERY_TOO_LOW), or either after a vendor id (phonepos:2310).";
  return `${head}\n${hint}\n`;
}

function asJson(explanation: Explanation, docsBase: string): object {
  return {
    query: explanation.query,
    matches: explanation.matches.map(({ fields, docs, ...match }) => ({
      ...match,
      ...Object.fromEntries(fields.map((field) => [field.key, field.value])),
      docs: `${docsBase}/${docs}`,
    })),
    suggestions: explanation.suggestions,
  };
}

/** A match as a block of lines: what it is and where, then each field the catalog has for it. */
function describeMatch(match: ExplainMatch, docsBase: string, colour: boolean): string {
  const id = match.code === null ? `${match.vendor.id}:${match.name} (uncoded)` : `${match.vendor.id}:${match.code} ${match.name}`;
  const lines = [
    colourTitle(printable(id), colour),
    `  ${printable(`${match.vendor.name} · ${match.codeSet.title} (${match.codeSet.id}, ${match.codeSet.typeName})`)}`,
  ];
  for (const field of match.fields) lines.push(...fieldLines(colourLabel(`${field.label}:`, colour), field.text ?? field.value, "  "));
  lines.push(`  ${colourLabel("Docs:", colour)} ${docsBase}/${match.docs}`);
  return `${lines.join("\n")}\n`;
}

/** A labelled value: inline when it is one line, else indented below its label. */
function fieldLines(label: string, value: FieldValue, indent: string): string[] {
  if (typeof value === "boolean") return [`${indent}${label} ${value ? "yes" : "no"}`];
  if (typeof value === "string" || typeof value === "number") {
    const [first = "", ...rest] = String(value).split("\n");
    return [`${indent}${label} ${printable(first)}`, ...rest.map((line) => `${indent}  ${printable(line)}`)];
  }
  if (Array.isArray(value)) {
    return [`${indent}${label}`, ...value.flatMap((item: FieldValue) => listItem(typeof item === "string" ? item : JSON.stringify(item), `${indent}  `))];
  }
  return [`${indent}${label}`, ...Object.entries(value).flatMap(([key, inner]) => fieldLines(`${printable(key)}:`, inner, `${indent}  `))];
}

function listItem(item: string, indent: string): string[] {
  const [first = "", ...rest] = item.split("\n");
  return [`${indent}- ${printable(first)}`, ...rest.map((line) => `${indent}  ${printable(line)}`)];
}
