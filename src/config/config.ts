import type { TsImportExtension, TsStyle } from "../render/typescript-options.js";

/** A target gen can emit (see src/render/targets.ts). */
export type TargetName = "ts" | "java" | "docs" | "json";

/** The settings a config file holds, as its schema describes them; paths relative to the file's directory. */
export interface ConfigData {
  readonly catalogs?: string;
  readonly out?: string;
  readonly templates?: string;
  /** An outcome taxonomy YAML that replaces the built-in one. */
  readonly outcomes?: string;
  readonly targets?: readonly TargetName[];
  readonly cacheDir?: string;
  readonly cache?: boolean;
  readonly jobs?: number;
  /** How the TypeScript target is written: `style` enum or erasable, `importExtension` js or ts. */
  readonly ts?: { readonly style?: TsStyle; readonly importExtension?: TsImportExtension };
  /** How the Java target is written: `packagePrefix`, the package of the runtime and of vendors without a javaPackage. */
  readonly java?: { readonly packagePrefix?: string };
}

export type ConfigKey = keyof ConfigData;

/** A config file that passed its schema. */
export interface LoadedConfig {
  /** As shown in diagnostics and by --print-config. */
  readonly path: string;
  /** Its directory, absolute: the base of the paths it holds. */
  readonly dir: string;
  readonly data: ConfigData;
  /** Where each setting is written in the file, as file:line:column. */
  readonly places: Readonly<Partial<Record<ConfigKey, string>>>;
}

/** The keys whose values are paths (resolved against the config file's directory). */
export const PATH_KEYS: ReadonlySet<ConfigKey> = new Set(["catalogs", "out", "templates", "outcomes", "cacheDir"]);
