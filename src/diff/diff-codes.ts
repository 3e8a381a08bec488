import type { CodeEntry, CodeSet, Retry, TranslatedTexts, UncodedEntry } from "../model/types.js";
import { anchorId } from "../render/escape/markdown.js";
import type { DiffSide } from "./diff-side.js";
import type { Emit } from "./emit.js";
import type { RuleId } from "./rules.js";

/** Both sides of one code set: the models, their sides and the sets' indexes in their catalogs. */
export interface SetPair {
  readonly before: CodeSet;
  readonly after: CodeSet;
  readonly old: DiffSide;
  readonly now: DiffSide;
  readonly oldIndex: number;
  readonly newIndex: number;
}

type Located<T> = { readonly entry: T; readonly index: number };

/**
 * Pairs the codes of a set by wire value first (a code that keeps its value but not its name is a
 * rename of the name), then by name (a name that keeps its name but not its value is a renumbering),
 * and reports what is left over as removed or added.
 */
export function diffCodes(pair: SetPair, emit: Emit): void {
  const { before, after, old, now } = pair;
  const newByWire = new Map(after.codes.map((entry, index) => [entry.wire, { entry, index }]));
  // By name and by old wire value only for a code whose value is gone, which few changed files have.
  let newByName: Map<string, Located<CodeEntry>> | undefined;
  let oldWires: Set<string> | undefined;
  const matched = new Set<number>();
  const renumbered = (entry: CodeEntry): Located<CodeEntry> | undefined => {
    newByName ??= new Map(after.codes.map((other, index) => [other.name, { entry: other, index }]));
    oldWires ??= new Set(before.codes.map((other) => other.wire));
    const sameName = newByName.get(entry.name);
    return sameName && !oldWires.has(sameName.entry.wire) && !matched.has(sameName.index) ? sameName : undefined;
  };
  before.codes.forEach((entry, index) => {
    const sameWire = newByWire.get(entry.wire);
    const match = sameWire ?? renumbered(entry);
    if (match === undefined) {
      const oldPath = codePath(pair.oldIndex, index);
      const what = `${before.id} ${entry.wire} ${entry.name}`;
      if (entry.retired) emit("RETIRED_CODE_REMOVED", `retired code ${what} was deleted; keep the entry so that its value is never reused`, old, oldPath);
      else emit("CODE_REMOVED", `code ${what} was deleted; mark it retired instead of deleting it`, old, oldPath);
      return;
    }
    matched.add(match.index);
    // Most codes of a changed file are as they were: those need no paths, labels or anchors.
    if (match === sameWire && match.entry.name === entry.name && sameEntry(entry, match.entry)) return;
    const newPath = codePath(pair.newIndex, match.index);
    const anchor = codeAnchor(now, after, match.entry);
    if (match === sameWire && match.entry.name !== entry.name) {
      emit("CODE_NAME_CHANGED", `code ${before.id} ${entry.wire} was named ${entry.name} and is now ${match.entry.name}`, now, [...newPath, "name"], anchor);
    } else if (match !== sameWire) {
      emit("NAME_CODE_CHANGED", `${before.id} ${entry.name} had code ${entry.wire} and now has ${match.entry.wire}`, now, [...newPath, "code"], anchor);
    }
    diffEntry(entry, match.entry, { side: now, path: newPath, label: `${after.id} ${match.entry.wire} ${match.entry.name}`, anchor }, emit);
  });
  after.codes.forEach((entry, index) => {
    if (matched.has(index)) return;
    const retired = entry.retired ? " (as retired)" : "";
    emit("CODE_ADDED", `code ${after.id} ${entry.wire} ${entry.name} was added${retired}`, now, codePath(pair.newIndex, index), codeAnchor(now, after, entry));
  });
  diffUncoded(pair, emit);
}

interface Place {
  readonly side: DiffSide;
  readonly path: readonly (string | number)[];
  readonly label: string;
  readonly anchor: string;
}

/**
 * The behaviour a consumer's handling hangs on, field by field. Adding one (the handling layer's outcome,
 * say) is a line here and its rule in RULES.
 */
