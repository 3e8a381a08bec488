import type { CodeKind, OutcomeSource, RetryPolicy, Severity, TextField } from "../catalog/raw-catalog.js";
import type { OutcomeBasis } from "../outcomes/assignments.js";
import type { Taxonomy, TaxonomyOutcome } from "../outcomes/taxonomy.js";

export type { CodeKind, OutcomeBasis, OutcomeSource, RetryPolicy, Severity, Taxonomy, TaxonomyOutcome, TextField };

/** What a code set or category states for its codes that state none themselves. */
export interface CodeDefaults {
  /** HTTP statuses, primary first; empty when none is stated. */
  readonly httpStatuses: readonly number[];
  readonly retry: Retry | undefined;
  /** Scope id. */
  readonly scope: string | undefined;
  readonly severity: Severity | undefined;
}

/** A value of a code that the code does not state itself, and whose default it is. */
export interface InheritedValue {
  readonly field: "httpStatus" | "retry" | "scope" | "severity";
  /** The code's category, or its code set. */
  readonly from: "category" | "code-set";
}

/** Every vendor, sorted by id: what all targets render from. */
export interface CatalogModel {
  /** The vendors, sorted by id. */
  readonly vendors: readonly Vendor[];
  /** The outcome taxonomy every vendor was resolved against. */
  readonly taxonomy: Taxonomy;
}

export interface Vendor {
  /** Safe file and package name, e.g. external-api. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** One or two sentences on the codes. */
  readonly summary: string;
  /** The document the catalog was transcribed from. */
  readonly source: string | undefined;
  /** Java package for generated enums (defaulted from the id). */
  readonly javaPackage: string;
  /** The catalog file, as shown in banners (e.g. catalogs/wlw.yaml). */
  readonly file: string;
  /** The shape of the vendor's error responses. */
  readonly errorResponse: ErrorResponse | undefined;
  /** General handling advice. */
  readonly guidance: readonly Guidance[];
  /** Outcomes by HTTP status, in catalog order (an exact status beats a range when resolving). */
  readonly httpStatusOutcomes: readonly HttpStatusOutcome[];
  /** The outcome taxonomy the vendor's outcomes were resolved against (the same object for every vendor of a run). */
  readonly taxonomy: Taxonomy;
  /** Maintainers' notes. */
  readonly notes: readonly string[];
  /** Code sets in catalog order. */
  readonly codeSets: readonly CodeSet[];
}

export interface ErrorResponse {
  readonly description: string;
  readonly example: string | undefined;
  readonly fields: readonly ResponseField[];
  readonly notes: readonly string[];
}

export interface ResponseField {
  readonly path: string;
  readonly type: string;
  readonly description: string;
  /** Id of the code set whose codes the field carries. */
  readonly codeSet: string | undefined;
  /** message: matched against uncoded errors; support: kept for the vendor's support. */
  readonly role: "message" | "support" | undefined;
  readonly values: readonly string[];
}

export interface Guidance {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly items: readonly string[];
}

/** How a set's codes look on the wire; digits carry their width, alphanumeric codes their alphabet and optional width. */
export type CodeFormat =
  | { readonly kind: "integer" }
  | { readonly kind: "digits"; readonly width: number }
  | {
      readonly kind: "alphanumeric";
      /** Every code's length, if the set declares one: fromCode(int) formats like %0<width>d. */
      readonly width: number | undefined;
      /** A character class: [0-9A-Z]. */
      readonly alphabet: string;
      readonly caseSensitive: boolean;
    }
  | { readonly kind: "symbolic" };

export interface CodeSet {
  /** Stable id within the vendor. */
  readonly id: string;
  /** PascalCase type name of the generated enum. */
  readonly typeName: string;
  readonly title: string;
  readonly description: string | undefined;
  readonly format: CodeFormat;
  /** The secondary identifiers the set's codes are known by (a condition name), each with its own lookup. */
  readonly identifiers: readonly IdentifierKind[];
  readonly scopes: readonly Scope[];
  readonly categories: readonly Category[];
  /** Codes in catalog order (values() returns them in this order). */
  readonly codes: readonly CodeEntry[];
  /** Errors without a code, matched by HTTP status and message. */
  readonly uncoded: readonly UncodedEntry[];
  /** The outcome of the set's codes that neither the code nor its category assigns. */
  readonly outcome: OutcomeRule | undefined;
  /** Values for the set's codes that neither the code nor its category states. */
  readonly defaults: CodeDefaults;
  readonly notes: readonly string[];
}

/** An outcome assigned to many codes (category, code set, HTTP status), with its provenance. */
export interface OutcomeRule {
  /** Outcome id in the taxonomy. */
  readonly id: string;
  readonly source: OutcomeSource;
  /** The vendor's words (source vendor) or codebook's reason (source codebook). */
  readonly evidence: string;
  /** The rule's retry; undefined: the outcome's default. */
  readonly retry: Retry | undefined;
}

/** An outcome for one HTTP status (409) or class (4xx). */
export interface HttpStatusOutcome {
  readonly status: number | undefined;
  /** 1xx to 5xx. */
  readonly range: string | undefined;
  readonly outcome: OutcomeRule;
}

