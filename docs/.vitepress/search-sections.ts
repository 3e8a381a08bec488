/**
 * What the local search indexes. VitePress splits a page into sections at headings that hold a link to
 * their own anchor, so each code's entry (an h4 with the code and name and such a link, gen writes it)
 * is a section of its own: a search for `2310` links to /phonepos.html#terminal-error-2310, and with the
 * detailed view on, the result shows the entry's values under its code and name.
 *
 * Two things are adjusted for the index only (the pages keep their markup):
 * - VitePress drops tags without a space, so "<dt>Message</dt><dd>Locked</dd>" would index
 *   "MessageLocked"; every closing tag of a block and every <br> becomes a space as well.
 * - The filter forms (their labels and option lists) are not text of the page's sections.
 */

/** Rewrites a rendered page for the search index. */
export function indexEntries(html: string): string {
  return html.replace(FILTER_FORM, "").replace(BLOCK_END, "$& ");
}

const FILTER_FORM = /<form class="cb-filter"[\s\S]*?<\/form>/g;

/** Where text runs into the next text once tags are gone: the end of a block, a line break. */
const BLOCK_END = /<\/(?:dt|dd|div|p|li|summary|td|th|h[1-6])>|<br\s*\/?>/g;
