import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitepress";
import { descriptionMeta, pageTexts } from "./page-data.js";
import { resolveFromRepository } from "./resolve-from-repository.js";
import { indexEntries } from "./search-sections.js";
import { buildSidebar, parseCatalogSummary } from "./sidebar.js";

/**
 * The docs site. Its pages are gen's Markdown output, not files in docs/: by default generated/docs/,
 * with the sidebar built from generated/catalog.json beside it.
 *
 * CODEBOOK_DOCS_DIR     another gen output's docs directory, anywhere (its catalog.json is read from the parent)
 * CODEBOOK_SITE_OUT_DIR where the built site goes (default docs/.vitepress/dist)
 */
const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const docsDir = path.resolve(process.env["CODEBOOK_DOCS_DIR"] ?? path.join(repositoryRoot, "generated/docs"));
const catalogFile = path.join(docsDir, "../catalog.json");
const catalog = parseCatalogSummary(readFileSync(catalogFile, "utf8"), catalogFile);
const outDir = process.env["CODEBOOK_SITE_OUT_DIR"];

export default defineConfig({
  title: "codebook",
  description: "Payment vendors' status and error codes, generated from the codebook catalogs.",
  lang: "en",
  srcDir: docsDir,
  ...(outDir === undefined ? {} : { outDir: path.resolve(outDir) }),
  // Links end in .html (phonepos.html#terminal-error-2310), so any static host serves them, reloads included:
  // a host that does not map /phonepos to phonepos.html answers 404 for clean URLs.
  cleanUrls: false,
  lastUpdated: false,
  vite: { plugins: [resolveFromRepository(repositoryRoot)] },
  // Catalog text reaches the page data and head through the front matter; see page-data.ts.
  transformPageData: (pageData) => pageTexts(pageData),
  transformHead: ({ description }) => [descriptionMeta(description)],
  themeConfig: {
    sidebar: buildSidebar(catalog, readdirSync(docsDir)),
    outline: { level: [2, 3], label: "On this page" },
    search: {
      provider: "local",
      options: {
        // Results show the start of each entry (its message and fields) under its code and name.
        detailedView: true,
        // The button shows "Search" and its shortcut (Ctrl K); an aria-label of "Search" alone would hide
        // the shortcut from its accessible name (axe: label-content-name-mismatch). Empty, the name comes
        // from what the button shows.
        translations: { button: { buttonText: "Search", buttonAriaLabel: "" } },
        // Index each code's entry as its own section, its labels and values apart; see search-sections.ts.
        _render(src, env, md) {
          const html = md.render(src, env);
          return env.frontmatter?.["search"] === false ? "" : indexEntries(html);
        },
      },
    },
    docFooter: { prev: false, next: false },
  },
});
