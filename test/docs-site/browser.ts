import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import type { StaticServer } from "../../src/docs-site/serve-static.js";

/** Debian's chromium, driven by playwright-core; every request that is not for 127.0.0.1 is refused. */
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

/** The two widths the site must read at: a desktop window and a phone. */
export const WIDE = { width: 1400, height: 1000 } as const;
export const PHONE = { width: 390, height: 844 } as const;

export interface VisitOptions {
  readonly viewport?: { readonly width: number; readonly height: number };
  readonly colorScheme?: "light" | "dark";
  /** false: the page as a reader without JavaScript gets it (nothing hydrates). */
  readonly javaScript?: boolean;
}

/** A browser page with everything that went wrong on it recorded: requests refused, errors, dialogs. */
export interface Visit {
  readonly page: Page;
  readonly refused: string[];
  readonly errors: string[];
  /** The HTTP status of the document the visit loaded. */
  readonly status: number;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Opens pages in fresh contexts and remembers them, so a test's afterEach can close them and check them. */
export class Visitor {
  readonly contexts: BrowserContext[] = [];
  readonly visits: Visit[] = [];

  constructor(private readonly browser: () => Browser | undefined) {}

  /** Opens `path` on a server in a fresh context; with JavaScript on, waits until Vue has hydrated the page. */
  async visit(server: StaticServer | undefined, path: string, options: VisitOptions = {}): Promise<Visit> {
    const browser = this.browser();
    if (browser === undefined || server === undefined) throw new Error("beforeAll did not finish");
    const context = await browser.newContext({
      viewport: options.viewport ?? WIDE,
      colorScheme: options.colorScheme ?? "light",
      javaScriptEnabled: options.javaScript ?? true,
    });
    this.contexts.push(context);
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
      if (message.type() === "error") errors.push(`console: ${message.text()} (${message.location().url})`);
    });
    page.on("dialog", (dialog) => {
      errors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const response = await page.goto(`${server.url}${path}`);
    const visit = { page, refused, errors, status: response?.status() ?? 0 };
    this.visits.push(visit);
    // The pages are prerendered; they answer clicks (and show their filters) once Vue has hydrated them.
    if (options.javaScript !== false) await waitForHydration(page);
    return visit;
  }
}

export function waitForHydration(page: Page): Promise<unknown> {
  return page.waitForFunction("document.querySelector('#app')?.__vue_app__ !== undefined && document.fonts.status === 'loaded'");
}

/** How far the page scrolls sideways, and every entry whose code, name or message lies outside the viewport. */
export function sidewaysOverflow(page: Page): Promise<{ scrollWidth: number; viewport: number; clipped: string[] }> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const clipped: string[] = [];
    for (const entry of document.querySelectorAll<HTMLElement>(".cb-entry")) {
      const parts = [entry.querySelector(".cb-code"), entry.querySelector(".cb-name"), entry.querySelector('[data-field="message"] dd')];
      for (const part of parts) {
        if (part === null) continue;
        const box = part.getBoundingClientRect();
        if (box.left < 0 || box.right > viewport + 0.5 || box.width === 0) clipped.push(`${entry.id}: ${part.textContent?.slice(0, 40)}`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth, clipped };
  });
}

interface AxeViolation {
  readonly id: string;
  readonly impact?: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly unknown[] }[];
}

const AXE = createRequire(import.meta.url).resolve("axe-core");

/** axe-core's serious and critical violations on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] }).then((results) => results.violations)")) as AxeViolation[];
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes
          .slice(0, 3)
          .map((node) => JSON.stringify(node.target))
          .join(", ")})`,
    );
}

/** python3's own static server (`python3 -m http.server`), when the machine has python3; it maps nothing. */
export async function startPythonServer(root: string): Promise<(StaticServer & { readonly pid: number }) | undefined> {
  const child = spawn("python3", ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", root], { stdio: ["ignore", "pipe", "pipe"] });
  const port = await new Promise<number | undefined>((resolve) => {
    let output = "";
    const timer = setTimeout(() => resolve(undefined), 10_000);
    child.once("error", () => resolve(undefined));
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /port (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
  if (port === undefined || child.pid === undefined) {
    child.kill();
    return undefined;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid,
    close: () =>
      new Promise((resolve) => {
        child.once("close", () => resolve());
        child.kill();
      }),
  };
}
