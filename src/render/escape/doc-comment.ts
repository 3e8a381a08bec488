/**
 * What JSDoc and Javadoc comments share: a paragraph's lines, and the comment's layout. Each language
 * brings its own escaping and what stands between two paragraphs.
 */

/** Lines of a comment paragraph: the text escaped, split at every kind of line break, each line trimmed at its end. */
export function commentLines(text: string, escapeText: (text: string) => string): string[] {
  return (
    escapeText(text)
      .replace(/\r\n?|\u2028|\u2029/g, "\n")
      .split("\n")
      // trimEnd removes exactly what /\s+$/ would (white space and line terminators), without its backtracking.
      .map((line) => line.trimEnd())
  );
}

export interface CommentStyle {
  /** A paragraph's lines, escaped for the language. */
  readonly lines: (text: string) => string[];
  /** The line between two paragraphs ("" for an empty one). */
  readonly paragraphBreak: string;
}

/** A whole /** comment at an indent: the paragraphs (absent ones skipped), then the tags after an empty line. */
export function docComment(style: CommentStyle, indent: string, paragraphs: readonly (string | undefined)[], tags: readonly string[]): string {
  const body: string[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph === undefined) continue;
    if (body.length > 0) body.push(style.paragraphBreak);
    body.push(...style.lines(paragraph));
  }
  if (tags.length > 0) {
    if (body.length > 0) body.push("");
    body.push(...tags);
  }
  if (body.length === 0) return "";
  return [`${indent}/**`, ...body.map((line) => (line === "" ? `${indent} *` : `${indent} * ${line}`)), `${indent} */`].join("\n");
}
