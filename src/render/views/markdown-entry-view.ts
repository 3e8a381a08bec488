import type { CodeDefaults, CodeEntry, CodeSet, InheritedValue, Placeholder, Resolution, Retry, UncodedEntry } from "../../model/types.js";
import { htmlText, markdownParagraph } from "../escape/markdown.js";
import { joinEach } from "./join.js";
import { basisText, retryText as resolvedRetryText } from "./outcome-text.js";

/**
 * A code's entry on a vendor's page, as the Rust error index and MDN's status pages lay them out: a heading
 * with the code and name, then a definition list of labelled values, so every value says what it is at any
 * width and on an entry reached by a link. Each field is a label and an HTML value; a new kind of value
 * (an outcome, say) is one more entry in ENTRY_FIELDS, and a new filter one more entry in FACETS.
 */

/** One labelled value of an entry. `lang` is the attribute for a translation (` lang="de"`), else "". */
export interface FieldView {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly lang: string;
}

export interface EntryView {
  /** The fragment id: the contract of every link to a code (terminal-error-2310). */
  readonly id: string;
  /** data-* attributes the page's filters read (data-set, data-scope, ...), precomputed. */
  readonly attributes: string;
  readonly code: string | null;
  readonly name: string | null;
  /** Badges after the name: deprecated, reserved, number restored. */
  readonly badges: readonly string[];
  readonly fields: readonly FieldView[];
  readonly notes: readonly string[];
}

/** A filter of a code set's list: a select whose value must equal the entry's `data-<name>`. */
interface Facet {
  readonly name: string;
  readonly label: string;
  readonly options: (set: CodeSet) => readonly { readonly value: string; readonly label: string }[];
  readonly value: (entry: CodeEntry, set: CodeSet) => string;
}

/** Entries outside every category carry this category value (no category id can be "-"). */
const NO_CATEGORY = "-";

const FACETS: readonly Facet[] = [
  {
    name: "scope",
    label: "Scope",
    options: (set) => set.scopes.map((scope) => ({ value: scope.id, label: htmlText(scopeTitle(scope)) })),
    value: (entry) => entry.scope ?? "",
  },
  {
    name: "category",
    label: "Category",
    options: (set) => [
      ...set.categories.map((category) => ({ value: category.id, label: htmlText(category.title) })),
      ...(set.codes.some((entry) => !isCategorised(set, entry)) ? [{ value: NO_CATEGORY, label: "Other codes" }] : []),
    ],
    value: (entry, set) => (isCategorised(set, entry) ? (entry.category ?? NO_CATEGORY) : NO_CATEGORY),
  },
  {
    // The outcomes the set's entries lead to (its code-less cases too), when the catalog states them.
    name: "outcome",
    label: "Outcome",
    options: (set) =>
      [...new Set([...set.codes, ...set.uncoded].filter((entry) => entry.resolution.basis !== "default").map((entry) => entry.resolution.outcome))]
        .sort()
        .map((outcome) => ({ value: htmlText(outcome), label: htmlText(outcome) })),
    value: (entry) => entry.resolution.outcome,
  },
];

/** The filters a set's list offers: a facet with at least two values to choose between. */
export function filterView(set: CodeSet, setAnchor: string, title: string) {
  return {
    set: setAnchor,
    label: `Filter ${title}`,
    facets: FACETS.map((facet) => ({ name: facet.name, label: facet.label, options: facet.options(set) })).filter((facet) => facet.options.length > 1),
  };
}

