import { resolve } from "node:path";
import { displayPath } from "../catalog/read-catalogs.js";
import { serveStatic } from "../docs-site/serve-static.js";
import { buildSite, loadVitePress, missingPages, SITE_MARKER, type SiteProblem, startDevServer, unsafeDestination } from "../docs-site/site.js";
import { type CliIo, EXIT_FAILURE, EXIT_OK } from "./io.js";

export interface DocsOptions {
  readonly action: "build" | "dev" | "preview";
  /** The gen output whose docs/ the site is built from. */
  readonly out: string;
  /** Where the built site goes (build), or is served from (preview). */
  readonly dest: string;
  readonly port?: number | undefined;
  /** preview: serve only what is there, as the plainest static hosts do. */
  readonly plain: boolean;
}

/** `gen docs build|dev|preview`: the docs site of a gen output, built with the package's VitePress setup. */
export async function runDocs(options: DocsOptions, io: CliIo): Promise<number> {
  const outDir = resolve(io.cwd, options.out);
  const dest = resolve(io.cwd, options.dest);
  if (options.action === "preview") return preview(dest, options, io);
  const problem = missingPages(outDir) ?? (options.action === "build" ? unsafeDestination(dest) : undefined);
  if (problem) return refuse(problem, outDir, io);
  const vitepress = await loadVitePress();
  if (!vitepress) return refuse({ kind: "no-vitepress" }, outDir, io);
  if (options.action === "dev") {
    const { urls } = await startDevServer(vitepress, outDir, options.port ?? 5173);
    io.stdout(`gen docs dev: ${urls.join(", ")} (127.0.0.1 only; pages reload as gen rewrites ${shown(outDir, io)}/docs). Ctrl-C stops.\n`);
    // The server runs until a signal ends the process.
    return new Promise<number>(() => {});
  }
  await buildSite(vitepress, outDir, dest);
  io.stdout(`gen docs build: ${shown(outDir, io)}/docs -> ${shown(dest, io)}\n`);
  return EXIT_OK;
}

async function preview(dest: string, options: DocsOptions, io: CliIo): Promise<number> {
  const shownDest = shown(dest, io);
  if (missingPages(dest, ["index.html"])) {
    io.stderr(`${shownDest}/index.html:0:0 error site-missing ${shownDest} holds no built site: run \`gen docs build\` first\n`);
    return EXIT_FAILURE;
  }
  const { url } = await serveStatic(dest, options.port ?? 4173, { plain: options.plain });
  io.stdout(`gen docs preview: serving ${shownDest} at ${url}/ (127.0.0.1 only). Ctrl-C stops.\n`);
  return new Promise<number>(() => {});
}

function refuse(problem: SiteProblem, outDir: string, io: CliIo): number {
  const out = shown(outDir, io);
  switch (problem.kind) {
    case "no-pages":
      io.stderr(
        `${out}/${problem.missing}:0:0 error docs-missing ${out}/${problem.missing} does not exist: run \`gen\` first (with the docs and json targets)\n`,
      );
      break;
    case "not-a-site": {
      const dest = shown(problem.dest, io);
      io.stderr(
        `${dest}:0:0 error site-destination-in-use ${dest} is not empty and was not built by gen docs (no ${SITE_MARKER} in it); ` +
          "a build empties its destination, so choose another --dest or empty it\n",
      );
      break;
    }
    case "no-vitepress":
      io.stderr(
        "gen docs: error vitepress-missing the docs site is built with VitePress, which is not installed: run `npm install --save-dev vitepress@^1.6`\n",
      );
      break;
  }
  return EXIT_FAILURE;
}

function shown(path: string, io: CliIo): string {
  return displayPath(path, io.cwd);
}