/** A code's outcome, resolved once: what the generated parsers return for it. */
export interface Resolution {
  /** Outcome id in the taxonomy. */
  readonly outcome: string;
  readonly retry: Retry;
  /** The code's action, else the outcome's. */
  readonly action: string;
  /** Which rule decided. */
  readonly basis: OutcomeBasis;
  /** Where the deciding assignment comes from; undefined for basis default. */
  readonly source: OutcomeSource | undefined;
  readonly evidence: string | undefined;
  /** Where the retry comes from: the entry's own retry, the deciding rule's, or the outcome's default. */
  readonly retryFrom: "entry" | "rule" | "outcome";
}

/** A kind of secondary identifier of a set's codes, such as PostgreSQL's condition name. */
export interface IdentifierKind {
  /** Stable id: the key in a code's identifiers; names the lookups (fromCondition, <set>ByCondition). */
  readonly id: string;
  readonly title: string;
  readonly description: string | undefined;
}

export interface Scope {
  readonly id: string;
  readonly title: string;
  readonly symbol: string | undefined;
  readonly description: string | undefined;
}

export interface Category {
  readonly id: string;
  readonly title: string;
  readonly description: string | undefined;
  readonly range: { readonly min: number; readonly max: number } | undefined;
  /** The start every code of the category has on the wire ("22"); unknown codes with it fall in the category. */
  readonly prefix: string | undefined;
  readonly exceptionClasses: readonly string[];
  readonly deprecated: Deprecation | undefined;
  /** The outcome of the category's codes (and of unknown codes in its range) that the code does not assign. */
  readonly outcome: OutcomeRule | undefined;
  /** Values for the category's codes that state none (they beat the code set's). */
  readonly defaults: CodeDefaults;
  readonly notes: readonly string[];
}

export interface Deprecation {
  readonly reason: string | undefined;
  /** Name of the replacing code in the same set. */
  readonly replacement: string | undefined;
}

/** Why and since when a code is no longer sent; its value and name are never reused. */
export interface Retirement {
  /** A version or a date. */
  readonly since: string;
  readonly reason: string;
  /** Name of the code that took its place in the same set. */
  readonly replacement: string | undefined;
}

export interface Retry {
  readonly policy: RetryPolicy;
  readonly minDelaySeconds: number | undefined;
  readonly maxDelaySeconds: number | undefined;
  /** For exponential-backoff: the vendor's waits before each retry. */
  readonly delaysSeconds: readonly number[];
  readonly note: string | undefined;
}

export interface Placeholder {
  readonly name: string;
  readonly token: string;
  readonly description: string | undefined;
}

/** Texts of one entry in one locale. */
export type TranslatedTexts = Readonly<Partial<Record<TextField, string>>>;

export interface CodeEntry {
  /** The code as sent on the wire: a number for integer sets, a string otherwise. */
  readonly code: number | string;
  /** The code as a string: the map key and what fromCode(string) matches. */
  readonly wire: string;
  readonly name: string;
  /** More names of the code, each resolving to it (not members of their own). */
  readonly aliases: readonly string[];
  /** The code's secondary identifiers, in the order the set declares their kinds. */
  readonly identifiers: readonly { readonly id: string; readonly value: string }[];
  readonly message: string | undefined;
  readonly alternativeMessages: readonly string[];
  readonly description: string | undefined;
  readonly action: string | undefined;
  /** The primary HTTP status (the first of httpStatuses): the code's own, else its category's, else its set's. */
  readonly httpStatus: number | undefined;
  /** Every HTTP status the vendor may send the code with, primary first (effective, like httpStatus). */
  readonly httpStatuses: readonly number[];
  /** Scope id: the code's own, else its category's, else its set's. */
  readonly scope: string | undefined;
  /** Category id. */
  readonly category: string | undefined;
  /** How grave the code is: the code's own, else its category's, else its set's. */
  readonly severity: Severity | undefined;
  readonly endpoints: readonly string[];
  /** The code's retry: its own, else its category's, else its set's. */
  readonly retry: Retry | undefined;
  /** Which of httpStatus, retry, scope and severity come from a default, and whose. */
  readonly inherited: readonly InheritedValue[];
  readonly deprecated: Deprecation | undefined;
  /** Set when the vendor no longer sends the code: it leaves the enums, parse() still knows it. */
  readonly retired: Retirement | undefined;
  readonly reserved: boolean;
  readonly restored: boolean;
  /** Translations by locale, locales sorted. */
  readonly translations: readonly { readonly locale: string; readonly texts: TranslatedTexts }[];
  readonly placeholders: readonly Placeholder[];
  readonly handling: string | undefined;
  readonly notes: readonly string[];
  /** The resolved outcome (the taxonomy's fallback, basis default, when the catalog states no outcomes). */
  readonly resolution: Resolution;
}

export interface UncodedEntry {
  readonly name: string;
  readonly case: string | undefined;
  readonly httpStatus: number;
  readonly message: string;
  readonly description: string | undefined;
  readonly action: string | undefined;
  readonly retry: Retry | undefined;
  readonly notes: readonly string[];
  /** The resolved outcome. */
  readonly resolution: Resolution;
}
