import { mkdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { descriptionMeta, pageTexts } from "../../docs/.vitepress/page-data.js";
import { indexCodeRows } from "../../docs/.vitepress/search-sections.js";
import { buildSidebar, parseCatalogSummary } from "../../docs/.vitepress/sidebar.js";
import { serveStatic } from "../../scripts/serve-static.mjs";
import { tempDir } from "../support/run-gen.js";

/** The pieces of the docs site that need no build: search sections, sidebar, page data, static server. */

const TABLE = `<h2 id="terminal-error-codes" tabindex="-1">Terminal Error Codes <a class="header-anchor" href="#terminal-error-codes">&ZeroWidthSpace;</a></h2>
<p>Intro.</p>
<table tabindex="0">
<thead>
<tr>
<th>Code</th>
<th>Name</th>
<th>Description</th>
</tr>
</thead>
<tbody>
<tr>
<td><a id="terminal-error-2310"></a><code>2310</code></td>
<td>BATTERY_TOO_LOW</td>
<td>Too low (&lt;=15%)<br>line two</td>
</tr>
</tbody>
</table>
<h3 id="other" tabindex="-1">Other <a class="header-anchor" href="#other">&ZeroWidthSpace;</a></h3>
<table tabindex="0">
<thead>
<tr>
<th>Name</th>
<th>HTTP</th>
</tr>
</thead>
<tbody>
<tr>
<td><a id="error-uncoded-KEY_REUSED"></a>KEY_REUSED</td>
<td>409</td>
</tr>
<tr>
<td>no anchor</td>
<td>400</td>
</tr>
</tbody>
</table>
`;

describe("indexCodeRows", () => {
  it("turns each anchored row into a heading section one level below the table's heading", () => {
    const html = indexCodeRows(TABLE);
    expect(html).toContain(
      '<h3 id="terminal-error-2310" tabindex="-1">2310 BATTERY_TOO_LOW <a class="header-anchor" href="#terminal-error-2310"></a></h3>\n<p>2310 · BATTERY_TOO_LOW · Too low (&lt;=15%) line two</p>',
    );
    expect(html).toContain('<h4 id="error-uncoded-KEY_REUSED" tabindex="-1">KEY_REUSED <a class="header-anchor" href="#error-uncoded-KEY_REUSED"></a></h4>');
    // A row without an anchor stays in a table, under the heading it was under.
    expect(html).toMatch(/<h3 id="other"[^\n]*\n<table><tbody><tr>\n<td>no anchor<\/td>/);
    expect(html).toContain("<p>Intro.</p>");
  });

  it("leaves tables without anchors and pages without tables alone", () => {
    const plain = "<h1>T</h1>\n<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>x</td></tr></tbody></table>\n";
    expect(indexCodeRows(plain)).toBe(plain);
    expect(indexCodeRows("<p>text</p>")).toBe("<p>text</p>");
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
        link: "/hostile",
        collapsed: false,
        items: [{ text: 'Digits | &#60;/script&#62; <span class="codebook-count">3</span>', link: "/hostile#digits" }],
      },
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
});
