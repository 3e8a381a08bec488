import { percentEncodeComment } from "./comment-line.js";
import { type CommentStyle, commentLines, docComment } from "./doc-comment.js";

/**
 * A Java string literal. javac turns \uXXXX escapes into characters before it reads the source, so a
 * literal must never contain one that could mean a quote or a line break: control characters become
 * octal escapes; other non-ASCII characters become \u escapes of their UTF-16 units (harmless, as they
 * decode to ordinary characters), which keeps the file ASCII. A backslash in the text becomes \\, and a
 * \u after it is then not an escape (javac only honours a backslash preceded by an even number of them).
 */
export function javaString(text: string): string {
  return `"${PLAIN_ASCII.test(text) ? text : text.replace(NOT_PLAIN_ASCII, escapeUnit)}"`;
}

/** Printable ASCII without quote or backslash: the literal is the text itself. */
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** Every UTF-16 unit that is not (no u flag: an astral character is escaped as its two surrogates). */
const NOT_PLAIN_ASCII = /[^\x20\x21\x23-\x5b\x5d-\x7e]/g;

function escapeUnit(char: string): string {
  const simple = SIMPLE_ESCAPES[char];
  if (simple !== undefined) return simple;
  const unit = char.charCodeAt(0);
  return unit < 0x20 || unit === 0x7f ? `\\${unit.toString(8).padStart(3, "0")}` : `\\u${unit.toString(16).padStart(4, "0")}`;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };

/** A literal for a value that may be absent: the string, or null. */
export function javaStringOrNull(text: string | undefined): string {
  return text === undefined ? "null" : javaString(text);
}

/**
 * Text that is safe inside Javadoc. Javadoc is HTML, so < > & become entities; `*\/` would end the comment
 * and `@` would start a tag; a backslash becomes &#92; so that no \u escape in the text can turn into a
 * line break or a comment end when javac reads the file.
 */
export function javadocText(text: string): string {
  if (!JAVADOC_SPECIAL.test(text)) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\\/g, "&#92;").replace(/@/g, "&#64;").replace(/\*\//g, "*&#47;");
}

/** Lines of Javadoc text (see javadocText), one per line of the source text. */
export function javadocLines(text: string): string[] {
  // Most catalog texts are one clean line: nothing to escape, no line break, no trailing space.
  return JAVADOC_SPECIAL.test(text) || LINE_WORK.test(text) ? commentLines(text, javadocText) : [text];
}

/** Anything javadocText escapes. */
const JAVADOC_SPECIAL = /[&<>\\@]|\*\//;

/** Anything else javadocLines changes: a line break or whitespace at the end. */
const LINE_WORK = /[\r\n\u2028\u2029]|\s$/;

/** A whole Javadoc comment at an indent: paragraphs separated by <p>, then tags. */
export function javadocComment(indent: string, paragraphs: readonly (string | undefined)[], tags: readonly string[] = []): string {
  return docComment(JAVADOC, indent, paragraphs, tags);
}

const JAVADOC: CommentStyle = { lines: javadocLines, paragraphBreak: "<p>" };

/**
 * Text for a // comment line (a banner): printable ASCII only, without a backslash (javac reads \\u escapes
 * even in comments, and \\u000a ends the line) or %, the escape character (see percentEncodeComment).
 * ASCII also keeps the file readable under any -encoding.
 */
export function javaLineComment(text: string): string {
  return percentEncodeComment(text, JAVA_COMMENT_UNSAFE);
}

const JAVA_COMMENT_UNSAFE = /[^\x20-\x24\x26-\x5b\x5d-\x7e]/gu;

/**
 * The most a string constant may take: a class file allows 65,535 bytes of modified UTF-8, and javac
 * refuses a literal of 65,535 UTF-16 units ("constant string too long"), so one less of both. A unit takes
 * at least one byte, so a piece within this many bytes is within this many units too.
 */
export const JAVA_CONSTANT_MAX_BYTES = 65_534;

/** The bytes a text takes in a class file: modified UTF-8 counts NUL as 2 and each UTF-16 surrogate as 3. */
export function modifiedUtf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) bytes += unitBytes(text.charCodeAt(i));
  return bytes;
}

function unitBytes(unit: number): number {
  return unit >= 0x01 && unit <= 0x7f ? 1 : unit <= 0x7ff ? 2 : 3;
}

/**
 * A text cut into pieces of at most maxBytes of modified UTF-8 each, so that every piece fits one string
 * constant. A cut may fall between the two halves of a surrogate pair: the pieces are joined again at run
 * time, and a lone surrogate is a valid string constant.
 */
export function splitForConstants(text: string, maxBytes = JAVA_CONSTANT_MAX_BYTES): string[] {
  const pieces: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const size = unitBytes(text.charCodeAt(i));
    if (bytes + size > maxBytes) {
      pieces.push(text.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += size;
  }
  if (start < text.length || pieces.length === 0) pieces.push(text.slice(start));
  return pieces;
}

/**
 * A string expression for any text: its literal, or for a text over a string constant's limit, its pieces
 * appended at run time (javac would fold `"a" + "b"` back into one constant that is too long). A
 * StringBuilder, not String.join: Android has String.join only from API level 26.
 */
export function javaLongString(text: string): string {
  if (modifiedUtf8Length(text) <= JAVA_CONSTANT_MAX_BYTES) return javaString(text);
  return javaJoinedPieces(splitForConstants(text).map(javaString));
}

/** An expression joining string expressions at run time, for Java 8 and every Android API level. */
export function javaJoinedPieces(pieces: readonly string[]): string {
  return `new java.lang.StringBuilder()${pieces.map((piece) => `.append(${piece})`).join("")}.toString()`;
}

/** javaLongString for a value that may be absent: null. */
export function javaLongStringOrNull(text: string | undefined): string {
  return text === undefined ? "null" : javaLongString(text);
}
