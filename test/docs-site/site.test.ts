import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type StaticServer, serveStatic } from "../../src/docs-site/serve-static.js";
import { anchorId } from "../../src/render/escape/markdown.js";
import { FIXTURES, GENERATED } from "../support/paths.js";
import { runGen, tempDir } from "../support/run-gen.js";
import { launchBrowser, PHONE, seriousViolations, sidewaysOverflow, startPythonServer, Visitor, WIDE } from "./browser.js";
import { buildSite, OUTPUT } from "./build-site.js";

/**
 * The docs site end to end: VitePress builds it from gen's Markdown (the bundled catalogs, and the hostile
 * fixture generated into a directory outside the repository), a plain static server serves it on 127.0.0.1
 * (it maps nothing, so every link must name its file), and Debian's chromium reads it at a desktop's and a
 * phone's width, in light and dark mode. Screenshots land in test-output/docs-site/.
 */

interface CatalogCode {
  readonly code: string | number;
  readonly name: string;
  readonly message?: string;
  readonly description?: string;
  readonly action?: string;
  readonly scope?: string;
  readonly category?: string;
  readonly resolution: { readonly outcome: string };
}

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
      readonly codes: readonly CatalogCode[];
      readonly uncoded?: readonly unknown[];
    }[];
  }[];
}

const SITE = join(OUTPUT, "site");
const HOSTILE_SITE = join(OUTPUT, "hostile/site");
const catalog = JSON.parse(readFileSync(join(GENERATED, "catalog.json"), "utf8")) as CatalogJson;
const PAGES = ["/index.html", "/outcomes.html", ...catalog.vendors.map((vendor) => `/${vendor.id}.html`)];

function codeSet(vendor: string, set: string) {
  const found = catalog.vendors.find((v) => v.id === vendor)?.codeSets.find((s) => s.id === set);
  if (found === undefined) throw new Error(`no code set ${vendor}/${set} in generated/catalog.json`);
  return found;
}

function shotPath(name: string): string {
  const path = join(OUTPUT, `${name}.png`);
  console.log(`screenshot: ${path}`);
  return path;
}

/** The ids of the entries of a set that show (are rendered with a box). */
function visibleEntries(page: Page, set: string): Promise<string[]> {
  return page
    .locator(`.cb-entry[data-set="${set}"]`)
    .evaluateAll((entries) => entries.filter((entry) => (entry as HTMLElement).offsetParent !== null).map((entry) => entry.id));
}

