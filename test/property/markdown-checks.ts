import MarkdownIt from "markdown-it";
import { parse } from "yaml";
import type { Catalog } from "../support/arbitraries.js";

/** The only elements the docs templates write; anything else in a rendered page came out of catalog text. */
export const TEMPLATE_TAGS: ReadonlySet<string> = new Set([
  "a",
  "code",
  "em",
  "br",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "h1",
  "h2",
  "h3",
  "p",
  "ul",
  "li",
  "blockquote",
  "pre",
  "div",
  "strong",
  "hr",
  // A code's entry, its folded notes, and a code set's filter form (src/render/views/markdown-entry-view.ts).
  "article",
  "h4",
  "dl",
  "dt",
  "dd",
  "span",
  "details",
  "summary",
  "form",
  "label",
  "input",
  "select",
  "option",
  "output",
  "wbr",
]);

const md = new MarkdownIt({ html: true });

export interface RenderedPage {
  /** The front matter, parsed as YAML. */
  readonly frontMatter: unknown;
  /** The Markdown after the front matter. */
  readonly markdown: string;
  /** The page rendered by markdown-it with HTML enabled, as a docs site renders it. */
  readonly html: string;
  /** Problems with the tables: a row with a different number of cells than its header. */
  readonly tableProblems: readonly string[];
  /** How many tables the page has. */
  readonly tables: number;
}

/** Splits off the front matter, parses the rest with markdown-it and checks every table's rows against its header. */
export function renderPage(page: string): RenderedPage {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(page);
  const frontMatter = match ? parse(match[1] ?? "") : undefined;
  const markdown = match ? page.slice(match[0].length) : page;
  const tokens = md.parse(markdown, {});
  const tableProblems: string[] = [];
  let tables = 0;
  let columns = 0;
  let cells = 0;
  let inHead = false;
  for (const token of tokens) {
    if (token.type === "table_open") tables += 1;
    if (token.type === "thead_open") inHead = true;
    if (token.type === "tr_open") cells = 0;
    if (token.type === "th_open" || token.type === "td_open") cells += 1;
    if (token.type === "tr_close") {
      if (inHead) {
        columns = cells;
        inHead = false;
      } else if (cells !== columns) {
        tableProblems.push(`a row of table ${tables} (source line ${(token.map?.[0] ?? -1) + 1}) has ${cells} cells, its header ${columns}`);
      }
    }
  }
  // The escaper fences a control character at a cell's edge off with an empty <span></span> (see
  // src/render/escape/markdown.ts); it carries no text, so the checks read the page without it.
  const html = md.renderer.render(tokens, md.options, {}).replaceAll("<span></span>", "");
  return { frontMatter, markdown, html, tableProblems, tables };
}

/** The name of every element in rendered HTML (comments and escaped text do not count). */
export function tagNames(html: string): Set<string> {
  return new Set([...html.matchAll(/<\/?([A-Za-z][A-Za-z0-9-]*)/g)].map((m) => (m[1] ?? "").toLowerCase()));
}

/** How many elements of each kind the rendered HTML opens. */
export function countTags(html: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of html.matchAll(/<([A-Za-z][A-Za-z0-9-]*)[\s>]/g)) {
    const name = (match[1] ?? "").toLowerCase();
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

/** Every id attribute that occurs more than once. */
export function duplicateIds(html: string): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const match of html.matchAll(/ id="([^"]*)"/g)) {
    const id = match[1] ?? "";
    if (seen.has(id)) duplicates.add(id);
    seen.add(id);
  }
  return [...duplicates];
}

const escapeHtml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * How texts joined into one table cell read once rendered: each text's line breaks become <br>, as do the
 * joins; markdown-it turns NUL into U+FFFD and escapes & < > ". Nothing else may change: no character of
 * the text becomes markup, and none is lost, not even a space at the edge of the cell.
 */
export function renderedCell(texts: readonly string[]): string {
  return texts
    .flatMap((text) => text.split(/\r\n?|\n|\u2028|\u2029/))
    .map((line) => escapeHtml(line.replace(/\0/g, "\ufffd")))
    .join("<br>");
}

