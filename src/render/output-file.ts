/**
 * A file's content: one string, or (for files too large to be one JavaScript string, such as
 * catalog.json at a million codes) the string chunks that make it up, in order.
 */
export type Content = string | readonly Chunk[];

/**
 * A piece of chunked content: text, or a stretch of a file holding the piece as UTF-8 (a vendor's part of
 * catalog.json, kept on disk rather than in memory until it is compared or written).
 */
export type Chunk = string | FileChunk;

export interface FileChunk {
  readonly file: string;
  /** Where the piece starts in the file (0: the whole file is the piece, if bytes is its size). */
  readonly offset: number;
  /** Its size, so that the content's size is known without reading it. */
  readonly bytes: number;
}

/** One generated file, before it is written. */
export interface OutputFile {
  /** Path relative to the output directory, with forward slashes. */
  readonly path: string;
  /** The whole content: LF line endings, one final newline. */
  readonly content: Content;
  /** The vendor the file belongs to, or null for files shared by all vendors (indexes, catalog.json). */
  readonly vendor: string | null;
}

/** The content's size in bytes as UTF-8, without joining chunks or reading files. */
export function contentBytes(content: Content): number {
  return typeof content === "string"
    ? Buffer.byteLength(content)
    : content.reduce((sum, chunk) => sum + (typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.bytes), 0);
}
