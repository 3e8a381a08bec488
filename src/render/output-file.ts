/**
 * A file's content: one string, or (for files too large to be one JavaScript string, such as
 * catalog.json at a million codes) the string chunks that make it up, in order.
 */
export type Content = string | readonly string[];

/** One generated file, before it is written. */
export interface OutputFile {
  /** Path relative to the output directory, with forward slashes. */
  readonly path: string;
  /** The whole content: LF line endings, one final newline. */
  readonly content: Content;
  /** The vendor the file belongs to, or null for files shared by all vendors (indexes, catalog.json). */
  readonly vendor: string | null;
}

/** The content as one string, for callers that know the file is small (the in-process API, tests). */
export function contentText(content: Content): string {
  return typeof content === "string" ? content : content.join("");
}

/** The content's size in bytes as UTF-8, without joining chunks. */
export function contentBytes(content: Content): number {
  return typeof content === "string" ? Buffer.byteLength(content) : content.reduce((sum, chunk) => sum + Buffer.byteLength(chunk), 0);
}
