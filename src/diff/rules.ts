/**
 * What a change can break, from the worst down. `--fail-on X` fails on X and everything above it;
 * additive changes never fail.
 */
export type ChangeCategory = "wire" | "source" | "behaviour" | "additive";

export const CATEGORY_ORDER: readonly ChangeCategory[] = ["wire", "source", "behaviour", "additive"];

/** Whether a change of this category fails a run with `--fail-on threshold`. */
export function failsOn(category: ChangeCategory, threshold: Exclude<ChangeCategory, "additive">): boolean {
  return category !== "additive" && CATEGORY_ORDER.indexOf(category) <= CATEGORY_ORDER.indexOf(threshold);
}

/** How the changelog groups a change. */
export type ChangeGroup = "added" | "retired" | "changed" | "removed";

export interface RuleInfo {
  readonly category: ChangeCategory;
  readonly group: ChangeGroup;
  /** One line for the README's table. */
  readonly meaning: string;
}

/** Every rule of `gen diff`, by its stable id. The README's table lists them in this order. */
export const RULES = {
  VENDOR_REMOVED: { category: "wire", group: "removed", meaning: "a vendor (catalog) was removed" },
  CODE_SET_REMOVED: { category: "wire", group: "removed", meaning: "a code set was removed" },
  CODE_REMOVED: { category: "wire", group: "removed", meaning: "a code was deleted without being retired" },
  RETIRED_CODE_REMOVED: { category: "wire", group: "removed", meaning: "a retired code's entry was deleted, so its value may be reused" },
  NAME_CODE_CHANGED: { category: "wire", group: "changed", meaning: "a name now has another code" },
  CODE_NAME_CHANGED: { category: "wire", group: "changed", meaning: "a code now has another name" },
  CODE_KIND_CHANGED: { category: "wire", group: "changed", meaning: "a code set's codeKind changed" },
  CODE_WIDTH_CHANGED: { category: "wire", group: "changed", meaning: "a digit or alphanumeric code set's width changed" },
  VENDOR_ID_CHANGED: { category: "source", group: "changed", meaning: "a vendor id was renamed (its module and namespace change)" },
  JAVA_PACKAGE_CHANGED: { category: "source", group: "changed", meaning: "a vendor's Java package changed" },
  CODE_SET_ID_CHANGED: { category: "source", group: "changed", meaning: "a code set id was renamed" },
  TYPE_NAME_CHANGED: { category: "source", group: "changed", meaning: "a code set's typeName was renamed" },
  CODE_RETIRED: { category: "source", group: "retired", meaning: "a code was retired: it leaves the generated enums, parse() still knows it" },
  PLACEHOLDER_REMOVED: { category: "source", group: "changed", meaning: "a placeholder was removed" },
  PLACEHOLDER_RENAMED: { category: "source", group: "changed", meaning: "a placeholder was renamed" },
  PLACEHOLDER_ADDED: { category: "source", group: "changed", meaning: "a placeholder was added to a text that had placeholders (callers must pass it)" },
  UNCODED_REMOVED: { category: "source", group: "removed", meaning: "a code-less case was removed" },
  UNCODED_NAME_CHANGED: { category: "source", group: "changed", meaning: "a code-less case was renamed" },
  HTTP_STATUS_CHANGED: { category: "behaviour", group: "changed", meaning: "a code's or code-less case's HTTP status changed" },
  RETRY_CHANGED: { category: "behaviour", group: "changed", meaning: "a retry decision (policy or delays) changed" },
  OUTCOME_CHANGED: {
    category: "behaviour",
    group: "changed",
    meaning: "a code's or code-less case's resolved outcome changed (what `decide()` returns for it)",
  },
  UNCODED_MESSAGE_CHANGED: { category: "behaviour", group: "changed", meaning: "the message a code-less case is matched by changed" },
  TRANSLATION_REMOVED: { category: "behaviour", group: "changed", meaning: "a translation was removed (format() falls back to the vendor's text)" },
  VENDOR_ADDED: { category: "additive", group: "added", meaning: "a vendor was added" },
  CODE_SET_ADDED: { category: "additive", group: "added", meaning: "a code set was added" },
  CODE_ADDED: { category: "additive", group: "added", meaning: "a code was added" },
  CODE_UNRETIRED: { category: "additive", group: "added", meaning: "a retired code is live again" },
  UNCODED_ADDED: { category: "additive", group: "added", meaning: "a code-less case was added" },
  PLACEHOLDER_INTRODUCED: { category: "additive", group: "changed", meaning: "a text without placeholders got its first ones" },
  TRANSLATION_ADDED: { category: "additive", group: "added", meaning: "a translation was added" },
  TEXT_CHANGED: { category: "additive", group: "changed", meaning: "a message, description, action or translated text was edited" },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;
