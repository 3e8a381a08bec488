import { MAX_LISTED } from "../../model/summary.js";
import type { CodeEntry, CodeSet, OutcomeRule, ResponseField, Vendor } from "../../model/types.js";
import { anchorId, htmlCommentText, htmlText, markdownCell, markdownHeading, markdownListItem, markdownParagraph, yamlString } from "../escape/markdown.js";
import type { SharedInput } from "../shared-input.js";
import { bannerText } from "./banner.js";
import { defaultsText, type EntryView, entryView, type FieldView, filterView, uncodedEntryView } from "./markdown-entry-view.js";
import { retryText } from "./outcome-text.js";
import { type PageAnchors, pageAnchors } from "./page-anchors.js";

/** What templates/docs/index.md.hbs sees. */
export function markdownIndexView(shared: SharedInput) {
  const vendors = shared.summary.vendors;
  return {
    frontMatter: frontMatter("Status and error codes", `${counted(vendors.length, "vendor")}, every status and error code, generated from the catalogs.`),
    banner: `<!-- ${htmlCommentText(bannerText("every catalog"))} -->`,
    totals: `${counted(vendors.length, "vendor")}, ${counted(sum(vendors.map((v) => v.codeSets.length)), "code set")}, ${counted(sum(vendors.flatMap((v) => v.codeSets.map((set) => set.entryCount))), "code")}.`,
    // A heading per vendor and a line per code set, not a table: it reads on a phone as on a desktop.
    vendors: vendors.map((vendor) => ({
      heading: `[${markdownHeading(vendor.name)}](./${vendor.id}.md)`,
      codeSets: vendor.codeSets.map(
        (set) =>
          `[${markdownCell(set.title)}](./${vendor.id}.md#${set.id}): <code>${markdownCell(set.typeName)}</code>, ${counted(set.entryCount, "code")}, ${formatKind(set.format, "short")}`,
      ),
    })),
  };
}

/** What templates/docs/vendor.md.hbs sees: every text escaped for a Markdown page that Vue renders. */
export function markdownVendorView(vendor: Vendor) {
  const anchors = pageAnchors(vendor);
  const response = vendor.errorResponse;
  return {
    frontMatter: frontMatter(vendor.name, vendor.summary),
    banner: `<!-- ${htmlCommentText(bannerText(vendor.file))} -->`,
    title: markdownHeading(vendor.name),
    summary: markdownParagraph(vendor.summary),
    source: vendor.source === undefined ? null : markdownCell(vendor.source),
    notes: vendor.notes.map(markdownListItem),
    errorResponse: response
      ? {
          description: markdownParagraph(response.description),
          example: response.example === undefined ? null : codeFence(response.example, "json"),
          hasFields: response.fields.length > 0,
          // Each field as an entry of its own, labelled like a code's (a table would overflow a phone).
          fields: response.fields.map((field) => ({
            path: htmlText(field.path),
            type: htmlText(field.type),
            fields: responseFieldValues(vendor, field),
          })),
          notes: response.notes.map(htmlText),
        }
      : null,
    guidance: vendor.guidance.map((item) => ({
      title: markdownHeading(item.title),
      text: markdownParagraph(item.text),
      items: item.items.map(markdownListItem),
    })),
    codeSets: vendor.codeSets.map((set, index) => codeSetView(set, index, anchors)),
    httpStatusOutcomes: vendor.httpStatusOutcomes.map((rule) => ruleText(rule.outcome, `HTTP ${rule.status ?? rule.range ?? ""}`)),
  };
}

/** "1 vendor", "2 vendors": a count with its noun. */
function counted(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}

export function frontMatter(title: string, description: string, options: { readonly search?: false } = {}): string {
  const search = options.search === false ? ["search: false"] : [];
  return ["---", `title: ${yamlString(title)}`, `description: ${yamlString(description)}`, ...search, "---"].join("\n");
}

function setTitle(vendor: Vendor, id: string): string {
  return vendor.codeSets.find((set) => set.id === id)?.title ?? id;
}

function responseFieldValues(vendor: Vendor, field: ResponseField): FieldView[] {
  const values: FieldView[] = [{ key: "description", label: "Description", value: htmlText(field.description), lang: "" }];
  if (field.codeSet !== undefined) {
    values.push({ key: "codes", label: "Codes", value: `<a href="#${field.codeSet}">${htmlText(setTitle(vendor, field.codeSet))}</a>`, lang: "" });
  }
  if (field.values.length > 0) {
    values.push({ key: "values", label: "Values", value: field.values.map((value) => `<code>${htmlText(value)}</code>`).join(", "), lang: "" });
  }
  return values;
}

