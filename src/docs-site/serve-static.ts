import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";

/** Only this machine: `vitepress preview` listens on every interface, which a docs preview has no need of. */
const HOST = "127.0.0.1";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
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

/** A running static server. */
export interface StaticServer {
  /** http://127.0.0.1:<port>, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves a built static site from `root` on 127.0.0.1. A directory serves its index.html, and clean URLs
 * map to .html files (/phonepos serves phonepos.html) unless `plain` is set: then it maps nothing more,
 * as the plainest static hosts do (python3 -m http.server), so the site's own links must work as they
 * are. Port 0 (the default) picks a free port.
 */
export async function serveStatic(root: string, port = 0, options: { readonly plain?: boolean } = {}): Promise<StaticServer> {
  const base = path.resolve(root);
  const suffixes = options.plain ? ["", "/index.html"] : ["", "/index.html", ".html"];
  const server = createServer((request, response) => {
    handle(base, suffixes, request, response).catch((error: unknown) => {
      response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, HOST, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address !== null ? address.port : port;
  return {
    url: `http://${HOST}:${actualPort}`,
    port: actualPort,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function handle(base: string, suffixes: readonly string[], request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { allow: "GET, HEAD" });
    response.end();
    return;
  }
  let pathname: string;
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
  response.writeHead(status, { "content-type": CONTENT_TYPES[path.extname(served)] ?? "application/octet-stream", "cache-control": "no-cache" });
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  createReadStream(served).pipe(response);
}

/** The file a URL path names: itself, its index.html, or (for a clean URL, unless plain) the same path plus .html. Never outside `base`. */
async function resolveFile(base: string, suffixes: readonly string[], pathname: string): Promise<string | undefined> {
  const target = path.resolve(base, `.${pathname}`);
  if (target !== base && !target.startsWith(base + path.sep)) return undefined;
  for (const suffix of suffixes) {
    const candidate = suffix === "/index.html" ? path.join(target, "index.html") : `${target}${suffix}`;
    const found = await existingFile(candidate);
    if (found !== undefined) return found;
  }
  return undefined;
}

async function existingFile(file: string): Promise<string | undefined> {
  try {
    return (await stat(file)).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}
