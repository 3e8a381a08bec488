import { tsString } from "./typescript.js";

/**
 * Escaping for Markdown that a docs site renders through Vue (VitePress): no catalog text may end a table
 * cell, start HTML, open a code span, become a link, emphasis, a heading, a list or a code block, or lose
 * its spaces. Characters that matter to HTML or Vue become entities; Markdown punctuation gets a backslash.
 * (Vue's own {{ }} is kept out by the v-pre wrapper in the templates: markdown-it decodes entities.)
 */

/** Text for a table cell or any other one-line context: line breaks become <br>. */
export function markdownCell(text: string): string {
  if (PLAIN.test(text)) return text;
  if (!LINE_BREAK.test(text)) return keepEdgeSpaces(markdownInline(text));
  return text
    .split(LINE_BREAK)
    .map((line) => keepEdgeSpaces(markdownInline(line)))
    .join("<br>");
}

/** Text for a heading: one line, and a trailing # can never be read as the heading's closing sequence. */
export function markdownHeading(text: string): string {
  return markdownCell(text).replace(/#+$/, (run) => "&#35;".repeat(run.length));
}

/** A paragraph of free text: each source line becomes its own Markdown line, joined by hard breaks. */
export function markdownParagraph(text: string): string {
  if (PLAIN.test(text) && !LINE_START_SPECIAL.test(text)) return text;
  return text.split(LINE_BREAK).map(blockSafeLine).join("<br>\n");
}

/** A list item's text: on one line, and unable to start a block of its own (---, # heading, 1. list). */
export function markdownListItem(text: string): string {
  return text.split(LINE_BREAK).map(blockSafeLine).join("<br>");
}

/** Inline Markdown text without line breaks. */
function markdownInline(text: string): string {
  const out = NEEDS_ESCAPE.test(text) ? text.replace(ESCAPED, escapeChar) : text;
  return out.includes(":") ? keepShortcodes(out) : out;
}

/**
 * The characters markdownInline escapes wherever they stand (a regex class body): HTML and Vue
 * characters and Markdown punctuation. The three regexes below are made from it, so they cannot drift.
 */
const SPECIAL = "&<>|{}`\\\\*[\\]~";

/**
 * What markdownInline replaces: SPECIAL, and an underscore unless it sits between two letters or digits
 * (where it cannot start emphasis: INVALID_JSON stays readable).
 */
const ESCAPED = new RegExp(`[${SPECIAL}]|(?<![\\p{L}\\p{N}])_|_(?![\\p{L}\\p{N}])`, "gu");

function escapeChar(char: string): string {
  return ENTITIES[char] ?? `\\${char}`;
}

/** VitePress turns :name: into an emoji; a colon entity before the name keeps the text as written. */
function keepShortcodes(text: string): string {
  return text.replace(/:(?=[\w+-]+:)/g, "&#58;");
}

/** One line of inline text that cannot begin a heading, a list, a rule or a setext underline. */
function blockSafeLine(line: string): string {
  return (
    keepEdgeSpaces(markdownInline(line))
      // : too: VitePress opens a ::: container at the start of a line.
      .replace(/^([#=+:-])/, "\\$1")
      .replace(/^(\d+)([.)])/, "$1\\$2")
  );
}

/**
 * Whitespace at the edges of a line (spaces, tabs, NBSP, BOM, ...) as entities: Markdown trims table cells,
 * and leading spaces would indent a line into a code block. The entities decode to the very same characters.
 */
function keepEdgeSpaces(line: string): string {
  // Two one-character tests first: anchored regexes over the whole line cost more, and edges are rarely spaces.
  if (!EDGE_SPACE.test(line.charAt(0)) && !EDGE_SPACE.test(line.charAt(line.length - 1))) return line;
  return line.replace(/^[\s\uFEFF]+/, (run) => edgeRun(run, "start")).replace(/[\s\uFEFF]+$/, (run) => edgeRun(run, "end"));
}

/**
 * An edge run as entities; but Markdown parsers refuse to decode an entity for a control character such as
 * the vertical tab, so a run holding one stays as it is, fenced off from the edge by an empty <span> (which
 * is not trimmed, and cannot start an HTML block because text follows it).
 */
function edgeRun(run: string, side: "start" | "end"): string {
  if (run.includes("\v")) return side === "start" ? `<span></span>${run}` : `${run}<span></span>`;
  return [...run].map((char) => `&#${char.codePointAt(0)};`).join("");
}

const LINE_BREAK = /\r\n?|\n|\u2028|\u2029/;

const EDGE_SPACE = /[\s\uFEFF]/;

/** Text that no escaping would change: one line, nothing special, no whitespace at either edge (the common case). */
const PLAIN = new RegExp(`^(?![\\s\\uFEFF])[^${SPECIAL}_:\\r\\n\\u2028\\u2029]*(?<![\\s\\uFEFF])$`);

/** What blockSafeLine escapes at the start of a line. */
const LINE_START_SPECIAL = /^([#=+:-]|\d+[.)])/;

/** Any character markdownInline would change; most catalog text has none and is returned as it is. */
const NEEDS_ESCAPE = new RegExp(`[${SPECIAL}_]`);

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "|": "&#124;",
  "{": "&#123;",
  "}": "&#125;",
  "`": "&#96;",
};

/**
 * Text inside a raw HTML block of the page (a code's entry, a filter's options): markdown-it passes such a
 * block through untouched until a blank line, so the text needs HTML escaping only, plus `{`/`}` for Vue,
 * and every line break becomes <br> (a blank line would end the block and let Markdown read the rest).
 */
export function htmlText(text: string): string {
  const escaped = HTML_SPECIAL.test(text) ? text.replace(HTML_ESCAPED, (char) => HTML_ENTITIES[char] ?? char) : text;
  return LINE_BREAK.test(escaped) ? escaped.split(LINE_BREAK).join("<br>") : escaped;
}

const HTML_SPECIAL = /[&<>"'{}]/;

const HTML_ESCAPED = /[&<>"'{}]/g;

const HTML_ENTITIES: Readonly<Record<string, string>> = { ...ENTITIES, '"': "&quot;", "'": "&#39;" };

/** A YAML front matter value: double-quoted, escaped like JSON (which YAML's double quotes accept): a TypeScript string literal is exactly that. */
export function yamlString(text: string): string {
  return tsString(text);
}

/** A fragment id that is stable for a code and safe in HTML and URLs. */
export function anchorId(prefix: string, code: string): string {
  if (ANCHOR_SAFE.test(code)) return `${prefix}-${code}`;
  const safe = [...code].map((char) => (/[A-Za-z0-9_-]/.test(char) ? char : `.${char.codePointAt(0)?.toString(16)}.`)).join("");
  return `${prefix}-${safe}`;
}

const ANCHOR_SAFE = /^[A-Za-z0-9_-]*$/;
