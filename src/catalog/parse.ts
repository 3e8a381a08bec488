import { isAlias, LineCounter, parseDocument, visit, type YAMLError } from "yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { positionAt, type SourceFile } from "./source-file.js";

/** Catalogs need no aliases; a few are tolerated, more smell of an alias bomb ("billion laughs"). */
export const MAX_ALIASES = 10;

export interface ParseResult {
  readonly source: SourceFile;
  /** The plain data, or undefined when the YAML could not be read safely. */
  readonly data: unknown;
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses catalog text into a YAML document with positions and plain data, reporting syntax problems. */
export function parseCatalog(path: string, text: string): ParseResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  const source: SourceFile = { path, text, document, lineCounter };
  const diagnostics: Diagnostic[] = [];
  for (const error of [...document.errors, ...document.warnings]) {
    diagnostics.push(yamlDiagnostic(source, error, document.errors.includes(error) ? "error" : "warning"));
  }
  if (document.errors.length > 0) return { source, data: undefined, diagnostics };

  const aliasCount = countAliases(source, diagnostics);
  if (aliasCount > MAX_ALIASES) return { source, data: undefined, diagnostics };

  if (document.contents === null) {
    diagnostics.push({ severity: "error", rule: "empty-file", message: "catalog is empty: it needs a vendor and at least one code set", file: path, line: 1, column: 1 });
    return { source, data: undefined, diagnostics };
  }
  return { source, data: document.toJS({ maxAliasCount: MAX_ALIASES }), diagnostics };
}

function countAliases(source: SourceFile, diagnostics: Diagnostic[]): number {
  let count = 0;
  visit(source.document as NonNullable<SourceFile["document"]>, {
    Alias(_key, node) {
      count += 1;
      if (count === MAX_ALIASES + 1 && isAlias(node)) {
        const { line, column } = positionAt(source.lineCounter, node.range?.[0] ?? 0);
        diagnostics.push({
          severity: "error",
          rule: "too-many-aliases",
          message: `more than ${MAX_ALIASES} YAML aliases; write the values out instead (this limit guards against alias bombs)`,
          file: source.path,
          line,
          column,
        });
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return count;
}

const YAML_RULES: Readonly<Record<string, string>> = {
  DUPLICATE_KEY: "duplicate-key",
  TAB_AS_INDENT: "tab-indent",
  MULTIPLE_DOCS: "multiple-documents",
};

function yamlDiagnostic(source: SourceFile, error: YAMLError, severity: "error" | "warning"): Diagnostic {
  const { line, column } = positionAt(source.lineCounter, error.pos[0]);
  const rule = YAML_RULES[error.code] ?? "yaml-syntax";
  // The yaml library appends " at line L, column C" and a frame; we print our own.
  const message = error.message.replace(/ at line \d+, column \d+:[\s\S]*$/, "").trim();
  const text = rule === "duplicate-key" ? `${message}: ${keyAt(source.text, error.pos[0])} appears more than once in this mapping` : message;
  return { severity, rule, message: text, file: source.path, line, column };
}

function keyAt(text: string, offset: number): string {
  const match = /^[^:\n]*/.exec(text.slice(offset));
  return JSON.stringify((match?.[0] ?? "").trim());
}