/** The labelled values a code may have, in the order they show; an entry shows those it fills. */
const ENTRY_FIELDS: readonly {
  readonly key: string;
  readonly label: string;
  readonly value: (entry: CodeEntry, set: CodeSet, tokens: readonly string[]) => string | undefined;
}[] = [
  { key: "message", label: "Message", value: (e, _set, tokens) => optional(e.message, tokens) },
  {
    key: "aliases",
    label: "Aliases",
    value: (e) => (e.aliases.length === 0 ? undefined : joinEach(e.aliases, (alias) => `<code>${breakable(alias)}</code>`, ", ")),
  },
  {
    key: "other-messages",
    label: "Also sent as",
    value: (e, _set, tokens) => (e.alternativeMessages.length === 0 ? undefined : joinEach(e.alternativeMessages, (m) => withPlaceholders(m, tokens), "<br>")),
  },
  { key: "description", label: "Description", value: (e, _set, tokens) => optional(e.description, tokens) },
  { key: "action", label: "Action", value: (e, _set, tokens) => optional(e.action, tokens) },
  { key: "handling", label: "Handling", value: (e, _set, tokens) => optional(e.handling, tokens) },
  { key: "outcome", label: "Outcome", value: (e) => outcomeValue(e.resolution) },
  {
    key: "http",
    label: "HTTP status",
    value: (e) => (e.httpStatuses.length === 0 ? undefined : `${e.httpStatuses.join(" or ")}${inheritedText(e, "httpStatus")}`),
  },
  { key: "severity", label: "Severity", value: (e) => (e.severity === undefined ? undefined : `${e.severity}${inheritedText(e, "severity")}`) },
  {
    key: "scope",
    label: "Scope",
    value: (e, set) => (e.scope === undefined ? undefined : `${htmlText(scopeLabel(set, e.scope))}${inheritedText(e, "scope")}`),
  },
  {
    key: "endpoints",
    label: "Endpoints",
    value: (e) => (e.endpoints.length === 0 ? undefined : joinEach(e.endpoints, (ep) => `<code>${htmlText(ep)}</code>`, ", ")),
  },
  { key: "retry", label: "Retry", value: (e) => (e.retry === undefined ? undefined : `${retryText(e.retry)}${inheritedText(e, "retry")}`) },
  { key: "placeholders", label: "Placeholders", value: (e) => (e.placeholders.length === 0 ? undefined : joinEach(e.placeholders, placeholderText, "<br>")) },
  { key: "deprecated", label: "Deprecated", value: (e) => (e.deprecated === undefined ? undefined : deprecationText(e.deprecated)) },
  {
    key: "retired",
    label: "Retired",
    value: (e) => (e.retired === undefined ? undefined : `since ${htmlText(e.retired.since)}: ${htmlText(e.retired.reason)}`),
  },
  {
    key: "replacement",
    label: "Replaced by",
    value: (e) => (e.retired?.replacement === undefined ? undefined : `<code>${htmlText(e.retired.replacement)}</code>`),
  },
];

/** A code's entry; `id` is its fragment id on the page (see pageAnchors). */
export function entryView(entry: CodeEntry, set: CodeSet, setAnchor: string, id: string): EntryView {
  const tokens = entry.placeholders.map((placeholder) => placeholder.token);
  const fields: FieldView[] = [];
  for (const field of ENTRY_FIELDS) {
    const value = field.value(entry, set, tokens);
    if (value !== undefined) fields.push({ key: field.key, label: field.label, value, lang: "" });
  }
  // Secondary identifiers, each labelled with its kind's title (PL/pgSQL condition name).
  for (const identifier of entry.identifiers) {
    const title = set.identifiers.find((kind) => kind.id === identifier.id)?.title ?? identifier.id;
    fields.push({ key: `identifier-${identifier.id}`, label: htmlText(title), value: `<code>${htmlText(identifier.value)}</code>`, lang: "" });
  }
  for (const translation of entry.translations) {
    for (const [field, text] of Object.entries(translation.texts)) {
      if (text === undefined) continue;
      fields.push({
        key: `${field}-${translation.locale}`,
        label: `${capitalise(field)} (${translation.locale})`,
        value: withPlaceholders(text, tokens),
        lang: ` lang="${translation.locale}"`,
      });
    }
  }
  let attributes = `data-set="${setAnchor}"`;
  for (const facet of FACETS) attributes += ` data-${facet.name}="${htmlText(facet.value(entry, set))}"`;
  return {
    id,
    attributes,
    code: breakable(entry.wire),
    // A symbolic code that is its own name (AUTHORIZATION) shows once.
    // A retired name is struck through: the value stays documented, since old systems may still send it.
    name: entry.name === entry.wire ? null : entry.retired ? `<s>${breakable(entry.name)}</s>` : breakable(entry.name),
    badges: [
      entry.retired ? "retired" : "",
      entry.deprecated ? "deprecated" : "",
      entry.reserved ? "reserved" : "",
      entry.restored ? "number restored" : "",
    ].filter(Boolean),
    fields,
    notes: [...entry.notes.map(htmlText), ...outcomeEvidence(entry.resolution)],
  };
}

