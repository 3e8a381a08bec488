/** How serious a finding is: errors stop generation, warnings do not. */
export type Severity = "error" | "warning";

/** One finding about an input, with the place in the source it is about. */
export interface Diagnostic {
  /** error or warning. */
  readonly severity: Severity;
  /** A stable, kebab-case id of the rule that found it, e.g. duplicate-code. */
  readonly rule: string;
  /** One sentence for a person. */
  readonly message: string;
  /** The file, relative to the working directory where possible. */
  readonly file: string;
  /** 1-based line; 0 when the finding is about the whole file. */
  readonly line: number;
  /** 1-based column; 0 when the finding is about the whole file. */
  readonly column: number;
}

export function isError(diagnostic: Diagnostic): boolean {
  return diagnostic.severity === "error";
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some(isError);
}

/** Orders diagnostics by file, then position, then rule, so output never depends on check order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.rule, b.rule) || compareText(a.message, b.message),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
