import { mkdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { descriptionMeta, pageTexts } from "../../docs/.vitepress/page-data.js";
import { indexEntries } from "../../docs/.vitepress/search-sections.js";
import { buildSidebar, parseCatalogSummary } from "../../docs/.vitepress/sidebar.js";
import { serveStatic } from "../../src/docs-site/serve-static.js";
import { tempDir } from "../support/run-gen.js";

/** The pieces of the docs site that need no build: search sections, sidebar, page data, static server. */

const PAGE = `<h2 id="terminal-error-codes" tabindex="-1">Terminal Error Codes <a class="header-anchor" href="#terminal-error-codes">&ZeroWidthSpace;</a></h2>
<form class="cb-filter" data-set="terminal-error" role="search" aria-label="Filter Terminal Error Codes" hidden>
<label><span>Scope</span><select name="scope"><option value="">All</option><option value="general">General</option></select></label>
</form>
<article class="cb-entry" id="terminal-error-2310" data-set="terminal-error">
<h4 class="cb-entry-title"><code class="cb-code">2310</code> <span class="cb-name">BATTERY_TOO_LOW</span> <a class="header-anchor" href="#terminal-error-2310" aria-label="Link to this entry">&#8203;</a></h4>
<dl class="cb-fields">
<div class="cb-field" data-field="description"><dt>Description</dt><dd>Too low (&lt;=15%)<br>line two</dd></div>
</dl>
</article>
`;

describe("indexEntries", () => {
  it("keeps labels and values apart once tags are dropped, and leaves the filter forms out", () => {
    const html = indexEntries(PAGE);
    expect(html).not.toContain("cb-filter");
    expect(html).not.toContain("All");
    expect(html).toContain("<dt>Description</dt> <dd>Too low (&lt;=15%)<br> line two</dd> </div> ");
    // The entry's heading stays one line with its own anchor link, which VitePress makes a section of.
    expect(html).toContain(
      '<h4 class="cb-entry-title"><code class="cb-code">2310</code> <span class="cb-name">BATTERY_TOO_LOW</span> <a class="header-anchor" href="#terminal-error-2310"',
    );
  });

  it("leaves a page without entries or forms alone, but for the spaces", () => {
    expect(indexEntries("<p>text</p><p>more</p>")).toBe("<p>text</p> <p>more</p> ");
  });
});

describe("buildSidebar", () => {
  it("lists every vendor and code set from the catalog, with catalog text escaped", () => {
    const catalog = parseCatalogSummary(
      JSON.stringify({
        vendors: [{ id: "hostile", name: "A <i>B</i> & {{v}}", codeSets: [{ id: "digits", title: "Digits | </script>", codes: [1, 2], uncoded: [3] }] }],
      }),
      "catalog.json",
    );
    expect(buildSidebar(catalog)).toEqual([
      { text: "Overview", link: "/" },
      {
        text: "A &#60;i&#62;B&#60;/i&#62; &#38; {{v}}",
        link: "/hostile.html",
        collapsed: false,
        items: [{ text: 'Digits | &#60;/script&#62; <span class="codebook-count">3</span>', link: "/hostile.html#digits" }],
      },
    ]);
  });

  it("lists the codes-by-outcome page, and the changelog only when gen wrote one", () => {
    const catalog = parseCatalogSummary(JSON.stringify({ vendors: [] }), "catalog.json");
    expect(buildSidebar(catalog, ["index.md", "outcomes.md"])).toEqual([
      { text: "Overview", link: "/" },
      { text: "Codes by outcome", link: "/outcomes.html" },
    ]);
    expect(buildSidebar(catalog, ["changelog.md", "index.md", "outcomes.md"])).toEqual([
      { text: "Overview", link: "/" },
      { text: "Codes by outcome", link: "/outcomes.html" },
      { text: "Changelog", link: "/changelog.html" },
    ]);
  });

  it("refuses a file that is not codebook's catalog.json", () => {
    expect(() => parseCatalogSummary('{"vendors":[{"id":"x"}]}', "x/catalog.json")).toThrow(/x\/catalog.json does not look like codebook's catalog.json/);
  });
});

describe("page data", () => {
  it("keeps the front matter title literal and defuses every </script", () => {
    const texts = pageTexts({
      title: "Hostile Vendor",
      description: "a </script><script>alert(1)</SCRIPT> b",
      frontmatter: { title: "Hostile <i>Vendor</i> *x*", description: "a </script> b", nested: ["</script>"] },
    });
    expect(texts).toEqual({
      title: "Hostile <i>Vendor</i> *x*",
      description: "a <\u2060/script><script>alert(1)<\u2060/SCRIPT> b",
      frontmatter: { title: "Hostile <i>Vendor</i> *x*", description: "a <\u2060/script> b", nested: ["<\u2060/script>"] },
    });
  });

  it("escapes the ampersands of the description meta tag, which VitePress would take for entities", () => {
    expect(descriptionMeta('&amp; "q" <b>')).toEqual(["meta", { name: "description", content: '&amp;amp; "q" <b>' }]);
  });
});

describe("serveStatic", () => {
  const root = tempDir("codebook-site-");
  mkdirSync(join(root, "assets"));
  writeFileSync(join(root, "index.html"), "home");
  writeFileSync(join(root, "phonepos.html"), "phonepos");
  writeFileSync(join(root, "404.html"), "missing");
  writeFileSync(join(root, "assets/app.js"), "js");

  function get(url: string, path: string): Promise<{ status: number; type: string; body: string }> {
    return new Promise((resolve, reject) => {
      const req = request(`${url}${path}`, (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => {
          body += chunk.toString();
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }));
      });
      req.on("error", reject);
      req.end();
    });
  }

  it("serves files and clean URLs on 127.0.0.1 only, and nothing outside its directory", async () => {
    const server = await serveStatic(root);
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
      await expect(get(server.url, "/")).resolves.toEqual({ status: 200, type: "text/html; charset=utf-8", body: "home" });
      await expect(get(server.url, "/phonepos")).resolves.toMatchObject({ status: 200, body: "phonepos" });
      await expect(get(server.url, "/phonepos.html")).resolves.toMatchObject({ status: 200, body: "phonepos" });
      await expect(get(server.url, "/assets/app.js")).resolves.toEqual({ status: 200, type: "text/javascript; charset=utf-8", body: "js" });
      await expect(get(server.url, "/nope")).resolves.toMatchObject({ status: 404, body: "missing" });
      await expect(get(server.url, "/..%2f..%2fetc%2fpasswd")).resolves.toMatchObject({ status: 404, body: "missing" });
    } finally {
      await server.close();
    }
  });

  it("maps nothing but a directory's index.html in plain mode, as the plainest static hosts do", async () => {
    const server = await serveStatic(root, 0, { plain: true });
    try {
      await expect(get(server.url, "/")).resolves.toMatchObject({ status: 200, body: "home" });
      await expect(get(server.url, "/phonepos.html")).resolves.toMatchObject({ status: 200, body: "phonepos" });
      await expect(get(server.url, "/phonepos")).resolves.toMatchObject({ status: 404, body: "missing" });
    } finally {
      await server.close();
    }
  });
});
