import path from "node:path";
import type { UserConfig } from "vitepress";

/** A Vite plugin, typed from the Vite that VitePress brings (the repository also has vitest's newer Vite). */
type VitePlugin = Extract<NonNullable<NonNullable<UserConfig["vite"]>["plugins"]>[number], { name: string }>;

/**
 * VitePress compiles each page into a module that imports "vue" and "vue/server-renderer". Vite resolves
 * those from the page's own directory upwards, so a srcDir outside the repository (CODEBOOK_DOCS_DIR=/tmp/x)
 * finds no node_modules and the build fails with `Rollup failed to resolve import "vue/server-renderer"`
 * (vuejs/vitepress#4612). Vite's `resolve.dedupe` would resolve from Vite's root, which VitePress sets to
 * srcDir, so it does not help. This plugin resolves Vue's and VitePress's own packages, when a file outside
 * the repository imports them, as if the repository's docs config had imported them: one copy, the project's.
 */
export function resolveFromRepository(repositoryRoot: string): VitePlugin {
  const anchor = path.join(repositoryRoot, "docs/.vitepress/config.ts");
  const inside = repositoryRoot + path.sep;
  return {
    name: "codebook:resolve-from-repository",
    enforce: "pre",
    resolveId(source, importer, options) {
      if (importer === undefined || importer.startsWith(inside) || !PROJECT_PACKAGES.test(source)) return null;
      return this.resolve(source, anchor, { ...options, skipSelf: true });
    },
  };
}

/** Bare imports that compiled pages make: vue and its parts, vitepress. */
const PROJECT_PACKAGES = /^(?:vue|@vue\/[^/]+|vitepress)(?:\/.*)?$/;
