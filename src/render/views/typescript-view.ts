import { defaultFormatField } from "../../model/default-format-field.js";
import type { CodeEntry, CodeSet, Resolution, Retry, UncodedEntry, Vendor } from "../../model/types.js";
import { vendorNamespace } from "../../model/vendor-names.js";
import { jsDocComment, jsDocText, tsString, tsStringOrNull } from "../escape/typescript.js";
import type { SharedInput } from "../shared-input.js";
import { bannerText } from "./banner.js";
import { hasResponseParser } from "./handling-spec.js";
import { joinEach } from "./join.js";
import { lowerFirst, upperSnake } from "./names.js";
import { outcomeText } from "./outcome-text.js";
import { retiredView } from "./retired-view.js";

/** What templates/ts/vendor.ts.hbs sees: every literal already escaped, every name already cased. */
export function typescriptVendorView(vendor: Vendor) {
  return {
    banner: `// ${bannerText(vendor.file)}`,
    vendorDoc: jsDocComment("", [
      `${vendor.name}: ${vendor.summary}`,
      ...vendor.guidance.map((item) => [`${item.title}: ${item.text}`, ...item.items.map((line) => `- ${line}`)].join("\n")),
    ]),
    vendorId: tsString(vendor.id),
    vendorName: tsString(vendor.name),
    codeSets: vendor.codeSets.map(codeSetView),
    handlingModule: hasResponseParser(vendor) ? tsString(`./${vendor.id}.handling.js`) : null,
    ...runtimeImports(vendor),
  };
}

/** Import only what the module uses, so it compiles under noUnusedLocals too. */
function runtimeImports(vendor: Vendor) {
  const usesFormat = vendor.codeSets.some((set) => set.codes.some((entry) => entry.placeholders.length > 0));
  const usesUncoded = vendor.codeSets.some((set) => set.uncoded.length > 0);
  const usesRetired = vendor.codeSets.some((set) => set.codes.some((entry) => entry.retired));
  const usesDigitsRetired = vendor.codeSets.some((set) => set.format.kind === "digits" && set.codes.some((entry) => entry.retired));
  const types = [
    "CodeInfo",
    ...(usesFormat ? ["FormatOptions"] : []),
    "Parsed",
    ...(usesRetired ? ["RetiredInfo"] : []),
    ...(usesUncoded ? ["UncodedInfo"] : []),
  ];
  const values = [
    ...(usesFormat ? ["fillPlaceholders"] : []),
    ...(usesDigitsRetired ? ["formatDigits"] : []),
    ...(usesUncoded ? ["matchUncoded as matchUncodedEntry"] : []),
  ];
  return { typeImports: types.join(", "), valueImports: values.join(", ") };
}

/** What templates/ts/index.ts.hbs sees. */
export function typescriptIndexView(shared: SharedInput) {
  return {
    banner: `// ${bannerText("every catalog")}`,
    vendors: shared.summary.vendors.map((vendor) => ({
      namespace: vendorNamespace(vendor.id),
      module: tsString(`./${vendor.id}.js`),
      doc: jsDocComment("", [vendor.name]),
    })),
  };
}

export function typescriptRuntimeView() {
  return { banner: `// ${bannerText("codebook's runtime template")}` };
}

function codeSetView(set: CodeSet) {
  const kind = set.format.kind;
  const codeType = kind === "integer" ? "number" : "string";
  // Retired codes leave the enum; parse() still tells them from unknown codes.
  const live = set.codes.filter((entry) => !entry.retired);
  const retired = set.codes.filter((entry) => entry.retired);
  const withPlaceholders = live.filter((entry) => entry.placeholders.length > 0);
  return {
    typeName: set.typeName,
    doc: jsDocComment("", [set.title, set.description]),
    constPrefix: upperSnake(set.typeName),
    mapPrefix: lowerFirst(set.typeName),
    codeType,
    isInteger: kind === "integer",
    isDigits: kind === "digits",
    isSymbolic: kind === "symbolic",
    width: set.format.kind === "digits" ? set.format.width : 0,
    members: live.map((entry) => memberView(set, entry)),
    hasRetired: retired.length > 0,
    retired: retiredView(retired, tsString, tsStringOrNull),
    hasPlaceholders: withPlaceholders.length > 0,
    placeholderMembers: withPlaceholders.map((entry) => ({
      name: entry.name,
      fields: entry.placeholders.map((p) => ({ name: p.name, doc: jsDocComment("    ", [p.description, `Replaces ${p.token}.`]) })),
    })),
    hasUncoded: set.uncoded.length > 0,
    uncoded: set.uncoded.map(uncodedView),
    uncodedNames: set.uncoded.map((entry) => tsString(entry.name)).join(" | "),
  };
}

