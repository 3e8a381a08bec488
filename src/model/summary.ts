import type { CodeFormat, Vendor } from "./types.js";
import { responsesClassName } from "./vendor-names.js";

/** What the shared outputs (indexes) need of each vendor: names and counts, not the codes themselves. */
export interface VendorSummary {
  readonly id: string;
  readonly name: string;
  readonly file: string;
  readonly javaPackage: string;
  readonly codeSets: readonly CodeSetSummary[];
  /** The Java class of the vendor's response parser, or null when it has none. */
  readonly responsesClass: string | null;
  /** The vendor's codes by resolved outcome, in taxonomy order of first appearance (for the cross-vendor outcomes page). */
  readonly outcomes: readonly OutcomeSummary[];
}

/** Which of a vendor's codes lead to one outcome: a count, and the first MAX_LISTED of them. */
export interface OutcomeSummary {
  readonly outcome: string;
  readonly count: number;
  readonly codes: readonly { readonly set: string; readonly code: string | null; readonly name: string }[];
}

/** Codes listed per vendor and outcome; the rest are counted (a page listing a million codes helps nobody). */
export const MAX_LISTED = 100;

export interface CodeSetSummary {
  readonly id: string;
  readonly title: string;
  readonly typeName: string;
  readonly format: CodeFormat;
  /** Codes plus uncoded entries. */
  readonly entryCount: number;
}

/** Every vendor's summary, sorted by vendor id. */
export interface CatalogSummary {
  readonly vendors: readonly VendorSummary[];
}

export function summarizeVendor(vendor: Vendor): VendorSummary {
  return {
    id: vendor.id,
    name: vendor.name,
    file: vendor.file,
    javaPackage: vendor.javaPackage,
    codeSets: vendor.codeSets.map((set) => ({
      id: set.id,
      title: set.title,
      typeName: set.typeName,
      format: set.format,
      entryCount: set.codes.length + set.uncoded.length,
    })),
    responsesClass: vendor.errorResponse?.fields.some((field) => field.codeSet !== undefined) ? responsesClassName(vendor.id) : null,
    outcomes: summarizeOutcomes(vendor),
  };
}

function summarizeOutcomes(vendor: Vendor): OutcomeSummary[] {
  const byOutcome = new Map<string, { count: number; codes: { set: string; code: string | null; name: string }[] }>();
  const add = (outcome: string, set: string, code: string | null, name: string) => {
    let group = byOutcome.get(outcome);
    if (!group) {
      group = { count: 0, codes: [] };
      byOutcome.set(outcome, group);
    }
    group.count += 1;
    if (group.codes.length < MAX_LISTED) group.codes.push({ set, code, name });
  };
  for (const set of vendor.codeSets) {
    for (const entry of set.codes) add(entry.resolution.outcome, set.id, entry.wire, entry.name);
    for (const entry of set.uncoded) add(entry.resolution.outcome, set.id, null, entry.name);
  }
  const order = new Map(vendor.taxonomy.outcomes.map((outcome, index) => [outcome.id, index]));
  return [...byOutcome]
    .sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
    .map(([outcome, group]) => ({ outcome, count: group.count, codes: group.codes }));
}

/** Orders vendors by id: the one order every output uses. */
export function byVendorId<T extends { readonly id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