/** A fenced block whose fence is longer than any backtick run inside, so no text can close it. */
function codeFence(text: string, language: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text.replace(/\r\n?/g, "\n")}\n${fence}`;
}

function codeSetView(set: CodeSet, setIndex: number, anchors: PageAnchors) {
  const setAnchor = anchors.sets[setIndex] ?? set.id;
  const codeAnchors = new Map(set.codes.map((entry, index) => [entry, anchors.codes[setIndex]?.[index] ?? ""]));
  const plainTitle = htmlText(set.title);
  const entries = (codes: readonly CodeEntry[]) => codes.map((entry) => entryView(entry, set, setAnchor, codeAnchors.get(entry) ?? ""));
  const group = (heading: string, rest: Partial<Omit<GroupView, "set" | "heading">>): GroupView => ({
    set: setAnchor,
    anchor: null,
    heading,
    plainTitle: heading,
    intro: null,
    exceptionClasses: "",
    outcome: null,
    defaults: null,
    entries: [],
    notes: [],
    ...rest,
  });
  const groups = set.categories.map((category, categoryIndex) =>
    group(
      `${markdownHeading(category.title)}${category.range ? ` (${category.range.min}–${category.range.max})` : ""}${category.prefix === undefined ? "" : ` (prefix <code>${markdownCell(category.prefix)}</code>)`}${category.deprecated ? " <em>(deprecated)</em>" : ""}`,
      {
        anchor: anchors.categories[setIndex]?.[categoryIndex] ?? null,
        plainTitle: htmlText(category.title),
        intro: category.description === undefined ? null : markdownParagraph(category.description),
        exceptionClasses: category.exceptionClasses.map((name) => `<code>${markdownCell(name)}</code>`).join(", "),
        outcome: category.outcome ? ruleText(category.outcome, "Outcome of its codes that state none (and of unknown codes in its range)") : null,
        defaults: defaultsText(category.defaults, set),
        entries: entries(set.codes.filter((entry) => entry.category === category.id)),
        notes: category.notes.map(htmlText),
      },
    ),
  );
  const uncategorized = set.codes.filter((entry) => !set.categories.some((category) => category.id === entry.category));
  // Entries are h4 under an h3, so a set without categories gets a "Codes" heading of its own.
  if (uncategorized.length > 0) groups.push(group(groups.length > 0 ? "Other codes" : "Codes", { entries: entries(uncategorized) }));
  if (set.uncoded.length > 0) {
    groups.push(
      group("Errors without a code", {
        intro: "These carry no code: match them by HTTP status and message.",
        entries: set.uncoded.map((entry, index) => uncodedEntryView(entry, setAnchor, anchors.uncoded[setIndex]?.[index] ?? "")),
      }),
    );
  }
  return {
    anchor: setAnchor,
    title: markdownHeading(set.title),
    plainTitle,
    typeName: set.typeName,
    kind: formatKind(set.format, "long"),
    count: counted(set.codes.length, "code"),
    description: set.description === undefined ? null : markdownParagraph(set.description),
    scopes: set.scopes.map((scope) => ({
      label: markdownCell(`${scope.title}${scope.symbol ? ` ${scope.symbol}` : ""}`),
      description: scope.description === undefined ? null : markdownCell(scope.description),
    })),
    outcome: set.outcome ? ruleText(set.outcome, "Outcome of its codes that neither the code nor its category states") : null,
    defaults: defaultsText(set.defaults, set),
    filter: filterView(set, setAnchor, plainTitle),
    groups,
    notes: set.notes.map(htmlText),
  };
}

/** A heading over a run of entries: a category, the codes outside every category, or the errors without a code. */
interface GroupView {
  readonly set: string;
  readonly anchor: string | null;
  /** Markdown, for the ### heading. */
  readonly heading: string;
  /** HTML, for the summary of its folded notes. */
  readonly plainTitle: string;
  readonly intro: string | null;
  readonly exceptionClasses: string;
  /** The category's outcome rule, as a paragraph. */
  readonly outcome: string | null;
  /** The category's defaults for its codes, as a sentence. */
  readonly defaults: string | null;
  readonly entries: readonly EntryView[];
  readonly notes: readonly string[];
}

/** How a set's codes look, in words; the long form says that leading zeros count. */
function formatKind(format: CodeSet["format"], length: "short" | "long"): string {
  switch (format.kind) {
    case "digits":
      return `${format.width}-digit strings${length === "long" ? " (leading zeros count)" : ""}`;
    case "integer":
      return "integers";
    case "alphanumeric": {
      const width = format.width === undefined ? "" : `${format.width}-character `;
      const caseNote = length === "long" && !format.caseSensitive ? ", either case" : "";
      return `${width}strings from <code>${format.alphabet}</code>${caseNote}`;
    }
    case "symbolic":
      return "symbolic strings";
    default: {
      const unknown: never = format;
      return unknown;
    }
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** A rule for many codes, as one paragraph: what it covers, the outcome, the retry (else the outcome's default) and whose word it is. */
function ruleText(rule: OutcomeRule, covers: string): string {
  const retry = rule.retry ? `, retry ${retryText(rule.retry)}` : "";
  const whose = rule.source === "vendor" ? "the vendor's word" : "codebook's judgement";
  return `${markdownCell(covers)}: <strong>${markdownCell(rule.id)}</strong>${markdownCell(retry)} (${whose}: ${markdownCell(rule.evidence)})`;
}

/** What templates/docs/outcomes.md.hbs sees: per outcome of the taxonomy, every vendor's codes that lead to it. */
export function markdownOutcomesView(shared: SharedInput) {
  const { taxonomy } = shared;
  const vendors = shared.summary.vendors;
  return {
    // Out of the local search: it repeats the vendors' codes, and a search should lead to a code's own entry.
    frontMatter: frontMatter("Codes by outcome", "Every vendor's codes, grouped by the outcome they lead to.", { search: false }),
    banner: `<!-- ${htmlCommentText(bannerText(`every catalog and ${taxonomy.file}`))} -->`,
    intro: markdownParagraph(
      `The outcomes of ${taxonomy.file}, most severe first (the order in which decide() combines several errors), with the codes of every vendor that lead to each. At most ${MAX_LISTED} codes are listed per vendor and outcome; the vendor's page has them all, with where each outcome comes from.`,
    ),
    outcomes: taxonomy.outcomes.map((outcome) => ({
      anchor: outcome.id,
      title: markdownHeading(`${outcome.title} (${outcome.id})`),
      description: markdownParagraph(outcome.description),
      retry: markdownCell(
        retryText({
          ...outcome.retry,
          delaysSeconds: outcome.retry.delaysSeconds ?? [],
          minDelaySeconds: outcome.retry.minDelaySeconds,
          maxDelaySeconds: outcome.retry.maxDelaySeconds,
          note: undefined,
        }),
      ),
      action: markdownCell(outcome.action),
      // A list per vendor, not a table: it reads on a phone as on a desktop.
      vendors: vendors.flatMap((vendor) => {
        const group = vendor.outcomes.find((candidate) => candidate.outcome === outcome.id);
        if (!group) return [];
        const codes = group.codes.map((code) =>
          code.code === null
            ? `[${breakableMarkdown(code.name)}](./${vendor.id}.md#${anchorId(`${code.set}-uncoded`, code.name)}) (no code)`
            : // A symbolic code that is its own name (AUTHORIZATION) shows once.
              `[<code>${breakableMarkdown(code.code)}</code>](./${vendor.id}.md#${anchorId(code.set, code.code)})${code.name === code.code ? "" : ` ${breakableMarkdown(code.name)}`}`,
        );
        const more = group.count > group.codes.length ? [`and ${group.count - group.codes.length} more on [its page](./${vendor.id}.md)`] : [];
        return [{ heading: `[${markdownCell(vendor.name)}](./${vendor.id}.md): ${counted(group.count, "code")}`, codes: [...codes, ...more] }];
      }),
    })),
  };
}

/** Inline Markdown that a narrow screen may wrap after each underscore between letters (EXTERNAL_DEVICE_HAS_NO_RIGHT_AUTHORITY). */
function breakableMarkdown(text: string): string {
  return markdownCell(text).replace(/(?<=[\p{L}\p{N}])_(?=[\p{L}\p{N}])/gu, "_<wbr>");
}
