import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../support/paths.js";

const VITEPRESS = join(ROOT, "node_modules/vitepress/bin/vitepress.js");

/** Where the docs-site tests keep what they build and their screenshots (git-ignored). */
export const OUTPUT = join(ROOT, "test-output/docs-site");

/**
 * Builds the docs site from a gen output's docs directory, as `npm run docs:build` does, into `outDir`.
 * Resolves with the build's duration in milliseconds; rejects with VitePress's output if it fails.
 */
export function buildSite(docsDir: string, outDir: string): Promise<number> {
  rmSync(outDir, { recursive: true, force: true });
  const started = performance.now();
  const child = spawn(process.execPath, [VITEPRESS, "build", "docs"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", NO_COLOR: "1", CODEBOOK_DOCS_DIR: docsDir, CODEBOOK_SITE_OUT_DIR: outDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (status) => {
      if (status === 0) resolve(performance.now() - started);
      else reject(new Error(`vitepress build of ${docsDir} exited with ${status}:\n${output}`));
    });
  });
}