/** An error that carries no code, matched by HTTP status and message. */
export function uncodedEntryView(entry: UncodedEntry, setAnchor: string, id: string): EntryView {
  const fields: FieldView[] = [
    { key: "http", label: "HTTP status", value: String(entry.httpStatus), lang: "" },
    { key: "message", label: "Message", value: htmlText(entry.message), lang: "" },
  ];
  const more: [string, string, string | undefined][] = [
    ["case", "Case", entry.case],
    ["description", "Description", entry.description],
    ["action", "Action", entry.action],
  ];
  for (const [key, label, text] of more) if (text !== undefined) fields.push({ key, label, value: htmlText(text), lang: "" });
  if (entry.retry !== undefined) fields.push({ key: "retry", label: "Retry", value: retryText(entry.retry), lang: "" });
  const outcome = outcomeValue(entry.resolution);
  if (outcome !== undefined) fields.push({ key: "outcome", label: "Outcome", value: outcome, lang: "" });
  return {
    id,
    // Code-less cases have no scope or category, but an outcome: the outcome filter keeps them.
    attributes: `data-set="${setAnchor}" data-outcome="${htmlText(entry.resolution.outcome)}"`,
    code: null,
    name: breakable(entry.name),
    badges: [],
    fields,
    notes: [...entry.notes.map(htmlText), ...outcomeEvidence(entry.resolution)],
  };
}

/** Escaped text that a narrow screen may wrap after each underscore (EXTERNAL_DEVICE_HAS_NO_RIGHT_AUTHORITY). */
function breakable(text: string): string {
  const escaped = htmlText(text);
  return escaped.includes("_") ? escaped.replace(/_/g, "_<wbr>") : escaped;
}

function optional(text: string | undefined, tokens: readonly string[]): string | undefined {
  return text === undefined ? undefined : withPlaceholders(text, tokens);
}

/** Escaped text with each placeholder token (`{recovery_url}`) set apart in <code>, so it reads as one. */
function withPlaceholders(text: string, tokens: readonly string[]): string {
  if (tokens.length === 0) return htmlText(text);
  let out = "";
  let rest = text;
  for (;;) {
    let at = -1;
    let token = "";
    for (const candidate of tokens) {
      const index = candidate === "" ? -1 : rest.indexOf(candidate);
      if (index !== -1 && (at === -1 || index < at || (index === at && candidate.length > token.length))) {
        at = index;
        token = candidate;
      }
    }
    if (at === -1) return out + htmlText(rest);
    out += `${htmlText(rest.slice(0, at))}<code class="cb-placeholder">${htmlText(token)}</code>`;
    rest = rest.slice(at + token.length);
  }
}

function placeholderText(placeholder: Placeholder): string {
  const token = `<code class="cb-placeholder">${htmlText(placeholder.token)}</code>`;
  return placeholder.description === undefined ? token : `${token}: ${htmlText(placeholder.description)}`;
}

/** " (its category's default)" after a value the code does not state itself: whose default it is, in codebook's words. */
function inheritedText(entry: CodeEntry, field: InheritedValue["field"]): string {
  const from = entry.inherited.find((value) => value.field === field)?.from;
  return from === undefined ? "" : ` <em class="cb-default">(${from === "category" ? "its category's" : "its code set's"} default)</em>`;
}

