import type { CodeEntry, CodeSet, Resolution, Retry, UncodedEntry } from "../model/types.js";
import { basisText, retryText as resolvedRetryText } from "../render/views/outcome-text.js";

/** A field's value: text, a number, a flag, a list of lines, or named values (translations, retry). */
export type FieldValue = string | number | boolean | readonly FieldValue[] | { readonly [key: string]: FieldValue };

/**
 * One thing the catalog says about an entry: a key and value for JSON, a label for people, and where
 * the value as data reads worse than a line of text, that line.
 */
export interface ExplainField<Entry> {
  readonly key: string;
  readonly label: string;
  readonly read: (entry: Entry, set: CodeSet) => FieldValue | undefined;
  readonly text?: (entry: Entry, set: CodeSet) => string | undefined;
}

/**
 * What explain shows of a code, in this order. Each field is one line: a new piece of catalog data
 * (say, an outcome from the handling layer) is shown in text and JSON by adding its line here.
 */
export const CODE_FIELDS: readonly ExplainField<CodeEntry>[] = [
  { key: "message", label: "Message", read: (entry) => entry.message },
  { key: "alternativeMessages", label: "Also sent as", read: (entry) => nonEmpty(entry.alternativeMessages) },
  { key: "description", label: "Description", read: (entry) => entry.description },
  { key: "action", label: "Action", read: (entry) => entry.action },
  { key: "httpStatus", label: "HTTP status", read: (entry) => entry.httpStatus },
  {
    key: "category",
    label: "Category",
    read: (entry, set) => titled(set.categories, entry.category),
    text: (entry, set) => label(set.categories, entry.category),
  },
  { key: "scope", label: "Scope", read: (entry, set) => titled(set.scopes, entry.scope), text: (entry, set) => label(set.scopes, entry.scope) },
  { key: "endpoints", label: "Endpoints", read: (entry) => nonEmpty(entry.endpoints) },
  { key: "retry", label: "Retry", read: (entry) => retryValue(entry.retry), text: (entry) => retryText(entry.retry) },
  {
    key: "deprecated",
    label: "Deprecated",
    read: (entry) => entry.deprecated && defined({ reason: entry.deprecated.reason, replacement: entry.deprecated.replacement }),
  },
  { key: "reserved", label: "Reserved", read: (entry) => entry.reserved || undefined },
  { key: "restored", label: "Number restored", read: (entry) => entry.restored || undefined },
  {
    key: "placeholders",
    label: "Placeholders",
    read: (entry) => nonEmpty(entry.placeholders.map((p) => defined({ name: p.name, token: p.token, description: p.description }))),
    text: (entry) => entry.placeholders.map((p) => `${p.token}${p.description ? ` ${p.description}` : ""}`).join("\n") || undefined,
  },
  { key: "translations", label: "Translations", read: (entry) => translationsValue(entry.translations) },
  { key: "handling", label: "Handling", read: (entry) => entry.handling },
  { key: "outcome", label: "Outcome", read: (entry) => outcomeValue(entry.resolution), text: (entry) => outcomeLine(entry.resolution) },
  { key: "notes", label: "Notes", read: (entry) => nonEmpty(entry.notes) },
];

/** The same for errors that carry no code. */
export const UNCODED_FIELDS: readonly ExplainField<UncodedEntry>[] = [
  { key: "httpStatus", label: "HTTP status", read: (entry) => entry.httpStatus },
  { key: "message", label: "Message", read: (entry) => entry.message },
  { key: "case", label: "Case", read: (entry) => entry.case },
  { key: "description", label: "Description", read: (entry) => entry.description },
  { key: "action", label: "Action", read: (entry) => entry.action },
  { key: "retry", label: "Retry", read: (entry) => retryValue(entry.retry), text: (entry) => retryText(entry.retry) },
  { key: "outcome", label: "Outcome", read: (entry) => outcomeValue(entry.resolution), text: (entry) => outcomeLine(entry.resolution) },
  { key: "notes", label: "Notes", read: (entry) => nonEmpty(entry.notes) },
];

function nonEmpty<T extends FieldValue>(items: readonly T[]): readonly T[] | undefined {
  return items.length > 0 ? items : undefined;
}

type Titled = { readonly id: string; readonly title: string; readonly symbol?: string | undefined };

/** A category or scope by id, with its title (and symbol). */
function titled(items: readonly Titled[], id: string | undefined): FieldValue | undefined {
  const found = items.find((item) => item.id === id);
  return found && defined({ id: found.id, title: found.title, symbol: found.symbol });
}

function label(items: readonly Titled[], id: string | undefined): string | undefined {
  const found = items.find((item) => item.id === id);
  return found && `${found.title}${found.symbol ? ` ${found.symbol}` : ""} (${found.id})`;
}

function retryText(retry: Retry | undefined): string | undefined {
  if (!retry) return undefined;
  const { minDelaySeconds: min, maxDelaySeconds: max } = retry;
  const delay = min !== undefined && max !== undefined ? ` (${min}–${max} s)` : min !== undefined ? ` (≥ ${min} s)` : max !== undefined ? ` (≤ ${max} s)` : "";
  return `${retry.policy}${delay}${retry.note ? `: ${retry.note}` : ""}`;
}

function retryValue(retry: Retry | undefined): FieldValue | undefined {
  return retry && defined({ policy: retry.policy, minDelaySeconds: retry.minDelaySeconds, maxDelaySeconds: retry.maxDelaySeconds, note: retry.note });
}

/** The resolved outcome, what parseResponse returns for the entry: the outcome, its retry, the rule that decided (basis), whose word and the evidence. */
function outcomeValue(resolution: Resolution): FieldValue {
  const { retry } = resolution;
  return defined({
    id: resolution.outcome,
    retry: defined({
      policy: retry.policy,
      minDelaySeconds: retry.minDelaySeconds,
      maxDelaySeconds: retry.maxDelaySeconds,
      delaysSeconds: retry.delaysSeconds.length > 0 ? retry.delaysSeconds : undefined,
    }),
    basis: resolution.basis,
    source: resolution.source,
    evidence: resolution.evidence,
  });
}

/** "busy; retry after-delay, 5 to 10 s (by code, the vendor's word)": the evidence is in --format json. */
function outcomeLine(resolution: Resolution): string {
  return `${resolution.outcome}; retry ${resolvedRetryText(resolution.retry)} (${basisText(resolution)})`;
}

function translationsValue(translations: CodeEntry["translations"]): FieldValue | undefined {
  if (translations.length === 0) return undefined;
  return Object.fromEntries(translations.map(({ locale, texts }) => [locale, defined(texts)]));
}

/** The named values that are there (exactOptionalPropertyTypes: absent, never undefined). */
function defined(values: { readonly [key: string]: FieldValue | undefined }): { readonly [key: string]: FieldValue } {
  return Object.fromEntries(Object.entries(values).filter((pair): pair is [string, FieldValue] => pair[1] !== undefined));
}
