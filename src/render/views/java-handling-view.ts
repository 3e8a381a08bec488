import type { Vendor } from "../../model/types.js";
import { responsesClassName } from "../../model/vendor-names.js";
import { javadocComment, javaLineComment, javaString } from "../escape/java.js";
import { bannerText } from "./banner.js";
import { handlingSpec } from "./handling-spec.js";
import { wireKind, wireWidth } from "./wire-kind.js";

/** The class of a vendor's response parser: ExternalApiResponses for external-api. */
export function javaResponsesClass(vendor: Vendor): string {
  return responsesClassName(vendor.id);
}

/** Where it goes: generated/java/<package path>/<Vendor>Responses.java. */
export function javaResponsesPath(vendor: Vendor): string {
  return `java/${vendor.javaPackage.replace(/\./g, "/")}/${javaResponsesClass(vendor)}.java`;
}

/** UTF-16 units per string constant: at most three bytes each in the class file, well under its 65,535. */
const CHUNK_UNITS = 16_000;

/** What templates/java/responses.java.hbs sees: the vendor's handling spec spelled as Java. */
export function javaHandlingView(vendor: Vendor, runtime: string) {
  const spec = handlingSpec(vendor);
  const className = javaResponsesClass(vendor);
  const optional = (value: number | undefined) => (value === undefined ? "" : String(value));
  return {
    banner: `// ${javaLineComment(bannerText(vendor.file))}`,
    package: vendor.javaPackage,
    runtime,
    className,
    vendorId: javaString(vendor.id),
    classDoc: javadocComment("", [
      `${vendor.name}: from a raw response body (the Map/List/String/Number/Boolean tree a JSON library gives) to typed errors, outcomes and one decision. No dependencies.`,
    ]),
    parseDoc: javadocComment("    ", [
      `Reads a ${vendor.name} response body into every error it carries, each with its outcome, retry, action and the rule that decided (basis). Never throws: a body of another shape gives isWellFormed() false and says why in getProblems().`,
      vendor.errorResponse?.description,
      ...vendor.guidance.map((item) => [`${item.title}: ${item.text}`, ...item.items.map((line) => `- ${line}`)].join("\n")),
    ]),
    resolutionChunks: chunked(
      spec.resolutions.map((r) =>
        [r.outcome, r.retry.policy, optional(r.retry.minDelaySeconds), optional(r.retry.maxDelaySeconds), r.retry.delaysSeconds.join(","), r.action, r.basis]
          .map(field)
          .join(""),
      ),
    ),
    fallback: String(spec.fallback),
    sets: spec.sets.map((set, index) => {
      const kind = wireKind(set.set.format);
      const type = `${vendor.javaPackage}.${set.set.typeName}`;
      return {
        id: set.id,
        name: `SET_${index}`,
        dataName: `SET_${index}_CODES`,
        chunks: chunked(set.codes.map((code) => field(code.wire) + field(code.name) + field(String(code.resolved)) + field(code.retired ? "r" : ""))),
        integerCodes: String(kind === "integer"),
        head: `${javaString(set.id)}, Kind.${kind.toUpperCase()}, ${wireWidth(set.set.format)}`,
        ranges: set.ranges.map((range) => `new Range(${range.min}L, ${range.max}L, RESOLVED[${range.resolved}])`).join(", "),
        fallback: set.fallback === null ? "null" : `RESOLVED[${set.fallback}]`,
        uncoded: set.uncoded
          .map((entry) => `new Uncoded(${javaString(entry.name)}, ${entry.httpStatus}, ${javaString(entry.message)}, RESOLVED[${entry.resolved}])`)
          .join(", "),
        index: String(index),
        type,
      };
    }),
    codeFields: spec.codeFields.map(
      (f) =>
        `new CodeField(${javaString(f.field)}, new java.lang.String[] {${f.element.map((step) => javaString(step.key)).join(", ")}}, new boolean[] {${f.element.map((step) => String(step.list)).join(", ")}}, ${stringArray(f.code)}, ${f.message === null ? "null" : stringArray(f.message)}, SET_${f.set})`,
    ),
    supportFields: spec.supportFields.map((f) => stringArray([f.field, ...f.path]).replace(/^new java\.lang\.String\[\] /, "")),
    httpStatuses: spec.httpStatuses.map((entry) => ({ status: String(entry.status), resolved: String(entry.resolved) })),
    httpClasses: spec.httpClasses.map((entry) => ({ statusClass: String(entry.statusClass), resolved: String(entry.resolved) })),
    precedence: spec.precedence.map(javaString).join(", "),
  };
}

/** A length-prefixed field: <length>:<text>, so that any text can follow any other. */
function field(text: string): string {
  return `${text.length}:${text}`;
}

/** Records joined into string literals of at most CHUNK_UNITS units each (a record is never split). */
function chunked(records: readonly string[]): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const record of records) {
    if (current.length > 0 && current.length + record.length > CHUNK_UNITS) {
      chunks.push(current);
      current = "";
    }
    current += record;
  }
  if (current.length > 0 || chunks.length === 0) chunks.push(current);
  return chunks.map(javaString);
}

function stringArray(items: readonly string[]): string {
  return `new java.lang.String[] {${items.map(javaString).join(", ")}}`;
}
