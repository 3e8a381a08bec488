/**
 * What the local search indexes. VitePress splits a page into sections at its headings, so a code that
 * sits in a table row would only be found as part of its whole code set. For the index only, each table
 * row that carries a code's anchor becomes a heading of its own: its id is the row's anchor, its title
 * the code and name, its text every cell. A search for `2310` then links to /phonepos#terminal-error-2310.
 * The pages themselves keep their tables.
 */

/** Rewrites a rendered page for the search index: rows with an anchor become heading sections. */
export function indexCodeRows(html: string): string {
  let level = 1;
  return html.replace(/<h([1-6])[\s>]|<table\b[^>]*>([\s\S]*?)<\/table>/g, (match, headingLevel: string | undefined, table: string | undefined) => {
    if (headingLevel !== undefined) {
      level = Number(headingLevel);
      return match;
    }
    return rowSections(match, table ?? "", Math.min(level + 1, 6));
  });
}

/** One table's rows as sections one level below the heading the table sits under. */
function rowSections(tableHtml: string, body: string, level: number): string {
  const header = [...(body.match(/<thead>([\s\S]*?)<\/thead>/)?.[1] ?? "").matchAll(/<th\b[^>]*>([\s\S]*?)<\/th>/g)].map((m) => cellText(m[1] ?? ""));
  const rows = [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1] ?? "");
  const sections: string[] = [];
  const plainRows: string[] = [];
  for (const row of rows) {
    const cells = [...row.matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1] ?? "");
    const anchor = cells[0]?.match(/<a id="([^"]+)"><\/a>/)?.[1];
    if (anchor === undefined) {
      if (cells.length > 0) plainRows.push(`<tr>${row}</tr>`);
      continue;
    }
    const texts = cells.map(cellText);
    const codeColumn = header.indexOf("Code");
    const nameColumn = header.indexOf("Name");
    const title = [texts[codeColumn], texts[nameColumn]].filter((text) => text !== undefined && text !== "").join(" ") || (texts[0] ?? anchor);
    sections.push(
      `<h${level} id="${anchor}" tabindex="-1">${title} <a class="header-anchor" href="#${anchor}"></a></h${level}>\n<p>${texts.join(" · ")}</p>\n`,
    );
  }
  if (sections.length === 0) return tableHtml;
  const rest = plainRows.length > 0 ? `<table><tbody>${plainRows.join("")}</tbody></table>\n` : "";
  return rest + sections.join("");
}

/**
 * A cell's text on one line, still HTML-escaped: tags are dropped (a line break becomes a space) and
 * entities are kept, so the search box, which shows titles as HTML, shows catalog text as text.
 */
function cellText(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
