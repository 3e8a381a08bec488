import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { SCHEMA_URL } from "../catalog/schema.js";
import { CONFIG_SCHEMA_URL } from "../config/config-file.js";
import { type SchemaPaths, scaffoldFiles } from "../init/scaffold.js";
import { type CliIo, EXIT_FAILURE, EXIT_OK } from "./io.js";

/** `gen init`: a config, an example catalog and a CI workflow; refuses (writing nothing) if any of them exists. */
export async function runInit(io: CliIo): Promise<number> {
  const files = scaffoldFiles(schemaPaths(io.cwd));
  const existing = files.filter((file) => existsSync(join(io.cwd, file.path))).map((file) => file.path);
  if (existing.length > 0) {
    io.stderr(
      `gen init: ${existing.join(", ")} ${existing.length === 1 ? "exists" : "exist"} already; nothing was written (move ${existing.length === 1 ? "it" : "them"} away to start afresh)\n`,
    );
    return EXIT_FAILURE;
  }
  for (const file of files) {
    mkdirSync(dirname(join(io.cwd, file.path)), { recursive: true });
    // "wx": a file that appeared since the check above is still never overwritten.
    writeFileSync(join(io.cwd, file.path), file.content, { flag: "wx" });
  }
  io.stdout(
    [
      ...files.map((file) => `  created  ${file.path}`),
      "",
      "Next:",
      "  npx gen validate          # check the catalogs",
      "  npx gen                   # generate into generated/",
      "  npx gen explain 2310      # what the catalogs say about a code",
      "",
      'Scripts you may add to package.json: "codegen": "gen", "codegen:check": "gen --check", "codegen:watch": "gen watch",',
      '  "docs:build": "gen docs build", "docs:dev": "gen docs dev", "docs:preview": "gen docs preview".',
      "The generated Markdown is in generated/docs/; gen docs builds it into a site (docs-site/) with VitePress:",
      "  npm install --save-dev vitepress@^1.6",
      "",
    ].join("\n"),
  );
  return EXIT_OK;
}

/**
 * The schemas as the new files should point at them: inside node_modules/codebook when the package is
 * installed there (the path stays right when the package is updated, and with any package manager),
 * else wherever this copy of codebook is.
 */
function schemaPaths(cwd: string): SchemaPaths {
  const installed = findInstalled(cwd);
  const catalogSchema = installed ? join(installed, "catalogs", "catalog.schema.json") : fileURLToPath(SCHEMA_URL);
  const configSchema = installed ? join(installed, "codebook.config.schema.json") : fileURLToPath(CONFIG_SCHEMA_URL);
  return { catalog: relativePath(join(cwd, "catalogs"), catalogSchema), config: relativePath(cwd, configSchema) };
}

function findInstalled(cwd: string): string | undefined {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", "codebook");
    if (existsSync(join(candidate, "catalogs", "catalog.schema.json"))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function relativePath(from: string, to: string): string {
  const path = relative(from, to).split(sep).join("/");
  return path.startsWith(".") ? path : `./${path}`;
}
