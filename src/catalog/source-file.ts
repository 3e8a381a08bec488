import type { Document, LineCounter } from "yaml";
import { yamlLibrary } from "./yaml-library.js";

/** A catalog file as read from disk: its text, and on demand a YAML document with positions. */
export interface SourceFile {
  /** Path as shown in diagnostics (relative to the working directory when inside it). */
  readonly path: string;
  /** The decoded text, without a byte-order mark. */
  readonly text: string;
  /** The YAML document with source positions, parsed on first use: only diagnostics need it. */
  readonly document: Document.Parsed;
  /** Turns offsets into 1-based line and column (parses the document on first use). */
  readonly lineCounter: LineCounter;
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A source file whose position-keeping parse happens only if something asks for a position. */
export function createSourceFile(path: string, text: string): SourceFile {
  let parsed: { document: Document.Parsed; lineCounter: LineCounter } | undefined;
  const parse = () => {
    if (!parsed) {
      const { LineCounter, parseDocument } = yamlLibrary();
      const lineCounter = new LineCounter();
      const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
      parsed = { document, lineCounter };
    }
    return parsed;
  };
  return {
    path,
    text,
    get document() {
      return parse().document;
    },
    get lineCounter() {
      return parse().lineCounter;
    },
  };
}

/** 1-based line and column of a character offset in a source file. */
export function positionAt(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