function memberView(set: CodeSet, entry: CodeEntry) {
  const literal = set.format.kind === "integer" ? String(entry.code) : tsString(entry.wire);
  const tags = [...(entry.deprecated ? [`@deprecated${deprecationText(entry)}`] : []), ...(entry.reserved ? ["Reserved for future use: not sent yet."] : [])];
  const category = set.categories.find((c) => c.id === entry.category);
  const scope = set.scopes.find((s) => s.id === entry.scope);
  return {
    name: entry.name,
    literal,
    doc: jsDocComment(
      "  ",
      [
        `Code ${literal}${entry.message !== undefined ? `: ${entry.message}` : ""}`,
        entry.description,
        entry.action && `Action: ${entry.action}`,
        outcomeText(entry.resolution),
        entry.handling && `Handling: ${entry.handling}`,
        ...entry.notes.map((note) => `Note: ${note}`),
      ],
      tags,
    ),
    info: {
      message: tsStringOrNull(entry.message),
      alternativeMessages: `[${joinEach(entry.alternativeMessages, tsString, ", ")}]`,
      description: tsStringOrNull(entry.description),
      action: tsStringOrNull(entry.action),
      httpStatus: entry.httpStatus === undefined ? "null" : String(entry.httpStatus),
      scope: scope ? `{ id: ${tsString(scope.id)}, title: ${tsString(scope.title)} }` : "null",
      category: category ? `{ id: ${tsString(category.id)}, title: ${tsString(category.title)} }` : "null",
      endpoints: `[${joinEach(entry.endpoints, tsString, ", ")}]`,
      retry: retryLiteral(entry.retry),
      deprecated: entry.deprecated
        ? `{ reason: ${tsStringOrNull(entry.deprecated.reason)}, replacement: ${tsStringOrNull(entry.deprecated.replacement)} }`
        : "null",
      reserved: String(entry.reserved),
      translations: `new Map([${joinEach(
        entry.translations,
        (t) => `[${tsString(t.locale)}, { ${joinEach(Object.entries(t.texts), ([field, text]) => `${field}: ${tsString(text)}`, ", ")} }]`,
        ", ",
      )}])`,
      placeholders: `[${joinEach(entry.placeholders, (p) => `{ name: ${tsString(p.name)}, token: ${tsString(p.token)} }`, ", ")}]`,
      defaultField: tsString(defaultFormatField(entry)),
      outcome: outcomeLiteral(entry.resolution),
      handling: tsStringOrNull(entry.handling),
      notes: `[${joinEach(entry.notes, tsString, ", ")}]`,
    },
  };
}

function deprecationText(entry: CodeEntry): string {
  const parts = [entry.deprecated?.reason, entry.deprecated?.replacement && `Use ${entry.deprecated.replacement} instead.`].filter(Boolean);
  return parts.length > 0 ? ` ${jsDocCommentInline(parts.join(" "))}` : "";
}

function jsDocCommentInline(text: string): string {
  return jsDocText(text.replace(/\s+/g, " "));
}

function retryLiteral(retry: Retry | undefined): string {
  if (!retry) return "null";
  const delay = (value: number | undefined) => (value === undefined ? "null" : String(value));
  return `{ policy: ${tsString(retry.policy)}, minDelaySeconds: ${delay(retry.minDelaySeconds)}, maxDelaySeconds: ${delay(retry.maxDelaySeconds)}, note: ${tsStringOrNull(retry.note)} }`;
}

function uncodedView(entry: UncodedEntry) {
  return {
    name: entry.name,
    doc: jsDocComment("  ", [
      `HTTP ${entry.httpStatus}: ${entry.message}`,
      entry.case,
      entry.description,
      entry.action && `Action: ${entry.action}`,
      outcomeText(entry.resolution),
    ]),
    nameLiteral: tsString(entry.name),
    httpStatus: String(entry.httpStatus),
    message: tsString(entry.message),
    case: tsStringOrNull(entry.case),
    description: tsStringOrNull(entry.description),
    action: tsStringOrNull(entry.action),
    retry: retryLiteral(entry.retry),
    outcome: outcomeLiteral(entry.resolution),
  };
}

/** The resolved outcome as an OutcomeInfo literal. */
function outcomeLiteral(resolution: Resolution): string {
  const { retry } = resolution;
  const delay = (value: number | undefined) => (value === undefined ? "null" : String(value));
  return `{ id: ${tsString(resolution.outcome)}, retry: { policy: ${tsString(retry.policy)}, minDelaySeconds: ${delay(retry.minDelaySeconds)}, maxDelaySeconds: ${delay(retry.maxDelaySeconds)}, delaysSeconds: [${retry.delaysSeconds.join(", ")}] }, action: ${tsString(resolution.action)}, basis: ${tsString(resolution.basis)}, source: ${tsStringOrNull(resolution.source)}, evidence: ${tsStringOrNull(resolution.evidence)} }`;
}
