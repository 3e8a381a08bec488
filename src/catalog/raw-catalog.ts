/**
 * The shape of a catalog file as the JSON Schema describes it. Only data that passed
 * the schema is treated as a RawCatalog; templates never see it (they see the model).
 */
export interface RawCatalog {
  readonly vendor: RawVendor;
  readonly codeSets: readonly RawCodeSet[];
}

export interface RawVendor {
  readonly id: string;
  readonly name: string;
  readonly summary: string;
  readonly source?: string;
  readonly javaPackage?: string;
  readonly errorResponse?: RawErrorResponse;
  readonly guidance?: readonly RawGuidance[];
  readonly httpStatusOutcomes?: readonly RawHttpStatusOutcome[];
  readonly notes?: readonly string[];
}

/** Where an outcome assignment comes from: the vendor's words, or codebook's judgement. */
export type OutcomeSource = "vendor" | "codebook";

/** An outcome assigned to one code or uncoded entry (its retry is the entry's own). */
export interface RawCodeOutcome {
  readonly id: string;
  readonly source: OutcomeSource;
  readonly evidence: string;
}

/** An outcome assigned to many codes: a category, a code set, an HTTP status. */
export interface RawOutcomeRule extends RawCodeOutcome {
  readonly retry?: RawRetry;
}

/** An outcome by HTTP status: exactly one of status and range. */
export interface RawHttpStatusOutcome {
  readonly status?: number;
  /** 1xx to 5xx. */
  readonly range?: string;
  readonly outcome: RawOutcomeRule;
}

export interface RawErrorResponse {
  readonly description: string;
  readonly example?: string;
  readonly fields?: readonly RawResponseField[];
  readonly notes?: readonly string[];
}

export interface RawResponseField {
  readonly path: string;
  readonly type: "string" | "integer" | "number" | "boolean" | "array" | "object";
  readonly description: string;
  readonly codeSet?: string;
  readonly role?: "message" | "support";
  readonly values?: readonly string[];
}

export interface RawGuidance {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly items?: readonly string[];
}

export type CodeKind = "integer" | "digits" | "alphanumeric" | "symbolic";

/** The characters an alphanumeric set's codes may hold. */
export interface RawAlphabet {
  /** A character class of ASCII letters, digits and ranges: [0-9A-Z]. */
  readonly characters: string;
  readonly caseSensitive?: boolean;
}

/** How grave a code is, as the vendor ranks it. */
export type Severity = "error" | "warning" | "info" | "success";

/** One HTTP status, or several (the first is the primary one). */
export type RawHttpStatuses = number | readonly number[];

/** What a code set or category states for its codes that state none themselves. */
export interface RawCodeDefaults {
  readonly httpStatus?: RawHttpStatuses;
  readonly retry?: RawRetry;
  readonly scope?: string;
  readonly severity?: Severity;
}

export interface RawCodeSet extends RawCodeDefaults {
  readonly id: string;
  readonly typeName: string;
  readonly title: string;
  readonly description?: string;
  readonly codeKind: CodeKind;
  readonly width?: number;
  readonly alphabet?: RawAlphabet;
  readonly identifiers?: readonly RawIdentifierKind[];
  readonly scopes?: readonly RawScope[];
  readonly categories?: readonly RawCategory[];
  readonly codes: readonly RawCode[];
  readonly outcome?: RawOutcomeRule;
  readonly uncoded?: readonly RawUncoded[];
  readonly notes?: readonly string[];
}

export interface RawIdentifierKind {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
}

export interface RawScope {
  readonly id: string;
  readonly title: string;
  readonly symbol?: string;
  readonly description?: string;
}

export interface RawCategory extends RawCodeDefaults {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly range?: { readonly min: number; readonly max: number };
  readonly prefix?: string;
  readonly exceptionClasses?: readonly string[];
  readonly deprecated?: RawDeprecation;
  readonly outcome?: RawOutcomeRule;
  readonly notes?: readonly string[];
}

export type RawDeprecation = boolean | { readonly reason?: string; readonly replacement?: string };

export interface RawRetirement {
  readonly since: string;
  readonly reason: string;
  readonly replacement?: string;
}

export type RetryPolicy = "never" | "after-fix" | "after-delay" | "exponential-backoff" | "manual";

export interface RawRetry {
  readonly policy: RetryPolicy;
  readonly minDelaySeconds?: number;
  readonly maxDelaySeconds?: number;
  readonly delaysSeconds?: readonly number[];
  readonly note?: string;
}

export type TextField = "message" | "description" | "action";

export type RawTranslations = Readonly<Record<string, Partial<Record<TextField, string>>>>;

export interface RawPlaceholder {
  readonly name: string;
  readonly token: string;
  readonly description?: string;
}

export interface RawCode {
  readonly code: number | string;
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly identifiers?: Readonly<Record<string, string>>;
  readonly message?: string;
  readonly alternativeMessages?: readonly string[];
  readonly description?: string;
  readonly action?: string;
  readonly httpStatus?: RawHttpStatuses;
  readonly severity?: Severity;
  readonly scope?: string;
  readonly category?: string;
  readonly endpoints?: readonly string[];
  readonly retry?: RawRetry;
  readonly outcome?: RawCodeOutcome;
  readonly deprecated?: RawDeprecation;
  readonly retired?: RawRetirement;
  readonly reserved?: boolean;
  readonly restored?: boolean;
  readonly translations?: RawTranslations;
  readonly placeholders?: readonly RawPlaceholder[];
  readonly handling?: string;
  readonly notes?: readonly string[];
}

export interface RawUncoded {
  readonly name: string;
  readonly case?: string;
  readonly httpStatus: number;
  readonly message: string;
  readonly description?: string;
  readonly action?: string;
  readonly retry?: RawRetry;
  readonly outcome?: RawCodeOutcome;
  readonly notes?: readonly string[];
}
