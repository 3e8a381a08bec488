import { loadCoreYaml } from "./core-schema.js";
import { lineAndColumn } from "./source-file.js";
import { readYamlSubset } from "./yaml-subset.js";

/**
 * Reads catalog text with the YAML 1.2 core schema, many times faster than a parse that keeps positions:
 * by yaml-subset.ts where the text keeps to the plain block style catalogs use, else by js-yaml. It
 * vouches only for plain, unaliased data: on any error, or if the text could hold an anchor or alias
 * (which could hide an alias bomb), it returns undefined and the caller takes the careful path, which
 * also produces the positioned diagnostics.
 */
export function parseFast(text: string): unknown {
  const subset = readYamlSubset(text);
  if (subset) return subset;
  if (MAYBE_ANCHOR_OR_ALIAS.test(text)) return undefined;
  let data: unknown;
  try {
    data = loadCoreYaml(text);
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
 * The fast parser's objection to a text, with its 1-based position, if it has one. The careful path
 * reports it when the position-keeping parser raised nothing: the two then disagree, and the careful
 * parser is the lenient one (it reads a quoted scalar cut off at the end of the file as complete).
 */
export function fastParseObjection(text: string): { message: string; line: number; column: number } | undefined {
  try {
    loadCoreYaml(text);
    return undefined;
  } catch (error) {
    const problem = error as { reason?: string; message?: string; mark?: { position: number } };
    // From the offset: js-yaml's own line and column are wrong for some errors (a NUL byte is reported on
    // line 1, at its offset as the column). It may point one past the end of a file without a final
    // newline: the position is kept inside the file.
    const { line, column } = lineAndColumn(text, Math.min(problem.mark?.position ?? 0, text.length));
    return { message: problem.reason ?? problem.message ?? String(error), line, column };
  }
}
