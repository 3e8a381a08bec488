import { resolve } from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import { javaPackageProblem } from "../catalog/check-vendor.js";
import type { ConfigKey, LoadedConfig } from "../config/config.js";
import { loadConfig } from "../config/load-config.js";
import { DEFAULT_SETTINGS, type FlagSettings, resolveSettings, type Settings } from "../config/resolve-settings.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { formatDiagnosticsText } from "../diagnostics/format.js";
import { TS_IMPORT_EXTENSIONS, TS_STYLES } from "../render/typescript-options.js";
import { type CliIo, EXIT_FAILURE } from "./io.js";

/** Each config setting's commander option (its attribute name) and the flag a user types for it. */
const FLAGS: { readonly [K in Exclude<ConfigKey, "ts" | "java">]: { readonly option: string; readonly flag: string } } = {
  catalogs: { option: "catalogs", flag: "--catalogs" },
  out: { option: "out", flag: "--out" },
  templates: { option: "templates", flag: "--templates" },
  outcomes: { option: "outcomes", flag: "--outcomes" },
  targets: { option: "targets", flag: "--targets" },
  cacheDir: { option: "cacheDir", flag: "--cache-dir" },
  cache: { option: "cache", flag: "--no-cache" },
  jobs: { option: "jobs", flag: "--jobs" },
};

/** The flags that set the config's `ts` fields, one each. */
const TS_FLAGS = [
  { field: "style", option: "tsStyle", flag: "--ts-style" },
  { field: "importExtension", option: "tsImportExtension", flag: "--ts-import-extension" },
] as const;

export interface CommandSettings {
  readonly settings: Settings;
  readonly config: LoadedConfig | undefined;
}

/**
 * The command's settings: the flags given on its command line over the config file (the one --config
 * names, else the nearest found walking up from the working directory) over the defaults. A config
 * with errors is reported (with the catalogs' diagnostic format) and gives EXIT_FAILURE.
 */
export function commandSettings(command: Command, io: CliIo): CommandSettings | number {
  const options = command.opts<Record<string, unknown>>();
  const flags: Record<string, { value: unknown; flag: string }> = {};
  for (const [key, { option, flag }] of Object.entries(FLAGS)) {
    if (command.getOptionValueSource(option) === "cli") flags[key] = { value: options[option], flag };
  }
  const tsFlags = TS_FLAGS.filter(({ option }) => command.getOptionValueSource(option) === "cli");
  if (tsFlags.length > 0) {
    flags.ts = { value: Object.fromEntries(tsFlags.map(({ field, option }) => [field, options[option]])), flag: tsFlags.map(({ flag }) => flag).join(" ") };
  }
  if (command.getOptionValueSource("javaPackagePrefix") === "cli") {
    flags.java = { value: { packagePrefix: options.javaPackagePrefix }, flag: "--java-package-prefix" };
  }
  const named = typeof options.config === "string" ? resolve(io.cwd, options.config) : undefined;
  const load = loadConfig(io.cwd, named);
  if (load.diagnostics.length > 0) io.stderr(formatDiagnosticsText(load.diagnostics, load.texts));
  if (hasErrors(load.diagnostics)) return EXIT_FAILURE;
  return { settings: resolveSettings(flags as FlagSettings, load.config, io.cwd), config: load.config };
}

/** --config: a config file to use instead of looking for codebook.config.yaml. */
export function configOption(): Option {
  return new Option("--config <file>", "config file to use (default: the nearest codebook.config.yaml or .json, walking up)");
}

/** --ts-style enum|erasable: how the TypeScript target is written. */
export function tsStyleOption(): Option {
  return new Option(
    "--ts-style <style>",
    "TypeScript as enums with merged helpers, or erasable syntax (as const objects, unions, functions) (default: enum)",
  ).choices(TS_STYLES);
}

/** --ts-import-extension js|ts: the extension of the generated TypeScript's relative imports. */
export function tsImportExtensionOption(): Option {
  return new Option(
    "--ts-import-extension <ext>",
    "extension of the TypeScript's relative imports: js, or ts to run the files by type stripping (default: js)",
  ).choices(TS_IMPORT_EXTENSIONS);
}

/** --java-package-prefix com.acme.codes: the package of the Java runtime and of vendors without a javaPackage. */
export function javaPackagePrefixOption(): Option {
  return new Option(
    "--java-package-prefix <package>",
    "package of the Java runtime (<package>.runtime) and of each vendor whose catalog names no javaPackage (default: codebook)",
  ).argParser((value) => {
    // The form the config schema asks for, then what javac and the JVM refuse.
    const problem = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/.test(value) ? javaPackageProblem(value) : `${value} is not lowercase segments separated by dots`;
    if (problem !== undefined) throw new InvalidArgumentError(`${problem}.`);
    return value;
  });
}

/** --targets ts,docs: which targets to emit. */
export function targetsOption(): Option {
  // The target names without loading the targets (and their views): validate and export need none of them.
  const names: readonly string[] = DEFAULT_SETTINGS.targets;
  return new Option("--targets <list>", `targets to emit, comma-separated (default: ${DEFAULT_SETTINGS.targets.join(",")})`).argParser((value) => {
    const chosen = value.split(",").map((name) => name.trim());
    const unknown = chosen.filter((name) => !names.includes(name));
    if (unknown.length > 0 || chosen.length === 0) throw new InvalidArgumentError(`unknown target ${unknown.join(", ") || '""'}; known: ${names.join(", ")}.`);
    return [...new Set(chosen)];
  });
}
