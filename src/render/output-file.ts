/** One generated file, before it is written. */
export interface OutputFile {
  /** Path relative to the output directory, with forward slashes. */
  readonly path: string;
  /** The whole content: LF line endings, one final newline. */
  readonly content: string;
  /** The vendor the file belongs to, or null for files shared by all vendors (indexes, catalog.json). */
  readonly vendor: string | null;
}
