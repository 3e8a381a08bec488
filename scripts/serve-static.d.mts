/** A running static server; see serve-static.mjs. */
export interface StaticServer {
  /** http://127.0.0.1:<port>, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves `root` on 127.0.0.1 only; a directory serves its index.html, and clean URLs map to .html files
 * unless `plain` is set. Port 0 (the default) picks a free port.
 */
export declare function serveStatic(root: string, port?: number, options?: { readonly plain?: boolean }): Promise<StaticServer>;
