import jsYaml from "js-yaml";

/**
 * Reads catalog text with js-yaml and a YAML 1.2 core schema, which is many times faster than a parse
 * that keeps positions. It vouches only for plain, unaliased data: on any error, or if the text could
 * hold an anchor or alias (which could hide an alias bomb), it returns undefined and the caller takes
 * the careful path, which also produces the positioned diagnostics.
 */
export function parseFast(text: string): unknown {
  if (MAYBE_ANCHOR_OR_ALIAS.test(text)) return undefined;
  let data: unknown;
  try {
    data = jsYaml.load(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  return data === null || typeof data !== "object" || Array.isArray(data) ? undefined : data;
}

/**
 * An & or * where YAML could read an anchor or alias: after the start of a line, white space, a flow
 * indicator or a colon, which are the only places a node's properties can stand. Conservative: it also
 * matches "*bold*" in plain text, which then merely takes the careful path.
 */
const MAYBE_ANCHOR_OR_ALIAS = /(^|[\s,[{:])[&*][^\s,[\]{}]/m;

/**
 * YAML 1.2's core schema as the careful parser (yaml) reads it. js-yaml's own core schema also takes
 * 1_000 and 0b101 as numbers, where yaml reads strings; with it a catalog could be valid or not
 * depending on which path it took. These two types replace js-yaml's (same tags) with the spec's forms.
 */
const CORE_SCHEMA = jsYaml.CORE_SCHEMA.extend({
  implicit: [
    new jsYaml.Type("tag:yaml.org,2002:int", {
      kind: "scalar",
      resolve: (data: string) => /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/.test(data),
      construct: (data: string) => (data.startsWith("0o") ? Number.parseInt(data.slice(2), 8) : Number(data)),
    }),
    new jsYaml.Type("tag:yaml.org,2002:float", {
      kind: "scalar",
      resolve: (data: string) => /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/.test(data),
      construct: (data: string) =>
        /\.(?:nan|NaN|NAN)$/.test(data) ? Number.NaN : /inf$/i.test(data) ? (data.startsWith("-") ? -Infinity : Infinity) : Number(data),
    }),
  ],
});

/**
 * The fast parser's objection to a text, with its 1-based position, if it has one. The careful path
 * reports it when the position-keeping parser raised nothing: the two then disagree, and the careful
 * parser is the lenient one (it reads a quoted scalar cut off at the end of the file as complete).
 */
export function fastParseObjection(text: string): { message: string; line: number; column: number } | undefined {
  try {
    jsYaml.load(text, { schema: CORE_SCHEMA });
    return undefined;
  } catch (error) {
    const problem = error as { reason?: string; message?: string; mark?: { line: number; column: number } };
    // js-yaml may point one past the end of a file without a final newline: keep the position inside the file.
    const lines = text.split("\n");
    const line = Math.min((problem.mark?.line ?? 0) + 1, lines.length);
    const column = line === (problem.mark?.line ?? 0) + 1 ? (problem.mark?.column ?? 0) + 1 : (lines[line - 1]?.length ?? 0) + 1;
    return { message: problem.reason ?? problem.message ?? String(error), line, column };
  }
}
