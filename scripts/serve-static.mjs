#!/usr/bin/env node
// Serves a built static site on 127.0.0.1 only (`vitepress preview` listens on every interface).
// A directory serves its index.html, and clean URLs map to .html files: /phonepos serves phonepos.html.
// With --plain (or { plain: true }) it maps nothing beyond a directory's index.html, as the plainest
// static hosts do (python3 -m http.server): the site's own links must work there as they are.
//
//   node scripts/serve-static.mjs [--plain] [dir] [port]     (defaults: docs/.vitepress/dist, 4173; port 0 picks a free one)
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HOST = "127.0.0.1";

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
};

/**
 * Starts serving `root` on 127.0.0.1:`port`.
 * @param {string} root the directory to serve
 * @param {number} [port] 0 (the default) picks a free port
 * @param {{ plain?: boolean }} [options] plain: no clean-URL mapping
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function serveStatic(root, port = 0, options = {}) {
  const base = path.resolve(root);
  const suffixes = options.plain ? ["", "/index.html"] : ["", "/index.html", ".html"];
  const server = createServer((request, response) => {
    handle(base, suffixes, request, response).catch((error) => {
      response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      response.end(String(error));
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, HOST, () => resolve(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address !== null ? address.port : port;
  return {
    url: `http://${HOST}:${actualPort}`,
    port: actualPort,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * @param {string} base
 * @param {readonly string[]} suffixes
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 */
async function handle(base, suffixes, request, response) {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { allow: "GET, HEAD" });
    response.end();
    return;
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
  } catch {
    response.writeHead(400);
    response.end();
    return;
  }
  const file = await resolveFile(base, suffixes, pathname);
  const status = file === undefined ? 404 : 200;
  const served = file ?? (await existingFile(path.join(base, "404.html")));
  if (served === undefined) {
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    response.end("Not found");
    return;
  }
  response.writeHead(status, {
    "content-type": CONTENT_TYPES[/** @type {keyof typeof CONTENT_TYPES} */ (path.extname(served))] ?? "application/octet-stream",
    "cache-control": "no-cache",
  });
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  createReadStream(served).pipe(response);
}

/**
 * The file a URL path names: itself, its index.html, or (for a clean URL, unless plain) the same path
 * plus .html. Nothing outside `base` is ever served.
 * @param {string} base
 * @param {readonly string[]} suffixes
 * @param {string} pathname
 */
async function resolveFile(base, suffixes, pathname) {
  const target = path.resolve(base, `.${pathname}`);
  if (target !== base && !target.startsWith(base + path.sep)) return undefined;
  for (const suffix of suffixes) {
    const candidate = suffix === "/index.html" ? path.join(target, "index.html") : `${target}${suffix}`;
    const found = await existingFile(candidate);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** @param {string} file */
async function existingFile(file) {
  try {
    return (await stat(file)).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const plain = args[0] === "--plain";
  if (plain) args.shift();
  const root = args[0] ?? "docs/.vitepress/dist";
  const port = Number(args[1] ?? 4173);
  if (!(await existingFile(path.join(root, "index.html")))) {
    console.error(`${root}/index.html does not exist: run \`npm run docs:build\` first.`);
    process.exit(1);
  }
  const { url } = await serveStatic(root, port, { plain });
  console.log(`Serving ${root} at ${url}/ (127.0.0.1 only). Ctrl+C stops.`);
}
