import { type Diagnostic, sortDiagnostics } from "./diagnostic.js";

/** Lines of a file's text by path, for code frames. */
export type SourceTexts = ReadonlyMap<string, string>;

/**
 * `file:line:column severity rule-id message`, one per diagnostic, each followed by a short code frame
 * when the source is known, then a summary line.
 */
export function formatDiagnosticsText(diagnostics: readonly Diagnostic[], sources: SourceTexts): string {
  const blocks = sortDiagnostics(diagnostics).map((diagnostic) => {
    const head = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.severity} ${diagnostic.rule} ${printable(diagnostic.message)}`;
    const frame = codeFrame(sources.get(diagnostic.file), diagnostic.line, diagnostic.column);
    return frame ? `${head}\n${frame}` : head;
  });
  return `${blocks.join("\n")}\n${summarize(diagnostics)}\n`;
}

/** The diagnostics as a JSON document for machines: `{ "diagnostics": [...], "errors": n, "warnings": n }`. */
export function formatDiagnosticsJson(diagnostics: readonly Diagnostic[]): string {
  const sorted = sortDiagnostics(diagnostics);
  const errors = sorted.filter((d) => d.severity === "error").length;
  return `${JSON.stringify({ diagnostics: sorted, errors, warnings: sorted.length - errors }, null, 2)}\n`;
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  return `${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}`;
}

/** The line before and the line of the finding, with a caret under the column. */
function codeFrame(text: string | undefined, line: number, column: number): string | undefined {
  if (text === undefined || line < 1) return undefined;
  // Lines as YAML counts them: a lone CR ends one too.
  const lines = text.split(/\r\n?|\n/);
  const current = lines[line - 1];
  if (current === undefined) return undefined;
  const width = String(line).length;
  const row = (number: number, content: string, marker: string) => `${marker} ${String(number).padStart(width)} | ${printable(clip(content))}`;
  const out: string[] = [];
  const previous = lines[line - 2];
  if (previous !== undefined && previous.trim() !== "") out.push(row(line - 1, previous, " "));
  out.push(row(line, current, ">"));
  const indent = current.slice(0, Math.max(0, column - 1)).replace(/[^\t]/g, " ");
  out.push(`  ${" ".repeat(width)} | ${clip(indent)}^`);
  return out.join("\n");
}

function clip(line: string): string {
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

/** Control characters from a catalog must not reach the terminal (no escape-sequence injection). */
export function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** GitHub Actions workflow commands, one per diagnostic: `::error file=...,line=...,col=...,title=rule::message`. */
export function formatDiagnosticsGithub(diagnostics: readonly Diagnostic[]): string {
  return sortDiagnostics(diagnostics)
    .map((d) => `${githubCommand(d.severity, { file: d.file, line: d.line, col: d.column, title: d.rule }, d.message)}\n`)
    .join("");
}

/**
 * One workflow command. GitHub reads `%`, CR and LF as escapes in the message, and `:` and `,` too in a
 * property, so a catalog's text can neither end the command early nor start another one.
 */
export function githubCommand(level: "error" | "warning" | "notice", properties: Readonly<Record<string, string | number>>, message: string): string {
  const data = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const property = (text: string) => data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
  const props = Object.entries(properties)
    .filter(([, value]) => value !== 0 && value !== "")
    .map(([key, value]) => `${key}=${property(String(value))}`)
    .join(",");
  return `::${level} ${props}::${data(printable(message))}`;
}
