import { percentEncodeComment } from "./comment-line.js";
import { type CommentStyle, commentLines, docComment } from "./doc-comment.js";

/**
 * A TypeScript (and JSON-compatible) string literal. JSON.stringify escapes quotes, backslashes,
 * control characters and lone surrogates; U+2028 and U+2029 are escaped too so that no tool that
 * predates ES2019 sees a line break inside the literal.
 */
export function tsString(text: string): string {
  // Most texts need no escape at all, and one regex test is cheaper than JSON.stringify: this runs for every text of every code.
  if (NOTHING_TO_ESCAPE.test(text)) return `"${text}"`;
  return JSON.stringify(text).replace(/\u2028|\u2029/g, (char) => (char === "\u2028" ? "\\u2028" : "\\u2029"));
}

/**
 * Only characters JSON.stringify leaves alone: from space up, without the quote (x22), the backslash (x5c),
 * the line separators (u2028, u2029) or surrogates (it escapes lone ones; paired ones merely take the long way).
 */
const NOTHING_TO_ESCAPE = /^[\x20\x21\x23-\x5b\x5d-\u2027\u202a-\ud7ff\ue000-\uffff]*$/;

/** A literal for a value that may be absent: the string, or null. */
export function tsStringOrNull(text: string | undefined): string {
  return text === undefined ? "null" : tsString(text);
}

/** Text that is safe inside a JSDoc comment: `*\/` would end the comment early, `@` at the start of a word would start a tag. */
export function jsDocText(text: string): string {
  if (!text.includes("@") && !text.includes("*/")) return text;
  return text.replace(/\*\//g, "*\\/").replace(/(^|\s)@/g, "$1\\@");
}

/** Lines of a JSDoc comment body (see jsDocText); line separators become line breaks. */
export function jsDocLines(text: string): string[] {
  // Most catalog texts are one clean line: no line break, nothing to escape, no trailing space.
  return NEEDS_LINE_WORK.test(text) ? commentLines(text, jsDocText) : [text];
}

/** Anything jsDocLines would change: a line break, a comment end, an @, or whitespace at the end. */
const NEEDS_LINE_WORK = /[\r\n\u2028\u2029@]|\*\/|\s$/;

/** A whole JSDoc comment at an indent, from paragraphs (absent ones skipped). */
export function jsDocComment(indent: string, paragraphs: readonly (string | undefined)[], tags: readonly string[] = []): string {
  return docComment(JSDOC, indent, paragraphs, tags);
}

const JSDOC: CommentStyle = { lines: jsDocLines, paragraphBreak: "" };

/** Text for a // comment line (a banner): no line break of any kind, no control character (see percentEncodeComment). */
export function tsLineComment(text: string): string {
  return percentEncodeComment(text, TS_COMMENT_UNSAFE);
}

/** Controls, line and paragraph separators (line breaks to JavaScript), the BOM, and the escape character %. */
const TS_COMMENT_UNSAFE = /[%\p{Cc}\p{Zl}\p{Zp}\ufeff]/gu;