const BEHAVIOUR_FIELDS: readonly {
  readonly rule: RuleId;
  readonly field: keyof CodeEntry & keyof UncodedEntry;
  /** What the message calls it and the catalog key it is stated under, when not the field's name. */
  readonly name?: string;
  readonly show: (entry: CodeEntry | UncodedEntry) => string;
}[] = [
  { rule: "HTTP_STATUS_CHANGED", field: "httpStatus", show: (entry) => (entry.httpStatus === undefined ? "none" : String(entry.httpStatus)) },
  { rule: "RETRY_CHANGED", field: "retry", show: (entry) => showRetry(entry.retry) },
  { rule: "OUTCOME_CHANGED", field: "resolution", name: "outcome", show: (entry) => entry.resolution.outcome },
];

/**
 * Whether diffEntry would find nothing between two entries: every field it compares is the same. A
 * shortcut only, so it may say no where diffEntry then finds nothing; never yes where it would find something.
 */
function sameEntry(before: CodeEntry, after: CodeEntry): boolean {
  return (
    !before.retired === !after.retired &&
    BEHAVIOUR_FIELDS.every(({ field, show }) => before[field] === after[field] || show(before) === show(after)) &&
    before.message === after.message &&
    before.description === after.description &&
    before.action === after.action &&
    sameList(before.alternativeMessages, after.alternativeMessages, (a, b) => a === b) &&
    sameList(before.placeholders, after.placeholders, (a, b) => a.name === b.name) &&
    sameList(
      before.translations,
      after.translations,
      (a, b) =>
        a.locale === b.locale && a.texts.message === b.texts.message && a.texts.description === b.texts.description && a.texts.action === b.texts.action,
    )
  );
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((item, index) => same(item, b[index] as T));
}

function diffEntry(before: CodeEntry, after: CodeEntry, place: Place, emit: Emit): void {
  const { side, path, label, anchor } = place;
  if (!before.retired && after.retired)
    emit("CODE_RETIRED", `code ${label} was retired since ${after.retired.since}: ${after.retired.reason}`, side, [...path, "retired"], anchor);
  if (before.retired && !after.retired) emit("CODE_UNRETIRED", `retired code ${label} is live again`, side, path, anchor);
  diffBehaviour(before, after, place, emit);
  for (const field of ["message", "description", "action"] as const) {
    if (before[field] !== after[field]) emit("TEXT_CHANGED", `the ${field} of ${label} changed`, side, [...path, field], anchor);
  }
  if (before.alternativeMessages.join("\n") !== after.alternativeMessages.join("\n")) {
    emit("TEXT_CHANGED", `the alternative messages of ${label} changed`, side, [...path, "alternativeMessages"], anchor);
  }
  diffPlaceholders(before, after, place, emit);
  diffTranslations(before, after, place, emit);
}

function diffBehaviour(before: CodeEntry | UncodedEntry, after: CodeEntry | UncodedEntry, place: Place, emit: Emit): void {
  for (const { rule, field, name = field, show } of BEHAVIOUR_FIELDS) {
    const was = show(before);
    const is = show(after);
    if (was !== is) emit(rule, `the ${name} of ${place.label} changed from ${was} to ${is}`, place.side, [...place.path, name], place.anchor);
  }
}

function diffPlaceholders(before: CodeEntry, after: CodeEntry, place: Place, emit: Emit): void {
  const { side, path, label, anchor } = place;
  const oldNames = before.placeholders.map((p) => p.name);
  const newNames = after.placeholders.map((p) => p.name);
  const removed = oldNames.filter((name) => !newNames.includes(name));
  const added = newNames.filter((name) => !oldNames.includes(name));
  const at = (name: string) => [...path, "placeholders", Math.max(0, newNames.indexOf(name))];
  // A removal and an addition at once is a rename, pair by pair in catalog order.
  const renamed = Math.min(removed.length, added.length);
  for (let i = 0; i < renamed; i++) {
    emit("PLACEHOLDER_RENAMED", `placeholder ${removed[i]} of ${label} was renamed to ${added[i]}`, side, at(added[i] ?? ""), anchor);
  }
  for (const name of removed.slice(renamed))
    emit("PLACEHOLDER_REMOVED", `placeholder ${name} of ${label} was removed`, side, [...path, "placeholders"], anchor);
  for (const name of added.slice(renamed)) {
    if (oldNames.length > 0)
      emit("PLACEHOLDER_ADDED", `placeholder ${name} was added to ${label}; every format() call must now pass it`, side, at(name), anchor);
    else emit("PLACEHOLDER_INTRODUCED", `placeholder ${name} was added to ${label}, which had none`, side, at(name), anchor);
  }
}

