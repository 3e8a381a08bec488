import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { parseFast } from "../catalog/fast-parse.js";
import { locate } from "../catalog/locate.js";
import { parseCatalog } from "../catalog/parse.js";
import type { RetryPolicy } from "../catalog/raw-catalog.js";
import { describeSchemaErrors } from "../catalog/schema.js";
import { SCHEMA_OPTIONS } from "../catalog/schema-options.js";
import { createSourceFile, type SourceFile } from "../catalog/source-file.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

/** The built-in taxonomy, shipped beside the catalog schema. */
const BUILTIN_TAXONOMY_URL = new URL("../../taxonomy/outcomes.yaml", import.meta.url);
const TAXONOMY_SCHEMA_URL = new URL("../../taxonomy/outcomes.schema.json", import.meta.url);

/** A retry decision as the taxonomy and the catalogs state it. */
export interface TaxonomyRetry {
  readonly policy: RetryPolicy;
  readonly minDelaySeconds?: number;
  readonly maxDelaySeconds?: number;
  readonly delaysSeconds?: readonly number[];
}

/** One outcome: what a caller makes of a code. */
export interface TaxonomyOutcome {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** What to do when the code states no action of its own. */
  readonly action: string;
  /** The retry decision of a code that states none. */
  readonly retry: TaxonomyRetry;
  /** The policies that agree with the outcome's nature. */
  readonly allowedRetry: readonly RetryPolicy[];
}

/**
 * The outcome taxonomy: plain data (it is handed to worker threads as it is). The order of `outcomes` is
 * their precedence, most severe first.
 */
export interface Taxonomy {
  /** Where it was read from, as shown in diagnostics and banners. */
  readonly file: string;
  /** The outcome of a code nothing is known about. */
  readonly fallback: string;
  readonly outcomes: readonly TaxonomyOutcome[];
}

let builtin: Taxonomy | undefined;

/** The built-in taxonomy (checked against its schema by the test suite, and by the semantic checks here). */
export function builtinTaxonomy(): Taxonomy {
  if (!builtin) {
    const read = parseTaxonomy(createSourceFile("taxonomy/outcomes.yaml", readFileSync(BUILTIN_TAXONOMY_URL, "utf8")), false);
    if (!read.taxonomy) throw new Error(`the built-in outcome taxonomy is invalid: ${read.diagnostics.map((d) => d.message).join("; ")}`);
    builtin = read.taxonomy;
  }
  return builtin;
}

/** A user's taxonomy file (gen --outcomes), checked against the schema and the semantic rules. */
export function readTaxonomy(path: string, shownAs: string): { taxonomy?: Taxonomy; diagnostics: Diagnostic[] } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const reason = error instanceof Error && "code" in error ? String(error.code) : String(error);
    return {
      diagnostics: [{ severity: "error", rule: "unreadable-file", message: `cannot read the outcome taxonomy (${reason})`, file: shownAs, line: 0, column: 0 }],
    };
  }
  return parseTaxonomy(createSourceFile(shownAs, text.replace(/^\uFEFF/, "")), true);
}

/** Reads and checks a taxonomy's text. With `schema`, it is first validated against outcomes.schema.json. */
export function parseTaxonomy(source: SourceFile, schema: boolean): { taxonomy?: Taxonomy; diagnostics: Diagnostic[] } {
  let data = parseFast(source.text);
  if (data === undefined) {
    const parsed = parseCatalog(source);
    if (parsed.data === undefined) return { diagnostics: [...parsed.diagnostics] };
    data = parsed.data;
  }
  if (schema) {
    const validate = taxonomyValidator();
    if (!validate(data)) return { diagnostics: describeSchemaErrors(source, validate.errors ?? [], "taxonomy") };
  }
  const raw = data as Omit<Taxonomy, "file">;
  const diagnostics = checkTaxonomy(source, raw);
  if (diagnostics.length > 0) return { diagnostics };
  return { taxonomy: { file: source.path, fallback: raw.fallback, outcomes: raw.outcomes }, diagnostics };
}

/** Unique ids, a fallback that exists, and default retries that agree with their own outcome. */
function checkTaxonomy(source: SourceFile, raw: Omit<Taxonomy, "file">): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (rule: string, message: string, path: readonly (string | number)[]) => {
    const { line, column } = locate(source, path);
    diagnostics.push({ severity: "error", rule, message, file: source.path, line, column });
  };
  const seen = new Set<string>();
  raw.outcomes.forEach((outcome, index) => {
    if (seen.has(outcome.id)) report("duplicate-id", `outcome id ${outcome.id} is already declared`, ["outcomes", index, "id"]);
    seen.add(outcome.id);
    if (!outcome.allowedRetry.includes(outcome.retry.policy)) {
      report(
        "retry-contradicts-outcome",
        `outcome ${outcome.id}'s default retry ${outcome.retry.policy} is not among its allowedRetry (${outcome.allowedRetry.join(", ")})`,
        ["outcomes", index, "retry", "policy"],
      );
    }
  });
  if (!seen.has(raw.fallback)) report("unknown-outcome", `fallback ${raw.fallback} is not an outcome of this taxonomy`, ["fallback"]);
  return diagnostics;
}

let validator: ValidateFunction | undefined;

/** Compiled on first use only: a run with the built-in taxonomy never loads ajv for it. */
function taxonomyValidator(): ValidateFunction {
  if (!validator) {
    const { Ajv2020 } = createRequire(import.meta.url)("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
    validator = new Ajv2020(SCHEMA_OPTIONS).compile(JSON.parse(readFileSync(TAXONOMY_SCHEMA_URL, "utf8")) as object);
  }
  return validator;
}

/** The taxonomy's outcomes by id. */
export function outcomesById(taxonomy: Taxonomy): ReadonlyMap<string, TaxonomyOutcome> {
  return new Map(taxonomy.outcomes.map((outcome) => [outcome.id, outcome]));
}
