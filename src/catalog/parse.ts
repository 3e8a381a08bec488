import type { Document, Node, YAMLError } from "yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { fastParseObjection } from "./fast-parse.js";
import { positionAt, type SourceFile } from "./source-file.js";
import { yamlLibrary } from "./yaml-library.js";

/** Catalogs need no aliases; a few are tolerated, more smell of an alias bomb ("billion laughs"). */
export const MAX_ALIASES = 10;
/** However few the aliases, together they may not expand to more nodes than this. */
export const MAX_ALIAS_EXPANSION = 200;

export interface ParseResult {
  readonly source: SourceFile;
  /** The plain data, or undefined when the YAML could not be read safely. */
  readonly data: unknown;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Reads a catalog's YAML document with positions into plain data, reporting syntax problems where they are.
 * This is the careful path: it runs for files the fast parser could not vouch for.
 */
export function parseCatalog(source: SourceFile): ParseResult {
  const { document, lineCounter, path } = source;
  const { isScalar } = yamlLibrary();
  const diagnostics: Diagnostic[] = [];
  const unreadable = source.unreadable;
  if (unreadable) {
    const { line, column } = positionAt(lineCounter, unreadable.offset);
    return { source, data: undefined, diagnostics: [{ severity: "error", rule: unreadable.rule, message: unreadable.message, file: path, line, column }] };
  }
  for (const error of document.errors) diagnostics.push(yamlDiagnostic(source, error, "error"));
  for (const warning of document.warnings) diagnostics.push(yamlDiagnostic(source, warning, "warning"));
  if (document.errors.length > 0) return { source, data: undefined, diagnostics };

  const aliasProblem = checkAliases(source, document);
  if (aliasProblem) return { source, data: undefined, diagnostics: [...diagnostics, aliasProblem] };

  if (document.warnings.length === 0) {
    const objection = fastParseObjection(source.text);
    if (objection) {
      const { message, line, column } = objection;
      diagnostics.push({ severity: "error", rule: "yaml-syntax", message, file: path, line, column });
      return { source, data: undefined, diagnostics };
    }
  }

  if (document.contents === null || (isScalar(document.contents) && document.contents.value === null)) {
    const { line, column } = positionAt(lineCounter, document.contents?.range?.[0] ?? 0);
    diagnostics.push({
      severity: "error",
      rule: "empty-file",
      message: "catalog is empty: it needs a vendor and at least one code set",
      file: path,
      line,
      column,
    });
    return { source, data: undefined, diagnostics };
  }
  try {
    // Aliases were bounded above, so the library's own (count-dependent) limit is not needed.
    return { source, data: document.toJS({ maxAliasCount: -1 }), diagnostics };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    diagnostics.push({ severity: "error", rule: "yaml-syntax", message: `the YAML cannot be read: ${message}`, file: path, line: 1, column: 1 });
    return { source, data: undefined, diagnostics };
  }
}

/**
 * Aliases must point at an anchor defined before them, must not contain themselves, must be few,
 * and together must not expand to more than MAX_ALIAS_EXPANSION nodes (an alias bomb can stay under
 * the count by nesting). Linear: each anchored node's size is computed once.
 */
export function checkAliases(source: SourceFile, document: Document.Parsed): Diagnostic | undefined {
  const { isAlias, isMap, isPair, isSeq, visit } = yamlLibrary();
  const sizes = new Map<unknown, number>();
  const inProgress = new Set<unknown>();
  const at = (node: Node, rule: string, message: string): Diagnostic => {
    const { line, column } = positionAt(source.lineCounter, node.range?.[0] ?? 0);
    return { severity: "error", rule, message, file: source.path, line, column };
  };
  const sizeOf = (node: unknown): number => {
    if (isAlias(node)) return sizeOf(node.resolve(document));
    if (!isMap(node) && !isSeq(node)) return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    if (inProgress.has(node)) return Number.POSITIVE_INFINITY;
    inProgress.add(node);
    let size = 1;
    for (const item of node.items) size += isPair(item) ? sizeOf(item.key) + sizeOf(item.value) : sizeOf(item);
    inProgress.delete(node);
    sizes.set(node, size);
    return size;
  };
  let count = 0;
  let expanded = 0;
  let problem: Diagnostic | undefined;
  visit(document, {
    Alias(_key, alias) {
      count += 1;
      const target = alias.resolve(document);
      if (target === undefined) {
        problem = at(alias, "yaml-syntax", `alias *${alias.source} refers to no anchor &${alias.source} defined before it`);
      } else if (count > MAX_ALIASES) {
        problem = at(alias, "too-many-aliases", `more than ${MAX_ALIASES} YAML aliases; write the values out instead (this limit guards against alias bombs)`);
      } else {
        expanded += sizeOf(target);
        if (expanded === Number.POSITIVE_INFINITY)
          problem = at(alias, "yaml-syntax", `alias *${alias.source} refers to a node that contains it; a catalog cannot be recursive`);
        else if (expanded > MAX_ALIAS_EXPANSION) {
          problem = at(
            alias,
            "too-many-aliases",
            `YAML aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes; write the values out instead (this limit guards against alias bombs)`,
          );
        }
      }
      return problem ? visit.BREAK : undefined;
    },
  });
  return problem;
}

const YAML_RULES: Readonly<Record<string, string>> = {
  DUPLICATE_KEY: "duplicate-key",
  TAB_AS_INDENT: "tab-indent",
  MULTIPLE_DOCS: "multiple-documents",
};

/** Messages of the yaml library that speak to a programmer rather than a catalog author. */
const YAML_MESSAGES: Readonly<Record<string, string>> = {
  MULTIPLE_DOCS: "a catalog holds one YAML document: remove the second --- and what follows, or move it to its own file",
};

export function yamlDiagnostic(source: SourceFile, error: YAMLError, severity: "error" | "warning"): Diagnostic {
  const { line, column } = positionAt(source.lineCounter, error.pos[0]);
  const rule = YAML_RULES[error.code] ?? "yaml-syntax";
  // The yaml library appends " at line L, column C" and a frame; we print our own.
  const message = YAML_MESSAGES[error.code] ?? error.message.replace(/ at line \d+, column \d+:[\s\S]*$/, "").trim();
  const text = rule === "duplicate-key" ? `${message}: ${keyAt(source.text, error.pos[0])} appears more than once in this mapping` : message;
  return { severity, rule, message: text, file: source.path, line, column };
}

function keyAt(text: string, offset: number): string {
  const match = /^[^:\n]*/.exec(text.slice(offset));
  return JSON.stringify((match?.[0] ?? "").trim());
}
