import { createRequire } from "node:module";
import type { Schema } from "js-yaml";

/**
 * YAML 1.2's core schema as the careful parser (yaml) reads it, for both fast readers: js-yaml and
 * yaml-subset.ts. js-yaml's own core schema also takes 1_000 and 0b101 as numbers, where yaml reads
 * strings; with it a catalog could be valid or not depending on which path it took.
 */
const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

function constructInt(data: string): number {
  return data.startsWith("0o") ? Number.parseInt(data.slice(2), 8) : Number(data);
}

function constructFloat(data: string): number {
  return /\.(?:nan|NaN|NAN)$/.test(data) ? Number.NaN : /inf$/i.test(data) ? (data.startsWith("-") ? -Infinity : Infinity) : Number(data);
}

const require = createRequire(import.meta.url);
let coreSchema: Schema | undefined;

/**
 * Reads a text with js-yaml and its core schema, the spec's int and float forms in place of js-yaml's own
 * (same tags). js-yaml is loaded on first use: a run whose catalogs all keep to yaml-subset.ts's style
 * never needs it, and saves loading it in every thread.
 */
export function loadCoreYaml(text: string): unknown {
  const jsYaml = require("js-yaml") as typeof import("js-yaml");
  coreSchema ??= jsYaml.CORE_SCHEMA.extend({
    implicit: [
      new jsYaml.Type("tag:yaml.org,2002:int", { kind: "scalar", resolve: (data: string) => INT.test(data), construct: constructInt }),
      new jsYaml.Type("tag:yaml.org,2002:float", { kind: "scalar", resolve: (data: string) => FLOAT.test(data), construct: constructFloat }),
    ],
  });
  return jsYaml.load(text, { schema: coreSchema });
}

/** A plain (unquoted) scalar's value under that schema, tried in js-yaml's order: null, bool, int, float, else the text. */
export function plainScalarValue(text: string): unknown {
  const first = text.charCodeAt(0);
  // Only text that starts like a number can be one, and like a null or a bool, one of those.
  if ((first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46) return numberOrText(text);
  if (!NULL_OR_BOOL_START.has(first)) return text;
  switch (text) {
    case "~":
    case "null":
    case "Null":
    case "NULL":
      return null;
    case "true":
    case "True":
    case "TRUE":
      return true;
    case "false":
    case "False":
    case "FALSE":
      return false;
  }
  return text;
}

/** ~, n, N, t, T, f, F. */
const NULL_OR_BOOL_START = new Set([126, 110, 78, 116, 84, 102, 70]);

function numberOrText(text: string): unknown {
  if (INT.test(text)) return constructInt(text);
  if (FLOAT.test(text)) return constructFloat(text);
  return text;
}