describe("docs site", () => {
  let browser: Browser | undefined;
  let site: StaticServer | undefined;
  let hostile: StaticServer | undefined;
  let hostileGen = "";
  const visitor = new Visitor(() => browser);
  const visit: Visitor["visit"] = (...args) => visitor.visit(...args);

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    const siteMs = await buildSite(join(GENERATED, "docs"), SITE);
    // Generated outside the repository: the site builds from an output directory anywhere.
    hostileGen = join(tempDir("codebook-hostile-site-"), "generated");
    const gen = runGen(["--catalogs", join(FIXTURES, "valid/hostile"), "--out", hostileGen]);
    expect(gen.status, gen.stderr).toBe(0); // the fixture draws warnings, no errors
    const hostileMs = await buildSite(join(hostileGen, "docs"), HOSTILE_SITE);
    console.log(`docs site built in ${(siteMs / 1000).toFixed(1)} s, hostile fixture site (from ${hostileGen}) in ${(hostileMs / 1000).toFixed(1)} s`);
    site = await serveStatic(SITE, 0, { plain: true });
    hostile = await serveStatic(HOSTILE_SITE, 0, { plain: true });
    browser = await launchBrowser();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await hostile?.close();
  });

  afterEach(async () => {
    for (const context of visitor.contexts.splice(0)) await context.close();
    for (const done of visitor.visits.splice(0)) {
      expect(done.refused, "requests that tried to leave 127.0.0.1").toEqual([]);
      expect(done.errors, "page errors, console errors and dialogs").toEqual([]);
    }
  });

  it("indexes every code's entry as its own search section, under .html links", async () => {
    // The built index is a module whose default export is MiniSearch's JSON.
    const chunks = join(SITE, "assets/chunks");
    const file = readdirSync(chunks).find((name) => name.startsWith("@localSearchIndexroot"));
    expect(file).toBeDefined();
    const module = (await import(pathToFileURL(join(chunks, file ?? "")).href)) as { default: string };
    const index = JSON.parse(module.default) as { documentIds: Record<string, string>; storedFields: Record<string, { title: string; titles: string[] }> };
    const byId = new Map(Object.entries(index.documentIds).map(([key, id]) => [id, index.storedFields[key]]));
    expect(byId.get("/phonepos.html#terminal-error-2310")).toEqual({ title: "2310 BATTERY_TOO_LOW", titles: ["PhonePOS", "Terminal Error Codes", "Codes"] });
    expect(byId.get("/wlw.html#response-status-386")?.title).toBe("386 ENDPOINT_ERROR");
    for (const vendor of catalog.vendors) {
      for (const set of vendor.codeSets) {
        for (const code of set.codes) expect(byId.has(`/${vendor.id}.html#${anchorId(set.id, String(code.code))}`), `${vendor.id} ${code.code}`).toBe(true);
      }
    }
    expect(byId.get("/phonepos.html#terminal-error-codes")?.title).toBe("Terminal Error Codes");
  });

  it("summarises vendors, code sets and code counts on the home page, with .html links and a sidebar of them", async () => {
    const { page } = await visit(site, "/");
    const codeSets = catalog.vendors.flatMap((vendor) => vendor.codeSets.map((set) => ({ vendor, set, count: set.codes.length + (set.uncoded?.length ?? 0) })));
    const total = codeSets.reduce((sum, { count }) => sum + count, 0);
    await expect(page.locator(".vp-doc h1").textContent()).resolves.toContain("Status and error codes");
    await expect(page.locator(".vp-doc").textContent()).resolves.toContain(`${catalog.vendors.length} vendors, ${codeSets.length} code sets, ${total} codes.`);
    // A heading per vendor, a line per code set with its type, count and kind of codes.
    const vendors = await page.locator(".vp-doc h2").allTextContents();
    expect(vendors.map((text) => text.replace(/\u200b/g, "").trim())).toEqual(catalog.vendors.map((vendor) => vendor.name));
    const lines = await page.locator(".vp-doc li").allTextContents();
    const kinds: Record<string, string> = { integer: "integers", symbolic: "symbolic strings" };
    expect(lines).toEqual(
      codeSets.map(
        ({ set, count }) => `${set.title}: ${set.typeName}, ${count} codes, ${set.codeKind === "digits" ? `${set.width}-digit strings` : kinds[set.codeKind]}`,
      ),
    );
    const links = await page.locator(".vp-doc li a").evaluateAll((all) => all.map((a) => a.getAttribute("href")));
    expect(links).toEqual(codeSets.map(({ vendor, set }) => `./${vendor.id}.html#${set.id}`));
    const sidebarLinks = await page.locator(".VPSidebar a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(sidebarLinks).toEqual([
      "/",
      "/outcomes.html",
      ...catalog.vendors.flatMap((vendor) => [`/${vendor.id}.html`, ...vendor.codeSets.map((set) => `/${vendor.id}.html#${set.id}`)]),
    ]);
  });

  it("has no page that scrolls sideways, and shows every entry's code, name and message, at 1400 and 390 px, light and dark", async () => {
    for (const viewport of [WIDE, PHONE]) {
      for (const colorScheme of ["light", "dark"] as const) {
        for (const path of PAGES) {
          const { page } = await visit(site, path, { viewport, colorScheme });
          await expect(page.locator("html").getAttribute("class")).resolves.toSatisfy(
            (c: string | null) => (c ?? "").includes("dark") === (colorScheme === "dark"),
          );
          const overflow = await sidewaysOverflow(page);
          expect(overflow.scrollWidth, `${path} at ${viewport.width} px (${colorScheme}) scrolls sideways`).toBeLessThanOrEqual(overflow.viewport);
          expect(overflow.clipped, `${path} at ${viewport.width} px: entries not fully in view`).toEqual([]);
          await page.screenshot({ path: shotPath(`page-${path.slice(1, -5)}-${viewport.width}-${colorScheme}`) });
          // And where the entries start, past the page's introduction.
          const firstEntry = page.locator(".cb-entry[data-set]").first();
          if ((await firstEntry.count()) > 0) {
            await firstEntry.evaluate((entry) => entry.scrollIntoView({ block: "start" }));
            await page.screenshot({ path: shotPath(`page-${path.slice(1, -5)}-${viewport.width}-${colorScheme}-entries`) });
          }
        }
      }
    }
  });

  it("highlights the entry a link points to and labels each of its values", async () => {
    for (const viewport of [WIDE, PHONE]) {
      const { page } = await visit(site, "/phonepos.html#terminal-error-2310", { viewport });
      const entry = page.locator("#terminal-error-2310");
      await expect(entry.evaluate((element) => element.matches(":target") && element.classList.contains("cb-target"))).resolves.toBe(true);
      const style = (selector: string) =>
        page.locator(selector).evaluate((element) => {
          const css = getComputedStyle(element);
          return {
            border: css.borderTopColor,
            shadow: css.boxShadow,
            background: css.backgroundColor,
            label: getComputedStyle(element.querySelector("h4") ?? element, "::after").content,
          };
        });
      const target = await style("#terminal-error-2310");
      const other = await style("#terminal-error-2311");
      expect(target.border).not.toBe(other.border);
      expect(target.shadow).not.toBe("none");
      expect(target.background).not.toBe(other.background);
      expect(target.label).toBe('"linked"');
      expect(other.label).toBe("none");
      // The entry's code and name, then each value with its label, all in view below the navigation bar.
      const code = codeSet("phonepos", "terminal-error").codes.find((c) => c.code === "2310");
      const fields = await entry
        .locator(".cb-field")
        .evaluateAll((rows) => rows.map((row) => [row.querySelector("dt")?.textContent, row.querySelector("dd")?.textContent]));
      expect(fields).toEqual([
        ["Description", code?.description],
        ["Action", code?.action],
        ["Outcome", "user-action-required; retry manual"],
        ["Scope", "General 🌎"],
      ]);
      await expect.poll(async () => (await entry.boundingBox())?.y ?? -1).toBeGreaterThan(0);
      const heading = await entry.locator("h4").boundingBox();
      const covering = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest(".cb-entry")?.id ?? "", {
        x: (heading?.x ?? 0) + 20,
        y: (heading?.y ?? 0) + (heading?.height ?? 0) / 2,
      });
      expect(covering, "the entry's heading is not under the navigation bar").toBe("terminal-error-2310");
      const last = await entry.locator(".cb-field").last().boundingBox();
      expect((last?.y ?? Infinity) + (last?.height ?? 0)).toBeLessThanOrEqual(viewport.height);
      await page.screenshot({ path: shotPath(`anchor-${viewport.width}`) });
    }
  });

  it("moves the highlight when a link on the page points to another entry", async () => {
    const { page } = await visit(site, "/phonepos.html#terminal-error-2310");
    await page.evaluate(() => {
      const link = document.querySelector<HTMLAnchorElement>("#terminal-error-2311 a.header-anchor");
      link?.click();
    });
    await page.waitForURL(/#terminal-error-2311$/);
    await expect.poll(() => page.locator(".cb-entry.cb-target").evaluateAll((entries) => entries.map((entry) => entry.id))).toEqual(["terminal-error-2311"]);
  });

  it("filters a set's entries by scope, by category and by text, in the page", async () => {
    const { page } = await visit(site, "/phonepos.html");
    const terminal = codeSet("phonepos", "terminal-error");
    const form = page.locator('form.cb-filter[data-set="terminal-error"]');
    await expect(form.isVisible()).resolves.toBe(true);
    const all = terminal.codes.map((c) => anchorId("terminal-error", String(c.code)));
    await expect(visibleEntries(page, "terminal-error")).resolves.toEqual(all);
    await expect(form.locator("output").textContent()).resolves.toBe(`${all.length} entries`);

    await form.locator('select[name="scope"]').selectOption("general");
    const general = terminal.codes.filter((c) => c.scope === "general").map((c) => anchorId("terminal-error", String(c.code)));
    expect(general.length).toBeGreaterThan(0);
    expect(general.length).toBeLessThan(all.length);
    await expect.poll(() => visibleEntries(page, "terminal-error")).toEqual(general);
    await expect(form.locator("output").textContent()).resolves.toBe(`${general.length} of ${all.length} entries`);
    // Another set's list on the page is not affected.
    await expect(visibleEntries(page, "primary-status")).resolves.toHaveLength(codeSet("phonepos", "primary-status").codes.length);
    await page.screenshot({ path: shotPath("filter-scope") });

    await form.locator('select[name="scope"]').selectOption("");

    // By outcome: what a caller makes of the codes.
    await form.locator('select[name="outcome"]').selectOption("user-action-required");
    const userAction = terminal.codes.filter((c) => c.resolution.outcome === "user-action-required").map((c) => anchorId("terminal-error", String(c.code)));
    expect(userAction.length).toBeGreaterThan(0);
    expect(userAction.length).toBeLessThan(all.length);
    await expect.poll(() => visibleEntries(page, "terminal-error")).toEqual(userAction);
    await form.locator('select[name="outcome"]').selectOption("");

    await form.locator('input[name="text"]').fill("Battery");
    const battery = terminal.codes
      .filter((c) => [c.code, c.name, c.message, c.description, c.action].join(" ").toLowerCase().includes("battery"))
      .map((c) => anchorId("terminal-error", String(c.code)));
    expect(battery).toEqual(["terminal-error-2310"]);
    await expect.poll(() => visibleEntries(page, "terminal-error")).toEqual(battery);
    await form.locator('input[name="text"]').fill("");
    await expect.poll(() => visibleEntries(page, "terminal-error")).toEqual(all);

    // secupay's categories: a category leaves only its entries, and only its heading.
    const secupay = (await visit(site, "/secupay.html")).page;
    const error = codeSet("secupay", "error");
    const secupayForm = secupay.locator('form.cb-filter[data-set="error"]');
    await secupayForm.locator('select[name="category"]').selectOption("authentication");
    const authentication = error.codes.filter((c) => c.category === "authentication").map((c) => anchorId("error", String(c.code)));
    await expect.poll(() => visibleEntries(secupay, "error")).toEqual(authentication);
    const groups = await secupay.locator('.cb-group[data-set="error"]').evaluateAll((all) => all.map((group) => (group as HTMLElement).offsetParent !== null));
    expect(groups.filter(Boolean)).toHaveLength(1);
    // The text filter reads the German translations too, with the category still chosen.
    await secupayForm.locator('input[name="text"]').fill("Passwort abgelaufen");
    await expect.poll(() => visibleEntries(secupay, "error")).toEqual(["error-2016"]);
    await secupay.screenshot({ path: shotPath("filter-category-text") });
  });

  it("shows every entry, and no filter, to a reader without JavaScript", async () => {
    const { page } = await visit(site, "/phonepos.html", { javaScript: false });
    const terminal = codeSet("phonepos", "terminal-error");
    await expect(visibleEntries(page, "terminal-error")).resolves.toHaveLength(terminal.codes.length);
    await expect(page.locator("form.cb-filter").first().isVisible()).resolves.toBe(false);
    // A link to an entry still highlights it: CSS :target needs no script.
    await page.goto(`${site?.url}/phonepos.html#terminal-error-2310`);
    await expect(page.locator("#terminal-error-2310").evaluate((element) => getComputedStyle(element).boxShadow)).resolves.not.toBe("none");
  });

  it("finds codes by number, message and word, showing code, name and the start of the message in each result", async () => {
    const { page } = await visit(site, "/");
    // Every code's entry by its link, to read what a result points to.
    const entries = new Map<string, CatalogCode>(
      catalog.vendors.flatMap((vendor) =>
        vendor.codeSets.flatMap((set) => set.codes.map((code) => [`/${vendor.id}.html#${anchorId(set.id, String(code.code))}`, code] as const)),
      ),
    );
    const queries = [
      { query: "2310", href: /^\/phonepos\.html#terminal-error-2310$/ },
      { query: "Locked Account", href: /^\/secupay\.html#error-20(05|06|17)$/ },
      // Several vendors have insufficient funds or credit: any of their codes may come first.
      { query: "insufficient", href: /^\/(coupon-credit|wlw)\.html#/ },
    ];
    await page.getByRole("button", { name: "Search" }).click();
    const input = page.locator("#localsearch-input");
    for (const { query, href } of queries) {
      await input.fill(query);
      const first = page.locator(".VPLocalSearchBox a.result").first();
      await expect.poll(() => first.getAttribute("href")).toMatch(href);
      const entry = entries.get((await first.getAttribute("href")) ?? "");
      expect(entry, `${query}: the first result is a code`).toBeDefined();
      const text = [entry?.message, entry?.description].find((t) => t !== undefined) ?? "";
      expect(`${entry?.code} ${entry?.name} ${text}`.toLowerCase()).toContain(query.toLowerCase());
      // A symbolic code that is its own name shows once.
      await expect(first.locator(".title.main").textContent()).resolves.toBe(
        String(entry?.code) === entry?.name ? entry?.name : `${entry?.code} ${entry?.name}`,
      );
      const excerpt = first.locator(".excerpt");
      await expect.poll(() => excerpt.textContent()).toContain(text.slice(0, 30));
      await expect(excerpt.isVisible()).resolves.toBe(true);
      await page.screenshot({ path: shotPath(`search-${query.replace(/\W+/g, "-").toLowerCase()}`) });
    }
    // The first result leads to the entry, highlighted.
    await input.fill("2310");
    const first = page.locator(".VPLocalSearchBox a.result").first();
    await expect.poll(() => first.getAttribute("href")).toBe("/phonepos.html#terminal-error-2310");
    await first.click();
    await page.waitForURL(/\/phonepos\.html#terminal-error-2310$/);
    await expect.poll(() => page.locator(".cb-entry.cb-target").evaluateAll((entries) => entries.map((entry) => entry.id))).toEqual(["terminal-error-2310"]);
  });

  it("reloads a deep link on a static server that maps nothing, and every link of every page names a file it serves", async () => {
    const { page, status } = await visit(site, "/phonepos.html#terminal-error-2310");
    expect(status).toBe(200);
    const reloaded = await page.reload();
    expect(reloaded?.status()).toBe(200);
    await expect(page.locator("#terminal-error-2310").evaluate((element) => element.matches(":target"))).resolves.toBe(true);
    const links = new Set<string>();
    for (const path of PAGES) {
      await page.goto(`${site?.url}${path}`);
      for (const href of await page.locator("a[href^='/'], a[href^='./'], a[href^='#']").evaluateAll((all) => all.map((a) => (a as HTMLAnchorElement).href))) {
        links.add(href.split("#")[0] ?? href);
      }
    }
    for (const link of links) {
      const response = await page.request.get(link);
      expect(response.status(), link).toBe(200);
    }
    // python3's own server, where the machine has python3 (CI's Debian may not).
    const python = await startPythonServer(SITE);
    if (python === undefined) {
      console.log("python3 -m http.server is not available here: the plain static server above stands in for it");
      return;
    }
    try {
      const onPython = await visit(python, "/phonepos.html#terminal-error-2310");
      expect(onPython.status).toBe(200);
      expect((await onPython.page.reload())?.status()).toBe(200);
      await expect(onPython.page.locator("#terminal-error-2310").evaluate((element) => element.matches(":target"))).resolves.toBe(true);
    } finally {
      // The page first: it prefetches other pages' modules, which would fail once the server is gone.
      await Promise.all(visitor.contexts.splice(0).map((context) => context.close()));
      await python.close();
    }
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`has no serious or critical axe-core violation on any page (${colorScheme} mode)`, async () => {
      const found: string[] = [];
      for (const path of PAGES) {
        const { page } = await visit(site, path, { colorScheme });
        found.push(...(await seriousViolations(page)).map((line) => `${path}: ${line}`));
      }
      expect(found).toEqual([]);
    });
  }

  it("shows WLW's `<endpoint> Error` as text", async () => {
    const { page } = await visit(site, "/wlw.html#response-status-386");
    await expect(page.locator('#response-status-386 [data-field="message"] dd').textContent()).resolves.toBe("<endpoint> Error");
    await expect(page.locator("endpoint").count()).resolves.toBe(0);
  });

  it("sets German texts and placeholders apart", async () => {
    const { page } = await visit(site, "/secupay.html#error-2016");
    const german = page.locator('#error-2016 dd[lang="de"]');
    await expect(german.count()).resolves.toBeGreaterThan(0);
    await expect(german.first().textContent()).resolves.toContain("Passwort");
    await expect(page.locator("#error-2016 dt").allTextContents()).resolves.toContain("Description (de)");
    await expect(page.locator("#error-2016 code.cb-placeholder").allTextContents()).resolves.toContain("{recovery_url}");
  });

  it("shows the hostile fixture's text as text, with nothing injected", async () => {
    const { page } = await visit(hostile, "/hostile.html");
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
    const weirdEntry = page.locator(`[id="${anchorId("symbolic", weird)}"]`);
    await expect(weirdEntry.locator(".cb-code").textContent()).resolves.toBe(weird);
    await expect(weirdEntry.locator(".cb-name").textContent()).resolves.toBe("WEIRD_SYMBOL");
    const sidebar = (await page.locator(".VPSidebar").textContent()) ?? "";
    expect(sidebar).toContain("Hostile | <i>Vendor</i> {{v}} */");
    expect(sidebar).toContain("Digits | </script>");
    await expect(page.locator(".vp-doc script, .vp-doc b, .vp-doc i, .vp-doc h1 h1, .VPSidebar i, .VPSidebar b").count()).resolves.toBe(0);
    const scripts = await page.locator("script").evaluateAll((elements) => elements.filter((e) => (e.textContent ?? "").includes("alert(1)")).length);
    expect(scripts).toBe(0);
    // The summary becomes the description meta tag, whole (only "</script" carries a word joiner).
    const summary = (JSON.parse(readFileSync(join(hostileGen, "catalog.json"), "utf8")) as { vendors: { summary: string }[] }).vendors[0]?.summary ?? "";
    expect(summary).toContain('"dq"');
    await expect(page.locator('meta[name="description"]').getAttribute("content")).resolves.toBe(summary.replaceAll("</script", "<\u2060/script"));
    await expect(page.locator("head meta[name='description']").count()).resolves.toBe(1);
    // Its filters are built from its texts too, and stay text.
    await expect(page.locator("form.cb-filter option *, form.cb-filter script").count()).resolves.toBe(0);

    await page.getByRole("button", { name: "Search" }).click();
    await page.locator("#localsearch-input").fill("WEIRD_SYMBOL");
    const first = page.locator(".VPLocalSearchBox a.result").first();
    await expect.poll(() => first.getAttribute("href")).toBe(`/hostile.html#${anchorId("symbolic", weird)}`);
    await expect(first.locator(".title.main").textContent()).resolves.toBe(`${weird} WEIRD_SYMBOL`);
    await page.screenshot({ path: shotPath("hostile") });
  });
});
