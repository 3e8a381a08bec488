import jsYaml from "js-yaml";

/**
 * Reads catalog text with js-yaml's YAML 1.2 core schema, which is many times faster than a parse
 * that keeps positions. It vouches only for plain, unaliased data: on any error, or if the data shares
 * nodes (YAML aliases, which could hide an alias bomb), it returns undefined and the caller takes the
 * careful path, which also produces the positioned diagnostics.
 */
export function parseFast(text: string): unknown {
  if (MAYBE_ANCHOR_OR_ALIAS.test(text)) return undefined;
  let data: unknown;
  try {
    data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) return undefined;
  return sharesNodes(data) ? undefined : data;
}

/**
 * An & or * where YAML could read an anchor or alias. Conservative: it also matches "*bold*" in plain
 * text, which then merely takes the careful path. Aliases of scalars leave no trace in js-yaml's data,
 * so the alias limits can only be enforced by the careful path.
 */
const MAYBE_ANCHOR_OR_ALIAS = /(^|[\s,[{:])[&*][^\s,[\]{}]/m;

/**
 * Whether any object or array is reachable twice: js-yaml resolves an alias to the anchored object itself.
 * Plain loops rather than Object.values: this walks every node of every clean catalog. (for...in would
 * also see inherited enumerable keys; parsed data has none, and one would only mean the careful path.)
 */
function sharesNodes(root: object): boolean {
  const seen = new Set<object>();
  const stack: object[] = [root];
  const visit = (value: unknown) => {
    if (value !== null && typeof value === "object") stack.push(value);
  };
  while (stack.length > 0) {
    const node = stack.pop() as object;
    if (seen.has(node)) return true;
    seen.add(node);
    if (Array.isArray(node)) for (let index = 0; index < node.length; index++) visit(node[index]);
    else for (const key in node) visit((node as Record<string, unknown>)[key]);
  }
  return false;
}

/**
 * The fast parser's objection to a text, with its 1-based position, if it has one. The careful path
 * reports it when the position-keeping parser raised nothing: the two then disagree, and the careful
 * parser is the lenient one (it reads a quoted scalar cut off at the end of the file as complete).
 */
export function fastParseObjection(text: string): { message: string; line: number; column: number } | undefined {
  try {
    jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
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
