import * as runtime from "./template-runtime.js";

/**
 * Compiles a Handlebars template (parsed, so whitespace control is applied) into plain JavaScript, when it
 * uses only what the built-in templates use: text, mustaches of paths (`x`, `a.b`, `this`, `../x`) and
 * #if, #unless and #each blocks with an optional else. Anything else (helpers with arguments, partials,
 * @data, block params, literals, hashes) gives undefined, and Handlebars renders that template itself.
 *
 * Why: Handlebars' generic runtime spends most of its time on helper dispatch, option objects and a
 * closure per block; here the lookups are inline. Output and errors are Handlebars' own, strict and
 * unescaped (template-runtime.ts holds its semantics): values are joined with `+` exactly as its compiled
 * code joins them, which even adds two adjacent numbers. One difference, on purpose: a missing field is
 * reported where it is, where Handlebars (which compiles identical blocks once) names the first of them.
 *
 * The result is the source of a function that takes template-runtime and returns the template.
 */
export function templateToJs(program: hbs.AST.Program): string | undefined {
  try {
    const emitter = new Emitter();
    const depths = usesDepths(program);
    const main = emitter.programInto(program, "c0", depths ? "d0" : "", "r0");
    return [
      "function (rt) {",
      '"use strict";',
      `const { ${Object.keys(runtime).sort().join(", ")} } = rt;`,
      ...emitter.hoisted,
      "return function template(c0) {",
      ...(depths ? ["const d0 = rootDepths(c0);"] : []),
      "let r0;",
      ...main,
      // The runtime's main() turns the result into text: "" + value.
      'return "" + r0;',
      "};",
      "}",
    ].join("\n");
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/** A template made from templateToJs's source (for templates compiled at run time). */
export function instantiateTemplate(source: string): (view: unknown) => string {
  return new Function(`return ${source};`)()(runtime);
}

/** Something Handlebars supports and this compiler leaves to it. */
class Unsupported extends Error {}

const BLOCK_HELPERS = new Set(["if", "unless", "each"]);
/** Handlebars' built-in helpers: `{{name}}` with one of these names calls the helper, not a field. */
const HELPER_NAMES = new Set(["blockHelperMissing", "each", "helperMissing", "if", "log", "lookup", "unless", "with"]);

class Emitter {
  /** Each #each body becomes its own function: one template-sized function would be too large for V8 to optimize. */
  readonly hoisted: string[] = [];
  private next = 1;

  /**
   * Statements that leave a program's value in `result` (declared by the caller), for context `context`
   * and the depths variable `received` ("" for none). As in Handlebars, a program passes depths on to its
   * blocks only if it or a block inside it climbs (`../`): only then are contexts compared and pushed.
   */
  programInto(program: hbs.AST.Program | undefined, context: string, received: string, result: string): string[] {
    if (program?.blockParams?.length) throw new Unsupported("block params");
    const depths = program && usesDepths(program) ? received : "";
    const lines: string[] = [];
    let first = true;
    let pendingText = "";
    const append = (expression: string) => {
      lines.push(first ? `${result} = ${expression};` : `${result} = ${result} + ${expression};`);
      first = false;
    };
    const flushText = () => {
      // Handlebars skips empty text (left by whitespace control) and merges what is adjacent.
      if (pendingText) append(JSON.stringify(pendingText));
      pendingText = "";
    };
    for (const statement of program?.body ?? []) {
      if (statement.type === "ContentStatement") pendingText += (statement as hbs.AST.ContentStatement).value;
      else if (statement.type === "CommentStatement") continue;
      else if (statement.type === "MustacheStatement") {
        flushText();
        append(`shown(${this.mustacheValue(statement as hbs.AST.MustacheStatement, context, depths)})`);
      } else if (statement.type === "BlockStatement") {
        flushText();
        const block = `b${this.next++}`;
        lines.push(`let ${block};`, ...this.blockInto(statement as hbs.AST.BlockStatement, context, depths, block));
        append(`shown(${block})`);
      } else throw new Unsupported(statement.type);
    }
    flushText();
    if (first) lines.push(`${result} = "";`);
    return lines;
  }

  private mustacheValue(mustache: hbs.AST.MustacheStatement, context: string, depths: string): string {
    if (mustache.params.length > 0 || mustache.hash) throw new Unsupported("helper call");
    const path = asPath(mustache.path);
    const base = this.base(path, context, depths);
    const parts = path.parts;
    if (parts.length === 0) return `lambda(${base}, ${context})`;
    const { line, column } = path.loc.start;
    const last = JSON.stringify(parts[parts.length - 1]);
    if (parts.length === 1 && path.depth === 0 && !isScoped(path)) {
      if (HELPER_NAMES.has(parts[0] as string)) throw new Unsupported("helper name");
      return `fieldValue(strict(${context}, ${last}, ${line}, ${column}))`;
    }
    const parent = parts.slice(0, -1).reduce((chain, part) => `own(${chain}, ${JSON.stringify(part)})`, base);
    return `lambda(strict(${parent}, ${last}, ${line}, ${column}), ${context})`;
  }

  /** A block helper's argument: looked up without strictness, as Handlebars looks up parameters. */
  private paramValue(block: hbs.AST.BlockStatement, context: string, depths: string): string {
    if (block.params.length !== 1 || block.hash) throw new Unsupported("helper arguments");
    const path = asPath(block.params[0] as hbs.AST.Expression);
    return path.parts.reduce((chain, part) => `own(${chain}, ${JSON.stringify(part)})`, this.base(path, context, depths));
  }

  private base(path: hbs.AST.PathExpression, context: string, depths: string): string {
    return path.depth > 0 ? `${depths}[${path.depth}]` : context;
  }

  private blockInto(block: hbs.AST.BlockStatement, context: string, depths: string, result: string): string[] {
    const helper = block.path.type === "PathExpression" && block.path.original;
    if (!helper || !BLOCK_HELPERS.has(helper) || !block.program) throw new Unsupported("block");
    const argument = this.paramValue(block, context, depths);
    if (helper === "each") return this.eachInto(block, argument, context, depths, result);
    const [onTrue, onFalse] = helper === "if" ? [block.program, block.inverse] : [block.inverse, block.program];
    const id = this.next++;
    const branch = (program: hbs.AST.Program | undefined) => (program ? this.sameContextInto(program, context, depths, result, id) : [`${result} = "";`]);
    return [`if (truthy(${argument}, ${context})) {`, ...branch(onTrue), "} else {", ...branch(onFalse), "}"];
  }

  /**
   * A block a helper renders on its own context (`this`, or nullContext for none), as #if does and #each's
   * else. Its depths are pushed like any block's: a context that != itself (NaN) is pushed again.
   */
  private sameContextInto(program: hbs.AST.Program, context: string, depths: string, result: string, id: number): string[] {
    const [inner, innerDepths] = [`c${id}`, depths ? `d${id}` : ""];
    return [
      `const ${inner} = helperThis(${context});`,
      ...(depths ? [`const ${innerDepths} = pushDepth(${inner}, ${depths});`] : []),
      ...this.programInto(program, inner, innerDepths, result),
    ];
  }

  private eachInto(block: hbs.AST.BlockStatement, argument: string, context: string, depths: string, result: string): string[] {
    const id = this.next++;
    const body = `each${id}`;
    this.hoisted.push(
      `function ${body}(c, d) {`,
      ...(depths ? [`const dd = pushDepth(c, d);`] : []),
      "let r;",
      ...this.programInto(block.program, "c", depths ? "dd" : "", "r"),
      "return r;",
      "}",
    );
    const [value, count] = [`v${id}`, `n${id}`];
    // Arrays, the common case, are looped over here; eachOther takes the rest (template-runtime.ts).
    const loop = [
      `const ${value} = ${argument};`,
      `let ${count};`,
      `if (Array.isArray(${value})) {`,
      `${count} = ${value}.length;`,
      `${result} = "";`,
      `for (let i = 0; i < ${count}; i++) if (i in ${value}) ${result} = ${result} + ${body}(${value}[i], ${depths || "undefined"});`,
      "} else {",
      `const other = eachOther(${value}, ${context}, ${body}, ${depths || "undefined"});`,
      `${result} = other.text;`,
      `${count} = other.count;`,
      "}",
    ];
    if (!block.inverse) return loop;
    return [...loop, `if (${count} === 0) {`, ...this.sameContextInto(block.inverse, context, depths, result, id), "}"];
  }
}

function asPath(expression: hbs.AST.Expression): hbs.AST.PathExpression {
  const path = expression as hbs.AST.PathExpression;
  if (expression.type !== "PathExpression" || path.data) throw new Unsupported("not a path");
  // `[]` first (`{{[]}}`, `{{this.[]}}`) is the context itself to Handlebars, whatever follows.
  if (path.parts[0] === "") throw new Unsupported("empty first segment");
  return path;
}

/** Handlebars' AST.helpers.scopedId: `this.x` and `./x` never name a helper. */
function isScoped(path: hbs.AST.PathExpression): boolean {
  return /^\.|this\b/.test(path.original);
}

/** Whether a path in this node or below climbs (`../x`), as Handlebars' compiler decides a program's useDepths. */
function usesDepths(node: unknown): boolean {
  if (!node || typeof node !== "object") return false;
  const known = DEPTHS_USED.get(node);
  if (known !== undefined) return known;
  const uses =
    ((node as { type?: string }).type === "PathExpression" && (node as hbs.AST.PathExpression).depth > 0) ||
    Object.entries(node).some(([key, value]) => key !== "loc" && usesDepths(value));
  DEPTHS_USED.set(node, uses);
  return uses;
}
const DEPTHS_USED = new WeakMap<object, boolean>();
