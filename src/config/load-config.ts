import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, relative, sep } from "node:path";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { javaPackageProblem } from "../catalog/check-vendor.js";
import { decodeCatalog } from "../catalog/decode.js";
import { locate } from "../catalog/locate.js";
import { checkAliases, yamlDiagnostic } from "../catalog/parse.js";
import { describeSchemaErrors } from "../catalog/schema.js";
import { SCHEMA_OPTIONS } from "../catalog/schema-options.js";
import { createSourceFile, type SourceFile } from "../catalog/source-file.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceTexts } from "../diagnostics/format.js";
import type { ConfigData, ConfigKey, LoadedConfig } from "./config.js";
import { CONFIG_SCHEMA_URL, findConfigFiles } from "./config-file.js";

export interface ConfigLoad {
  /** The config, when one was found and is valid; undefined when there is none (or it has errors). */
  readonly config?: LoadedConfig;
  readonly diagnostics: readonly Diagnostic[];
  /** The config's text, for code frames. */
  readonly texts: SourceTexts;
}

/** Finds the nearest config file walking up from cwd (or reads the one named) and validates it. */
export function loadConfig(cwd: string, named?: string): ConfigLoad {
  const found = named === undefined ? findConfigFiles(cwd) : [named];
  if (found.length === 0) return { diagnostics: [], texts: new Map() };
  const [first = "", ...others] = found;
  const shown = shownPath(first, cwd);
  if (others.length > 0) {
    const names = found.map((path) => shownPath(path, cwd)).join(" and ");
    return problem(shown, "config-ambiguous", `two config files in one directory (${names}): keep one`);
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(first);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return problem(shown, "config-unreadable", `cannot read config file ${shown}: ${code === "ENOENT" ? "no such file" : (code ?? String(error))}`);
  }
  return readConfig(shown, dirname(first), bytes);
}

/** The config file as diagnostics name it: relative to the working directory, also when it is found above it. */
function shownPath(path: string, cwd: string): string {
  return relative(cwd, path).split(sep).join("/") || path;
}

function problem(file: string, rule: string, message: string): ConfigLoad {
  return { diagnostics: [{ severity: "error", rule, message, file, line: 0, column: 0 }], texts: new Map() };
}

/** Decodes, parses and validates a config file's bytes. Pure but for compiling the schema. */
export function readConfig(path: string, dir: string, bytes: Uint8Array): ConfigLoad {
  const decoded = decodeCatalog(path, bytes);
  if (!decoded.ok) return { diagnostics: decoded.diagnostics, texts: new Map() };
  const source = createSourceFile(path, decoded.text);
  const texts = new Map([[path, decoded.text]]);
  const { document } = source;
  const diagnostics: Diagnostic[] = [
    ...decoded.diagnostics,
    ...document.errors.map((error) => yamlDiagnostic(source, error, "error")),
    ...document.warnings.map((warning) => yamlDiagnostic(source, warning, "warning")),
  ];
  if (document.errors.length > 0) return { diagnostics, texts };
  const aliasProblem = checkAliases(source, document);
  if (aliasProblem) return { diagnostics: [...diagnostics, aliasProblem], texts };
  // An empty file is a config that sets nothing.
  const data: unknown = document.contents === null ? {} : (document.toJS({ maxAliasCount: -1 }) ?? {});
  const validate = configValidator();
  if (!validate(data)) return { diagnostics: [...diagnostics, ...describeSchemaErrors(source, validate.errors ?? [], "config")], texts };
  const config = data as ConfigData;
  const prefix = config.java?.packagePrefix;
  const prefixProblem = prefix === undefined ? undefined : javaPackageProblem(prefix);
  if (prefixProblem !== undefined) {
    const { line, column } = locate(source, ["java", "packagePrefix"]);
    return {
      diagnostics: [
        ...diagnostics,
        { severity: "error", rule: "invalid-java-package", message: `java.packagePrefix ${prefixProblem}`, file: path, line, column },
      ],
      texts,
    };
  }
  return { config: { path, dir, data: config, places: placesOf(source, config) }, diagnostics, texts };
}

function placesOf(source: SourceFile, data: ConfigData): Partial<Record<ConfigKey, string>> {
  return Object.fromEntries(
    (Object.keys(data) as ConfigKey[]).map((key) => {
      const { line, column } = locate(source, [key]);
      return [key, `${source.path}:${line}:${column}`];
    }),
  );
}

let compiled: ValidateFunction | undefined;
const require = createRequire(import.meta.url);

/** The config schema's validator, compiled on first use: only a run that finds a config pays for ajv. */
function configValidator(): ValidateFunction {
  if (!compiled) {
    const { Ajv2020 } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
    compiled = new Ajv2020(SCHEMA_OPTIONS).compile(JSON.parse(readFileSync(CONFIG_SCHEMA_URL, "utf8")) as object);
  }
  return compiled;
}
