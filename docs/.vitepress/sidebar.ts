/**
 * The docs site's sidebar, built from generated/catalog.json: one group per vendor linking to its page,
 * one item per code set linking to the set's anchor. Adding a vendor therefore needs no edit to the site.
 * Links name the .html file, which any static host serves (the site has cleanUrls off). The pages that
 * are not a vendor's (codes by outcome, the opt-in changelog) are listed when gen wrote them.
 */

/** The parts of generated/catalog.json that the sidebar reads. */
export interface CatalogSummary {
  readonly vendors: readonly {
    readonly id: string;
    readonly name: string;
    readonly codeSets: readonly { readonly id: string; readonly title: string; readonly codes: readonly unknown[]; readonly uncoded?: readonly unknown[] }[];
  }[];
}

/** A sidebar entry as VitePress's default theme takes it. */
export interface SidebarEntry {
  readonly text: string;
  readonly link: string;
  readonly collapsed?: boolean;
  readonly items?: readonly SidebarEntry[];
}

/** Reads the summary out of catalog.json's text, refusing a file that lacks what the sidebar needs. */
export function parseCatalogSummary(json: string, source: string): CatalogSummary {
  const data: unknown = JSON.parse(json);
  const vendors = isRecord(data) ? data["vendors"] : undefined;
  if (!Array.isArray(vendors) || !vendors.every(isVendor)) {
    throw new Error(`${source} does not look like codebook's catalog.json (vendors with id, name and codeSets); run \`npx gen\` first`);
  }
  return { vendors };
}

/** gen's pages beside the vendors', in sidebar order: the changelog exists only when --changelog-since wrote it. */
const SHARED_PAGES: readonly { readonly file: string; readonly text: string }[] = [
  { file: "outcomes.md", text: "Codes by outcome" },
  { file: "changelog.md", text: "Changelog" },
];

/**
 * The sidebar: an overview link, the shared pages among `files` (the docs directory's file names), then
 * each vendor with its code sets, in the catalog's order.
 */
export function buildSidebar(catalog: CatalogSummary, files: readonly string[] = []): SidebarEntry[] {
  return [
    { text: "Overview", link: "/" },
    ...SHARED_PAGES.filter((page) => files.includes(page.file)).map((page) => ({ text: page.text, link: `/${page.file.replace(/\.md$/, ".html")}` })),
    ...catalog.vendors.map((vendor) => ({
      // The default theme renders sidebar text as HTML (v-html), so catalog text is escaped here.
      text: escapeHtml(vendor.name),
      link: `/${vendor.id}.html`,
      collapsed: false,
      items: vendor.codeSets.map((set) => ({
        text: `${escapeHtml(set.title)} <span class="codebook-count">${set.codes.length + (set.uncoded?.length ?? 0)}</span>`,
        link: `/${vendor.id}.html#${set.id}`,
      })),
    })),
  ];
}

/** Text for a place that is parsed as HTML: every character that could start markup is an entity. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function isVendor(value: unknown): value is CatalogSummary["vendors"][number] {
  return (
    isRecord(value) &&
    typeof value["id"] === "string" &&
    typeof value["name"] === "string" &&
    Array.isArray(value["codeSets"]) &&
    value["codeSets"].every((set) => isRecord(set) && typeof set["id"] === "string" && typeof set["title"] === "string" && Array.isArray(set["codes"]))
  );
}
