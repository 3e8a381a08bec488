/**
 * Catalog text reaches a page's data and head through the front matter gen writes (title, description).
 * VitePress 1.6 handles three things there in ways that catalog text can break; the site corrects them
 * here, while the page body needs nothing (gen escapes it and wraps it in v-pre).
 *
 * - The title is parsed as inline Markdown and its HTML dropped: "Hostile <i>Vendor</i>" would lose its
 *   "<i>" and "*star*" its stars. The site takes the front matter's title as it is.
 * - The page data is written into the compiled page's <script> block as JSON without escaping
 *   "</script", so a summary holding "</script>" ends the block early and the build fails. Those copies
 *   get a word joiner (U+2060, invisible) between "<" and "/script".
 * - The description is written into <meta name="description" content="..."> unescaped, so a quote and a
 *   ">" in a summary would inject markup into every built page. `descriptionMeta` supplies that tag
 *   itself, escaped.
 */

/** The parts of VitePress's PageData this reads and replaces. */
interface PageTexts {
  readonly title: string;
  readonly description: string;
  readonly frontmatter: Record<string, unknown>;
}

/** The page data's texts, with the title taken literally and every "</script" defused. */
export function pageTexts(pageData: PageTexts): PageTexts {
  const title = typeof pageData.frontmatter["title"] === "string" ? pageData.frontmatter["title"] : pageData.title;
  return defuse({ title, description: pageData.description, frontmatter: pageData.frontmatter }) as PageTexts;
}

/**
 * The description meta tag, for VitePress's transformHead. VitePress escapes an attribute's "<", ">" and
 * '"' but leaves anything that already looks like an entity, so "&" is escaped here first.
 */
export function descriptionMeta(description: string): [string, Record<string, string>] {
  return ["meta", { name: "description", content: description.replace(/&/g, "&amp;") }];
}

/** Every string inside `value` with a word joiner between "<" and "/script". */
function defuse(value: unknown): unknown {
  if (typeof value === "string") return value.replace(/<(\/script)/gi, "<\u2060$1");
  if (Array.isArray(value)) return value.map(defuse);
  if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, defuse(entry)]));
  }
  return value;
}
