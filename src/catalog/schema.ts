import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { editDistance } from "../diagnostics/edit-distance.js";
import { type DataPath, locate } from "./locate.js";
import { SCHEMA_OPTIONS } from "./schema-options.js";
import type { SourceFile } from "./source-file.js";

/** Where the catalog JSON Schema lives: beside the catalogs it describes. */
export const SCHEMA_URL = new URL("../../catalogs/catalog.schema.json", import.meta.url);

let compiled: ValidateFunction | undefined;
const require = createRequire(import.meta.url);

/**
 * The schema validator, once per process: the standalone code compiled at build time when it matches
 * the schema on disk (compiling costs more than the rest of a small run), else compiled now.
 */
function schemaValidator(): ValidateFunction {
  if (!compiled) {
    const text = readFileSync(SCHEMA_URL, "utf8");
    compiled = prebuiltValidator(schemaHash(text)) ?? compileSchema(text);
  }
  return compiled;
}

/** What identifies the schema's text: the prebuilt validator is used only while the schema still has this hash. */
export function schemaHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Compiles the schema with ajv, loaded only now: a run with the prebuilt validator never needs it. */
function compileSchema(text: string): ValidateFunction {
  const { Ajv2020 } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  return new Ajv2020(SCHEMA_OPTIONS).compile(JSON.parse(text) as object);
}

function prebuiltValidator(schemaHash: string): ValidateFunction | undefined {
  try {
    const module = require("./schema-validator.cjs") as ValidateFunction & { default?: ValidateFunction; schemaHash?: string };
    return module.schemaHash === schemaHash ? (module.default ?? module) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether plain data matches the schema (no diagnostics: the fast path only needs yes or no). */
export function isSchemaValid(data: unknown): boolean {
  return schemaValidator()(data) === true;
}

/** Checks plain catalog data against the JSON Schema and maps each error back to its YAML node. */
export function checkSchema(source: SourceFile, data: unknown): Diagnostic[] {
  return checkSchemaWithPaths(source, data).diagnostics;
}

/** As checkSchema, with the data path of every error too: what readablePart leaves out. */
export function checkSchemaWithPaths(source: SourceFile, data: unknown): { diagnostics: Diagnostic[]; errorPaths: DataPath[] } {
  const validate = schemaValidator();
  if (validate(data)) return { diagnostics: [], errorPaths: [] };
  const errors = validate.errors ?? [];
  return { diagnostics: describeSchemaErrors(source, errors), errorPaths: errors.map((error) => parsePointer(error.instancePath)) };
}

/** ajv's errors as diagnostics at the YAML nodes they are about; `root` names the document as a whole. */
export function describeSchemaErrors(source: SourceFile, errors: readonly ErrorObject[], root = "catalog"): Diagnostic[] {
  return relevantErrors(errors).map((error) => toDiagnostic(source, error, root));
}

/** Drops ajv's echoes: the branches of a failed oneOf, and "must match then schema" next to the real cause. */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  return errors.filter((error) => !error.schemaPath.includes("/oneOf/") && error.keyword !== "if" && error.keyword !== "propertyNames");
}

function toDiagnostic(source: SourceFile, error: ErrorObject, root: string): Diagnostic {
  const path = parsePointer(error.instancePath);
  const { rule, message, at } = describe(error, path, root);
  const { line, column } = locate(source, at.path, at.key ? "key" : "value");
  return { severity: "error", rule, message, file: source.path, line, column };
}

interface Description {
  rule: string;
  message: string;
  at: { path: DataPath; key: boolean };
}

function describe(error: ErrorObject, path: DataPath, root: string): Description {
  const where = displayPath(path) || root;
  const params = error.params as Record<string, unknown>;
  const here = { path, key: false };
  switch (error.keyword) {
    case "required":
      return { rule: "missing-property", message: `${where} is missing required property "${String(params.missingProperty)}"`, at: here };
    case "additionalProperties": {
      const property = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const hint = closest(property, known);
      return {
        rule: "unknown-property",
        message: `unknown property "${property}" in ${where}${hint ? `; did you mean "${hint}"?` : ""}`,
        at: { path: [...path, property], key: true },
      };
    }
    case "type":
      return { rule: "wrong-type", message: `${where} must be ${article(String(params.type))}, not ${typeOf(error.data)}`, at: here };
    case "enum":
      return {
        rule: "invalid-value",
        message: `${where} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}, not ${JSON.stringify(error.data)}`,
        at: here,
      };
    case "pattern":
      if (error.propertyName !== undefined) {
        const what =
          path.at(-1) === "translations" ? "a locale tag such as de or fr-CH" : "an id: lower-case letters, digits and hyphens, starting with a letter";
        return {
          rule: "invalid-format",
          message: `"${error.propertyName}" in ${where} is not ${what}`,
          at: { path: [...path, error.propertyName], key: true },
        };
      }
      if (where === "vendor.id") {
        return {
          rule: "unsafe-vendor-id",
          message: `vendor id ${JSON.stringify(error.data)} is not a safe file and package name: use lower-case letters, digits and single hyphens, starting with a letter`,
          at: here,
        };
      }
      return { rule: "invalid-format", message: `${where} ${JSON.stringify(error.data)} does not match ${String(params.pattern)}`, at: here };
    case "minLength":
    case "minItems":
    case "minProperties":
      return { rule: "empty-value", message: `${where} must not be empty`, at: here };
    case "maxLength":
      return { rule: "invalid-format", message: `${where} is longer than ${String(params.limit)} characters`, at: here };
    case "minimum":
    case "maximum":
      return {
        rule: "out-of-bounds",
        message: `${where} must be ${error.keyword === "minimum" ? ">=" : "<="} ${String(params.limit)}, not ${JSON.stringify(error.data)}`,
        at: here,
      };
    case "uniqueItems":
      return {
        rule: "duplicate-value",
        message: `${where} lists ${JSON.stringify((error.data as unknown[])[Number(params.j)])} twice`,
        at: { path: [...path, Number(params.i)], key: false },
      };
    case "oneOf":
      return { rule: "wrong-type", message: `${where} must be true, false, or an object with "reason" and "replacement"`, at: here };
    case "not":
      return {
        rule: "width-not-allowed",
        message: `${where} has "width", which applies only to digits and alphanumeric code sets`,
        at: { path: [...path, "width"], key: true },
      };
    default:
      return { rule: "schema", message: `${where} ${error.message ?? "is invalid"}`, at: here };
  }
}

function parsePointer(pointer: string): DataPath {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^(0|[1-9][0-9]*)$/.test(part) ? Number(part) : part));
}

/** codeSets[0].codes[3].name: the path as a reader navigates the file. */
export function displayPath(path: DataPath): string {
  return path.map((segment, index) => (typeof segment === "number" ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join("");
}

function article(type: string): string {
  const words = type.split(",").map((t) => (t === "integer" ? "an integer" : t === "object" ? "a mapping" : t === "array" ? "a list" : `a ${t}`));
  return words.join(" or ");
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "number") return Number.isInteger(value) ? `the integer ${value}` : `the number ${value}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** The known property nearest to a misspelt one, if it is close enough to be a likely typo. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
