import type { CatalogModel, CodeEntry, CodeSet, UncodedEntry, Vendor } from "../model/types.js";
import { anchorId } from "../render/escape/markdown.js";
import { CODE_FIELDS, type ExplainField, type FieldValue, UNCODED_FIELDS } from "./explain-fields.js";
import { closestTo } from "./suggest.js";

/** One entry a query matched, with everything its catalog says about it. */
export interface ExplainMatch {
  readonly vendor: { readonly id: string; readonly name: string };
  readonly codeSet: { readonly id: string; readonly title: string; readonly typeName: string };
  /** A code, or an error known only by HTTP status and message. */
  readonly kind: "code" | "uncoded";
  /** The code as on the wire (null for an uncoded error). */
  readonly code: number | string | null;
  readonly name: string;
  /** The entry's page and anchor in the generated docs, relative to the output directory. */
  readonly docs: string;
  /** The catalog's data, in CODE_FIELDS / UNCODED_FIELDS order; fields the entry lacks are left out. */
  readonly fields: readonly { readonly key: string; readonly label: string; readonly value: FieldValue; readonly text?: string }[];
}

export interface Explanation {
  readonly query: string;
  /** Every match, by vendor id, then in catalog order. */
  readonly matches: readonly ExplainMatch[];
  /** When nothing matched: the closest codes and names, as `vendor:code (NAME)`. */
  readonly suggestions: readonly string[];
}

/**
 * Finds what a query names across every vendor and code set: a code (`2310`, `0100`, `"0100"`), a name
 * (`BATTERY_TOO_LOW`, case ignored), either of them after `vendor:` or `vendor:code-set:`. Codes match
 * their wire string exactly, as fromCode(string) does: zero padding is significant. Pure.
 */
export function explainCode(model: CatalogModel, query: string): Explanation {
  const { vendors, term } = scope(model, query.trim());
  const matches: ExplainMatch[] = [];
  for (const { vendor, sets } of vendors) {
    for (const set of sets) {
      for (const entry of set.codes) if (codeMatches(entry, term)) matches.push(codeMatch(vendor, set, entry));
      for (const entry of set.uncoded) if (sameName(entry.name, term)) matches.push(uncodedMatch(vendor, set, entry));
    }
  }
  const suggestions = matches.length > 0 ? [] : suggest(vendors, term);
  return { query, matches, suggestions };
}

/** The vendors and sets a `vendor:` or `vendor:set:` prefix narrows the query to, and the term left. */
function scope(model: CatalogModel, query: string): { vendors: { vendor: Vendor; sets: readonly CodeSet[] }[]; term: string } {
  const parts = query.split(":");
  const vendor = parts.length > 1 ? model.vendors.find((candidate) => candidate.id === parts[0]) : undefined;
  if (!vendor) return { vendors: model.vendors.map((each) => ({ vendor: each, sets: each.codeSets })), term: unquote(query) };
  const set = parts.length > 2 ? vendor.codeSets.find((candidate) => candidate.id === parts[1]) : undefined;
  return set
    ? { vendors: [{ vendor, sets: [set] }], term: unquote(parts.slice(2).join(":")) }
    : { vendors: [{ vendor, sets: vendor.codeSets }], term: unquote(parts.slice(1).join(":")) };
}

/** `"0100"` typed with its quotes (as the catalog writes it) is the code 0100. */
function unquote(term: string): string {
  return /^(["']).*\1$/.test(term) && term.length >= 2 ? term.slice(1, -1) : term;
}

/** The wire string exactly, as fromCode(string) matches it (an integer's is its canonical decimal), or the name. */
function codeMatches(entry: CodeEntry, term: string): boolean {
  return entry.wire === term || sameName(entry.name, term);
}

function sameName(name: string, term: string): boolean {
  return name.toLowerCase() === term.toLowerCase();
}

function codeMatch(vendor: Vendor, set: CodeSet, entry: CodeEntry): ExplainMatch {
  const docs = `docs/${vendor.id}.md#${anchorId(set.id, entry.wire)}`;
  return { ...where(vendor, set), kind: "code", code: entry.code, name: entry.name, docs, fields: readFields(CODE_FIELDS, entry, set) };
}

function uncodedMatch(vendor: Vendor, set: CodeSet, entry: UncodedEntry): ExplainMatch {
  const docs = `docs/${vendor.id}.md#${anchorId(`${set.id}-uncoded`, entry.name)}`;
  return { ...where(vendor, set), kind: "uncoded", code: null, name: entry.name, docs, fields: readFields(UNCODED_FIELDS, entry, set) };
}

function where(vendor: Vendor, set: CodeSet): Pick<ExplainMatch, "vendor" | "codeSet"> {
  return { vendor: { id: vendor.id, name: vendor.name }, codeSet: { id: set.id, title: set.title, typeName: set.typeName } };
}

function readFields<Entry>(fields: readonly ExplainField<Entry>[], entry: Entry, set: CodeSet): ExplainMatch["fields"] {
  return fields.flatMap((field) => {
    const value = field.read(entry, set);
    if (value === undefined) return [];
    const text = field.text?.(entry, set);
    return [text === undefined ? { key: field.key, label: field.label, value } : { key: field.key, label: field.label, value, text }];
  });
}

/** The codes and names closest to a term that matched nothing, within the vendors and sets the query named. */
function suggest(scoped: readonly { readonly vendor: Vendor; readonly sets: readonly CodeSet[] }[], term: string): string[] {
  const candidates = scoped.flatMap(({ vendor, sets }) =>
    sets.flatMap((set) => [
      ...set.codes.flatMap((entry) => {
        const label = `${vendor.id}:${entry.wire} (${entry.name})`;
        return [
          { key: entry.wire, label },
          { key: entry.name, label },
        ];
      }),
      ...set.uncoded.map((entry) => ({ key: entry.name, label: `${vendor.id}:${entry.name} (uncoded)` })),
    ]),
  );
  return closestTo(term, candidates);
}
