/**
 * How the TypeScript target is written. `enum`: each code set is an enum with its helpers merged in
 * (TerminalErrorCode.fromCode). `erasable`: an `as const` object, a union type and plain functions, which
 * erasableSyntaxOnly and Node's type stripping accept. Both keep every module-level table in a pure call.
 */
export type TsStyle = "enum" | "erasable";

/** The extension of relative import specifiers: `js` for tsc's output and bundlers, `ts` to run the sources as they are. */
export type TsImportExtension = "js" | "ts";

export interface TsOptions {
  readonly style: TsStyle;
  readonly importExtension: TsImportExtension;
}

export const TS_STYLES: readonly TsStyle[] = ["enum", "erasable"];
export const TS_IMPORT_EXTENSIONS: readonly TsImportExtension[] = ["js", "ts"];

export const DEFAULT_TS_OPTIONS: TsOptions = { style: "enum", importExtension: "js" };

/** A relative module specifier with the run's extension: ./phonepos -> "./phonepos.js". */
export function moduleSpecifier(options: TsOptions, path: string): string {
  return `${path}.${options.importExtension}`;
}
