import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type StaticServer, serveStatic } from "../../scripts/serve-static.mjs";
import { anchorId } from "../../src/render/escape/markdown.js";
import { FIXTURES, GENERATED } from "../support/paths.js";
import { runGen } from "../support/run-gen.js";
import { buildSite, OUTPUT } from "./build-site.js";

/**
 * The docs site end to end: VitePress builds it from gen's Markdown (the bundled catalogs, and the hostile
 * fixture), a static server serves it on 127.0.0.1, and Debian's chromium reads it. Every request that
 * is not for 127.0.0.1 is refused, and the tests assert that none was attempted.
 */

interface CatalogJson {
  readonly vendors: readonly {
    readonly id: string;
    readonly name: string;
    readonly codeSets: readonly {
      readonly id: string;
      readonly title: string;
      readonly typeName: string;
      readonly codeKind: string;
      readonly width?: number;
      readonly codes: readonly { readonly code: string | number; readonly name: string; readonly description?: string; readonly message?: string }[];
      readonly uncoded?: readonly unknown[];
    }[];
  }[];
}

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const SITE = join(OUTPUT, "site");
const HOSTILE_GEN = join(OUTPUT, "hostile/generated");
const HOSTILE_SITE = join(OUTPUT, "hostile/site");
const catalog = JSON.parse(readFileSync(join(GENERATED, "catalog.json"), "utf8")) as CatalogJson;

/** A browser page with everything that went wrong on it recorded: requests refused, errors, dialogs. */
interface Visit {
  readonly page: Page;
  readonly refused: string[];
  readonly errors: string[];
}

