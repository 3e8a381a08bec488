/**
 * What templates compiled by template-to-js.ts call at run time: Handlebars' own semantics (strict, no
 * escaping) for the few things they need, so a compiled template gives exactly what Handlebars gives.
 * Each function names the Handlebars piece it stands for.
 */

/** What a template reads fields of: any value (reading a field of null or undefined throws, as in Handlebars). */
type Fields = Record<string, unknown>;

/** Handlebars' container.nullContext: what `this` is for a helper called on a null or undefined context. */
const NULL_CONTEXT = Object.seal({});

/**
 * container.lookupProperty (Handlebars 4.7.10): an own property, except a prototype's own `constructor`
 * (Function.prototype.constructor is Function, a way to run code); never an inherited one, which
 * Handlebars denies by default.
 */
export function own(parent: unknown, name: string): unknown {
  const result = (parent as Fields)[name];
  if (result == null) return result;
  const prototypeConstructor = name === "constructor" && typeof result === "function" && parent === result.prototype;
  return Object.hasOwn(parent as object, name) && !prototypeConstructor ? result : undefined;
}

/** container.strict: a path's last part must exist, or the template fails with Handlebars' message and position. */
export function strict(parent: unknown, name: string, line: number, column: number): unknown {
  // Joined with +, as Handlebars joins it: an object's valueOf comes before its toString.
  if (!parent || !(name in (parent as object))) throw new Error('"' + name + '" not defined in ' + parent + " - " + line + ":" + column);
  return own(parent, name);
}

/**
 * Thrown where a compiled template meets what it does not mirror: a function where `{{name}}` could name
 * a helper, which Handlebars calls with an options object of its own making. The renderer then renders
 * that template with Handlebars itself. Views are data, so this does not happen with the built-in ones.
 */
export class NeedsHandlebars extends Error {}

/** container.lambda: a function found at a path is called with the context as `this`. */
export function lambda(value: unknown, context: unknown): unknown {
  return typeof value === "function" ? value.call(context) : value;
}

/** An ambiguous `{{name}}` that found a field rather than a helper: its value, if it is not a function (see NeedsHandlebars). */
export function fieldValue(value: unknown): unknown {
  if (typeof value === "function") throw new NeedsHandlebars("a function where a template names a field");
  return value;
}

/** What a mustache appends: nothing for null or undefined. */
export function shown(value: unknown): unknown {
  return value != null ? value : "";
}

/** `this` inside a helper, and so the context of the block it renders: the context, or nullContext for none. */
export function helperThis(context: unknown): unknown {
  return context != null ? context : NULL_CONTEXT;
}

/** The if helper's test (without includeZero): falsy values and empty arrays render the inverse. */
export function truthy(condition: unknown, context: unknown): boolean {
  const value = typeof condition === "function" ? condition.call(helperThis(context)) : condition;
  return Boolean(value) && !(Array.isArray(value) && value.length === 0);
}

/**
 * The each helper on anything but an array (the compiled template loops over arrays itself): a function
 * is called first; then an array, an iterable (item by item, closed if a block throws) or an object's
 * keys (each value read as its turn comes). Gives the text and how many iterations Handlebars counts.
 */
export function eachOther(
  value: unknown,
  context: unknown,
  body: (item: unknown, depths: unknown) => unknown,
  depths: unknown,
): { text: string; count: number } {
  const items = typeof value === "function" ? value.call(helperThis(context)) : value;
  let text = "";
  let count = 0;
  if (!items || typeof items !== "object") return { text, count };
  if (Array.isArray(items)) {
    for (const length = items.length; count < length; count++) if (count in items) text = text + body(items[count], depths);
  } else if ((items as Record<symbol, unknown>)[Symbol.iterator]) {
    const iterator = (items as Iterable<unknown>)[Symbol.iterator]();
    for (let current = iterator.next(); !current.done; count++) {
      const next = iterator.next();
      try {
        text = text + body(current.value, depths);
      } catch (error) {
        if (!next.done) closeQuietly(iterator);
        throw error;
      }
      current = next;
    }
  } else {
    // One step behind, as Handlebars goes: a value is read when the next key is reached.
    let prior: string | undefined;
    for (const key of Object.keys(items)) {
      if (prior !== undefined) text = text + body((items as Fields)[prior], depths);
      prior = key;
      count++;
    }
    if (prior !== undefined) text = text + body((items as Fields)[prior], depths);
  }
  return { text, count };
}

/** Lets a generator run its cleanup after a block threw; an error from closing is dropped (the block's stands). */
function closeQuietly(iterator: Iterator<unknown>): void {
  try {
    const close = iterator.return;
    if (typeof close === "function") close.call(iterator);
  } catch {
    // The block's error is the one to report.
  }
}

/** The runtime's depths: a block whose context differs from its parent's pushes it, so `../` reaches the parent. */
export function pushDepth(context: unknown, depths: readonly unknown[]): readonly unknown[] {
  // Loose, as in Handlebars: a context that == its parent (a string item equal to it, say) is not pushed.
  // biome-ignore lint/suspicious/noDoubleEquals: Handlebars' runtime compares with !=, and the output must match it.
  return context != depths[0] && !(context === NULL_CONTEXT && depths[0] === null) ? [context, ...depths] : depths;
}

/** The root's depths, as the runtime starts them. */
export function rootDepths(context: unknown): readonly unknown[] {
  return context != null ? [context] : [];
}