/** A set's or category's defaults for its codes, as one Markdown paragraph; null when it states none. */
export function defaultsText(defaults: CodeDefaults, set: CodeSet): string | null {
  const parts = [
    defaults.httpStatuses.length === 0 ? "" : `HTTP status ${defaults.httpStatuses.join(" or ")}`,
    defaults.severity === undefined ? "" : `severity ${defaults.severity}`,
    defaults.scope === undefined ? "" : `scope ${scopeLabel(set, defaults.scope)}`,
    defaults.retry === undefined ? "" : `retry ${retryText(defaults.retry, (text) => text)}`,
  ].filter(Boolean);
  // Catalog text (a scope's title, a retry's note) sits in a paragraph: escaped once, for Markdown.
  if (parts.length === 0) return null;
  const sentence = `Defaults for its codes that state none: ${parts.join("; ")}`;
  // A retry's note may end the sentence already.
  return markdownParagraph(/[.!?]$/.test(sentence) ? sentence : `${sentence}.`);
}

function retryText(retry: Retry, escapeNote: (text: string) => string = htmlText): string {
  const { minDelaySeconds: min, maxDelaySeconds: max } = retry;
  const delay = min !== undefined && max !== undefined ? ` (${min}–${max} s)` : min !== undefined ? ` (≥ ${min} s)` : "";
  return `${retry.policy}${delay}${retry.note === undefined ? "" : `: ${escapeNote(retry.note)}`}`;
}

/**
 * What a caller makes of the entry: the resolved outcome and retry (the entry's own, the deciding rule's
 * or the outcome's default). Undefined when the catalog states no outcome (basis default): the
 * taxonomy's fallback is no information about the code.
 */
function outcomeValue(resolution: Resolution): string | undefined {
  if (resolution.basis === "default") return undefined;
  return `<strong>${htmlText(resolution.outcome)}</strong>; retry ${htmlText(resolvedRetryText(resolution.retry))}`;
}

/**
 * Where the outcome came from (the rule that decided, whose word it is, the evidence), folded with the
 * notes: provenance is often long, and would push a linked entry's values off a phone's screen.
 */
function outcomeEvidence(resolution: Resolution): string[] {
  if (resolution.basis === "default") return [];
  const evidence = resolution.evidence === undefined ? "" : `: ${htmlText(resolution.evidence)}`;
  return [`Outcome ${htmlText(resolution.outcome)} <em>${htmlText(basisText(resolution))}</em>${evidence}`];
}

/** A deprecation's reason and replacement; undefined when it has neither (the badge says it all). */
function deprecationText(deprecation: NonNullable<CodeEntry["deprecated"]>): string | undefined {
  const use = deprecation.replacement === undefined ? "" : `use <code>${htmlText(deprecation.replacement)}</code> instead`;
  if (deprecation.reason === undefined) return use === "" ? undefined : use.charAt(0).toUpperCase() + use.slice(1);
  if (use === "") return htmlText(deprecation.reason);
  // A reason that is a sentence of its own is followed by another: "Merged by the vendor. Use X instead."
  return /[.!?]$/.test(deprecation.reason) ? `${htmlText(deprecation.reason)} U${use.slice(1)}.` : `${htmlText(deprecation.reason)}; ${use}`;
}

function isCategorised(set: CodeSet, entry: CodeEntry): boolean {
  return set.categories.some((category) => category.id === entry.category);
}

function scopeTitle(scope: CodeSet["scopes"][number]): string {
  return `${scope.title}${scope.symbol ? ` ${scope.symbol}` : ""}`;
}

function scopeLabel(set: CodeSet, id: string): string {
  const scope = set.scopes.find((s) => s.id === id);
  return scope ? scopeTitle(scope) : id;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
