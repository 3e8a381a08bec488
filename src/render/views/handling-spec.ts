import type { CodeSet, OutcomeBasis, OutcomeRule, Resolution, Retry, Taxonomy, Vendor } from "../../model/types.js";

/** An outcome with its retry and action, as the generated parsers return it. */
export interface SpecResolved {
  readonly outcome: string;
  readonly retry: Retry;
  readonly action: string;
  readonly basis: OutcomeBasis;
}

/** One step of a field path: a key, then (list) every element of the array there. */
export interface SpecStep {
  readonly key: string;
  readonly list: boolean;
}

export interface SpecSet {
  readonly id: string;
  readonly set: CodeSet;
  /** Retired codes too: the parsers tell them from unknown codes, as parse() does. */
  readonly codes: readonly {
    readonly wire: string;
    readonly code: number | string;
    readonly name: string;
    readonly resolved: number;
    readonly retired: boolean;
  }[];
  readonly ranges: readonly { readonly min: number; readonly max: number; readonly resolved: number }[];
  readonly fallback: number | null;
  readonly uncoded: readonly { readonly name: string; readonly httpStatus: number; readonly message: string; readonly resolved: number }[];
}

/** A vendor's response handling as language-neutral data; the TypeScript and Java views only spell it. */
export interface HandlingSpec {
  /** Every distinct resolution, referenced by index (most codes share one). */
  readonly resolutions: readonly SpecResolved[];
  readonly sets: readonly SpecSet[];
  readonly codeFields: readonly {
    readonly field: string;
    readonly element: readonly SpecStep[];
    readonly code: readonly string[];
    readonly message: readonly string[] | null;
    /** Index into sets. */
    readonly set: number;
  }[];
  readonly supportFields: readonly { readonly field: string; readonly path: readonly string[] }[];
  readonly httpStatuses: readonly { readonly status: number; readonly resolved: number }[];
  /** By class: 4 for 4xx. */
  readonly httpClasses: readonly { readonly statusClass: number; readonly resolved: number }[];
  /** Outcome ids, most severe first. */
  readonly precedence: readonly string[];
  readonly fallback: number;
}

/** Whether a vendor gets a response parser: it describes an error response with at least one code field. */
export function hasResponseParser(vendor: Vendor): boolean {
  return vendor.errorResponse?.fields.some((field) => field.codeSet !== undefined) ?? false;
}

/** The handling spec of a vendor with an errorResponse (see hasResponseParser). */
export function handlingSpec(vendor: Vendor): HandlingSpec {
  const taxonomy = vendor.taxonomy;
  const table = resolutionTable();
  const rule = (id: OutcomeRule, basis: OutcomeBasis) => table.add(ruleResolution(taxonomy, id, basis));
  const fields = vendor.errorResponse?.fields ?? [];
  const usedSets = vendor.codeSets.filter((set) => fields.some((field) => field.codeSet === set.id));
  const sets = usedSets.map(
    (set): SpecSet => ({
      id: set.id,
      set,
      codes: set.codes.map((entry) => ({
        wire: entry.wire,
        code: entry.code,
        name: entry.name,
        resolved: table.add(fromResolution(entry.resolution)),
        retired: entry.retired !== undefined,
      })),
      ranges: set.categories.flatMap((category) =>
        category.range && category.outcome ? [{ min: category.range.min, max: category.range.max, resolved: rule(category.outcome, "category") }] : [],
      ),
      fallback: set.outcome ? rule(set.outcome, "code-set") : null,
      uncoded: set.uncoded.map((entry) => ({
        name: entry.name,
        httpStatus: entry.httpStatus,
        message: trimAscii(entry.message),
        resolved: table.add(fromResolution(entry.resolution)),
      })),
    }),
  );
  const codeFields = fields.flatMap((field) => {
    const set = usedSets.findIndex((candidate) => candidate.id === field.codeSet);
    if (set < 0) return [];
    const { element, leaf } = splitPath(field.path);
    const message = fields.find((other) => other.role === "message" && splitPath(other.path).elementKey === splitPath(field.path).elementKey);
    return [{ field: field.path, element, code: leaf, message: message ? splitPath(message.path).leaf : null, set }];
  });
  const supportFields = fields
    .filter((field) => field.role === "support" && !field.path.includes("[]"))
    .map((field) => ({ field: field.path, path: field.path.split(".") }));
  const httpStatuses: { status: number; resolved: number }[] = [];
  const httpClasses: { statusClass: number; resolved: number }[] = [];
  for (const entry of vendor.httpStatusOutcomes) {
    // The first rule for a status or class wins, as in the model's resolution.
    if (entry.status !== undefined && !httpStatuses.some((known) => known.status === entry.status))
      httpStatuses.push({ status: entry.status, resolved: rule(entry.outcome, "http-status") });
    const statusClass = entry.range === undefined ? undefined : Number(entry.range.charAt(0));
    if (statusClass !== undefined && !httpClasses.some((known) => known.statusClass === statusClass))
      httpClasses.push({ statusClass, resolved: rule(entry.outcome, "http-status") });
  }
  const fallbackOutcome = taxonomy.outcomes.find((outcome) => outcome.id === taxonomy.fallback);
  const fallback = table.add({
    outcome: taxonomy.fallback,
    retry: taxonomyRetry(fallbackOutcome?.retry),
    action: fallbackOutcome?.action ?? "",
    basis: "default",
  });
  return {
    resolutions: table.list,
    sets,
    codeFields,
    supportFields,
    httpStatuses,
    httpClasses,
    precedence: taxonomy.outcomes.map((outcome) => outcome.id),
    fallback,
  };
}