describe("docs site", () => {
  let browser: Browser | undefined;
  let site: StaticServer | undefined;
  let hostile: StaticServer | undefined;
  const contexts: BrowserContext[] = [];
  const visits: Visit[] = [];

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    const siteMs = await buildSite(join(GENERATED, "docs"), SITE);
    const gen = runGen(["--catalogs", join(FIXTURES, "valid/hostile"), "--out", HOSTILE_GEN]);
    expect(gen.status, gen.stderr).toBe(0); // the fixture draws warnings, no errors
    const hostileMs = await buildSite(join(HOSTILE_GEN, "docs"), HOSTILE_SITE);
    console.log(`docs site built in ${(siteMs / 1000).toFixed(1)} s, hostile fixture site in ${(hostileMs / 1000).toFixed(1)} s`);
    site = await serveStatic(SITE);
    hostile = await serveStatic(HOSTILE_SITE);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await hostile?.close();
  });

  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
    for (const visit of visits.splice(0)) {
      expect(visit.refused, "requests that tried to leave 127.0.0.1").toEqual([]);
      expect(visit.errors, "page errors, console errors and dialogs").toEqual([]);
    }
  });

  /** Opens `path` on a server in a fresh context, waits until Vue has hydrated the page. */
  async function visit(server: StaticServer | undefined, path: string): Promise<Visit> {
    if (browser === undefined || server === undefined) throw new Error("beforeAll did not finish");
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    contexts.push(context);
    const refused: string[] = [];
    const errors: string[] = [];
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "127.0.0.1") return route.continue();
      refused.push(url.href);
      return route.abort("blockedbyclient");
    });
    const page = await context.newPage();
    page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console: ${message.text()}`);
    });
    page.on("dialog", (dialog) => {
      errors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const result = { page, refused, errors };
    visits.push(result);
    await page.goto(`${server.url}${path}`);
    // The pages are prerendered; they answer clicks once Vue has hydrated them.
    await page.waitForFunction("document.querySelector('#app')?.__vue_app__ !== undefined");
    return result;
  }

  /** The text of the table row that holds the element with this id, cell by cell (waits for the element). */
  function rowCells(page: Page, id: string): Promise<string[] | null> {
    return page.locator(`[id="${id}"]`).evaluate((anchor) => {
      const row = anchor.closest("tr");
      return row ? [...row.querySelectorAll("td")].map((cell) => cell.textContent ?? "") : null;
    });
  }

  it("indexes every code row as its own search section", async () => {
    // The built index is a module whose default export is MiniSearch's JSON.
    const chunks = join(SITE, "assets/chunks");
    const file = readdirSync(chunks).find((name) => name.startsWith("@localSearchIndexroot"));
    expect(file).toBeDefined();
    const module = (await import(pathToFileURL(join(chunks, file ?? "")).href)) as { default: string };
    const index = JSON.parse(module.default) as { documentIds: Record<string, string>; storedFields: Record<string, { title: string; titles: string[] }> };
    const byId = new Map(Object.entries(index.documentIds).map(([key, id]) => [id, index.storedFields[key]]));
    expect(byId.get("/phonepos#terminal-error-2310")).toEqual({ title: "2310 BATTERY_TOO_LOW", titles: ["PhonePOS", "Terminal Error Codes"] });
    expect(byId.get("/wlw#response-status-386")?.title).toBe("386 ENDPOINT_ERROR");
    // Every code of every set has its own section, and the headings keep theirs.
    for (const vendor of catalog.vendors) {
      for (const set of vendor.codeSets) {
        for (const code of set.codes) expect(byId.has(`/${vendor.id}#${anchorId(set.id, String(code.code))}`), `${vendor.id} ${code.code}`).toBe(true);
      }
    }
    expect(byId.get("/phonepos#terminal-error-codes")?.title).toBe("Terminal Error Codes");
  });

  it("summarises vendors, code sets and code counts on the home page, with a sidebar from the catalogs", async () => {
    const { page } = await visit(site, "/");
    const codeSets = catalog.vendors.flatMap((vendor) => vendor.codeSets.map((set) => ({ vendor, set, count: set.codes.length + (set.uncoded?.length ?? 0) })));
    const total = codeSets.reduce((sum, { count }) => sum + count, 0);
    await expect(page.locator(".vp-doc h1").textContent()).resolves.toContain("Status and error codes");
    await expect(page.locator(".vp-doc").textContent()).resolves.toContain(`${catalog.vendors.length} vendors, ${codeSets.length} code sets, ${total} codes.`);
    const rows = await page
      .locator(".vp-doc table")
      .first()
      .evaluate((table) => [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
    expect(rows).toEqual(
      codeSets.map(({ vendor, set, count }) => [
        vendor.name,
        set.title,
        set.typeName,
        set.codeKind === "digits" ? `digits (${set.width})` : set.codeKind,
        String(count),
      ]),
    );
    const sidebarLinks = await page.locator(".VPSidebar a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(sidebarLinks).toEqual(["/", ...catalog.vendors.flatMap((vendor) => [`/${vendor.id}`, ...vendor.codeSets.map((set) => `/${vendor.id}#${set.id}`)])]);
  });

  it("finds code 2310 with the local search and follows the result to BATTERY_TOO_LOW's row", async () => {
    const { page } = await visit(site, "/");
    await page.getByRole("button", { name: "Search" }).click();
    const input = page.locator("#localsearch-input");
    await input.fill("2310");
    const first = page.locator(".VPLocalSearchBox a.result").first();
    await expect.poll(() => first.getAttribute("href")).toBe("/phonepos#terminal-error-2310");
    await expect(first.textContent()).resolves.toContain("2310 BATTERY_TOO_LOW");
    const searchShot = join(OUTPUT, "search.png");
    await page.screenshot({ path: searchShot });
    console.log(`screenshot: ${searchShot}`);

    await first.click();
    await page.waitForURL(/\/phonepos#terminal-error-2310$/);
    expect(page.url()).toMatch(/\/phonepos#terminal-error-2310$/);
    const code = catalog.vendors
      .find((v) => v.id === "phonepos")
      ?.codeSets.find((s) => s.id === "terminal-error")
      ?.codes.find((c) => c.code === "2310");
    expect(code?.name).toBe("BATTERY_TOO_LOW");
    const cells = await rowCells(page, "terminal-error-2310");
    expect(cells?.slice(0, 3)).toEqual(["2310", "BATTERY_TOO_LOW", code?.description]);
    expect(code?.description).toContain("(<=15%)");
    // The row is scrolled into view, below the fixed navigation bar.
    const row = page.locator("tr", { has: page.locator("#terminal-error-2310") });
    await expect.poll(async () => (await row.boundingBox())?.y ?? -1).toBeGreaterThan(0);
    expect((await row.boundingBox())?.y).toBeLessThan(900);
    const rowShot = join(OUTPUT, "row.png");
    await page.screenshot({ path: rowShot });
    console.log(`screenshot: ${rowShot}`);
  });

  it("shows WLW's `<endpoint> Error` as text", async () => {
    const { page } = await visit(site, "/wlw#response-status-386");
    const cells = await rowCells(page, "response-status-386");
    expect(cells?.slice(0, 3)).toEqual(["386", "ENDPOINT_ERROR", "<endpoint> Error"]);
    await expect(page.locator("endpoint").count()).resolves.toBe(0);
  });

  it("shows the hostile fixture's text as text, with nothing injected", async () => {
    const { page } = await visit(hostile, "/hostile");
    await expect(page.title()).resolves.toBe("Hostile | <i>Vendor</i> {{v}} */ | codebook");
    const text = (await page.locator(".vp-doc").textContent()) ?? "";
    expect(text).toContain("Hostile | <i>Vendor</i> {{v}} */");
    expect(text).toContain("</script><script>alert(1)</script> {{x}} | pipe <b>bold</b>");
    expect(text).toContain("Visit {url} now */ `x` | {{y}}");
    // VitePress's emoji and container plugins must not touch catalog text either.
    expect(text).toContain(":x: and :white_check_mark: at 10:30:00");
    expect(text).toContain("::: danger");
    expect(text).toContain("::: tip");
    expect(await page.locator(".vp-doc .custom-block").count()).toBe(0);
    const weird = "A|B</script>{{x}}*/`";
    expect((await rowCells(page, anchorId("symbolic", weird)))?.slice(0, 2)).toEqual([weird, "WEIRD_SYMBOL"]);
    const sidebar = (await page.locator(".VPSidebar").textContent()) ?? "";
    expect(sidebar).toContain("Hostile | <i>Vendor</i> {{v}} */");
    expect(sidebar).toContain("Digits | </script>");
    await expect(page.locator(".vp-doc script, .vp-doc b, .vp-doc i, .vp-doc h1 h1, .VPSidebar i, .VPSidebar b").count()).resolves.toBe(0);
    const scripts = await page.locator("script").evaluateAll((elements) => elements.filter((e) => (e.textContent ?? "").includes("alert(1)")).length);
    expect(scripts).toBe(0);
    // The summary becomes the description meta tag, whole (only "</script" carries a word joiner).
    const summary = (JSON.parse(readFileSync(join(HOSTILE_GEN, "catalog.json"), "utf8")) as { vendors: { summary: string }[] }).vendors[0]?.summary ?? "";
    expect(summary).toContain('"dq"');
    await expect(page.locator('meta[name="description"]').getAttribute("content")).resolves.toBe(summary.replaceAll("</script", "<\u2060/script"));
    await expect(page.locator("head meta[name='description']").count()).resolves.toBe(1);

    await page.getByRole("button", { name: "Search" }).click();
    await page.locator("#localsearch-input").fill("WEIRD_SYMBOL");
    const first = page.locator(".VPLocalSearchBox a.result").first();
    await expect.poll(() => first.getAttribute("href")).toBe(`/hostile#${anchorId("symbolic", weird)}`);
    await expect(first.locator(".title.main").textContent()).resolves.toBe(`${weird} WEIRD_SYMBOL`);
    const shot = join(OUTPUT, "hostile.png");
    await page.screenshot({ path: shot });
    console.log(`screenshot: ${shot}`);
  });
});
