/**
 * What templates compiled by template-to-js.ts call at run time: Handlebars' own semantics (strict, no
 * escaping) for the few things they need, so a compiled template gives exactly what Handlebars gives.
 * Each function names the Handlebars piece it stands for.
 */

/** What a template reads fields of: any value (reading a field of null or undefined throws, as in Handlebars). */
type Fields = Record<string, unknown>;

/** Handlebars' container.nullContext: what `this` is for a helper called on a null or undefined context. */
const NULL_CONTEXT = Object.seal({});

/** container.lookupProperty: an own property, or undefined (Handlebars denies inherited properties by default). */
export function own(parent: unknown, name: string): unknown {
  const result = (parent as Fields)[name];
  if (result == null) return result;
  return Object.hasOwn(parent as object, name) ? result : undefined;
}

/** container.strict: a path's last part must exist, or the template fails with Handlebars' message and position. */
export function strict(parent: unknown, name: string, line: number, column: number): unknown {
  if (!parent || !(name in (parent as object))) throw new Error(`"${name}" not defined in ${parent} - ${line}:${column}`);
  return own(parent, name);
}

/** container.lambda: a function found at a path is called with the context as `this`. */
export function lambda(value: unknown, context: unknown): unknown {
  return typeof value === "function" ? value.call(context) : value;
}

/** An ambiguous `{{name}}` that found a field rather than a helper: a function is called on the context (or nullContext). */
export function fieldValue(value: unknown, context: unknown): unknown {
  return typeof value === "function" ? value.call(helperThis(context)) : value;
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
 * The values the each helper visits, for a context that is not an array: an iterable's items, or an object's
 * values in key order; none for anything else. `length` is how many iterations Handlebars counts.
 */
export function eachItems(value: unknown, context: unknown): readonly unknown[] {
  const items = typeof value === "function" ? value.call(helperThis(context)) : value;
  if (!items || typeof items !== "object") return [];
  if (Array.isArray(items)) return items;
  if ((items as Record<symbol, unknown>)[Symbol.iterator]) return Array.from(items as Iterable<unknown>);
  return Object.keys(items).map((key) => (items as Fields)[key]);
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