/**
 * The texts of an entry's values and codes, as a reader sees them: each <dd> (and each code's <code>)
 * with its <br>s read as line breaks, its <wbr>s and the <code> around placeholder tokens dropped and
 * entities decoded.
 * Any other tag stays in, so a text that became markup cannot read as itself.
 */
export function entryTexts(html: string): { readonly values: ReadonlySet<string>; readonly codes: ReadonlySet<string> } {
  const read = (inner: string) =>
    inner
      // A token may hold a line break (an arbitrary catalog's tokens are any text), so the <br>s go last.
      .replace(/<code class="cb-placeholder">((?:[^<]|<br>)*)<\/code>/g, "$1")
      .replace(/<br>/g, "\n")
      .replace(/<wbr>/g, "")
      .replace(/&(#\d+|amp|lt|gt|quot);/g, (entity, name: string) =>
        name.startsWith("#") ? String.fromCodePoint(Number(name.slice(1))) : (NAMED[name] ?? entity),
      );
  return {
    values: new Set([...html.matchAll(/<dd(?: lang="[^"]*")?>(.*?)<\/dd>/g)].map((m) => read(m[1] ?? ""))),
    codes: new Set([...html.matchAll(/<code class="cb-code">(.*?)<\/code>/g)].map((m) => read(m[1] ?? ""))),
  };
}

const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"' };

/** A catalog text as entryTexts reads it back: line breaks as \n, NUL as markdown-it turns it (U+FFFD). */
export function readBack(text: string): string {
  return text
    .split(/\r\n?|\n|\u2028|\u2029/)
    .join("\n")
    .replace(/\0/g, "\ufffd");
}

/** The elements a vendor page must have, whatever its texts say: one heading, entry, list or fold per thing the catalog declares. */
export function expectedStructure(catalog: Catalog): Record<string, number> {
  const { vendor, codeSets } = catalog;
  const guidance = vendor.guidance ?? [];
  const vendorNotes = vendor.notes?.length ?? 0;
  let h3 = guidance.length;
  let h4 = 0;
  let lists = guidance.filter((item) => (item.items?.length ?? 0) > 0).length + (vendorNotes > 0 ? 1 : 0);
  let items = guidance.reduce((sum, item) => sum + (item.items?.length ?? 0), 0) + vendorNotes;
  let folds = 0;
  const fold = (notes: readonly string[] | undefined) => {
    if ((notes?.length ?? 0) === 0) return;
    folds += 1;
    lists += 1;
    items += notes?.length ?? 0;
  };
  fold(vendor.errorResponse?.notes);
  let strong = 0;
  for (const set of codeSets) {
    const categories = set.categories ?? [];
    const ungrouped = set.codes.some((code) => !categories.some((category) => category.id === code.category));
    h3 += categories.length + (ungrouped ? 1 : 0) + (set.uncoded ? 1 : 0);
    h4 += set.codes.length + (set.uncoded?.length ?? 0);
    fold(set.notes);
    for (const category of categories) fold(category.notes);
    for (const code of set.codes) fold(code.notes);
    for (const entry of set.uncoded ?? []) fold(entry.notes);
    const scopes = set.scopes ?? [];
    lists += scopes.length > 0 ? 1 : 0;
    items += scopes.length;
    strong += scopes.length;
  }
  return {
    h1: 1,
    h2: codeSets.length + (vendor.errorResponse ? 1 : 0) + (guidance.length > 0 ? 1 : 0) + (vendorNotes > 0 ? 1 : 0),
    h3,
    h4,
    h5: 0,
    h6: 0,
    article: h4,
    form: codeSets.length,
    // The error response's fields are entries too: no text can start a table.
    table: 0,
    blockquote: 0,
    details: folds,
    summary: folds,
    ul: lists,
    ol: 0,
    li: items,
    strong,
    hr: 0,
    pre: vendor.errorResponse?.example === undefined ? 0 : 1,
  };
}
