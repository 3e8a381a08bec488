import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The package's VitePress setup (docs/.vitepress/): the sidebar, search and theme of the docs site. */
export const SITE_ROOT = fileURLToPath(new URL("../../docs", import.meta.url));

/** Marks a directory as a site gen docs built, which the next build may empty and fill again. */
export const SITE_MARKER = ".codebook-site";

/** Why a site cannot be built from a gen output into a directory, or undefined when it can. */
export type SiteProblem =
  | { readonly kind: "no-pages"; readonly missing: string }
  | { readonly kind: "not-a-site"; readonly dest: string }
  | { readonly kind: "no-vitepress" };

/** A gen output must hold docs/ and the catalog.json beside it, from which the sidebar is built. */
export function missingPages(dir: string, needed: readonly string[] = ["docs/index.md", "catalog.json"]): SiteProblem | undefined {
  const missing = needed.find((path) => !existsSync(join(dir, path)));
  return missing === undefined ? undefined : { kind: "no-pages", missing };
}

/**
 * VitePress empties the directory it builds into. That is only safe for a directory it built before
 * (marked) or an empty one: anything else may be a user's and is left alone.
 */
export function unsafeDestination(dest: string): SiteProblem | undefined {
  if (!existsSync(dest)) return undefined;
  const entries = readdirSync(dest);
  return entries.length === 0 || entries.includes(SITE_MARKER) ? undefined : { kind: "not-a-site", dest };
}

/** The VitePress API, from the project that uses codebook (it is an optional peer dependency). */
export async function loadVitePress(): Promise<typeof import("vitepress") | undefined> {
  try {
    return await import("vitepress");
  } catch (error) {
    // Only VitePress itself missing means "install it"; a package it needs that is missing is its own error.
    const { code, message } = error as { code?: string; message?: string };
    if (code === "ERR_MODULE_NOT_FOUND" && (message ?? "").includes("'vitepress'")) return undefined;
    throw error;
  }
}

/**
 * Builds the docs site of a gen output's docs/ into `dest`, with the package's sidebar, search and theme
 * (docs/.vitepress/config.ts reads these variables), then marks `dest` as gen's.
 */
export async function buildSite(vitepress: typeof import("vitepress"), outDir: string, dest: string): Promise<void> {
  process.env["CODEBOOK_DOCS_DIR"] = join(outDir, "docs");
  process.env["CODEBOOK_SITE_OUT_DIR"] = dest;
  await vitepress.build(SITE_ROOT);
  writeFileSync(join(dest, SITE_MARKER), "Built by gen docs build: the next build empties this directory and fills it again.\n");
}

/** A development server of the docs site on 127.0.0.1, which reloads pages as gen rewrites them. */
export async function startDevServer(vitepress: typeof import("vitepress"), outDir: string, port: number): Promise<{ readonly urls: readonly string[] }> {
  process.env["CODEBOOK_DOCS_DIR"] = join(outDir, "docs");
  const server = await vitepress.createServer(SITE_ROOT, { host: "127.0.0.1", port });
  await server.listen();
  return { urls: server.resolvedUrls?.local ?? [] };
}
