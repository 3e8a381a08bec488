import type { CodeFormat } from "../../model/types.js";

/**
 * How the generated code treats a set's codes: an alphanumeric set with a width behaves as a digits set of
 * that width (exact string lookup, and fromCode(int) formats like %0<width>d, reaching the codes made of
 * digits only); one without a width as a symbolic set (exact string lookup). The docs say what they are.
 */
export function wireKind(format: CodeFormat): "integer" | "digits" | "symbolic" {
  if (format.kind !== "alphanumeric") return format.kind;
  return format.width === undefined ? "symbolic" : "digits";
}

/** The width fromCode(int) formats to; 0 where it does not. */
export function wireWidth(format: CodeFormat): number {
  return format.kind === "digits" || format.kind === "alphanumeric" ? (format.width ?? 0) : 0;
}
