import { MAX_LISTED } from "../../model/summary.js";
import type { CodeEntry, CodeSet, OutcomeRule, Resolution, Vendor } from "../../model/types.js";
import { anchorId, markdownCell, markdownHeading, markdownListItem, markdownParagraph, yamlString } from "../escape/markdown.js";
import type { SharedInput } from "../shared-input.js";
import { bannerText } from "./banner.js";
import { joinEach } from "./join.js";
import { basisText, retryText } from "./outcome-text.js";

/** What templates/docs/index.md.hbs sees. */
export function markdownIndexView(shared: SharedInput) {
  const vendors = shared.summary.vendors;
  return {
    frontMatter: frontMatter("Status and error codes", `${vendors.length} vendors, every status and error code, generated from the catalogs.`),
    banner: `<!-- ${bannerText("every catalog")} -->`,
    totals: `${vendors.length} vendors, ${sum(vendors.map((v) => v.codeSets.length))} code sets, ${sum(vendors.flatMap((v) => v.codeSets.map((set) => set.entryCount)))} codes.`,
    rows: vendors.flatMap((vendor) =>
      vendor.codeSets.map((set) => ({
        cells: [
          `[${markdownCell(vendor.name)}](./${vendor.id}.md)`,
          `[${markdownCell(set.title)}](./${vendor.id}.md#${set.id})`,
          `<code>${markdownCell(set.typeName)}</code>`,
          set.format.kind === "digits" ? `digits (${set.format.width})` : set.format.kind,
          String(set.entryCount),
        ].join(" | "),
      })),
    ),
  };
}

/** What templates/docs/vendor.md.hbs sees: every text escaped for a Markdown page that Vue renders. */
export function markdownVendorView(vendor: Vendor) {
  const anchors = anchorAllocator();
  // Every set's anchor is handed out before any code's: links to a set (from the index, from the error
  // response's fields) use its plain id, so a code or category may be renamed on a clash, a set never.
  const setAnchors = vendor.codeSets.map((set) => anchors(set.id));
  const response = vendor.errorResponse;
  return {
    frontMatter: frontMatter(vendor.name, vendor.summary),
    banner: `<!-- ${bannerText(vendor.file)} -->`,
    title: markdownHeading(vendor.name),
    summary: markdownParagraph(vendor.summary),
    source: vendor.source === undefined ? null : markdownCell(vendor.source),
    notes: vendor.notes.map(markdownParagraph),
    errorResponse: response
      ? {
          description: markdownParagraph(response.description),
          example: response.example === undefined ? null : codeFence(response.example, "json"),
          hasFields: response.fields.length > 0,
          fields: response.fields.map((field) =>
            [
              `<code>${markdownCell(field.path)}</code>`,
              field.type,
              markdownCell(field.description),
              field.codeSet ? `[${markdownCell(setTitle(vendor, field.codeSet))}](#${field.codeSet})` : "",
              field.values.map(markdownCell).join("<br>"),
            ].join(" | "),
          ),
          notes: response.notes.map(markdownParagraph),
        }
      : null,
    guidance: vendor.guidance.map((item) => ({
      title: markdownHeading(item.title),
      text: markdownParagraph(item.text),
      items: item.items.map(markdownListItem),
    })),
    codeSets: vendor.codeSets.map((set, index) => codeSetView(set, setAnchors[index] ?? set.id, anchors)),
    httpStatusOutcomes: vendor.httpStatusOutcomes.map((rule) => ruleText(rule.outcome, `HTTP ${rule.status ?? rule.range ?? ""}`)),
  };
}

function frontMatter(title: string, description: string): string {
  return ["---", `title: ${yamlString(title)}`, `description: ${yamlString(description)}`, "---"].join("\n");
}

function setTitle(vendor: Vendor, id: string): string {
  return vendor.codeSets.find((set) => set.id === id)?.title ?? id;
}

