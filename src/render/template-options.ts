/**
 * How every template is compiled: strict (a missing field is an error, not an empty string) and without
 * HTML escaping (each target's view escapes for its own language). Shared with the build-time precompiler.
 */
export const TEMPLATE_OPTIONS = { strict: true, noEscape: true } as const;
