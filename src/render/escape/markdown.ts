/**
 * Text for a Markdown table cell that a docs site renders through Vue (VitePress): no catalog text may
 * end the cell, start HTML, open a Vue interpolation, open a code span, or become a link or emphasis.
 * Characters that matter to HTML or Vue become entities; Markdown punctuation gets a backslash.
 */
export function markdownCell(text: string): string {
  const inline = markdownInline(text);
  return LINE_BREAK.test(inline) ? inline.replace(/\r\n?|\n|\u2028|\u2029/g, "<br>") : inline;
}

const LINE_BREAK = /[\r\n\u2028\u2029]/;

/** Inline Markdown text (a paragraph, a list item): as markdownCell, but newlines become line breaks. */
export function markdownInline(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  let out = "";
  const chars = [...text];
  chars.forEach((char, index) => {
    const entity = ENTITIES[char];
    if (entity !== undefined) {
      out += entity;
    } else if (char === "_") {
      // An underscore between two word characters cannot start emphasis; keep INVALID_JSON readable.
      const before = chars[index - 1] ?? "";
      const after = chars[index + 1] ?? "";
      out += /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after) ? "_" : "\\_";
    } else if (BACKSLASHED.has(char)) {
      out += `\\${char}`;
    } else {
      out += char;
    }
  });
  return out;
}

/** A paragraph of free text: each source line becomes its own Markdown line, with a hard break. */
export function markdownParagraph(text: string): string {
  return (
    text
      .split(/\r\n?|\n|\u2028|\u2029/)
      // At the start of a line these would begin a heading, a list or a setext underline.
      .map((line) =>
        markdownInline(line)
          .replace(/^(\s*)([#=+-])/, "$1\\$2")
          .replace(/^(\s*\d+)([.)])/, "$1\\$2"),
      )
      .join("<br>\n")
  );
}

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "|": "&#124;",
  "{": "&#123;",
  "}": "&#125;",
  "`": "&#96;",
};

/** Any character markdownInline would change; most catalog text has none and is returned as it is. */
const NEEDS_ESCAPE = /[&<>|{}`\\*[\]~_]/;

/** Markdown punctuation that can open emphasis, links or strikethrough anywhere in a line. */
const BACKSLASHED = new Set(["\\", "*", "[", "]", "~"]);

/** A YAML front matter value: double-quoted, escaped like JSON (which YAML's double quotes accept). */
export function yamlString(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** A fragment id that is stable for a code and safe in HTML and URLs. */
export function anchorId(prefix: string, code: string): string {
  const safe = [...code].map((char) => (/[A-Za-z0-9_-]/.test(char) ? char : `.${char.codePointAt(0)?.toString(16)}.`)).join("");
  return `${prefix}-${safe}`;
}