/** A fenced block whose fence is longer than any backtick run inside, so no text can close it. */
function codeFence(text: string, language: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text.replace(/\r\n?/g, "\n")}\n${fence}`;
}

interface Column {
  readonly title: string;
  readonly has: (entry: CodeEntry) => boolean;
  readonly cell: (entry: CodeEntry, set: CodeSet) => string;
}

/** The columns a table may have; a set's table shows those that at least one of its codes fills. */
const OPTIONAL_COLUMNS: readonly Column[] = [
  {
    title: "Message",
    has: (e) => e.message !== undefined,
    cell: (e) => {
      const alternatives = joinEach(e.alternativeMessages, markdownCell, "<br>");
      if (e.message === undefined) return alternatives;
      return e.alternativeMessages.length === 0 ? markdownCell(e.message) : `${markdownCell(e.message)}<br>${alternatives}`;
    },
  },
  { title: "Description", has: (e) => e.description !== undefined, cell: (e) => markdownCell(e.description ?? "") },
  { title: "Action", has: (e) => e.action !== undefined, cell: (e) => markdownCell(e.action ?? "") },
  { title: "HTTP", has: (e) => e.httpStatus !== undefined, cell: (e) => (e.httpStatus === undefined ? "" : String(e.httpStatus)) },
  { title: "Scope", has: (e) => e.scope !== undefined, cell: (e, set) => markdownCell(scopeLabel(set, e.scope)) },
  {
    title: "Endpoints",
    has: (e) => e.endpoints.length > 0,
    cell: (e) => joinEach(e.endpoints, (endpoint) => `<code>${markdownCell(endpoint)}</code>`, "<br>"),
  },
  { title: "Retry", has: (e) => e.retry !== undefined, cell: (e) => markdownCell(retryLabel(e)) },
  { title: "Handling", has: (e) => e.handling !== undefined, cell: (e) => markdownCell(e.handling ?? "") },
  { title: "Outcome", has: (e) => e.resolution.basis !== "default", cell: (e) => outcomeCell(e.resolution) },
  {
    title: "Translations",
    has: (e) => e.translations.length > 0,
    cell: (e) =>
      joinEach(e.translations, (t) => joinEach(Object.entries(t.texts), ([field, text]) => `${t.locale} (${field}): ${markdownCell(text)}`, "<br>"), "<br>"),
  },
];

/**
 * Hands out fragment ids, unique on the page: the usual id is kept, and the rare one that a catalog
 * makes collide (a code "b" in set "a" and a set "a-b") gets a numbered suffix.
 */
function anchorAllocator(): (id: string) => string {
  const used = new Set<string>();
  return (id) => {
    let unique = id;
    for (let n = 2; used.has(unique); n++) unique = `${id}-${n}`;
    used.add(unique);
    return unique;
  };
}

function codeSetView(set: CodeSet, setAnchor: string, anchor: (id: string) => string) {
  const columns = OPTIONAL_COLUMNS.filter((column) => set.codes.some(column.has));
  const header = ["Code", "Name", ...columns.map((c) => c.title)];
  const table = (codes: readonly CodeEntry[]) => ({
    header: `| ${header.join(" | ")} |`,
    separator: `|${header.map(() => "---").join("|")}|`,
    rows: codes.map(
      (entry) => `| ${[codeCell(anchor(anchorId(set.id, entry.wire)), entry), nameCell(entry), ...columns.map((c) => c.cell(entry, set))].join(" | ")} |`,
    ),
  });
  const groups = set.categories.map((category) => ({
    anchor: anchor(`${set.id}-${category.id}`),
    title: markdownHeading(category.title),
    range: category.range ? `${category.range.min}–${category.range.max}` : null,
    deprecated: category.deprecated !== undefined,
    description: category.description === undefined ? null : markdownParagraph(category.description),
    exceptionClasses: category.exceptionClasses.map((name) => `<code>${markdownCell(name)}</code>`).join(", "),
    outcome: category.outcome ? ruleText(category.outcome, "Outcome of its codes that state none (and of unknown codes in its range)") : null,
    table: table(set.codes.filter((entry) => entry.category === category.id)),
  }));
  const uncategorized = set.codes.filter((entry) => !set.categories.some((category) => category.id === entry.category));
  return {
    anchor: setAnchor,
    title: markdownHeading(set.title),
    typeName: set.typeName,
    kind:
      set.format.kind === "digits"
        ? `${set.format.width}-digit strings (leading zeros count)`
        : set.format.kind === "integer"
          ? "integers"
          : "symbolic strings",
    count: set.codes.length,
    description: set.description === undefined ? null : markdownParagraph(set.description),
    scopes: set.scopes.map((scope) => ({
      label: markdownCell(`${scope.title}${scope.symbol ? ` ${scope.symbol}` : ""}`),
      description: scope.description === undefined ? null : markdownCell(scope.description),
    })),
    notes: set.notes.map(markdownParagraph),
    outcome: set.outcome ? ruleText(set.outcome, "Outcome of its codes that neither the code nor its category states") : null,
    groups,
    ungrouped: uncategorized.length > 0 ? { title: groups.length > 0 ? "Other codes" : null, table: table(uncategorized) } : null,
    uncoded: set.uncoded.length > 0 ? uncodedTable(set, anchor) : null,
  };
}

function codeCell(id: string, entry: CodeEntry): string {
  return `<a id="${id}"></a><code>${markdownCell(entry.wire)}</code>`;
}

function nameCell(entry: CodeEntry): string {
  const markers = [entry.deprecated ? "deprecated" : "", entry.reserved ? "reserved" : "", entry.restored ? "number restored" : ""].filter(Boolean);
  const replacement = entry.deprecated?.replacement ? ` → ${markdownCell(entry.deprecated.replacement)}` : "";
  return `${markdownCell(entry.name)}${markers.length > 0 ? ` <em>(${markers.join(", ")})</em>` : ""}${replacement}`;
}

function scopeLabel(set: CodeSet, id: string | undefined): string {
  const scope = set.scopes.find((s) => s.id === id);
  return scope ? `${scope.title}${scope.symbol ? ` ${scope.symbol}` : ""}` : (id ?? "");
}

function retryLabel(entry: CodeEntry): string {
  const retry = entry.retry;
  if (!retry) return "";
  const { minDelaySeconds: min, maxDelaySeconds: max } = retry;
  const delay = min !== undefined && max !== undefined ? ` (${min}–${max} s)` : min !== undefined ? ` (≥ ${min} s)` : "";
  return `${retry.policy}${delay}`;
}

function uncodedTable(set: CodeSet, anchor: (id: string) => string) {
  // The Outcome column, as in the code tables, only when the catalog states one.
  const outcomes = set.uncoded.some((entry) => entry.resolution.basis !== "default");
  return {
    header: `| Name | HTTP | Message | Case | Action |${outcomes ? " Outcome |" : ""}`,
    separator: `|---|---|---|---|---|${outcomes ? "---|" : ""}`,
    rows: set.uncoded.map(
      (entry) =>
        `| <a id="${anchor(anchorId(`${set.id}-uncoded`, entry.name))}"></a>${markdownCell(entry.name)} | ${entry.httpStatus} | ${markdownCell(entry.message)} | ${markdownCell(entry.case ?? "")} | ${markdownCell(entry.action ?? "")} |${outcomes ? ` ${outcomeCell(entry.resolution)} |` : ""}`,
    ),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** A code's outcome in a table cell: the outcome, the retry, and where it came from (the rule, whose word, the evidence). */
function outcomeCell(resolution: Resolution): string {
  const evidence = resolution.evidence === undefined ? "" : `: ${markdownCell(resolution.evidence)}`;
  return `<strong>${markdownCell(resolution.outcome)}</strong><br>retry ${markdownCell(retryText(resolution.retry))}<br><em>${markdownCell(basisText(resolution))}</em>${evidence}`;
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
    frontMatter: frontMatter("Codes by outcome", "Every vendor's codes, grouped by the outcome they lead to."),
    banner: `<!-- ${bannerText(`every catalog and ${taxonomy.file}`)} -->`,
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
      rows: vendors.flatMap((vendor) => {
        const group = vendor.outcomes.find((candidate) => candidate.outcome === outcome.id);
        if (!group) return [];
        const codes = group.codes.map((code) =>
          code.code === null
            ? `[${markdownCell(code.name)}](./${vendor.id}.md#${anchorId(`${code.set}-uncoded`, code.name)})`
            : `[<code>${markdownCell(code.code)}</code>](./${vendor.id}.md#${anchorId(code.set, code.code)}) ${markdownCell(code.name)}`,
        );
        const more = group.count > group.codes.length ? [`and ${group.count - group.codes.length} more`] : [];
        return [[`[${markdownCell(vendor.name)}](./${vendor.id}.md)`, String(group.count), [...codes, ...more].join("<br>")].join(" | ")];
      }),
    })),
  };
}
