import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCatalogs } from "./catalog/load-catalogs.js";
import { type Diagnostic, hasErrors } from "./diagnostics/diagnostic.js";
import type { SourceTexts } from "./diagnostics/format.js";
import { buildModel } from "./model/build-model.js";
import type { CatalogModel } from "./model/types.js";
import { builtinTaxonomy, readTaxonomy } from "./outcomes/taxonomy.js";
import { DEFAULT_JAVA_OPTIONS, type JavaOptions } from "./render/java-options.js";
import type { OutputFile } from "./render/output-file.js";
import { renderTargets } from "./render/render.js";
import { selectTargets } from "./render/targets.js";
import { BUILTIN_TEMPLATES, readTemplates } from "./render/templates.js";
import { DEFAULT_TS_OPTIONS, type TsOptions } from "./render/typescript-options.js";

export interface GenerateOptions {
  /** Directory of catalog YAML files. */
  readonly catalogs: string;
  /** A user's templates directory that overrides built-in templates file by file. */
  readonly templates?: string | undefined;
  /** Working directory for relative paths in diagnostics and banners. */
  readonly cwd?: string;
  /** A taxonomy that replaces the built-in outcome taxonomy (taxonomy/outcomes.yaml). */
  readonly outcomes?: string | undefined;
  /** How the TypeScript is written, as gen's --ts-style and --ts-import-extension (default: enum, js). */
  readonly ts?: Partial<TsOptions> | undefined;
  /** How the Java is written, as gen's --java-package-prefix (default: codebook). */
  readonly java?: Partial<JavaOptions> | undefined;
}

export interface GenerateResult {
  /** Every file gen would write, sorted by path; empty when there are errors. */
  readonly files: readonly OutputFile[];
  readonly diagnostics: readonly Diagnostic[];
  /** The model, when the catalogs were valid. */
  readonly model: CatalogModel | undefined;
  /** Catalog texts, for code frames. */
  readonly texts: SourceTexts;
}

/** Loads, validates, models and renders. Reads catalogs and templates; writes nothing. */
export function generate(options: GenerateOptions): GenerateResult {
  const cwd = options.cwd ?? process.cwd();
  const taxonomyRead =
    options.outcomes === undefined ? { taxonomy: builtinTaxonomy(), diagnostics: [] } : readTaxonomy(resolve(cwd, options.outcomes), options.outcomes);
  if (!taxonomyRead.taxonomy) return { files: [], diagnostics: taxonomyRead.diagnostics, model: undefined, texts: new Map() };
  const { taxonomy } = taxonomyRead;
  const loaded = loadCatalogs(options.catalogs, cwd, taxonomy);
  if (hasErrors(loaded.diagnostics)) return { files: [], diagnostics: loaded.diagnostics, model: undefined, texts: loaded.texts };
  const java = { ...DEFAULT_JAVA_OPTIONS, ...options.java };
  const model = buildModel(loaded.catalogs, taxonomy, java);
  const templateRead = readTemplates(fileURLToPath(BUILTIN_TEMPLATES), options.templates, cwd);
  if (templateRead.diagnostics.length > 0) return { files: [], diagnostics: [...loaded.diagnostics, ...templateRead.diagnostics], model, texts: loaded.texts };
  const rendered = renderTargets(model, templateRead.templates, selectTargets(undefined, { ...DEFAULT_TS_OPTIONS, ...options.ts }, java));
  const diagnostics = [...loaded.diagnostics, ...rendered.diagnostics];
  return { files: hasErrors(diagnostics) ? [] : rendered.files, diagnostics, model, texts: loaded.texts };
}
