import { isAbsolute, relative, resolve } from "node:path";
import { DEFAULT_JAVA_OPTIONS, type JavaOptions } from "../render/java-options.js";
import { DEFAULT_TS_OPTIONS, type TsOptions } from "../render/typescript-options.js";
import type { ConfigData, ConfigKey, LoadedConfig, TargetName } from "./config.js";
import { PATH_KEYS } from "./config.js";

/** What every setting is when neither a flag nor the config sets it. */
export const DEFAULT_SETTINGS = {
  catalogs: "catalogs",
  out: "generated",
  templates: undefined,
  outcomes: undefined,
  targets: ["ts", "java", "docs", "json"],
  cacheDir: "node_modules/.cache/codebook",
  cache: true,
  jobs: undefined,
  ts: DEFAULT_TS_OPTIONS,
  java: DEFAULT_JAVA_OPTIONS,
} as const satisfies { readonly [K in ConfigKey]-?: ConfigData[K] | undefined };

/** Where a setting's value came from: a flag, a place in the config file, or the default. */
export type SettingSource =
  | { readonly kind: "flag"; readonly flag: string }
  | { readonly kind: "config"; readonly place: string }
  | { readonly kind: "default" };

export interface Setting<T> {
  readonly value: T;
  readonly source: SettingSource;
}

/** Every setting of a run, resolved; paths relative to the working directory (or absolute). */
export type Settings = {
  readonly [K in Exclude<ConfigKey, TargetOptionKey>]-?: Setting<NonNullable<ConfigData[K]> | (typeof DEFAULT_SETTINGS)[K]>;
} & {
  /** Each of its fields from a flag, else the config, else the default; its source is the most specific that set any. */
  readonly ts: Setting<TsOptions>;
  readonly java: Setting<JavaOptions>;
};

/** The settings that are a target's options: objects whose fields are set one by one. */
type TargetOptionKey = "ts" | "java";

/** The flags given on the command line (and only those), with the flag that set each. */
export type FlagSettings = { readonly [K in ConfigKey]?: { readonly value: NonNullable<ConfigData[K]>; readonly flag: string } };

/**
 * Flags over the config over the defaults, key by key. A path from the config, and a default path when
 * there is a config, is relative to the config file's directory; it is turned into one relative to the
 * working directory, as a flag's is.
 */
export function resolveSettings(flags: FlagSettings, config: LoadedConfig | undefined, cwd: string): Settings {
  const pick = <K extends ConfigKey>(key: K): Setting<unknown> => {
    if (key === "ts" || key === "java") return pickFields(key, flags[key as TargetOptionKey], config);
    const flag = flags[key];
    if (flag !== undefined) return { value: flag.value, source: { kind: "flag", flag: flag.flag } };
    const configured = config?.data[key];
    if (config !== undefined && configured !== undefined) {
      const value = PATH_KEYS.has(key) ? fromCwd(resolve(config.dir, configured as string), cwd) : configured;
      return { value, source: { kind: "config", place: config.places[key] ?? config.path } };
    }
    const fallback: unknown = DEFAULT_SETTINGS[key];
    // With a config file, its directory is the project's root: default paths are taken from there too.
    const value = config !== undefined && PATH_KEYS.has(key) && typeof fallback === "string" ? fromCwd(resolve(config.dir, fallback), cwd) : fallback;
    return { value, source: { kind: "default" } };
  };
  const keys = Object.keys(DEFAULT_SETTINGS) as ConfigKey[];
  return Object.fromEntries(keys.map((key) => [key, pick(key)])) as Settings;
}

/** A target's options: field by field, a flag over the config over the default. */
function pickFields(key: TargetOptionKey, flag: FlagSettings[TargetOptionKey], config: LoadedConfig | undefined): Setting<object> {
  const configured = config?.data[key];
  const value = { ...DEFAULT_SETTINGS[key], ...configured, ...flag?.value };
  if (flag !== undefined) return { value, source: { kind: "flag", flag: flag.flag } };
  if (config !== undefined && configured !== undefined) return { value, source: { kind: "config", place: config.places[key] ?? config.path } };
  return { value, source: { kind: "default" } };
}

/** A path as short as it can be shown: relative to the working directory when inside it. */
function fromCwd(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return shown === "" ? "." : isAbsolute(shown) ? path : shown;
}

/** What an unset setting means, where that is more than "none". */
const UNSET: Partial<Record<ConfigKey, string>> = { jobs: "one thread per CPU core, at most 8", outcomes: "the built-in taxonomy" };

/** The settings as --print-config shows them: one `key: value` line each, with where it came from. */
export function describeSettings(settings: Settings, config: LoadedConfig | undefined): string {
  const lines = (Object.keys(settings) as ConfigKey[]).map((key) => {
    const { value, source } = settings[key];
    const shown =
      value === undefined
        ? (UNSET[key] ?? "none")
        : Array.isArray(value)
          ? value.join(", ")
          : typeof value === "object"
            ? Object.entries(value)
                .map(([field, fieldValue]) => `${field} ${String(fieldValue)}`)
                .join(", ")
            : String(value);
    const from = source.kind === "flag" ? source.flag : source.kind === "config" ? source.place : "default";
    return { text: `${key}: ${shown}`, from };
  });
  const width = Math.max(...lines.map((line) => line.text.length));
  const head = config ? `# config file: ${config.path}` : "# no config file (codebook.config.yaml) here or in any directory above";
  return `${head}\n${lines.map((line) => `${line.text.padEnd(width)}  # ${line.from}`).join("\n")}\n`;
}

export type { TargetName };
