import type { Retry, Vendor } from "../../model/types.js";
import { jsDocComment, tsLineComment, tsString } from "../escape/typescript.js";
import { moduleSpecifier, type TsOptions } from "../typescript-options.js";
import { bannerText } from "./banner.js";
import { handlingSpec } from "./handling-spec.js";
import { wireKind, wireWidth } from "./wire-kind.js";

/** What templates/ts/handling.ts.hbs sees: the vendor's handling spec spelled as TypeScript literals. */
export function typescriptHandlingView(options: TsOptions, vendor: Vendor) {
  const spec = handlingSpec(vendor);
  const constOf = (set: number) => `SET_${set}`;
  const resolvedOf = (index: number) => `R${index}`;
  const response = vendor.errorResponse;
  return {
    banner: `// ${tsLineComment(bannerText(vendor.file))}`,
    handlingRuntimeModule: tsString(moduleSpecifier(options, "./codebook-handling")),
    moduleDoc: jsDocComment("", [`${vendor.name}: from a raw response body to typed errors, outcomes and one decision.`]),
    resolutions: spec.resolutions.map((resolved, index) => ({
      name: resolvedOf(index),
      literal: `{ outcome: ${tsString(resolved.outcome)}, retry: ${retryLiteral(resolved.retry)}, action: ${tsString(resolved.action)}, basis: ${tsString(resolved.basis)} }`,
    })),
    sets: spec.sets.map((set, index) => ({
      name: constOf(index),
      head: `id: ${tsString(set.id)}, kind: ${tsString(wireKind(set.set.format))}, width: ${wireWidth(set.set.format)}`,
      codes: set.codes.map((code) => ({
        line: `[${typeof code.code === "number" ? String(code.code) : tsString(code.wire)}, { code: ${typeof code.code === "number" ? String(code.code) : tsString(code.code)}, name: ${tsString(code.name)}, resolved: ${resolvedOf(code.resolved)}${code.retired ? ", retired: true" : ""} }]`,
      })),
      ranges: `[${set.ranges.map((range) => `{ min: ${range.min}, max: ${range.max}, resolved: ${resolvedOf(range.resolved)} }`).join(", ")}]`,
      fallback: set.fallback === null ? "null" : resolvedOf(set.fallback),
      uncoded: set.uncoded.map((entry) => ({
        line: `{ name: ${tsString(entry.name)}, httpStatus: ${entry.httpStatus}, message: ${tsString(entry.message)}, resolved: ${resolvedOf(entry.resolved)} }`,
      })),
    })),
    codeFields: spec.codeFields.map((field) => ({
      line: `{ field: ${tsString(field.field)}, element: [${field.element.map((step) => `{ key: ${tsString(step.key)}, list: ${step.list} }`).join(", ")}], code: ${stringList(field.code)}, message: ${field.message === null ? "null" : stringList(field.message)}, set: ${constOf(field.set)} }`,
    })),
    supportFields: spec.supportFields.map((field) => ({ line: `{ field: ${tsString(field.field)}, path: ${stringList(field.path)} }` })),
    httpStatuses: spec.httpStatuses.map((entry) => ({ line: `[${entry.status}, ${resolvedOf(entry.resolved)}]` })),
    httpClasses: spec.httpClasses.map((entry) => ({ line: `[${entry.statusClass}, ${resolvedOf(entry.resolved)}]` })),
    precedence: stringList(spec.precedence),
    fallback: resolvedOf(spec.fallback),
    vendorId: tsString(vendor.id),
    parseDoc: jsDocComment("", [
      `Reads a ${vendor.name} response body (the parsed JSON) into every error it carries, each with its outcome, retry, action and the rule that decided (basis). Never throws: a body of another shape gives wellFormed false and says why in problems.`,
      response?.description,
      ...vendor.guidance.map((item) => [`${item.title}: ${item.text}`, ...item.items.map((line) => `- ${line}`)].join("\n")),
    ]),
  };
}

function stringList(items: readonly string[]): string {
  return `[${items.map(tsString).join(", ")}]`;
}

function retryLiteral(retry: Retry): string {
  const delay = (value: number | undefined) => (value === undefined ? "null" : String(value));
  return `{ policy: ${tsString(retry.policy)}, minDelaySeconds: ${delay(retry.minDelaySeconds)}, maxDelaySeconds: ${delay(retry.maxDelaySeconds)}, delaysSeconds: [${retry.delaysSeconds.join(", ")}] }`;
}