/** status.statusDetails[].statusCode: the steps to the last list (status, statusDetails[]) and the rest (statusCode). */
function splitPath(path: string): { element: SpecStep[]; leaf: string[]; elementKey: string } {
  const last = path.lastIndexOf("[]");
  const head = last < 0 ? "" : path.slice(0, last + 2);
  const tail = last < 0 ? path : path.slice(last + 3);
  const element = head === "" ? [] : head.split(".").map((part) => ({ key: part.replace(/\[\]$/, ""), list: part.endsWith("[]") }));
  return { element, leaf: tail === "" ? [] : tail.split("."), elementKey: head };
}

function fromResolution(resolution: Resolution): SpecResolved {
  return { outcome: resolution.outcome, retry: resolution.retry, action: resolution.action, basis: resolution.basis };
}

function ruleResolution(taxonomy: Taxonomy, rule: OutcomeRule, basis: OutcomeBasis): SpecResolved {
  const outcome = taxonomy.outcomes.find((candidate) => candidate.id === rule.id);
  return { outcome: rule.id, retry: rule.retry ?? taxonomyRetry(outcome?.retry), action: outcome?.action ?? "", basis };
}

function taxonomyRetry(retry: Taxonomy["outcomes"][number]["retry"] | undefined): Retry {
  return {
    policy: retry?.policy ?? "manual",
    minDelaySeconds: retry?.minDelaySeconds,
    maxDelaySeconds: retry?.maxDelaySeconds,
    delaysSeconds: retry?.delaysSeconds ?? [],
    note: undefined,
  };
}

/** Distinct resolutions, each once, by a key of what the parsers return. */
function resolutionTable() {
  const list: SpecResolved[] = [];
  const index = new Map<string, number>();
  return {
    list,
    add(resolved: SpecResolved): number {
      const { retry } = resolved;
      const key = JSON.stringify([
        resolved.outcome,
        resolved.action,
        resolved.basis,
        retry.policy,
        retry.minDelaySeconds,
        retry.maxDelaySeconds,
        retry.delaysSeconds,
      ]);
      let at = index.get(key);
      if (at === undefined) {
        at = list.length;
        list.push(resolved);
        index.set(key, at);
      }
      return at;
    },
  };
}

function trimAscii(text: string): string {
  return text.replace(/^[\t\n\v\f\r ]+/, "").replace(/[\t\n\v\f\r ]+$/, "");
}
