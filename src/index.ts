// The public API of codebook. Nothing else is public.

export { loadCatalogs } from "./catalog/load-catalogs.js";
export { type CatalogInput, type ValidationResult, validateCatalog, validateCatalogs } from "./catalog/validate.js";
export { runCli } from "./cli/run-cli.js";
export type { Diagnostic, Severity } from "./diagnostics/diagnostic.js";
export { formatDiagnosticsJson, formatDiagnosticsText } from "./diagnostics/format.js";
export { type ExplainMatch, type Explanation, explainCode } from "./explain/explain.js";
export type { FieldValue } from "./explain/explain-fields.js";
export { type GenerateOptions, type GenerateResult, generate } from "./generate.js";
export { buildModel } from "./model/build-model.js";
export { exportCatalog, formatExport } from "./model/export-json.js";
export type * from "./model/types.js";
export { type OutputFailure, type RunHooks, type RunOptions, type RunResult, run } from "./pipeline/run.js";
export { type Watcher, type WatchHooks, type WatchPlan, watch } from "./pipeline/watch.js";
export type { JavaOptions } from "./render/java-options.js";
export type { OutputFile } from "./render/output-file.js";
export { renderTargets } from "./render/render.js";
export { TARGETS, type Target } from "./render/targets.js";
export type { TsImportExtension, TsOptions, TsStyle } from "./render/typescript-options.js";
export type { Recovery } from "./write/apply.js";
export type { LockEvent, LockHolder } from "./write/output-lock.js";
export type { Interrupted } from "./write/output-session.js";
export { type CheckReport, checkFiles, type WriteReport, writeFiles } from "./write/write-files.js";
