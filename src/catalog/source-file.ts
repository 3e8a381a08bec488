import { type Document, LineCounter } from "yaml";

/** A catalog file as read from disk: its text and a parsed YAML document with positions. */
export interface SourceFile {
  /** Path as shown in diagnostics (relative to the working directory when inside it). */
  readonly path: string;
  /** The decoded text, without a byte-order mark. */
  readonly text: string;
  /** The parsed YAML document (null when the file could not be decoded). */
  readonly document: Document.Parsed | null;
  /** Turns offsets into 1-based line and column. */
  readonly lineCounter: LineCounter;
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** 1-based line and column of a character offset in a source file. */
export function positionAt(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** A line counter over text that was never parsed, e.g. for a file that is not UTF-8. */
export function countLines(text: string): LineCounter {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) {
    lineCounter.addNewLine(index + 1);
  }
  return lineCounter;
}
