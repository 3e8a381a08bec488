import type { RetryPolicy, Severity } from "../../model/types.js";
import { javaLineComment, javaString } from "../escape/java.js";
import { bannerText } from "./banner.js";

/*
 * The types every generated enum and parser shares live in one package, <prefix>.runtime
 * (codebook.runtime by default, beside the default vendor packages codebook.<vendor>; see java-options.ts).
 * It is one package per output rather than a copy per vendor, so that a handler can take any vendor's
 * code (CodebookCode) and read its Retry; its files are the same for every catalog, so two outputs on one
 * classpath agree on them.
 */

/** The runtime's types, each one file of templates/java/runtime/. */
export const JAVA_RUNTIME_TYPES = ["CodebookCode", "Label", "Placeholder", "Placeholders", "Retry", "RetryPolicy", "Severity"] as const;

/** Where a runtime type goes: generated/java/codebook/runtime/<Type>.java. */
export function javaRuntimePath(runtime: string, type: (typeof JAVA_RUNTIME_TYPES)[number]): string {
  return `java/${runtime.replace(/\./g, "/")}/${type}.java`;
}

/** Every retry policy of the catalogs, in the schema's order, with what it means (keyed, so the compiler sees them all). */
const RETRY_POLICIES = {
  never: "Do not retry: the same request fails the same way.",
  "after-fix": "Retry only after changing the request or the setup.",
  "after-delay": "Retry the same request after a wait.",
  "exponential-backoff": "Retry with growing waits.",
  manual: "A person has to act before a retry.",
} satisfies Record<RetryPolicy, string>;

/**
 * The Java expression for a retry policy's constant, for the generated enums: through the class literal, as
 * codebook.runtime.RetryPolicy.AFTER_FIX would be obscured in an enum with a constant named codebook
 * (or the prefix's first segment: a class literal names a type, which no constant obscures).
 */
export function javaRetryPolicy(runtime: string, policy: RetryPolicy): string {
  return `java.lang.Enum.valueOf(${runtime}.RetryPolicy.class, ${javaString(javaConstantOfId(policy))})`;
}

/** Every severity a code can have, in the schema's order, with what it means. */
const SEVERITIES = {
  error: "The operation failed.",
  warning: "The operation went through, with something the caller should look at.",
  info: "Information only.",
  success: "The operation succeeded.",
} satisfies Record<Severity, string>;

/** An id (lower-case letters, digits, hyphens) as a Java constant name: after-fix is AFTER_FIX. */
export function javaConstantOfId(id: string): string {
  return id.toUpperCase().replace(/-/g, "_");
}

/**
 * The runtime's enums of catalog ids (RetryPolicy, Severity): one template, templates/java/runtime/IdEnum.java.hbs,
 * with each type's constants and what they mean.
 */
const ID_ENUMS: Partial<Record<(typeof JAVA_RUNTIME_TYPES)[number], { readonly doc: string; readonly example: string; readonly ids: Record<string, string> }>> =
  {
    RetryPolicy: {
      doc: "Whether and how a caller may retry after a code: the catalogs' retry policies, the same for every vendor.",
      example: "after-fix",
      ids: RETRY_POLICIES,
    },
    Severity: { doc: "How grave a code is: the catalogs' severities, the same for every vendor.", example: "warning", ids: SEVERITIES },
  };

/** The template of a runtime type: its own, or the one of the enums of ids. */
export function javaRuntimeTemplate(type: (typeof JAVA_RUNTIME_TYPES)[number]): string {
  return ID_ENUMS[type] ? "java/runtime/IdEnum.java.hbs" : `java/runtime/${type}.java.hbs`;
}

/** What templates/java/runtime/*.java.hbs see for one type. */
export function javaRuntimeView(runtime: string, type: (typeof JAVA_RUNTIME_TYPES)[number]) {
  const banner = `// ${javaLineComment(bannerText("codebook's runtime template"))}`;
  const idEnum = ID_ENUMS[type];
  if (!idEnum) return { banner, package: runtime };
  const ids = Object.entries(idEnum.ids);
  return {
    banner,
    package: runtime,
    typeName: type,
    doc: idEnum.doc,
    example: idEnum.example,
    constants: ids.map(([id, doc], index) => ({ name: javaConstantOfId(id), id: javaString(id), doc, separator: index === ids.length - 1 ? ";" : "," })),
  };
}
