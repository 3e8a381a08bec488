/**
 * A file's content: one string, or (for files too large to be one JavaScript string, such as
 * catalog.json at a million codes) the string chunks that make it up, in order.
 */
export type Content = string | readonly Chunk[];

/** A piece of chunked content: text, or bytes already encoded as UTF-8 (read from a cache, say). */
export type Chunk = string | Uint8Array;

/** One generated file, before it is written. */
export interface OutputFile {
  /** Path relative to the output directory, with forward slashes. */
  readonly path: string;
  /** The whole content: LF line endings, one final newline. */
  readonly content: Content;
  /** The vendor the file belongs to, or null for files shared by all vendors (indexes, catalog.json). */
  readonly vendor: string | null;
}

/** One chunk as text. */
export function chunkText(chunk: Chunk): string {
  return typeof chunk === "string" ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString("utf8");
}

/** The content's size in bytes as UTF-8, without joining chunks. */
export function contentBytes(content: Content): number {
  return typeof content === "string"
    ? Buffer.byteLength(content)
    : content.reduce((sum, chunk) => sum + (typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength), 0);
}
