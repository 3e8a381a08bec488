import type { Diagnostic } from "../diagnostics/diagnostic.js";

/** Catalogs larger than this are refused before parsing: no vendor needs 50 MB of codes. */
export const MAX_CATALOG_BYTES = 50 * 1024 * 1024;

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const BYTE_ORDER_MARK = "\uFEFF";

/** Decodes a catalog's bytes as strict UTF-8, refusing oversized files and reporting where decoding fails. */
export function decodeCatalog(path: string, bytes: Uint8Array): DecodeResult {
  if (bytes.length > MAX_CATALOG_BYTES) return { ok: false, diagnostics: [oversizeDiagnostic(path, bytes.length)] };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const { line, column, offset } = firstInvalidUtf8(bytes);
    return fail(
      path,
      line,
      column,
      "not-utf8",
      `file is not valid UTF-8: invalid byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, "0")} at byte offset ${offset}; save the catalog as UTF-8`,
    );
  }
  text = normalizeLineBreaks(text);
  if (text.startsWith(BYTE_ORDER_MARK)) {
    const warning: Diagnostic = {
      severity: "warning",
      rule: "byte-order-mark",
      message: "file starts with a UTF-8 byte-order mark; it is ignored, but editors and diffs show it: save without BOM",
      file: path,
      line: 1,
      column: 1,
    };
    return { ok: true, text: text.slice(1), diagnostics: [warning] };
  }
  return { ok: true, text, diagnostics: [] };
}

/**
 * A lone CR ends a line in YAML 1.2 as LF does, and line breaks in scalars read as LF whatever they
 * were, so a file saved with old Mac line endings means what it says. js-yaml reads it so, but the
 * position-keeping parser reads a lone CR as text (a comment on the first line would swallow the
 * whole file): each is turned into LF, one character for one, so every offset stays where it was.
 * CRLF stays, as both parsers read it.
 */
export function normalizeLineBreaks(text: string): string {
  return text.includes("\r") ? text.replace(/\r(?!\n)/g, "\n") : text;
}

/** Refuses a catalog by its size alone, so a huge file need not be read to be rejected. */
export function oversizeDiagnostic(file: string, size: number): Diagnostic {
  const mb = (size / 1024 / 1024).toFixed(1);
  return {
    severity: "error",
    rule: "file-too-large",
    message: `file is ${mb} MB; catalogs are limited to ${MAX_CATALOG_BYTES / 1024 / 1024} MB`,
    file,
    line: 0,
    column: 0,
  };
}

function fail(file: string, line: number, column: number, rule: string, message: string): DecodeResult {
  return { ok: false, diagnostics: [{ severity: "error", rule, message, file, line, column }] };
}

/** Finds the first byte that breaks UTF-8, with its 1-based line and column (in characters before it). */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number; offset: number } {
  let line = 1;
  let column = 1;
  let offset = 0;
  while (offset < bytes.length) {
    const length = sequenceLength(bytes, offset);
    if (length === 0) return { line, column, offset };
    if (bytes[offset] === 0x0a || (bytes[offset] === 0x0d && bytes[offset + 1] !== 0x0a)) {
      line += 1;
      column = 1;
    } else {
      column += 1;
    }
    offset += length;
  }
  return { line, column, offset };
}

/** Length of the valid UTF-8 sequence starting at offset, or 0 if it is invalid. */
function sequenceLength(bytes: Uint8Array, offset: number): number {
  const lead = bytes[offset] ?? 0;
  const [length, min, max] =
    lead < 0x80
      ? [1, 0, 0]
      : lead >= 0xc2 && lead <= 0xdf
        ? [2, 0x80, 0xbf]
        : lead === 0xe0
          ? [3, 0xa0, 0xbf]
          : lead === 0xed
            ? [3, 0x80, 0x9f]
            : lead >= 0xe1 && lead <= 0xef
              ? [3, 0x80, 0xbf]
              : lead === 0xf0
                ? [4, 0x90, 0xbf]
                : lead >= 0xf1 && lead <= 0xf3
                  ? [4, 0x80, 0xbf]
                  : lead === 0xf4
                    ? [4, 0x80, 0x8f]
                    : [0, 0, 0];
  if (length <= 1) return length;
  const second = bytes[offset + 1];
  if (second === undefined || second < min || second > max) return 0;
  for (let index = 2; index < length; index++) {
    const next = bytes[offset + index];
    if (next === undefined || next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}
