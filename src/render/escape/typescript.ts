/**
 * A TypeScript (and JSON-compatible) string literal. JSON.stringify escapes quotes, backslashes,
 * control characters and lone surrogates; U+2028 and U+2029 are escaped too so that no tool that
 * predates ES2019 sees a line break inside the literal.
 */
export function tsString(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** A literal for a value that may be absent: the string, or null. */
export function tsStringOrNull(text: string | undefined): string {
  return text === undefined ? "null" : tsString(text);
}

/** Text that is safe inside a JSDoc comment: `*\/` would end the comment early, `@` at the start of a word would start a tag. */
export function jsDocText(text: string): string {
  return text.replace(/\*\//g, "*\\/").replace(/(^|\s)@/g, "$1\\@");
}

/** Lines of a JSDoc comment body (see jsDocText); line separators become line breaks. */
export function jsDocLines(text: string): string[] {
  return jsDocText(text.replace(/\r\n?|\u2028|\u2029/g, "\n"))
    .split("\n")
    .map((line) => line.replace(/\s+$/, ""));
}

/** A whole JSDoc comment at an indent, from paragraphs (absent ones skipped). */
export function jsDocComment(indent: string, paragraphs: readonly (string | undefined)[], tags: readonly string[] = []): string {
  const body: string[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph === undefined) continue;
    if (body.length > 0) body.push("");
    body.push(...jsDocLines(paragraph));
  }
  if (tags.length > 0) {
    if (body.length > 0) body.push("");
    body.push(...tags);
  }
  if (body.length === 0) return "";
  return [`${indent}/**`, ...body.map((line) => (line === "" ? `${indent} *` : `${indent} * ${line}`)), `${indent} */`].join("\n");
}
