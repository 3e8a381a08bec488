/** A template's text and the file it came from (for diagnostics). */
export interface TemplateSource {
  readonly text: string;
  readonly file: string;
}

/**
 * Templates by relative path (ts/vendor.ts.hbs); a user's directory overrides built-ins file by file.
 * Apart from templates.ts, which reads them, so that the public API's types need no Node types.
 */
export type TemplateSet = ReadonlyMap<string, TemplateSource>;
