import type { Document, LineCounter } from "yaml";
import { type NestingProblem, parseTokens } from "./nesting.js";
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
  /** Why the text could not be composed at all (nesting too deep): the document is then empty. */
  readonly unreadable: NestingProblem | undefined;
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A source file whose position-keeping parse happens only if something asks for a position. */
export function createSourceFile(path: string, text: string): SourceFile {
  let parsed: { document: Document.Parsed; lineCounter: LineCounter; unreadable: NestingProblem | undefined } | undefined;
  const parse = () => {
    parsed ??= parseWithPositions(text);
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
    get unreadable() {
      return parse().unreadable;
    },
  };
}

const DOCUMENT_OPTIONS = { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false } as const;

/**
 * What parseDocument does (lexer, parser, composer; a second document is an error), with the nesting
 * checked in between: the composer recurses, and too deep a document would overflow the stack.
 */
function parseWithPositions(text: string): { document: Document.Parsed; lineCounter: LineCounter; unreadable: NestingProblem | undefined } {
  const { Composer, LineCounter, Parser, parseDocument, YAMLParseError } = yamlLibrary();
  let lineCounter = new LineCounter();
  const read = parseTokens(text, (part) => {
    lineCounter = new LineCounter();
    return new Parser(lineCounter.addNewLine).parse(part);
  });
  if ("problem" in read) return { document: parseDocument("", DOCUMENT_OPTIONS), lineCounter, unreadable: read.problem };
  let document: Document.Parsed | undefined;
  for (const composed of new Composer(DOCUMENT_OPTIONS).compose(read.tokens, true, text.length)) {
    if (!document) document = composed;
    else {
      document.errors.push(new YAMLParseError(composed.range.slice(0, 2) as [number, number], "MULTIPLE_DOCS", "Source contains multiple documents"));
      break;
    }
  }
  // compose(..., true) always ends with a document, for an empty text too.
  return { document: document ?? parseDocument("", DOCUMENT_OPTIONS), lineCounter, unreadable: undefined };
}

/** 1-based line and column of a character offset in a source file. */
export function positionAt(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** 1-based line and column of a character offset, counted in the text itself (no parse needed). */
export function lineAndColumn(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let newline = text.indexOf("\n"); newline >= 0 && newline < offset; newline = text.indexOf("\n", newline + 1)) {
    line += 1;
    lineStart = newline + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