function diffTranslations(before: CodeEntry, after: CodeEntry, place: Place, emit: Emit): void {
  const { side, path, label, anchor } = place;
  const oldTexts = new Map(before.translations.map((t) => [t.locale, t.texts]));
  const newLocales = new Set(after.translations.map((t) => t.locale));
  for (const { locale } of before.translations) {
    if (!newLocales.has(locale)) emit("TRANSLATION_REMOVED", `the ${locale} translation of ${label} was removed`, side, [...path, "translations"], anchor);
  }
  for (const { locale, texts } of after.translations) {
    const was = oldTexts.get(locale);
    const at = [...path, "translations", locale];
    if (was === undefined) emit("TRANSLATION_ADDED", `a ${locale} translation of ${label} was added`, side, at, anchor);
    else if (showTexts(was) !== showTexts(texts)) emit("TEXT_CHANGED", `the ${locale} translation of ${label} changed`, side, at, anchor);
  }
}

/** Code-less cases are matched by name, or by their status and message when renamed. */
function diffUncoded(pair: SetPair, emit: Emit): void {
  const { before, after, old, now } = pair;
  const byName = new Map(after.uncoded.map((entry, index) => [entry.name, { entry, index }]));
  const oldNames = new Set(before.uncoded.map((entry) => entry.name));
  const matched = new Set<number>();
  before.uncoded.forEach((entry, index) => {
    const renamed = (): Located<UncodedEntry> | undefined => {
      const found = after.uncoded.findIndex(
        (other, i) => !matched.has(i) && !oldNames.has(other.name) && other.httpStatus === entry.httpStatus && other.message === entry.message,
      );
      const other = after.uncoded[found];
      return other && { entry: other, index: found };
    };
    const match = byName.get(entry.name) ?? renamed();
    if (match === undefined) {
      emit("UNCODED_REMOVED", `code-less case ${before.id} ${entry.name} was removed`, old, uncodedPath(pair.oldIndex, index));
      return;
    }
    matched.add(match.index);
    const path = uncodedPath(pair.newIndex, match.index);
    const anchor = `${now.vendor.id}.md#${anchorId(`${after.id}-uncoded`, match.entry.name)}`;
    const label = `code-less case ${after.id} ${match.entry.name}`;
    if (match.entry.name !== entry.name)
      emit("UNCODED_NAME_CHANGED", `code-less case ${before.id} ${entry.name} was renamed to ${match.entry.name}`, now, [...path, "name"], anchor);
    if (match.entry.message !== entry.message)
      emit("UNCODED_MESSAGE_CHANGED", `the message that identifies ${label} changed`, now, [...path, "message"], anchor);
    diffBehaviour(entry, match.entry, { side: now, path, label, anchor }, emit);
    for (const field of ["case", "description", "action"] as const) {
      if (entry[field] !== match.entry[field]) emit("TEXT_CHANGED", `the ${field} of ${label} changed`, now, [...path, field], anchor);
    }
  });
  after.uncoded.forEach((entry, index) => {
    if (!matched.has(index)) emit("UNCODED_ADDED", `code-less case ${after.id} ${entry.name} was added`, now, uncodedPath(pair.newIndex, index));
  });
}

function codePath(setIndex: number, index: number): (string | number)[] {
  return ["codeSets", setIndex, "codes", index];
}

function uncodedPath(setIndex: number, index: number): (string | number)[] {
  return ["codeSets", setIndex, "uncoded", index];
}

/** The docs page and anchor of a code (docs/<vendor>.md#<set>-<code>). */
function codeAnchor(side: DiffSide, set: CodeSet, entry: CodeEntry): string {
  return `${side.vendor.id}.md#${anchorId(set.id, entry.wire)}`;
}

function showRetry(retry: Retry | undefined): string {
  if (!retry) return "none";
  const delays =
    retry.minDelaySeconds !== undefined || retry.maxDelaySeconds !== undefined ? ` ${retry.minDelaySeconds ?? 0}-${retry.maxDelaySeconds ?? "?"}s` : "";
  return `${retry.policy}${delays}`;
}

function showTexts(texts: TranslatedTexts): string {
  return JSON.stringify([texts.message, texts.description, texts.action]);
}
