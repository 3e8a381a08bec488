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

/** What templates/java/runtime/*.java.hbs see. */
export function javaRuntimeView(runtime: string) {
  const policies = Object.entries(RETRY_POLICIES);
  const severities = Object.entries(SEVERITIES);
  return {
    banner: `// ${javaLineComment(bannerText("codebook's runtime template"))}`,
    package: runtime,
    policies: policies.map(([id, doc], index) => ({
      name: javaConstantOfId(id),
      id: javaString(id),
      doc,
      separator: index === policies.length - 1 ? ";" : ",",
    })),
    severities: severities.map(([id, doc], index) => ({
      name: javaConstantOfId(id),
      id: javaString(id),
      doc,
      separator: index === severities.length - 1 ? ";" : ",",
    })),
  };
}
