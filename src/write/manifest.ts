import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { OutputFile } from "../render/output-file.js";
import { bannerText } from "../render/views/banner.js";
import { pathSyntaxProblem } from "./output-paths.js";

/** The list of files gen wrote last time, kept in the output directory so it removes only its own files. */
export const MANIFEST_PATH = ".codebook-manifest.json";

export interface ManifestEntry {
  readonly path: string;
  readonly vendor: string | null;
}

/** A manifest as read: its usable entries, and what was wrong with it (an error means: trust none of it). */
export interface ManifestRead {
  /** Each with where it stands in the manifest, for warnings about it. */
  readonly entries: readonly (ManifestEntry & { readonly at: Position })[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The manifest for a set of outputs, as one more output file. */
export function manifestFile(entries: readonly ManifestEntry[]): OutputFile {
  const files = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const content = `${JSON.stringify({ $comment: bannerText("every catalog"), files }, null, 2)}\n`;
  return { path: MANIFEST_PATH, content, vendor: null };
}

/**
 * Reads a manifest (`file` is how diagnostics name it). No manifest is no entries. A manifest that is
 * not JSON, or not the shape gen writes, is an error: it cannot say what gen wrote, so nothing may be
 * removed on its word. An entry whose path gen would never write (`docs/.`, `./ts/index.ts`, `../x`)
 * is left out with a warning: the manifest can be edited by hand, or come with a hostile repository.
 */
export function parseManifest(text: string | undefined, file: string): ManifestRead {
  if (text === undefined) return { entries: [], diagnostics: [] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const at = lineColumn(text, syntaxErrorOffset(text));
    return corrupt(file, at, `is not valid JSON (${(error as Error).message}); fix or delete it (gen then removes no old files)`);
  }
  const files = typeof data === "object" && data !== null && !Array.isArray(data) ? (data as { files?: unknown }).files : undefined;
  if (!Array.isArray(files)) return corrupt(file, { line: 1, column: 1 }, 'is not a gen manifest: it needs a "files" list');
  const positions = pathValuePositions(text);
  const entries: (ManifestEntry & { at: Position })[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [index, entry] of files.entries()) {
    const at = (positions.length === files.length ? positions[index] : undefined) ?? { line: 1, column: 1 };
    if (!isEntry(entry)) return corrupt(file, at, `is not a gen manifest: entry ${index + 1} is not { "path": string, "vendor": string or null }`);
    const problem = pathSyntaxProblem(entry.path);
    if (problem === undefined) entries.push({ path: entry.path, vendor: entry.vendor, at });
    else diagnostics.push(ignored(file, at, entry.path, problem));
  }
  return { entries, diagnostics };
}

/** The warning for a manifest entry gen will not act on. */
export function ignored(file: string, at: Position, path: string, reason: string): Diagnostic {
  return {
    severity: "warning",
    rule: "manifest-entry-ignored",
    message: `ignored manifest entry ${JSON.stringify(path)}: ${reason}; gen does not remove it`,
    file,
    ...at,
  };
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

function isEntry(entry: unknown): entry is ManifestEntry {
  if (typeof entry !== "object" || entry === null) return false;
  const { path, vendor } = entry as { path?: unknown; vendor?: unknown };
  return typeof path === "string" && (vendor === null || typeof vendor === "string");
}

function corrupt(file: string, at: Position, message: string): ManifestRead {
  return { entries: [], diagnostics: [{ severity: "error", rule: "manifest-invalid", message: `the manifest ${file} ${message}`, file, ...at }] };
}

/**
 * Where JSON.parse fails: V8 names a position only for some errors, so find the shortest prefix that
 * fails for another reason than ending early (a binary search: a prefix of a good start is a good start).
 */
function syntaxErrorOffset(text: string): number {
  const failure = (length: number): number | undefined => {
    try {
      JSON.parse(text.slice(0, length));
      return undefined;
    } catch (error) {
      const message = (error as Error).message;
      const at = /at position (\d+)/.exec(message);
      if (at) return Number(at[1]) < length ? Number(at[1]) : undefined;
      return /Unexpected end of JSON input/.test(message) ? undefined : length;
    }
  };
  const bad = (length: number) => failure(length) !== undefined;
  const named = failure(text.length);
  if (named !== undefined && named < text.length) return named;
  if (named === undefined) return text.length;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (bad(mid)) high = mid;
    else low = mid + 1;
  }
  return Math.max(0, low - 1);
}

function lineColumn(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/** The position of each `"path": "..."` value, in order: one per entry in a manifest gen wrote. */
function pathValuePositions(text: string): Position[] {
  const positions: Position[] = [];
  for (const match of text.matchAll(/"path"\s*:\s*"/g)) positions.push(lineColumn(text, match.index + match[0].length - 1));
  return positions;
}
