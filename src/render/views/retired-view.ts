import type { CodeEntry } from "../../model/types.js";

/** The retired codes of a set as literals of the target's language: what parse() and retired() look up. */
export function retiredView(retired: readonly CodeEntry[], quote: (text: string) => string, quoteOrNull: (text: string | undefined) => string) {
  return retired.map((entry) => ({
    wire: quote(entry.wire),
    name: quote(entry.name),
    since: quote(entry.retired?.since ?? ""),
    reason: quote(entry.retired?.reason ?? ""),
    replacement: quoteOrNull(entry.retired?.replacement),
  }));
}
